import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The Chinese-habits layer of the policy and the strength estimate (issue 13, point 5).
final class ChineseHabitsTests: XCTestCase {
    static func weakPasswords() throws -> [String] {
        try String(contentsOf: Fixtures.url("chinese-habits/weak-passwords.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    static func check(_ pw: String, _ ctx: PersonalContext = PersonalContext()) -> [PolicyViolation] {
        PolicyChecker.check(password: try! SecretBytes(utf8: pw), context: ctx)
    }

    /// The bar: of 40 Chinese-pattern passwords that meet the composition rules, >= 38 refused.
    func testFortyChinesePatternPasswordsAreRefused() throws {
        let table = try Self.weakPasswords()
        XCTAssertEqual(table.count, 40)
        var refused = 0, byHabits = 0, englishOnlyRefused = 0
        var accepted: [String] = []
        for pw in table {
            let v = Self.check(pw)
            // Each one meets the composition rules: what refuses it is what it is made of.
            XCTAssertFalse(v.contains { $0.rule == "length" || $0.rule == "character-classes" }, "\(pw): \(v)")
            if v.isEmpty { accepted.append(pw) } else { refused += 1 }
            if v.contains(where: { if case .chineseHabits = $0 { true } else { false } }) { byHabits += 1 }
            // What the rules without the layer say: zxcvbn's English score and the other rules.
            let english = v.filter { $0.rule != "chinese-habits" && $0.rule != "strength" }
            if !english.isEmpty || StrengthEstimator.estimate(pw).score < PasswordPolicy.default.minStrengthScore { englishOnlyRefused += 1 }
        }
        print("chinese habits: \(refused) of \(table.count) refused (\(byHabits) by the chinese-habits rule); without the layer \(englishOnlyRefused) would be refused; accepted: \(accepted)")
        XCTAssertGreaterThanOrEqual(refused, 38, "accepted: \(accepted)")
    }

    func testRefusalSaysWhatWasFound() {
        func habits(_ pw: String) -> [ChineseHabit] {
            for v in Self.check(pw) { if case .chineseHabits(let h) = v { return h } }
            return []
        }
        XCTAssertEqual(habits("Zhangwei@5201314"), [.name, .number])
        XCTAssertEqual(habits("Laopo@5201314"), [.word, .number])
        XCTAssertEqual(habits("Lakala@95016!"), [.brand, .hotline])
        XCTAssertTrue(habits("Guangzhou@168").contains(.place))
        // Through the usual substitutions, and in capitals.
        XCTAssertEqual(habits("Zh@ngwei5201314"), [.name, .number])
        XCTAssertEqual(habits("L@kala@95016"), [.brand, .hotline])
        XCTAssertEqual(habits("ZHANGWEI@5201314"), [.name, .number])
        let v = Self.check("Zhangwei@5201314")
        let msg = v.first { $0.rule == "chinese-habits" }?.message ?? ""
        XCTAssertTrue(msg.contains("a Chinese name in pinyin"), msg)
        XCTAssertTrue(msg.contains("a lucky number or love number"), msg)
        XCTAssertTrue(Self.check("Lakala@95016!").first { $0.rule == "chinese-habits" }!.message.contains("a payment, bank or shop brand"))
        XCTAssertTrue(Self.check("Lakala@95016!").first { $0.rule == "chinese-habits" }!.message.contains("hotline"))
        // The estimate reports the Chinese matches as their own pattern kind.
        let (e, h) = StrengthEstimator.estimateWithChineseHabits("Zhangwei@5201314")
        XCTAssertEqual(h, [.name, .number])
        XCTAssertEqual(e.patterns.filter { $0.kind == "chinese" }.map(\.dictionary), ["cn_names", "cn_numbers"])
        XCTAssertLessThan(e.score, 3)
        XCTAssertGreaterThanOrEqual(StrengthEstimator.estimate("Zhangwei@5201314").score, 3, "zxcvbn alone accepts it: the layer is what refuses it")
    }

    func testNameForms() {
        for (token, expected) in [("zhangwei", true), ("wangfang", true), ("lixiaoming", true), ("zhangxm", true),
                                  ("weizhang", true), ("ouyangfeng", true), ("xiaoming", true), ("qwzxplk", false)] {
            let m = ChineseMatching.matches(Array(token.unicodeScalars))
            let whole = m.contains { $0.i == 0 && $0.j == token.unicodeScalars.count - 1 && $0.dictionaryName == "cn_names" }
            XCTAssertEqual(whole, expected, token)
        }
        // A common name is cheaper than a rare one.
        func rank(_ s: String) -> Int {
            ChineseMatching.matches(Array(s.unicodeScalars)).filter { $0.i == 0 && $0.j == s.count - 1 }.map(\.rank).min() ?? .max
        }
        XCTAssertLessThan(rank("zhangwei"), rank("shangguanqiu"))
    }

    /// Strong passwords that happen to hold a Chinese word stay accepted.
    func testRandomCharactersStillCarryAPassword() {
        for pw in ["Zhangwei@7f3k9Q", "Kx9#beijing-Q7mz2Lp", "correct-Horse-Staple-42", "v7#Qm2!xLp9@Rz"] {
            XCTAssertEqual(Self.check(pw), [], pw)
        }
    }

    func testTerminalIdAndMerchantNameArePersonalData() {
        let ctx = PersonalContext(username: "王芳", terminalId: "LKL80012345", merchantName: "王记面馆")
        func kinds(_ pw: String) -> [PersonalDataKind] {
            Self.check(pw, ctx).compactMap { if case .personalData(let k) = $0 { k } else { nil } }
        }
        XCTAssertTrue(kinds("Lkl80012345#xQvT").contains(.terminalId))
        XCTAssertTrue(kinds("Kq7#x80012345vT").contains(.terminalId), "the terminal's digits alone")
        XCTAssertTrue(kinds("Wangji#7Qx2kPz9").contains(.merchantName), "the shop's name in pinyin")
        XCTAssertTrue(kinds("Mianguan#7Qx2kP").contains(.merchantName))
        XCTAssertTrue(kinds("Wangfang#7Qx2kPz").contains(.username), "the operator's name 王芳 in pinyin")
        XCTAssertEqual(kinds("v7#Qm2!xLp9@Rz"), [])
        let latin = PersonalContext(merchantName: "Golden Dragon Noodles")
        XCTAssertTrue(Self.check("Goldendragon#7Qx2", latin).contains(.personalData(.merchantName)))
        XCTAssertEqual(PolicyViolation.personalData(.terminalId).message, "it contains the terminal's id")
        XCTAssertEqual(PolicyViolation.personalData(.merchantName).message, "it contains the shop's (merchant's) name")
        // A vault's checker adds its terminal id to every check.
        let v = VaultPolicyChecker(policy: .default, terminalId: "SHOP8801")
        XCTAssertTrue(v.violations(try! SecretBytes(utf8: "Shop8801#Kq7xZv"), context: PersonalContext()).contains(.personalData(.terminalId)))
        XCTAssertEqual(v.violations(try! SecretBytes(utf8: "v7#Qm2!xLp9@Rz"), context: PersonalContext()), [])
    }

    /// The bar: 2,000 default `genpass` passwords all pass, and the cashier-readable form
    /// (four EFF words and a digit, which `--generate` draws until one passes) too.
    func testGeneratedPasswordsStillPass() throws {
        let g = PasswordGenerator()
        let strong = try g.passwords(PasswordSpec(), count: 2000)
        let refused = strong.filter { !Self.check($0.value).isEmpty }
        XCTAssertEqual(refused.count, 0, "\(refused.prefix(5).map(\.value))")
        let readable = try g.passphrases(PassphraseSpec(words: 4, separator: "-", capitalize: false, withNumber: true), count: 2000)
        let ctx = PersonalContext(username: "cashier1", terminalId: "T-0017")
        var habitsRefused: [String] = [], otherRefused = 0
        for p in readable {
            let v = Self.check(p.value, ctx)
            if v.contains(where: { $0.rule == "chinese-habits" }) { habitsRefused.append(p.value) } else if !v.isEmpty { otherRefused += 1 }
        }
        print("chinese habits: genpass 2000 of 2000 accepted; readable --generate form: \(2000 - habitsRefused.count - otherRefused) of 2000 accepted, \(habitsRefused.count) refused by the chinese-habits rule, \(otherRefused) by other rules")
        XCTAssertEqual(habitsRefused, [], "the layer refuses readable passwords")
    }

    /// zxcvbn's estimate is untouched: where the layer finds nothing (or finds nothing cheaper),
    /// the layered estimate is zxcvbn's, to the bit, over the whole oracle corpus.
    func testLayerLeavesZxcvbnAloneOnTheOracleCorpus() throws {
        let expected = try StrengthOracleTests.loadExpected()
        var changed = 0
        // Every third row (about 4,000 passwords) keeps the debug-build test near a minute.
        for e in expected.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let en = StrengthEstimator.estimate(e.password)
            let (cn, habits) = StrengthEstimator.estimateWithChineseHabits(e.password)
            if habits.isEmpty {
                XCTAssertEqual(cn, en, e.password)
            } else {
                changed += 1
                XCTAssertLessThan(cn.guesses, en.guesses, e.password)
                XCTAssertTrue(cn.patterns.contains { $0.kind == "chinese" }, e.password)
            }
        }
        print("chinese habits: oracle corpus, every third of \(expected.count) passwords; the layer lowers \(changed), the rest keep zxcvbn's estimate exactly")
    }
}
