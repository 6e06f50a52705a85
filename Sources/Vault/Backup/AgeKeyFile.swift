import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Identity files in age-keygen's layout:
///
///     # created: 2026-11-22T00:15:03Z
///     # public key: age1...
///     AGE-SECRET-KEY-1...
public enum AgeKeyFile {
    /// The file's text, built in locked memory (the secret key never passes through a Swift
    /// string). Write it only to a 0600 file or a pipe, with `withUnsafeBytes`.
    public static func render(_ identity: AgeIdentity, created: Date = Date()) throws -> SecretBytes {
        guard let secret = try identity.secretText(), let r = try identity.recipient()?.string else {
            throw BackupError.invalidIdentity(.notX25519ForKeyFile)
        }
        let head = Array("# created: \(ISO8601.string(created))\n# public key: \(r)\n".utf8)
        return try SecretBytes(count: head.count + secret.count + 1) { out in
            out.copyBytes(from: head)
            secret.withUnsafeBytes { s in UnsafeMutableRawBufferPointer(rebasing: out[head.count..<(head.count + s.count)]).copyMemory(from: s) }
            out[out.count - 1] = 0x0A
        }
    }

    /// Writes a new identity file (PrivateFile.createKeyFile): O_CREAT|O_EXCL|O_NOFOLLOW, mode
    /// 0600, fsynced with its directory, from locked memory. Never overwrites.
    public static func write(_ identity: AgeIdentity, to path: String, created: Date = Date()) throws {
        try PrivateFile.createKeyFile(path, try render(identity, created: created))
    }

    /// Reads identities from a file, refusing one that is not private to the caller (owned by
    /// them, no group or other bits), as ssh refuses a loose private key.
    public static func read(path: String) throws -> [AgeIdentity] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw BackupError.io(path: path, operation: "open the identity file", errno: errno) }
        defer { close(fd) }
        try LooseSecretFile.check(fd: fd, path: path, what: "identity file")
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BackupError.io(path: path, operation: "stat", errno: errno) }
        guard st.st_size <= 1 << 20 else { throw BackupError.invalidIdentity(.fileTooLarge(path: path)) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        defer { wipe(&bytes) }
        var got = 0
        while got < bytes.count {
            let n = try bytes.withUnsafeMutableBytes { try readSome(SystemIO(), fd: fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[got...]), path: path) }
            if n == 0 { break }
            got += n
        }
        let text = String(decoding: bytes[0..<got], as: UTF8.self)
        return try AgeIdentity.parseFile(contents: text, path: path)
    }
}
