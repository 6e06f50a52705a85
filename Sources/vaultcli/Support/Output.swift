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

/// Plain text tables: a positive width pads on the right, a negative one on the left
/// (numbers), zero leaves the last column as it is. Widths are terminal cells (CellWidth):
/// a Chinese character takes two.
enum Table {
    static func row(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            let c = DisplayText.sanitize(cell)
            let w = i < widths.count ? widths[i] : 0
            let pad = String(repeating: " ", count: Swift.max(0, abs(w) - CellWidth.of(c)))
            out += w < 0 ? pad + c : c + (w == 0 ? "" : pad)
            if i < cells.count - 1 { out += "  " }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + "\n"
    }
}
