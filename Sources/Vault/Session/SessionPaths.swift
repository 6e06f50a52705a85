import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where sessions live: `$XDG_RUNTIME_DIR/vaultcli/`, else `/tmp/vaultcli-$UID/` (mode 0700,
/// owned by the user); one socket per vault, named after the vault id.
public enum SessionPaths {
    public static func directory() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let base: String
        if let x = env["XDG_RUNTIME_DIR"], !x.isEmpty, x.hasPrefix("/") { base = x + "/vaultcli" } else { base = "/tmp/vaultcli-\(getuid())" }
        if mkdir(base, 0o700) != 0 && errno != EEXIST { throw VaultError.io(path: base, operation: "create the session directory", errno: errno) }
        var st = stat()
        guard lstat(base, &st) == 0 else { throw VaultError.io(path: base, operation: "inspect", errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw SessionError.insecureDirectory("\(base) is not a directory") }
        guard st.st_uid == getuid() else { throw SessionError.insecureDirectory("\(base) belongs to another user") }
        guard st.st_mode & 0o077 == 0 else { throw SessionError.insecureDirectory("\(base) can be used by others (mode \(String(st.st_mode & 0o777, radix: 8)))") }
        return base
    }

    public static func socket(vaultId: String) throws -> String { try directory() + "/\(vaultId).sock" }
    public static func endedNote(vaultId: String) throws -> String { try directory() + "/\(vaultId).ended" }
}

extension Vault {
    /// The vault id (hex) from the header alone, without taking the lock: what a client needs to
    /// find the session's socket. The agent opens and checks the whole vault itself.
    public static func sessionVaultId(path: String) throws -> String {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { throw VaultError.noVault(path: path) }
            throw VaultError.io(path: path, operation: "inspect", errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw VaultError.symlinkRefused(path: path) }
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw VaultError.io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var b = [UInt8](repeating: 0, count: FormatV1.headerLength)
        var got = 0
        while got < b.count {
            let n = b.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: path, operation: "read", errno: errno) }
            if n == 0 { break }
            got += n
        }
        return try VaultHeader.decode(Array(b[0..<got]), path: path).vaultId.hexString
    }
}
