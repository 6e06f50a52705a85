import FoundationEssentials
import Glibc

/// How someone proves who they are when the password is gone.
public enum RecoveryMethod: String, Sendable {
    case questions, code = "recovery code", recoveryKey = "recovery key"
}

/// The proof itself. Every variant unwraps keys; none is a flag that skips a check.
public enum RecoveryProof {
    /// One entry per question, in order; nil for a question left unanswered.
    case answers([SecretBytes?])
    /// A recovery code as typed (parsed and checked before use).
    case code(SecretBytes)
    /// The offline recovery key's X25519 secret (from an age identity file).
    case recoveryKey(SecretBytes)

    var method: RecoveryMethod {
        switch self { case .answers: .questions; case .code: .code; case .recoveryKey: .recoveryKey }
    }
}

/// A bound phone number or e-mail address, in the canonical form operator profiles and
/// locators use. Mainland China mobile numbers match with or without +86.
public struct RecoveryContact: Sendable, Equatable {
    public enum Kind: String, Sendable { case phone, email }
    public let kind: Kind
    /// The canonical value: E.164 for phones (+86 added to an 11-digit mainland number),
    /// local@domain with the domain lower-cased for e-mail.
    public let value: String

    public init(phone: String) throws {
        let p = try ContactValidation.phone(phone)
        kind = .phone
        value = p.hasPrefix("+") ? p : "+86" + p
    }

    public init(email: String) throws {
        kind = .email
        // Compared without case: mail systems treat the local part so in practice.
        value = try ContactValidation.email(email).lowercased()
    }

    var locatorInput: String { "\(kind.rawValue):\(value)" }

    /// Whether a profile's stored phone or e-mail is this contact.
    func matches(_ p: OperatorProfile) -> Bool {
        switch kind {
        case .phone: (p.phone.flatMap { try? RecoveryContact(phone: $0) }) == self
        case .email: (p.email.flatMap { try? RecoveryContact(email: $0) }) == self
        }
    }

    public var described: String { kind == .phone ? "phone number \(value)" : "e-mail address \(value)" }
}

/// Where `recover username` finds account usernames bound to a phone or e-mail. The accounts
/// feature conforms to it; the lookup runs only after proof and only with admin keys.
public protocol BoundAccountDirectory: Sendable {
    func usernames(boundTo contact: RecoveryContact, vault: Vault, session: Session) throws -> [String]
}

/// Errors of recovery.
public enum RecoveryError: UserFacingError, Equatable {
    /// Too many wrong attempts. `name` is nil where naming the operator would tell an unknown
    /// contact from a known one.
    case locked(until: Date, name: String?)
    /// Wrong answers, code or key. `attemptsLeft` is nil where it could tell contacts apart.
    case wrongProof(method: String, attemptsLeft: Int?)
    case noQuestions(name: String)
    case adminNeedsStrongerProof(name: String)
    case invalidCode
    case trivialAnswer(question: Int, reason: String)
    case invalidSetup(String)
    case noRecoveryKey
    case nothingBound(String)

    public var message: String {
        switch self {
        case .locked(let until, let name):
            "recovery\(name.map { " for \($0)" } ?? "") is locked after \(RecoveryLimits.maxFailures) wrong attempts, until \(ISO8601.string(until))"
        case .wrongProof(let m, let left):
            "the \(m) did not unlock recovery" + (left.map { $0 > 0 ? " (\($0) attempt\($0 == 1 ? "" : "s") left before recovery is locked for an hour)" : "; recovery is now locked for an hour" } ?? "")
        case .noQuestions(let n): "no recovery questions are set up for \(n)"
        case .adminNeedsStrongerProof(let n): "\(n) is an admin: an admin's password is recovered with a recovery code or the offline recovery key, not with questions alone"
        case .invalidCode: "that is not a recovery code: a code is 20 letters and digits, shown as XXXXX-XXXXX-XXXXX-XXXXX"
        case .trivialAnswer(let q, let r): "the answer to question \(q) \(r); choose an answer that only you know"
        case .invalidSetup(let s): s
        case .noRecoveryKey: "this vault holds no offline recovery key"
        case .nothingBound(let c): "no operator or account is bound to that \(c)"
        }
    }

