import FoundationEssentials
import Glibc
import VaultCrypto

// The recovery lockout, separate from login's: its limits, the subjects its counters are filed
// under, and checking, counting, showing and clearing a lock.

/// The recovery lockout: separate from login's, so guessing answers cannot lock an operator out
/// of logging in, and logging in cannot reset the recovery count.
public enum RecoveryLimits {
    public static let maxFailures = 5
    public static let lockSeconds = 3600
}

enum RecoveryLockSubjects {
    static func subject(vaultId: [UInt8], key: String) -> [UInt8] {
        Hash.blake2b(Array("recovery-lockout".utf8) + vaultId + Array(key.utf8), length: 16)
    }
    /// Format v1: an operator's recovery counter, keyed by their (public) name.
    static func operatorKey(_ name: String) -> String { "operator:" + UnicodeFolding.nfc(name).lowercased() }
    /// An operator's recovery counter, keyed by the operator id. Names that match no operator and
    /// every phone or e-mail count in vault-keyed buckets (LockoutBuckets).
    static func operatorSubject(vaultId: [UInt8], operatorId: [UInt8]) -> [UInt8] {
        Hash.blake2b(Array("recovery-lockout operator".utf8) + vaultId + operatorId, length: 16)
    }
}

extension Vault {
    // MARK: lockout

    func recoveryLock(_ subject: [UInt8]) throws -> LockoutState {
        try lockoutState(subject: subject, what: "recovery lockout counter")
    }

    func operatorRecoverySubject(_ slot: Keyslot) -> [UInt8] {
        RecoveryLockSubjects.operatorSubject(vaultId: file.header.vaultId, operatorId: slot.operatorId)
    }

    /// The recovery counter for a typed name: the operator's own, or (a name that matches no
    /// operator) a vault-keyed bucket, so an unknown name is counted and locked like a known one.
    func recoveryLockTarget(slot: Keyslot?, name: String) throws -> LockoutBucket {
        if let slot { return LockoutBucket(subject: operatorRecoverySubject(slot), newKey: nil) }
        return try lockoutBucket(.recoveryName, input: LockoutBuckets.nameInput(name))
    }

    /// Throws `locked` (and records the refusal) while the subject is locked.
    func checkRecoveryLock(_ subject: [UInt8], name: String?, action: String, target: String, now: Date) throws {
        let s = try recoveryLock(subject)
        if s.lockedUntil > UInt64(now.timeIntervalSince1970) {
            try appendAudit([AuditEvent(time: now, actor: "(recovery)", action: action, target: target, outcome: "refused: recovery locked")])
            throw RecoveryError.locked(until: Date(timeIntervalSince1970: TimeInterval(s.lockedUntil)), name: name)
        }
    }

    /// Counts a wrong attempt (and locks at the limit); audited. Returns the attempts left.
    func recordRecoveryFailure(_ lock: LockoutBucket, action: String, target: String, method: RecoveryMethod, now: Date) throws -> Int {
        var s = try recoveryLock(lock.subject)
        let t = UInt64(now.timeIntervalSince1970)
        if s.lockedUntil != 0 && s.lockedUntil <= t { s = LockoutState() }
        s.failures += 1
        s.lastFailure = t
        var change = Change()
        try change.audit(AuditEvent(time: now, actor: "(recovery)", action: action, target: target, outcome: "failed", detail: "by \(method.rawValue)"))
        if s.failures >= UInt32(RecoveryLimits.maxFailures) {
            s.lockedUntil = t + UInt64(RecoveryLimits.lockSeconds)
            try change.audit(AuditEvent(time: now, actor: "(recovery)", action: "recover.lockout", target: target, outcome: "locked",
                                        detail: "\(s.failures) wrong recovery attempts; recovery locked for \(RecoveryLimits.lockSeconds / 60) minutes"))
        }
        lock.write(s, vaultId: file.header.vaultId, into: &change)
        try commit(change, keys: KeyRing())
        return max(0, RecoveryLimits.maxFailures - Int(s.failures))
    }

    /// Recovery lockout state of an operator: wrong attempts and the end of the lock.
    public func recoveryLockStatus(name: String, now: Date = Date()) throws -> (failures: Int, lockedUntil: Date?) {
        guard let slot = try operatorSlot(named: name) else { return (0, nil) }
        let s = try recoveryLock(operatorRecoverySubject(slot))
        let until = s.lockedUntil > UInt64(now.timeIntervalSince1970) ? Date(timeIntervalSince1970: TimeInterval(s.lockedUntil)) : nil
        return (Int(s.failures), until)
    }
}

extension RecoveryMaterial {
    /// Clears an operator's recovery lockout (admins). Audited.
    public func clearLock(name: String, now: Date = Date()) throws {
        try Permission.manageRecovery.require(session)
        let n = Names.normalize(name)
        guard let slot = try vault.operatorSlot(named: n) else { throw OperatorError.unknownOperator(name: n) }
        var change = Change()
        change.putPublic(.lockout, subject: vault.operatorRecoverySubject(slot), body: LockoutState().encode())
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recover.unlock", target: n))
        try vault.commit(change, keys: session.keys)
    }
}
