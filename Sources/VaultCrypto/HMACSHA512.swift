internal import CSodium
import FoundationEssentials
import Glibc

// HMAC-SHA-512 (crypto_auth_hmacsha512), for the one-time codes enrolled with SHA-512: the
// only HMAC-SHA-512 use outside this folder, kept here so that no code beyond Crypto/ calls
// libsodium. The hash state is wiped after use, as HMACSHA256 does.

public enum HMACSHA512 {
    public static let outputBytes = 64

    /// HMAC-SHA-512 with a key of any length.
    public static func mac(key: some ContiguousBytes, message: some ContiguousBytes) -> [UInt8] {
        _ = try? Sodium.ensure()
        var st = crypto_auth_hmacsha512_state()
        var out = [UInt8](repeating: 0, count: outputBytes)
        key.withUnsafeBytes { k in
            withBase(k) { kp in _ = crypto_auth_hmacsha512_init(&st, kp, k.count) }
        }
        message.withUnsafeBytes { m in
            withBase(m) { mp in _ = crypto_auth_hmacsha512_update(&st, mp, UInt64(m.count)) }
        }
        _ = crypto_auth_hmacsha512_final(&st, &out)
        sodium_memzero(&st, MemoryLayout<crypto_auth_hmacsha512_state>.size)
        return out
    }
}
