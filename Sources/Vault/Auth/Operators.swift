import FoundationEssentials
import Glibc

/// The stateful password rules the operator code enforces (the stateless ones are in the policy
/// checker): history, expiry, first-use change, lockout.
public struct AccountRules: Sendable, Equatable {
    public var historyCount = 4
    public var expiryDays = 90
    public var warnDays = 14
    public var lockoutThreshold = 10
    public var lockoutMinutes = 30
    public var mustChangeAfterReset = true
    public init() {}

    public init(_ p: PasswordPolicy) {
        historyCount = p.historyCount
        expiryDays = p.expiryDays
        warnDays = p.expiryWarningDays
        lockoutThreshold = p.lockoutThreshold
        lockoutMinutes = p.lockoutMinutes
        mustChangeAfterReset = p.changeOnFirstUse
    }
}

/// The vault's policy checker: the stateless rules of `PolicyChecker` plus the account rules.
public struct VaultPolicyChecker: PasswordRuleChecker {
    public let policy: PasswordPolicy
    /// The vault's terminal id: refused in every password set in the vault (personal data).
    public let terminalId: String?
    /// The merchant's (shop's) name the vault keeps: refused in every password set in the vault.
    public let merchantName: String?
    public init(policy: PasswordPolicy, terminalId: String? = nil, merchantName: String? = nil) {
        self.policy = policy; self.terminalId = terminalId; self.merchantName = merchantName
    }
    public var accountRules: AccountRules { AccountRules(policy) }
    public func violations(_ password: SecretBytes, context: PersonalContext) -> [PolicyViolation] {
        var ctx = context
        if ctx.terminalId == nil { ctx.terminalId = terminalId }
        if ctx.merchantName == nil { ctx.merchantName = merchantName }
        return PolicyChecker(policy: policy).check(password: password, context: ctx)
    }
}

/// Checks a new password against the stateless policy rules; returns every failing rule in
/// plain words (empty when it passes). The vault passes its stored policy.
public protocol PasswordRuleChecker: Sendable {
    func violations(_ password: SecretBytes, context: PersonalContext) -> [PolicyViolation]
    var accountRules: AccountRules { get }
}

/// Errors of operator management and login.
public enum OperatorError: UserFacingError, Equatable {
    case locked(name: String, until: Date)
    case disabled(name: String)
    case mustChangePassword(name: String, expired: Bool)
    case policy(violations: [PolicyViolation])
    case reused(count: Int)
    case exists(name: String)
    /// The name looks like an existing operator's (the same UTS #39 confusable skeleton).
    case lookalike(name: String, existing: String)
    case unknownOperator(name: String)
    case lastAdmin
    case invalid(String)
    case oneTimeCodeNeeded(name: String)
    /// The password was right, but the one-time code was not accepted (counted as a failed login).
    case oneTimeCode(name: String, problem: OneTimeCodeProblem)
    /// Format v2: the operator's failed-login counter was removed, or cleared without their key.
    case lockoutTampered(name: String)
    /// A request that cannot be done as asked (the same English words as before, as cases).
    case refused(OperatorRefusal)

    public var message: String {
        switch self {
        case .locked(let n, let u):
            "operator \(n) is locked after too many failed logins, until \(LocalTime.string(u))"
        case .disabled(let n): "operator \(n) is disabled"
        case .mustChangePassword(let n, let expired):
            expired ? "the password of \(n) has expired and must be changed before anything else" :
                "the password of \(n) was set by an administrator and must be changed before anything else"
        case .policy(let v): "the password does not meet the policy:\n" + v.map { "  - \($0.message)" }.joined(separator: "\n")
        case .reused(let c): PolicyViolation.reusedPassword(historyCount: c).message
        case .exists(let n): "an operator named \(n) already exists"
        case .lookalike(let n, let e):
            "the name \(n) looks like the existing operator \(e) (look-alike letters from other scripts, or digits for letters: Unicode UTS #39 confusables), so it is refused"
        case .unknownOperator(let n): "no operator named \(n)"
        case .lastAdmin: "this would leave the vault without an active admin"
        case .oneTimeCodeNeeded(let n): "\(n) signs in with a one-time code as well, and none could be asked for"
        case .oneTimeCode(let n, let p):
            switch p {
            case .missing: "\(n) signs in with a one-time code as well, and none was given"
            case .malformed: "a one-time code is 6 digits; what was given is not"
            case .alreadyUsed: "that one-time code was already used; a code works once"
            case .wrong: "the one-time code is wrong"
            case .clockSkew(let s):
                "the one-time code is from \(Self.duration(abs(s))) \(s < 0 ? "ago" : "ahead"): the clock of the authenticator app or of this terminal is off by about that much"
            }
        case .invalid(let s): s
        case .refused(let r): r.message
        case .lockoutTampered(let n):
            "the failed-login counter of \(n) was removed, or cleared without that operator's key: the vault file is damaged or was tampered with, so \(n) cannot log in"
        }
    }

