import FoundationEssentials
import Glibc
import VaultCrypto

// Login: the password checked against the operator's keyslot under the lockout, the one-time code
// asked when the operator enrolled one, the session and profile handed back, and the proof that
// lets a login deferred for its one-time code finish without a second Argon2id run.

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

/// The result of a successful login.
public struct LoginResult: Sendable {
    public let session: Session
    public let profile: OperatorProfile
    /// Days until the password expires, when within the warning window.
    public let expiresInDays: Int?
}

extension Vault {
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
}
