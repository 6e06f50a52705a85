import FoundationEssentials
import Glibc
import Vault

// What full Foundation gave the CLI, for a binary that links FoundationEssentials alone
// (see Sources/Vault/Support/Essentials.swift).

/// ISO 8601 times in UTC, whole seconds (as ISOTime() wrote and read them).
struct ISOTime {
    func string(from date: Date) -> String { ISO8601.string(date) }
    func date(from text: String) -> Date? { ISO8601.date(text) }
}

/// The controlling terminal, opened for reading and writing (not for secrets: prompts with no
/// echo are elsewhere).
final class TerminalDevice {
    private let fd: Int32

    init?(path: String = "/dev/tty") {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            off += n
        }
    }

    /// One byte, or nil at the end of input (or on an error).
    func readByte() -> UInt8? {
        var b: UInt8 = 0
        while true {
            let n = read(fd, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}

/// `--utc`: times in text are shown in UTC instead of local time. It is global: it may stand
/// anywhere before `--` on any command (`vaultcli --utc tx list`, `vaultcli tx list --utc`), and
/// `VAULTCLI_UTC=1` in the environment does the same (a script or a timer sets it once). It also
/// makes bare dates (`--since 2026-11-22`) and the days of `tx summary` UTC days. JSON is UTC
/// either way.
enum TimeOption {
    static let flag = "--utc"

    /// Takes `--utc` out of `arguments` and sets `LocalTime.mode` from it or `$VAULTCLI_UTC`;
    /// a session agent is told through `VAULTCLI_UTC`, which it is sent.
    static func apply(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var utc = false, afterDashes = false
        for a in arguments {
            if !afterDashes && a == flag { utc = true; continue }
            if a == "--" { afterDashes = true }
            out.append(a)
        }
        if utc { setenv("VAULTCLI_UTC", "1", 1) }
        let env = getenv("VAULTCLI_UTC").map { String(cString: $0) } ?? ""
        LocalTime.mode = utc || ["1", "yes", "true"].contains(env.lowercased()) ? .utc : .local
        tzset()
        return out
    }
}
