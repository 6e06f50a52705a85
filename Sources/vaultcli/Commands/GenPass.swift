import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    /// `vaultcli genpass`: random passwords, passphrases and PINs. No vault needed.
    struct GenPass: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "genpass",
            abstract: tr(.helpGenpass),
            discussion: tr(.dGenpass)
        )

        @Option(name: .long, help: ArgumentHelp(tr(.hLength), valueName: "n"))
        var length: Int?

        @Option(name: .long, help: ArgumentHelp(tr(.hClasses), valueName: "list"))
        var classes: String?

        @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(tr(.hUpper)))
        var upper: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(tr(.hLower)))
        var lower: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(tr(.hDigits)))
        var digits: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(tr(.hSymbols)))
        var symbols: Bool?

        @Flag(name: .customLong("no-ambiguous"), help: ArgumentHelp(tr(.hNoAmbiguous)))
        var noAmbiguous = false

        @Option(name: .long, help: ArgumentHelp(tr(.hExclude), valueName: "chars"))
        var exclude: String?

        @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(tr(.hEveryClass)))
        var requireEach: Bool?

        @Option(name: .long, help: ArgumentHelp(tr(.hWords), valueName: "n"))
        var words: Int?

        @Flag(name: .long, help: ArgumentHelp(tr(.hPassphraseSix)))
        var passphrase = false

        @Option(name: .long, help: ArgumentHelp(tr(.hSeparator), valueName: "text"))
        var separator: String?

        @Flag(name: .long, help: ArgumentHelp(tr(.hCapitalize)))
        var capitalize = false

        @Flag(name: .long, help: ArgumentHelp(tr(.hWithNumber)))
        var withNumber = false

        @Option(name: .long, help: ArgumentHelp(tr(.hPinN), valueName: "n"))
        var pin: Int?

        @Option(name: .long, help: ArgumentHelp(tr(.hCount), valueName: "n"))
        var count: Int = 1

        @OptionGroup var output: JSONFlag

        static let maxCount = 10_000

        struct UsageError: UserFacingError {
            let message: String
            let hints: [String]
            var exitCode: ExitStatus { .usage }
        }

        /// The options as the frontend takes them.
        var options: GenPassOptions {
            GenPassOptions(length: length, classes: classes, upper: upper, lower: lower, digits: digits, symbols: symbols,
                           noAmbiguous: noAmbiguous, exclude: exclude, requireEach: requireEach, words: words,
                           passphrase: passphrase, separator: separator, capitalize: capitalize, withNumber: withNumber,
                           pin: pin, count: count, json: output.json)
        }

        func run() throws { try Self.run(options) }

        static func run(_ options: GenPassOptions) throws {
            try runReporting {
                let results = try GenPassFrontend(command: options).generate()
                if options.json {
                    Out.json(results.map { r -> [String: Any] in
                        ["kind": r.kind, "value": r.secret.value, "length": r.secret.value.count,
                         "entropy_bits": (r.secret.entropyBits * 100).rounded(.down) / 100]
                    })
                } else {
                    for r in results { Out.line(r.secret.value) }
                    if Diagnostics.stderrIsTTY, let first = results.first {
                        Diagnostics.note(tr(.gpEntropy, fixedPoint(first.secret.entropyBits, decimals: 1)))
                    }
                }
            }
        }
    }
}

/// What `vaultcli genpass` was asked for: the command's options, whichever parser read them.
struct GenPassOptions: Equatable {
    var length: Int? = nil
    var classes: String? = nil
    var upper: Bool? = nil
    var lower: Bool? = nil
    var digits: Bool? = nil
    var symbols: Bool? = nil
    var noAmbiguous = false
    var exclude: String? = nil
    var requireEach: Bool? = nil
    var words: Int? = nil
    var passphrase = false
    var separator: String? = nil
    var capitalize = false
    var withNumber = false
    var pin: Int? = nil
    var count = 1
    var json = false

