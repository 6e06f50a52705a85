import FoundationEssentials
import Glibc
import VaultCrypto

// Managing operators: looking them up, adding one, changing a role (with key rotation on
// demotion), disabling and enabling, removing (with key rotation) and unlocking after too many
// failed logins.

extension Vault {
    // MARK: lookups

    func operatorSlot(named name: String) throws -> Keyslot? {
        let n = Names.normalize(name)
        return try keyslots().first { $0.type == .operatorPassword && $0.name == n }
    }
}

extension Operators {
    /// Every operator profile (shared class: any operator can read them).
    public func list() throws -> [OperatorProfile] {
        var out: [OperatorProfile] = []
        for (s, _) in try vault.records(.operatorProfile, OperatorProfile.self, keys: session.keys) {
            guard let p = try vault.signedProfile(operatorId: s, keys: session.keys) else { continue }
            out.append(vault.overlay(p, keys: session.keys, ownId: session.operatorId))
        }
        return out.sorted { $0.name < $1.name }
    }

    public func profile(named name: String) throws -> OperatorProfile {
        // A disabled operator (format v2) has no password slot: found by their signed profile.
        if try vault.operatorSlot(named: name) == nil, let p = try list().first(where: { $0.name == Names.normalize(name) }) {
            return p
        }
        guard let slot = try vault.operatorSlot(named: name),
              let p = try vault.signedProfile(operatorId: slot.operatorId, keys: session.keys)
        else { throw OperatorError.unknownOperator(name: Names.normalize(name)) }
        return vault.overlay(p, keys: session.keys, ownId: session.operatorId)
    }

    // MARK: operator management

    public func add(name: String, role: Role, phone: String?, email: String?, password: SecretBytes,
                    checker: PasswordRuleChecker, now: Date = Date()) throws -> OperatorProfile {
        try Permission.addOperator.require(session, target: role)
        try Names.validateOperatorName(name)
        let n = Names.normalize(name)
        let existing = Set(try vault.keyslots().filter { $0.type == .operatorPassword }.map(\.name) + (try list()).map(\.name))
        if existing.contains(n) { throw OperatorError.exists(name: n) }
        if let twin = Confusables.lookalike(of: n, among: existing.sorted()) { throw OperatorError.lookalike(name: n, existing: twin) }
        let ph = try phone.map(ContactValidation.phone)
        let em = try email.map(ContactValidation.email)
        let opId = SecureRandom.bytes(16)
        var profile = OperatorProfile(id: OperatorId(bytes: opId), name: n, role: role, status: .active, phone: ph, email: em,
                                      createdAt: now, passwordChangedAt: now, mustChangePassword: true, slotId: "")
        try vault.checkPolicy(password, profile: profile, checker: checker)
        let pk = try SecretBytes.random(count: 32)
        var change = Change()
        try vault.passwordFrames(profile: &profile, password: password, keys: session.keys, personalKey: pk, keeping: .empty,
                                 rules: checker.accountRules, mustChange: checker.accountRules.mustChangeAfterReset, now: now, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.add", target: n, detail: "role \(role.rawValue)"))
        try vault.commit(change, keys: session.keys)
        return profile
    }

    /// Changing a role re-issues the operator's keyslot (with the new role's keys) under a
    /// temporary password that must be changed at first use: the old slot is sealed under a
    /// password the admin does not know.
    @discardableResult
    public func setRole(name: String, role: Role, temporaryPassword: SecretBytes, checker: PasswordRuleChecker, now: Date = Date()) throws -> RotationOutcome? {
        var profile = try self.profile(named: name)
        try Permission.changeRole.require(session, target: profile.role)
        guard profile.role != role else { throw OperatorError.refused(.sameRole(name: profile.name, role: role)) }
        if profile.role == .admin { try requireAnotherAdmin(besides: profile) }
        try vault.checkPolicy(temporaryPassword, profile: profile, checker: checker)
        let old = profile.role
        let pk = try vault.personalKey(of: profile, keys: session.keys)
        let priv = try vault.privateData(operatorId: profile.id.bytes, personalKey: pk, keys: session.keys)
        profile.role = role
        var change = Change()
        try vault.passwordFrames(profile: &profile, password: temporaryPassword, keys: session.keys, personalKey: pk, keeping: priv,
                                 rules: checker.accountRules, mustChange: true, now: now, change: &change)
        if old == .admin {
            // The admin-class key copy is replaced by a manager-class one under the same subject.
        }
        // Question slots hold the old role's keys: they go, and the operator sets them up again.
        try vault.dropRecoveryQuestions(operatorId: profile.id.bytes, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.role", target: profile.name,
                                    detail: "\(old.rawValue) -> \(role.rawValue)"))
        try vault.commit(change, keys: session.keys)
        // A demotion takes away keys the operator has seen: every key is replaced.
        guard role.keyClasses.count < old.keyClasses.count, !vault.file.isLegacy else { return nil }
        return try vault.unlocked(by: session).rotation.rotate(renewRecovery: old == .admin, reason: "\(profile.name) demoted from \(old.rawValue)", now: now)
    }

