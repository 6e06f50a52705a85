import FoundationEssentials
import Glibc

// `recover username`: a challenge that looks the same whether or not the contact is bound, and the
// answer (operators and, with admin keys, account usernames bound to the contact) once the proof
// is right.

extension Vault {
    // MARK: recover username

    /// The first step of `recover username`: the same work (one Argon2id run for the locator),
    /// the same lock check and the same kind of questions whether or not the contact is bound.
    public func usernameRecoveryChallenge(contact: RecoveryContact, method: RecoveryMethod, now: Date = Date()) throws -> UsernameChallenge {
        try usernameRecoveryChallenge(contact: contact, method: method, locator: try contactLocator(contact), now: now)
    }

    /// The same challenge taken again from this vault (opened again, e.g. under its lock after
    /// the proof was read with no lock held), without a second Argon2id run for the locator
    /// unless the vault id or KDF changed meanwhile.
    public func usernameRecoveryChallenge(renewing c: UsernameChallenge, now: Date = Date()) throws -> UsernameChallenge {
        let same = c.locatorParameters.0 == file.header.vaultId && c.locatorParameters.1 == file.header.kdf
        return try usernameRecoveryChallenge(contact: c.contact, method: c.method, locator: same ? c.locator : try contactLocator(c.contact), now: now)
    }

    func usernameRecoveryChallenge(contact: RecoveryContact, method: RecoveryMethod, locator: [UInt8], now: Date) throws -> UsernameChallenge {
        let hex = locator.hexString
        let match = try allQuestionSets().first { $0.contactLocators.contains(hex) }
        // Counted per contact in a vault-keyed bucket, known or not: wrong attempts on a phone
        // neither lock the operator bound to it nor behave differently for an unbound one.
        let lock = try lockoutBucket(.recoveryContact, input: locator)
        let target = match?.name ?? "(unknown contact)"
        try checkRecoveryLock(lock.subject, name: nil, action: "recover.username", target: target, now: now)
        let set = match ?? decoyQuestionSet(locator: locator)
        return UsernameChallenge(contact: contact, method: method, questions: method == .questions ? set.questions : [],
                                 required: set.required, set: set, lock: lock, auditTarget: target,
                                 locator: locator, locatorParameters: (file.header.vaultId, file.header.kdf))
    }

    /// Checks the proof for a username challenge, then lists the operators (and, with admin
    /// keys and a directory, the account usernames) bound to the contact. A wrong proof gets
    /// one message whether or not the contact is bound.
    public func recoverUsername(_ c: UsernameChallenge, proof: RecoveryProof, accounts: BoundAccountDirectory? = nil,
                                now: Date = Date()) throws -> UsernameRecoveryResult {
        var keys: KeyRing?
        var actor = "(recovery)"
        var burn: [UInt8]?
        switch proof {
        case .answers(let answers):
            // A decoy set has no slots: every subset costs a dummy Argon2id run, as a real one would.
            if let (ring, slot) = try tryAnswers(c.set, answers: answers) {
                keys = file.isLegacy ? ring : try session(from: slot, ring: ring).0.keys
                actor = slot.name
            }
        case .code(let typed):
            let canonical = try RecoveryCodes.parse(typed)
            if let (s, slotId) = try? unlock(recoveryCode: canonical) { keys = s.keys; burn = slotId; actor = "(recovery code)" }
        case .recoveryKey(let sk):
            if let s = try? unlock(recoveryIdentity: sk) { keys = s.keys; actor = "(recovery key)" }
        }
        guard let keys else {
            _ = try recordRecoveryFailure(c.lock, action: "recover.username", target: c.auditTarget, method: proof.method, now: now)
            throw RecoveryError.wrongProof(method: proof.method == .questions ? "answers" : proof.method.rawValue, attemptsLeft: nil)
        }
        let session = Session(operatorName: actor, role: keys.holdsAll() ? .admin : .cashier, operatorId: [UInt8](repeating: 0, count: 16), keys: keys)
        let names = try records(.operatorProfile, OperatorProfile.self, keys: keys).map(\.value).filter { c.contact.matches($0) }.map(\.name).sorted()
        var accountNames: [String]?
        if keys.holdsAll(), let accounts { accountNames = try accounts.usernames(boundTo: c.contact, as: unlocked(by: session)).sorted() }
        var change = Change()
        if c.lock.newKey == nil { change.putPublic(.lockout, subject: c.lock.subject, body: LockoutState().encode()) }
        let found = names.count + (accountNames?.count ?? 0)
        // A code that finds nothing is not spent: the answer only comes after a valid code, so
        // keeping it tells nothing to someone without one.
        if found == 0 { burn = nil }
        if let burn {
            change.removeSlot(burn)
            if !file.isLegacy { try putRecoverySlots(removing: [burn], keys: keys, change: &change) }
        }
        try change.audit(AuditEvent(time: now, actor: actor, action: "recover.username", target: c.auditTarget,
                                    outcome: found > 0 ? "ok" : "ok: nothing bound",
                                    detail: "by \(proof.method.rawValue) for a \(c.contact.kind.rawValue); \(names.count) operator(s)" +
                                        (accountNames.map { ", \($0.count) account(s)" } ?? "") + (burn != nil ? "; code used and revoked" : "")))
        try commit(change, keys: keys)
        if found == 0 { throw RecoveryError.nothingBound(c.contact.kind == .phone ? .phone : .email) }
        return UsernameRecoveryResult(contact: c.contact, operators: names, accountUsernames: accountNames)
    }
}
