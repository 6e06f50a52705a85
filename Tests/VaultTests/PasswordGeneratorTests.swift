import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

final class PasswordGeneratorTests: XCTestCase {
    let gen = PasswordGenerator()

    func testDefaultsPassThePolicyWithAtLeast80Bits() throws {
        let results = try gen.passwords(PasswordSpec(), count: 2000)
        XCTAssertEqual(results.count, 2000)
        XCTAssertEqual(Set(results.map(\.value)).count, 2000)
        for r in results {
            XCTAssertEqual(r.value.unicodeScalars.count, 20)
            XCTAssertGreaterThanOrEqual(r.entropyBits, 80)
            let v = PolicyChecker.check(password: try SecretBytes(utf8: r.value))
            XCTAssertEqual(v, [], "a default genpass password failed the policy: \(v.map(\.rule))")
        }
        // 20 characters from 94 with every class present: log2 of the exact count is 130.9...
        XCTAssertEqual(results[0].entropyBits, 130.9, accuracy: 0.1)
    }

    /// Without the entropy estimate (genpass when the figure is not shown) the passwords still
    /// pass the policy filter; the figure is the count before the filter.
    func testWithoutTheEstimateThePolicyFilterStillApplies() throws {
        let results = try gen.passwords(PasswordSpec(), count: 300, estimateEntropy: false)
        XCTAssertEqual(results.count, 300)
        for r in results {
            XCTAssertEqual(PolicyChecker.check(password: try SecretBytes(utf8: r.value)), [])
            XCTAssertEqual(r.entropyBits, try PasswordGenerator.classEntropyBits(PasswordSpec()))
        }
        let estimated = try gen.passwords(PasswordSpec(), count: 1)[0].entropyBits
        XCTAssertLessThan(estimated, results[0].entropyBits)
    }

    func testEveryClassPresentAndExclusionsHonoured() throws {
        var spec = PasswordSpec(length: 6, excludeAmbiguous: true, exclude: Set("abc%".unicodeScalars))
        spec.policyFilter = false
        for r in try gen.passwords(spec, count: 500) {
            let s = r.value.unicodeScalars
            XCTAssertTrue(s.contains { CharacterClass.upper.characters.contains($0) })
            XCTAssertTrue(s.contains { CharacterClass.lower.characters.contains($0) })
            XCTAssertTrue(s.contains { CharacterClass.digits.characters.contains($0) })
            XCTAssertTrue(s.contains { CharacterClass.symbols.characters.contains($0) })
            for c in "0O1lI|abc%".unicodeScalars { XCTAssertFalse(s.contains(c)) }
        }
    }

    func testEntropyIsTheExactCountOfAcceptableStrings() throws {
        // Length equal to the number of classes: exactly 4! * 26 * 26 * 10 * 32 strings.
        let four = PasswordSpec(length: 4, policyFilter: false)
        XCTAssertEqual(try PasswordGenerator.classEntropyBits(four), log2(24.0 * 26 * 26 * 10 * 32), accuracy: 1e-9)
        // Without the class rule: 94^n.
        let free = PasswordSpec(length: 10, requireEach: false)
        XCTAssertEqual(try PasswordGenerator.classEntropyBits(free), 10 * log2(94.0), accuracy: 1e-9)
        // A tiny alphabet, counted by brute force: upper {A, B}, digits {7, 8, 9}.
        let keep: Set<Unicode.Scalar> = ["A", "B", "7", "8", "9"]
        let exclude = Set((CharacterClass.upper.characters + CharacterClass.digits.characters).filter { !keep.contains($0) })
        let tiny = PasswordSpec(length: 5, classes: [.upper, .digits], exclude: exclude, policyFilter: false)
        var count = 0
        let alphabet: [Character] = ["A", "B", "7", "8", "9"]
        for n in 0..<Int(pow(5.0, 5)) {
            var v = n, s: [Character] = []
            for _ in 0..<5 { s.append(alphabet[v % 5]); v /= 5 }
            if s.contains(where: { $0.isLetter }) && s.contains(where: { $0.isNumber }) { count += 1 }
        }
        XCTAssertEqual(try PasswordGenerator.classEntropyBits(tiny), log2(Double(count)), accuracy: 1e-9)
        XCTAssertLessThan(try PasswordGenerator.classEntropyBits(tiny), 5 * log2(5.0))
    }

    func testFilteredEntropyIsBelowTheClassCountButClose() throws {
        let r = try gen.passwords(PasswordSpec(), count: 1)[0]
        let exact = try PasswordGenerator.classEntropyBits(PasswordSpec())
        XCTAssertLessThan(r.entropyBits, exact)
        XCTAssertGreaterThan(r.entropyBits, exact - 0.05)
    }

