import Foundation

/// Finds English sentences left in text meant to be Simplified Chinese.
///
/// An English sentence here is a run of two or more English words side by side, where a word is
/// two or more ASCII letters, not all capitals, and the words are separated only by ASCII spaces
/// and punctuation. What stays the same in every language is taken out first and breaks a run:
/// - the `vaultcli: error: ` / `hint: ` / `warning: ` / `vaultcli: ` voice at the start of a line;
/// - code spans in backticks, and a command line from `vaultcli` to the end of its ASCII run;
/// - flags (`-o`, `--user`), paths and URLs (anything with `/`), `$VARIABLES`, e-mail addresses;
/// - ids, numbers and times (any token with a digit), placeholders and abbreviations in capitals
///   (NAME, FILE, CNY: `capitals`);
/// - units (ms, s, KiB, MiB, MB), and names of products and brands (Google Authenticator);
/// - the values a command takes as they are typed: a transaction's kind and status (`--kind sale`,
///   `--status approved`), shown as such in `tx list`, and roles (`--role cashier`); value names
///   in a synopsis (`<role>`);
/// - any character outside ASCII (Chinese text, full-width punctuation).
enum EnglishText {
    static let units: Set<String> = ["ms", "KiB", "MiB", "MB", "GB", "KB"]
    /// Names of products and brands, written as their makers write them.
    static let names: Set<String> = ["Google", "Microsoft", "Authenticator", "FreeOTP", "Lakala", "UnionPay", "Alipay", "WeChat", "Excel", "Debian", "bookworm"]
    static let values: Set<String> = ["sale", "refund", "void", "approved", "declined", "pending", "reversed", "cashier", "manager", "admin"]
    /// Placeholders and abbreviations in capitals that stay as they are (other words in
    /// capitals, like an English column title, are English words).
    static let capitals: Set<String> = ["NAME", "FILE", "PATH", "DIR", "THEIR-NAME", "CNY", "USD", "USB", "UTC", "JSON", "CSV", "PIN",
                                        "TOTP", "MAC", "HMAC", "ID", "URI", "QR", "TTY", "ASCII", "EFF", "UTS", "KDF", "PAN", "OK", "AGE-SECRET-KEY",
                                        "PCI", "DSS", "PIPL", "ISO", "PNG", "UTF-8", "SHA", "PIN",
                                        // CR LF: the names of the two line-end characters (--excel)
                                        "CR", "LF"]

    /// The English sentences in `text`, each as its words joined by spaces.
    static func sentences(in text: String) -> [String] {
        var found: [String] = []
        // The voice at the start of a line, then code spans (which help text may wrap across
        // lines), then line by line.
        let unvoiced = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            var line = String(raw)
            for prefix in ["vaultcli: error: ", "vaultcli: hint: ", "vaultcli: warning: ", "vaultcli: "] where line.hasPrefix(prefix) {
                line = String(line.dropFirst(prefix.count)); break
            }
            return line
        }.joined(separator: "\n")
        let spansOut = unvoiced.replacingOccurrences(of: "`[^`]*`", with: " \u{1} ", options: .regularExpression)
        for rawLine in spansOut.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            // Everything outside ASCII breaks a run.
            line = line.unicodeScalars.map { $0.isASCII ? String($0) : " \u{1} " }.joined()
            var run: [String] = []
            var inCommand = false
            func flush() { if run.count >= 2 { found.append(run.joined(separator: " ")) }; run = [] }
            for piece in line.split(separator: " ", omittingEmptySubsequences: true) {
                var token = String(piece)
                if token.contains("\u{1}") { flush(); inCommand = false; continue }
                if inCommand { continue }
                // A value's name in a synopsis (<role>, [<options>]) is a placeholder.
                if token.hasPrefix("<") || token.hasPrefix("[<") { flush(); continue }
                token = token.trimmingCharacters(in: CharacterSet(charactersIn: "()[]{},;:.!?\"'<>=|*"))
                if token == "vaultcli" { flush(); inCommand = true; continue }
                if isWord(token) { run.append(token) } else { flush() }
            }
            flush()
        }
        return found
    }

    static func isWord(_ t: String) -> Bool {
        guard t.count >= 2, !units.contains(t), !values.contains(t), !names.contains(t) else { return false }
        guard t.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "'" || $0 == "-") }), t.first!.isLetter else { return false }
        if capitals.contains(t) { return false }
        return true
    }
}
