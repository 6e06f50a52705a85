import FoundationEssentials

/// CSV cells as vaultcli writes and reads them (RFC 4180), with spreadsheet formula injection
/// neutralised as OWASP's CSV-injection guidance says: a cell that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text.
///
/// So that import reads every exported cell back exactly, the rule is applied to a run of
/// quotes too: a cell matching `'*[=+\-@\t\r]…` is written with one more `'`, and the reader
/// drops one leading `'` from a cell matching `'+[=+\-@\t\r]…`. Any other cell is left as it is
/// both ways (a cell "'abc" stays "'abc").
public enum CSV {
    static func isTrigger(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D
    }

    /// Whether the bytes are quotes followed by a formula trigger (`atLeastOneQuote`: `'+`, else `'*`).
    static func looksLikeFormula<C: Collection>(_ p: C, atLeastOneQuote: Bool) -> Bool where C.Element == UInt8 {
        var i = p.startIndex
        var quotes = 0
        while i != p.endIndex, p[i] == UInt8(ascii: "'") { quotes += 1; i = p.index(after: i) }
        return i != p.endIndex && isTrigger(p[i]) && (!atLeastOneQuote || quotes > 0)
    }

    /// Appends one cell: neutralised, then quoted when it holds a comma, a quote, a line break,
    /// or starts or ends with a space or tab (which an unquoted reader would trim).
    static func appendField(_ p: UnsafeRawBufferPointer, _ out: inout [UInt8]) {
        let neutralise = looksLikeFormula(p, atLeastOneQuote: false)
        let edgeSpace = !p.isEmpty && (p.first == 0x20 || p.first == 0x09 || p.last == 0x20 || p.last == 0x09)
        let needsQuote = edgeSpace || p.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if needsQuote { out.append(UInt8(ascii: "\"")) }
        if neutralise { out.append(UInt8(ascii: "'")) }
        if needsQuote {
            for b in p {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: p)
        }
    }

    /// What `--excel` puts first: the UTF-8 byte order mark, so that Excel on Chinese Windows
    /// reads the file as UTF-8 (without it, as GBK).
    public static let byteOrderMark = "\u{FEFF}"

    /// One CSV line of text cells, ending in `\n` (or CR LF with `crlf`, as Excel writes).
    public static func row(_ cells: [String], crlf: Bool = false) -> String {
        var out: [UInt8] = []
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            var u = Array(c.utf8)
            u.withUnsafeBytes { appendField($0, &out) }
            u.removeAll()
        }
        if crlf { out.append(0x0D) }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes the neutralisation of a cell read at `range` of `buf` (drops one leading `'`).
    static func unneutralise(_ buf: inout [UInt8], range: inout Range<Int>) {
        guard looksLikeFormula(buf[range], atLeastOneQuote: true) else { return }
        buf.remove(at: range.lowerBound)
        range = range.lowerBound..<(range.upperBound - 1)
    }
}
