import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A debug-only record of the work a process does, for structural tests: with
/// `VAULTCLI_TEST_PROBE=FILE` in the environment of a debug build, every Argon2id run, every
/// read of the vault file and every wait for the vault's lock appends one line to FILE.
/// Tests compare these lines instead of wall-clock times (two paths that must not be told apart
/// make the same KDF calls and the same reads), and use the lock lines to prove ordering.
///
/// Release builds compile none of this: `record` is an empty inline function there.
package enum TestProbe {
    #if VAULTCLI_TESTING
    /// Appends `line` to the probe file (O_APPEND, one write per line, so lines from several
    /// processes never interleave). Errors are ignored: the probe never changes behaviour.
    package static func record(_ line: @autoclosure () -> String) {
        guard let p = getenv("VAULTCLI_TEST_PROBE"), p.pointee != 0 else { return }
        let fd = open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line() + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
    #else
    @inline(__always) package static func record(_ line: @autoclosure () -> String) {}
    #endif
}

extension TestProbe {
    /// The time one-time codes are checked against. Debug builds only: with
    /// `VAULTCLI_TEST_TOTP_TIME=UNIX-SECONDS` in the environment, that instant, so that an
    /// end-to-end test's codes (made by oathtool for the same instant) never cross a 30-second
    /// step on a busy machine. Release builds always use `date`.
    @inline(__always)
    package static func totpTime(_ date: Date) -> Date {
        #if VAULTCLI_TESTING
        if let p = getenv("VAULTCLI_TEST_TOTP_TIME"), let s = Int64(String(cString: p)) {
            return Date(timeIntervalSince1970: Double(s))
        }
        #endif
        return date
    }
}
