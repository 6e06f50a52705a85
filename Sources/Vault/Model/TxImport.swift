import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor through a 1 MiB buffer (constant memory), as UTF-8: a
/// UTF-8 byte order mark at the start is dropped, and GB18030 (which includes GBK and GB2312,
/// what Excel on Chinese Windows saves CSV as) is converted with the C library's iconv.
/// `auto` stays UTF-8 until the first byte other than ASCII; if that text is not UTF-8, the
/// input is read as GB18030 from there on.
final class LineReader {
    private let fd: Int32
    private let source: String
    private var buf: [UInt8]
    private var start = 0, end = 0
    private var eof = false
    private(set) var lineNumber = 0
    static let maxLine = 1 << 20
    private var atStart = true
    private(set) var encoding: TxImportEncoding
    private var converter: Transcoder?

    init(fd: Int32, source: String, encoding: TxImportEncoding = .utf8) throws {
        self.fd = fd; self.source = source; self.encoding = encoding
        buf = [UInt8](repeating: 0, count: LineReader.maxLine * 2)
        if encoding == .gb18030 { converter = try Transcoder(from: "GB18030", source: source) }
    }

    /// Calls `body` with the next line (without CR LF / LF). Returns false at the end.
    func next(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        while true {
            let found: Int? = buf.withUnsafeBytes { p -> Int? in
                guard end > start, let q = memchr(p.baseAddress! + start, 0x0A, end - start) else { return nil }
                return p.baseAddress!.distance(to: UnsafeRawPointer(q))
            }
            if let nl = found {
                var e = nl
                if e > start, buf[e - 1] == 0x0D { e -= 1 }
                lineNumber += 1
                let s = start
                start = nl + 1
                try buf.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
                return true
            }
            if eof {
                guard end > start else { return false }
                var e = end
                if buf[e - 1] == 0x0D { e -= 1 }
                lineNumber += 1
                let s = start
                start = end
                try buf.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
                return true
            }
            if start > 0 {
                let n = end - start
                if n > 0 { buf.withUnsafeMutableBytes { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, n) } }
                start = 0; end = n
            }
            if end - start >= LineReader.maxLine {
                throw RecordError.rule(.lineTooLong(source: source, line: lineNumber + 1))
            }
            let got: Int
            if let converter {
                got = try converter.read(fd: fd, into: &buf, at: end, capacity: LineReader.maxLine)
            } else {
                // Undecided (auto), leave room for the text to grow when converted (GB18030 to
                // UTF-8: at most 3 bytes for 2).
                let cap = encoding == .auto ? end + (buf.count - end) / 2 : buf.count
                got = buf.withUnsafeMutableBytes { p in Glibc.read(fd, p.baseAddress! + end, cap - end) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw VaultError.io(path: source, operation: "read", errno: errno)
                }
            }
            if got == 0 { eof = true; continue }
            let first = end
            end += got
            if atStart {
                // A UTF-8 byte order mark (Excel's "CSV UTF-8"), once the first three bytes are in.
                if end < 3 && !eof { continue }
                atStart = false
                if end >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
                    start = 3
                    if encoding == .auto { encoding = .utf8 }
                }
            }
            if encoding == .auto && converter == nil { try detect(from: Swift.max(first, start)) }
        }
    }

    /// `auto`: looks at newly read bytes from `from` for the first byte other than ASCII and,
    /// when there is one, decides: UTF-8 if the text from there is UTF-8 (a sequence cut at the
    /// end of the buffer counts as UTF-8), else GB18030 (converted in place from there on).
    private func detect(from: Int) throws {
        guard let i = buf[from..<end].firstIndex(where: { $0 >= 0x80 }) else { return }
        let valid = buf.withUnsafeBytes { p in LineReader.isUTF8(UnsafeRawBufferPointer(rebasing: p[i..<end]), partialTail: !eof) }
        if valid { encoding = .utf8; return }
        encoding = .gb18030
        let c = try Transcoder(from: "GB18030", source: source)
        let raw = Array(buf[i..<end])
        end = i
        try c.convert(raw, into: &buf, at: &end, final: false)
        converter = c
    }

    /// Whether `p` is UTF-8; with `partialTail`, a sequence cut short at the very end is allowed.
    static func isUTF8(_ p: UnsafeRawBufferPointer, partialTail: Bool) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let len = b & 0xE0 == 0xC0 ? 2 : b & 0xF0 == 0xE0 ? 3 : b & 0xF8 == 0xF0 ? 4 : 0
            guard len > 0, b >= 0xC2, b <= 0xF4 else { return false }
            if i + len > n {
                guard partialTail else { return false }
                for k in (i + 1)..<n where p[k] & 0xC0 != 0x80 { return false }
                return true
            }
            for k in 1..<len where p[i + k] & 0xC0 != 0x80 { return false }
            if String(validating: UnsafeRawBufferPointer(rebasing: p[i..<(i + len)]), as: UTF8.self) == nil { return false }
            i += len
        }
        return true
    }
}

