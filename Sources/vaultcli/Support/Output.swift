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

    static func error(_ message: String, hints: [String] = []) {
        write("vaultcli: error: \(message)\n")
        for h in hints { write("vaultcli: hint: \(h)\n") }
    }

    static func warning(_ message: String) { write("vaultcli: warning: \(message)\n") }
    static func note(_ message: String) { write("vaultcli: \(message)\n") }

    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Standard output helpers.
enum Out {
    static func line(_ s: String = "") { print(s) }

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

    /// Pretty, sorted JSON for `--json`.
    static func json(_ value: Any) {
        print(JSONText.render(value))
    }
}

/// Plain text tables: a positive width pads on the right, a negative one on the left
/// (numbers), zero leaves the last column as it is.
enum Table {
    static func row(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (i, c) in cells.enumerated() {
            let w = i < widths.count ? widths[i] : 0
            let pad = String(repeating: " ", count: Swift.max(0, abs(w) - c.count))
            out += w < 0 ? pad + c : c + (w == 0 ? "" : pad)
            if i < cells.count - 1 { out += "  " }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + "\n"
    }
}