    /// The options of `vaultcli genpass ARGS` read without swift-argument-parser, for the
    /// invocations that need none of its work (issue 12: building the parser for the whole
    /// command tree was more than half of genpass's start-up). Only the plain spellings are
    /// taken: each option or flag of genpass at most once (an inversion pair counts as one),
    /// `--name value` with a value that is not empty and does not start with "-", and numbers in
    /// plain decimal digits. Anything else is nil, and goes to the full parser, which gives
    /// --help, usage errors and every other spelling their usual answer. Where this returns
    /// options, they are the ones the full parser reads (GenPassLeanParserTests runs both).
    static func lean(_ args: ArraySlice<String>) -> GenPassOptions? {
        var o = GenPassOptions()
        var seen: Set<String> = []
        var i = args.startIndex
        func once(_ name: String) -> Bool { seen.insert(name).inserted }
        func value() -> String? {
            guard i + 1 < args.endIndex else { return nil }
            let v = args[i + 1]
            guard !v.isEmpty, !v.hasPrefix("-") else { return nil }
            i += 1
            return v
        }
        func number() -> Int? {
            guard let v = value(), v.utf8.count <= 18, v.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(v)
        }
        while i < args.endIndex {
            let a = args[i]
            switch a {
            case "--length": guard once(a), let n = number() else { return nil }; o.length = n
            case "--words": guard once(a), let n = number() else { return nil }; o.words = n
            case "--pin": guard once(a), let n = number() else { return nil }; o.pin = n
            case "--count": guard once(a), let n = number() else { return nil }; o.count = n
            case "--classes": guard once(a), let v = value() else { return nil }; o.classes = v
            case "--exclude": guard once(a), let v = value() else { return nil }; o.exclude = v
            case "--separator": guard once(a), let v = value() else { return nil }; o.separator = v
            case "--upper", "--no-upper": guard once("upper") else { return nil }; o.upper = a == "--upper"
            case "--lower", "--no-lower": guard once("lower") else { return nil }; o.lower = a == "--lower"
            case "--digits", "--no-digits": guard once("digits") else { return nil }; o.digits = a == "--digits"
            case "--symbols", "--no-symbols": guard once("symbols") else { return nil }; o.symbols = a == "--symbols"
            case "--require-each", "--no-require-each": guard once("require-each") else { return nil }; o.requireEach = a == "--require-each"
            case "--no-ambiguous": guard once(a) else { return nil }; o.noAmbiguous = true
            case "--passphrase": guard once(a) else { return nil }; o.passphrase = true
            case "--capitalize": guard once(a) else { return nil }; o.capitalize = true
            case "--with-number": guard once(a) else { return nil }; o.withNumber = true
            case "--json": guard once(a) else { return nil }; o.json = true
            default: return nil
            }
            i += 1
        }
        return o
    }
}

/// Turns the genpass options into a generator call; checks the combinations.
struct GenPassFrontend {
    let command: GenPassOptions
    typealias UsageError = VaultCLI.GenPass.UsageError

    struct Result {
        let kind: String
        let secret: GeneratedSecret
    }

