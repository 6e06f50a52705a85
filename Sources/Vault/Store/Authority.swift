import FoundationEssentials
import Glibc
import VaultCrypto

/// Format v2's rules of authority (docs/FORMAT.md A.10, docs/SECURITY.md).
///
/// Every frame says which key class protects it (byte 5) and which signing key vouches for it
/// (byte 6). One place, here, says what each kind of frame and each record type must carry; a
/// frame that carries anything else is tampering and is never used.
enum FrameRules {
    /// What a frame kind allows, checked when its header is decoded (every version).
    static func kindViolation(_ h: FrameHeader) -> String? {
        switch h.kind {
        case .index, .slot, .lockout:
            if h.keyClass != .none || h.signer != .none { return "\(h.kind) frame with key class \(h.keyClass.rawValue) / signer \(h.signer.rawValue)" }
        case .record:
            if h.keyClass == .sealed { return "record frame sealed to the audit key" }
        case .data:
            if !h.keyClass.isAEAD || h.signer != .none { return "data frame with key class \(h.keyClass.rawValue) / signer \(h.signer.rawValue)" }
        case .audit:
            if h.keyClass != .sealed || h.signer != .none { return "audit frame with key class \(h.keyClass.rawValue) / signer \(h.signer.rawValue)" }
        }
        if h.erased && !h.kind.isMeta { return "an erased \(h.kind) frame (only superseded metadata may be erased)" }
        return nil
    }

    /// The key classes and signers a record type may carry in a version-2 vault.
    static func allowed(_ type: RecordType) -> (classes: Set<KeyClass>, signers: Set<Signer>) {
        switch type {
        case .operatorProfile: ([.shared], [.admin, .manager])
        case .operatorSecrets: ([.manager, .admin], [.none])
        case .policy, .backupRecipients, .vaultSettings, .fleetEnrolment: ([.none], [.admin])
        case .account: ([.admin], [.none])
        case .settings: ([.admin], [.none])
        case .operatorPrivate: ([], [])  // format v1 only
        case .envelope, .recoveryEnvelope, .recoveryQuestions, .auditChain, .backupMarkerKey: ([.none], [.none])
        case .auditEvent: ([], [])
        }
    }

    /// The same in a version-1 vault (read only to show, verify, back up or upgrade it).
    static func allowedV1(_ type: RecordType) -> Set<KeyClass> {
        switch type {
        case .operatorProfile, .operatorPrivate: [.shared]
        case .operatorSecrets: [.manager, .admin]
        case .policy, .backupRecipients, .recoveryQuestions: [.none]
        case .account, .settings: [.admin]
        case .vaultSettings, .envelope, .recoveryEnvelope, .auditEvent, .auditChain, .backupMarkerKey, .fleetEnrolment: []
        }
    }

    /// Throws `corrupt` when a record frame carries a class or signer its type does not allow.
    static func checkRecord(_ type: RecordType, header h: FrameHeader, version: UInt16, offset: Int, path: String) throws {
        let ok: Bool
        if version == FormatV1.legacyVersion {
            ok = allowedV1(type).contains(h.keyClass) && h.signer == .none
        } else {
            let a = allowed(type)
            ok = a.classes.contains(h.keyClass) && a.signers.contains(h.signer)
        }
        guard ok else {
            throw VaultError.corrupt(path: path, part: "record at offset \(offset) (a \(type) record with key class \(h.keyClass.rawValue) and signer \(h.signer.rawValue), which its type does not allow)")
        }
    }
}

/// The public signing keys a reader trusts. After unlock they come from the operator's own
/// envelope (sealed under a key only their password or recovery proof yields), so a forged
/// settings record or header fools nobody but the forger.
struct TrustAnchor: Equatable {
    var admin: [UInt8]
    var manager: [UInt8]

    func key(for s: Signer) -> [UInt8]? {
        switch s { case .admin: admin; case .manager: manager; case .none: nil }
    }
}

/// The message a frame signature covers: a domain string, the vault id, the frame header's
/// first 48 bytes (length, kind, class, signer, index offset, previous link, subject) and the
/// plaintext. The previous link binds the signature to the frame's place in the chain.
enum FrameSignature {
    static let domain = Array(Derivation.frameSignature.utf8)

    static func message(vaultId: [UInt8], header: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer) -> [UInt8] {
        var m = domain + vaultId
        m.reserveCapacity(m.count + 48 + body.count)
        m += header[0..<48]
        m += body
        return m
    }
}

