import FoundationEssentials
import Glibc
import VaultCrypto

/// The roles, and the data-key classes each one's keyslot unwraps.
public enum Role: String, Codable, Sendable, CaseIterable {
    case cashier, manager, admin

    var code: UInt8 { switch self { case .cashier: 1; case .manager: 2; case .admin: 3 } }
    init?(code: UInt8) { switch code { case 1: self = .cashier; case 2: self = .manager; case 3: self = .admin; default: return nil } }

    /// Key separation: a cashier's slot holds only the shared key.
    public var keyClasses: [KeyClass] {
        switch self {
        case .cashier: [.shared]
        case .manager: [.shared, .manager]
        case .admin: [.shared, .manager, .admin]
        }
    }
    /// Managers and admins can read the audit log, so their slots hold the audit secret key.
    var holdsAuditKey: Bool { self != .cashier }
}

/// A keyslot: a wrapped copy of some data keys, unwrapped by a password (Argon2id) or an
/// X25519 identity. Stored as a public frame; the key payload inside is AEAD-sealed.
struct Keyslot {
    enum SlotType: UInt8 { case operatorPassword = 1, recoveryCode = 2, recoveryQuestions = 3, recoveryKey = 4 }
    enum KDF: Equatable {
        case argon2id(KDFParameters, salt: [UInt8])
        case x25519(ephemeralPublicKey: [UInt8], recipient: [UInt8])
    }

    var id: [UInt8]
    var type: SlotType
    var role: Role
    var operatorId: [UInt8]
    var name: String
    var kdf: KDF
    var wrapped: [UInt8]

    /// The bytes the AEAD's associated data covers: everything but the wrapped payload.
    func encodePrefix() -> [UInt8] {
        var w = ByteWriter()
        w.u8(type.rawValue)
        w.u8(role.code)
        w.raw(operatorId)
        w.string16(name)
        switch kdf {
        case .argon2id(let p, let salt):
            w.u8(1); w.u32(p.memoryKiB); w.u32(p.iterations); w.raw(salt)
        case .x25519(let e, let r):
            w.u8(2); w.raw(e); w.raw(r)
        }
        return w.bytes
    }

    func encode() -> [UInt8] {
        var w = ByteWriter()
        w.raw(encodePrefix())
        w.blob16(wrapped)
        return w.bytes
    }

    static func decode(_ b: [UInt8], id: [UInt8]) throws -> Keyslot {
        var r = ByteReader(b)
        guard let t = SlotType(rawValue: try r.u8()), let role = Role(code: try r.u8()) else { throw ByteReader.Truncated() }
        let op = try r.array(16)
        let name = try r.string16()
        let kdf: KDF
        switch try r.u8() {
        case 1:
            let m = try r.u32(), it = try r.u32()
            kdf = .argon2id(KDFParameters(memoryKiB: m, iterations: it), salt: try r.array(16))
        case 2:
            kdf = .x25519(ephemeralPublicKey: try r.array(32), recipient: try r.array(32))
        default: throw ByteReader.Truncated()
        }
        let wrapped = try r.blob16()
        guard r.atEnd else { throw ByteReader.Truncated() }
        return Keyslot(id: id, type: t, role: role, operatorId: op, name: name, kdf: kdf, wrapped: wrapped)
    }

    static func associatedData(vaultId: [UInt8], slotId: [UInt8], prefix: [UInt8]) -> [UInt8] {
        Array(Derivation.keyslotAD.utf8) + vaultId + slotId + prefix
    }

    // Payload: u8 count, then (u8 id, u16 length, bytes). ids: 1-3 key classes, 16 audit secret key.
    static func encodePayload(keys: KeyRing, role: Role) -> [UInt8] {
        var w = ByteWriter()
        var entries: [(UInt8, SecretBytes)] = role.keyClasses.compactMap { c in keys.key(c).map { (c.rawValue, $0) } }
        if role.holdsAuditKey, let a = keys.auditSecretKey { entries.append((16, a)) }
        for (id, k) in keys.extra.sorted(by: { $0.key < $1.key }) { entries.append((id, k)) }
        w.u8(UInt8(entries.count))
        for (id, k) in entries {
            w.u8(id)
            k.withUnsafeBytes { w.blob16(Array($0)) }
        }
        return w.bytes
    }

