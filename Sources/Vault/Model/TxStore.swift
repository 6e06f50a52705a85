import FoundationEssentials
import Glibc

/// Which transactions a list, export or summary covers. Every bound is optional.
public struct TxFilter: Sendable {
    /// Inclusive lower bound (Unix seconds).
    public var since: Int64?
    /// Exclusive upper bound (Unix seconds).
    public var until: Int64?
    public var operatorName: String?
    public var kinds: Set<Transaction.Kind> = []
    public var statuses: Set<Transaction.Status> = []
    public var currency: Currency?
    public var min: AmountBound?
    public var max: AmountBound?
    /// Stop after this many matches.
    public var limit: Int?

    public init() {}

    fileprivate struct Compiled {
        var since: Int64, until: Int64
        var op: [UInt8]?
        var kindMask: UInt8, statusMask: UInt8
        var currency: (UInt8, UInt8, UInt8)?
        var min: AmountBound?, max: AmountBound?

        @inline(__always) func matches(_ v: TxCodec.View) -> Bool {
            guard v.time >= since, v.time < until,
                  kindMask & (1 << v.kind.rawValue) != 0, statusMask & (1 << v.status.rawValue) != 0 else { return false }
            if let op, !(v.operatorName.count == op.count && v.operatorName.elementsEqual(op)) { return false }
            if let c = currency, c != v.currencyBytes { return false }
            if min != nil || max != nil {
                let e = TxRender.exponent(v.currencyBytes)
                if let min, min.compare(minor: v.amount, exponent: e) < 0 { return false }
                if let max, max.compare(minor: v.amount, exponent: e) > 0 { return false }
            }
            return true
        }
    }

    fileprivate func compiled(restrictTo own: String?) -> Compiled {
        var km: UInt8 = 0, sm: UInt8 = 0
        for k in (kinds.isEmpty ? Set(Transaction.Kind.allCases) : kinds) { km |= 1 << k.rawValue }
        for s in (statuses.isEmpty ? Set(Transaction.Status.allCases) : statuses) { sm |= 1 << s.rawValue }
        return Compiled(since: since ?? Int64.min, until: until ?? Int64.max, op: (own ?? operatorName).map { Array(Names.normalize($0).utf8) },
                        kindMask: km, statusMask: sm, currency: currency?.bytes, min: min, max: max)
    }
}

/// Counts and totals of transactions, by day, operator, kind and currency.
public struct TxSummary: Sendable {
    public struct Group: Sendable, Equatable {
        public var day: String
        public var operatorName: String
        public var kind: Transaction.Kind
        public var currency: Currency
        public var count: Int
        /// Sum of amounts in minor units (exact, 128-bit).
        public var total: Int128
    }
    public struct CurrencyTotal: Sendable, Equatable {
        public var currency: Currency
        public var count: Int
        public var byKind: [Transaction.Kind: (count: Int, total: Int128)]
        /// Sales minus refunds (voids are not money movements).
        public var net: Int128
        public static func == (a: CurrencyTotal, b: CurrencyTotal) -> Bool {
            a.currency == b.currency && a.count == b.count && a.net == b.net
                && a.byKind.mapValues { "\($0.count)/\($0.total)" } == b.byKind.mapValues { "\($0.count)/\($0.total)" }
        }
    }
    public var groups: [Group]
    public var currencies: [CurrencyTotal]
    public var records: Int
    public var utcOffset: Int
}

extension Transactions {
    private struct StopScan: Error {}

    /// Whether the session may read every operator's transactions; if not, the name to restrict to.
    /// Throws when a cashier asks for another operator's records.
    private func transactionScope(filter: TxFilter, what: Permission = .readAllTransactions) throws -> String? {
        if what.allows(session.role) { return nil }
        try Permission.readOwnTransactions.require(session)
        if let op = filter.operatorName, Names.normalize(op) != session.operatorName {
            throw VaultError.permissionDenied(needed: Permission.readAllTransactions.rawValue, role: session.role.rawValue)
        }
        return session.operatorName
    }