    public var hints: [String] {
        switch self {
        case .locked(let n, _): ["wait, or ask an admin or manager to run `vaultcli user unlock \(n) --user THEIR-NAME`"]
        case .disabled: ["ask an admin to run `vaultcli user enable NAME`"]
        case .mustChangePassword(let n, _): ["run `vaultcli user passwd --user \(n)` to choose a new password"]
        case .policy, .reused: ["`vaultcli genpass` makes a password that passes; `vaultcli policy show` lists the rules"]
        case .exists: ["choose another name, or see `vaultcli user list`"]
        case .lookalike: ["choose a name that looks different from every name in `vaultcli user list`"]
        case .unknownOperator: ["see `vaultcli user list`"]
        case .lastAdmin: ["add or promote another admin first"]
        case .oneTimeCodeNeeded: ["run the command on a terminal, or with --password-stdin give the code as the line after the password"]
        case .oneTimeCode(_, let p):
            switch p {
            case .missing: ["give the code from the authenticator app as the line after the password (with --password-stdin), or run the command on a terminal"]
            case .malformed, .wrong: ["type the 6-digit code the authenticator app shows now for this vault; a lost phone: `vaultcli recover password` or an admin's `vaultcli user totp disable NAME`"]
            case .alreadyUsed: ["wait for the app to show the next code (every 30 s) and use that"]
            case .clockSkew: ["set the phone's time to automatic (network time), and check this terminal's time with `date`; then use the code the app shows"]
            }
        case .invalid, .refused: []
        case .lockoutTampered(let n):
            ["an admin (or a manager, for a cashier) can start a fresh count with `vaultcli user unlock \(n) --user THEIR-NAME`; an admin alone can reset her own with `vaultcli recover password --user \(n)` and a recovery code",
             "`vaultcli audit list --as THEIR-NAME --action login` shows the failed logins"]
        }
    }

    static func duration(_ seconds: Int64) -> String {
        seconds < 120 ? "\(seconds) seconds" : "\(seconds / 60) minutes"
    }

    public var exitCode: ExitStatus {
        switch self {
        case .locked, .disabled, .mustChangePassword: .lockedOut
        case .policy, .reused: .policyRejected
        case .exists, .lookalike, .unknownOperator, .lastAdmin: .failure
        case .oneTimeCodeNeeded: .usage
        case .oneTimeCode: .authenticationFailed
        case .invalid, .refused: .usage
        case .lockoutTampered: .corrupt
        }
    }
}

/// A request about an operator that cannot be done as asked.
public enum OperatorRefusal: Equatable, Sendable {
    case noPendingEnrolment
    case confirmSkew(seconds: Int64)
    case confirmMalformed
    case confirmMismatch(algorithm: String)
    case sameRole(name: String, role: Role)
    case cannotDisableSelf
    case enableNeedsPassword(name: String)
    case cannotRemoveSelf
    case legacyFormat

    var message: String {
        switch self {
        case .noPendingEnrolment: "no one-time-code enrolment is pending; start one with `vaultcli user totp enable`"
        case .confirmSkew(let s):
            "that code is from \(OperatorError.duration(abs(s))) \(s < 0 ? "ago" : "ahead"): the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code"
        case .confirmMalformed: "a one-time code is 6 digits; confirm again with the code the app shows now"
        case .confirmMismatch(let a): "that code does not match the new secret; check that the app added this secret (\(a), 6 digits, 30 s) and try again with the current code"
        case .sameRole(let n, let r): "\(n) already has the \(r.rawValue) role"
        case .cannotDisableSelf: "you cannot disable yourself"
        case .enableNeedsPassword(let n): "enabling \(n) needs a temporary password"
        case .cannotRemoveSelf: "you cannot remove yourself"
        case .legacyFormat: "this vault is still in format 1; an admin's command moves it to format 2 first (`vaultcli upgrade --user ADMIN`)"
        }
    }
}

/// Why a one-time code given at login was not accepted.
public enum OneTimeCodeProblem: Equatable, Sendable {
    case missing, malformed, alreadyUsed, wrong
    /// The code matches a step this many seconds away from now.
    case clockSkew(seconds: Int64)
}

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
        try HKDF.deriveSecret(ikm: personalKey, salt: vaultId, info: "vaultcli v2 lockout reset")
    }
    private func macInput(subject: [UInt8], nonce: [UInt8]) -> [UInt8] { Array("vaultcli v2 lockout".utf8) + subject + counts() + nonce }

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

/// The result of a successful login.
/// Thrown by a login's `oneTimeCode` closure to say "not under the lock": the login then
/// writes nothing and throws `OneTimeCodeAwaited`, so the caller can release the vault's lock,
/// read the code, open the vault again and finish the login with the proof it carries.
public struct OneTimeCodeDeferred: Error { public init() {} }

