internal import CSodium
import FoundationEssentials
import Glibc

/// HMAC-SHA-256 (crypto_auth_hmacsha256) and HKDF-SHA-256 (RFC 5869) built on it, since
/// libsodium 1.0.18 has no HKDF.
public enum HMACSHA256 {
    public static let outputBytes = 32

    /// HMAC-SHA-256 with a key of any length.
    public static func mac(key: some ContiguousBytes, message: some ContiguousBytes) -> [UInt8] {
        _ = try? Sodium.ensure()
        var st = crypto_auth_hmacsha256_state()
        var out = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBytes { k in
            withBase(k) { kp in _ = crypto_auth_hmacsha256_init(&st, kp, k.count) }
        }
        message.withUnsafeBytes { m in
            withBase(m) { mp in _ = crypto_auth_hmacsha256_update(&st, mp, UInt64(m.count)) }
        }
        crypto_auth_hmacsha256_final(&st, &out)
        sodium_memzero(&st, MemoryLayout<crypto_auth_hmacsha256_state>.size)
        return out
    }

    /// Constant-time check of a tag.
    public static func verify(tag: some ContiguousBytes, key: some ContiguousBytes, message: some ContiguousBytes) -> Bool {
        var expected = mac(key: key, message: message)
        defer { wipe(&expected) }
        return constantTimeEqual(expected, tag)
    }
}

public enum HKDF {
    /// HKDF-Extract(salt, ikm) = HMAC(salt, ikm). An empty salt means 32 zero bytes.
    public static func extract(salt: some ContiguousBytes, ikm: some ContiguousBytes) -> [UInt8] {
        let saltCount = salt.withUnsafeBytes { $0.count }
        if saltCount == 0 {
            return HMACSHA256.mac(key: [UInt8](repeating: 0, count: 32), message: ikm)
        }
        return HMACSHA256.mac(key: salt, message: ikm)
    }

    /// HKDF-Expand(prk, info, length), length <= 255 * 32.
    public static func expand(prk: some ContiguousBytes, info: some ContiguousBytes, length: Int) throws -> [UInt8] {
        guard length >= 0, length <= 255 * 32 else { throw CryptoError.invalidParameters("HKDF output length \(length) exceeds 8160") }
        let infoBytes: [UInt8] = info.withUnsafeBytes { Array($0) }
        var out: [UInt8] = []
        out.reserveCapacity(length)
        var t: [UInt8] = []
        var counter: UInt8 = 1
        while out.count < length {
            var block = t + infoBytes
            block.append(counter)
            wipe(&t)
            t = HMACSHA256.mac(key: prk, message: block)
            wipe(&block)
            out.append(contentsOf: t.prefix(length - out.count))
            counter &+= 1
        }
        wipe(&t)
        return out
    }

    /// HKDF-SHA-256(salt, ikm, info) -> `length` bytes.
    public static func deriveKey(ikm: some ContiguousBytes, salt: some ContiguousBytes, info: some ContiguousBytes, length: Int) throws -> [UInt8] {
        var prk = extract(salt: salt, ikm: ikm)
        defer { wipe(&prk) }
        return try expand(prk: prk, info: info, length: length)
    }

    /// The same, into secret memory.
    public static func deriveSecret(ikm: SecretBytes, salt: some ContiguousBytes, info: String, length: Int = 32) throws -> SecretBytes {
        var out = try ikm.withUnsafeBytes { (k) throws -> [UInt8] in
            try deriveKey(ikm: k, salt: salt, info: Array(info.utf8), length: length)
        }
        defer { wipe(&out) }
        return try SecretBytes(copying: out)
    }
}
