import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