    func generate() throws -> [Result] {
        let c = command
        guard (1...VaultCLI.GenPass.maxCount).contains(c.count) else {
            throw GeneratorError.outOfRange(what: "--count", value: c.count, range: 1...VaultCLI.GenPass.maxCount)
        }
        var passwordOptions: [String] = []
        if c.length != nil { passwordOptions.append("--length") }
        if c.classes != nil { passwordOptions.append("--classes") }
        if c.upper != nil { passwordOptions.append(c.upper! ? "--upper" : "--no-upper") }
        if c.lower != nil { passwordOptions.append(c.lower! ? "--lower" : "--no-lower") }
        if c.digits != nil { passwordOptions.append(c.digits! ? "--digits" : "--no-digits") }
        if c.symbols != nil { passwordOptions.append(c.symbols! ? "--symbols" : "--no-symbols") }
        if c.noAmbiguous { passwordOptions.append("--no-ambiguous") }
        if c.exclude != nil { passwordOptions.append("--exclude") }
        if c.requireEach != nil { passwordOptions.append(c.requireEach! ? "--require-each" : "--no-require-each") }
        var phraseOptions: [String] = []
        if c.separator != nil { phraseOptions.append("--separator") }
        if c.capitalize { phraseOptions.append("--capitalize") }
        if c.withNumber { phraseOptions.append("--with-number") }
        let wantsPhrase = c.words != nil || c.passphrase

        if let pin = c.pin {
            if wantsPhrase {
                throw UsageError(message: tr(.gpPinVsWords, c.words != nil ? "--words" : "--passphrase"), hints: [tr(.gpPinVsWordsHint)])
            }
            if let o = (passwordOptions + phraseOptions).first {
                throw UsageError(message: tr(.gpNotForPin, o), hints: [tr(.gpNotForPinHint, o)])
            }
            return try PasswordGenerator().pins(PINSpec(length: pin), count: c.count).map { Result(kind: "pin", secret: $0) }
        }

        if wantsPhrase {
            if c.words != nil && c.passphrase {
                throw UsageError(message: tr(.gpPassphraseAndWords), hints: [tr(.gpUseOne)])
            }
            if let o = passwordOptions.first {
                throw UsageError(message: tr(.gpNotForPassphrase, o), hints: [tr(.gpNotForPassphraseHint, o)])
            }
            let spec = PassphraseSpec(words: c.words ?? 6, separator: c.separator ?? "-", capitalize: c.capitalize, withNumber: c.withNumber)
            return try PasswordGenerator().passphrases(spec, count: c.count).map { Result(kind: "passphrase", secret: $0) }
        }

        if let o = phraseOptions.first {
            throw UsageError(message: tr(.gpOnlyPassphrase, o), hints: [tr(.gpOnlyPassphraseHint, o)])
        }
        var classes: [CharacterClass] = CharacterClass.allCases
        if let list = c.classes { classes = try Self.parseClasses(list) }
        for (flag, cls) in [(c.upper, CharacterClass.upper), (c.lower, .lower), (c.digits, .digits), (c.symbols, .symbols)] {
            guard let on = flag else { continue }
            if on && !classes.contains(cls) { classes.append(cls) }
            if !on { classes.removeAll { $0 == cls } }
        }
        let spec = PasswordSpec(length: c.length ?? 20, classes: classes, excludeAmbiguous: c.noAmbiguous,
                                exclude: Set((c.exclude ?? "").unicodeScalars), requireEach: c.requireEach ?? true)
        // The entropy figure is shown with --json, or on a terminal's stderr; only then is it
        // worth the 2,000 draws that estimate the policy filter's share.
        let shown = c.json || Diagnostics.stderrIsTTY
        return try PasswordGenerator().passwords(spec, count: c.count, estimateEntropy: shown).map { Result(kind: "password", secret: $0) }
    }

    static func parseClasses(_ list: String) throws -> [CharacterClass] {
        var out: [CharacterClass] = []
        let names = list.split(separator: ",").map { $0.trimmed(.whitespaces).lowercased() }.filter { !$0.isEmpty }
        if names.isEmpty {
            throw UsageError(message: tr(.gpClassesEmpty), hints: [tr(.gpClassesEmptyHint)])
        }
        for n in names {
            let add: [CharacterClass]
            switch n {
            case "upper", "uppercase", "u": add = [.upper]
            case "lower", "lowercase", "l": add = [.lower]
            case "digits", "digit", "numbers", "d": add = [.digits]
            case "symbols", "symbol", "special", "s": add = [.symbols]
            case "letters": add = [.upper, .lower]
            case "all": add = CharacterClass.allCases
            default:
                throw UsageError(message: tr(.gpNotAClass, n), hints: [tr(.gpNotAClassHint)])
            }
            for a in add where !out.contains(a) { out.append(a) }
        }
        return out
    }
}