    /// Disables or enables an operator. Format v2: disabling erases the operator's password and
    /// question slots, envelope and key copy (revocation: their password opens nothing
    /// afterwards); enabling gives them a new personal key under `temporaryPassword`, to be
    /// changed at first login. Keys they saw are not rotated (removal and demotion do that).
    public func setStatus(name: String, status: OperatorProfile.Status, temporaryPassword: SecretBytes? = nil,
                          checker: PasswordRuleChecker? = nil, now: Date = Date()) throws {
        var profile = try self.profile(named: name)
        try Permission.disableOperator.require(session, target: profile.role)
        guard profile.status != status else { return }
        if status == .disabled && profile.role == .admin { try requireAnotherAdmin(besides: profile) }
        if status == .disabled && profile.name == session.operatorName { throw OperatorError.refused(.cannotDisableSelf) }
        profile.status = status
        var change = Change()
        let opId = profile.id.bytes
        if vault.file.isLegacy {
            try Vault.putProfile(profile, writer: session.keys, change: &change)
        } else if status == .disabled {
            for s in try vault.keyslots() where s.type == .operatorPassword && s.operatorId == opId { change.removeSlot(s.id) }
            change.remove(subject: EnvelopeSubjects.envelope(opId))
            change.remove(subject: OperatorSubjects.keyCopy(opId))
            try vault.dropRecoveryQuestions(operatorId: opId, change: &change)
            profile.slotId = ""
            try Vault.putProfile(profile, writer: session.keys, change: &change)
        } else {
            guard let temporaryPassword, let checker else { throw OperatorError.refused(.enableNeedsPassword(name: profile.name)) }
            try vault.checkPolicy(temporaryPassword, profile: profile, checker: checker)
            // A disabled operator's slot and envelope were erased: a new personal key, a new slot.
            let hasSlot = try vault.keyslots().contains { $0.type == .operatorPassword && $0.operatorId == opId }
            if hasSlot {
                try Vault.putProfile(profile, writer: session.keys, change: &change)
            } else {
                let pk = try SecretBytes.random(count: 32)
                try vault.passwordFrames(profile: &profile, password: temporaryPassword, keys: session.keys, personalKey: pk, keeping: .empty,
                                         rules: checker.accountRules, mustChange: true, now: now, change: &change)
            }
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: status == .disabled ? "user.disable" : "user.enable", target: profile.name))
        try vault.commit(change, keys: session.keys)
    }

    @discardableResult
    public func remove(name: String, now: Date = Date()) throws -> RotationOutcome? {
        let profile = try self.profile(named: name)
        try Permission.removeOperator.require(session, target: profile.role)
        if profile.name == session.operatorName { throw OperatorError.refused(.cannotRemoveSelf) }
        if profile.role == .admin { try requireAnotherAdmin(besides: profile) }
        let opId = profile.id.bytes
        var change = Change()
        for s in try vault.keyslots() where s.type == .operatorPassword && s.operatorId == opId { change.removeSlot(s.id) }
        change.remove(subject: opId)
        if !vault.file.isLegacy { change.remove(subject: EnvelopeSubjects.envelope(opId)) }
        change.remove(subject: OperatorSubjects.keyCopy(opId))
        try vault.dropRecoveryQuestions(operatorId: opId, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.remove", target: profile.name))
        try vault.commit(change, keys: session.keys)
        // The removed operator's keys are replaced, so an old copy of them opens nothing new.
        guard !vault.file.isLegacy else { return nil }
        return try vault.unlocked(by: session).rotation.rotate(renewRecovery: profile.role == .admin, reason: "\(profile.name) removed", now: now)
    }

    public func unlock(name: String, now: Date = Date()) throws {
        let n = Names.normalize(name)
        let target = try? profile(named: n)
        try Permission.unlockOperator.require(session, target: target?.role ?? .cashier)
        guard let target else { throw OperatorError.unknownOperator(name: n) }
        var change = Change()
        let subject = vault.lockoutSubject(operatorId: target.id.bytes, name: target.name)
        if vault.file.isLegacy {
            change.putPublic(.lockout, subject: subject, body: LockoutState().encode())
        } else {
            // An authenticated reset, its nonce kept in the operator's envelope.
            let pk = try vault.personalKey(of: target, keys: session.keys)
            let cleared = try LockoutState.reset(subject: subject, personalKey: pk, vaultId: vault.file.header.vaultId)
            try vault.updateEnvelope(operatorId: target.id.bytes, personalKey: pk, change: &change) { $0.lockoutNonce = cleared.nonce?.hexString }
            change.putPublic(.lockout, subject: subject, body: cleared.encode())
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.unlock", target: n))
        try vault.commit(change, keys: session.keys)
    }

    private func requireAnotherAdmin(besides p: OperatorProfile) throws {
        let others = try list().filter { $0.role == .admin && $0.status == .active && $0.id != p.id }
        if others.isEmpty { throw OperatorError.lastAdmin }
    }
}
