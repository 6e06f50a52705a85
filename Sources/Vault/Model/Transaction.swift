import FoundationEssentials
import Glibc
import VaultCrypto

/// A transaction record (DESIGN.md): append-only, in `data` frames under the shared key.
public struct Transaction: Equatable, Sendable {
    public enum Kind: UInt8, CaseIterable, Sendable {
        case sale = 1, refund = 2, void = 3
        public var name: String { switch self { case .sale: "sale"; case .refund: "refund"; case .void: "void" } }
        public init(name: String) throws {
            guard let k = Kind.allCases.first(where: { $0.name == name.lowercased() }) else {
                throw EntryError.unknownKind(name)
            }
            self = k
        }
    }

    public enum Status: UInt8, CaseIterable, Sendable {
        case approved = 1, declined = 2, pending = 3, reversed = 4
        public var name: String { switch self { case .approved: "approved"; case .declined: "declined"; case .pending: "pending"; case .reversed: "reversed" } }
        public init(name: String) throws {
            guard let k = Status.allCases.first(where: { $0.name == name.lowercased() }) else {
                throw EntryError.unknownStatus(name)
            }
            self = k
        }
    }

    public var id: String
    /// Unix seconds, UTC.
    public var time: Int64
    /// Minor units of `currency` (never floating point).
    public var amount: Int64
    public var currency: Currency
    public var kind: Kind
    /// A masked card number, or empty.
    public var card: String
    public var reference: String
    public var operatorName: String
    public var terminal: String
    public var status: Status

    public init(id: String, time: Int64, amount: Int64, currency: Currency = .cny, kind: Kind = .sale, card: String = "",
                reference: String = "", operatorName: String, terminal: String, status: Status = .approved) {
        self.id = id; self.time = time; self.amount = amount; self.currency = currency; self.kind = kind; self.card = card
        self.reference = reference; self.operatorName = operatorName; self.terminal = terminal; self.status = status
    }

    public var amountText: String { Money.format(amount, currency: currency) }

