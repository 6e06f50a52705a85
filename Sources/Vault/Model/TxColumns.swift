import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
