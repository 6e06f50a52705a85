import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

final class PasswordPolicyTests: XCTestCase {
    func violations(_ pw: String, _ ctx: PersonalContext = PersonalContext(), policy: PasswordPolicy = .default) throws -> [PolicyViolation] {
        PolicyChecker.check(password: try SecretBytes(utf8: pw), context: ctx, policy: policy)
    }

    func rules(_ pw: String, _ ctx: PersonalContext = PersonalContext()) throws -> Set<String> {
        Set(try violations(pw, ctx).map(\.rule))
    }

    // MARK: - defaults, floors, set

    func testDefaultsMatchDesign() {
        let p = PasswordPolicy.default
        XCTAssertEqual(p.minLength, 12)
        XCTAssertTrue(p.requireLetter && p.requireDigit && p.requireSymbol)
        XCTAssertTrue(p.blocklist && p.personalDataCheck && p.patternCheck && p.changeOnFirstUse)
        XCTAssertEqual(p.historyCount, 4)
        XCTAssertEqual(p.expiryDays, 90)
        XCTAssertEqual(p.expiryWarningDays, 14)
        XCTAssertEqual(p.lockoutThreshold, 10)
        XCTAssertEqual(p.lockoutMinutes, 30)
        XCTAssertEqual(p.minStrengthScore, 3)
        XCTAssertNoThrow(try p.validate())
    }

    func testSetWithinLimits() throws {
        var p = PasswordPolicy.default
        try p.set(key: "min-length", value: "16")
        try p.set(key: "history", value: "10")
        try p.set(key: "expiry-days", value: "60")
        try p.set(key: "lockout-threshold", value: "5")
        try p.set(key: "lockout-minutes", value: "60")
        try p.set(key: "min-strength-score", value: "4")
        try p.set(key: "require-mixed-case", value: "on")
        XCTAssertEqual(p.minLength, 16)
        XCTAssertEqual(p.historyCount, 10)
        XCTAssertEqual(p.expiryDays, 60)
        XCTAssertEqual(p.lockoutThreshold, 5)
        XCTAssertEqual(p.lockoutMinutes, 60)
        XCTAssertEqual(p.minStrengthScore, 4)
        XCTAssertTrue(p.requireMixedCase)
        try p.set(key: "expiry-days", value: "10")
        XCTAssertEqual(p.expiryWarningDays, 10, "the warning cannot reach back before the password was set")
    }

    func testSetRefusesBeyondFloorsNamingTheSource() {
        func refused(_ key: String, _ value: String, mentions: String, code: ExitStatus = .policyRejected) {
            var p = PasswordPolicy.default
            XCTAssertThrowsError(try p.set(key: key, value: value), "\(key)=\(value)") { e in
                guard let e = e as? PolicyError else { return XCTFail("\(e)") }
                XCTAssertTrue(e.message.contains(mentions), "\(e.message) should mention \(mentions)")
                XCTAssertEqual(e.exitCode, code)
                XCTAssertFalse(e.hints.isEmpty)
            }
            XCTAssertEqual(p, .default, "a refused set changes nothing")
        }
        refused("min-length", "7", mentions: "PCI DSS v4.0.1 8.3.6")
        refused("min-length", "7", mentions: "floor is 8")
        refused("min-length", "65", mentions: "64")
        refused("history", "3", mentions: "PCI DSS v4.0.1 8.3.7")
        refused("expiry-days", "91", mentions: "3 months")
        refused("expiry-days", "0", mentions: "floor is 1")
        refused("expiry-warning-days", "91", mentions: "90")
        refused("lockout-threshold", "11", mentions: "PCI DSS v4.0.1 8.3.4")
        refused("lockout-minutes", "29", mentions: "at least 30 minutes")
        refused("min-strength-score", "2", mentions: "floor is 3")
        refused("blocklist", "off", mentions: "ASVS")
        refused("require-symbol", "off", mentions: "cannot be turned off")
        refused("personal-data", "off", mentions: "800-63B")
        refused("patterns", "off", mentions: "cannot be turned off")
        refused("change-on-first-use", "off", mentions: "PCI DSS v4.0.1 8.3.5")
        refused("min-length", "twelve", mentions: "whole number", code: .usage)
        refused("blocklist", "maybe", mentions: "on or off", code: .usage)
        refused("no-such-key", "1", mentions: "no policy setting", code: .usage)
    }

    func testCodableRoundTripAndFloorsOnDecode() throws {
        var p = PasswordPolicy.default
        try p.set(key: "min-length", value: "14")
        let data = try JSONEncoder().encode(p)
        XCTAssertEqual(try JSONDecoder().decode(PasswordPolicy.self, from: data), p)
        var obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        obj["minLength"] = 6
        let weak = try JSONSerialization.data(withJSONObject: obj)
        XCTAssertThrowsError(try JSONDecoder().decode(PasswordPolicy.self, from: weak))
    }