    /// A new random id: "tx" and 16 base-32 letters and digits (80 bits).
    public static func newId() -> String {
        let alphabet = Array("abcdefghjkmnpqrstvwxyz0123456789".utf8)  // 32 symbols, no i l o u
        let r = SecureRandom.bytes(10)
        var bits: UInt64 = 0, nbits = 0
        var out: [UInt8] = Array("tx".utf8)
        for b in r {
            bits = bits << 8 | UInt64(b); nbits += 8
            while nbits >= 5 { nbits -= 5; out.append(alphabet[Int((bits >> UInt64(nbits)) & 31)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Field limits: ids and references up to 64 bytes, names up to 64, terminal up to 16.
    static let maxIdBytes = 64

    /// Checks every field: lengths, printable text, no full card number anywhere, a masked
    /// card. Returns the record with the card in canonical form.
    public func validated() throws -> Transaction {
        var t = self
        try TxCodec.checkText(id, field: .id, max: Transaction.maxIdBytes, required: true)
        try TxCodec.checkText(reference, field: .reference, max: 64, required: false)
        try TxCodec.checkText(operatorName, field: .operator, max: 64, required: true)
        try TxCodec.checkText(terminal, field: .terminal, max: 16, required: true)
        if !card.isEmpty { t.card = try CardGuard.maskedCard(card) }
        guard amount >= 0, amount <= Money.maxMinor else {
            throw RecordError.rule(.amountOutOfRange(amount, max: Money.maxMinor))
        }
        guard time >= 0 else { throw RecordError.rule(.timeBefore1970) }
        return t
    }
}

/// The compact binary encoding of a transaction inside a data frame (docs/FORMAT.md A.8):
///
/// ```
/// u8  tag 0x54 ('T')      u8 version 1
/// varint time (Unix seconds)   varint amount (minor units)
/// 3 bytes currency code        u8 kind << 4 | status
/// str id, str card, str reference, str operator, str terminal   (str = u8 length + UTF-8)
/// ```
public enum TxCodec {
    static let tag: UInt8 = 0x54
    static let version: UInt8 = 1

    static func checkText(_ s: String, field: RecordProblem.Field, max: Int, required: Bool) throws {
        var s = s
        try s.withUTF8 { try checkText(UnsafeRawBufferPointer($0), field: field, max: max, required: required) }
    }

    static func checkText(_ p: UnsafeRawBufferPointer, field: RecordProblem.Field, max: Int, required: Bool) throws {
        if required && p.isEmpty { throw RecordError.rule(.fieldEmpty(.transaction, field)) }
        if p.count > max { throw RecordError.rule(.fieldTooLong(.transaction, field, maxBytes: max)) }
        for b in p where b < 0x20 || b == 0x7F {
            throw RecordError.rule(.fieldControl(.transaction, field))
        }
        try CardGuard.check(p, field: field.rawValue)
    }

    @inline(__always) static func varint(_ v: UInt64, _ out: inout [UInt8]) {
        var v = v
        while v >= 0x80 { out.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    @inline(__always) static func str(_ s: String, _ out: inout [UInt8]) {
        let n = s.utf8.count
        out.append(UInt8(n))
        out.append(contentsOf: s.utf8)
    }

    /// Encodes a validated record.
    public static func encode(_ t: Transaction) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + t.id.utf8.count + t.card.utf8.count + t.reference.utf8.count + t.operatorName.utf8.count + t.terminal.utf8.count + 5)
        encode(t, into: &out)
        return out
    }

    static func encode(_ t: Transaction, into out: inout [UInt8]) {
        out.append(tag); out.append(version)
        varint(UInt64(t.time), &out)
        varint(UInt64(t.amount), &out)
        let c = t.currency.bytes
        out.append(c.0); out.append(c.1); out.append(c.2)
        out.append(t.kind.rawValue << 4 | t.status.rawValue)
        str(t.id, &out); str(t.card, &out); str(t.reference, &out); str(t.operatorName, &out); str(t.terminal, &out)
    }

    /// A zero-copy view of an encoded record, valid while its buffer is.
    struct View {
        var time: Int64
        var amount: Int64
        var currencyBytes: (UInt8, UInt8, UInt8)
        var kind: Transaction.Kind
        var status: Transaction.Status
        var id: UnsafeRawBufferPointer
        var card: UnsafeRawBufferPointer
        var reference: UnsafeRawBufferPointer
        var operatorName: UnsafeRawBufferPointer
        var terminal: UnsafeRawBufferPointer
    }

    struct Malformed: Error {}

    /// Whether a data record is a transaction (other record types may share data frames).
    @inline(__always) static func isTransaction(_ p: UnsafeRawBufferPointer) -> Bool { p.count >= 2 && p[0] == tag }

    static func view(_ p: UnsafeRawBufferPointer) throws(Malformed) -> View {
        var i = 2
        let n = p.count
        guard n >= 2, p[0] == tag, p[1] == version else { throw Malformed() }
        @inline(__always) func vint() throws(Malformed) -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard i < n, shift < 64 else { throw Malformed() }
                let b = p[i]; i += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }
        @inline(__always) func s() throws(Malformed) -> UnsafeRawBufferPointer {
            guard i < n else { throw Malformed() }
            let len = Int(p[i]); i += 1
            guard i + len <= n else { throw Malformed() }
            defer { i += len }
            return UnsafeRawBufferPointer(rebasing: p[i..<(i + len)])
        }
        let time = try vint(), amount = try vint()
        guard time <= UInt64(Int64.max), amount <= UInt64(Money.maxMinor), i + 4 <= n else { throw Malformed() }
        let cur = (p[i], p[i + 1], p[i + 2])
        guard let kind = Transaction.Kind(rawValue: p[i + 3] >> 4), let status = Transaction.Status(rawValue: p[i + 3] & 15) else { throw Malformed() }
        i += 4
        let v = View(time: Int64(time), amount: Int64(amount), currencyBytes: cur, kind: kind, status: status,
                     id: try s(), card: try s(), reference: try s(), operatorName: try s(), terminal: try s())
        guard i == n else { throw Malformed() }
        return v
    }

    static func decode(_ v: View) throws(Malformed) -> Transaction {
        guard let c = Currency(bytes: v.currencyBytes.0, v.currencyBytes.1, v.currencyBytes.2) else { throw Malformed() }
        func str(_ p: UnsafeRawBufferPointer) throws(Malformed) -> String {
            guard let s = String(validating: p, as: UTF8.self) else { throw Malformed() }
            return s
        }
        return Transaction(id: try str(v.id), time: v.time, amount: v.amount, currency: c, kind: v.kind, card: try str(v.card),
                           reference: try str(v.reference), operatorName: try str(v.operatorName), terminal: try str(v.terminal), status: v.status)
    }

    public static func decode(_ bytes: [UInt8]) throws -> Transaction {
        do {
            return try bytes.withUnsafeBytes { p throws(Malformed) in try decode(try view(p)) }
        } catch {
            throw VaultError.corrupt(path: "", part: "a transaction record does not decode")
        }
    }
}
