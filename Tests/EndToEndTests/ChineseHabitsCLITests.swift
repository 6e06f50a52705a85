import Foundation
import XCTest
import Vault
import VaultCrypto

/// The Chinese-habits checks through the built `vaultcli` (issue 13, point 5).
final class ChineseHabitsCLITests: EndToEndTestCase {
    static func weakPasswords() throws -> [String] {
        try String(contentsOf: CLI.packageRoot.appendingPathComponent("fixtures/chinese-habits/weak-passwords.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// The bar, through `vaultcli check-password`: >= 38 of the 40 refused, each with exit 13,
    /// a message that names what was found, and never the password itself.
    func testFortyChinesePatternPasswordsThroughCheckPassword() throws {
        let table = try Self.weakPasswords()
        XCTAssertEqual(table.count, 40)
        var refused = 0, named = 0
        var accepted: [String] = []
        for pw in table {
            let o = vaultcli(["check-password", "--vault", vault], stdin: pw + "\n")
            XCTAssertFalse(o.stdout.contains(pw) || o.stderr.contains(pw), "the password is never printed")
            XCTAssertFalse(o.stdout.contains("it needs") || o.stdout.contains("too short"), "\(pw) meets the composition rules: \(o)")
            if o.status == 13 {
                refused += 1
                if o.stdout.contains("it is built from what Chinese passwords often use") { named += 1 }
            } else {
                XCTAssertEqual(o.status, 0, "\(o)")
                accepted.append(pw)
            }
        }
        print("chinese habits (vaultcli check-password): \(refused) of \(table.count) refused, \(named) naming the Chinese habit; accepted: \(accepted)")
        XCTAssertGreaterThanOrEqual(refused, 38, "accepted: \(accepted)")
    }

    func testJSONNamesTheRuleAndThePatterns() throws {
        let o = vaultcli(["check-password", "--json", "--vault", vault], stdin: "Lakala@95016!\n")
        XCTAssertEqual(o.status, 13, "\(o)")
        let j = try XCTUnwrap(o.json as? [String: Any])
        let v = try XCTUnwrap(j["violations"] as? [[String: String]])
        let rule = try XCTUnwrap(v.first { $0["rule"] == "chinese-habits" }, "\(v)")
        XCTAssertTrue(rule["message"]!.contains("a payment, bank or shop brand"), rule["message"]!)
        XCTAssertTrue(rule["message"]!.contains("a payment or bank service hotline"), rule["message"]!)
        let patterns = try XCTUnwrap((j["strength"] as? [String: Any])?["patterns"] as? [[String: Any]])
        let dicts = patterns.filter { $0["pattern"] as? String == "chinese" }.compactMap { $0["dictionary"] as? String }
        XCTAssertEqual(dicts, ["cn_brands", "cn_hotlines"])
    }

    /// The vault's terminal id is personal data in check-password and when a password is set.
    func testTerminalIdAndMerchantName() throws {
        let other = dir + "/shop.vault"
        let r = vaultcli(["init", "--vault", other, "--admin", "boss", "--password-stdin", "--terminal-id", "SHOP8801"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, "\(r)")
        let o = vaultcli(["check-password", "--vault", other], stdin: "Shop8801#Kq7xZv\n")
        XCTAssertEqual(o.status, 13, "\(o)")
        XCTAssertTrue(o.stdout.contains("it contains the terminal's id"), o.stdout)
        // Setting such a password in the vault is refused the same way.
        let add = vaultcli(["user", "add", "xiaomei", "--role", "cashier", "--vault", other, "--user", "boss", "--password-stdin"],
                           stdin: adminPassword + "\nKq7#shop8801vTz\n")
        XCTAssertNotEqual(add.status, 0, "\(add)")
        XCTAssertTrue(add.stderr.contains("the terminal's id"), add.stderr)
        // The merchant's name, in Chinese characters, is caught in pinyin.
        let m = vaultcli(["check-password", "--vault", other, "--merchant", "王记面馆"], stdin: "Wangji#7Qx2kPz9\n")
        XCTAssertEqual(m.status, 13, "\(m)")
        XCTAssertTrue(m.stdout.contains("it contains the shop's (merchant's) name"), m.stdout)
        // An unrelated strong password passes with the same context.
        let ok = vaultcli(["check-password", "--vault", other, "--merchant", "王记面馆"], stdin: "v7#Qm2!xLp9@Rz\n")
        XCTAssertEqual(ok.status, 0, "\(ok)")
    }

    /// `genpass` never loads the Chinese data (its start-up stays as it was); a check does,
    /// and the character readings load only for a name written in Chinese characters.
    func testDataLoadsOnlyWhenAPasswordIsChecked() {
        let (g, gl) = probed(["genpass", "--count", "5"])
        XCTAssertEqual(g.status, 0, "\(g)")
        XCTAssertEqual(gl.filter { $0.hasPrefix("load chinese/") }, [], "genpass loaded the Chinese data")
        let (c, cl) = probed(["check-password", "--vault", vault], stdin: "Zhangwei@5201314\n")
        XCTAssertEqual(c.status, 13, "\(c)")
        XCTAssertEqual(Set(cl.filter { $0.hasPrefix("load chinese/") }), ["load chinese/surnames.txt", "load chinese/given-syllables.txt", "load chinese/words.txt"])
        let (h, hl) = probed(["check-password", "--vault", vault, "--merchant", "王记面馆"], stdin: "v7#Qm2!xLp9@Rz\n")
        XCTAssertEqual(h.status, 0, "\(h)")
        XCTAssertTrue(hl.contains("load chinese/hanzi-pinyin.txt"), "\(hl)")
    }

    /// Default `vaultcli genpass` passwords pass the policy with the layer (checked with the
    /// library's checker; a sample also through `vaultcli check-password`). The bar's 2,000
    /// are checked in ChineseHabitsTests.testGeneratedPasswordsStillPass, through the same
    /// generator; here 500 from the binary keep CI's time down.
    func testTwoThousandGenpassOutputsStillPass() throws {
        let o = vaultcli(["genpass", "--count", "500"])
        XCTAssertEqual(o.status, 0, "\(o)")
        let pws = o.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(pws.count, 500)
        var refused: [String] = []
        for pw in pws where !PolicyChecker.check(password: try SecretBytes(utf8: pw)).isEmpty { refused.append(pw) }
        XCTAssertEqual(refused, [], "genpass outputs refused by the policy")
        for pw in pws.prefix(20) {
            let c = vaultcli(["check-password", "--vault", vault], stdin: pw + "\n")
            XCTAssertEqual(c.status, 0, "\(c)")
        }
        print("chinese habits: \(pws.count - refused.count) of \(pws.count) `vaultcli genpass` outputs accepted")
    }
}
