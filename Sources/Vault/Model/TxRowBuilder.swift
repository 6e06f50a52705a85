import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
