internal import CSodium
import FoundationEssentials
import Glibc

/// Hash functions: SHA-256 and BLAKE2b (crypto_generichash).
public enum Hash {
    public static func sha256(_ data: some ContiguousBytes) -> [UInt8] {
        _ = try? Sodium.ensure()
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { d in
            withBase(d) { p in _ = crypto_hash_sha256(&out, p, UInt64(d.count)) }
        }
        return out
    }

    /// BLAKE2b with an output of `length` bytes (16...64), optionally keyed.
    public static func blake2b(_ data: some ContiguousBytes, length: Int = 32, key: [UInt8] = []) -> [UInt8] {
        _ = try? Sodium.ensure()
        precondition(length >= 16 && length <= 64)
        var out = [UInt8](repeating: 0, count: length)
        data.withUnsafeBytes { d in
            withBase(d) { p in
                key.withUnsafeBytes { k in
                    withBase(k) { kp in
                        _ = crypto_generichash(&out, length, p, UInt64(d.count), key.isEmpty ? nil : kp, key.count)
                    }
                }
            }
        }
        return out
    }

    /// Incremental SHA-256, for hashing a stream while it is written.
    public struct SHA256Stream: ~Copyable {
        private var state = crypto_hash_sha256_state()
        public init() {
            _ = try? Sodium.ensure()
            crypto_hash_sha256_init(&state)
        }
        public mutating func update(_ data: UnsafeRawBufferPointer) {
            guard let base = data.baseAddress, data.count > 0 else { return }
            crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(data.count))
        }
        public mutating func update(_ data: some ContiguousBytes) {
            data.withUnsafeBytes { update($0) }
        }
        public consuming func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 32)
            crypto_hash_sha256_final(&state, &out)
            return out
        }
    }

    /// Incremental BLAKE2b (crypto_generichash), unkeyed, `length` bytes of output (32 by
    /// default: BLAKE2b-256, the same digest as `b2sum -l 256`). libsodium wants its state
    /// 64-byte aligned, so it lives in its own aligned allocation.
    public struct BLAKE2bStream: ~Copyable {
        // libsodium's crypto_generichash_state is 64-byte aligned, which Swift does not import:
        // it is handled as an opaque pointer to its own allocation.
        private let raw: UnsafeMutableRawPointer
        private let length: Int
        private var state: OpaquePointer { OpaquePointer(raw) }
        private static var stateSize: Int { max(crypto_generichash_statebytes(), 384) }

        public init(length: Int = 32) {
            _ = try? Sodium.ensure()
            precondition(length >= 16 && length <= 64)
            self.length = length
            raw = UnsafeMutableRawPointer.allocate(byteCount: Self.stateSize, alignment: 64)
            _ = crypto_generichash_init(OpaquePointer(raw), nil, 0, length)
        }

        public mutating func update(_ data: UnsafeRawBufferPointer) {
            guard let base = data.baseAddress, data.count > 0 else { return }
            _ = crypto_generichash_update(state, base.assumingMemoryBound(to: UInt8.self), UInt64(data.count))
        }

        public mutating func update(_ data: some ContiguousBytes) {
            data.withUnsafeBytes { update($0) }
        }

        public consuming func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: length)
            _ = crypto_generichash_final(state, &out, length)
            return out
        }

        deinit {
            sodium_memzero(raw, Self.stateSize)
            raw.deallocate()
        }
    }
}

/// Incremental SHA-256 as a reference type, for a stream hashed by an object that outlives
/// one call (the fleet's upload and download sinks); `digest()` may be called once, at the end.
public final class SHA256Hasher: @unchecked Sendable {
    private var state = crypto_hash_sha256_state()
    public init() {
        _ = try? Sodium.ensure()
        crypto_hash_sha256_init(&state)
    }
    public func update(_ data: UnsafeRawBufferPointer) {
        guard let base = data.baseAddress, data.count > 0 else { return }
        crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(data.count))
    }
    public func digest() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_hash_sha256_final(&state, &out)
        return out
    }
}