/// Which text encoding an import reads (`--encoding`).
public enum TxImportEncoding: String, Sendable, CaseIterable {
    /// UTF-8, unless the first text other than ASCII is not UTF-8: then GB18030.
    case auto
    case utf8 = "utf-8"
    /// GB18030, which includes GBK and GB2312.
    case gb18030

    /// `auto`, `utf-8`/`utf8`, or `gb18030`/`gbk`/`gb2312`/`cp936` (any case).
    public init(name: String) throws {
        switch name.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default:
            throw RecordError.rule(.unknownEncoding(name))
        }
    }
}

/// Converts text to UTF-8 with glibc's iconv, streaming: a character cut at the end of one read
/// is finished with the next.
final class Transcoder {
    private let cd: iconv_t
    private let source: String
    private var pending: [UInt8] = []
    private var raw = [UInt8](repeating: 0, count: 1 << 18)

    init(from charset: String, source: String) throws {
        self.source = source
        let cd = iconv_open("UTF-8", charset)
        guard let cd, Int(bitPattern: cd) != -1 else {
            throw RecordError.rule(.iconvCannotRead(charset))
        }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// Reads from `fd` and appends the UTF-8 at `buf[at...]` (at most `capacity` bytes of
    /// input per call). Returns the bytes appended; 0 only at the end of the input.
    func read(fd: Int32, into buf: inout [UInt8], at: Int, capacity: Int) throws -> Int {
        while true {
            let want = Swift.min(raw.count, Swift.max(1, (buf.count - at) / 2))
            let n = raw.withUnsafeMutableBytes { p in Glibc.read(fd, p.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw VaultError.io(path: source, operation: "read", errno: errno)
            }
            var end = at
            if n == 0 {
                guard pending.isEmpty else {
                    throw RecordError.rule(.endsInsideGB18030(source: source))
                }
                return 0
            }
            try convert(Array(raw[0..<n]), into: &buf, at: &end, final: false)
            if end > at { return end - at }
        }
    }

    /// Converts `input` (after any bytes left over from the last call) into `buf` at `at`,
    /// moving `at` past what it wrote.
    func convert(_ input: [UInt8], into buf: inout [UInt8], at: inout Int, final: Bool) throws {
        var bytes = pending + input
        pending.removeAll()
        var inLeft = bytes.count
        let room = buf.count - at
        var outLeft = room
        let rc = bytes.withUnsafeMutableBufferPointer { ib in
            buf.withUnsafeMutableBufferPointer { ob -> Int in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress! + at).assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        let e = errno
        let used = bytes.count - inLeft
        at += room - outLeft
        if rc == -1 {
            switch e {
            case EINVAL: pending = Array(bytes[used...])  // a character cut at the end: finished next time
            case E2BIG: throw RecordError.rule(.lineTooLong(source: source, line: nil))
            default:
                throw RecordError.rule(.notGB18030(source: source, byte: bytes[used]))
            }
        }
        _ = final
    }
}

/// The columns an import understands.
enum TxColumn: Int, CaseIterable {
    case id, time, amount, amountMinor, currency, kind, card, reference, operatorName, terminal, status
    /// The day, when a POS export gives it apart from the time of day (交易日期 + 交易时间).
    case date
    var name: String {
        switch self {
        case .id: "id"; case .time: "time"; case .amount: "amount"; case .amountMinor: "amount_minor"; case .currency: "currency"
        case .kind: "kind"; case .card: "card"; case .reference: "reference"; case .operatorName: "operator"
        case .terminal: "terminal"; case .status: "status"; case .date: "date"
        }
    }
    static let byName: [String: TxColumn] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// Other names a CSV header may give a column: the Chinese ones, and those of a POS
    /// settlement export (docs/import.md lists them). Compared after trimming and lower-casing.
    static let aliases: [String: TxColumn] = [
        "交易流水号": .id, "流水号": .id, "订单号": .id, "交易单号": .id, "商户订单号": .id, "编号": .id,
        "交易时间": .time, "时间": .time, "交易日期时间": .time,
        "交易日期": .date, "日期": .date,
        "金额": .amount, "交易金额": .amount, "金额(元)": .amount, "金额（元）": .amount, "交易金额(元)": .amount, "交易金额（元）": .amount,
        "金额(分)": .amountMinor, "金额（分）": .amountMinor,
        "币种": .currency, "货币": .currency, "交易币种": .currency,
        "类型": .kind, "交易类型": .kind,
        "卡号": .card, "交易卡号": .card, "银行卡号": .card,
        "参考号": .reference, "检索参考号": .reference, "系统参考号": .reference,
        "操作员": .operatorName, "收银员": .operatorName, "操作员号": .operatorName,
        "终端号": .terminal, "终端编号": .terminal,
        "状态": .status, "交易状态": .status,
    ]

    /// The column a CSV header cell names, or nil.
    static func named(_ header: String) -> TxColumn? {
        let key = header.trimmed(.whitespaces).lowercased()
        return byName[key] ?? aliases[key]
    }

    /// Chinese words for kinds and statuses (a POS export's 交易类型 and 交易状态).
    static let kindWords: [String: Transaction.Kind] = [
        "消费": .sale, "销售": .sale, "收款": .sale, "退货": .refund, "退款": .refund, "撤销": .void, "消费撤销": .void,
    ]
    static let statusWords: [String: Transaction.Status] = [
        "成功": .approved, "交易成功": .approved, "已完成": .approved, "批准": .approved,
        "失败": .declined, "交易失败": .declined, "拒绝": .declined,
        "处理中": .pending, "待处理": .pending, "未决": .pending,
        "冲正": .reversed, "已冲正": .reversed,
    ]
}

/// How a POS export writes times and amounts, turned into what `TxTime` and `Money` read.
enum TxImportText {
    /// `2026/11/22 20:30`, `2026-1-5 8:05:09`, `20261122 203000`, or a date alone: as
    /// `YYYY-MM-DDTHH:MM:SS` (no zone), or nil when the text is none of these.
    static func normalizeTime(_ s: String) -> String? {
        let parts = s.trimmed(.whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let d = parts[0]
        var ymd: [Int]
        if d.utf8.count == 8, d.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(d) {
            ymd = [n / 10000, (n / 100) % 100, n % 100]
        } else {
            let f = d.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
            guard f.count == 3, f[0].count == 4, (1...2).contains(f[1].count), (1...2).contains(f[2].count) else { return nil }
            ymd = f.compactMap { Int($0) }
            guard ymd.count == 3 else { return nil }
        }
        var hms = [0, 0, 0]
        if parts.count == 2 {
            let t = parts[1]
            if t.utf8.count == 6, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int(t) {
                hms = [n / 10000, (n / 100) % 100, n % 100]
            } else {
                let f = t.split(separator: ":", omittingEmptySubsequences: false)
                guard (2...3).contains(f.count), (1...2).contains(f[0].count), f.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
                let v = f.compactMap { Int($0) }
                guard v.count == f.count else { return nil }
                hms = [v[0], v[1], v.count == 3 ? v[2] : 0]
            }
        }
        let date = zeroPadded(ymd[0], width: 4) + "-" + zeroPadded(ymd[1], width: 2) + "-" + zeroPadded(ymd[2], width: 2)
        if parts.count == 1 { return date }
        return date + "T" + zeroPadded(hms[0], width: 2) + ":" + zeroPadded(hms[1], width: 2) + ":" + zeroPadded(hms[2], width: 2)
    }

    /// An amount as a POS export or Excel may write it (`¥1,234.50`, `88.00元`): without the
    /// currency sign, the 元 and the thousands separators; nil when there was nothing to drop.
    static func normalizeAmount(_ s: String) -> String? {
        var t = s.trimmed(.whitespaces)
        var changed = false
        for sign in ["¥", "￥", "CNY", "RMB"] where t.hasPrefix(sign) { t.removeFirst(sign.count); changed = true }
        if t.hasSuffix("元") { t.removeLast(); changed = true }
        let grouped = t.split(separator: ".", maxSplits: 1)
        if let whole = grouped.first, whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            t = groups.joined() + (grouped.count == 2 ? "." + grouped[1] : "")
            changed = true
        }
        return changed ? t.trimmed(.whitespaces) : nil
    }
}

/// One input row: unescaped field bytes plus where each known column's value is.
struct TxRow {
    var bytes: [UInt8] = []
    var spans: [Range<Int>?] = Array(repeating: nil, count: TxColumn.allCases.count)
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        for i in spans.indices { spans[i] = nil }
    }
    func with<R>(_ c: TxColumn, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let r = spans[c.rawValue] else { return try body(nil) }
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[r])) }
    }
    func string(_ c: TxColumn) -> String? {
        guard let r = spans[c.rawValue] else { return nil }
        return String(decoding: bytes[r], as: UTF8.self)
    }
}

