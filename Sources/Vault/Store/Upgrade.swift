import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// What moving a vault from format v1 to v2 did.
public struct UpgradeOutcome: Sendable {
    /// Where the v1 file was kept (a hard link to the old file).
    public var keptAt: String
    /// The new recovery codes (v1 code slots held the data keys themselves; they are replaced).
    public var recoveryCodes: [RecoveryCode]
    public var operators: Int
}

/// Moving a format-v1 vault to v2 (docs/FORMAT.md A.10): one atomic rewrite under the admin's
/// v1 keys, with every key new. Operators keep their passwords (their v1 slots still yield the
/// personal key; the keys those slots also hold open nothing in the new file); each gets an
/// envelope; profiles, the policy and the backup recipients are signed by the new admin key;
/// recovery codes are replaced, the offline recovery key's slot is re-wrapped.
extension Unlocked {
    /// Moves this vault to format v2 (an admin's login on a v1 file).
    public func upgrade(now: Date = Date()) throws -> UpgradeOutcome {
        try vault.upgrade(session: session, now: now)
    }
}

extension Vault {
    fileprivate func upgrade(session: Session, now: Date) throws -> UpgradeOutcome {
        guard file.isLegacy else { throw VaultError.input(.alreadyFormat(version: Int(file.header.version))) }
        guard session.role == .admin, session.keys.holdsAll() else {
            throw VaultError.permissionDenied(needed: "upgrade the vault's format", role: session.role.rawValue)
        }
        let old = session.keys
        let (fresh, auditPublicKey, trust) = try KeyRing.freshVaultKeys()
        fresh.recoveryKey = try SecretBytes.random(count: 32)
        fresh.extra[KeyId.auditSeed] = try SecretBytes.random(count: 32)
        var h = file.header
        h.version = FormatV1.version
        h.auditPublicKey = auditPublicKey
        let vaultId = h.vaultId

        var replacing: [VaultFile.MetaKey: PendingFrame?] = [:]
        // v1 kept a counter for every name ever tried (a hash of the typed text): none is carried
        // over. Operators' counters are re-written under their ids below.
        for subject in file.metaSubjects(.lockout) { replacing[VaultFile.MetaKey(kind: .lockout, subject: subject)] = .some(nil) }
        func put(_ c: Change) { for f in c.frames { replacing[VaultFile.MetaKey(kind: f.kind, subject: f.subject)] = f } }
        let slots = try keyslots()
        var operators = 0
        for (opId, p) in try records(.operatorProfile, OperatorProfile.self, keys: old) {
            operators += 1
            let pk = opId == session.operatorId ? old.personalKey! : try personalKey(of: p, keys: old)
            let priv = try privateData(operatorId: opId, personalKey: pk, keys: old)
            guard let slot = slots.first(where: { $0.type == .operatorPassword && $0.operatorId == opId }) else {
                throw VaultError.corrupt(path: path, part: "operator \(p.name) has no password slot")
            }
            var c = Change()
            // The failed-login counter carries over; a cleared one gets a MAC and its nonce goes
            // in the envelope (v1 counters had neither; v2 login refuses such a counter).
            // v2 keys it by the operator id (v1: by name; every v1 counter is dropped below).
            let lockSubject = OperatorSubjects.lockout(vaultId: vaultId, operatorId: opId)
            let legacySubject = OperatorSubjects.legacyLockout(vaultId: vaultId, name: p.name)
            let counter = try publicMeta(.lockout, subject: legacySubject).map { try LockoutState.decode($0) } ?? LockoutState()
            let carried = counter.isClear ? try LockoutState.reset(subject: lockSubject, personalKey: pk, vaultId: vaultId)
                : LockoutState(failures: counter.failures, lockedUntil: counter.lockedUntil, lastFailure: counter.lastFailure)
            c.putPublic(.lockout, subject: lockSubject, body: carried.encode())
            // The recovery counter carries over too, keyed by the operator id.
            let recoverySubject = RecoveryLockSubjects.operatorSubject(vaultId: vaultId, operatorId: opId)
            let oldRecovery = RecoveryLockSubjects.subject(vaultId: vaultId, key: RecoveryLockSubjects.operatorKey(p.name))
            if let r = try publicMeta(.lockout, subject: recoverySubject) ?? publicMeta(.lockout, subject: oldRecovery) {
                c.putPublic(.lockout, subject: recoverySubject, body: r)
            }
            let state = EnvelopeState(slotId: slot.id.hexString, history: priv.history, passwordChangedAt: p.passwordChangedAt,
                                      mustChangePassword: p.mustChangePassword, totpSecret: priv.totpSecret,
                                      totpLastStep: priv.totpLastStep, totpPending: priv.totpPending, lockoutNonce: carried.nonce?.hexString)
            try Vault.putEnvelope(vaultId: vaultId, operatorId: opId, role: p.role, state: state, writer: fresh, personalKey: pk, change: &c)
            try Vault.putKeyCopy(operatorId: opId, role: p.role, personalKey: pk, change: &c)
            var signed = p
            signed.slotId = slot.id.hexString
            try Vault.putProfile(signed, writer: fresh, change: &c)
            put(c)
            replacing[VaultFile.MetaKey(kind: .record, subject: OperatorSubjects.privateData(opId))] = .some(nil)
        }
        // Recovery: new codes (as many as were left, ten if none), the offline key re-wrapped.
        var live: [String] = []
        var c = Change()
        let oldCodes = slots.filter { $0.type == .recoveryCode }
        for s in oldCodes { replacing[VaultFile.MetaKey(kind: .slot, subject: s.id)] = .some(nil) }
        let (codeSlots, codes) = try RecoveryCodes.makeSlots(vaultId: vaultId, keys: fresh, count: RecoveryCodes.count)
        for s in codeSlots { c.putSlot(s); live.append(s.id.hexString) }
        for s in slots where s.type == .recoveryKey {
            guard case .x25519(_, let recipient) = s.kdf else { continue }
            replacing[VaultFile.MetaKey(kind: .slot, subject: s.id)] = .some(nil)
            let n = try Vault.recoveryKeySlot(vaultId: vaultId, name: s.name, publicKey: recipient, recoveryKey: fresh.recoveryKey!)
            c.putSlot(n)
            live.append(n.id.hexString)
        }
        try Vault.putRecoveryEnvelope(vaultId: vaultId, writer: fresh, change: &c)
        try c.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin,
                  VaultSettings(header: h, trust: trust, recoverySlots: live))
        let policy = try passwordPolicy()
        try c.put(.policy, subject: PolicySubjects.policy, keyClass: .none, signer: .admin, policy)
        if let r = try record(.backupRecipients, BackupRecipientsRecord.self, subject: BackupSubjects.recipients, keys: nil) {
            try c.put(.backupRecipients, subject: BackupSubjects.recipients, keyClass: .none, signer: .admin, r)
        }
        put(c)

