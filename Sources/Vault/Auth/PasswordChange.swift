import FoundationEssentials
import Glibc
import VaultCrypto

// An operator's password: the policy and history checks, the keyslot, envelope, cleared lockout
// counter and key copy a new password writes, the history hashes, a change by the operator and a
// reset by an admin or manager.

extension Vault {
    // MARK: passwords

    /// The history hashes and the check against them.
    func checkHistory(_ password: SecretBytes, history: [String], count: Int) throws {
        for phc in history.prefix(count) where (try? Argon2id.verify(password, phc: phc)) == true {
            throw OperatorError.reused(count: count)
        }
    }

    func checkPolicy(_ password: SecretBytes, profile: OperatorProfile, checker: PasswordRuleChecker) throws {
        let v = checker.violations(password, context: PersonalContext(username: profile.name, phone: profile.phone, email: profile.email))
        if !v.isEmpty { throw OperatorError.policy(violations: v) }
    }

    /// Builds the slot and records for an operator's new password. `personalKey` is kept
    /// across password changes so the history stays readable. Every password slot the
    /// operator had is removed, and so erased from the file (revocation, A.10).
    func passwordFrames(profile: inout OperatorProfile, password: SecretBytes, keys: KeyRing, personalKey: SecretBytes,
                                keeping old: OperatorPrivate, rules: AccountRules, mustChange: Bool, now: Date, writeKeyCopy: Bool = true, change: inout Change) throws {
        let opId = profile.id.bytes
        for s in try keyslots() where s.type == .operatorPassword && s.operatorId == opId { change.removeSlot(s.id) }
        try Vault.passwordFrames(vaultId: file.header.vaultId, kdf: file.header.kdf, profile: &profile, password: password, keys: keys,
                                 personalKey: personalKey, keeping: old, rules: rules, mustChange: mustChange, now: now,
                                 writeKeyCopy: writeKeyCopy, change: &change)
    }

    /// The slot (holding only the personal key), the envelope (the role's keys and the
    /// operator's state), the signed profile where the writer may vouch for it, and the key copy.
    static func passwordFrames(vaultId: [UInt8], kdf: KDFParameters, profile: inout OperatorProfile, password: SecretBytes, keys: KeyRing,
                               personalKey: SecretBytes, keeping old: OperatorPrivate, rules: AccountRules, mustChange: Bool, now: Date,
                               writeKeyCopy: Bool = true, change: inout Change) throws {
        let slotKeys = KeyRing()
        slotKeys.personalKey = personalKey
        let opId = profile.id.bytes
        let (slot, _) = try Keyslot.makePasswordSlot(vaultId: vaultId, type: .operatorPassword, role: profile.role,
                                                     operatorId: opId, name: profile.name, password: password,
                                                     parameters: kdf, keys: slotKeys)
        if let old = [UInt8](hexString: profile.slotId), old != slot.id { change.removeSlot(old) }
        change.putSlot(slot)
        // A separate Argon2id hash (own salt) for the history: never keyslot material.
        let phc = try Argon2id.hashPassword(password, parameters: kdf)
        // A new password starts with a cleared (authenticated) failed-login counter, whose nonce
        // the envelope keeps.
        let lockSubject = OperatorSubjects.lockout(vaultId: vaultId, operatorId: opId)
        let cleared = try LockoutState.reset(subject: lockSubject, personalKey: personalKey, vaultId: vaultId)
        change.putPublic(.lockout, subject: lockSubject, body: cleared.encode())
        let state = EnvelopeState(slotId: slot.id.hexString, history: Array(([phc] + old.history).prefix(max(rules.historyCount, 1))),
                                  passwordChangedAt: now, mustChangePassword: mustChange, totpSecret: old.totpSecret,
                                  totpLastStep: old.totpLastStep, totpPending: old.totpPending, lockoutNonce: cleared.nonce?.hexString)
        try putEnvelope(vaultId: vaultId, operatorId: opId, role: profile.role, state: state, writer: keys, personalKey: personalKey, change: &change)
        profile.slotId = slot.id.hexString
        profile.passwordChangedAt = now
        profile.mustChangePassword = mustChange
        if profileSigner(writer: keys, role: profile.role) != nil { try putProfile(profile, writer: keys, change: &change) }
        if writeKeyCopy {
            // A copy of the personal key, so a reset keeps the history readable: for managers
            // too when it is a cashier's, for admins alone otherwise. An operator changing their
            // own password keeps the same key, so the copy stays as it is.
            try putKeyCopy(operatorId: opId, role: profile.role, personalKey: personalKey, change: &change)
        }
    }
}

extension Operators {
    /// PHC strings kept for an operator (history, newest first). Admins and the operator
    /// themself can read them; a manager checks a cashier's new password against them (reset)
    /// but is not handed them.
    public func passwordHashes(of name: String) throws -> [String] {
        let p = try profile(named: name)
        guard p.id.bytes == session.operatorId || session.role == .admin else {
            throw VaultError.permissionDenied(needed: "read another operator's password history", role: session.role.rawValue)
        }
        let key = p.id.bytes == session.operatorId ? session.personalKey! : try vault.personalKey(of: p, keys: session.keys)
        return try vault.privateData(operatorId: p.id.bytes, personalKey: key, keys: session.keys).history
    }

    /// An operator changes their own password (after logging in with the current one).
    public func changeOwnPassword(newPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws {
        var profile = try self.profile(named: session.operatorName)
        try vault.checkPolicy(newPassword, profile: profile, checker: checker)
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: vault.path, part: "keyslot without a personal key") }
        let priv = try vault.privateData(operatorId: session.operatorId, personalKey: pk, keys: session.keys)
        try vault.checkHistory(newPassword, history: priv.history, count: checker.accountRules.historyCount)
        var change = Change()
        try vault.passwordFrames(profile: &profile, password: newPassword, keys: session.keys, personalKey: pk, keeping: priv,
                                 rules: checker.accountRules, mustChange: false, now: now, writeKeyCopy: false, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.passwd", target: session.operatorName))
        try vault.commit(change, keys: session.keys)
    }

    /// An admin (anyone) or manager (cashiers) sets a temporary password for another operator,
    /// which must be changed at first use.
    public func resetPassword(name: String, newPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws {
        var profile = try self.profile(named: name)
        try Permission.resetPassword.require(session, target: profile.role)
        try vault.checkPolicy(newPassword, profile: profile, checker: checker)
        let pk = try vault.personalKey(of: profile, keys: session.keys)
        let opId = profile.id.bytes
        let priv = try vault.privateData(operatorId: opId, personalKey: pk, keys: session.keys)
        try vault.checkHistory(newPassword, history: priv.history, count: checker.accountRules.historyCount)
        var change = Change()
        try vault.passwordFrames(profile: &profile, password: newPassword, keys: session.keys, personalKey: pk, keeping: priv,
                                 rules: checker.accountRules, mustChange: checker.accountRules.mustChangeAfterReset, now: now, change: &change)
        // A reset also clears a lockout (passwordFrames writes the cleared counter).
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.reset", target: profile.name))
        try vault.commit(change, keys: session.keys)
    }
}
