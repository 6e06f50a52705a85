import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The data keys a session holds, by class, plus the audit secret key when the role has it.
public final class KeyRing: @unchecked Sendable {
    var keys: [KeyClass: SecretBytes] = [:]
    var auditSecretKey: SecretBytes?
    /// Other keys a slot can carry, by payload id (17: the operator's personal key).
    var extra: [UInt8: SecretBytes] = [:]

    init() {}

    func key(_ c: KeyClass) -> SecretBytes? { keys[c] }
    public var classes: [KeyClass] { keys.keys.sorted() }
    func holdsAll() -> Bool { keys[.shared] != nil && keys[.manager] != nil && keys[.admin] != nil }
}

extension KeyRing {
    /// A new vault's keys (init, a format upgrade, a key rotation): fresh shared, manager and
    /// admin data keys, the audit key pair, the admin and manager signing keys and the
    /// verification keys that pin them. The caller adds the recovery key and the audit seed.
    static func freshVaultKeys() throws -> (ring: KeyRing, auditPublicKey: [UInt8], trust: TrustAnchor) {
        let ring = KeyRing()
        for c in [KeyClass.shared, .manager, .admin] { ring.keys[c] = try SecretBytes.random(count: 32) }
        let audit = try X25519.generateKeyPair()
        ring.auditSecretKey = audit.secretKey
        let adminSign = try Ed25519.generateKeyPair(), managerSign = try Ed25519.generateKeyPair()
        ring.extra[KeyId.adminSigning] = adminSign.secretKey
        ring.extra[KeyId.managerSigning] = managerSign.secretKey
        let trust = TrustAnchor(admin: adminSign.publicKey, manager: managerSign.publicKey)
        try ring.setTrust(trust)
        return (ring, audit.publicKey, trust)
    }
}
