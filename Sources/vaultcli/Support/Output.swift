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