        // Keep the v1 file: a hard link to it under a name that nothing else uses.
        let stamp = ISO8601.string(now).replacing(":", with: "").replacing("-", with: "")
        let kept = "\(path).v1-\(stamp)"
        guard link(path, kept) == 0 else { throw VaultError.io(path: kept, operation: "keep the format-v1 vault as", errno: errno) }
        // All or nothing: the audit event goes into the same atomic rewrite, and on any error
        // the v1 file is put back (even if the v2 file was already renamed into place), so a
        // failed upgrade never leaves a v2 vault whose new recovery codes nobody saw.
        do {
            let event = try DataLog.auditFrame(AuditEvent(time: now, actor: session.operatorName, action: "vault.upgrade", target: "",
                                                          detail: "format 1 -> 2; every key replaced; recovery codes renewed; v1 file kept at \(kept)"))
            // The rewrite syncs the directory after its rename, which also makes the link durable.
            _ = try file.rewrite(keys: old, rotateTo: (h, fresh), replacing: replacing, appending: [event])
        } catch {
            var a = stat(), b = stat()
            if lstat(path, &a) == 0, lstat(kept, &b) == 0, a.st_ino == b.st_ino {
                unlink(kept)
            } else if rename(kept, path) == 0 {
                try? FileSystem.fsyncDirectory(FileSystem.directory(of: path))
            }
            throw error
        }
        try reopen()
        try file.pin(trust)
        return UpgradeOutcome(keptAt: kept, recoveryCodes: codes, operators: operators)
    }

    /// Upgrades (when the vault is v1 and the login is an admin's) and returns the login as it
    /// stands on the upgraded vault: the same operator, the new keys (from their envelope).
    public func upgradeIfLegacy(_ login: LoginResult, now: Date = Date()) throws -> (LoginResult, UpgradeOutcome?) {
        guard file.isLegacy else { return (login, nil) }
        guard login.session.role == .admin else { throw VaultError.needsUpgrade(path: path) }
        let pk = login.session.personalKey!
        let outcome = try unlocked(by: login.session).upgrade(now: now)
        guard let slot = try operatorSlot(named: login.session.operatorName) else { throw VaultError.corrupt(path: path, part: "the admin's slot after the upgrade") }
        let ring = KeyRing(); ring.personalKey = pk
        let (s, _, _) = try session(from: slot, ring: ring)
        return (LoginResult(session: s, profile: login.profile, expiresInDays: login.expiresInDays), outcome)
    }

    /// Whether the file is in format v1 (readable; an admin upgrades it before anything is written).
    public var isLegacyFormat: Bool { file.isLegacy }
}