/// The password was right and the operator signs in with a one-time code as well: carries the
/// proof of the password (the keys its keyslot unwrapped), so the second half of the login
/// (`login(..., proof:)`) runs no second Argon2id. Nothing was written.
public struct OneTimeCodeAwaited: Error, @unchecked Sendable {
    public let proof: PasswordProof
}

/// What a right password unwrapped from one keyslot. It stands for the password only while
/// that keyslot is unchanged (the same id, name, role, KDF salt and wrapped bytes): a login
/// given a proof whose slot was replaced since (a password change, a reset) runs the KDF again.
public struct PasswordProof: @unchecked Sendable {
    let slot: Keyslot
    let ring: KeyRing

    func matches(_ s: Keyslot) -> Bool {
        s.id == slot.id && s.type == slot.type && s.role == slot.role && s.operatorId == slot.operatorId &&
            s.name == slot.name && s.kdf == slot.kdf && s.wrapped == slot.wrapped
    }
}

public struct LoginResult: Sendable {
    public let session: Session
    public let profile: OperatorProfile
    /// Days until the password expires, when within the warning window.
    public let expiresInDays: Int?
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
    // MARK: lookups

    func operatorSlot(named name: String) throws -> Keyslot? {
        let n = Names.normalize(name)
        return try keyslots().first { $0.type == .operatorPassword && $0.name == n }
    }

    /// Every operator profile (shared class: any operator can read them).
    public func operators(session: Session) throws -> [OperatorProfile] {
        var out: [OperatorProfile] = []
        for (s, _) in try records(.operatorProfile, OperatorProfile.self, keys: session.keys) {
            guard let p = try signedProfile(operatorId: s, keys: session.keys) else { continue }
            out.append(overlay(p, keys: session.keys, ownId: session.operatorId))
        }
        return out.sorted { $0.name < $1.name }
    }

    public func operatorProfile(named name: String, session: Session) throws -> OperatorProfile {
        // A disabled operator (format v2) has no password slot: found by their signed profile.
        if try operatorSlot(named: name) == nil, let p = try operators(session: session).first(where: { $0.name == Names.normalize(name) }) {
            return p
        }
        guard let slot = try operatorSlot(named: name),
              let p = try signedProfile(operatorId: slot.operatorId, keys: session.keys)
        else { throw OperatorError.unknownOperator(name: Names.normalize(name)) }
        return overlay(p, keys: session.keys, ownId: session.operatorId)
    }

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

    // MARK: login

