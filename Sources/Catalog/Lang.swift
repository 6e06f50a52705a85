/// The language of vaultcli's messages, decided once at start-up (before the command line is
/// parsed, since help text depends on it) and read by every `tr` call.
///
/// Order: `--lang` on the command line, else `$VAULTCLI_LANG`, else the locale: the first
/// non-empty of `$LC_ALL`, `$LC_MESSAGES`, `$LANG` (zh_CN, zh_SG and zh_Hans mean zh-Hans;
/// anything else, C and POSIX included, means English).
public enum Lang: String, Sendable, CaseIterable {
    case en = "en"
    case zhHans = "zh-Hans"

    /// The language of this process. Set by `LangSelection.apply` at start-up (and, in the
    /// session agent, for each request from the client's environment).
    nonisolated(unsafe) public static var current: Lang = .en

    /// `body` with `lang` as the current language: text that goes into --json output is English
    /// whatever the user reads (JSON does not change with the language).
    public static func rendering<T>(_ lang: Lang, _ body: () throws -> T) rethrows -> T {
        let saved = current
        current = lang
        defer { current = saved }
        return try body()
    }

    /// The value of `--lang` or `$VAULTCLI_LANG`: `en` or `zh-Hans` (any case; `_` for `-`).
    public init?(option: String) {
        switch option.lowercased().replacingUnderscores() {
        case "en": self = .en
        case "zh-hans": self = .zhHans
        default: return nil
        }
    }

    /// A POSIX locale name (`zh_CN.UTF-8`, `zh_SG.GB18030`, `zh_Hans`, `en_US.UTF-8`, `C`).
    public static func fromLocale(_ value: String) -> Lang {
        var name = Substring(value)
        if let cut = name.firstIndex(where: { $0 == "." || $0 == "@" }) { name = name[..<cut] }
        let n = String(name).lowercased().replacingUnderscores()
        if n == "zh-cn" || n == "zh-sg" || n == "zh-hans" || n.hasPrefix("zh-hans-") { return .zhHans }
        return .en
    }

    /// The locale's language: the first non-empty of LC_ALL, LC_MESSAGES, LANG.
    public static func fromEnvironment(_ get: (String) -> String?) -> Lang {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = get(name), !v.isEmpty { return fromLocale(v) }
        }
        return .en
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}

/// `--lang` taken off the command line before parsing, wherever it is (before a `--`).
public enum LangSelection {
    public enum Problem: Error, Equatable {
        /// `--lang` with no value after it.
        case missingValue
        /// A value that is neither `en` nor `zh-Hans` (from `--lang` or, with `fromEnvironment`,
        /// from `$VAULTCLI_LANG`).
        case unknown(String, fromEnvironment: Bool)
    }

    /// The arguments without any `--lang X` / `--lang=X`, and the last value given.
    public static func take(from arguments: [String]) -> (value: String?, rest: [String], missing: Bool) {
        var rest: [String] = []
        rest.reserveCapacity(arguments.count)
        var value: String?, missing = false
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest.append(contentsOf: arguments[i...]); break }
            if a == "--lang" {
                if i + 1 < arguments.count { value = arguments[i + 1]; i += 2 } else { missing = true; i += 1 }
                continue
            }
            if a.hasPrefix("--lang=") { value = String(a.dropFirst(7)); i += 1; continue }
            rest.append(a)
            i += 1
        }
        return (value, rest, missing)
    }

    /// The language: `--lang`'s value, else `$VAULTCLI_LANG`, else the locale. A bad forced value
    /// is reported (in the locale's language) rather than ignored.
    public static func resolve(option: String?, missing: Bool, environment get: (String) -> String?) -> Result<Lang, Problem> {
        if missing { return .failure(.missingValue) }
        if let option {
            guard let l = Lang(option: option) else { return .failure(.unknown(option, fromEnvironment: false)) }
            return .success(l)
        }
        if let forced = get("VAULTCLI_LANG"), !forced.isEmpty {
            guard let l = Lang(option: forced) else { return .failure(.unknown(forced, fromEnvironment: true)) }
            return .success(l)
        }
        return .success(Lang.fromEnvironment(get))
    }
}
