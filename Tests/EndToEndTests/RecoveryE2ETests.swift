import Foundation
import Vault
import XCTest

/// Reads, through the library, the questions `recover username` would ask for a phone.
enum RecoveryPromptProbe {
    static func prompts(vault: String, phone: String) throws -> [String] {
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        let v = try Vault.open(path: vault, access: .read)
        return try v.usernameRecoveryChallenge(contact: try RecoveryContact(phone: phone), method: .questions).questions
    }
}

/// End-to-end: every recovery path through the built vaultcli (issue 7).
final class RecoveryE2ETests: EndToEndTestCase {
    let cashierPassword = "Cashier-Own-Pass-88!"
    let codePattern = try! NSRegularExpression(pattern: "^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$")

    /// Inits a vault and returns the ten codes printed in the recovery kit.
    func initWithCodes(file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let codes = r.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            guard parts.count == 2, Int(parts[0]) != nil else { return nil }
            return String(parts[1])
        }
        XCTAssertEqual(codes.count, 10, r.stdout, file: file, line: line)
        return codes
    }

    /// Adds an operator, then lets them choose their own password (first-use change).
    func addOperator(_ name: String, role: String = "cashier", phone: String? = nil, email: String? = nil, password: String? = nil) {
        let temp = "Temp-Qv7w-Rx9m-41!"
        var args = ["user", "add", name, "--role", role, "--vault", vault, "--user", "admin", "--password-stdin"]
        if let phone { args += ["--phone", phone] }
        if let email { args += ["--email", email] }
        let r = vaultcli(args, stdin: "\(adminPassword)\n\(temp)\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let c = vaultcli(["user", "passwd", "--vault", vault, "--user", name, "--password-stdin"], stdin: "\(temp)\n\(password ?? cashierPassword)\n")
        XCTAssertEqual(c.status, 0, c.stderr)
    }

    @discardableResult
    func setupQuestions(_ user: String, password: String? = nil, questions: [String] = ["1", "3", "6"], answers: [String],
                        required: Int? = nil) -> CLIResult {
        var args = ["recover", "setup", "--vault", vault, "--user", user, "--password-stdin"]
        for q in questions { args += ["--question", q] }
        if let required { args += ["--required", String(required)] }
        return vaultcli(args, stdin: ([password ?? cashierPassword] + answers).joined(separator: "\n") + "\n")
    }

    func recoverByQuestions(_ user: String, answers: [String], newPassword: String = "Brand-New-Quill-4096!") -> CLIResult {
        vaultcli(["recover", "password", "--vault", vault, "--user", user, "--stdin"],
                 stdin: (answers + [newPassword]).joined(separator: "\n") + "\n")
    }

    func login(_ user: String, _ password: String) -> CLIResult {
        vaultcli(["login", "--vault", vault, "--user", user, "--password-stdin"], stdin: password + "\n")
    }

    func audit(password: String? = nil) -> [[String: Any]] {
        let r = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--json"], stdin: (password ?? adminPassword) + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        return (r.json as? [[String: Any]]) ?? []
    }

    func auditText(password: String? = nil) -> String {
        vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: (password ?? adminPassword) + "\n").stdout
    }

    // MARK: 1. recovery codes

    func testInitPrintsTheRecoveryKitOnceAndKeepsNoCodeInTheClear() throws {
        let codes = initWithCodes()
        XCTAssertEqual(Set(codes).count, 10)
        for c in codes { XCTAssertNotNil(codePattern.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)), c) }
        let file = try Data(contentsOf: URL(fileURLWithPath: vault))
        for c in codes {
            XCTAssertNil(file.range(of: Data(c.utf8)))
            XCTAssertNil(file.range(of: Data(c.replacingOccurrences(of: "-", with: "").utf8)))
        }
        // The kit is not printed again: info and `recover codes` only count.
        XCTAssertFalse(vaultcli(["info", "--vault", vault]).stdout.contains(codes[0]))
        let left = vaultcli(["recover", "codes", "--vault", vault, "--json"])
        XCTAssertEqual((left.json as? [String: Any])?["codes_left"] as? Int, 10)
        // --json puts them in the JSON.
        let j = vaultcli(["init", "--vault", dir + "/v2", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(j.status, 0, j.stderr)
        let jc = (j.json as? [String: Any])?["recovery_codes"] as? [String]
        XCTAssertEqual(jc?.count, 10)
        XCTAssertEqual(Set(jc ?? []).intersection(codes), [])
    }

    func testRecoverPasswordByCodeBurnsTheCode() {
        let codes = initWithCodes()
        addOperator("lisi", role: "manager")
        // Lower case, no dashes, Crockford look-alikes: all read as the same code.
        let typed = codes[3].replacingOccurrences(of: "-", with: " ").lowercased()
        let r = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(typed)\nFresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("9 left"), r.stdout)
        XCTAssertEqual(login("lisi", "Fresh-Kite-Harbor-3141!").status, 0)
        assertError(login("lisi", cashierPassword), status: 5, contains: "wrong user name or password")
        // The same code again: burnt.
        let again = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(codes[3])\nOther-Kite-Harbor-2718!\n")
        assertError(again, status: 5, contains: "the recovery code did not unlock recovery")
        XCTAssertEqual(login("lisi", "Fresh-Kite-Harbor-3141!").status, 0)
        // Another code still works, also for the admin.
        let admin = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: "\(codes[0])\nOrchid-Lantern-Fresh-1618!\n")
        XCTAssertEqual(admin.status, 0, admin.stderr)
        XCTAssertEqual((vaultcli(["recover", "codes", "--vault", vault, "--json"]).json as? [String: Any])?["codes_left"] as? Int, 8)
        let log = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: "Orchid-Lantern-Fresh-1618!\n")
        XCTAssertTrue(log.stdout.contains("recover.password"), log.stdout)
        for c in codes { XCTAssertFalse(log.stdout.contains(c) || log.stdout.contains(c.replacingOccurrences(of: "-", with: ""))) }
        XCTAssertFalse(log.stdout.contains("Fresh-Kite-Harbor-3141!"))
    }

    func testNewPasswordAfterRecoveryMeetsThePolicyAndHistory() {
        let codes = initWithCodes()
        addOperator("lisi")
        // The current password is in the history: refused, and the code is not burnt.
        let reused = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(codes[0])\n\(cashierPassword)\n")
        assertError(reused, status: 13, contains: "it is one of your last 4 passwords")
        let weak = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(codes[0])\npassword1\n")
        assertError(weak, status: 13, contains: "does not meet the policy")
        XCTAssertEqual(login("lisi", cashierPassword).status, 0)
        let ok = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(codes[0])\nFresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    func testMalformedCodeIsAUsageErrorAndNotCounted() {
        _ = initWithCodes()
        addOperator("lisi")
        for bad in ["12345", "UUUUU-UUUUU-UUUUU-UUUUU", "ABCDE-FGHJK-MNPQR-STVWX-Y"] {
            let r = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(bad)\nX-Pass-Word-12345!\n")
            assertError(r, status: 64, contains: "that is not a recovery code")
            XCTAssertFalse(r.stderr.contains(bad))
        }
        let wrong = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "ABCDE-FGHJK-MNPQR-STVWX\nX-Pass-Word-12345!\n")
        assertError(wrong, status: 5, contains: "4 attempts left")
    }

    func testRegenerateCodesRevokesTheOldOnes() {
        let old = initWithCodes()
        addOperator("lisi", role: "manager")
        let denied = vaultcli(["recover", "codes", "--regenerate", "--vault", vault, "--user", "lisi", "--password-stdin"], stdin: cashierPassword + "\n")
        assertError(denied, status: 11, contains: "manage recovery material")
        let r = vaultcli(["recover", "codes", "--regenerate", "--vault", vault, "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let fresh = (r.json as? [String: Any])?["recovery_codes"] as? [String] ?? []
        XCTAssertEqual(fresh.count, 10)
        XCTAssertTrue(Set(fresh).isDisjoint(with: old))
        assertError(vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(old[1])\nFresh-Kite-Harbor-3141!\n"),
                    status: 5, contains: "did not unlock")
        let ok = vaultcli(["recover", "password", "--vault", vault, "--user", "lisi", "--code", "--stdin"], stdin: "\(fresh[9])\nFresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(auditText().contains("recover.codes.regenerate"))
    }

    // MARK: 2. questions

    func testChineseFullWidthAnswersMatchTheirNormalForm() {
        _ = initWithCodes()
        addOperator("zhangsan", phone: "13812345678")
        let s = setupQuestions("zhangsan", questions: ["1", "3", "你的秘密问题？"], answers: ["１２３４ＡＢｃ　张三", "Fluffy\tthe  Cat", "ＭＡＰＬＥ　路　８８号"])
        XCTAssertEqual(s.status, 0, s.stderr)
        // Half-width, lower case, single spaces: the same answers. Question 2 skipped.
        let r = recoverByQuestions("zhangsan", answers: ["1234abc 张三", "", "  maple 路 88号 "])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(login("zhangsan", "Brand-New-Quill-4096!").status, 0)
        // And the other way round: set up half-width, answer full-width with U+3000 spaces.
        let s2 = setupQuestions("zhangsan", password: "Brand-New-Quill-4096!", questions: ["2", "5", "8"], answers: ["1234abc 张三", "xiao hu", "wang laoshi"])
        XCTAssertEqual(s2.status, 0, s2.stderr)
        let r2 = recoverByQuestions("zhangsan", answers: ["１２３４ＡＢｃ　张三", "ＸＩＡＯ　　ＨＵ", "wrong teacher"], newPassword: "Second-Quill-Ember-8192!")
        XCTAssertEqual(r2.status, 0, r2.stderr)
        XCTAssertEqual(login("zhangsan", "Second-Quill-Ember-8192!").status, 0)
        // The answers are nowhere in the file.
        let file = try! Data(contentsOf: URL(fileURLWithPath: vault))
        for a in ["1234abc 张三", "xiao hu", "wang laoshi", "fluffy the cat"] { XCTAssertNil(file.range(of: Data(a.utf8)), a) }
    }

    func testKMinusOneRightAnswersUnlockNothing() {
        _ = initWithCodes()
        addOperator("zhangsan")
        XCTAssertEqual(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        // 2 of 3: one right answer is not enough, whichever it is.
        for answers in [["first school", "nope", "nada"], ["", "fluffy cat", ""], ["wrong", "wrong", "maple street"]] {
            assertError(recoverByQuestions("zhangsan", answers: answers), status: 5, contains: "the answers did not unlock recovery")
        }
        XCTAssertEqual(login("zhangsan", cashierPassword).status, 0, "the password must be unchanged")
        vaultcli(["recover", "unlock", "zhangsan", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        // 3 of 4: two right answers are not enough; three are.
        XCTAssertEqual(setupQuestions("zhangsan", questions: ["1", "2", "3", "4"], answers: ["first school", "beijing city", "fluffy cat", "cousin li"], required: 3).status, 0)
        assertError(recoverByQuestions("zhangsan", answers: ["first school", "beijing city", "x", ""]), status: 5, contains: "did not unlock")
        XCTAssertEqual(login("zhangsan", cashierPassword).status, 0)
        let ok = recoverByQuestions("zhangsan", answers: ["first school", "", "fluffy cat", "cousin li"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    func testTrivialAnswersAreRefusedAndNothingIsStored() {
        _ = initWithCodes()
        addOperator("zhangsan")
        let cases: [([String], String)] = [
            (["ab", "fluffy cat", "maple street"], "shorter than 3 characters"),
            (["ＺＨＡＮＧＳＡＮ", "fluffy cat", "maple street"], "is your user name"),
            ([cashierPassword.lowercased(), "fluffy cat", "maple street"], "is your password"),
            (["Password", "fluffy cat", "maple street"], "common passwords"),
            (["fluffy cat", "FLUFFY  CAT", "maple street"], "same as another answer"),
        ]
        for (answers, reason) in cases {
            let r = setupQuestions("zhangsan", answers: answers)
            assertError(r, status: 13, contains: reason)
            for a in answers where a.count >= 5 { XCTAssertFalse(r.stderr.contains(a), "an answer leaked into the error: \(a)") }
        }
        assertError(setupQuestions("zhangsan", questions: ["1", "2"], answers: ["aaa1", "bbb2"]), status: 64, contains: "between 3 and 6 questions")
        assertError(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"], required: 4), status: 64, contains: "between 2 and 3")
        assertError(setupQuestions("zhangsan", password: "Wrong-Password-1!", answers: ["first school", "fluffy cat", "maple street"]), status: 5, contains: "wrong user name or password")
        // Nothing was stored: the answers open nothing (an operator with no questions gets the
        // same decoys as an unknown name, issue 11).
        assertError(recoverByQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]), status: 5, contains: "the answers did not unlock recovery")
    }

    func testAdminNeedsACodeUnlessThePolicyAllowsQuestions() {
        _ = initWithCodes()
        let s = setupQuestions("admin", password: adminPassword, answers: ["first school", "fluffy cat", "maple street"])
        XCTAssertEqual(s.status, 0, s.stderr)
        assertError(recoverByQuestions("admin", answers: ["first school", "fluffy cat", "maple street"]), status: 11, contains: "is an admin")
        XCTAssertEqual(vaultcli(["policy", "set", "admin-recovery-by-questions", "on", "--vault", vault, "--user", "admin", "--password-stdin"],
                                stdin: adminPassword + "\n").status, 0)
        let r = recoverByQuestions("admin", answers: ["first school", "fluffy cat", ""], newPassword: "Orchid-Lantern-Fresh-1618!")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(login("admin", "Orchid-Lantern-Fresh-1618!").status, 0)
    }

    func testRoleChangeDropsTheQuestions() {
        _ = initWithCodes()
        addOperator("zhangsan")
        XCTAssertEqual(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        let r = vaultcli(["user", "role", "zhangsan", "manager", "--vault", vault, "--user", "admin", "--password-stdin", "--generate"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        // The old answers open nothing (decoy questions now, as for a name with no set-up).
        assertError(recoverByQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]), status: 5, contains: "the answers did not unlock recovery")
    }

    // MARK: 3. recovery lockout

    func testRecoveryLockoutSurvivesNewProcessesAndSparesLogin() {
        let codes = initWithCodes()
        addOperator("zhangsan")
        XCTAssertEqual(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        for left in [4, 3, 2, 1] {
            assertError(recoverByQuestions("zhangsan", answers: ["no", "nope", "nada"]), status: 5, contains: "\(left) attempt")
        }
        assertError(recoverByQuestions("zhangsan", answers: ["no", "nope", "nada"]), status: 5, contains: "recovery is now locked for an hour")
        // A new process with the right answers: still locked.
        let locked = recoverByQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"])
        assertError(locked, status: 12, contains: "recovery for zhangsan is locked after 5 wrong attempts")
        // A code does not get around it either (and is not used up).
        assertError(vaultcli(["recover", "password", "--vault", vault, "--user", "zhangsan", "--code", "--stdin"], stdin: "\(codes[0])\nCode-Maple-Bridge-31!\n"),
                    status: 12, contains: "locked")
        XCTAssertEqual((vaultcli(["recover", "codes", "--vault", vault, "--json"]).json as? [String: Any])?["codes_left"] as? Int, 10)
        // Login is not affected.
        XCTAssertEqual(login("zhangsan", cashierPassword).status, 0)
        let log = auditText()
        XCTAssertTrue(log.contains("recover.lockout"), log)
        XCTAssertFalse(log.contains("first school") || log.contains("nope"))
        // `user unlock` is about login; only `recover unlock` (admins) clears it.
        vaultcli(["user", "unlock", "zhangsan", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        assertError(recoverByQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]), status: 12, contains: "locked")
        addOperator("lisi", role: "manager")
        assertError(vaultcli(["recover", "unlock", "zhangsan", "--vault", vault, "--user", "lisi", "--password-stdin"], stdin: cashierPassword + "\n"),
                    status: 11, contains: "manage recovery material")
        let u = vaultcli(["recover", "unlock", "zhangsan", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(u.status, 0, u.stderr)
        XCTAssertTrue(auditText().contains("recover.unlock"))
        let ok = recoverByQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    // MARK: 4. recover username

    func testRecoverUsernameByQuestionsAndByCode() {
        let codes = initWithCodes()
        addOperator("zhangsan", phone: "+86 138-1234-5678", email: "zs@shop.example.com")
        addOperator("wangwu", phone: "13812345678")
        XCTAssertEqual(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        // The phone with or without +86 and dashes is the same phone.
        let r = vaultcli(["recover", "username", "--vault", vault, "--phone", "138 1234 5678", "--stdin", "--json"], stdin: "first school\nfluffy cat\n\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = r.json as? [String: Any]
        XCTAssertEqual(j?["operators"] as? [String], ["wangwu", "zhangsan"])
        let e = vaultcli(["recover", "username", "--vault", vault, "--email", "ZS@Shop.Example.com", "--stdin"], stdin: "\nfluffy cat\nmaple street\n")
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertTrue(e.stdout.contains("operator: zhangsan"), e.stdout)
        XCTAssertFalse(e.stdout.contains("wangwu"))
        // A merchant account bound to the same phone: its username is shown after proof with admin keys.
        let acct = vaultcli(["account", "add", "--vault", vault, "--label", "unionpay", "--service", "UnionPay", "--username", "shop17-login",
                             "--phone", "13812345678", "--user", "admin", "--password-stdin", "--secret-stdin"],
                            stdin: adminPassword + "\nAcct-Secret-9!\n")
        XCTAssertEqual(acct.status, 0, acct.stderr)
        // By a recovery code (burnt).
        let c = vaultcli(["recover", "username", "--vault", vault, "--phone", "+8613812345678", "--code", "--stdin"], stdin: codes[2] + "\n")
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertTrue(c.stdout.contains("operator: wangwu") && c.stdout.contains("operator: zhangsan"), c.stdout)
        XCTAssertTrue(c.stdout.contains("shop17-login"), c.stdout)
        XCTAssertFalse(c.stdout.contains("Acct-Secret-9!"))
        assertError(vaultcli(["recover", "username", "--vault", vault, "--phone", "+8613812345678", "--code", "--stdin"], stdin: codes[2] + "\n"),
                    status: 5, contains: "did not unlock")
        // After proof, an unbound number says so.
        let none = vaultcli(["recover", "username", "--vault", vault, "--phone", "+8613900000000", "--code", "--stdin"], stdin: codes[3] + "\n")
        assertError(none, status: 1, contains: "no operator or account is bound to that phone number")
        // ...and that code was not used up: it still works for the bound number.
        let kept = vaultcli(["recover", "username", "--vault", vault, "--phone", "+8613812345678", "--code", "--stdin"], stdin: codes[3] + "\n")
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertTrue(kept.stdout.contains("operator: zhangsan"), kept.stdout)
        XCTAssertTrue(auditText().contains("recover.username"))
    }

    func testUnknownAndKnownPhonesAnswerAlikeBeforeProof() {
        _ = initWithCodes()
        addOperator("zhangsan", phone: "13812345678")
        XCTAssertEqual(setupQuestions("zhangsan", answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        func attempt(_ phone: String, code: Bool = false) -> CLIResult {
            vaultcli(["recover", "username", "--vault", vault, "--phone", phone, "--stdin"] + (code ? ["--code"] : []),
                     stdin: code ? "ABCDE-FGHJK-MNPQR-STVWX\n" : "wrong one\nwrong two\nwrong three\n")
        }
        for code in [false, true] {
            let known = attempt("13812345678", code: code)
            let unknown = attempt("13987654321", code: code)
            XCTAssertEqual(known.status, 5, known.stderr)
            XCTAssertEqual(known.status, unknown.status)
            XCTAssertEqual(known.stdout, unknown.stdout)
            XCTAssertEqual(known.stderr, unknown.stderr)
            XCTAssertFalse(known.stderr.contains("zhangsan"))
            // That both do the same work is testKnownAndUnknownPhonesDoTheSameWork (no clocks).
        }
        // Both lock after five wrong attempts, with the same message.
        for _ in 0..<3 { _ = attempt("13812345678"); _ = attempt("13987654321") }
        let lk = attempt("13812345678")
        let lu = attempt("13987654321")
        XCTAssertEqual(lk.status, 12, lk.stderr)
        XCTAssertEqual(lu.status, 12, lu.stderr)
        XCTAssertEqual(lk.stderr.replacingOccurrences(of: #"until \S+ \S+"#, with: "", options: .regularExpression),
                       lu.stderr.replacingOccurrences(of: #"until \S+ \S+"#, with: "", options: .regularExpression))
        XCTAssertFalse(lk.stderr.contains("zhangsan"))
        // Invalid input is refused alike too, before anything is asked.
        assertError(vaultcli(["recover", "username", "--vault", vault, "--phone", "12345"]), status: 64, contains: "phone number")
        assertUsageError(["recover", "username", "--vault", vault], mentions: "give one of --phone or --email")
    }

    /// A bound and an unbound phone must not be told apart by the work they cause. No clock:
    /// the debug-only probe lists every Argon2id run (with its cost) and every read of the vault
    /// file, and both attempts, each on its own copy of the same vault, must list the same ones,
    /// byte offset for byte offset. (Wall-clock figures: scripts/bench-timing.sh.)
    func testKnownAndUnknownPhonesDoTheSameWork() throws {
        _ = initWithCodes()
        addOperator("zhangsan", phone: "13812345678")
        XCTAssertEqual(setupQuestions("zhangsan", questions: ["1", "2", "3"], answers: ["first school", "beijing city", "fluffy cat"]).status, 0)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: vault))
        func work(_ args: [String], stdin: String) throws -> (CLIResult, kdf: [String], reads: [String]) {
            try pristine.write(to: URL(fileURLWithPath: vault))
            let (r, lines) = probed(args + ["--vault", vault], stdin: stdin)
            return (r, lines.filter { $0.hasPrefix("kdf ") }, lines.filter { $0.hasPrefix("read ") })
        }
        for (proof, stdin) in [([String](), "a wrong\nb wrong\nc wrong\n"), (["--code"], "ABCDE-FGHJK-MNPQR-STVWX\n"),
                               ([], "first school\n\nc wrong\n")] {
            let known = try work(["recover", "username", "--phone", "13812345678", "--stdin"] + proof, stdin: stdin)
            let unknown = try work(["recover", "username", "--phone", "13987654321", "--stdin"] + proof, stdin: stdin)
            XCTAssertEqual(known.0.status, 5, known.0.stderr)
            XCTAssertEqual(unknown.0.status, 5, unknown.0.stderr)
            // The questions path: one locator run and one run per 2-of-3 subset (real or decoy).
            if proof.isEmpty { XCTAssertEqual(known.kdf.count, 4, known.kdf.joined(separator: "\n")) }
            XCTAssertFalse(known.kdf.isEmpty)
            XCTAssertEqual(known.kdf, unknown.kdf, "KDF runs differ for \(proof)")
            XCTAssertFalse(known.reads.isEmpty)
            XCTAssertEqual(known.reads, unknown.reads, "reads of the vault differ for \(proof)")
        }
        // The same for login: a known user with a wrong password and an unknown user make the
        // same Argon2id run (the unknown one against a dummy slot at the vault's cost).
        let knownLogin = try work(["login", "--user", "zhangsan", "--password-stdin"], stdin: "Wrong-Password-123!\n")
        let unknownLogin = try work(["login", "--user", "lisi", "--password-stdin"], stdin: "Wrong-Password-123!\n")
        XCTAssertEqual(knownLogin.0.status, 5, knownLogin.0.stderr)
        XCTAssertEqual(knownLogin.0.stderr, unknownLogin.0.stderr)
        XCTAssertEqual(knownLogin.kdf.count, 1)
        XCTAssertEqual(knownLogin.kdf, unknownLogin.kdf)
    }

    /// The probe itself must see a difference where there is one, or the test above proves
    /// nothing: a right answer set makes the slot open and the recovery go on.
    func testProbeSeesDifferentWork() throws {
        _ = initWithCodes()
        addOperator("zhangsan", phone: "13812345678")
        XCTAssertEqual(setupQuestions("zhangsan", questions: ["1", "2", "3"], answers: ["first school", "beijing city", "fluffy cat"]).status, 0)
        let (wrong, w) = probed(["recover", "username", "--vault", vault, "--phone", "13812345678", "--stdin"], stdin: "a wrong\nb wrong\nc wrong\n")
        let (right, r) = probed(["recover", "username", "--vault", vault, "--phone", "13812345678", "--stdin"], stdin: "first school\nbeijing city\n\n")
        XCTAssertEqual(wrong.status, 5)
        XCTAssertEqual(right.status, 0, right.stderr)
        XCTAssertNotEqual(w.filter { $0.hasPrefix("read ") }, r.filter { $0.hasPrefix("read ") })
    }

    func testDecoyQuestionsHaveTheShapeOfARealSetUp() throws {
        // The library view of the same property: the prompts for an unknown phone are three
        // built-in questions, two required, like a default set-up.
        _ = initWithCodes()
        addOperator("zhangsan", phone: "13812345678")
        XCTAssertEqual(setupQuestions("zhangsan", questions: ["1", "3", "6"], answers: ["first school", "fluffy cat", "maple street"]).status, 0)
        let prompts = try RecoveryPromptProbe.prompts(vault: vault, phone: "13987654321")
        XCTAssertEqual(prompts.count, 3)
        XCTAssertEqual(prompts, try RecoveryPromptProbe.prompts(vault: vault, phone: "+8613987654321"), "the same contact gets the same decoys")
        let known = try RecoveryPromptProbe.prompts(vault: vault, phone: "13812345678")
        XCTAssertEqual(known.count, 3)
        for p in prompts + known { XCTAssertTrue(p.contains(" / "), "built-in questions are bilingual: \(p)") }
    }

    // MARK: 5. the offline recovery key

    func testAdminWhoLostEverythingRecoversWithTheRecoveryKey() {
        _ = initWithCodes()
        let key = dir + "/recovery.key"
        let k = vaultcli(["keygen", "-o", key, "--add-to-vault", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(k.status, 0, k.stderr)
        let r = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--identity", key, "--stdin"], stdin: "Orchid-Lantern-Fresh-1618!\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("recovered by recovery key"))
        XCTAssertEqual(login("admin", "Orchid-Lantern-Fresh-1618!").status, 0)
        // The key is not used up; a different key does not open anything.
        let other = dir + "/other.key"
        XCTAssertEqual(vaultcli(["keygen", "-o", other]).status, 0)
        assertError(vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--identity", other, "--stdin"], stdin: "Orchid-Lantern-Other-2718!\n"),
                    status: 5, contains: "the recovery key did not unlock recovery")
        let again = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--identity", key, "--stdin"], stdin: "Orchid-Lantern-Other-2718!\n")
        XCTAssertEqual(again.status, 0, again.stderr)
        let events = audit(password: "Orchid-Lantern-Other-2718!").filter { $0["action"] as? String == "recover.password" }
        XCTAssertEqual(events.map { $0["outcome"] as? String }, ["ok", "failed", "ok"])
        XCTAssertEqual(events.first?["actor"] as? String, "(recovery key)")
        let text = auditText(password: "Orchid-Lantern-Other-2718!")
        XCTAssertTrue(text.contains("recover.password"), text)
        XCTAssertFalse(text.contains("Orchid-Lantern") || text.contains("AGE-SECRET-KEY"))
    }

    func testRecoveryKeyPathOnAVaultWithoutOne() {
        _ = initWithCodes()
        let other = dir + "/other.key"
        XCTAssertEqual(vaultcli(["keygen", "-o", other]).status, 0)
        assertError(vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--identity", other, "--stdin"], stdin: "Orchid-Lantern-Other-2718!\n"),
                    status: 1, contains: "holds no offline recovery key")
    }

    // MARK: 6. admin reset (PCI DSS 8.3.5)

    func testAdminAndManagerResetsSetATemporaryPasswordThatMustBeChanged() {
        _ = initWithCodes()
        addOperator("zhangsan")
        addOperator("lisi", role: "manager")
        addOperator("boss2", role: "admin")
        // Admin resets a cashier with a generated password.
        let g = vaultcli(["user", "passwd", "zhangsan", "--generate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(g.status, 0, g.stderr)
        guard let temp = g.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Temporary password: ") })?.dropFirst("Temporary password: ".count) else {
            return XCTFail(g.stdout)
        }
        assertError(login("zhangsan", cashierPassword), status: 5, contains: "wrong user name or password")
        assertError(login("zhangsan", String(temp)), status: 12, contains: "must be changed")
        let c = vaultcli(["user", "passwd", "--vault", vault, "--user", "zhangsan", "--password-stdin"], stdin: "\(temp)\nChosen-Maple-Bridge-55!\n")
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertEqual(login("zhangsan", "Chosen-Maple-Bridge-55!").status, 0)
        // A manager resets a cashier with a password they set...
        let m = vaultcli(["user", "passwd", "zhangsan", "--vault", vault, "--user", "lisi", "--password-stdin"], stdin: "\(cashierPassword)\nManager-Set-Temp-77!\n")
        XCTAssertEqual(m.status, 0, m.stderr)
        assertError(login("zhangsan", "Manager-Set-Temp-77!"), status: 12, contains: "must be changed")
        // ...but not a manager or an admin.
        assertError(vaultcli(["user", "passwd", "boss2", "--vault", vault, "--user", "lisi", "--password-stdin"], stdin: "\(cashierPassword)\nManager-Set-Temp-78!\n"),
                    status: 11, contains: "reset another operator's password")
        assertError(vaultcli(["user", "passwd", "admin", "--generate", "--vault", vault, "--user", "lisi", "--password-stdin"], stdin: "\(cashierPassword)\n"),
                    status: 11, contains: "reset another operator's password")
        XCTAssertEqual(login("boss2", cashierPassword).status, 0)
        // An admin resets another admin.
        XCTAssertEqual(vaultcli(["user", "passwd", "boss2", "--generate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        assertError(login("boss2", cashierPassword), status: 5, contains: "wrong")
        let resets = audit().filter { $0["action"] as? String == "user.reset" }
        XCTAssertEqual(resets.map { $0["target"] as? String }, ["zhangsan", "zhangsan", "boss2"])
        XCTAssertEqual(resets.map { $0["actor"] as? String }, ["admin", "lisi", "admin"])
        XCTAssertFalse(auditText().contains(String(temp)))
    }

    // MARK: secrets never on argv

    func testSecretsAreNeverTakenFromArgv() {
        let codes = initWithCodes()
        addOperator("zhangsan")
        // There is no option that takes a code or an answer: such arguments are refused before anything happens.
        for args in [["recover", "password", "--user", "zhangsan", "--code", codes[0]],
                     ["recover", "password", "--user", "zhangsan", "--answer", "first school"],
                     ["recover", "username", "--phone", "13812345678", "--code", codes[0]],
                     ["recover", "setup", "--user", "zhangsan", "--answer", "first school"]] {
            let r = vaultcli(args + ["--vault", vault])
            XCTAssertEqual(r.status, 64, "\(args): \(r)")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual((vaultcli(["recover", "codes", "--vault", vault, "--json"]).json as? [String: Any])?["codes_left"] as? Int, 10, "nothing was used")
        // No recover command documents an option that takes a secret value.
        for sub in ["password", "username", "setup", "codes", "unlock"] {
            let help = vaultcli(["recover", sub, "--help"]).stdout
            // Options that take a value show it as `--name <value>`; none is an answer, a code or a password.
            let valued = try! NSRegularExpression(pattern: #"--(answer|code|password|secret|new-password)s? <"#)
            XCTAssertNil(valued.firstMatch(in: help, range: NSRange(help.startIndex..., in: help)), help)
        }
        // Without --stdin and without a terminal, a clear error instead of reading argv.
        let r = CLIHarness.run(["-w", CLIHarness.binary, "recover", "password", "--vault", vault, "--user", "zhangsan", "--code"], stdin: nil,
                               executable: "/usr/bin/setsid")
        assertError(r, status: 64, contains: "no terminal")
    }
}