    /// Streams the encoded transactions the session may read that match `filter`, as views
    /// valid only during the call. Constant memory whatever the vault's size.
    func forEachView(filter: TxFilter, scope: String?, _ body: (TxCodec.View) throws -> Void) throws -> Int {
        let c = filter.compiled(restrictTo: scope)
        var matched = 0
        let limit = filter.limit ?? Int.max
        if limit <= 0 { return 0 }
        do {
            try vault.unlocked(by: session).forEachData { p in
                guard TxCodec.isTransaction(p) else { return }
                let v: TxCodec.View
                do { v = try TxCodec.view(p) } catch { throw VaultError.corrupt(path: vault.path, part: "a transaction record does not decode") }
                guard c.matches(v) else { return }
                try body(v)
                matched += 1
                if matched >= limit { throw StopScan() }
            }
        } catch is StopScan {}
        return matched
    }

    /// Every transaction the session may read that matches `filter`, in the order they were
    /// written. A cashier sees only their own.
    @discardableResult
    public func forEach(filter: TxFilter = TxFilter(), _ body: (Transaction) throws -> Void) throws -> Int {
        let scope = try transactionScope(filter: filter)
        return try forEachView(filter: filter, scope: scope) { v in
            do { try body(try TxCodec.decode(v)) } catch is TxCodec.Malformed {
                throw VaultError.corrupt(path: vault.path, part: "a transaction record does not decode")
            }
        }
    }

    /// Appends one transaction as its own frame: one write, one fsync, whatever the vault's
    /// size. The operator is the session's; the terminal defaults to the vault's.
    @discardableResult
    public func add(_ t: Transaction) throws -> Transaction {
        try Permission.addTransaction.require(session)
        var t = t
        t.operatorName = session.operatorName
        if t.terminal.isEmpty { t.terminal = vault.header.terminalId }
        if t.id.isEmpty { t.id = Transaction.newId() }
        t = try t.validated()
        try vault.unlocked(by: session).appendData([TxCodec.encode(t)], keyClass: .shared)
        return t
    }

    /// Renders matching transactions to `sink` as CSV (with a header), JSON Lines, or one JSON
    /// array, streaming. Returns the number written. `export` needs the "read all" permission
    /// and is audited; a list shows a cashier their own records only.
    @discardableResult
    /// With `excel`, CSV starts with a UTF-8 byte order mark and its lines end in CR LF (what
    /// Excel on Chinese Windows opens as UTF-8); line breaks inside quoted cells stay LF.
    public func render(filter: TxFilter, format: TxFormat, to sink: OutputSink, export: Bool,
                       excel: Bool = false) throws -> Int {
        let scope: String?
        if export {
            try Permission.readAllTransactions.require(session)
            scope = nil
        } else {
            scope = try transactionScope(filter: filter)
        }
        var first = true
        switch format {
        case .csv:
            if excel { sink.buffer.append(contentsOf: TxRender.bom) }
            sink.buffer.append(contentsOf: TxRender.csvHeader)
            if excel { sink.buffer.insert(0x0D, at: sink.buffer.count - 1) }
        case .jsonArray: sink.buffer.append(UInt8(ascii: "["))
        case .jsonl: break
        }
        let n = try forEachView(filter: filter, scope: scope) { v in
            switch format {
            case .csv:
                TxRender.csv(v, &sink.buffer)
                if excel { sink.buffer[sink.buffer.count - 1] = 0x0D; sink.buffer.append(0x0A) }
            case .jsonl: TxRender.json(v, &sink.buffer); sink.buffer.append(0x0A)
            case .jsonArray:
                sink.buffer.append(contentsOf: first ? [0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20])
                TxRender.json(v, &sink.buffer)
            }
            first = false
            try sink.flushIfFull()
        }
        if format == .jsonArray { sink.buffer.append(contentsOf: first ? Array("]\n".utf8) : Array("\n]\n".utf8)) }
        try sink.flush()
        if export {
            try vault.appendAuditIfWritable(AuditEvent(actor: session.operatorName, action: "tx.export", target: "\(n) transactions",
                                                       detail: "format \(format.rawValue)"))
        }
        return n
    }