struct RowError: Error {
    var problem: RecordProblem.CSVProblem
    init(_ problem: RecordProblem.CSVProblem) { self.problem = problem }
}

/// CSV (RFC 4180: a header row, quoted fields with "" for a quote, fields over several lines).
struct CSVRowParser {
    var columns: [TxColumn?] = []
    /// No id column, but a reference one: each row's id is its reference.
    var idFromReference = false
    var extraNames: [String] = []
    var record: [UInt8] = []
    var fields: [Range<Int>] = []

    /// Splits `record` into fields (unescaped into `out`). Throws on a stray quote.
    static func split(_ rec: [UInt8], into out: inout [UInt8], fields: inout [Range<Int>]) throws(RowError) {
        fields.removeAll(keepingCapacity: true)
        try rec.withUnsafeBufferPointer { (r: UnsafeBufferPointer<UInt8>) throws(RowError) in
            try split(r, into: &out, fields: &fields)
        }
    }

    private static func split(_ rec: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], fields: inout [Range<Int>]) throws(RowError) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var i = 0
        let n = rec.count
        while true {
            let s = out.count
            if i < n, rec[i] == quote {
                i += 1
                while true {
                    guard i < n else { throw RowError(.quoteNotClosed) }
                    if rec[i] == quote {
                        if i + 1 < n, rec[i + 1] == quote { out.append(quote); i += 2; continue }
                        i += 1; break
                    }
                    out.append(rec[i]); i += 1
                }
                var r = s..<out.count
                if r.count > 0 && out[s] == UInt8(ascii: "'") { CSV.unneutralise(&out, range: &r) }
                fields.append(r)
                if i == n { return }
                guard rec[i] == comma else { throw RowError(.textAfterQuote) }
                i += 1
            } else {
                var j = i
                while j < n, rec[j] != comma { j += 1 }
                var a = i, b = j
                while a < b, rec[a] == 0x20 || rec[a] == 0x09 { a += 1 }
                while b > a, rec[b - 1] == 0x20 || rec[b - 1] == 0x09 { b -= 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: rec[a..<b]))
                var r = s..<out.count
                // Only a cell that starts with a quote can be a neutralised formula.
                if a < b && rec[a] == UInt8(ascii: "'") { CSV.unneutralise(&out, range: &r) }
                fields.append(r)
                if j == n { return }
                i = j + 1
            }
        }
    }

    static func quotesBalanced(_ rec: [UInt8]) -> Bool {
        var q = 0
        for b in rec where b == UInt8(ascii: "\"") { q += 1 }
        return q % 2 == 0
    }

    mutating func header(_ rec: [UInt8]) throws(RowError) {
        if rec.withUnsafeBytes({ !LineReader.isUTF8($0, partialTail: false) }) {
            throw RowError(.headerNotUTF8)
        }
        var scratch: [UInt8] = []
        try CSVRowParser.split(rec, into: &scratch, fields: &fields)
        var seen = Set<TxColumn>()
        for f in fields {
            var nameBytes = Array(scratch[f])
            if nameBytes.starts(with: [0xEF, 0xBB, 0xBF]) { nameBytes.removeFirst(3) }  // a UTF-8 BOM
            let name = String(decoding: nameBytes, as: UTF8.self).trimmed(.whitespaces).lowercased()
            if let c = TxColumn.named(name) {
                guard seen.insert(c).inserted else { throw RowError(.columnTwice(name)) }
                columns.append(c)
            } else {
                columns.append(nil)
                extraNames.append(name)
            }
        }
        // A POS settlement export has no id column: its reference (参考号) is unique, and is the id.
        if !seen.contains(.id) && seen.contains(.reference) { idFromReference = true; seen.insert(.id) }
        guard seen.contains(.id) else { throw RowError(.noIdColumn) }
        guard seen.contains(.time) else { throw RowError(.noTimeColumn) }
        guard seen.contains(.amount) || seen.contains(.amountMinor) else { throw RowError(.noAmountColumn) }
    }

    /// Fills `row` from a data record. Every field (known or not) is checked for card numbers.
    mutating func row(_ rec: [UInt8], into row: inout TxRow) throws {
        row.reset()
        do { try CSVRowParser.split(rec, into: &row.bytes, fields: &fields) } catch { throw RecordError.rule(.csvRow(error.problem)) }
        guard fields.count == columns.count else {
            throw EntryError.row(.fieldCount(fields: fields.count, header: columns.count))
        }
        var extra = 0
        for (k, f) in fields.enumerated() {
            if let c = columns[k] {
                if !f.isEmpty { row.spans[c.rawValue] = f }
            } else {
                let name = extraNames[extra]; extra += 1
                try row.bytes.withUnsafeBytes { try CardGuard.check(UnsafeRawBufferPointer(rebasing: $0[f]), field: "column \(name)") }
            }
        }
        if idFromReference { row.spans[TxColumn.id.rawValue] = row.spans[TxColumn.reference.rawValue] }
    }
}

