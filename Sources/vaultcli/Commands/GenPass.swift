import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    /// `vaultcli genpass`: random passwords, passphrases and PINs. No vault needed.
    struct GenPass: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "genpass",
            abstract: "Generate random passwords, passphrases (EFF long wordlist) or PINs.",
            discussion: """
            By default: one password of 20 characters with at least one uppercase letter, one \
            lowercase letter, one digit and one symbol, which passes the default password policy \
            and carries about 131 bits of entropy. Every character is drawn with libsodium's \
            randombytes_uniform (no modulo bias).

            --json gives each result with the entropy of the distribution it was drawn from: \
            log2 of the number of strings the settings allow (counted exactly when every class \
            must appear), less what the policy filter removes.

            PINs (--pin N) are digits only. They never are a common PIN (000000, 123456, a \
            repeated or sequential pattern, a date), but they fail the password policy by design: \
            use them for terminals and cards, not as operator passwords. Passphrases pass the \
            policy's character rule only with --with-number (and a symbol separator such as -).
            """
        )

        @Option(name: .long, help: ArgumentHelp("Password length in characters (default 20).", valueName: "n"))
        var length: Int?

        @Option(name: .long, help: ArgumentHelp("Character classes, comma-separated: upper, lower, digits, symbols (also letters, all). Default: all four.", valueName: "list"))
        var classes: String?

        @Flag(name: .long, inversion: .prefixedNo, help: "Add or remove uppercase letters A-Z.")
        var upper: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: "Add or remove lowercase letters a-z.")
        var lower: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: "Add or remove digits 0-9.")
        var digits: Bool?

        @Flag(name: .long, inversion: .prefixedNo, help: "Add or remove the 32 ASCII symbols.")
        var symbols: Bool?

        @Flag(name: .customLong("no-ambiguous"), help: "Leave out characters that are easy to misread: 0 O 1 l I |.")
        var noAmbiguous = false

        @Option(name: .long, help: ArgumentHelp("Characters never to use.", valueName: "chars"))
        var exclude: String?

        @Flag(name: .long, inversion: .prefixedNo, help: "Make every chosen class appear at least once (default on).")
        var requireEach: Bool?

        @Option(name: .long, help: ArgumentHelp("A passphrase of N words from the EFF long wordlist.", valueName: "n"))
        var words: Int?

        @Flag(name: .long, help: "A passphrase of 6 words (the same as --words 6).")
        var passphrase = false

        @Option(name: .long, help: ArgumentHelp("Passphrase word separator (default -).", valueName: "text"))
        var separator: String?

        @Flag(name: .long, help: "Capitalise each passphrase word.")
        var capitalize = false

        @Flag(name: .long, help: "Add one random digit after one random passphrase word.")
        var withNumber = false

        @Option(name: .long, help: ArgumentHelp("A numeric PIN of N digits (4 to 12; 6 is usual for terminals).", valueName: "n"))
        var pin: Int?

        @Option(name: .long, help: ArgumentHelp("How many to generate (default 1, at most 10000).", valueName: "n"))
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
                        Diagnostics.note("\(fixedPoint(first.secret.entropyBits, decimals: 1)) bits of entropy each")
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
                throw UsageError(message: "--pin and \(c.words != nil ? "--words" : "--passphrase") ask for two different things",
                                 hints: ["use --pin N for a PIN, or --words N for a passphrase"])
            }
            if let o = (passwordOptions + phraseOptions).first {
                throw UsageError(message: "\(o) does not apply to --pin: a PIN is digits only",
                                 hints: ["drop \(o), or drop --pin to generate a password"])
            }
            return try PasswordGenerator().pins(PINSpec(length: pin), count: c.count).map { Result(kind: "pin", secret: $0) }
        }

        if wantsPhrase {
            if c.words != nil && c.passphrase {
                throw UsageError(message: "--passphrase and --words both choose the number of words", hints: ["use one of them"])
            }
            if let o = passwordOptions.first {
                throw UsageError(message: "\(o) does not apply to a passphrase", hints: ["drop \(o), or drop --words to generate a password"])
            }
            let spec = PassphraseSpec(words: c.words ?? 6, separator: c.separator ?? "-", capitalize: c.capitalize, withNumber: c.withNumber)
            return try PasswordGenerator().passphrases(spec, count: c.count).map { Result(kind: "passphrase", secret: $0) }
        }

        if let o = phraseOptions.first {
            throw UsageError(message: "\(o) applies only to passphrases", hints: ["add --words N (or --passphrase), or drop \(o)"])
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
            throw UsageError(message: "--classes is empty", hints: ["name at least one of upper, lower, digits, symbols, e.g. --classes lower,digits"])
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
                throw UsageError(message: "\"\(n)\" is not a character class", hints: ["the classes are upper, lower, digits and symbols (also letters and all)"])
            }
            for a in add where !out.contains(a) { out.append(a) }
        }
        return out
    }
}