    /// Renders matching transactions to `sink` as the rows of the `tx list` table
    /// (TxRender.tableColumns; the caller writes the header), streaming, byte by byte. Returns
    /// the number of rows. A cashier sees their own records only.
    @discardableResult
    public func listTable(filter: TxFilter, to sink: OutputSink,
                          layout: TxRender.Layout = TxRender.Layout(limit: nil)) throws -> Int {
        let scope = try transactionScope(filter: filter)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(32)
        var zone = LocalTime.Zone()
        let n = try forEachView(filter: filter, scope: scope) { v in
            TxRender.tableRow(v, &sink.buffer, scratch: &scratch, layout: layout, zone: &zone)
            try sink.flushIfFull()
        }
        try sink.flush()
        return n
    }

    /// Counts and totals by day (at `utcOffset` seconds east of UTC; nil: the local calendar of
    /// LocalTime, daylight saving included), operator, kind and currency.
    public func summarize(filter: TxFilter, utcOffset: Int?) throws -> TxSummary {
        var zone = LocalTime.Zone()
        let scope = try transactionScope(filter: filter)
        struct Key: Hashable { var day: Int32; var op: Int32; var kind: UInt8; var cur: UInt32 }
        var groups: [Key: (Int, Int128)] = [:]
        var ops: [[UInt8]: Int32] = [:]
        var opNames: [[UInt8]] = []
        var lastOp: [UInt8] = [], lastOpIndex: Int32 = -1
        var records = 0
        _ = try forEachView(filter: filter, scope: scope) { v in
            let opIndex: Int32
            if lastOpIndex >= 0, v.operatorName.count == lastOp.count, v.operatorName.elementsEqual(lastOp) {
                opIndex = lastOpIndex
            } else {
                let b = Array(v.operatorName)
                if let i = ops[b] { opIndex = i } else { opIndex = Int32(opNames.count); ops[b] = opIndex; opNames.append(b) }
                lastOp = b; lastOpIndex = opIndex
            }
            let c = v.currencyBytes
            let day = utcOffset.map { TxTime.dayNumber(v.time, offset: $0) } ?? zone.dayNumber(v.time)
            let k = Key(day: Int32(day), op: opIndex, kind: v.kind.rawValue,
                        cur: UInt32(c.0) << 16 | UInt32(c.1) << 8 | UInt32(c.2))
            let old = groups[k] ?? (0, 0)
            groups[k] = (old.0 + 1, old.1 + Int128(v.amount))
            records += 1
        }
        func currency(_ c: UInt32) throws -> Currency {
            guard let cur = Currency(bytes: UInt8(c >> 16), UInt8((c >> 8) & 255), UInt8(c & 255)) else {
                throw VaultError.corrupt(path: vault.path, part: "a transaction record has an unknown currency")
            }
            return cur
        }
        var out: [TxSummary.Group] = []
        var totals: [Currency: TxSummary.CurrencyTotal] = [:]
        for (k, v) in groups {
            let cur = try currency(k.cur)
            let kind = Transaction.Kind(rawValue: k.kind)!
            out.append(TxSummary.Group(day: TxTime.dayString(Int(k.day)), operatorName: String(decoding: opNames[Int(k.op)], as: UTF8.self),
                                       kind: kind, currency: cur, count: v.0, total: v.1))
            var t = totals[cur] ?? TxSummary.CurrencyTotal(currency: cur, count: 0, byKind: [:], net: 0)
            t.count += v.0
            let old = t.byKind[kind] ?? (0, 0)
            t.byKind[kind] = (old.count + v.0, old.total + v.1)
            if kind == .sale { t.net += v.1 } else if kind == .refund { t.net -= v.1 }
            totals[cur] = t
        }
        out.sort { ($0.day, $0.operatorName, $0.kind.rawValue, $0.currency.code) < ($1.day, $1.operatorName, $1.kind.rawValue, $1.currency.code) }
        return TxSummary(groups: out, currencies: totals.values.sorted { $0.currency.code < $1.currency.code }, records: records,
                         utcOffset: utcOffset ?? LocalTime.offset(at: Int64(Date().timeIntervalSince1970)))
    }
}

extension Vault {
    /// Appends an audit event when the vault was opened for writing (reading commands that
    /// are audited open it so).
    func appendAuditIfWritable(_ e: AuditEvent) throws {
        guard file.writable else { return }
        try appendAudit([e])
    }
}