/// Why a JSON Lines row does not parse. `english` is the library's wording (what
/// `importTransactions(badRow:)` reports); the CLI words each case in the user's language.
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

/// Turns rows into encoded transactions.
struct TxRowBuilder {
    let session: Session
    let defaultTerminal: String
    let localOffset: Int
    var lastCurrency: (bytes: [UInt8], value: Currency) = (Array("CNY".utf8), .cny)
    /// For `fastEncode`: the session's operator name, the default terminal, and whether the
    /// session may import other operators' rows.
    let ownName: [UInt8]
    let defaultTerminalBytes: [UInt8]
    let mayImportOthers: Bool
    var operatorCache: [(raw: [UInt8], name: [UInt8])] = []

    init(session: Session, defaultTerminal: String, localOffset: Int) {
        self.session = session; self.defaultTerminal = defaultTerminal; self.localOffset = localOffset
        ownName = Array(session.operatorName.utf8)
        defaultTerminalBytes = Array(defaultTerminal.utf8)
        mayImportOthers = Permission.readAllTransactions.allows(session.role)
    }

    mutating func build(_ row: TxRow) throws -> Transaction {
        // Text that is not UTF-8 is refused, never repaired: a GBK file read as UTF-8 would
        // otherwise lose every Chinese character.
        let notUTF8 = row.bytes.withUnsafeBytes { b in
            row.spans.contains { r in r.map { !LineReader.isUTF8(UnsafeRawBufferPointer(rebasing: b[$0]), partialTail: false) } ?? false }
        }
        if notUTF8 {
            throw EntryError.row(.notUTF8)
        }
        guard let id = row.string(.id) else { throw EntryError.row(.idMissing) }
        let currency: Currency
        if let r = row.spans[TxColumn.currency.rawValue] {
            if row.bytes[r].elementsEqual(lastCurrency.bytes) { currency = lastCurrency.value } else {
                currency = try Currency(code: String(decoding: row.bytes[r], as: UTF8.self))
                lastCurrency = (Array(row.bytes[r]), currency)
            }
        } else {
            currency = .cny
        }
        var amount: Int64? = try row.string(.amount).map { text in
            do { return try Money.parse(text, currency: currency) } catch {
                guard let plain = TxImportText.normalizeAmount(text) else { throw error }
                return try Money.parse(plain, currency: currency)
            }
        }
        if let minor = row.string(.amountMinor) {
            guard let m = Int64(minor), m >= 0, m <= Money.maxMinor else {
                throw EntryError.row(.amountMinor(text: minor, max: Money.maxMinor))
            }
            if let a = amount, a != m { throw EntryError.row(.amountsDisagree) }
            amount = m
        }
        guard let amount else { throw EntryError.row(.amountMissing) }
        guard var timeText = row.string(.time) else { throw EntryError.row(.timeMissing) }
        if let date = row.string(.date) {
            // 交易日期 + 交易时间: the day and the time of day in two columns.
            guard let d = TxImportText.normalizeTime(date), d.utf8.count == 10 else {
                throw EntryError.row(.notADate(date))
            }
            timeText = d + " " + timeText.trimmed(.whitespaces)
        }
        let time: Int64
        do {
            time = try TxRowBuilder.instant(timeText, localOffset: localOffset)
        } catch {
            guard let plain = TxImportText.normalizeTime(timeText) else { throw error }
            time = try TxRowBuilder.instant(plain, localOffset: localOffset)
        }
        func word<T>(_ c: TxColumn, _ words: [String: T], _ parse: (String) throws -> T) throws -> T? {
            guard let text = row.string(c) else { return nil }
            if let w = words[text.trimmed(.whitespaces)] { return w }
            return try parse(text)
        }
        let kind = try word(.kind, TxColumn.kindWords, Transaction.Kind.init(name:)) ?? .sale
        let status = try word(.status, TxColumn.statusWords, Transaction.Status.init(name:)) ?? .approved
        var op = row.string(.operatorName).map(Names.normalize) ?? session.operatorName
        if op.isEmpty { op = session.operatorName }
        if op != session.operatorName && !Permission.readAllTransactions.allows(session.role) {
            throw RecordError.rule(.importOtherOperator(op, role: session.role))
        }
        let t = Transaction(id: id, time: time, amount: amount, currency: currency, kind: kind, card: row.string(.card) ?? "",
                            reference: row.string(.reference) ?? "", operatorName: op, terminal: row.string(.terminal) ?? defaultTerminal,
                            status: status)
        return try t.validated()
    }