    func testListingNamesEverySetting() {
        let keys = PasswordPolicy.default.listing.map(\.key)
        for k in ["min-length", "history", "expiry-days", "expiry-warning-days", "lockout-threshold", "lockout-minutes",
                  "min-strength-score", "blocklist", "personal-data", "patterns", "change-on-first-use"] {
            XCTAssertTrue(keys.contains(k), k)
        }
    }

    // MARK: - rules

    func testGoodPasswordsPass() throws {
        for pw in ["v7#Qm2!xLp9@Rz", "Tk8&wN3zP!q5sYb", "cobalt-Mirage-71-dusk", "Gr8#vT2q!mZx"] {
            XCTAssertEqual(try violations(pw), [], pw)
        }
    }

    func testLength() throws {
        XCTAssertEqual(try violations("x7#Qm2!"), [.tooShort(length: 7, minimum: 12)] + (try violations("x7#Qm2!")).filter { $0.rule != "length" })
        XCTAssertTrue(try rules("x7#Qm2!").contains("length"))
        XCTAssertFalse(try rules("x7#Qm2!xLp9@").contains("length"))
        let long = String(repeating: "a1!", count: 90)
        XCTAssertTrue(try violations(long).contains(.tooLong(length: 270, maximum: 256)))
    }

    func testCharacterClasses() throws {
        XCTAssertTrue(try violations("vmqtxzkwphrb").contains(.missingClasses([.digit, .symbol])))
        XCTAssertTrue(try violations("93814720563917").contains(.missingClasses([.letter, .symbol])))
        XCTAssertTrue(try violations("vm7qtx2kwp8hrb").contains(.missingClasses([.symbol])))
        XCTAssertFalse(try rules("vm7qtx2kwp8h rb").contains("character-classes"), "a space is a symbol")
        var strict = PasswordPolicy.default
        try strict.set(key: "require-mixed-case", value: "on")
        XCTAssertTrue(try violations("v7#qm2!xlp9@rz", policy: strict).contains(.missingClasses([.uppercase])))
    }

    func testBlocklistWithSubstitutionsAndStripping() throws {
        for pw in ["Password1!", "P@ssw0rd2026", "PASSWORD", "password", "!!Dragon99", "$unshine2024!", "1qaz2wsx",
                   "Qwerty123!", "l3tm31n!", "m0nk3y#2026", "iloveyou!!", "Pr1nc3ss!", "5uperman#1"] {
            XCTAssertTrue(try rules(pw).contains("blocklist"), pw)
        }
        for pw in ["v7#Qm2!xLp9@Rz", "correct-Horse-Staple-42"] {
            XCTAssertFalse(try rules(pw).contains("blocklist"), pw)
        }
    }

    func testPersonalData() throws {
        let ctx = PersonalContext(username: "zhangsan", phone: "13812345678", email: "li.wei@example.com",
                                  birthday: .init(year: 1990, month: 3, day: 14), otherNames: ["Golden Dragon"])
        func kinds(_ pw: String) throws -> [PersonalDataKind] {
            try violations(pw, ctx).compactMap { if case .personalData(let k) = $0 { k } else { nil } }
        }
        XCTAssertEqual(try kinds("zhangsan13812345678"), [.username, .phone])
        XCTAssertEqual(try kinds("Zh@ngs@n!x7Qp"), [.username])
        XCTAssertEqual(try kinds("Qx!vT9#5678kw"), [.phoneDigits])
        XCTAssertEqual(try kinds("Qx!vT9#45678kw"), [.phoneDigits])
        XCTAssertEqual(try kinds("Qx!vT9#1234kw"), [], "1234 is not a tail of the phone")
        XCTAssertEqual(try kinds("+86 138-1234-5678 ok!"), [.phone])
        XCTAssertEqual(try kinds("LiWei#2xQ9!kz"), [.emailName])
        XCTAssertEqual(try kinds("li.wei#2xQ9!kz"), [.emailName])
        XCTAssertEqual(try kinds("Qx!vT9#19900314kw"), [.birthday])
        XCTAssertEqual(try kinds("Qx!vT9#140390kw"), [.birthday])
        XCTAssertEqual(try kinds("GoldenDragon#7x"), [.name])
        XCTAssertEqual(try kinds("v7#Qm2!xLp9@Rz"), [])
        // The checker names the rule without quoting the password.
        let msgs = try violations("zhangsan13812345678", ctx).map(\.message).joined()
        XCTAssertFalse(msgs.contains("zhangsan") || msgs.contains("1381"))
        XCTAssertTrue(msgs.contains("your user name") && msgs.contains("your phone number"))
    }