    /// Checks a password, with lockout. Writes the lockout counter and an audit event either way:
    /// `auditAction` is "login" when an operator signs in (`vaultcli login`, `unlock`) and "auth"
    /// when a command checks the password of the operator running it.
    /// Unknown names cost the same work and get the same answer as a wrong password; they are
    /// counted and locked out the same way too (in a vault-keyed bucket shared by the unknown
    /// names that fall in it, LockoutBuckets), so the lock message reveals nothing, and the file
    /// keeps nothing derived from what was typed.
    public func login(user: String, password: SecretBytes, rules: AccountRules, now: Date = Date(),
                      allowPasswordChange: Bool = false, oneTimeCode: (() throws -> String)? = nil,
                      auditAction: String = "login", proof: PasswordProof? = nil) throws -> LoginResult {
        let name = Names.normalize(user)
        // The slots are read once for the whole login.
        let slot = try operatorSlot(named: name)
        let bucket: LockoutBucket? = slot == nil ? try lockoutBucket(.login, input: LockoutBuckets.nameInput(name)) : nil
        let lockSubject = slot.map { lockoutSubject(operatorId: $0.operatorId, name: $0.name) } ?? bucket!.subject
        var state = try lockoutState(subject: lockSubject)
        // A format-2 vault written before issue 11 keyed an operator's counter by name: it is
        // checked under that subject (the same MAC rules) and moved at the next good login.
        var checkSubject = lockSubject, movedFrom: [UInt8]?
        if !file.isLegacy, let slot, try publicMeta(.lockout, subject: lockSubject) == nil {
            let old = OperatorSubjects.legacyLockout(vaultId: file.header.vaultId, name: slot.name)
            if try publicMeta(.lockout, subject: old) != nil {
                state = try lockoutState(subject: old)
                checkSubject = old; movedFrom = old
            }
        }
        let t = UInt64(now.timeIntervalSince1970)
        if state.lockedUntil > t {
            try appendAudit([AuditEvent(time: now, actor: slot != nil ? name : "(unknown)",
                                        action: auditAction, target: slot != nil ? name : "", outcome: "refused: locked")])
            throw OperatorError.locked(name: name, until: Date(timeIntervalSince1970: TimeInterval(state.lockedUntil)))
        }
        /// A failed attempt (wrong password, or a missing or wrong one-time code): counted,
        /// audited, maybe locked; then `error` is thrown.
        func fail(_ outcome: String, error: Error = VaultError.authenticationFailed) throws -> Never {
            // A lock that has expired starts a new count.
            if state.lockedUntil != 0 && state.lockedUntil <= t { state = LockoutState() }
            state.nonce = nil; state.mac = nil
            state.failures += 1
            state.lastFailure = t
            var change = Change()
            let actor = slot != nil ? name : "(unknown)"
            try change.audit(AuditEvent(time: now, actor: actor, action: auditAction, target: slot != nil ? name : "", outcome: outcome))
            if state.failures >= UInt32(rules.lockoutThreshold) {
                state.lockedUntil = t + UInt64(rules.lockoutMinutes * 60)
                try change.audit(AuditEvent(time: now, actor: actor, action: "lockout", target: slot != nil ? name : "",
                                            outcome: "locked", detail: "\(state.failures) failed logins; locked for \(rules.lockoutMinutes) minutes"))
            }
            if let bucket { bucket.write(state, vaultId: file.header.vaultId, into: &change) } else {
                change.putPublic(.lockout, subject: lockSubject, body: state.encode())
            }
            try commit(change, keys: KeyRing())
            throw error
        }
        let unwrapped: (Keyslot, KeyRing)
        if let proof, let slot, proof.matches(slot) {
            // The first half of this login checked this password against this very slot.
            unwrapped = (slot, proof.ring)
        } else {
            do {
                unwrapped = try unwrap(slot: slot, name: name, password: password)
            } catch VaultError.authenticationFailed {
                try fail("failed")
            }
        }
        let session: Session
        var profile: OperatorProfile
        var envelopeLockoutNonce: String?
        if file.isLegacy {
            session = Session(operatorName: unwrapped.0.name, role: unwrapped.0.role, operatorId: unwrapped.0.operatorId, keys: unwrapped.1)
            guard let p = try record(.operatorProfile, OperatorProfile.self, subject: session.operatorId, keys: session.keys) else {
                throw VaultError.corrupt(path: path, part: "operator profile of \(name) is missing")
            }
            profile = p
        } else {
            // The envelope, the signed profile and the pinned keys (Envelopes.swift); the
            // operator's own state (password date, must-change, codes) is in the envelope.
            let (s, env, p) = try self.session(from: unwrapped.0, ring: unwrapped.1)
            session = s
            profile = p
            envelopeLockoutNonce = env.lockoutNonce
            profile.passwordChangedAt = env.passwordChangedAt
            profile.mustChangePassword = env.mustChangePassword
            profile.slotId = env.slotId
            profile.totpEnabled = env.totpSecret != nil
        }
        var change = Change()
        // Format v2: the failed-login counter is bound into this successful login. It must be
        // there, and a cleared one must carry a MAC under this operator's key and the nonce their
        // envelope names (so neither a forged nor an older cleared counter ends a lock).
        if !file.isLegacy, let pk = session.personalKey {
            guard try publicMeta(.lockout, subject: checkSubject) != nil else { throw OperatorError.lockoutTampered(name: name) }
            if state.isClear {
                guard state.resetIsAuthentic(subject: checkSubject, personalKey: pk, vaultId: file.header.vaultId),
                      let n = state.nonce, let want = envelopeLockoutNonce, [UInt8](hexString: want) == n else {
                    throw OperatorError.lockoutTampered(name: name)
                }
            }
        }
        // The second factor, for operators who enrolled one. The enrolment is in the envelope,
        // which only the operator's personal key opens and writes.
        var usedStep: Int64?
        if let pk = session.personalKey {
            let priv = try privateData(operatorId: session.operatorId, personalKey: pk, keys: session.keys)
            if let stored = priv.totpSecret {
                // The password was right: from here on the answer may say what is wrong with the
                // code, and every such failure counts toward the lockout and is audited.
                guard let oneTimeCode else { try fail("failed: one-time code missing", error: OperatorError.oneTimeCodeNeeded(name: name)) }
                // Decoded into locked memory; the HMAC reads the key there.
                guard case let (algorithm, key)? = try TOTPSecret.key(stored) else { throw VaultError.corrupt(path: path, part: "one-time-code secret of \(name)") }
                let given: String
                // No line on stdin, or no terminal to ask: the code is missing (and says so).
                // A caller that reads the code without the vault's lock defers it: nothing has
                // been written yet, and the proof spares the second half a second KDF run.
                do { given = try oneTimeCode() } catch is OneTimeCodeDeferred {
                    throw OneTimeCodeAwaited(proof: PasswordProof(slot: unwrapped.0, ring: unwrapped.1))
                } catch {
                    try fail("failed: one-time code missing", error: OperatorError.oneTimeCode(name: name, problem: .missing))
                }
                if given.allSatisfy({ $0.isWhitespace }) {
                    try fail("failed: one-time code missing", error: OperatorError.oneTimeCode(name: name, problem: .missing))
                }
                if algorithm == .sha1, let missing = LibCrypto.check() { throw missing }
                switch TOTP.check(code: given, key: key, at: now, notAfter: priv.totpLastStep, algorithm: algorithm) {
                case .ok(let step): usedStep = step
                case .malformed: try fail("failed: one-time code malformed", error: OperatorError.oneTimeCode(name: name, problem: .malformed))
                case .alreadyUsed: try fail("failed: one-time code already used", error: OperatorError.oneTimeCode(name: name, problem: .alreadyUsed))
                case .wrong: try fail("failed: one-time code wrong", error: OperatorError.oneTimeCode(name: name, problem: .wrong))
                case .clockSkew(let s):
                    try fail("failed: one-time code clock skew \(s) s", error: OperatorError.oneTimeCode(name: name, problem: .clockSkew(seconds: s)))
                }
            }
        }
        if file.isLegacy {
            if let pk = session.personalKey, let usedStep {
                try putPrivate(operatorId: session.operatorId, personalKey: pk, keys: session.keys, change: &change) { $0.totpLastStep = usedStep }
            }
            if state != LockoutState() { change.putPublic(.lockout, subject: lockSubject, body: LockoutState().encode()) }
        } else if let pk = session.personalKey {
            // One envelope write for both: the used time step, and the nonce of a fresh reset.
            var reset: LockoutState?
            if !state.isClear || movedFrom != nil { reset = try LockoutState.reset(subject: lockSubject, personalKey: pk, vaultId: file.header.vaultId) }
            if let movedFrom { change.removePublic(.lockout, subject: movedFrom) }
            if usedStep != nil || reset != nil {
                try updateEnvelope(operatorId: session.operatorId, personalKey: pk, change: &change) { st in
                    if let usedStep { st.totpLastStep = usedStep }
                    if let reset { st.lockoutNonce = reset.nonce?.hexString }
                }
            }
            if let reset { change.putPublic(.lockout, subject: lockSubject, body: reset.encode()) }
        }
        if profile.status == .disabled {
            try change.audit(AuditEvent(time: now, actor: name, action: auditAction, target: name, outcome: "refused: disabled"))
            try commit(change, keys: session.keys)
            throw OperatorError.disabled(name: name)
        }
        let age = now.timeIntervalSince(profile.passwordChangedAt)
        let expired = rules.expiryDays > 0 && age >= Double(rules.expiryDays) * 86400
        try change.audit(AuditEvent(time: now, actor: name, action: auditAction, target: name,
                                    outcome: expired || profile.mustChangePassword ? "ok: must change password" : "ok"))
        try commit(change, keys: session.keys)
        if (expired || profile.mustChangePassword) && !allowPasswordChange {
            throw OperatorError.mustChangePassword(name: name, expired: expired)
        }
        var warn: Int? = nil
        if rules.expiryDays > 0 {
            let left = Int(((Double(rules.expiryDays) * 86400 - age) / 86400).rounded(.down))
            if left < rules.warnDays { warn = max(left, 0) }
        }
        return LoginResult(session: session, profile: profile, expiresInDays: warn)
    }