    /// The common row, without a `String` or an allocation: when every check that `build`
    /// makes passes on the raw bytes, appends the record exactly as `TxCodec.encode(build(row))`
    /// would and returns true. Returns false, with `out` as it was, for anything else: a row
    /// that `build` would refuse, and rows that need its general path (text other than ASCII
    /// in the kind, status or card, UTF-8 to repair, amount_minor). The caller then
    /// runs `build`, which gives the error or the record. It never accepts a row that `build`
    /// refuses (TransactionTests.testImportFastPathAgreesWithBuild).
    mutating func fastEncode(_ row: TxRow, into out: inout [UInt8]) -> Bool {
        guard row.spans[TxColumn.amountMinor.rawValue] == nil, row.spans[TxColumn.date.rawValue] == nil else { return false }
        let start = out.count
        let ok = row.bytes.withUnsafeBytes { b -> Bool in
            func field(_ c: TxColumn) -> UnsafeRawBufferPointer? {
                guard let r = row.spans[c.rawValue] else { return nil }
                return UnsafeRawBufferPointer(rebasing: b[r])
            }
            guard let id = field(.id), let amountText = field(.amount), let timeText = field(.time) else { return false }
            let currency: Currency
            if let c = field(.currency) {
                if c.elementsEqual(lastCurrency.bytes) { currency = lastCurrency.value } else {
                    guard let cur = try? Currency(code: String(decoding: c, as: UTF8.self)) else { return false }
                    lastCurrency = (Array(c), cur)
                    currency = cur
                }
            } else {
                currency = .cny
            }
            guard let amount = try? Money.parse(amountText, currency: currency), amount >= 0, amount <= Money.maxMinor,
                  case .instant(let time)? = try? TxTime.parse(timeText, localOffset: localOffset), time >= 0 else { return false }
            let kind: Transaction.Kind, status: Transaction.Status
            if let k = field(.kind) {
                guard let v = TxRowBuilder.asciiWord(k, Transaction.Kind.allCases, \.name) ?? TxRowBuilder.word(k, TxRowBuilder.kindWordBytes) else { return false }
                kind = v
            } else {
                kind = .sale
            }
            if let st = field(.status) {
                guard let v = TxRowBuilder.asciiWord(st, Transaction.Status.allCases, \.name) ?? TxRowBuilder.word(st, TxRowBuilder.statusWordBytes) else { return false }
                status = v
            } else {
                status = .approved
            }
            var opName = ownName
            if let raw = field(.operatorName) {
                guard let n = normalizedOperator(raw) else { return false }
                opName = n
            }
            if opName != ownName && !mayImportOthers { return false }
            return opName.withUnsafeBytes { op in defaultTerminalBytes.withUnsafeBytes { term in
                let reference = field(.reference), terminal = field(.terminal) ?? term
                guard TxRowBuilder.textOK(id, max: Transaction.maxIdBytes, required: true),
                      TxRowBuilder.textOK(reference ?? UnsafeRawBufferPointer(start: nil, count: 0), max: 64, required: false),
                      TxRowBuilder.textOK(op, max: 64, required: true),
                      TxRowBuilder.textOK(terminal, max: 16, required: true) else { return false }
                out.append(TxCodec.tag); out.append(TxCodec.version)
                TxCodec.varint(UInt64(time), &out)
                TxCodec.varint(UInt64(amount), &out)
                let cb = currency.bytes
                out.append(cb.0); out.append(cb.1); out.append(cb.2)
                out.append(kind.rawValue << 4 | status.rawValue)
                TxRowBuilder.str(id, &out)
                if let card = field(.card) {
                    guard TxRowBuilder.appendMaskedCard(card, &out) else { return false }
                } else {
                    out.append(0)
                }
                TxRowBuilder.str(reference, &out); TxRowBuilder.str(op, &out); TxRowBuilder.str(terminal, &out)
                return true
            } }
        }
        if !ok { out.removeSubrange(start...) }
        return ok
    }