    func testDates() throws {
        for pw in ["Qx!vT#19900101k", "Qx!vT#900101kw", "Qx!vT#0101kwz", "Qx!vT#1990kwz", "Qx!vT#2024kwz", "Qx!v#01.01.1990k",
                   "Qx!v#1990-01-01k", "Qx!vT#13819900101k", "Qx!vT#31121999k", "Qx!vT#19905kw"] {
            XCTAssertTrue(try rules(pw).contains("date"), pw)
        }
        for pw in ["Qx!vT#9713kwz", "Qx!vT#3299kwz", "Qx!vT#84kwz7Ab", "Qx!vT#9999kwz"] {
            XCTAssertFalse(try rules(pw).contains("date"), pw)
        }
    }

    func testRunsSequencesAndKeyboardWalks() throws {
        for pw in ["Kx!7aaaaTq#z", "Kx!7AaAaTq#z", "Kx!7121212q#", "Kx!7abcabcq#"] {
            XCTAssertTrue(try rules(pw).contains("repeats"), pw)
        }
        for pw in ["Kx!71234Tq#z", "Kx!7abcdTq#z", "Kx!74321Tq#z", "Kx!7DCBATq#z", "Kx!7mnopTq#z"] {
            XCTAssertTrue(try rules(pw).contains("sequence"), pw)
        }
        for pw in ["Kx!7qwertyT#", "K!7asdfTq#zb", "K!7zxcvTq#bb", "K!71qazTq#bb", "K!7qazTm#bb", "K!7QAZTm#bb",
                   "8#qazwsx!Tm", "K!7wsxTm#bb9", "K!7poiuTq#zb", "Kx!z#Tb963214q"] {
            XCTAssertTrue(try rules(pw).contains("keyboard-walk"), pw)
        }
        for pw in ["v7#Qm2!xLp9@Rz", "Power#Tower77", "Party!Answer9"] {
            let r = try rules(pw)
            XCTAssertFalse(r.contains("keyboard-walk") || r.contains("sequence") || r.contains("repeats"), "\(pw): \(r)")
        }
    }

    func testStrengthRule() throws {
        // A common word with a short suffix: zxcvbn rates it 2 (about 10^6 guesses).
        let v = try violations("Football!!1a")
        XCTAssertTrue(v.contains { if case .tooGuessable(let s, 3) = $0 { s < 3 } else { false } }, "\(v)")
        XCTAssertFalse(try rules("v7#Qm2!xLp9@Rz").contains("strength"))
    }

    func testEveryFailingRuleIsReported() throws {
        let ctx = PersonalContext(username: "admin1", phone: "13812345678")
        let r = try rules("aaaa1234", ctx)
        XCTAssertEqual(r, ["length", "character-classes", "repeats", "sequence", "keyboard-walk", "strength"])
        for v in try violations("aaaa1234", ctx) { XCTAssertFalse(v.message.isEmpty) }
    }

    func testNotText() throws {
        let bad = try SecretBytes(copying: [0x61, 0xFF, 0x62, 0x31, 0x21, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68] as [UInt8])
        XCTAssertEqual(PolicyChecker.check(password: bad).first, .notText)
    }

    func testReuseMessageIsUniform() {
        XCTAssertEqual(PolicyViolation.reusedPassword(historyCount: 4).rule, "history")
        XCTAssertEqual(PolicyViolation.reusedPassword(historyCount: 4).message, "it is one of your last 4 passwords")
    }

    // The cost of one policy check (bar: < 10 ms) is measured by `vaultcli-bench policy`
    // (scripts/bench.sh), not here: no test asserts wall-clock time.

    // MARK: - estimator spot checks against values zxcvbn gives

    func testEstimatorKnownValues() {
        XCTAssertEqual(StrengthEstimator.estimate("password").guesses, 3)   // rank 2 + 1
        XCTAssertEqual(StrengthEstimator.estimate("password").score, 0)
        XCTAssertEqual(StrengthEstimator.estimate("Tr0ub4dour&3").score, 2)
        XCTAssertEqual(StrengthEstimator.estimate("correcthorsebatterystaple").score, 4)
        XCTAssertEqual(StrengthEstimate.displayTime(0.5), "less than a second")
        XCTAssertEqual(StrengthEstimate.displayTime(7200), "2 hours")
        XCTAssertEqual(StrengthEstimate.displayTime(1e12), "centuries")
        // user inputs lower the estimate, like zxcvbn's user_inputs
        let plain = StrengthEstimator.estimate("zhangsan13812345678")
        let informed = StrengthEstimator.estimate("zhangsan13812345678", userInputs: ["zhangsan", "13812345678"])
        XCTAssertLessThan(informed.guesses, plain.guesses)
    }
}
