import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Output formats for transaction lists and exports.
public enum TxFormat: String, Sendable, CaseIterable {
    case csv, jsonl
    /// A streamed JSON array (`list --json`).
    case jsonArray = "json"
}

/// Renders transactions as CSV or JSON, byte by byte, into a reusable buffer.
public enum TxRender {
    static let columns = ["id", "time", "amount", "currency", "kind", "card", "reference", "operator", "terminal", "status"]
    static let csvHeader = Array((columns.joined(separator: ",") + "\n").utf8)

    /// A text cell, quoted where needed and neutralised against formula injection (CSV).
    static func csvField(_ p: UnsafeRawBufferPointer, _ out: inout [UInt8]) {
        CSV.appendField(p, &out)
    }

    static func ascii(_ s: StaticString, _ out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func amount(_ minor: Int64, exponent: Int, _ out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = minor
        repeat { digits.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
        while digits.count <= exponent { digits.append(48) }
        for (i, d) in digits.enumerated().reversed() {
            out.append(d)
            if i == exponent && exponent > 0 { out.append(UInt8(ascii: ".")) }
        }
    }

    static func int(_ v: Int64, _ out: inout [UInt8]) {
        if v == 0 { out.append(48); return }
        var digits: [UInt8] = []
        var x = v
        while x > 0 { digits.append(UInt8(48 + x % 10)); x /= 10 }
        out.append(contentsOf: digits.reversed())
    }

    static func exponent(_ c: (UInt8, UInt8, UInt8)) -> Int {
        Currency(bytes: c.0, c.1, c.2)?.exponent ?? 2
    }

    /// The UTF-8 byte order mark that `--excel` writes first (Excel on Chinese Windows reads a
    /// CSV without one as GBK).
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func csv(_ v: TxCodec.View, _ out: inout [UInt8]) {
        csvField(v.id, &out); out.append(44)
        TxTime.appendISO(v.time, to: &out); out.append(44)
        amount(v.amount, exponent: exponent(v.currencyBytes), &out); out.append(44)
        out.append(v.currencyBytes.0); out.append(v.currencyBytes.1); out.append(v.currencyBytes.2); out.append(44)
        out.append(contentsOf: v.kind.name.utf8); out.append(44)
        csvField(v.card, &out); out.append(44)
        csvField(v.reference, &out); out.append(44)
        csvField(v.operatorName, &out); out.append(44)
        csvField(v.terminal, &out); out.append(44)
        out.append(contentsOf: v.status.name.utf8)
        out.append(0x0A)
    }

    /// The columns of `tx list` as a table, and their widths in terminal cells: a positive
    /// width pads on the right, a negative one on the left (numbers), zero leaves the last
    /// column as it is. TIME is local time with its offset, or UTC under `--utc` (LocalTime).
    public static var tableColumns: [(title: String, width: Int)] {
        [("TIME", LocalTime.width), ("ID", 18), ("KIND", 8), ("AMOUNT", -14), ("CUR", 3), ("CARD", 19),
         ("OPERATOR", 12), ("STATUS", 8), ("REFERENCE", 0)]
    }

    /// The widths of the `tx list` table for a width limit in cells (nil: none). Under a limit
    /// the columns are narrowed (TableLayout.fit; TIME, CUR and STATUS never) and every value
    /// wider than its column is cut with `…`; the last column gets what is left of the line.
    public struct Layout: Sendable {
        /// Cells per column, in `tableColumns` order (the last: its room, 0 for no limit).
        public let widths: [Int]
        /// Whether values wider than their column are cut.
        public let cut: Bool
        /// The KIND and STATUS cells as the user reads them (the CLI's catalog); a kind or
        /// status not given is shown by its name (`sale`, `approved`).
        public var kindWords: [Transaction.Kind: String] = [:]
        public var statusWords: [Transaction.Status: String] = [:]

        /// `title` words each column's title, as `tableHeader` is given it: a column is at least
        /// as wide as its title (币种 takes 4 cells where CUR takes 3).
        public init(limit: Int?, title words: (String) -> String = { $0 }) {
            let cols = TxRender.tableColumns
            let titles = cols.map { CellWidth.of(words($0.title)) }
            // The reference is given a nominal 16 cells when the others are fitted.
            let natural = cols.indices.map { i in cols[i].width == 0 ? 16 : Swift.max(abs(cols[i].width), titles[i]) }
            // TIME, CUR and STATUS are never narrowed.
            let floors = [natural[0], 6, 6, 10, natural[4], 6, 6, natural[7], 6]
            var w = TableLayout.fit(natural, floors: floors, limit: limit)
            if let limit {
                let used = w.dropLast().reduce(0, +) + TableLayout.gap * (w.count - 1)
                w[w.count - 1] = Swift.max(TableLayout.minimumColumn, limit - used)
            } else {
                w[w.count - 1] = 0
            }
            widths = w
            cut = limit != nil
        }
    }

    /// The header line of the `tx list` table.
    /// `title` words each column's title (the CLI's catalog); the default is the English title.
    public static func tableHeader(_ layout: Layout, title words: (String) -> String = { $0 }) -> String {
        var out: [UInt8] = []
        let cols = tableColumns
        for (i, c) in cols.enumerated() {
            let text = words(c.title)
            var title = Array(text.utf8)
            let w = layout.widths[i]
            if layout.cut, CellWidth.of(text) > w { title = Array(CellWidth.cut(text, to: w).utf8) }
            let cells = CellWidth.of(String(decoding: title, as: UTF8.self))
            if c.width < 0 { DisplayText.pad(w - cells, &out) }
            out.append(contentsOf: title)
            if c.width >= 0 && i < cols.count - 1 { DisplayText.pad(w - cells, &out) }
            if i < cols.count - 1 { out.append(0x20); out.append(0x20) }
        }
        while out.last == 0x20 { out.removeLast() }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces the cell rendered at `out[start...]` (taking `cells` cells) by its first
    /// `width` cells, cut with `…` (CellWidth.cut); returns the cells it now takes.
    static func recut(_ out: inout [UInt8], from start: Int, cells: Int, width: Int) -> Int {
        guard cells > width else { return cells }
        let cut = CellWidth.cut(String(decoding: out[start...], as: UTF8.self), to: width)
        out.removeSubrange(start...)
        out.append(contentsOf: cut.utf8)
        return CellWidth.of(cut)
    }

    /// One row of the `tx list` table, byte by byte: every cell through the display sanitiser
    /// and padded by terminal cells (Chinese text takes two a character), two spaces between
    /// columns, no trailing blanks; under a limit, cut to `layout`.
    static func tableRow(_ v: TxCodec.View, _ out: inout [UInt8], scratch: inout [UInt8], layout: Layout, zone: inout LocalTime.Zone) {
        let start = out.count
        let w = layout.widths, cut = layout.cut
        @inline(__always) func left(_ cells: Int, _ width: Int) {
            DisplayText.pad(width - cells, &out)
            out.append(0x20); out.append(0x20)
        }
        @inline(__always) func text(_ p: UnsafeRawBufferPointer, _ width: Int) {
            let s = out.count
            var cells = DisplayText.appendCell(p, to: &out)
            if cut && cells > width { cells = recut(&out, from: s, cells: cells, width: width) }
            left(cells, width)
        }
        // TIME: fixed width, ASCII.
        let t0 = out.count
        zone.append(v.time, to: &out)
        left(out.count - t0, w[0])
        text(v.id, w[1])
        let k0 = out.count
        var kc: Int
        if let word = layout.kindWords[v.kind] {
            out.append(contentsOf: word.utf8)
            kc = CellWidth.of(word)
        } else {
            out.append(contentsOf: v.kind.name.utf8)
            kc = out.count - k0
        }
        if cut && kc > w[2] { kc = recut(&out, from: k0, cells: kc, width: w[2]) }
        left(kc, w[2])
        // AMOUNT, right-aligned.
        scratch.removeAll(keepingCapacity: true)
        let neg = v.amount < 0
        if neg { scratch.append(UInt8(ascii: "-")) }
        amount(neg ? (v.amount == Int64.min ? Int64.max : -v.amount) : v.amount,
               exponent: exponent(v.currencyBytes), &scratch)
        if cut && scratch.count > w[3] {
            let c = CellWidth.cut(String(decoding: scratch, as: UTF8.self), to: w[3])
            DisplayText.pad(w[3] - CellWidth.of(c), &out)
            out.append(contentsOf: c.utf8)
        } else {
            DisplayText.pad(w[3] - scratch.count, &out)
            out.append(contentsOf: scratch)
        }
        out.append(0x20); out.append(0x20)
        withUnsafeBytes(of: v.currencyBytes) { text($0, w[4]) }
        if v.card.isEmpty { out.append(UInt8(ascii: "-")); left(1, w[5]) } else { text(v.card, w[5]) }
        text(v.operatorName, w[6])
        if let word = layout.statusWords[v.status] {
            out.append(contentsOf: word.utf8); left(CellWidth.of(word), w[7])
        } else {
            let status = v.status.name.utf8
            out.append(contentsOf: status); left(status.count, w[7])
        }
        let r0 = out.count
        let rc = DisplayText.appendCell(v.reference, to: &out)
        if cut && rc > w[8] { _ = recut(&out, from: r0, cells: rc, width: w[8]) }
        while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
        out.append(0x0A)
    }

    /// A JSON string: exact, with C0, DEL, C1 and bidi controls as \uXXXX escapes (so the
    /// output is inert on a terminal, DisplayText).
    static func jsonString(_ p: UnsafeRawBufferPointer, _ out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ v: UInt32) {
            out.append(92); out.append(UInt8(ascii: "u"))
            for shift in [12, 8, 4, 0] { out.append(hex[Int((v >> UInt32(shift)) & 15)]) }
        }
        out.append(UInt8(ascii: "\""))
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            switch b {
            case UInt8(ascii: "\""): out.append(92); out.append(b)
            case 92: out.append(92); out.append(92)
            case 0..<0x20, 0x7F: escape(UInt32(b))
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(p[i + 1]):
                escape(UInt32(p[i + 1])); i += 1
            case 0xE2 where i + 2 < n && ((p[i + 1] == 0x80 && (0xAA...0xAE).contains(p[i + 2])) || (p[i + 1] == 0x81 && (0xA6...0xA9).contains(p[i + 2]))):
                escape(0x2000 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)); i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    static func json(_ v: TxCodec.View, _ out: inout [UInt8]) {
        ascii("{\"id\":", &out); jsonString(v.id, &out)
        ascii(",\"time\":\"", &out); TxTime.appendISO(v.time, to: &out)
        ascii("\",\"amount\":\"", &out); amount(v.amount, exponent: exponent(v.currencyBytes), &out)
        ascii("\",\"amount_minor\":", &out); int(v.amount, &out)
        ascii(",\"currency\":\"", &out); out.append(v.currencyBytes.0); out.append(v.currencyBytes.1); out.append(v.currencyBytes.2)
        ascii("\",\"kind\":\"", &out); out.append(contentsOf: v.kind.name.utf8)
        ascii("\",\"card\":", &out); jsonString(v.card, &out)
        ascii(",\"reference\":", &out); jsonString(v.reference, &out)
        ascii(",\"operator\":", &out); jsonString(v.operatorName, &out)
        ascii(",\"terminal\":", &out); jsonString(v.terminal, &out)
        ascii(",\"status\":\"", &out); out.append(contentsOf: v.status.name.utf8)
        ascii("\"}", &out)
    }
}

/// Where rendered bytes go: a file descriptor, through a 256 KiB buffer.
public final class OutputSink {
    private let fd: Int32
    private var buf: [UInt8] = []
    private let path: String

    public init(fd: Int32, path: String = "standard output") {
        self.fd = fd; self.path = path
        buf.reserveCapacity(1 << 18)
    }

    var buffer: [UInt8] {
        get { buf }
        _modify { yield &buf }
    }

    func flushIfFull() throws { if buf.count >= 1 << 18 { try flush() } }

    public func write(_ s: String) throws {
        buf.append(contentsOf: s.utf8)
        try flushIfFull()
    }

    public func flush() throws {
        try buf.withUnsafeBytes { try DurableFile.writeAll(fd, $0, path: path, style: .store, operation: "write to") }
        buf.removeAll(keepingCapacity: true)
    }
}