/// Payload ids of the keys a keyring carries (docs/FORMAT.md A.5).
enum KeyId {
    static let personal: UInt8 = 17
    static let recovery: UInt8 = 18
    /// The audit chain's seed (admins): it verifies every event's MAC (A.10, "Audit chain").
    static let auditSeed: UInt8 = 19
    static let adminSigning: UInt8 = 32
    static let managerSigning: UInt8 = 33
    static let adminVerify: UInt8 = 34
    static let managerVerify: UInt8 = 35
}

extension KeyRing {
    var recoveryKey: SecretBytes? {
        get { extra[KeyId.recovery] }
        set { extra[KeyId.recovery] = newValue }
    }

    func signingKey(_ s: Signer) -> SecretBytes? {
        switch s { case .admin: extra[KeyId.adminSigning]; case .manager: extra[KeyId.managerSigning]; case .none: nil }
    }

    /// The verification keys this ring carries (from an envelope), if any.
    var trust: TrustAnchor? {
        guard let a = extra[KeyId.adminVerify], let m = extra[KeyId.managerVerify] else { return nil }
        return TrustAnchor(admin: a.unsafeCopyBytes(), manager: m.unsafeCopyBytes())
    }

    func setTrust(_ t: TrustAnchor) throws {
        extra[KeyId.adminVerify] = try SecretBytes(copying: t.admin)
        extra[KeyId.managerVerify] = try SecretBytes(copying: t.manager)
    }

    /// The strongest signer this ring can sign as.
    var bestSigner: Signer? {
        if extra[KeyId.adminSigning] != nil { return .admin }
        if extra[KeyId.managerSigning] != nil { return .manager }
        return nil
    }

    /// A ring with exactly what `role` is entitled to, taken from this one: its data-key
    /// classes, the audit key (managers, admins), the signing keys (manager: the manager key;
    /// admin: both, and the recovery key), and the verification keys. Throws when this ring
    /// does not hold them (nobody hands out keys they do not have).
    func entitled(_ role: Role) throws -> KeyRing {
        let r = KeyRing()
        func need(_ k: SecretBytes?, _ what: String) throws -> SecretBytes {
            guard let k else { throw VaultError.permissionDenied(needed: "hand out the \(role.rawValue) keys (\(what))", role: "current") }
            return k
        }
        for c in role.keyClasses { r.keys[c] = try need(keys[c], "\(c) data key") }
        if role.holdsAuditKey { r.auditSecretKey = try need(auditSecretKey, "audit key") }
        if role != .cashier { r.extra[KeyId.managerSigning] = try need(extra[KeyId.managerSigning], "manager signing key") }
        if role == .admin {
            r.extra[KeyId.adminSigning] = try need(extra[KeyId.adminSigning], "admin signing key")
            r.extra[KeyId.recovery] = try need(extra[KeyId.recovery], "recovery key")
            r.extra[KeyId.auditSeed] = try need(extra[KeyId.auditSeed], "audit seed")
        }
        r.extra[KeyId.adminVerify] = try need(extra[KeyId.adminVerify], "verification keys")
        r.extra[KeyId.managerVerify] = try need(extra[KeyId.managerVerify], "verification keys")
        return r
    }
}

/// The admin-signed record that states what the header says, so that after unlock the header
/// is checked against it (type 10).
struct VaultSettings: Codable, Equatable {
    var vaultId: String
    var terminalId: String
    var created: UInt64
    var kdfMemoryKiB: UInt32
    var kdfIterations: UInt32
    var auditPublicKey: String
    var adminVerifyKey: String
    var managerVerifyKey: String
    /// The recovery slots (codes, the offline key) that may unwrap the recovery key. A used
    /// code leaves this list in the same commit, so its slot, even put back from an old copy of
    /// the file, opens nothing.
    var recoverySlots: [String] = []
    /// How many key rotations the vault has had (nil: none). Admins' last-seen records compare
    /// it, so a file rolled back to before a rotation is noticed (LastSeen.swift).
    var rotations: Int? = nil
    /// The merchant's (shop's) name, as an admin set it (nil: none set). Public, like the rest
    /// of this record: it is on every receipt. Signed with the rest, so a cashier can neither
    /// change nor remove it; the password checks refuse passwords built from it.
    var merchantName: String? = nil

    static let subject = Hash.blake2b(Array(Derivation.vaultSettingsSubject.utf8), length: 16)

