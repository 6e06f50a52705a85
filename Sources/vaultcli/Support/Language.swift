import ArgumentParser
import Catalog
import Glibc
import Vault

/// The language is decided before the command line is parsed (help text depends on it):
/// `--lang` anywhere on the command line (before `--`) is taken off it, then `$VAULTCLI_LANG`,
/// then the locale (Catalog's `Lang`).
enum LanguageSetup {
    /// Sets `Lang.current` and returns the arguments without `--lang`. A forced language is put
    /// in `$VAULTCLI_LANG`, so that a command sent to the session agent speaks it too. A bad
    /// value ends the process with the usage status, in the locale's language.
    static func apply(_ arguments: [String]) -> [String] {
        let (value, rest, missing) = LangSelection.take(from: arguments)
        switch LangSelection.resolve(option: value, missing: missing, environment: env) {
        case .success(let lang):
            Lang.current = lang
            if value != nil { setenv("VAULTCLI_LANG", lang.rawValue, 1) }
            return rest
        case .failure(let problem):
            Lang.current = Lang.fromEnvironment(env)
            switch problem {
            case .missingValue: Diagnostics.error(tr(.langMissingValue))
            case .unknown(let v, false): Diagnostics.error(tr(.langUnknown, v))
            case .unknown(let v, true): Diagnostics.error(tr(.langUnknownEnvironment, v))
            }
            Glibc.exit(ExitStatus.usage.rawValue)
        }
    }

    /// The language from this process's environment alone (the session agent's child, whose
    /// environment is the client's).
    static func fromEnvironment() -> Lang {
        if case .success(let l) = LangSelection.resolve(option: nil, missing: false, environment: env) { return l }
        return Lang.fromEnvironment(env)
    }

    private static func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

/// `--lang`, declared so that it shows in --help; `LanguageSetup` takes it off the command line
/// before parsing, so the parsed value is never read.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.langOptionHelp), valueName: "en|zh-Hans"))
    var lang: String?
}