    // MARK: one-time codes (TOTP, RFC 6238; HMAC-SHA-1 by default)

    /// Starts enrolment: a new secret (160 bits for SHA-1, as RFC 4226 recommends; 256 and 512
    /// for the others), kept as pending until a code from it is confirmed. Returns the secret
    /// (base32) and its otpauth:// URI for an authenticator app, both in locked memory, to be
    /// shown from there.
    public func beginTOTPEnrollment(session: Session, algorithm: TOTPAlgorithm = .sha1) throws -> (secret: SecretBytes, uri: SecretBytes) {
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: path, part: "keyslot without a personal key") }
        let bytes: Int = switch algorithm { case .sha1: 20; case .sha256: 32; case .sha512: 64 }
        let key = try SecretBytes.random(count: bytes)
        let stored = try TOTPSecret.stored(algorithm, key: key)
        var change = Change()
        try putPrivate(operatorId: session.operatorId, personalKey: pk, keys: session.keys, change: &change) { $0.totpPending = stored }
        try commit(change, keys: session.keys)
        let base32 = try Base32.encode(key)
        return (base32, try TOTPSecret.uri(base32: base32, account: session.operatorName, issuer: "vaultcli " + file.header.terminalId, algorithm: algorithm))
    }

    /// Confirms enrolment with a code from the app; from then on login asks for a code.
    public func confirmTOTP(session: Session, code: String, now: Date = Date()) throws {
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: path, part: "keyslot without a personal key") }
        var priv = try privateData(operatorId: session.operatorId, personalKey: pk, keys: session.keys)
        guard let pending = priv.totpPending, case let (algorithm, key)? = try TOTPSecret.key(pending) else {
            throw OperatorError.refused(.noPendingEnrolment)
        }
        let step: Int64
        if algorithm == .sha1, let missing = LibCrypto.check() { throw missing }
        switch TOTP.check(code: code, key: key, at: now, notAfter: nil, algorithm: algorithm) {
        case .ok(let s): step = s
        case .clockSkew(let s):
            throw OperatorError.refused(.confirmSkew(seconds: s))
        case .malformed:
            throw OperatorError.refused(.confirmMalformed)
        case .alreadyUsed, .wrong:
            throw OperatorError.refused(.confirmMismatch(algorithm: algorithm.displayName))
        }
        var change = Change()
        try putPrivate(operatorId: session.operatorId, personalKey: pk, keys: session.keys, change: &change) {
            $0.totpSecret = pending; $0.totpPending = nil; $0.totpLastStep = step
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.totp.enable", target: session.operatorName))
        try commit(change, keys: session.keys)
    }

    /// Turns one-time codes off for yourself, or (admins; managers for cashiers) for another operator.
    public func disableTOTP(session: Session, name: String, now: Date = Date()) throws {
        let profile = try operatorProfile(named: name, session: session)
        let own = profile.id == session.operatorId.hexString
        if !own { try Permission.resetPassword.require(session, target: profile.role) }
        let opId = [UInt8](hexString: profile.id)!
        let pk = own ? session.personalKey! : try personalKey(of: profile, keys: session.keys)
        var change = Change()
        try putPrivate(operatorId: opId, personalKey: pk, keys: session.keys, change: &change) {
            $0.totpSecret = nil; $0.totpPending = nil; $0.totpLastStep = nil
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.totp.disable", target: profile.name))
        try commit(change, keys: session.keys)
    }

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
        let opId = [UInt8](hexString: profile.id)!
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
        let opId = [UInt8](hexString: profile.id)!
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
        let opId = [UInt8](hexString: profile.id)!
        guard let copy = try record(.operatorSecrets, OperatorKeyCopy.self, subject: OperatorSubjects.keyCopy(opId), keys: keys),
              var raw = Data(base64Encoded: copy.key) else {
            throw VaultError.corrupt(path: path, part: "key copy of operator \(profile.name)")
        }
        defer { wipe(&raw) }
        return try SecretBytes(copying: raw)
    }

    /// PHC strings kept for an operator (history, newest first). Admins and the operator
    /// themself can read them; a manager checks a cashier's new password against them (reset)
    /// but is not handed them.
    public func passwordHashes(of name: String, session: Session) throws -> [String] {
        let p = try operatorProfile(named: name, session: session)
        guard p.id == session.operatorId.hexString || session.role == .admin else {
            throw VaultError.permissionDenied(needed: "read another operator's password history", role: session.role.rawValue)
        }
        let key = p.id == session.operatorId.hexString ? session.personalKey! : try personalKey(of: p, keys: session.keys)
        return try privateData(operatorId: [UInt8](hexString: p.id)!, personalKey: key, keys: session.keys).history
    }

    /// An operator changes their own password (after logging in with the current one).
    public func changeOwnPassword(session: Session, newPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws {
        var profile = try operatorProfile(named: session.operatorName, session: session)
        try checkPolicy(newPassword, profile: profile, checker: checker)
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: path, part: "keyslot without a personal key") }
        let priv = try privateData(operatorId: session.operatorId, personalKey: pk, keys: session.keys)
        try checkHistory(newPassword, history: priv.history, count: checker.accountRules.historyCount)
        var change = Change()
        try passwordFrames(profile: &profile, password: newPassword, keys: session.keys, personalKey: pk, keeping: priv,
                           rules: checker.accountRules, mustChange: false, now: now, writeKeyCopy: false, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.passwd", target: session.operatorName))
        try commit(change, keys: session.keys)
    }

    /// An admin (anyone) or manager (cashiers) sets a temporary password for another operator,
    /// which must be changed at first use.
    public func resetPassword(session: Session, name: String, newPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws {
        var profile = try operatorProfile(named: name, session: session)
        try Permission.resetPassword.require(session, target: profile.role)
        try checkPolicy(newPassword, profile: profile, checker: checker)
        let pk = try personalKey(of: profile, keys: session.keys)
        let opId = [UInt8](hexString: profile.id)!
        let priv = try privateData(operatorId: opId, personalKey: pk, keys: session.keys)
        try checkHistory(newPassword, history: priv.history, count: checker.accountRules.historyCount)
        var change = Change()
        try passwordFrames(profile: &profile, password: newPassword, keys: session.keys, personalKey: pk, keeping: priv,
                           rules: checker.accountRules, mustChange: checker.accountRules.mustChangeAfterReset, now: now, change: &change)
        // A reset also clears a lockout (passwordFrames writes the cleared counter).
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.reset", target: profile.name))
        try commit(change, keys: session.keys)
    }

    // MARK: operator management

    public func addOperator(session: Session, name: String, role: Role, phone: String?, email: String?, password: SecretBytes,
                            checker: PasswordRuleChecker, now: Date = Date()) throws -> OperatorProfile {
        try Permission.addOperator.require(session, target: role)
        try Names.validateOperatorName(name)
        let n = Names.normalize(name)
        let existing = Set(try keyslots().filter { $0.type == .operatorPassword }.map(\.name) + (try operators(session: session)).map(\.name))
        if existing.contains(n) { throw OperatorError.exists(name: n) }
        if let twin = Confusables.lookalike(of: n, among: existing.sorted()) { throw OperatorError.lookalike(name: n, existing: twin) }
        let ph = try phone.map(ContactValidation.phone)
        let em = try email.map(ContactValidation.email)
        let opId = SecureRandom.bytes(16)
        var profile = OperatorProfile(id: opId.hexString, name: n, role: role, status: .active, phone: ph, email: em,
                                      createdAt: now, passwordChangedAt: now, mustChangePassword: true, slotId: "")
        try checkPolicy(password, profile: profile, checker: checker)
        let pk = try SecretBytes.random(count: 32)
        var change = Change()
        try passwordFrames(profile: &profile, password: password, keys: session.keys, personalKey: pk, keeping: .empty,
                           rules: checker.accountRules, mustChange: checker.accountRules.mustChangeAfterReset, now: now, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.add", target: n, detail: "role \(role.rawValue)"))
        try commit(change, keys: session.keys)
        return profile
    }

    /// Changing a role re-issues the operator's keyslot (with the new role's keys) under a
    /// temporary password that must be changed at first use: the old slot is sealed under a
    /// password the admin does not know.
    @discardableResult
    public func setRole(session: Session, name: String, role: Role, temporaryPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws -> RotationOutcome? {
        var profile = try operatorProfile(named: name, session: session)
        try Permission.changeRole.require(session, target: profile.role)
        guard profile.role != role else { throw OperatorError.refused(.sameRole(name: profile.name, role: role)) }
        if profile.role == .admin { try requireAnotherAdmin(besides: profile, session: session) }
        try checkPolicy(temporaryPassword, profile: profile, checker: checker)
        let old = profile.role
        let pk = try personalKey(of: profile, keys: session.keys)
        let priv = try privateData(operatorId: [UInt8](hexString: profile.id)!, personalKey: pk, keys: session.keys)
        profile.role = role
        var change = Change()
        try passwordFrames(profile: &profile, password: temporaryPassword, keys: session.keys, personalKey: pk, keeping: priv,
                           rules: checker.accountRules, mustChange: true, now: now, change: &change)
        if old == .admin {
            // The admin-class key copy is replaced by a manager-class one under the same subject.
        }
        // Question slots hold the old role's keys: they go, and the operator sets them up again.
        try dropRecoveryQuestions(operatorId: [UInt8](hexString: profile.id)!, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.role", target: profile.name,
                                    detail: "\(old.rawValue) -> \(role.rawValue)"))
        try commit(change, keys: session.keys)
        // A demotion takes away keys the operator has seen: every key is replaced.
        guard role.keyClasses.count < old.keyClasses.count, !file.isLegacy else { return nil }
        return try rotateKeys(session: session, renewRecovery: old == .admin, reason: "\(profile.name) demoted from \(old.rawValue)", now: now)
    }

    /// Disables or enables an operator. Format v2: disabling erases the operator's password and
    /// question slots, envelope and key copy (revocation: their password opens nothing
    /// afterwards); enabling gives them a new personal key under `temporaryPassword`, to be
    /// changed at first login. Keys they saw are not rotated (removal and demotion do that).
    public func setStatus(session: Session, name: String, status: OperatorProfile.Status, temporaryPassword: SecretBytes? = nil,
                          checker: PasswordRuleChecker? = nil, now: Date = Date()) throws {
        var profile = try operatorProfile(named: name, session: session)
        try Permission.disableOperator.require(session, target: profile.role)
        guard profile.status != status else { return }
        if status == .disabled && profile.role == .admin { try requireAnotherAdmin(besides: profile, session: session) }
        if status == .disabled && profile.name == session.operatorName { throw OperatorError.refused(.cannotDisableSelf) }
        profile.status = status
        var change = Change()
        let opId = [UInt8](hexString: profile.id)!
        if file.isLegacy {
            try Vault.putProfile(profile, writer: session.keys, change: &change)
        } else if status == .disabled {
            for s in try keyslots() where s.type == .operatorPassword && s.operatorId == opId { change.removeSlot(s.id) }
            change.remove(subject: EnvelopeSubjects.envelope(opId))
            change.remove(subject: OperatorSubjects.keyCopy(opId))
            try dropRecoveryQuestions(operatorId: opId, change: &change)
            profile.slotId = ""
            try Vault.putProfile(profile, writer: session.keys, change: &change)
        } else {
            guard let temporaryPassword, let checker else { throw OperatorError.refused(.enableNeedsPassword(name: profile.name)) }
            try checkPolicy(temporaryPassword, profile: profile, checker: checker)
            // A disabled operator's slot and envelope were erased: a new personal key, a new slot.
            let hasSlot = try keyslots().contains { $0.type == .operatorPassword && $0.operatorId == opId }
            if hasSlot {
                try Vault.putProfile(profile, writer: session.keys, change: &change)
            } else {
                let pk = try SecretBytes.random(count: 32)
                try passwordFrames(profile: &profile, password: temporaryPassword, keys: session.keys, personalKey: pk, keeping: .empty,
                                   rules: checker.accountRules, mustChange: true, now: now, change: &change)
            }
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: status == .disabled ? "user.disable" : "user.enable", target: profile.name))
        try commit(change, keys: session.keys)
    }

    @discardableResult
    public func removeOperator(session: Session, name: String, now: Date = Date()) throws -> RotationOutcome? {
        let profile = try operatorProfile(named: name, session: session)
        try Permission.removeOperator.require(session, target: profile.role)
        if profile.name == session.operatorName { throw OperatorError.refused(.cannotRemoveSelf) }
        if profile.role == .admin { try requireAnotherAdmin(besides: profile, session: session) }
        let opId = [UInt8](hexString: profile.id)!
        var change = Change()
        for s in try keyslots() where s.type == .operatorPassword && s.operatorId == opId { change.removeSlot(s.id) }
        change.remove(subject: opId)
        if !file.isLegacy { change.remove(subject: EnvelopeSubjects.envelope(opId)) }
        change.remove(subject: OperatorSubjects.keyCopy(opId))
        try dropRecoveryQuestions(operatorId: opId, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.remove", target: profile.name))
        try commit(change, keys: session.keys)
        // The removed operator's keys are replaced, so an old copy of them opens nothing new.
        guard !file.isLegacy else { return nil }
        return try rotateKeys(session: session, renewRecovery: profile.role == .admin, reason: "\(profile.name) removed", now: now)
    }

    public func unlockOperator(session: Session, name: String, now: Date = Date()) throws {
        let n = Names.normalize(name)
        let target = try? operatorProfile(named: n, session: session)
        try Permission.unlockOperator.require(session, target: target?.role ?? .cashier)
        guard target != nil else { throw OperatorError.unknownOperator(name: n) }
        var change = Change()
        let subject = lockoutSubject(operatorId: [UInt8](hexString: target!.id)!, name: target!.name)
        if file.isLegacy {
            change.putPublic(.lockout, subject: subject, body: LockoutState().encode())
        } else {
            // An authenticated reset, its nonce kept in the operator's envelope.
            let pk = try personalKey(of: target!, keys: session.keys)
            let cleared = try LockoutState.reset(subject: subject, personalKey: pk, vaultId: file.header.vaultId)
            try updateEnvelope(operatorId: [UInt8](hexString: target!.id)!, personalKey: pk, change: &change) { $0.lockoutNonce = cleared.nonce?.hexString }
            change.putPublic(.lockout, subject: subject, body: cleared.encode())
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.unlock", target: n))
        try commit(change, keys: session.keys)
    }

    private func requireAnotherAdmin(besides p: OperatorProfile, session: Session) throws {
        let others = try operators(session: session).filter { $0.role == .admin && $0.status == .active && $0.id != p.id }
        if others.isEmpty { throw OperatorError.lastAdmin }
    }
}

/// Validation of bound phone numbers and e-mail addresses (operators and accounts alike).
public enum ContactValidation {
    /// E.164 (`+` then 8 to 15 digits, no leading zero) or an 11-digit mainland China mobile
    /// number (1[3-9]xxxxxxxxx). Spaces and dashes are removed first.
    public static func phone(_ s: String) throws -> String {
        let t = s.filter { $0 != " " && $0 != "-" }
        let digits = t.hasPrefix("+") ? String(t.dropFirst()) : t
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw EntryError.phone(text: s, problem: .characters)
        }
        if t.hasPrefix("+") {
            guard (8...15).contains(digits.count), digits.first != "0" else {
                throw EntryError.phone(text: s, problem: .notE164)
            }
            return t
        }
        let u = Array(digits.utf8)
        guard u.count == 11, u[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(u[1]) else {
            throw EntryError.phone(text: s, problem: .neitherForm)
        }
        return digits
    }


    /// A practical subset of RFC 5322: local@domain, with a dotted domain of letters, digits and dashes.
    public static func email(_ s: String) throws -> String {
        let t = s.trimmed(.whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw EntryError.email(text: s, problem: .notOneAt) }
        let local = parts[0], domain = parts[1].lowercased()
        let localOK = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".unicodeScalars)
        guard !local.isEmpty, local.count <= 64, local.unicodeScalars.allSatisfy(localOK.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw EntryError.email(text: s, problem: .localPart)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelOK = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        guard labels.count >= 2, domain.count <= 253,
              labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.unicodeScalars.allSatisfy(labelOK.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.last!.count >= 2, !labels.last!.allSatisfy(\.isNumber) else {
            throw EntryError.email(text: s, problem: .domain)
        }
        return "\(local)@\(domain)"
    }
}
