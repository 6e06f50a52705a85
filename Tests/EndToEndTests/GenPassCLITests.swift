import Foundation
import XCTest
import Vault
import VaultCrypto

/// `vaultcli genpass` through the built binary: every flag and every bad combination.
final class GenPassCLITests: XCTestCase {
    func results(_ o: CLI.Output, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        XCTAssertEqual(o.status, 0, "\(o)", file: file, line: line)
        guard let a = o.json as? [[String: Any]] else { XCTFail("not a JSON array: \(o)", file: file, line: line); return [] }
        return a
    }

    func testDefaultIsOnePolicyPassingPasswordOf20() throws {
        let o = CLI.run(["genpass"])
        XCTAssertEqual(o.status, 0, "\(o)")
        XCTAssertEqual(o.stderr, "", "no chatter on stderr when it is not a terminal")
        let lines = o.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0].unicodeScalars.count, 20)
        XCTAssertEqual(lines[1], "")
        XCTAssertEqual(PolicyChecker.check(password: try SecretBytes(utf8: String(lines[0]))), [])
    }

    func testJSONCarriesEntropy() {
        let a = results(CLI.run(["genpass", "--json", "--count", "3"]))
        XCTAssertEqual(a.count, 3)
        for r in a {
            XCTAssertEqual(r["kind"] as? String, "password")
            XCTAssertEqual((r["value"] as? String)?.count, 20)
            XCTAssertEqual(r["length"] as? Int, 20)
            let bits = r["entropy_bits"] as? Double ?? 0
            XCTAssertGreaterThanOrEqual(bits, 80)
            XCTAssertEqual(bits, 130.9, accuracy: 0.1)
        }
    }

    func testLengthClassesAndExactEntropy() {
        // lower + digits, 10 long, every class: exactly 36^10 - 26^10 - 10^10 strings.
        let a = results(CLI.run(["genpass", "--length", "10", "--classes", "lower,digits", "--json", "--count", "50"]))
        let exact = log2(pow(36.0, 10) - pow(26.0, 10) - pow(10.0, 10))
        for r in a {
            let v = r["value"] as! String
            XCTAssertEqual(v.count, 10)
            XCTAssertTrue(v.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }, v)
            XCTAssertTrue(v.contains { $0.isNumber } && v.contains { $0.isLetter }, v)
            XCTAssertEqual(r["entropy_bits"] as! Double, (exact * 100).rounded(.down) / 100, accuracy: 1e-9)
        }
        // --no-require-each: 36^10 exactly.
        let b = results(CLI.run(["genpass", "--length", "10", "--classes", "lower,digits", "--no-require-each", "--json"]))
        XCTAssertEqual(b[0]["entropy_bits"] as! Double, (10 * log2(36.0) * 100).rounded(.down) / 100, accuracy: 1e-9)
    }

    func testClassFlags() {
        let o = CLI.run(["genpass", "--no-symbols", "--no-upper", "--count", "20", "--length", "16"])
        XCTAssertEqual(o.status, 0, "\(o)")
        for l in o.stdout.split(separator: "\n") {
            XCTAssertTrue(l.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }, String(l))
        }
        let u = CLI.run(["genpass", "--classes", "digits", "--upper", "--count", "20", "--length", "8"])
        XCTAssertEqual(u.status, 0, "\(u)")
        for l in u.stdout.split(separator: "\n") {
            XCTAssertTrue(l.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }, String(l))
            XCTAssertTrue(l.contains { $0.isUppercase } && l.contains { $0.isNumber }, String(l))
        }
        let letters = CLI.run(["genpass", "--classes", "letters", "--length", "12", "--count", "10"])
        XCTAssertEqual(letters.status, 0)
        XCTAssertTrue(letters.stdout.split(separator: "\n").allSatisfy { $0.allSatisfy(\.isLetter) })
    }

    func testNoAmbiguousAndExclude() {
        let o = CLI.run(["genpass", "--no-ambiguous", "--exclude", "abc#", "--count", "300"])
        XCTAssertEqual(o.status, 0, "\(o)")
        for ch in "0O1lI|abc#" { XCTAssertFalse(o.stdout.contains(ch), "found \(ch)") }
    }

    func testPassphrases() {
        let words = Set(try! String(contentsOf: CLI.packageRoot.appendingPathComponent("Sources/Vault/Resources/eff-long-wordlist.txt"), encoding: .utf8).split(separator: "\n").map(String.init))
        let o = CLI.run(["genpass", "--words", "5", "--separator", " ", "--count", "20"])
        XCTAssertEqual(o.status, 0, "\(o)")
        for l in o.stdout.split(separator: "\n") {
            let parts = l.split(separator: " ").map(String.init)
            XCTAssertEqual(parts.count, 5)
            XCTAssertTrue(parts.allSatisfy(words.contains), String(l))
        }
        let p = results(CLI.run(["genpass", "--passphrase", "--json"]))
        XCTAssertEqual(p[0]["kind"] as? String, "passphrase")
        XCTAssertEqual(p[0]["entropy_bits"] as! Double, (6 * log2(7776.0) * 100).rounded(.down) / 100, accuracy: 1e-9)
        // A separator no word contains ("-" is inside some EFF words, such as yo-yo).
        let c = results(CLI.run(["genpass", "--words", "4", "--separator", "_", "--capitalize", "--with-number", "--json", "--count", "20"]))
        for r in c {
            let v = r["value"] as! String
            XCTAssertEqual(v.filter(\.isNumber).count, 1, v)
            XCTAssertEqual(v.split(separator: "_").count, 4, v)
            XCTAssertTrue(v.split(separator: "_").allSatisfy { $0.first!.isUppercase }, v)
            XCTAssertEqual(r["entropy_bits"] as! Double, ((4 * log2(7776.0) + log2(40)) * 100).rounded(.down) / 100, accuracy: 1e-9)
        }
    }

    func testPINs() {
        let a = results(CLI.run(["genpass", "--pin", "6", "--count", "200", "--json"]))
        XCTAssertEqual(a.count, 200)
        let excluded = PasswordGenerator.excludedPINs(length: 6)
        for r in a {
            let v = r["value"] as! String
            XCTAssertEqual(r["kind"] as? String, "pin")
            XCTAssertEqual(v.count, 6)
            XCTAssertTrue(v.allSatisfy(\.isNumber))
            XCTAssertFalse(["000000", "123456", "111111", "654321"].contains(v))
            XCTAssertFalse(excluded.contains(v))
            XCTAssertEqual(r["entropy_bits"] as! Double, (log2(1e6 - Double(excluded.count)) * 100).rounded(.down) / 100, accuracy: 1e-9)
        }
        let four = CLI.run(["genpass", "--pin", "4"])
        XCTAssertEqual(four.status, 0)
        XCTAssertEqual(four.stdout.count, 5)
        let help = CLI.run(["genpass", "--help"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flat.contains("fail the password policy by design"), help.stdout)
    }

    func testCount() {
        let o = CLI.run(["genpass", "--count", "25", "--length", "12"])
        XCTAssertEqual(o.status, 0)
        let lines = o.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 25)
        XCTAssertEqual(Set(lines).count, 25)
    }

    func testBadCombinationsGiveClearErrors() {
        assertUsageError(["genpass", "--length", "0"], mentions: "--length must be between 1 and 1024, not 0")
        assertUsageError(["genpass", "--length", "2000"], mentions: "--length must be between 1 and 1024")
        assertUsageError(["genpass", "--length", "3"], mentions: "cannot hold one of each of the 4 chosen classes")
        assertUsageError(["genpass", "--length", "2", "--classes", "upper,lower,digits"], mentions: "cannot hold one of each of the 3")
        assertUsageError(["genpass", "--no-upper", "--no-lower", "--no-digits", "--no-symbols"], mentions: "no character class is chosen")
        assertUsageError(["genpass", "--classes", ""], mentions: "--classes is empty")
        assertUsageError(["genpass", "--classes", "upper,emoji"], mentions: "\"emoji\" is not a character class")
        assertUsageError(["genpass", "--exclude", "0123456789"], mentions: "every character of the digits class is excluded")
        assertUsageError(["genpass", "--classes", "digits", "--no-require-each", "--exclude", "0123456789"], mentions: "every character is excluded")
        assertUsageError(["genpass", "--pin", "6", "--words", "4"], mentions: "--pin and --words ask for two different things")
        assertUsageError(["genpass", "--pin", "6", "--passphrase"], mentions: "--pin and --passphrase")
        assertUsageError(["genpass", "--pin", "3"], mentions: "--pin must be between 4 and 12, not 3")
        assertUsageError(["genpass", "--pin", "13"], mentions: "--pin must be between 4 and 12")
        assertUsageError(["genpass", "--pin", "6", "--classes", "upper"], mentions: "--classes does not apply to --pin: a PIN is digits only")
        assertUsageError(["genpass", "--pin", "6", "--upper"], mentions: "--upper does not apply to --pin")
        assertUsageError(["genpass", "--pin", "6", "--length", "8"], mentions: "--length does not apply to --pin")
        assertUsageError(["genpass", "--pin", "6", "--separator", "-"], mentions: "--separator does not apply to --pin")
        assertUsageError(["genpass", "--words", "4", "--length", "8"], mentions: "--length does not apply to a passphrase")
        assertUsageError(["genpass", "--words", "4", "--no-ambiguous"], mentions: "--no-ambiguous does not apply to a passphrase")
        assertUsageError(["genpass", "--words", "4", "--passphrase"], mentions: "--passphrase and --words")
        assertUsageError(["genpass", "--words", "0"], mentions: "--words must be between 1 and 64, not 0")
        assertUsageError(["genpass", "--words", "4", "--separator", "and"], mentions: "separator contains letters")
        assertUsageError(["genpass", "--words", "4", "--separator", "7", "--with-number"], mentions: "separator contains digits")
        assertUsageError(["genpass", "--words", "4", "--separator", "========="], mentions: "at most 8")
        assertUsageError(["genpass", "--capitalize"], mentions: "--capitalize applies only to passphrases")
        assertUsageError(["genpass", "--with-number", "--length", "12"], mentions: "--with-number applies only to passphrases")
        assertUsageError(["genpass", "--count", "0"], mentions: "--count must be between 1 and 10000, not 0")
        assertUsageError(["genpass", "--count", "10001"], mentions: "--count must be between 1 and 10000")
        assertUsageError(["genpass", "--length", "abc"], mentions: "abc")
        assertUsageError(["genpass", "--bogus"], mentions: "--bogus")
    }
}
