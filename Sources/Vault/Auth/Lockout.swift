import FoundationEssentials
import Glibc
import VaultCrypto

// The failed-login counter: its bytes in the file, the MAC that authenticates a reset (format v2),
// the subject of a known operator's counter, and the lockout state shown to people.

/// Public lockout state: per operator (format v2: keyed by the operator id; v1: by their name),
/// and for names that match no operator, in one of a few vault-keyed buckets (LockoutBuckets).
/// Format v2: a reset (no failures) of a known operator's counter carries a nonce and a MAC
/// under a key only that operator's personal key yields (their own login, an admin, a manager
/// for a cashier); anyone may count a failure. A counter dropped from the file, or reset by
/// someone without that key, is tampering at the operator's next login.
struct LockoutState: Equatable {
    var failures: UInt32 = 0
    var lockedUntil: UInt64 = 0
    var lastFailure: UInt64 = 0
    var nonce: [UInt8]? = nil
    var mac: [UInt8]? = nil

    var isClear: Bool { failures == 0 && lockedUntil == 0 }

    private func counts() -> [UInt8] {
        var w = ByteWriter(); w.u32(failures); w.u64(lockedUntil); w.u64(lastFailure); return w.bytes
    }
    func encode() -> [UInt8] {
        counts() + (nonce ?? []) + (mac ?? [])
    }
    static func decode(_ b: [UInt8]) throws -> LockoutState {
        var r = ByteReader(b)
        var s = LockoutState(failures: try r.u32(), lockedUntil: try r.u64(), lastFailure: try r.u64())
        if !r.atEnd { s.nonce = try r.array(16); s.mac = try r.array(32) }
        guard r.atEnd else { throw ByteReader.Truncated() }
        return s
    }

    static func macKey(personalKey: SecretBytes, vaultId: [UInt8]) throws -> SecretBytes {
        try HKDF.deriveSecret(ikm: personalKey, salt: vaultId, info: Derivation.lockoutResetKey)
    }
    private func macInput(subject: [UInt8], nonce: [UInt8]) -> [UInt8] { Array(Derivation.lockoutMAC.utf8) + subject + counts() + nonce }

    /// A cleared counter, authenticated for `subject` under the operator's lockout key.
    static func reset(subject: [UInt8], personalKey: SecretBytes, vaultId: [UInt8]) throws -> LockoutState {
        var s = LockoutState()
        let n = SecureRandom.bytes(16)
        let k = try macKey(personalKey: personalKey, vaultId: vaultId)
        s.nonce = n
        s.mac = k.withUnsafeBytes { HMACSHA256.mac(key: $0, message: s.macInput(subject: subject, nonce: n)) }
        return s
    }

    func resetIsAuthentic(subject: [UInt8], personalKey: SecretBytes, vaultId: [UInt8]) -> Bool {
        guard isClear, let nonce, let mac, let k = try? LockoutState.macKey(personalKey: personalKey, vaultId: vaultId) else { return false }
        return k.withUnsafeBytes { HMACSHA256.verify(tag: mac, key: $0, message: macInput(subject: subject, nonce: nonce)) }
    }
}

extension Vault {
    /// The failed-login counter subject of a known operator.
    func lockoutSubject(operatorId: [UInt8], name: String) -> [UInt8] {
        file.isLegacy ? OperatorSubjects.legacyLockout(vaultId: file.header.vaultId, name: name)
            : OperatorSubjects.lockout(vaultId: file.header.vaultId, operatorId: operatorId)
    }

    /// Lockout state for display: failures and the time the lock ends (nil when not locked).
    /// Only operators have a counter of their own (a disabled one shows none).
    public func lockoutStatus(name: String, now: Date = Date()) throws -> (failures: Int, lockedUntil: Date?) {
        guard let slot = try operatorSlot(named: name) else { return (0, nil) }
        let s = try lockoutState(subject: lockoutSubject(operatorId: slot.operatorId, name: slot.name))
        let until = s.lockedUntil > UInt64(now.timeIntervalSince1970) ? Date(timeIntervalSince1970: TimeInterval(s.lockedUntil)) : nil
        return (Int(s.failures), until)
    }
}
