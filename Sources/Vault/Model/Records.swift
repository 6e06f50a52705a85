import FoundationEssentials
import Glibc
import VaultCrypto

/// Record types inside `record` frames: a u16 type, then JSON.
enum RecordType: UInt16 {
    case operatorProfile = 1
    /// The operator's personal-key copy (OperatorKeyCopy), for resets.
    case operatorSecrets = 2
    case policy = 3
    case account = 4
    case settings = 5
    case auditEvent = 6
    case operatorPrivate = 7
    case backupRecipients = 8
    /// An operator's recovery questions and the slots their answers unwrap (public).
    case recoveryQuestions = 9
    /// Format v2: the admin-signed copy of the header and the verification keys.
    case vaultSettings = 10
    /// Format v2: the recovery material's keys, sealed under the recovery key.
    case recoveryEnvelope = 11
    /// Format v2: an operator's keys and private state, sealed under their personal key.
    case envelope = 12
    /// Format v2: the audit chain's current position and key (public; see AuditChain).
    case auditChain = 13
    /// Format v2: the key that authenticates the vault's backup markers (public; see
    /// BackupMarkerKey and docs/FORMAT.md B.6).
    case backupMarkerKey = 14
    /// Format v2: the terminal's fleet enrolment: remote, head-office recipients and the
    /// terminal's Ed25519 signing key (admin-signed, public; see FleetEnrolment and
    /// docs/FORMAT.md C.1).
    case fleetEnrolment = 15
}

/// Body: `u16 type ‖ JSON`, or, for a record holding secrets (SecretBytes fields),
/// `u16 type ‖ 0x00 ‖ u32 n ‖ JSON (n bytes) ‖ secret part` where the JSON holds each secret's
/// index into the secret part, `u16 k ‖ k × (u32 length ‖ bytes)` (docs/FORMAT.md, "Secrets in
/// records"). JSON text never starts with 0x00, so the two read apart.
enum RecordCodec {
    static func jsonEncoder(_ part: SecretPart) -> JSONEncoder {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        enc.dateEncodingStrategy = .secondsSince1970
        enc.userInfo[SecretPart.key] = part
        return enc
    }

    /// The body in an ordinary buffer: for records that hold no secret (public and signed
    /// records, audit events). A record sealed under a data key is built by `encodeLocked`.
    static func encode<T: Encodable>(_ type: RecordType, _ value: T) throws -> [UInt8] {
        let part = SecretPart()
        let json = try jsonEncoder(part).encode(value)
        var w = ByteWriter()
        w.u16(type.rawValue)
        if part.items.isEmpty {
            w.raw(json)
        } else {
            // Kept for tests that forge frames; the vault itself seals such records from
            // `encodeLocked`.
            w.u8(0)
            w.u32(UInt32(json.count))
            w.raw(json)
            w.u16(UInt16(part.items.count))
            for item in part.items { w.u32(UInt32(item.count)); item.withUnsafeBytes { w.raw($0) } }
        }
        return w.bytes
    }

    /// The body built in locked memory (the same bytes as `encode`): the JSON holds no secret
    /// (only indices into the secret part), and each secret goes from its own SecretBytes to
    /// this buffer. The frame is sealed from here (`PendingFrame.lockedBody`).
    static func encodeLocked<T: Encodable>(_ type: RecordType, _ value: T) throws -> SecretBytes {
        let part = SecretPart()
        let json = try jsonEncoder(part).encode(value)
        let hasSecrets = !part.items.isEmpty
        let count = 2 + (hasSecrets ? 1 + 4 + json.count + part.encodedCount : json.count)
        return try SecretBytes.build(count: count) { w in
            w.u16(type.rawValue)
            if hasSecrets {
                w.u8(0)
                w.u32(UInt32(json.count))
                w.raw(json)
                part.write(into: &w)
            } else {
                w.raw(json)
            }
        }
    }

    static func decode<T: Decodable>(_ type: RecordType, _ as: T.Type, from body: [UInt8], path: String) throws -> T {
        try body.withUnsafeBytes { try decode(type, T.self, raw: $0, path: path) }
    }

    /// Decodes a record whose plaintext was decrypted into locked memory: the JSON is parsed
    /// where it is, and the secret part is copied from there into SecretBytes, so no secret
    /// byte passes through an ordinary buffer.
    static func decode<T: Decodable>(_ type: RecordType, _ as: T.Type, locked body: SecretBytes, path: String) throws -> T {
        try body.withUnsafeBytes { try decode(type, T.self, raw: $0, path: path) }
    }

    static func decode<T: Decodable>(_ type: RecordType, _ as: T.Type, raw body: UnsafeRawBufferPointer, path: String) throws -> T {
        var r = RawReader(body)
        guard let t = try? r.u16(), t == type.rawValue else { throw VaultError.corrupt(path: path, part: "record of unexpected type") }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .secondsSince1970
        do {
            if body.count > 2 && body[2] == 0 {
                _ = try r.u8()
                let json = try r.take(Int(try r.u32()))
                dec.userInfo[SecretPart.key] = try SecretPart.read(&r)
                guard r.atEnd else { throw ByteReader.Truncated() }
                return try decodeJSON(T.self, json, decoder: dec)
            }
            return try decodeJSON(T.self, r.rest(), decoder: dec)
        } catch {
            throw VaultError.corrupt(path: path, part: "record body does not decode (\(type))")
        }
    }

    /// JSON parsed in place: the Data wraps the buffer without copying it (the buffer outlives
    /// the call). The JSON holds no secret bytes (only indices into the secret part).
    static func decodeJSON<T: Decodable>(_ t: T.Type, _ json: UnsafeRawBufferPointer, decoder: JSONDecoder) throws -> T {
        guard let base = json.baseAddress, json.count > 0 else { throw ByteReader.Truncated() }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: json.count, deallocator: .none)
        return try decoder.decode(T.self, from: data)
    }

    static func type(of body: SecretBytes) -> RecordType? {
        body.withUnsafeBytes { b in
            guard b.count >= 2 else { return nil }
            return RecordType(rawValue: UInt16(b[0]) | UInt16(b[1]) << 8)
        }
    }

    static func type(of body: [UInt8]) -> RecordType? {
        guard body.count >= 2 else { return nil }
        return RecordType(rawValue: UInt16(body[0]) | UInt16(body[1]) << 8)
    }
}

/// An operator's profile (shared class: every operator can read it; it holds no secret).
public struct OperatorProfile: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case active, disabled }
    public var id: OperatorId
    public var name: String
    public var role: Role
    public var status: Status
    public var phone: String?
    public var email: String?
    public var createdAt: Date
    public var passwordChangedAt: Date
    public var mustChangePassword: Bool
    public var slotId: String
    /// Whether login also asks for a one-time code (absent in records written before TOTP).
    public var totpEnabled: Bool?
}

/// A security event. Never holds a secret.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var time: Date
    public var actor: String
    public var action: String
    public var target: String
    public var outcome: String
    public var detail: String?

    public init(time: Date = Date(), actor: String, action: String, target: String = "", outcome: String = "ok", detail: String? = nil) {
        self.time = time; self.actor = actor; self.action = action; self.target = target; self.outcome = outcome; self.detail = detail
    }
}
