import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

/// What `unlock` hands the agent it starts (through a pipe), and, with an empty key payload,
/// what a STATUS request answers.
struct SessionGrant {
    var vaultId: [UInt8]
    var operatorName: String
    var role: Role
    var operatorId: [UInt8]
    var idleSeconds: Int
    var lifetimeSeconds: Int
    var keyPayload: [UInt8]

    func encode() -> [UInt8] {
        var w = ByteWriter()
        w.raw(Array("VCSG1".utf8))
        w.raw(vaultId)
        w.string16(operatorName)
        w.u8(role.code)
        w.raw(operatorId)
        w.u32(UInt32(idleSeconds)); w.u32(UInt32(lifetimeSeconds))
        w.blob16(keyPayload)
        return w.bytes
    }

    static func decode(_ b: [UInt8]) throws -> SessionGrant {
        var r = ByteReader(b)
        guard try r.array(5) == Array("VCSG1".utf8) else { throw ByteReader.Truncated() }
        let vid = try r.array(16)
        let name = try r.string16()
        guard let role = Role(code: try r.u8()) else { throw ByteReader.Truncated() }
        let op = try r.array(16)
        let idle = Int(try r.u32()), life = Int(try r.u32())
        let payload = try r.blob16()
        guard r.atEnd else { throw ByteReader.Truncated() }
        return SessionGrant(vaultId: vid, operatorName: name, role: role, operatorId: op, idleSeconds: idle, lifetimeSeconds: life, keyPayload: payload)
    }

    /// Decodes a grant read into locked memory, in place: the keys are copied from there into
    /// SecretBytes of their own (the grant returned has an empty `keyPayload`).
    static func decodeLocked(_ raw: UnsafeRawBufferPointer) throws -> (SessionGrant, KeyRing) {
        var r = RawReader(raw)
        guard Array(try r.take(5)) == Array("VCSG1".utf8) else { throw ByteReader.Truncated() }
        let vid = Array(try r.take(16))
        guard let name = String(validating: try r.take(Int(try r.u16())), as: UTF8.self) else { throw ByteReader.Truncated() }
        guard let role = Role(code: try r.u8()) else { throw ByteReader.Truncated() }
        let op = Array(try r.take(16))
        let idle = Int(try r.u32()), life = Int(try r.u32())
        let keys = try Keyslot.decodePayload(raw: try r.take(Int(try r.u16())))
        guard r.atEnd else { throw ByteReader.Truncated() }
        return (SessionGrant(vaultId: vid, operatorName: name, role: role, operatorId: op, idleSeconds: idle, lifetimeSeconds: life, keyPayload: []), keys)
    }
}

extension Session {
    /// What the agent needs to serve this session.
    /// Built in locked memory (the same bytes as `SessionGrant.encode`): the keys go from their
    /// own SecretBytes to this buffer, which is written to the agent's pipe from there.
    func grant(vaultId: [UInt8], idleSeconds: Int, lifetimeSeconds: Int) throws -> SecretBytes {
        let payload = try Keyslot.encodePayloadLocked(keys: keys, role: role)
        let name = Array(operatorName.utf8)
        let count = 5 + vaultId.count + 2 + name.count + 1 + operatorId.count + 8 + 2 + payload.count
        return try SecretBytes.build(count: count) { w in
            w.raw(Array("VCSG1".utf8))
            w.raw(vaultId)
            w.u16(UInt16(name.count)); w.raw(name)
            w.u8(role.code)
            w.raw(operatorId)
            w.u32(UInt32(idleSeconds)); w.u32(UInt32(lifetimeSeconds))
            w.u16(UInt16(payload.count))
            payload.withUnsafeBytes { w.raw($0) }
        }
    }
}

extension Vault {
    /// The grant that `unlock` sends to a new agent.
    public func sessionGrant(_ s: Session, idleSeconds: Int, lifetimeSeconds: Int) throws -> SecretBytes {
        try s.grant(vaultId: file.header.vaultId, idleSeconds: idleSeconds, lifetimeSeconds: lifetimeSeconds)
    }
}
