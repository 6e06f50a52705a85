import FoundationEssentials
import Glibc
import VaultCrypto

/// Format v2: where an operator's keys come from. A password (or recovery-question) slot holds
/// only the operator's personal key; the keys their role is entitled to, the verification keys
/// they trust and their private state are in their envelope, sealed under that personal key.
/// Recovery codes and the offline recovery key unwrap the recovery key, which opens the recovery
/// envelope (admin-level keys). docs/FORMAT.md A.10 and docs/SECURITY.md.
extension Vault {
    // MARK: reading

    /// Opens an operator's envelope with their personal key.
    func envelope(operatorId: [UInt8], personalKey: SecretBytes) throws -> (EnvelopeState, KeyRing) {
        let subject = EnvelopeSubjects.envelope(operatorId)
        guard let body = try encodedRecord(.envelope, subject: subject) else {
            throw VaultError.corrupt(path: path, part: "the key envelope of an operator is missing")
        }
        let (state, ring) = try Envelope.open(body, type: .envelope, under: personalKey, vaultId: file.header.vaultId, subject: subject, path: path)
        guard let state else { throw VaultError.corrupt(path: path, part: "an operator's key envelope (no state)") }
        return (state, ring)
    }

    /// The admin-level keys the recovery key opens.
    func recoveryEnvelopeKeys(recoveryKey: SecretBytes) throws -> KeyRing {
        guard let body = try encodedRecord(.recoveryEnvelope, subject: EnvelopeSubjects.recovery) else {
            throw VaultError.corrupt(path: path, part: "the recovery envelope is missing")
        }
        let (_, ring) = try Envelope.open(body, type: .recoveryEnvelope, under: recoveryKey, vaultId: file.header.vaultId,
                                          subject: EnvelopeSubjects.recovery, path: path)
        ring.recoveryKey = try SecretBytes(copying: recoveryKey.unsafeCopyBytes())
        return ring
    }

    /// The operator's profile as the admin (or, for cashiers, a manager) signed it. A
    /// manager-signed profile that names any role but cashier is tampering.
    func signedProfile(operatorId: [UInt8], keys: KeyRing) throws -> OperatorProfile? {
        guard let f = try file.readMeta(.record, subject: operatorId, keys: keys) else { return nil }
        guard let body = f.body else { throw VaultError.permissionDenied(needed: "read operator profiles", role: "current") }
        try FrameRules.checkRecord(.operatorProfile, header: f.header, version: file.header.version, offset: f.offset, path: path)
        let p = try RecordCodec.decode(.operatorProfile, OperatorProfile.self, from: body, path: path)
        if !file.isLegacy && f.header.signer == .manager && p.role != .cashier {
            throw VaultError.corrupt(path: path, part: "operator profile of \(p.name) (a manager's signature vouches only for cashiers)")
        }
        guard p.id.bytes == operatorId else { throw VaultError.corrupt(path: path, part: "operator profile (stored under another operator's id)") }
        return p
    }

    /// Turns an unwrapped password or question slot into a session (format v2): the envelope
    /// must open with the slot's personal key, must name this slot (for password slots), and
    /// must trust the keys the file's settings name; the signed profile must exist and give
    /// the same role as the slot. Returns the session and the operator's private state.
    func session(from slot: Keyslot, ring: KeyRing) throws -> (Session, EnvelopeState, OperatorProfile) {
        guard let pk = ring.personalKey else { throw VaultError.corrupt(path: path, part: "keyslot without a personal key") }
        let (state, keys) = try envelope(operatorId: slot.operatorId, personalKey: pk)
        if slot.type == .operatorPassword && state.slotId != slot.id.hexString {
            throw VaultError.corrupt(path: path, part: "keyslot of \(slot.name) (not the slot its envelope names: an old slot was put back)")
        }
        guard let trust = keys.trust else { throw VaultError.corrupt(path: path, part: "an operator's key envelope (no verification keys)") }
        try file.pin(trust)
        keys.personalKey = pk
        guard let profile = try signedProfile(operatorId: slot.operatorId, keys: keys) else {
            throw VaultError.corrupt(path: path, part: "operator profile of \(slot.name) is missing")
        }
        guard profile.role == slot.role, profile.name == slot.name else {
            throw VaultError.corrupt(path: path, part: "keyslot of \(slot.name) (its role or name differs from the signed profile)")
        }
        return (Session(operatorName: profile.name, role: profile.role, operatorId: slot.operatorId, keys: keys), state, profile)
    }

    /// An admin-level session from the recovery key (codes and the offline key unwrap it). The
    /// slot must be one the admin-signed settings list: a used or revoked one opens nothing.
    func recoverySession(slot: Keyslot, ring: KeyRing, name: String) throws -> Session {
        if file.isLegacy {
            return Session(operatorName: name, role: .admin, operatorId: [UInt8](repeating: 0, count: 16), keys: ring)
        }
        guard let kr = ring.recoveryKey else { throw VaultError.corrupt(path: path, part: "recovery slot without the recovery key") }
        let keys = try recoveryEnvelopeKeys(recoveryKey: kr)
        guard let trust = keys.trust else { throw VaultError.corrupt(path: path, part: "the recovery envelope (no verification keys)") }
        try file.pin(trust)
        guard try settings().recoverySlots.contains(slot.id.hexString) else {
            throw VaultError.corrupt(path: path, part: "recovery slot \(slot.name) (revoked or used, but put back in the file)")
        }
        return Session(operatorName: name, role: .admin, operatorId: [UInt8](repeating: 0, count: 16), keys: keys)
    }

