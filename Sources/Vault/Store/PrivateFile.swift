import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Files that hold a secret (a password file, an age identity) are used only when they are
/// private to the caller, as ssh refuses a loose private key: owned by the user running
/// vaultcli, with no group or other permission bits.
public struct LooseSecretFile: UserFacingError, Equatable {
    public let path: String
    /// "password file" or "identity file".
    public let what: String
    public let mode: UInt32
    public let owner: UInt32
    public let me: UInt32

    public var message: String {
        var why: [String] = []
        if owner != me { why.append("is owned by user id \(owner), not by you (\(me))") }
        if mode & 0o077 != 0 { why.append("can be read by others (mode \(String(mode & 0o777, radix: 8)))") }
        return "the \(what) \(path) \(why.joined(separator: " and ")), so it was not used"
    }

    public var hints: [String] {
        var h: [String] = []
        if owner != me { h.append("make it yours: `sudo chown \(me) \(path)` (or copy it to a file of your own)") }
        if mode & 0o077 != 0 { h.append("run `chmod 600 \(path)` and try again") }
        return h
    }

    public var exitCode: ExitStatus { .usage }

    /// Checks an open file: owned by the effective user, no group or other bits.
    public static func check(fd: Int32, path: String, what: String) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw VaultError.io(path: path, operation: "stat", errno: errno) }
        let me = UInt32(geteuid())
        if st.st_uid != me || st.st_mode & 0o077 != 0 {
            throw LooseSecretFile(path: path, what: what, mode: UInt32(st.st_mode), owner: UInt32(st.st_uid), me: me)
        }
    }
}
