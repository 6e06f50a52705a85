internal import CSodium
import FoundationEssentials
import Glibc

/// Incremental Poly1305 (crypto_onetimeauth) under a fresh random key: a fast keyed digest for
/// checking that bytes read back from a device are the bytes that were written. With a secret
/// one-time key, no change to the data (accidental or chosen) can keep the tag, except with
/// probability about 2^-100 per check; and it runs at several GB/s where SHA-256 runs at ~400 MB/s.
public final class Poly1305Stream {
    private var state = crypto_onetimeauth_state()
    private let key: SecretBytes

    /// A digest under `key` (32 bytes). Use the same key for the write side and the read-back side.
    public init(key: SecretBytes) throws {
        try Sodium.ensure()
        guard key.count == Int(crypto_onetimeauth_KEYBYTES) else {
            throw CryptoError.invalidLength(what: "Poly1305 key", expected: Int(crypto_onetimeauth_KEYBYTES), got: key.count)
        }
        self.key = key
        key.withUnsafeBytes { k in _ = crypto_onetimeauth_init(&state, k.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    public static func newKey() throws -> SecretBytes { try SecretBytes.random(count: Int(crypto_onetimeauth_KEYBYTES)) }

    public func update(_ data: UnsafeRawBufferPointer) {
        guard let base = data.baseAddress, data.count > 0 else { return }
        _ = crypto_onetimeauth_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(data.count))
    }

    /// The 16-byte tag. Call once.
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(crypto_onetimeauth_BYTES))
        _ = crypto_onetimeauth_final(&state, &out)
        return out
    }

    deinit { sodium_memzero(&state, MemoryLayout<crypto_onetimeauth_state>.size) }
}
