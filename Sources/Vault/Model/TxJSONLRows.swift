import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why a JSON Lines row does not parse. `english` is the library's wording (what
/// `Transactions.importRows(badRow:)` reports); the CLI words each case in the user's language.
public enum JSONLProblem: Equatable, Sendable {
    case escapeCutShort, escapeNonHex, stringNotClosed, rawControl, loneSurrogate, invalidUEscape
    /// A backslash followed by this character, which JSON does not know as an escape.
    case invalidEscape(String)
    case notAnObject, quotedKey, colonAfterKey, valueMissing
    case exponent(key: String), invalidValue(key: String), boolValue(key: String), nested(key: String), keyTwice(key: String)
    case objectNotClosed, commaOrBrace, textAfterObject

    public var english: String {
        switch self {
        case .escapeCutShort: "a \\u escape is cut short"
        case .escapeNonHex: "a \\u escape has a non-hex digit"
        case .stringNotClosed: "a string is not closed"
        case .rawControl: "a string holds a raw control character"
        case .loneSurrogate: "a lone surrogate in a \\u escape"
        case .invalidUEscape: "an invalid \\u escape"
        case .invalidEscape(let c): "an invalid escape \\\(c)"
        case .notAnObject: "expected a JSON object ({...}) on each line"
        case .quotedKey: "expected a quoted key"
        case .colonAfterKey: "expected ':' after a key"
        case .valueMissing: "a value is missing"
        case .exponent(let k): "the number for \(k) uses exponent notation; write amounts as plain decimals such as \"12.34\""
        case .invalidValue(let k): "invalid value for \(k)"
        case .boolValue(let k): "\(k) must be a string or a number, not true or false"
        case .nested(let k): "\(k) holds a nested object or array; each line must be one flat object"
        case .keyTwice(let k): "the key \(k) appears twice"
        case .objectNotClosed: "the object is not closed"
        case .commaOrBrace: "expected ',' or '}'"
        case .textAfterObject: "text after the end of the object"
        }
    }

    /// One of each case (keys named `amount`, the escape `\\x`), for tests that meet every case.
    public static let examples: [JSONLProblem] = [
        .escapeCutShort, .escapeNonHex, .stringNotClosed, .rawControl, .loneSurrogate, .invalidUEscape, .invalidEscape("x"),
        .notAnObject, .quotedKey, .colonAfterKey, .valueMissing,
        .exponent(key: "amount"), .invalidValue(key: "amount"), .boolValue(key: "amount"), .nested(key: "amount"), .keyTwice(key: "amount"),
        .objectNotClosed, .commaOrBrace, .textAfterObject,
    ]
}

/// A JSON Lines row that does not parse (reported as that row's reason; the row is refused).
public struct JSONLRowError: UserFacingError, Equatable {
    public let problem: JSONLProblem
    public init(_ problem: JSONLProblem) { self.problem = problem }
    public var message: String { problem.english }
    public var hints: [String] { [] }
    public var exitCode: ExitStatus { .usage }
}

/// JSON Lines: one flat object per line. Values are strings, numbers (kept as exact text),
/// true, false or null. Nested values are refused.
struct JSONLRowParser {
    var extraKeys = Set<String>()

