import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Printing secrets straight from locked memory (issue 11, point 8). The bytes go from the
/// SecretBytes buffer to standard output in runs, with the escapes that text or JSON output
/// needs written between the runs; no String and no ordinary buffer holds them on the way.
/// Text output escapes what the display sanitiser escapes (C0, C1, DEL, bidi controls, as
/// `\u{1B}`); JSON output escapes as `Out.json` does (the same JSON value, exactly).
enum SecretOut {
    /// A piece of output: text vaultcli made (already sanitised by the caller where needed), or a secret.
    enum Piece {
        case text(String)
        case secret(SecretBytes)
    }

    // MARK: text

    /// Writes the pieces to standard output, secrets escaped for a screen.
    static func write(_ pieces: [Piece]) {
        fflush(nil)
        for p in pieces {
            switch p {
            case .text(let s): put(s)
            case .secret(let s): scan(s, json: false, emit: true)
            }
        }
    }

    /// How many terminal cells a secret takes on screen (escapes counted), for table padding.
    static func width(_ s: SecretBytes) -> Int { scan(s, json: false, emit: false) }

    /// A row laid out as `Table` lays one out (terminal cells, two spaces apart), whose cells
    /// may be secrets. With `cut`, text cells wider than their column are cut with `…`; a
    /// secret never is (shown at all, it is shown whole).
    static func row(_ cells: [Piece], widths: [Int], cut: Bool = false) -> [Piece] {
        var out: [Piece] = []
        var pending = ""
        for (i, cell) in cells.enumerated() {
            let w = i < widths.count ? widths[i] : 0
            let last = i == cells.count - 1
            let shown: Int
            switch cell {
            case .text(let t):
                var c = DisplayText.sanitize(t)
                if cut && w > 0 { c = CellWidth.cut(c, to: w) }
                shown = CellWidth.of(c)
                pending += c
            case .secret(let s):
                shown = width(s)
                if !pending.isEmpty { out.append(.text(pending)); pending = "" }
                out.append(cell)
            }
            let pad = String(repeating: " ", count: Swift.max(0, abs(w) - shown))
            if !last { pending += (w == 0 ? "" : pad) + "  " }
        }
        while pending.hasSuffix(" ") { pending.removeLast() }
        out.append(.text(pending + "\n"))
        return out
    }

    /// A whole table (Table.render's rules) whose cells may be secrets.
    static func table(_ head: [String], _ rows: [[Piece]], limit: Int? = Table.limit) -> [Piece] {
        let all = [head.map { Piece.text($0) }] + rows
        let natural = head.indices.map { i in
            all.map { r -> Int in
                guard i < r.count else { return 0 }
                switch r[i] {
                case .text(let t): return CellWidth.of(DisplayText.sanitize(t))
                case .secret(let s): return width(s)
                }
            }.max() ?? 0
        }
        let widths = TableLayout.fit(natural, limit: limit)
        return all.flatMap { row($0, widths: widths, cut: limit != nil) }
    }

    // MARK: JSON

    /// A stand-in for the i-th secret inside a value given to `json`: private-use characters
    /// around a random nonce of this process and the index, so no stored text (a label, a
    /// note) can pose as one.
    static func placeholder(_ i: Int) -> String { "\u{E000}\(nonce):\(i)\u{E000}" }

    private static let nonce: String = {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(g.next() as UInt32, radix: 16) }.joined(separator: "-")
    }()

    /// `Out.json(value)`, with each `placeholder(i)` string replaced by `secrets[i]` as a JSON
    /// string written from locked memory.
    static func json(_ value: Any, secrets: [SecretBytes]) {
        let text = Array(DisplayText.escapeJSON(JSONText.render(value)).utf8)
        let open = Array(("\"\u{E000}" + nonce + ":").utf8), close = Array("\u{E000}\"".utf8)
        fflush(nil)
        func matches(_ m: [UInt8], at i: Int) -> Bool { i + m.count <= text.count && text[i..<(i + m.count)].elementsEqual(m) }
        var start = 0, i = 0
        while i < text.count {
            guard text[i] == open[0], matches(open, at: i) else { i += 1; continue }
            var j = i + open.count, index = 0, digits = 0
            while j < text.count, (48...57).contains(text[j]), digits < 6 { index = index * 10 + Int(text[j] - 48); j += 1; digits += 1 }
            guard digits > 0, matches(close, at: j), index < secrets.count else { i += 1; continue }
            text[start..<i].withUnsafeBytes { putRaw($0) }
            scan(secrets[index], json: true, emit: true)
            i = j + close.count
            start = i
        }
        text[start...].withUnsafeBytes { putRaw($0) }
        put("\n")
    }

    // MARK: the scanner

    private static func put(_ s: String) {
        var s = s
        s.withUTF8 { putRaw(UnsafeRawBufferPointer($0)) }
    }

    private static func putRaw(_ b: UnsafeRawBufferPointer) {
        var off = 0
        while off < b.count {
            let n = Glibc.write(STDOUT_FILENO, b.baseAddress! + off, b.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            off += n
        }
    }

    /// Walks the secret's UTF-8 scalar by scalar: a scalar that needs no escape is written as
    /// its own bytes (in runs, from the locked buffer), any other as its escape. Returns the
    /// number of characters written. Invalid UTF-8 (never stored: secrets are checked) is
    /// shown as U+FFFD.
    @discardableResult
    private static func scan(_ secret: SecretBytes, json: Bool, emit: Bool) -> Int {
        secret.withUnsafeBytes { b -> Int in
            var shown = 0
            var runStart = 0
            var i = 0
            if json && emit { put("\"") }
            func flush(to end: Int) {
                if emit && end > runStart { putRaw(UnsafeRawBufferPointer(rebasing: b[runStart..<end])) }
            }
            func escape(_ e: String, next: Int) {
                flush(to: i)
                if emit { put(e) }
                shown += e.count
                runStart = next
            }
            while i < b.count {
                let lead = b[i]
                let len = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
                var v: UInt32 = 0
                var valid = len > 0 && i + len <= b.count
                if valid {
                    v = len == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> UInt32(len))
                    for k in 1..<Swift.max(len, 1) where valid {
                        let c = b[i + k]
                        if c & 0xC0 != 0x80 { valid = false } else { v = v << 6 | UInt32(c & 0x3F) }
                    }
                }
                if !valid {
                    escape("\u{FFFD}", next: i + 1)
                    i += 1
                    continue
                }
                let next = i + len
                let u = Unicode.Scalar(v) ?? "\u{FFFD}"
                if json {
                    switch v {
                    case 0x22: escape("\\\"", next: next)
                    case 0x5C: escape("\\\\", next: next)
                    case 0x0A: escape("\\n", next: next)
                    case 0x0D: escape("\\r", next: next)
                    case 0x09: escape("\\t", next: next)
                    case 0x08: escape("\\b", next: next)
                    case 0x0C: escape("\\f", next: next)
                    default:
                        if v < 0x20 || DisplayText.isUnsafe(u) {
                            let h = String(v, radix: 16)
                            escape("\\u" + String(repeating: "0", count: Swift.max(0, 4 - h.count)) + h, next: next)
                        } else {
                            shown += 1
                        }
                    }
                } else if DisplayText.isUnsafe(u) {
                    escape("\\u{\(String(v, radix: 16, uppercase: true))}", next: next)
                } else {
                    shown += CellWidth.of(u)
                }
                i = next
                v = 0
            }
            flush(to: b.count)
            if json && emit { put("\"") }
            return shown
        }
    }
}
