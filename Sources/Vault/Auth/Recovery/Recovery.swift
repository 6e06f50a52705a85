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
    case trivialAnswer(question: Int, reason: TrivialAnswer)
    case invalidSetup(String)
    /// A set-up of recovery questions that breaks a limit (the same English words, as cases).
    case setup(SetupProblem)

    public enum SetupProblem: Equatable, Sendable {
        case notAnOperator
        case questionCount(min: Int, max: Int, given: Int)
        case answerCount(questions: Int, answers: Int)
        case requiredRange(min: Int, max: Int, given: Int)
        case tooManySlots(required: Int, questions: Int, slots: Int, max: Int)
        case questionEmpty(Int)
        case questionTooLong(Int, maxBytes: Int)
        case questionControl(Int)
        case questionTwice(Int)

        public var words: String {
            switch self {
            case .notAnOperator: "recovery questions belong to an operator: log in as that operator to set them up"
            case .questionCount(let a, let b, let n): "choose between \(a) and \(b) questions (\(n) given)"
            case .answerCount(let q, let a): "\(q) questions but \(a) answers"
            case .requiredRange(let a, let b, let r): "the number of answers required must be between \(a) and \(b) (\(r) given)"
            case .tooManySlots(let r, let n, let s, let m): "\(r) of \(n) needs \(s) keyslots; at most \(m) are allowed (use fewer questions or require more answers)"
            case .questionEmpty(let i): "question \(i) is empty"
            case .questionTooLong(let i, let m): "question \(i) is longer than \(m) bytes"
            case .questionControl(let i): "question \(i) contains a control character"
            case .questionTwice(let i): "question \(i) is asked twice"
            }
        }
    }
    case noRecoveryKey
    /// The contact (phone or e-mail) that no operator or account is bound to.
    case nothingBound(ContactKind)

    /// Why an answer to a recovery question is refused.
    public enum TrivialAnswer: Equatable, Sendable {
        case notText
        case shorterThan(Int)
        case longerThan(bytes: Int)
        case userName
        case password
        case common
        case sameAsAnother

        public var words: String {
            switch self {
            case .notText: "is not valid UTF-8 text"
            case .shorterThan(let n): "is shorter than \(n) characters"
            case .longerThan(let n): "is longer than \(n) bytes"
            case .userName: "is your user name"
            case .password: "is your password"
            case .common: "is in the list of common passwords"
            case .sameAsAnother: "is the same as another answer"
            }
        }
    }

    public enum ContactKind: Equatable, Sendable {
        case phone, email
        var words: String { self == .phone ? "phone number" : "e-mail address" }
    }

    public var message: String {
        switch self {
        case .locked(let until, let name):
            "recovery\(name.map { " for \($0)" } ?? "") is locked after \(RecoveryLimits.maxFailures) wrong attempts, until \(LocalTime.string(until))"
        case .wrongProof(let m, let left):
            "the \(m) did not unlock recovery" + (left.map { $0 > 0 ? " (\($0) attempt\($0 == 1 ? "" : "s") left before recovery is locked for an hour)" : "; recovery is now locked for an hour" } ?? "")
        case .noQuestions(let n): "no recovery questions are set up for \(n)"
        case .adminNeedsStrongerProof(let n): "\(n) is an admin: an admin's password is recovered with a recovery code or the offline recovery key, not with questions alone"
        case .invalidCode: "that is not a recovery code: a code is 20 letters and digits, shown as XXXXX-XXXXX-XXXXX-XXXXX"
        case .trivialAnswer(let q, let r): "the answer to question \(q) \(r.words); choose an answer that only you know"
        case .invalidSetup(let s): s
        case .setup(let p): p.words
        case .noRecoveryKey: "this vault holds no offline recovery key"
        case .nothingBound(let c): "no operator or account is bound to that \(c.words) (a recovery code given for it was not used up)"
        }
    }

    public var hints: [String] {
        switch self {
        case .locked: ["wait, or ask an admin to run `vaultcli recover unlock NAME --user THEIR-NAME`; logging in with a password is not affected"]
        case .wrongProof(let m, _) where m == "answers":
            ["answers ignore case, width and extra spaces; leave an answer empty to skip a question",
             "or ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner keeps the shop's recovery codes)",
             "if you never set up recovery questions, these were not yours to answer: ask an admin or manager for a reset"]
        case .wrongProof: ["check the code or key file; each recovery code works once; ask an admin for a reset (`vaultcli user passwd NAME --user THEIR-NAME`)"]
        case .noQuestions: ["ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner, who keeps the recovery codes, can also use `--code`)"]
        case .adminNeedsStrongerProof: ["use --code with one of the recovery codes printed at `vaultcli init`, or --identity FILE with the offline recovery key", "an admin can allow questions for admins with `vaultcli policy set admin-recovery-by-questions on`"]
        case .invalidCode: ["type the code as printed; dashes and spaces are optional, and upper or lower case both work"]
        case .trivialAnswer: ["answers are compared without case, width or extra spaces, so they must not be guessable; nothing was changed"]
        case .invalidSetup, .setup: ["see `vaultcli recover setup --help`; nothing was changed"]
        case .noRecoveryKey: ["an admin adds one with `vaultcli keygen -o FILE --add-to-vault`; meanwhile use a recovery code (--code)"]
        case .nothingBound: ["check the number or address (with or without +86 is the same); an admin's `vaultcli user list --user ADMIN` shows what is bound, and `vaultcli user edit NAME --phone NUMBER --user ADMIN` binds one"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .locked: .lockedOut
        case .wrongProof: .authenticationFailed
        case .noQuestions, .nothingBound, .noRecoveryKey: .failure
        case .adminNeedsStrongerProof: .permissionDenied
        case .invalidCode, .invalidSetup, .setup: .usage
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
    /// Format v1: an operator's recovery counter, keyed by their (public) name.
    static func operatorKey(_ name: String) -> String { "operator:" + UnicodeFolding.nfc(name).lowercased() }
    /// An operator's recovery counter, keyed by the operator id. Names that match no operator and
    /// every phone or e-mail count in vault-keyed buckets (LockoutBuckets).
    static func operatorSubject(vaultId: [UInt8], operatorId: [UInt8]) -> [UInt8] {
        Hash.blake2b(Array("recovery-lockout operator".utf8) + vaultId + operatorId, length: 16)
    }
}

/// What `recover password` did.
public struct PasswordRecoveryOutcome: Sendable {
    public let name: String
    public let method: RecoveryMethod
    /// Unused recovery codes after this one was burnt (code path only).
    public let codesLeft: Int?
    /// Recovery by a code or the key also turned the operator's one-time codes off (a lost
    /// phone is the usual reason a password is forgotten with them).
    public var oneTimeCodesCleared = false
}

/// What a `recover username` prompt shows: the same shape whether or not the contact is known.
public struct UsernameChallenge {
    public let contact: RecoveryContact
    public let method: RecoveryMethod
    /// The questions to answer (for the questions method).
    public let questions: [String]
    public let required: Int
    let set: RecoveryQuestionSet
    let lock: LockoutBucket
    let auditTarget: String
    /// The contact's locator (one Argon2id run), and the vault id and KDF it was made under.
    let locator: [UInt8]
    let locatorParameters: ([UInt8], KDFParameters)
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

    /// Clears an operator's recovery lockout (admins). Audited.
    public func clearRecoveryLock(session: Session, name: String, now: Date = Date()) throws {
        try Permission.manageRecovery.require(session)
        let n = Names.normalize(name)
        guard let slot = try operatorSlot(named: n) else { throw OperatorError.unknownOperator(name: n) }
        var change = Change()
        change.putPublic(.lockout, subject: operatorRecoverySubject(slot), body: LockoutState().encode())
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recover.unlock", target: n))
        try commit(change, keys: session.keys)
    }

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
        if keys.holdsAll(), let accounts { accountNames = try accounts.usernames(boundTo: c.contact, vault: self, session: session).sorted() }
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
