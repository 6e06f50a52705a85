import FoundationEssentials
import Glibc
import VaultCrypto

// Where an operator's secrets live: their private data (password history, one-time-code secret),
// the copy of their personal key that managers and admins open, the subjects these records are
// filed under, and reading them back.

/// An operator's private data (history hashes, TOTP secret), sealed inside a shared-class record
/// under the operator's personal key.
struct OperatorPrivate: Codable {
    /// PHC strings (crypto_pwhash_str, own salts) of the current and earlier passwords, newest
    /// first. They are not keyslot material: a separate Argon2id run with its own salt.
    var history: [String]
    /// The TOTP secret (`ALG:BASE32`, locked memory), when the operator enrolled one.
    var totpSecret: SecretBytes?
    /// The last TOTP time step accepted (a code is never accepted twice).
    var totpLastStep: Int64?
    /// A secret shown for enrolment, not yet confirmed with a code.
    var totpPending: SecretBytes?

    static let empty = OperatorPrivate(history: [], totpSecret: nil, totpLastStep: nil, totpPending: nil)
}

/// The personal key of an operator, for managers/admins (class manager, or admin for admins).
struct OperatorKeyCopy: Codable {
    var key: String  // base64
}

extension Session {
    /// The operator's personal key (from their slot).
    var personalKey: SecretBytes? { keys.personalKey }
}

extension KeyRing {
    var personalKey: SecretBytes? {
        get { extra[17] }
        set { extra[17] = newValue }
    }
}

enum OperatorSubjects {
    static func privateData(_ op: [UInt8]) -> [UInt8] { Hash.blake2b(Array("private".utf8) + op, length: 16) }
    static func keyCopy(_ op: [UInt8]) -> [UInt8] { Hash.blake2b(Array("opkey".utf8) + op, length: 16) }
    /// Format v2: a known operator's failed-login counter, keyed by the operator id (random,
    /// never typed).
    static func lockout(vaultId: [UInt8], operatorId: [UInt8]) -> [UInt8] {
        Hash.blake2b(Array("lockout operator".utf8) + vaultId + operatorId, length: 16)
    }
    /// Format v1: a known operator's counter, keyed by their (public) name.
    static func legacyLockout(vaultId: [UInt8], name: String) -> [UInt8] {
        Hash.blake2b(Array("lockout".utf8) + vaultId + Array(UnicodeFolding.nfc(name).lowercased().utf8), length: 16)
    }
}

extension Vault {
    /// The key class of an operator's key copy: a cashier's is manager-class (managers reset,
    /// unlock and manage cashiers), a manager's or admin's is admin-class, so no manager can
    /// open another manager's envelope (one-time-code secret, password history).
    static func keyCopyClass(for role: Role) -> KeyClass { role == .cashier ? .manager : .admin }

    static func putKeyCopy(operatorId: [UInt8], role: Role, personalKey: SecretBytes, change: inout Change) throws {
        var kc = personalKey.withUnsafeBytes { Array($0) }
        defer { wipe(&kc) }
        try change.put(.operatorSecrets, subject: OperatorSubjects.keyCopy(operatorId), keyClass: keyCopyClass(for: role),
                       OperatorKeyCopy(key: Data(kc).base64EncodedString()))
    }

    /// Rewrites an operator's private state (history, one-time codes) in their envelope.
    func putPrivate(operatorId: [UInt8], personalKey: SecretBytes, keys: KeyRing, change: inout Change, _ edit: (inout OperatorPrivate) -> Void) throws {
        try updateEnvelope(operatorId: operatorId, personalKey: personalKey, change: &change) { st in
            var p = OperatorPrivate(history: st.history, totpSecret: st.totpSecret, totpLastStep: st.totpLastStep, totpPending: st.totpPending)
            edit(&p)
            st.history = p.history; st.totpSecret = p.totpSecret; st.totpLastStep = p.totpLastStep; st.totpPending = p.totpPending
        }
    }

    func privateData(operatorId: [UInt8], personalKey: SecretBytes, keys: KeyRing) throws -> OperatorPrivate {
        if file.isLegacy {
            guard let wrapper = try record(.operatorPrivate, [String: String].self, subject: OperatorSubjects.privateData(operatorId), keys: keys),
                  let b64 = wrapper["sealed"], let sealed = Data(base64Encoded: b64) else {
                return .empty
            }
            do {
                let json = try XChaCha20Poly1305.open(sealed, key: personalKey, ad: Array("vaultcli operator private".utf8) + operatorId)
                return try JSONDecoder().decode(OperatorPrivate.self, from: Data(json))
            } catch {
                throw VaultError.corrupt(path: path, part: "private record of an operator")
            }
        }
        let (st, _) = try envelope(operatorId: operatorId, personalKey: personalKey)
        return OperatorPrivate(history: st.history, totpSecret: st.totpSecret, totpLastStep: st.totpLastStep, totpPending: st.totpPending)
    }

    /// The personal key of another operator, for managers and admins.
    func personalKey(of profile: OperatorProfile, keys: KeyRing) throws -> SecretBytes {
        let opId = profile.id.bytes
        guard let copy = try record(.operatorSecrets, OperatorKeyCopy.self, subject: OperatorSubjects.keyCopy(opId), keys: keys),
              var raw = Data(base64Encoded: copy.key) else {
            throw VaultError.corrupt(path: path, part: "key copy of operator \(profile.name)")
        }
        defer { wipe(&raw) }
        return try SecretBytes(copying: raw)
    }
}