    /// An instant from import text; a time without a zone is at `localOffset`.
    static func instant(_ text: String, localOffset: Int) throws -> Int64 {
        switch try TxTime.parse(text, localOffset: localOffset) {
        case .instant(let t): return t
        case .date: throw EntryError.row(.noTimeOfDay(text))
        }
    }

    /// The operator name `build` makes of this text (NFKC; the session's own name when that is
    /// empty), from a small cache: an import names the same few operators over and over.
    /// Nil for text that is not UTF-8 (`build` refuses it; never cached, so a hit costs nothing more).
    mutating func normalizedOperator(_ raw: UnsafeRawBufferPointer) -> [UInt8]? {
        for e in operatorCache where e.raw.count == raw.count && e.raw.elementsEqual(raw) { return e.name }
        guard LineReader.isUTF8(raw, partialTail: false) else { return nil }
        var op = Names.normalize(String(decoding: raw, as: UTF8.self))
        if op.isEmpty { op = session.operatorName }
        let name = Array(op.utf8)
        // A vault has some 50 operators; past 64 spellings, names are worked out each time.
        if operatorCache.count < 64 { operatorCache.append((Array(raw), name)) }
        return name
    }

    @inline(__always) static func isASCII(_ p: UnsafeRawBufferPointer) -> Bool {
        for c in p where c >= 0x80 { return false }
        return true
    }

    /// `TxCodec.checkText` as a yes/no, on text that must also be valid UTF-8 (so that the
    /// `String` that `build` makes of it holds the same bytes).
    @inline(__always) static func textOK(_ p: UnsafeRawBufferPointer, max: Int, required: Bool) -> Bool {
        if required && p.isEmpty { return false }
        guard p.count <= max else { return false }
        var ascii = true
        for c in p {
            if c < 0x20 || c == 0x7F { return false }
            if c >= 0x80 { ascii = false }
        }
        if !ascii && String(validating: p, as: UTF8.self) == nil { return false }
        return CardGuard.findPAN(p) == nil
    }

    /// The case whose name is `p` in ASCII letters of any case (what `init(name:)` accepts from
    /// ASCII text: `lowercased()` changes ASCII letters only), or nil.
    static func asciiWord<T>(_ p: UnsafeRawBufferPointer, _ all: [T], _ name: (T) -> String) -> T? {
        for c in all {
            var matched = true
            var i = 0
            for u in name(c).utf8 {
                guard i < p.count else { matched = false; break }
                var x = p[i]
                if x >= 65 && x <= 90 { x += 32 }
                if x != u { matched = false; break }
                i += 1
            }
            if matched && i == p.count { return c }
        }
        return nil
    }

