internal import CSodium
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Incremental SHA-256 and a byte count, for a stream read from rclone.
public final class SHA256Sink: @unchecked Sendable {
    var state = crypto_hash_sha256_state()
    public private(set) var bytes: Int64 = 0
    public init() { _ = try? Sodium.ensure(); crypto_hash_sha256_init(&state) }
    public func update(_ b: UnsafeRawBufferPointer) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        crypto_hash_sha256_update(&state, p.assumingMemoryBound(to: UInt8.self), UInt64(b.count))
        bytes += Int64(b.count)
    }
    public func digest() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_hash_sha256_final(&state, &out)
        return out
    }
}