    /// The same payload built in locked memory: each key goes from its SecretBytes to this
    /// buffer, which is sealed from there.
    static func encodePayloadLocked(keys: KeyRing, role: Role) throws -> SecretBytes {
        var entries: [(UInt8, SecretBytes)] = role.keyClasses.compactMap { c in keys.key(c).map { (c.rawValue, $0) } }
        if role.holdsAuditKey, let a = keys.auditSecretKey { entries.append((16, a)) }
        for (id, k) in keys.extra.sorted(by: { $0.key < $1.key }) { entries.append((id, k)) }
        let count = entries.reduce(1) { $0 + 3 + $1.1.count }
        let out = try SecretBytes.build(count: count) { w in
            w.u8(UInt8(entries.count))
            for (id, k) in entries {
                w.u8(id)
                w.u16(UInt16(k.count))
                k.withUnsafeBytes { w.raw($0) }
            }
        }
        TestProbe.record("seal locked keyslot-payload")
        return out
    }

    static func decodePayload(_ b: [UInt8]) throws -> KeyRing {
        try b.withUnsafeBytes { try decodePayload(raw: $0) }
    }

    /// The keys, each copied from `raw` (a plaintext in locked memory) straight into SecretBytes.
    static func decodePayload(raw: UnsafeRawBufferPointer) throws -> KeyRing {
        var r = RawReader(raw)
        let ring = KeyRing()
        let n = try r.u8()
        for _ in 0..<n {
            let id = try r.u8()
            let k = try r.take(Int(try r.u16()))
            let s = try SecretBytes(count: k.count) { dst in if k.count > 0 { dst.baseAddress!.copyMemory(from: k.baseAddress!, byteCount: k.count) } }
            if id == 16 { ring.auditSecretKey = s } else if let c = KeyClass(rawValue: id), c.isAEAD { ring.keys[c] = s } else if id >= 17 { ring.extra[id] = s }
        }
        return ring
    }

    /// Creates a password slot for `role` holding the keys from `keys`. Returns the slot and
    /// the Argon2id hash, from which the operator's PHC string is built.
    static func makePasswordSlot(vaultId: [UInt8], type: SlotType, role: Role, operatorId: [UInt8], name: String,
                                 password: SecretBytes, parameters: KDFParameters, keys: KeyRing) throws -> (Keyslot, phc: String) {
        let id = SecureRandom.bytes(16)
        let salt = SecureRandom.bytes(Argon2id.saltBytes)
        let out = try KeyslotKDF.derive(password: password, salt: salt, parameters: parameters, floor: KDFPolicy.floor)
        var slot = Keyslot(id: id, type: type, role: role, operatorId: operatorId, name: name, kdf: .argon2id(parameters, salt: salt), wrapped: [])
        let payload = try encodePayloadLocked(keys: keys, role: role)
        slot.wrapped = try payload.withUnsafeBytes {
            try XChaCha20Poly1305.seal($0, key: out.wrappingKey, ad: associatedData(vaultId: vaultId, slotId: id, prefix: slot.encodePrefix()))
        }
        return (slot, Argon2id.phcString(salt: salt, parameters: parameters, hash: out.hash))
    }

    /// Tries a password. Throws `authenticationFailed` when it is wrong.
    func unwrap(password: SecretBytes, vaultId: [UInt8]) throws -> (KeyRing, phc: String) {
        guard case .argon2id(let p, let salt) = kdf else { throw VaultError.authenticationFailed }
        let out = try KeyslotKDF.derive(password: password, salt: salt, parameters: p, floor: KDFPolicy.floor)
        let payload: SecretBytes
        do {
            payload = try XChaCha20Poly1305.openLocked(wrapped, key: out.wrappingKey,
                                                       ad: Keyslot.associatedData(vaultId: vaultId, slotId: id, prefix: encodePrefix()))
        } catch {
            throw VaultError.authenticationFailed
        }
        return (try payload.withUnsafeBytes { try Keyslot.decodePayload(raw: $0) }, Argon2id.phcString(salt: salt, parameters: p, hash: out.hash))
    }
}
