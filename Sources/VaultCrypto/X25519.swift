internal import CSodium
import FoundationEssentials
import Glibc

/// X25519 key agreement (crypto_scalarmult_curve25519) and sealed boxes.
public enum X25519 {
    public static let keyBytes = 32

    /// A new key pair: (secret scalar, public key).
    public static func generateKeyPair() throws -> (secretKey: SecretBytes, publicKey: [UInt8]) {
        let sk = try SecretBytes.random(count: keyBytes)
        return (sk, try publicKey(for: sk))
    }

    /// The public key of a secret scalar (crypto_scalarmult_base).
    public static func publicKey(for secretKey: SecretBytes) throws -> [UInt8] {
        try Sodium.ensure()
        guard secretKey.count == keyBytes else { throw CryptoError.invalidLength(what: "X25519 secret key", expected: keyBytes, got: secretKey.count) }
        var pk = [UInt8](repeating: 0, count: keyBytes)
        let rc = secretKey.withUnsafeBytes { s in crypto_scalarmult_base(&pk, s.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        if rc != 0 { throw CryptoError.weakPublicKey }
        return pk
    }

    /// The shared secret X25519(secret, public). Throws `weakPublicKey` when it is all zeroes.
    public static func sharedSecret(secretKey: SecretBytes, publicKey: [UInt8]) throws -> SecretBytes {
        try Sodium.ensure()
        guard secretKey.count == keyBytes else { throw CryptoError.invalidLength(what: "X25519 secret key", expected: keyBytes, got: secretKey.count) }
        guard publicKey.count == keyBytes else { throw CryptoError.invalidLength(what: "X25519 public key", expected: keyBytes, got: publicKey.count) }
        let out = try SecretBytes(count: keyBytes)
        let rc: Int32 = out.withUnsafeMutableBytes { o in
            secretKey.withUnsafeBytes { s in
                crypto_scalarmult(o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                  s.baseAddress!.assumingMemoryBound(to: UInt8.self), publicKey)
            }
        }
        // libsodium returns -1 for an all-zero output (low-order point).
        if rc != 0 { throw CryptoError.weakPublicKey }
        return out
    }
}

/// Anonymous sealed boxes (crypto_box_seal): anyone can write to a public key; only the
/// holder of the secret key can read. Used for audit events written by a process that holds
/// no vault key (a failed login, a backup by a timer).
public enum SealedBox {
    public static let overheadBytes = Int(crypto_box_sealbytes())

    public static func seal(_ message: some ContiguousBytes, to publicKey: [UInt8]) throws -> [UInt8] {
        try Sodium.ensure()
        guard publicKey.count == 32 else { throw CryptoError.invalidLength(what: "box public key", expected: 32, got: publicKey.count) }
        let n = message.withUnsafeBytes { $0.count }
        var out = [UInt8](repeating: 0, count: n + overheadBytes)
        let rc = message.withUnsafeBytes { m in withBase(m) { mp in crypto_box_seal(&out, mp, UInt64(n), publicKey) } }
        if rc != 0 { throw CryptoError.weakPublicKey }
        return out
    }

    public static func open(_ sealed: some ContiguousBytes, publicKey: [UInt8], secretKey: SecretBytes) throws -> [UInt8] {
        try Sodium.ensure()
        let n = sealed.withUnsafeBytes { $0.count }
        guard n >= overheadBytes else { throw CryptoError.authenticationFailed }
        var out = [UInt8](repeating: 0, count: n - overheadBytes)
        let rc: Int32 = sealed.withUnsafeBytes { s in
            secretKey.withUnsafeBytes { sk in
                out.withUnsafeMutableBytes { o in
                    var scratch: UInt8 = 0
                    return crypto_box_seal_open(o.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? withUnsafeMutablePointer(to: &scratch) { $0 },
                                                s.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(n), publicKey,
                                                sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        if rc != 0 { throw CryptoError.authenticationFailed }
        return out
    }
}
