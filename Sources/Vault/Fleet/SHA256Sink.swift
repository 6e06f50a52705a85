import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Incremental SHA-256 and a byte count, for a stream read from rclone.
public final class SHA256Sink: @unchecked Sendable {
    let sha = SHA256Hasher()
    public private(set) var bytes: Int64 = 0
    public init() {}
    public func update(_ b: UnsafeRawBufferPointer) {
        guard b.count > 0 else { return }
        sha.update(b)
        bytes += Int64(b.count)
    }
    public func digest() -> [UInt8] { sha.digest() }
}
