internal import CSodium
import FoundationEssentials
import Glibc

/// Ed25519 signatures (libsodium `crypto_sign_*`, detached). Authority records in a format-v2
/// vault are signed with the admin or manager signing key (docs/FORMAT.md A.10).
public enum Ed25519 {
    public static let publicKeyBytes = 32
    public static let secretKeyBytes = 64
    public static let signatureBytes = 64

    /// A new key pair: the 64-byte secret key (seed and public key, libsodium's layout) and the
    /// 32-byte public key.
    public static func generateKeyPair() throws -> (secretKey: SecretBytes, publicKey: [UInt8]) {
        try Sodium.ensure()
        var pk = [UInt8](repeating: 0, count: publicKeyBytes)
        let sk = try SecretBytes(count: secretKeyBytes)
        let rc = sk.withUnsafeMutableBytes { s in crypto_sign_keypair(&pk, s.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        if rc != 0 { throw CryptoError.invalidParameters("crypto_sign_keypair failed") }
        return (sk, pk)
    }

    /// The public key inside a secret key (crypto_sign_ed25519_sk_to_pk).
    public static func publicKey(for secretKey: SecretBytes) throws -> [UInt8] {
        try Sodium.ensure()
        guard secretKey.count == secretKeyBytes else { throw CryptoError.invalidLength(what: "Ed25519 secret key", expected: secretKeyBytes, got: secretKey.count) }
        var pk = [UInt8](repeating: 0, count: publicKeyBytes)
        _ = secretKey.withUnsafeBytes { s in crypto_sign_ed25519_sk_to_pk(&pk, s.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        return pk
    }

    public static func sign(_ message: some ContiguousBytes, secretKey: SecretBytes) throws -> [UInt8] {
        try Sodium.ensure()
        guard secretKey.count == secretKeyBytes else { throw CryptoError.invalidLength(what: "Ed25519 secret key", expected: secretKeyBytes, got: secretKey.count) }
        var sig = [UInt8](repeating: 0, count: signatureBytes)
        let rc = message.withUnsafeBytes { m in
            withBase(m) { mp in
                secretKey.withUnsafeBytes { s in
                    crypto_sign_detached(&sig, nil, mp, UInt64(m.count), s.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        if rc != 0 { throw CryptoError.invalidParameters("crypto_sign_detached failed") }
        return sig
    }

    /// Whether `signature` is a valid signature of `message` under `publicKey`.
    public static func verify(_ signature: some ContiguousBytes, message: some ContiguousBytes, publicKey: [UInt8]) -> Bool {
        guard (try? Sodium.ensure()) != nil, publicKey.count == publicKeyBytes else { return false }
        return signature.withUnsafeBytes { s in
            guard s.count == signatureBytes else { return false }
            return message.withUnsafeBytes { m in
                withBase(m) { mp in
                    crypto_sign_verify_detached(s.baseAddress!.assumingMemoryBound(to: UInt8.self), mp, UInt64(m.count), publicKey) == 0
                }
            }
        }
    }
}