    /// The Chinese kind and status words (TxColumn.kindWords, statusWords) as bytes, so that a
    /// POS export's rows (消费, 成功) take the fast path too; only exact text (`build` also
    /// trims spaces).
    static let kindWordBytes: [([UInt8], Transaction.Kind)] = TxColumn.kindWords.map { (Array($0.key.utf8), $0.value) }
    static let statusWordBytes: [([UInt8], Transaction.Status)] = TxColumn.statusWords.map { (Array($0.key.utf8), $0.value) }

    static func word<T>(_ p: UnsafeRawBufferPointer, _ table: [([UInt8], T)]) -> T? {
        for (b, v) in table where b.count == p.count && b.elementsEqual(p) { return v }
        return nil
    }

    @inline(__always) static func str(_ p: UnsafeRawBufferPointer?, _ out: inout [UInt8]) {
        guard let p else { out.append(0); return }
        out.append(UInt8(p.count))
        out.append(contentsOf: p)
    }

    /// `CardGuard.maskedCard` for ASCII text, appended as a TxCodec string: false for anything
    /// it would refuse, and for text other than ASCII (the bullet mask, full-width digits).
    static func appendMaskedCard(_ p: UnsafeRawBufferPointer, _ out: inout [UInt8]) -> Bool {
        guard isASCII(p), CardGuard.findPAN(p) == nil else { return false }
        let lenAt = out.count
        out.append(0)
        var masks = 0
        for c in p {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "-"): continue
            case 48...57: out.append(c)
            case UInt8(ascii: "*"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "#"): out.append(UInt8(ascii: "*")); masks += 1
            default: return false
            }
        }
        let n = out.count - lenAt - 1
        guard masks > 0 else { return false }
        let star = UInt8(ascii: "*")
        if (12...19).contains(n) {
            for i in 6..<(n - 4) where out[lenAt + 1 + i] != star { return false }
        } else if n >= 5 && n < 12 {
            var firstDigit = n
            for i in 0..<n where out[lenAt + 1 + i] != star { firstDigit = i; break }
            guard n - firstDigit <= 4 else { return false }
            for i in firstDigit..<n where out[lenAt + 1 + i] == star { return false }
        } else {
            return false
        }
        out[lenAt] = UInt8(n)
        return true
    }
}

public enum TxImportFormat: String, Sendable, CaseIterable { case csv, jsonl }

public struct TxImportOptions: Sendable {
    public var format: TxImportFormat
    /// Rows per batch (each batch is one frame: all of it is written, or none).
    public var batchRows: Int = 10_000
    /// Check everything, write nothing.
    public var dryRun = false
    /// Seconds east of UTC for times written without a zone.
    public var localOffset: Int = 0
    /// The input's text encoding (`auto`: UTF-8, or GB18030 when its text is not UTF-8).
    public var encoding: TxImportEncoding = .auto
    public init(format: TxImportFormat) { self.format = format }
}

public struct TxImportResult: Sendable {
    public var rows = 0
    public var imported = 0
    public var duplicates = 0
    public var badRows = 0
    public var batchesWritten = 0
    public var batchesRefused = 0
    public var ignoredColumns: [String] = []
    /// The encoding the input was read in (`auto` when it held nothing but ASCII).
    public var encoding: TxImportEncoding = .auto
}

extension Vault {
    /// Hashes of every transaction id in the vault (per-process random SipHash key), built by
    /// streaming once: 1,000,000 ids take about 16 MiB.
    func existingTransactionIdHashes(session: Session) throws -> Set<Int> {
        var set = Set<Int>()
        set.reserveCapacity(Swift.max(1024, file.endOffset / 80))
        try forEachData(session: session) { p in
            guard TxCodec.isTransaction(p) else { return }
            let v: TxCodec.View
            do { v = try TxCodec.view(p) } catch { throw VaultError.corrupt(path: self.path, part: "a transaction record does not decode") }
            set.insert(TxIds.hash(v.id))
        }
        return set
    }

    /// Imports transactions from CSV or JSON Lines on `fd`, streaming. Rows are grouped into
    /// batches; each batch is one frame written whole or not at all. A batch with a bad row is
    /// refused whole and every bad row is reported through `badRow(line, reason)`. Ids already
    /// in the vault (or earlier in the input) are skipped, so a re-import adds nothing.
    public func importTransactions(fd: Int32, source: String, options: TxImportOptions, session: Session,
                                   badRow: (Int, String) -> Void, progress: ((TxImportResult) -> Void)? = nil) throws -> TxImportResult {
        try importTransactions(fd: fd, source: source, options: options, session: session,
                               badRowError: { badRow($0, $1.message) }, progress: progress)
    }