    func testGeneratorErrors() {
        func fails(_ spec: PasswordSpec, _ expected: GeneratorError) {
            XCTAssertThrowsError(try gen.passwords(spec)) { XCTAssertEqual($0 as? GeneratorError, expected) }
        }
        fails(PasswordSpec(length: 0), .outOfRange(what: "--length", value: 0, range: 1...1024))
        fails(PasswordSpec(length: 3), .tooShortForClasses(length: 3, classes: 4))
        fails(PasswordSpec(classes: []), .noClasses)
        fails(PasswordSpec(exclude: Set(CharacterClass.digits.characters)), .classEmptied(.digits))
        fails(PasswordSpec(classes: [.digits], exclude: Set(CharacterClass.digits.characters), requireEach: false), .nothingLeft)
        XCTAssertThrowsError(try gen.pins(PINSpec(length: 3))) { XCTAssertEqual($0 as? GeneratorError, .outOfRange(what: "--pin", value: 3, range: 4...12)) }
        XCTAssertThrowsError(try gen.passphrases(PassphraseSpec(words: 0)))
        XCTAssertThrowsError(try gen.passphrases(PassphraseSpec(separator: "x"))) { XCTAssertEqual($0 as? GeneratorError, .separatorHasLetters) }
        XCTAssertThrowsError(try gen.passphrases(PassphraseSpec(separator: "1", withNumber: true))) { XCTAssertEqual($0 as? GeneratorError, .separatorHasDigits) }
        for e in [GeneratorError.noClasses, .nothingLeft, .tooShortForClasses(length: 3, classes: 4)] {
            XCTAssertEqual(e.exitCode, .usage)
            XCTAssertFalse(e.hints.isEmpty)
        }
    }

    func testPassphrases() throws {
        for _ in 0..<200 {
            let d = gen.passphraseDraw(PassphraseSpec())
            XCTAssertEqual(d.indices.count, 6)
            XCTAssertEqual(d.value, d.indices.map { PasswordData.effWords[$0] }.joined(separator: "-"))
        }
        for r in try gen.passphrases(PassphraseSpec(), count: 50) {
            XCTAssertEqual(r.entropyBits, 6 * log2(7776), accuracy: 1e-9)
            XCTAssertGreaterThanOrEqual(r.value.split(separator: "-").count, 6)
        }
        let cap = try gen.passphrases(PassphraseSpec(words: 5, separator: " ", capitalize: true, withNumber: true), count: 200)
        for r in cap {
            let parts = r.value.split(separator: " ")
            XCTAssertEqual(parts.count, 5)
            XCTAssertTrue(parts.allSatisfy { $0.first!.isUppercase })
            XCTAssertEqual(r.value.filter(\.isNumber).count, 1)
            XCTAssertEqual(r.entropyBits, 5 * log2(7776) + log2(50), accuracy: 1e-9)
        }
        // With a number and a symbol separator, a passphrase has every class the policy asks for.
        for r in try gen.passphrases(PassphraseSpec(withNumber: true), count: 20) {
            let rules = PolicyChecker.check(password: try SecretBytes(utf8: r.value)).map(\.rule)
            XCTAssertFalse(rules.contains("character-classes"), r.value)
        }
    }

    func testPINs() throws {
        let excluded = PasswordGenerator.excludedPINs(length: 6)
        for p in ["000000", "123456", "654321", "111111", "121212", "123123", "112233", "311299", "122531", "991231", "147258", "890123", "520520"] {
            XCTAssertTrue(excluded.contains(p), p)
        }
        XCTAssertFalse(excluded.contains("384920"))
        XCTAssertTrue(PasswordGenerator.excludedPINs(length: 4).isSuperset(of: ["1234", "0000", "1990", "2580", "0101", "1231", "1212"]))
        XCTAssertTrue(PasswordGenerator.excludedPINs(length: 8).isSuperset(of: ["19900101", "01011990", "12345678", "11223344"]))
        let pins = try gen.pins(PINSpec(length: 6), count: 3000)
        for p in pins {
            XCTAssertEqual(p.value.count, 6)
            XCTAssertTrue(p.value.allSatisfy(\.isNumber))
            XCTAssertFalse(excluded.contains(p.value), p.value)
            XCTAssertEqual(p.entropyBits, log2(1e6 - Double(excluded.count)), accuracy: 1e-9)
        }
        XCTAssertGreaterThan(Set(pins.map(\.value)).count, 2900)
        // PINs fail the password policy by design.
        XCTAssertFalse(PolicyChecker.check(password: try SecretBytes(utf8: pins[0].value)).isEmpty)
    }
}