    init(header: VaultHeader, trust: TrustAnchor, recoverySlots: [String] = []) {
        self.recoverySlots = recoverySlots
        vaultId = header.vaultId.hexString
        terminalId = header.terminalId
        created = header.created
        kdfMemoryKiB = header.kdf.memoryKiB
        kdfIterations = header.kdf.iterations
        auditPublicKey = header.auditPublicKey.hexString
        adminVerifyKey = trust.admin.hexString
        managerVerifyKey = trust.manager.hexString
    }

    var trust: TrustAnchor? {
        guard let a = [UInt8](hexString: adminVerifyKey), let m = [UInt8](hexString: managerVerifyKey), a.count == 32, m.count == 32 else { return nil }
        return TrustAnchor(admin: a, manager: m)
    }

    /// Whether the header says the same as this record.
    func matches(_ h: VaultHeader) -> Bool {
        vaultId == h.vaultId.hexString && terminalId == h.terminalId && created == h.created &&
            kdfMemoryKiB == h.kdf.memoryKiB && kdfIterations == h.kdf.iterations && auditPublicKey == h.auditPublicKey.hexString
    }
}

/// What an operator's envelope holds besides keys: the state only the operator (or whoever
/// holds their personal key: admins, and managers for cashiers) may write.
struct EnvelopeState: Codable, Equatable {
    /// The one password slot that may open this envelope: an older slot put back is refused.
    var slotId: String
    var history: [String]
    var passwordChangedAt: Date
    var mustChangePassword: Bool
    /// The one-time-code secret (`ALG:BASE32`), in locked memory; in the envelope's secret part.
    var totpSecret: SecretBytes?
    var totpLastStep: Int64?
    var totpPending: SecretBytes?
    /// The nonce of the latest authenticated reset of this operator's failed-login counter
    /// (hex): a cleared counter must carry it, so an older cleared counter put back is refused.
    var lockoutNonce: String? = nil
}

enum EnvelopeSubjects {
    static func envelope(_ op: [UInt8]) -> [UInt8] { Hash.blake2b(Array("envelope".utf8) + op, length: 16) }
    static let recovery = Hash.blake2b(Array(Derivation.recoveryEnvelopeSubject.utf8), length: 16)
}

/// Envelopes (format v2): an operator's keys and private state, sealed under their personal key
/// (type 12); the recovery material's keys, sealed under the recovery key (type 11).
/// Body: `u16 type ‖ XChaCha20-Poly1305(key, u32 n ‖ JSON state (n bytes) ‖ key payload)`; when
/// the state holds secrets (a one-time-code secret), the top bit of n is set and the JSON is
/// followed by `u32 m ‖ secret part (m bytes)` before the key payload (docs/FORMAT.md A.10).
enum Envelope {
    /// Set in the state's length word when a secret part follows the JSON.
    static let secretPartFlag: UInt32 = 0x8000_0000

    static func ad(vaultId: [UInt8], subject: [UInt8]) -> [UInt8] { Array(Derivation.envelopeAD.utf8) + vaultId + subject }

    static func seal(type: RecordType, state: EnvelopeState?, keys: KeyRing, under key: SecretBytes, vaultId: [UInt8], subject: [UInt8]) throws -> [UInt8] {
        let part = SecretPart()
        let json = state == nil ? Data() : try RecordCodec.jsonEncoder(part).encode(state!)
        let hasSecrets = !part.items.isEmpty
        // The plaintext is built in locked memory (the state's JSON holds no secret, only
        // indices into the secret part) and sealed from there.
        let payload = try Keyslot.encodePayloadLocked(keys: keys, role: .admin)
        let count = 4 + json.count + (hasSecrets ? 4 + part.encodedCount : 0) + payload.count
        let plain = try SecretBytes.build(count: count) { w in
            w.u32(UInt32(json.count) | (hasSecrets ? Envelope.secretPartFlag : 0))
            w.raw(json)
            if hasSecrets {
                w.u32(UInt32(part.encodedCount))
                part.write(into: &w)
            }
            payload.withUnsafeBytes { w.raw($0) }
        }
        TestProbe.record("seal locked envelope type=\(type.rawValue)")
        var w = ByteWriter()
        w.u16(type.rawValue)
        w.raw(try plain.withUnsafeBytes { try XChaCha20Poly1305.seal($0, key: key, ad: ad(vaultId: vaultId, subject: subject)) })
        return w.bytes
    }

