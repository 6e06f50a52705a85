import FoundationEssentials
import Glibc
import VaultCrypto

/// What a key rotation did.
public struct RotationOutcome: Sendable {
    /// New recovery codes, when the old ones had to go (an admin lost the role): shown once.
    public var recoveryCodes: [RecoveryCode] = []
    public var bytes = 0
}

/// Key rotation (format v2): new data keys, audit key, signing keys and verification keys,
/// and every frame re-sealed under them in one atomic rewrite. It runs after a demotion or a
/// removal, and as `vaultcli rekey`. An old password, alone or with an old copy of the file,
/// then opens nothing written afterwards, and its keys open nothing in the current file.
extension Vault {
    /// A recovery-key slot: the recovery key wrapped to an X25519 recipient (A.5, A.10).
    static func recoveryKeySlot(vaultId: [UInt8], name: String, publicKey: [UInt8], recoveryKey: SecretBytes) throws -> Keyslot {
        let eph = try X25519.generateKeyPair()
        let shared = try X25519.sharedSecret(secretKey: eph.secretKey, publicKey: publicKey)
        let kek = try HKDF.deriveSecret(ikm: shared, salt: eph.publicKey + publicKey, info: Derivation.recoveryKeySlot)
        let id = SecureRandom.bytes(16)
        var slot = Keyslot(id: id, type: .recoveryKey, role: .admin, operatorId: [UInt8](repeating: 0, count: 16), name: name,
                           kdf: .x25519(ephemeralPublicKey: eph.publicKey, recipient: publicKey), wrapped: [])
        let ring = KeyRing()
        ring.recoveryKey = recoveryKey
        let payload = try Keyslot.encodePayloadLocked(keys: ring, role: .admin)
        slot.wrapped = try payload.withUnsafeBytes {
            try XChaCha20Poly1305.seal($0, key: kek, ad: Keyslot.associatedData(vaultId: vaultId, slotId: id, prefix: slot.encodePrefix()))
        }
        return slot
    }
}

extension KeyRotation {
    /// Rotates every key. `renewRecovery`: also a new recovery key (an admin, who held it, lost
    /// the role), so the recovery codes are replaced and the offline recovery key's slot is
    /// re-wrapped. Admins only; the session's keys are replaced by the new ones.
    public func rotate(renewRecovery: Bool, reason: String, now: Date = Date(),
                       progress: ((Int, Int) -> Void)? = nil) throws -> RotationOutcome {
        try Permission.manageRecovery.require(session)
        if vault.file.isLegacy { throw VaultError.needsUpgrade(path: vault.path) }
        let old = session.keys
        guard old.holdsAll(), old.signingKey(.admin) != nil, let oldRecovery = old.recoveryKey else {
            throw VaultError.permissionDenied(needed: "rotate the vault's keys", role: session.role.rawValue)
        }
        var out = RotationOutcome()
        // The new keys.
        let (fresh, auditPublicKey, trust) = try KeyRing.freshVaultKeys()
        fresh.recoveryKey = renewRecovery ? try SecretBytes.random(count: 32) : oldRecovery
        fresh.extra[KeyId.auditSeed] = try SecretBytes.random(count: 32)
        var h = vault.file.header
        h.auditPublicKey = auditPublicKey
        let vaultId = h.vaultId

        var replacing: [VaultFile.MetaKey: PendingFrame?] = [:]
        func put(_ c: Change) { for f in c.frames { replacing[VaultFile.MetaKey(kind: f.kind, subject: f.subject)] = f } }
        // Every operator's envelope: their state as it is, the new keys their role is entitled to.
        for (opId, _) in try vault.records(.operatorProfile, OperatorProfile.self, keys: old) {
            guard let p = try vault.signedProfile(operatorId: opId, keys: old) else { continue }
            // A disabled operator has no envelope (format v2): nothing to re-wrap.
            if p.status == .disabled, try vault.file.readMeta(.record, subject: EnvelopeSubjects.envelope(opId), keys: nil) == nil { continue }
            let pk = opId == session.operatorId ? old.personalKey! : try vault.personalKey(of: p, keys: old)
            let (state, _) = try vault.envelope(operatorId: opId, personalKey: pk)
            var c = Change()
            try Vault.putEnvelope(vaultId: vaultId, operatorId: opId, role: p.role, state: state, writer: fresh, personalKey: pk, change: &c)
            // The key copy in the class its role calls for (a manager's is admin-class).
            try Vault.putKeyCopy(operatorId: opId, role: p.role, personalKey: pk, change: &c)
            put(c)
        }
        // The recovery material.
        var settings = try vault.settings()
        if renewRecovery {
            let slots = try vault.keyslots()
            for s in slots where s.type == .recoveryCode { replacing[VaultFile.MetaKey(kind: .slot, subject: s.id)] = .some(nil) }
            let (codeSlots, codes) = try RecoveryCodes.makeSlots(vaultId: vaultId, keys: fresh, count: max(1, slots.filter { $0.type == .recoveryCode }.count))
            out.recoveryCodes = codes
            var live: [String] = codeSlots.map(\.id.hexString)
            var c = Change()
            for s in codeSlots { c.putSlot(s) }
            for s in slots where s.type == .recoveryKey {
                guard case .x25519(_, let recipient) = s.kdf else { continue }
                replacing[VaultFile.MetaKey(kind: .slot, subject: s.id)] = .some(nil)
                let n = try Vault.recoveryKeySlot(vaultId: vaultId, name: s.name, publicKey: recipient, recoveryKey: fresh.recoveryKey!)
                c.putSlot(n)
                live.append(n.id.hexString)
            }
            put(c)
            settings.recoverySlots = live
        }
        var c = Change()
        try Vault.putRecoveryEnvelope(vaultId: vaultId, writer: fresh, change: &c)
        var newSettings = VaultSettings(header: h, trust: trust, recoverySlots: settings.recoverySlots)
        newSettings.rotations = (settings.rotations ?? 0) + 1
        newSettings.merchantName = settings.merchantName
        try c.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin, newSettings)
        put(c)

        out.bytes = try vault.file.rewrite(keys: old, rotateTo: (h, fresh), replacing: replacing, progress: progress)
        try vault.reopen()
        try vault.file.pin(trust)
        // The caller goes on with the new keys.
        old.keys = fresh.keys
        old.auditSecretKey = fresh.auditSecretKey
        let personal = old.personalKey
        old.extra = fresh.extra
        if let personal { old.personalKey = personal }
        try vault.appendAudit([AuditEvent(time: now, actor: session.operatorName, action: "vault.rekey", target: "",
                                          detail: reason + (renewRecovery ? "; recovery codes renewed" : ""))])
        return out
    }
}