    mutating func row(_ p: UnsafeRawBufferPointer, into row: inout TxRow) throws {
        row.reset()
        var i = 0
        let n = p.count
        func fail(_ p: JSONLProblem) -> JSONLRowError { JSONLRowError(p) }
        func ws() { while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D { i += 1 } }
        func hex4() throws -> UInt32 {
            guard i + 4 <= n else { throw fail(.escapeCutShort) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = p[i]; i += 1
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 97...102: d = UInt32(c - 87)
                case 65...70: d = UInt32(c - 55)
                default: throw fail(.escapeNonHex)
                }
                v = v << 4 | d
            }
            return v
        }
        /// Decodes a string (after its opening quote) into `out`.
        func string(into out: inout [UInt8]) throws {
            while true {
                guard i < n else { throw fail(.stringNotClosed) }
                let c = p[i]; i += 1
                if c == UInt8(ascii: "\"") { return }
                if c < 0x20 { throw fail(.rawControl) }
                if c != 92 { out.append(c); continue }
                guard i < n else { throw fail(.stringNotClosed) }
                let e = p[i]; i += 1
                switch e {
                case UInt8(ascii: "\""), 92, UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var u = try hex4()
                    if (0xD800..<0xDC00).contains(u) {
                        guard i + 6 <= n, p[i] == 92, p[i + 1] == UInt8(ascii: "u") else { throw fail(.loneSurrogate) }
                        i += 2
                        let lo = try hex4()
                        guard (0xDC00..<0xE000).contains(lo) else { throw fail(.loneSurrogate) }
                        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(u) {
                        throw fail(.loneSurrogate)
                    }
                    guard let sc = Unicode.Scalar(u) else { throw fail(.invalidUEscape) }
                    out.append(contentsOf: Array(String(Character(sc)).utf8))
                default: throw fail(.invalidEscape(String(Character(Unicode.Scalar(e)))))
                }
            }
        }
        var key: [UInt8] = []
        ws()
        guard i < n, p[i] == UInt8(ascii: "{") else { throw fail(.notAnObject) }
        i += 1
        ws()
        if i < n, p[i] == UInt8(ascii: "}") { i += 1 } else {
            while true {
                ws()
                guard i < n, p[i] == UInt8(ascii: "\"") else { throw fail(.quotedKey) }
                i += 1
                key.removeAll(keepingCapacity: true)
                try string(into: &key)
                ws()
                guard i < n, p[i] == UInt8(ascii: ":") else { throw fail(.colonAfterKey) }
                i += 1
                ws()
                guard i < n else { throw fail(.valueMissing) }
                let keyName = String(decoding: key, as: UTF8.self)
                let col = TxColumn.byName[keyName]
                let s = row.bytes.count
                var isNull = false
                switch p[i] {
                case UInt8(ascii: "\""):
                    i += 1
                    try string(into: &row.bytes)
                case UInt8(ascii: "-"), 48...57:
                    let a = i
                    while i < n, (p[i] >= 48 && p[i] <= 57) || p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: "-")
                            || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") { i += 1 }
                    let text = UnsafeRawBufferPointer(rebasing: p[a..<i])
                    if text.contains(UInt8(ascii: "e")) || text.contains(UInt8(ascii: "E")) {
                        throw fail(.exponent(key: keyName))
                    }
                    row.bytes.append(contentsOf: text)
                case UInt8(ascii: "n"):
                    guard i + 4 <= n, p[i + 1] == UInt8(ascii: "u"), p[i + 2] == UInt8(ascii: "l"), p[i + 3] == UInt8(ascii: "l") else { throw fail(.invalidValue(key: keyName)) }
                    i += 4; isNull = true
                case UInt8(ascii: "t"), UInt8(ascii: "f"):
                    throw fail(.boolValue(key: keyName))
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    throw fail(.nested(key: keyName))
                default:
                    throw fail(.invalidValue(key: keyName))
                }
                if !isNull {
                    let r = s..<row.bytes.count
                    if let col {
                        guard row.spans[col.rawValue] == nil else { throw fail(.keyTwice(key: keyName)) }
                        if !r.isEmpty { row.spans[col.rawValue] = r }
                    } else {
                        extraKeys.insert(keyName)
                        try row.bytes.withUnsafeBytes { try CardGuard.check(UnsafeRawBufferPointer(rebasing: $0[r]), field: "key \(keyName)") }
                    }
                }
                ws()
                guard i < n else { throw fail(.objectNotClosed) }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; break }
                throw fail(.commaOrBrace)
            }
        }
        ws()
        guard i == n else { throw fail(.textAfterObject) }
    }
}
