import XCTest
@testable import Vault
@testable import VaultCrypto

/// Unit tests of recovery: normalisation, subsets, codes and the k-of-n slots.
final class RecoveryTests: VaultTestCase {
    func testNormalisation() {
        XCTAssertEqual(AnswerNormalizer.normalize("１２３４ＡＢｃ　张三"), "1234abc 张三")
        XCTAssertEqual(AnswerNormalizer.normalize("  Straße\t\n ＭＡＰＬＥ\u{3000}\u{3000}路 "), "strasse maple 路")
        XCTAssertEqual(AnswerNormalizer.normalize("ΣΑΣ"), AnswerNormalizer.normalize("σας"))
        // Composed and decomposed forms are the same answer.
        XCTAssertEqual(AnswerNormalizer.normalize("Cafe\u{301}"), AnswerNormalizer.normalize("café"))
        XCTAssertEqual(AnswerNormalizer.normalize("\u{3000}\u{3000}"), "")
        XCTAssertNotEqual(AnswerNormalizer.normalize("1234abc 张三"), AnswerNormalizer.normalize("1234abc张三"))
    }

    func testCombinations() {
        XCTAssertEqual(combinations(3, 2), [[0, 1], [0, 2], [1, 2]])
        XCTAssertEqual(combinations(4, 4), [[0, 1, 2, 3]])
        for n in 3...6 { for k in 2...n { XCTAssertEqual(combinations(n, k).count, binomial(n, k)) } }
        XCTAssertEqual(binomial(6, 3), 20)
    }

    func testCodeParsing() throws {
        let c = try RecoveryCodes.generate()
        XCTAssertEqual(c.grouped.count, 23)
        let canonical = try RecoveryCodes.parse(try SecretBytes(utf8: c.grouped.lowercased().replacingOccurrences(of: "-", with: " ")))
        XCTAssertEqual(canonical, c.canonical)
        XCTAssertEqual(try RecoveryCodes.parse(pw("oiL00-11111-22222-33333")), try RecoveryCodes.parse(pw("01100-11111-22222-33333")))
        for bad in ["", "ABCDE", "UUUUU-UUUUU-UUUUU-UUUUU", "ABCDE-FGHJK-MNPQR-STVWX-Y", "ÄBCDE-FGHJK-MNPQR-STVWX"] {
            XCTAssertThrowsError(try RecoveryCodes.parse(pw(bad))) { XCTAssertEqual($0 as? RecoveryError, .invalidCode) }
        }
        // Uniform over the alphabet: every character shows up across many codes.
        var seen = Set<Character>()
        for _ in 0..<40 { seen.formUnion(try RecoveryCodes.generate().grouped.filter { $0 != "-" }) }
        XCTAssertEqual(seen.count, 32)
    }

    func testQuestionSlotsUnwrapWithKAnswersOnly() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        try v.unlocked(by: s).recovery.setUpQuestions(password: pw(adminPassword), questions: ["q one?", "q two?", "q three?", "q four?"],
                                                      answers: [pw("harbor seven"), pw("violet ridge"), pw("copper kettle"), pw("maple dawn")], required: 3)
        let set = try XCTUnwrap(try v.questionSet(operatorId: s.operatorId))
        XCTAssertEqual(set.subsets.count, 4)
        XCTAssertEqual(try v.keyslots().filter { $0.type == .recoveryQuestions }.count, 4)
        // A question slot holds only the personal key; the envelope it opens holds the role's keys.
        func attempt(_ a: [String?]) throws -> KeyRing? {
            guard let (ring, slot) = try v.tryAnswers(set, answers: a.map { $0.map(pw) }) else { return nil }
            XCTAssertEqual(ring.classes, [])
            return try v.session(from: slot, ring: ring).0.keys
        }
        XCTAssertNil(try attempt(["harbor seven", "violet ridge", nil, nil]))
        XCTAssertNil(try attempt(["harbor seven", "violet ridge", "wrong", "wrong"]))
        // Answers to the wrong questions do not count.
        XCTAssertNil(try attempt(["violet ridge", "harbor seven", "copper kettle", nil]))
        let ring = try XCTUnwrap(try attempt(["HARBOR SEVEN", nil, "Copper  Kettle", "ｍａｐｌｅ　ｄａｗｎ"]))
        XCTAssertTrue(ring.holdsAll())
        XCTAssertEqual(ring.personalKey, s.keys.personalKey)
        // A new set-up replaces the old slots.
        try v.unlocked(by: s).recovery.setUpQuestions(password: pw(adminPassword), questions: ["q one?", "q two?", "q three?"],
                                                      answers: [pw("harbor seven"), pw("violet ridge"), pw("copper kettle")], required: 2)
        XCTAssertEqual(try v.keyslots().filter { $0.type == .recoveryQuestions }.count, 3)
    }

    func testCodesAtInitAndBurn() throws {
        let path = dir + "/v"
        let summary = try Vault.initialize(path: path, adminName: "admin", password: pw(adminPassword), kdf: KDFPolicy.floor,
                                           terminalId: "T-1", recoveryCodes: 10)
        XCTAssertEqual(summary.recoveryCodes.count, 10)
        let v = try Vault.open(path: path, access: .write)
        XCTAssertEqual(try v.recoveryCodesLeft(), 10)
        let out = try v.recoverPassword(user: "admin", proof: .code(try SecretBytes(utf8: summary.recoveryCodes[4].grouped)),
                                        newPassword: { self.pw("Orchid-Lantern-Fresh-1618!") }, checker: try v.policyChecker())
        XCTAssertEqual(out.codesLeft, 9)
        XCTAssertEqual(try v.recoveryCodesLeft(), 9)
        XCTAssertThrowsError(try v.unlock(recoveryCode: summary.recoveryCodes[4].canonical))
        XCTAssertNoThrow(try v.unlock(user: "admin", password: pw("Orchid-Lantern-Fresh-1618!")))
    }
}