    /// Opens an envelope straight into locked memory: the state's JSON is parsed there, its
    /// secret part and the keys are copied from there into SecretBytes of their own.
    static func open(_ body: [UInt8], type: RecordType, under key: SecretBytes, vaultId: [UInt8], subject: [UInt8], path: String) throws -> (EnvelopeState?, KeyRing) {
        guard RecordCodec.type(of: body) == type else { throw VaultError.corrupt(path: path, part: "envelope (unexpected record type)") }
        let plain: SecretBytes
        do { plain = try body.withUnsafeBytes { try XChaCha20Poly1305.openLocked(UnsafeRawBufferPointer(rebasing: $0[2...]), key: key, ad: ad(vaultId: vaultId, subject: subject)) } } catch {
            throw VaultError.corrupt(path: path, part: "an operator's key envelope (it does not open with the key their slot holds)")
        }
        TestProbe.record("plaintext locked envelope type=\(type.rawValue)")
        return try plain.withUnsafeBytes { raw in
            var r = RawReader(raw)
            do {
                let word = try r.u32()
                let n = Int(word & ~Envelope.secretPartFlag)
                let json = try r.take(n)
                let dec = JSONDecoder()
                dec.dateDecodingStrategy = .secondsSince1970
                if word & Envelope.secretPartFlag != 0 {
                    let m = Int(try r.u32())
                    var sr = RawReader(try r.take(m))
                    dec.userInfo[SecretPart.key] = try SecretPart.read(&sr)
                    guard sr.atEnd else { throw ByteReader.Truncated() }
                }
                let state = n == 0 ? nil : try RecordCodec.decodeJSON(EnvelopeState.self, json, decoder: dec)
                let ring = try Keyslot.decodePayload(raw: r.rest())
                return (state, ring)
            } catch let e as VaultError { throw e } catch {
                throw VaultError.corrupt(path: path, part: "an operator's key envelope (malformed)")
            }
        }
    }
}

/// The forward-secure audit chain (format v2), after Schneier–Kelsey and journald's Forward
/// Secure Sealing. Event i carries `u64 i ‖ sealed box ‖ HMAC-SHA-256(k_i, "vaultcli v2 audit" ‖
/// vault id ‖ u64 i ‖ sealed box)`, and `k_{i+1} = BLAKE2b-256("vaultcli audit key" ‖ k_i)`. Only
/// the current (i, k_i) is in the file (a public record, erased when superseded): anyone can
/// append an event (a failed login needs no key), nobody without the seed k_0 can forge or edit
/// an earlier one. Admins hold k_0 and verify the whole chain.
struct AuditChain: Equatable {
    var seq: UInt64
    var key: [UInt8]

    static let subject = Hash.blake2b(Array(Derivation.auditChainSubject.utf8), length: 16)
    static let prefixBytes = 8
    static let macBytes = 32

    func mac(vaultId: [UInt8], box: some Collection<UInt8>) -> [UInt8] {
        var m = Array(Derivation.auditMAC.utf8) + vaultId
        var w = ByteWriter(); w.u64(seq); m += w.bytes
        m += box
        return HMACSHA256.mac(key: key, message: m)
    }

    var next: AuditChain { AuditChain(seq: seq + 1, key: Hash.blake2b(Array(Derivation.auditKeyStep.utf8) + key, length: 32)) }

    /// The record body: `u16 type ‖ u64 seq ‖ 32 key`.
    func encode() -> [UInt8] {
        var w = ByteWriter(); w.u16(RecordType.auditChain.rawValue); w.u64(seq); w.raw(key); return w.bytes
    }
    static func decode(_ b: [UInt8]) -> AuditChain? {
        var r = ByteReader(b)
        guard (try? r.u16()) == RecordType.auditChain.rawValue, let s = try? r.u64(), let k = try? r.array(32), r.atEnd else { return nil }
        return AuditChain(seq: s, key: k)
    }

    /// Splits a v2 audit payload into (seq, box, mac).
    static func split(_ p: ArraySlice<UInt8>) -> (seq: UInt64, box: ArraySlice<UInt8>, mac: ArraySlice<UInt8>)? {
        guard p.count > prefixBytes + macBytes else { return nil }
        var seq: UInt64 = 0
        for (i, b) in p.prefix(prefixBytes).enumerated() { seq |= UInt64(b) << (8 * UInt64(i)) }
        return (seq, p.dropFirst(prefixBytes).dropLast(macBytes), p.suffix(macBytes))
    }
}