    public var hints: [String] {
        switch self {
        case .locked: ["wait, or ask an admin to run `vaultcli recover unlock NAME`; logging in with a password is not affected"]
        case .wrongProof(let m, _) where m == "answers":
            ["answers ignore case, width and extra spaces; leave an answer empty to skip a question, or use a recovery code (--code)"]
        case .wrongProof: ["check the code or key file; each recovery code works once; ask an admin for a reset (`vaultcli user passwd NAME`)"]
        case .noQuestions: ["use a recovery code (--code), or ask an admin or manager to reset the password with `vaultcli user passwd NAME`"]
        case .adminNeedsStrongerProof: ["use --code with one of the recovery codes printed at `vaultcli init`, or --identity FILE with the offline recovery key", "an admin can allow questions for admins with `vaultcli policy set admin-recovery-by-questions on`"]
        case .invalidCode: ["type the code as printed; dashes and spaces are optional, and upper or lower case both work"]
        case .trivialAnswer: ["answers are compared without case, width or extra spaces, so they must not be guessable; nothing was changed"]
        case .invalidSetup: ["see `vaultcli recover setup --help`; nothing was changed"]
        case .noRecoveryKey: ["an admin adds one with `vaultcli keygen -o FILE --add-to-vault`; meanwhile use a recovery code (--code)"]
        case .nothingBound: ["check the number or address (with or without +86 is the same); `vaultcli user list` shows what is bound"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .locked: .lockedOut
        case .wrongProof: .authenticationFailed
        case .noQuestions, .nothingBound, .noRecoveryKey: .failure
        case .adminNeedsStrongerProof: .permissionDenied
        case .invalidCode, .invalidSetup: .usage
        case .trivialAnswer: .policyRejected
        }
    }
}

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
    static func operatorKey(_ name: String) -> String { "operator:" + Names.normalize(name).lowercased() }
    static func contactKey(_ locator: [UInt8]) -> String { "contact:" + locator.hexString }
}

/// What `recover password` did.
public struct PasswordRecoveryOutcome: Sendable {
    public let name: String
    public let method: RecoveryMethod
    /// Unused recovery codes after this one was burnt (code path only).
    public let codesLeft: Int?
}

/// What a `recover username` prompt shows: the same shape whether or not the contact is known.
public struct UsernameChallenge {
    public let contact: RecoveryContact
    public let method: RecoveryMethod
    /// The questions to answer (for the questions method).
    public let questions: [String]
    public let required: Int
    let set: RecoveryQuestionSet
    let lockSubject: [UInt8]
    let auditTarget: String
}

public struct UsernameRecoveryResult: Sendable {
    public let contact: RecoveryContact
    public let operators: [String]
    /// nil when the accounts could not be looked up (no directory, or no admin keys).
    public let accountUsernames: [String]?
}

extension Vault {
    // MARK: lockout

    func recoveryLock(_ subject: [UInt8]) throws -> LockoutState {
        guard let b = try publicMeta(.lockout, subject: subject) else { return LockoutState() }
        do { return try LockoutState.decode(b) } catch { throw VaultError.corrupt(path: path, part: "recovery lockout counter (malformed)") }
    }

