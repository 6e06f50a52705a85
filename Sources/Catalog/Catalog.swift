/// The message catalog: every user-facing string of the CLI in English and Simplified Chinese.
///
/// Each key is one case of an area's enum (`Msg.Common`, `Msg.Backup`, …: one file an area,
/// listed in Messages.swift), whose `text` is one switch that gives both languages side by side,
/// with no `default`, so a key without a translation does not compile. Callers write
/// `tr(.key)` through the key's `Msg.key`, so a key that is used but missing does not compile
/// either (CatalogTests checks that every key has its `Msg.key` and is in `Msg.allCases`).
/// Arguments are `{0}`, `{1}`, … in the text, filled by `tr` in one pass (an argument's own
/// text is never scanned for placeholders). Nothing is read from a file at start-up: the
/// catalog is code, compiled into the binary.
///
/// Terms follow docs/GLOSSARY.md. A command, flag, path or placeholder quoted in a message stays
/// exactly as it is in both languages (CatalogTests checks the `…` spans and the --flags).
public func tr(_ key: Msg, _ args: Any...) -> String {
    let t = key.text
    return Msg.fill(Lang.current == .zhHans ? t.zh : t.en, args.map { "\($0)" })
}

/// The text of `key` in `lang` (tests, and callers that render for another language).
public func tr(_ key: Msg, lang: Lang, _ args: Any...) -> String {
    let t = key.text
    return Msg.fill(lang == .zhHans ? t.zh : t.en, args.map { "\($0)" })
}

extension Msg {
    /// `{n}` in `template` replaced by `args[n]`; anything else (a `{` not followed by digits
    /// and `}`, an index with no argument) is kept as it is.
    public static func fill(_ template: String, _ args: [String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var s = Substring(template)
        while let open = s.firstIndex(of: "{") {
            out += s[..<open]
            let after = s[s.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 0, n < args.count {
                out += args[n]
                s = after[after.index(after: close)...]
            } else {
                out += "{"
                s = after
            }
        }
        out += s
        return out
    }
}
