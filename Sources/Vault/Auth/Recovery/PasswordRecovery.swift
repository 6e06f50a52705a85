import FoundationEssentials
import Glibc
import VaultCrypto

// `recover password`: the checks made before any secret is asked for, the question set of an
// operator (or a decoy for an unknown name), and the recovery itself: the proof unwraps the keys,
// the new password is set and the lockouts are cleared.

extension Vault {
    // MARK: recover password

    /// Checks what can be checked before any secret is asked for: recovery is not locked, and
    /// (for questions) the policy lets this role use them. Returns the questions to ask (empty
    /// for the other methods). A name that matches no operator, and an operator with no
    /// questions set up, get decoy questions (the same ones each time), so the answer does not
    /// tell which names exist; wrong answers to them cost the same work and count the same way.
    public func passwordRecoveryChallenge(user: String, method: RecoveryMethod, now: Date = Date()) throws -> (questions: [String], required: Int) {
        let name = Names.normalize(user)
        let slot = try operatorSlot(named: name)
        try checkRecoveryLock(try recoveryLockTarget(slot: slot, name: name).subject, name: name, action: "recover.password",
                              target: slot != nil ? name : "(unknown)", now: now)
        guard method == .questions else { return ([], 0) }
        let allowAdmin = try passwordPolicy().adminRecoveryByQuestions
        if let slot, slot.role == .admin && !allowAdmin {
            try appendAudit([AuditEvent(time: now, actor: "(recovery)", action: "recover.password", target: name, outcome: "refused: admin needs a code or the recovery key")])
            throw RecoveryError.adminNeedsStrongerProof(name: name)
        }
        let set = try passwordQuestionSet(slot: slot, name: name)
        return (set.questions, set.required)
    }

    /// The operator's questions, or decoys picked by a hash of the typed name.
    func passwordQuestionSet(slot: Keyslot?, name: String) throws -> RecoveryQuestionSet {
        if let slot, let set = try questionSet(operatorId: slot.operatorId) { return set }
        return decoyQuestionSet(locator: Hash.blake2b(Array("name:".utf8) + LockoutBuckets.nameInput(name), length: 16))
    }

    /// Recovers an operator's password: checks the proof (a wrong one counts toward the
    /// recovery lockout), then asks `newPassword` for the new password, which must pass the full
    /// policy and the history. Re-issues the operator's password slot, clears their login and
    /// recovery lockouts, burns a used code, and audits, all in one commit.
    public func recoverPassword(user: String, proof: RecoveryProof, newPassword: () throws -> SecretBytes,
                                checker: PasswordRuleChecker, now: Date = Date()) throws -> PasswordRecoveryOutcome {
        let name = Names.normalize(user)
        _ = try passwordRecoveryChallenge(user: name, method: proof.method, now: now)
        let opSlot = try operatorSlot(named: name)
        let lock = try recoveryLockTarget(slot: opSlot, name: name)

        // The proof: keys or nothing.
        var keys: KeyRing?
        var actor = name
        var burn: [UInt8]?
        switch proof {
        case .answers(let answers):
            if let (ring, slot) = try tryAnswers(try passwordQuestionSet(slot: opSlot, name: name), answers: answers) {
                keys = file.isLegacy ? ring : try session(from: slot, ring: ring).0.keys
            }
        case .code(let typed):
            let canonical = try RecoveryCodes.parse(typed)
            if let (s, slotId) = try? unlock(recoveryCode: canonical) { keys = s.keys; burn = slotId; actor = "(recovery code)" }
        case .recoveryKey(let sk):
            guard try keyslots().contains(where: { $0.type == .recoveryKey }) else { throw RecoveryError.noRecoveryKey }
            if let s = try? unlock(recoveryIdentity: sk) { keys = s.keys; actor = "(recovery key)" }
        }
        guard let keys else {
            let left = try recordRecoveryFailure(lock, action: "recover.password", target: opSlot != nil ? name : "(unknown)", method: proof.method, now: now)
            throw RecoveryError.wrongProof(method: proof.method == .questions ? "answers" : proof.method.rawValue, attemptsLeft: left)
        }
        // A right code or recovery key (they open admin keys) may learn that the name is unknown.
        guard let opSlot else {
            try appendAudit([AuditEvent(time: now, actor: actor, action: "recover.password", target: "(unknown)", outcome: "refused: no such operator",
                                        detail: "by \(proof.method.rawValue); the code was not used")])
            throw OperatorError.unknownOperator(name: name)
        }
        let subject = lock.subject
        let opId = opSlot.operatorId

        guard var profile = try signedProfile(operatorId: opId, keys: keys) else {
            throw VaultError.corrupt(path: path, part: "operator profile of \(name) is missing")
        }
        if file.isLegacy { throw VaultError.needsUpgrade(path: path) }
        if profile.status == .disabled {
            try appendAudit([AuditEvent(time: now, actor: actor, action: "recover.password", target: name, outcome: "refused: disabled")])
            throw OperatorError.disabled(name: name)
        }
        // The personal key: from the questions slot itself, else from the admin-class copy.
        let pk: SecretBytes
        if let own = keys.personalKey { pk = own } else { pk = try personalKey(of: profile, keys: keys) }
        let priv = try privateData(operatorId: opId, personalKey: pk, keys: keys)
        let pw = try newPassword()
        try checkPolicy(pw, profile: profile, checker: checker)
        try checkHistory(pw, history: priv.history, count: checker.accountRules.historyCount)

        // A recovery code or the offline key is strong proof (questions are not): it also turns
        // one-time codes off, so a sole admin who lost her phone is not locked out for good.
        var kept = priv
        let clearCodes = proof.method != .questions && (priv.totpSecret != nil || priv.totpPending != nil)
        if clearCodes { kept.totpSecret = nil; kept.totpPending = nil; kept.totpLastStep = nil }
        var change = Change()
        try passwordFrames(profile: &profile, password: pw, keys: keys, personalKey: pk, keeping: kept,
                           rules: checker.accountRules, mustChange: false, now: now, writeKeyCopy: false, change: &change)
        change.putPublic(.lockout, subject: subject, body: LockoutState().encode())
        var codesLeft: Int?
        if let burn {
            change.removeSlot(burn)
            try putRecoverySlots(removing: [burn], keys: keys, change: &change)
            codesLeft = try recoveryCodesLeft() - 1
        }
        try change.audit(AuditEvent(time: now, actor: actor, action: "recover.password", target: name,
                                    detail: "by \(proof.method.rawValue)" + (codesLeft.map { "; code used and revoked, \($0) left" } ?? "")
                                        + (clearCodes ? "; one-time codes turned off" : "")))
        try commit(change, keys: keys)
        var outcome = PasswordRecoveryOutcome(name: name, method: proof.method, codesLeft: codesLeft)
        outcome.oneTimeCodesCleared = clearCodes
        return outcome
    }
}
