import Foundation
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

    /// Pretty, sorted JSON for `--json`.
    static func json(_ value: Any) {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
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
