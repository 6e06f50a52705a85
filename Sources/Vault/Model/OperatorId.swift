import FoundationEssentials

/// An operator's id: random bytes fixed when the operator is added, the subject of their
/// profile, envelope and private data (docs/FORMAT.md), kept in records as hex digits.
/// Decoding checks the digits, so an id in hand always has its bytes: no force-unwrap where
/// an id becomes a subject.
public struct OperatorId: Hashable, Sendable, Codable, CustomStringConvertible {
    public let bytes: [UInt8]
    /// The text as stored (lower-case hex for every id the vault made), written back as it was.
    public let hex: String

    init(bytes: [UInt8]) {
        self.bytes = bytes; self.hex = bytes.hexString
    }

    public init?(hex: String) {
        guard let b = [UInt8](hexString: hex) else { return nil }
        self.bytes = b; self.hex = hex
    }

    public var description: String { hex }

    public static func == (a: OperatorId, b: OperatorId) -> Bool { a.bytes == b.bytes }
    public func hash(into h: inout Hasher) { h.combine(bytes) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let id = OperatorId(hex: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "an operator id is hex digits")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}
