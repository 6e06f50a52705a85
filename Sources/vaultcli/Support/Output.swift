import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

/// The one diagnostics printer. Writes to stderr (never stdout), in the voice
/// `vaultcli: error: ...` / `vaultcli: hint: ...`.
enum Diagnostics {
    static func write(_ s: String) {
        var bytes = Array(s.utf8)
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(STDERR_FILENO, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { break }
                off += n
            }
        }
    }

    /// Messages may quote untrusted text (names, file names, what a backup says): every one goes
    /// through the display sanitiser (line breaks that vaultcli puts in a message stay).
    static func error(_ message: String, hints: [String] = []) {
        write("vaultcli: error: \(DisplayText.sanitize(message, keepNewlines: true))\n")
        for h in hints { write("vaultcli: hint: \(DisplayText.sanitize(h, keepNewlines: true))\n") }
    }

    static func warning(_ message: String) { write("vaultcli: warning: \(DisplayText.sanitize(message, keepNewlines: true))\n") }
    static func note(_ message: String) { write("vaultcli: \(DisplayText.sanitize(message, keepNewlines: true))\n") }

    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Standard output helpers.
enum Out {
    /// A line of text output. Untrusted text in it is shown through the display sanitiser
    /// (a field that may hold a line break is sanitised on its own with `Out.text` first).
    static func line(_ s: String = "") { print(DisplayText.sanitize(s, keepNewlines: true)) }

    /// One untrusted value for text output: every control character escaped, line breaks too.
    static func text(_ s: String) -> String { DisplayText.sanitize(s) }

    /// Text written straight to fd 1 (after what `line` buffered).
    static func raw(_ s: String) {
        fflush(nil)
        let bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            off += n
        }
    }

    /// Pretty, sorted JSON for `--json`: exact values, with DEL, C1 and bidi controls escaped
    /// as \uXXXX (the renderer escapes C0 itself).
    static func json(_ value: Any) {
        print(DisplayText.escapeJSON(JSONText.render(value)))
    }
}

/// The one table renderer: every command that prints a table prints it through here (and
/// `tx list`, which streams a million rows, through TxRender's byte renderer, which follows the
/// same rules). Columns are sized in terminal cells (CellWidth: East Asian Wide and Fullwidth
/// characters take two, combining marks none), two spaces apart, no trailing blanks.
///
/// The width limit (`limit`): `$COLUMNS` when it is a number (0: no limit); else, when standard
/// output is a terminal, its width (TIOCGWINSZ); else none: output to a file or a pipe is never
/// cut. Under a limit the widest columns are narrowed (TableLayout.fit) and a value wider than
/// its column is cut at a cell boundary with `…`. The full values are in --json and --csv.
enum Table {
    static var limit: Int? {
        if let c = getenv("COLUMNS"), let n = Int(String(cString: c)) {
            return n > 0 ? n : nil
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return Int(ws.ws_col)
    }

    /// A whole table: the header and the rows (untrusted text is fine: every cell goes through
    /// the display sanitiser), columns as wide as their widest cell, the columns in `right`
    /// aligned right (numbers). With `cutLast` false the last column is never cut (running
    /// text, such as what a policy setting does).
    static func render(_ head: [String], _ rows: [[String]], right: Set<Int> = [], cutLast: Bool = true, limit: Int? = Table.limit) -> String {
        let shown = ([head] + rows).map { $0.map { DisplayText.sanitize($0) } }
        let n = head.count
        let natural = (0..<n).map { i in shown.map { i < $0.count ? CellWidth.of($0[i]) : 0 }.max() ?? 0 }
        var widths = natural
        if cutLast {
            widths = TableLayout.fit(natural, limit: limit)
        } else if n > 1 {
            let lead = TableLayout.fit(Array(natural.dropLast()), limit: limit.map { $0 - TableLayout.gap - min(natural[n - 1], TableLayout.minimumColumn) })
            widths = lead + [natural[n - 1]]
        }
        var out = ""
        for r in shown { out += line(r, widths: widths, right: right, cut: limit != nil, cutLast: cutLast) }
        return out
    }

    /// One line of sanitised cells at `widths`.
    static func line(_ cells: [String], widths: [Int], right: Set<Int>, cut: Bool, cutLast: Bool = true) -> String {
        var out = ""
        for (i, c0) in cells.enumerated() {
            let w = i < widths.count ? widths[i] : 0
            let last = i == cells.count - 1
            let c = cut && (cutLast || !last) ? CellWidth.cut(c0, to: w) : c0
            let pad = String(repeating: " ", count: Swift.max(0, w - CellWidth.of(c)))
            out += right.contains(i) ? pad + c : c + (last ? "" : pad)
            if !last { out += "  " }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + "\n"
    }
}