    /// The same, with each bad row's error as the library's case (the CLI words it).
    public func importTransactions(fd: Int32, source: String, options: TxImportOptions, session: Session,
                                   badRowError badRow: (Int, UserFacingError) -> Void, progress: ((TxImportResult) -> Void)? = nil) throws -> TxImportResult {
        try Permission.addTransaction.require(session)
        var known = try existingTransactionIdHashes(session: session)
        var result = TxImportResult()
        let reader = try LineReader(fd: fd, source: source, encoding: options.encoding)
        var csv = CSVRowParser()
        var jsonl = JSONLRowParser()
        var builder = TxRowBuilder(session: session, defaultTerminal: header.terminalId, localOffset: options.localOffset)
        var row = TxRow()
        var haveHeader = options.format == .jsonl
        var pendingRecord: [UInt8] = []
        var pendingLine = 0
        // The current batch: the body of one data frame (DataLog.batchBody), built in place.
        var batch = DataLog.BatchBody()
        var batchIds = Set<Int>()
        var batchBad = false
        var batchFirstLine = 0, batchRows = 0
        let maxBytes = DataLog.maxBatchBytes - 4096

        func flush(lastLine: Int) throws {
            defer {
                batch.reset(); batchIds.removeAll(keepingCapacity: true)
                batchBad = false; batchRows = 0; batchFirstLine = 0
            }
            guard batchRows > 0 else { return }
            if batchBad { result.batchesRefused += 1; return }
            if batch.count > 0 && !options.dryRun {
                let event = AuditEvent(actor: session.operatorName, action: "tx.import", target: "\(source) lines \(batchFirstLine)-\(lastLine)",
                                       detail: "\(batch.count) added")
                try appendDataBatch(batch.finished(), keyClass: .shared, session: session, audit: [event])
            }
            if batch.count > 0 { result.batchesWritten += 1 }
            result.imported += batch.count
            known.formUnion(batchIds)
            progress?(result)
        }

        func handle(line: Int, _ fill: (inout TxRow) throws -> Void) throws {
            if batchRows == 0 { batchFirstLine = line }
            batchRows += 1
            result.rows += 1
            do {
                try fill(&row)
                // The record goes in at the end of the batch, checked (fast path, or `build`);
                // a duplicate is taken out again.
                batch.beginRecord()
                if !builder.fastEncode(row, into: &batch.bytes) {
                    TxCodec.encode(try builder.build(row), into: &batch.bytes)
                }
                let hv = row.with(.id) { p in TxIds.hash(p!) }
                if known.contains(hv) || batchIds.contains(hv) {
                    batch.dropRecord()
                    result.duplicates += 1
                } else {
                    batchIds.insert(hv)
                    batch.endRecord()
                }
            } catch let e as UserFacingError {
                batch.dropRecord()
                batchBad = true; result.badRows += 1
                badRow(line, e)
            }
            if batchRows >= options.batchRows || batch.bytes.count >= maxBytes - 1024 { try flush(lastLine: line) }
        }

        while true {
            var got = false
            let more = try reader.next { p in
                got = true
                let line = reader.lineNumber
                switch options.format {
                case .jsonl:
                    if p.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    try handle(line: line) { r in try jsonl.row(p, into: &r) }
                case .csv:
                    if pendingRecord.isEmpty {
                        if p.isEmpty { return }
                        pendingLine = line
                        pendingRecord.append(contentsOf: p)
                    } else {
                        pendingRecord.append(0x0A); pendingRecord.append(contentsOf: p)
                    }
                    guard CSVRowParser.quotesBalanced(pendingRecord) else {
                        if pendingRecord.count > LineReader.maxLine {
                            throw EntryError.row(.quoteNeverClosed(line: pendingLine))
                        }
                        return
                    }
                    defer { pendingRecord.removeAll(keepingCapacity: true) }
                    if !haveHeader {
                        do { try csv.header(pendingRecord) } catch let e as RowError {
                            throw RecordError.rule(.csvHeader(line: pendingLine, e.problem))
                        }
                        haveHeader = true
                        return
                    }
                    try handle(line: pendingLine) { r in try csv.row(pendingRecord, into: &r) }
                }
            }
            _ = got
            if !more { break }
        }
        if !pendingRecord.isEmpty {
            try handle(line: pendingLine) { _ in throw RecordError.rule(.quoteNotClosedAtEnd) }
        }
        if options.format == .csv && !haveHeader {
            throw EntryError.row(.emptyInput(source: source, columns: TxRender.columns.joined(separator: ",")))
        }
        try flush(lastLine: reader.lineNumber)
        result.ignoredColumns = (csv.extraNames + jsonl.extraKeys.sorted())
        result.encoding = reader.encoding
        return result
    }
}

enum TxIds {
    /// A 64-bit SipHash of an id under this process's random key (Swift's Hasher).
    @inline(__always) static func hash(_ p: UnsafeRawBufferPointer) -> Int {
        var h = Hasher()
        h.combine(bytes: p)
        return h.finalize()
    }
}