    func operatorRecoverySubject(_ name: String) -> [UInt8] {
        RecoveryLockSubjects.subject(vaultId: file.header.vaultId, key: RecoveryLockSubjects.operatorKey(name))
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
    func recordRecoveryFailure(_ subject: [UInt8], action: String, target: String, method: RecoveryMethod, now: Date) throws -> Int {
        var s = try recoveryLock(subject)
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
        change.putPublic(.lockout, subject: subject, body: s.encode())
        try commit(change, keys: KeyRing())
        return max(0, RecoveryLimits.maxFailures - Int(s.failures))
    }

    /// Recovery lockout state of an operator: wrong attempts and the end of the lock.
    public func recoveryLockStatus(name: String, now: Date = Date()) throws -> (failures: Int, lockedUntil: Date?) {
        let s = try recoveryLock(operatorRecoverySubject(name))
        let until = s.lockedUntil > UInt64(now.timeIntervalSince1970) ? Date(timeIntervalSince1970: TimeInterval(s.lockedUntil)) : nil
        return (Int(s.failures), until)
    }

    /// Clears an operator's recovery lockout (admins). Audited.
    public func clearRecoveryLock(session: Session, name: String, now: Date = Date()) throws {
        try Permission.manageRecovery.require(session)
        let n = Names.normalize(name)
        guard try operatorSlot(named: n) != nil else { throw OperatorError.unknownOperator(name: n) }
        var change = Change()
        change.putPublic(.lockout, subject: operatorRecoverySubject(n), body: LockoutState().encode())
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recover.unlock", target: n))
        try commit(change, keys: session.keys)
    }

    // MARK: recover password

    /// Checks what can be checked before any secret is asked for: the operator exists, recovery
    /// is not locked, and (for questions) a set exists and the policy lets this role use it.
    /// Returns the questions to ask (empty for the other methods).
    public func passwordRecoveryChallenge(user: String, method: RecoveryMethod, now: Date = Date()) throws -> (questions: [String], required: Int) {
        let name = Names.normalize(user)
        guard let slot = try operatorSlot(named: name) else { throw OperatorError.unknownOperator(name: name) }
        try checkRecoveryLock(operatorRecoverySubject(name), name: name, action: "recover.password", target: name, now: now)
        guard method == .questions else { return ([], 0) }
        let allowAdmin = try passwordPolicy().adminRecoveryByQuestions
        if slot.role == .admin && !allowAdmin { throw RecoveryError.adminNeedsStrongerProof(name: name) }
        guard let set = try questionSet(operatorId: slot.operatorId) else { throw RecoveryError.noQuestions(name: name) }
        return (set.questions, set.required)
    }

    /// Recovers an operator's password: checks the proof (a wrong one counts toward the
    /// recovery lockout), then asks `newPassword` for the new password, which must pass the full
    /// policy and the history. Re-issues the operator's password slot, clears their login and
    /// recovery lockouts, burns a used code, and audits, all in one commit.
    public func recoverPassword(user: String, proof: RecoveryProof, newPassword: () throws -> SecretBytes,
                                checker: PasswordRuleChecker, now: Date = Date()) throws -> PasswordRecoveryOutcome {
        let name = Names.normalize(user)
        _ = try passwordRecoveryChallenge(user: name, method: proof.method, now: now)
        guard let opSlot = try operatorSlot(named: name) else { throw OperatorError.unknownOperator(name: name) }
        let subject = operatorRecoverySubject(name)
        let opId = opSlot.operatorId

        // The proof: keys or nothing.
        var keys: KeyRing?
        var actor = name
        var burn: [UInt8]?
        switch proof {
        case .answers(let answers):
            if let set = try questionSet(operatorId: opId), let (ring, slot) = try tryAnswers(set, answers: answers) {
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
            let left = try recordRecoveryFailure(subject, action: "recover.password", target: name, method: proof.method, now: now)
            throw RecoveryError.wrongProof(method: proof.method == .questions ? "answers" : proof.method.rawValue, attemptsLeft: left)
        }

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

        var change = Change()
        try passwordFrames(profile: &profile, password: pw, keys: keys, personalKey: pk, keeping: priv,
                           rules: checker.accountRules, mustChange: false, now: now, writeKeyCopy: false, change: &change)
        change.putPublic(.lockout, subject: subject, body: LockoutState().encode())
        var codesLeft: Int?
        if let burn {
            change.removeSlot(burn)
            try putRecoverySlots(removing: [burn], keys: keys, change: &change)
            codesLeft = try recoveryCodesLeft() - 1
        }
        try change.audit(AuditEvent(time: now, actor: actor, action: "recover.password", target: name,
                                    detail: "by \(proof.method.rawValue)" + (codesLeft.map { "; code used and revoked, \($0) left" } ?? "")))
        try commit(change, keys: keys)
        return PasswordRecoveryOutcome(name: name, method: proof.method, codesLeft: codesLeft)
    }

    // MARK: recover username

    /// The first step of `recover username`: the same work (one Argon2id run for the locator),
    /// the same lock check and the same kind of questions whether or not the contact is bound.
    public func usernameRecoveryChallenge(contact: RecoveryContact, method: RecoveryMethod, now: Date = Date()) throws -> UsernameChallenge {
        let locator = try contactLocator(contact)
        let hex = locator.hexString
        let match = try allQuestionSets().first { $0.contactLocators.contains(hex) }
        let subject: [UInt8]
        if let match { subject = operatorRecoverySubject(match.name) } else {
            subject = RecoveryLockSubjects.subject(vaultId: file.header.vaultId, key: RecoveryLockSubjects.contactKey(locator))
        }
        let target = match?.name ?? "(unknown contact)"
        try checkRecoveryLock(subject, name: nil, action: "recover.username", target: target, now: now)
        let set = match ?? decoyQuestionSet(locator: locator)
        return UsernameChallenge(contact: contact, method: method, questions: method == .questions ? set.questions : [],
                                 required: set.required, set: set, lockSubject: subject, auditTarget: target)
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
            _ = try recordRecoveryFailure(c.lockSubject, action: "recover.username", target: c.auditTarget, method: proof.method, now: now)
            throw RecoveryError.wrongProof(method: proof.method == .questions ? "answers" : proof.method.rawValue, attemptsLeft: nil)
        }
        let session = Session(operatorName: actor, role: keys.holdsAll() ? .admin : .cashier, operatorId: [UInt8](repeating: 0, count: 16), keys: keys)
        let names = try records(.operatorProfile, OperatorProfile.self, keys: keys).map(\.value).filter { c.contact.matches($0) }.map(\.name).sorted()
        var accountNames: [String]?
        if keys.holdsAll(), let accounts { accountNames = try accounts.usernames(boundTo: c.contact, vault: self, session: session).sorted() }
        var change = Change()
        change.putPublic(.lockout, subject: c.lockSubject, body: LockoutState().encode())
        if let burn {
            change.removeSlot(burn)
            if !file.isLegacy { try putRecoverySlots(removing: [burn], keys: keys, change: &change) }
        }
        let found = names.count + (accountNames?.count ?? 0)
        try change.audit(AuditEvent(time: now, actor: actor, action: "recover.username", target: c.auditTarget,
                                    outcome: found > 0 ? "ok" : "ok: nothing bound",
                                    detail: "by \(proof.method.rawValue) for a \(c.contact.kind.rawValue); \(names.count) operator(s)" +
                                        (accountNames.map { ", \($0.count) account(s)" } ?? "") + (burn != nil ? "; code used and revoked" : "")))
        try commit(change, keys: keys)
        if found == 0 { throw RecoveryError.nothingBound(c.contact.kind == .phone ? "phone number" : "e-mail address") }
        return UsernameRecoveryResult(contact: c.contact, operators: names, accountUsernames: accountNames)
    }
}