    /// The admin-signed settings (format v2).
    func settings() throws -> VaultSettings {
        guard let s = try record(.vaultSettings, VaultSettings.self, subject: VaultSettings.subject, keys: nil) else {
            throw VaultError.corrupt(path: path, part: "the vault settings record is missing")
        }
        return s
    }

    /// Changes the list of live recovery slots in the settings (signed by the admin key).
    func putRecoverySlots(adding: [[UInt8]] = [], removing: [[UInt8]] = [], keys: KeyRing, change: inout Change) throws {
        var s = try settings()
        let gone = Set(removing.map(\.hexString))
        s.recoverySlots = s.recoverySlots.filter { !gone.contains($0) } + adding.map(\.hexString)
        try change.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin, s)
    }

    // MARK: writing

    /// Seals an operator's envelope: the keys `role` is entitled to (taken from `writer`, who
    /// must hold them), and their state, under their personal key.
    static func putEnvelope(vaultId: [UInt8], operatorId: [UInt8], role: Role, state: EnvelopeState, writer: KeyRing,
                            personalKey: SecretBytes, change: inout Vault.Change) throws {
        let ring = try writer.entitled(role)
        let subject = EnvelopeSubjects.envelope(operatorId)
        change.putEncoded(subject: subject, body: try Envelope.seal(type: .envelope, state: state, keys: ring, under: personalKey,
                                                                    vaultId: vaultId, subject: subject))
    }

    /// Seals the recovery envelope: admin-level keys under the recovery key.
    static func putRecoveryEnvelope(vaultId: [UInt8], writer: KeyRing, change: inout Vault.Change) throws {
        let ring = try writer.entitled(.admin)
        guard let kr = ring.recoveryKey else { throw VaultError.permissionDenied(needed: Permission.manageRecovery.rawValue, role: "current") }
        ring.recoveryKey = nil
        change.putEncoded(subject: EnvelopeSubjects.recovery,
                          body: try Envelope.seal(type: .recoveryEnvelope, state: nil, keys: ring, under: kr, vaultId: vaultId,
                                                  subject: EnvelopeSubjects.recovery))
    }

    /// Rewrites an operator's envelope with new private state, keeping the keys it holds.
    func updateEnvelope(operatorId: [UInt8], personalKey: SecretBytes, change: inout Change, _ edit: (inout EnvelopeState) throws -> Void) throws {
        let (old, keys) = try envelope(operatorId: operatorId, personalKey: personalKey)
        var state = old
        try edit(&state)
        let subject = EnvelopeSubjects.envelope(operatorId)
        change.putEncoded(subject: subject, body: try Envelope.seal(type: .envelope, state: state, keys: keys, under: personalKey,
                                                                    vaultId: file.header.vaultId, subject: subject))
    }

    /// Who signs a profile written by `writer`: the admin key, or the manager key for a
    /// cashier's profile. nil when the writer may not vouch for this role (an operator changing
    /// their own password leaves their profile as it is).
    static func profileSigner(writer: KeyRing, role: Role) -> Signer? {
        if writer.signingKey(.admin) != nil { return .admin }
        if writer.signingKey(.manager) != nil && role == .cashier { return .manager }
        return nil
    }

    /// Writes a profile signed by the writer, or throws when the writer may not vouch for it.
    static func putProfile(_ p: OperatorProfile, writer: KeyRing, change: inout Vault.Change) throws {
        guard let signer = profileSigner(writer: writer, role: p.role) else {
            throw VaultError.permissionDenied(needed: "change the profile of a \(p.role.rawValue)", role: "current")
        }
        try change.put(.operatorProfile, subject: p.id.bytes, keyClass: .shared, signer: signer, p)
    }

    /// The profile with the operator's own state (password date, must-change, one-time codes)
    /// from their envelope, where the reader holds the personal key (their own, or a copy).
    func overlay(_ p: OperatorProfile, keys: KeyRing, ownId: [UInt8]?) -> OperatorProfile {
        guard !file.isLegacy else { return p }
        let opId = p.id.bytes
        let pk: SecretBytes? = ownId == opId ? keys.personalKey : (try? personalKey(of: p, keys: keys))
        guard let pk, let (state, _) = try? envelope(operatorId: opId, personalKey: pk) else { return p }
        var out = p
        out.passwordChangedAt = state.passwordChangedAt
        out.mustChangePassword = state.mustChangePassword
        out.slotId = state.slotId
        out.totpEnabled = state.totpSecret != nil
        return out
    }
}
