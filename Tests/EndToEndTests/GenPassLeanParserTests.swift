import Foundation
import XCTest

/// `vaultcli genpass` in its plain spellings is read by a lean parser before swift-argument-parser
/// (issue 12: start-up). Each invocation here runs through the built binary both ways
/// (VAULTCLI_GENPASS_PARSER=full and =lean, a knob of debug builds only): the lean parser takes
/// exactly the invocations listed as lean, and what comes out (exit status, stderr, and stdout,
/// whose passwords are random: its lines' lengths, and the JSON fields but the values) is the
/// same either way; the default (no knob) answers as the full parser does too.
final class GenPassLeanParserTests: XCTestCase {
    /// Taken by the lean parser: successes, and combinations the frontend refuses.
    let lean: [[String]] = [
        [],
        ["--json"],
        ["--count", "3"],
        ["--length", "12", "--count", "5"],
        ["--length", "007"],
        ["--pin", "6"],
        ["--pin", "4", "--json", "--count", "2"],
        ["--words", "5", "--separator", " "],
        ["--passphrase", "--capitalize", "--with-number", "--json"],
        ["--json", "--count", "2", "--words", "4", "--separator", "_"],
        ["--classes", "lower,digits", "--length", "10", "--json"],
        ["--no-symbols", "--no-upper", "--count", "4"],
        ["--upper", "--lower", "--digits", "--symbols", "--require-each"],
        ["--no-ambiguous", "--exclude", "abc#", "--count", "20"],
        ["--no-require-each", "--classes", "digits", "--json"],
        ["--upper", "--classes", "digits", "--length", "8"],
        ["--no-digits", "--no-lower", "--length", "9"],
        // Refused by the frontend, with the same words either way.
        ["--length", "0"],
        ["--length", "3"],
        ["--count", "0"],
        ["--count", "10001"],
        ["--pin", "6", "--words", "4"],
        ["--pin", "6", "--passphrase"],
        ["--pin", "3"],
        ["--pin", "6", "--upper"],
        ["--words", "4", "--length", "8"],
        ["--words", "4", "--separator", "and"],
        ["--capitalize"],
        ["--with-number", "--length", "12"],
        ["--classes", "upper,emoji"],
        ["--classes", " , "],
        ["--exclude", "0123456789"],
        ["--no-upper", "--no-lower", "--no-digits", "--no-symbols"],
        ["--length", "99999999999999999"],
    ]

    /// Left to swift-argument-parser: help, other spellings, repeats, values it reads its way.
    let full: [[String]] = [
        ["--help"],
        ["-h"],
        ["help"],
        ["--version"],
        ["--bogus"],
        ["x"],
        ["--", "--json"],
        ["--count=2"],
        ["--length", "abc"],
        ["--length", "-5"],
        ["--length", "+5"],
        ["--length", "999999999999999999999"],
        ["--length"],
        ["--classes", ""],
        ["--exclude", "-x"],
        ["--separator", "--"],
        ["--count", "1", "--count", "2"],
        ["--json", "--json"],
        ["--upper", "--no-upper"],
        ["--no-ambiguous", "--no-ambiguous"],
        ["--JSON"],
    ]

    struct Shape: Equatable {
        let status: Int32
        let stderr: String
        let stdout: String
    }

    /// What must not differ between the parsers. Outputs are random: a password's length is
    /// fixed by the options, a passphrase's is not (its words are drawn); a password's entropy
    /// comes with an estimate of the policy filter's share from random draws, so it may move in
    /// its second decimal. So each stdout line becomes its length (passwords and PINs only), and
    /// each JSON result its fields but the value, the entropy to the nearest bit.
    func shape(_ o: CLI.Output, _ args: [String]) -> Shape {
        let phrase = args.contains("--words") || args.contains("--passphrase")
        var out = o.stdout
        if let a = o.json as? [[String: Any]] {
            out = a.map { r in
                r.keys.sorted().compactMap { k -> String? in
                    switch k {
                    case "value", "length": return phrase ? nil : "\(k):\((r["value"] as? String)?.unicodeScalars.count ?? -1)"
                    case "entropy_bits": return "\(k):\(((r[k] as? Double) ?? -1).rounded())"
                    default: return "\(k):\(r[k]!)"
                    }
                }.joined(separator: ",")
            }.joined(separator: "\n")
        } else if o.status == 0 {
            out = o.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .map { phrase && !$0.isEmpty ? "phrase" : "\($0.unicodeScalars.count)" }.joined(separator: " ")
        }
        return Shape(status: o.status, stderr: o.stderr, stdout: out)
    }

    func run(_ args: [String], parser: String?) -> CLI.Output {
        CLI.run(["genpass"] + args, env: parser.map { ["VAULTCLI_GENPASS_PARSER": $0] } ?? [:])
    }

    func requireParserKnob() throws {
        let probe = run(["--help"], parser: "lean")
        try XCTSkipIf(probe.status == 0, "a release binary (VAULTCLI_BIN): the parser knob exists in debug builds only")
        XCTAssertEqual(probe.status, 70, "\(probe)")
        XCTAssertTrue(probe.stderr.contains("the lean parser does not take these arguments"), probe.stderr)
    }

    func testPlainSpellingsTakeTheLeanPathAndAnswerAsTheFullParser() throws {
        try requireParserKnob()
        for args in lean {
            let viaFull = run(args, parser: "full"), viaLean = run(args, parser: "lean"), byDefault = run(args, parser: nil)
            XCTAssertNotEqual(viaLean.status, 70, "\(args): the lean parser should take this: \(viaLean)")
            XCTAssertEqual(shape(viaLean, args), shape(viaFull, args), "\(args)")
            XCTAssertEqual(shape(byDefault, args), shape(viaFull, args), "\(args)")
        }
    }

    func testEverythingElseGoesToTheFullParser() throws {
        try requireParserKnob()
        for args in full {
            let viaLean = run(args, parser: "lean")
            XCTAssertEqual(viaLean.status, 70, "\(args): the lean parser should leave this to the full parser: \(viaLean)")
            XCTAssertEqual(viaLean.stdout, "", "\(args)")
            let viaFull = run(args, parser: "full"), byDefault = run(args, parser: nil)
            XCTAssertEqual(shape(byDefault, args), shape(viaFull, args), "\(args)")
            XCTAssertNotEqual(byDefault.status, 70, "\(args): \(byDefault)")
        }
    }

    /// The lean path is not a different command: the default password still passes the policy,
    /// and --help (full parser) still describes genpass.
    func testLeanDefaultAndHelp() throws {
        let o = CLI.run(["genpass"])
        XCTAssertEqual(o.status, 0, "\(o)")
        XCTAssertEqual(o.stderr, "")
        XCTAssertEqual(o.stdout.count, 21)
        let help = CLI.run(["genpass", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: vaultcli genpass"), help.stdout)
    }
}
