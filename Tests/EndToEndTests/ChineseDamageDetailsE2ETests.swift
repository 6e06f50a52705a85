import Catalog
import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 13: the details of a damaged vault, of a bad JSON Lines row and of an interrupted write,
/// in zh-Hans. Each is forged as an attacker or a crash would leave it (bytes flipped, a public
/// frame where a signed one belongs, an old slot put back, an older copy of the file, half a
/// frame at the end, bad rows), then the built binary runs under zh-Hans: no English sentence,
/// and never the "details only in English" fallback. The same run in English keeps the
/// library's words exactly.
final class ChineseDamageDetailsE2ETests: EndToEndTestCase {
    let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let en = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"
    let cashierPass = "Rw8$nB3%yH6^cJ1z"
    let cashierNew = "Pz4!dW7#sK2$fM9q"
    var fallback: String { tr(.detailOnlyInEnglish, lang: .zhHans) }

    override func setUp() {
        super.setUp()
        // The forger (this process) uses the same test-only KDF cost as the binary.
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        try? FileManager.default.removeItem(atPath: CLIHarness.stateHome)
    }

    func admin(_ args: [String], _ lines: [String] = [], env: [String: String]) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + lines).map { $0 + "\n" }.joined(), env: env)
    }
    func lin(_ password: String, _ args: [String], _ lines: [String] = [], env: [String: String]) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "lin", "--password-stdin"], stdin: ([password] + lines).map { $0 + "\n" }.joined(), env: env)
    }

    /// An admin and a cashier, lin, who has chosen her own password.
    func setUpShop() {
        initVault()
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp], env: en).status, 0)
        XCTAssertEqual(lin(cashierTemp, ["user", "passwd"], [cashierPass], env: en).status, 0)
    }

    /// The zh-Hans run: the exit code of the English run, `zhDetail` in its error, no English
    /// sentence and no fallback; the English run: `enDetail` as the library words it.
    func assertDamage(_ run: ([String: String]) -> CLIResult, status: Int32, en enDetail: String, zh zhDetail: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let e = run(en)
        XCTAssertEqual(e.status, status, e.stderr, file: file, line: line)
        XCTAssertTrue(e.stderr.contains(enDetail), "expected \"\(enDetail)\" in: \(e.stderr)", file: file, line: line)
        let z = run(zh)
        XCTAssertEqual(z.status, status, z.stderr, file: file, line: line)
        XCTAssertTrue(z.stderr.contains(zhDetail), "expected \"\(zhDetail)\" in: \(z.stderr)", file: file, line: line)
        assertChinese(z, file: file, line: line)
    }

    /// The numbers of `pattern` (a regular expression with groups of digits) in `text`.
    func numbers(_ pattern: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> [Int] {
        guard let m = text.range(of: pattern, options: .regularExpression) else {
            XCTFail("\(pattern) not in: \(text)", file: file, line: line); return []
        }
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = NSString(string: String(text[m]))
        guard let r = re.firstMatch(in: String(text[m]), range: NSRange(location: 0, length: ns.length)) else { return [] }
        return (1..<r.numberOfRanges).compactMap { Int(ns.substring(with: r.range(at: $0))) }
    }

    func assertChinese(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            XCTAssertFalse(text.contains(fallback), "the English-only fallback in \(name): \(text)", file: file, line: line)
            XCTAssertEqual(EnglishText.sentences(in: text), [], "English in \(name): \(text)", file: file, line: line)
        }
    }

    // A byte flipped in a frame's header: every reader refuses the file, and says where.
    func testAFlippedFrameHeaderByte() throws {
        initVault()
        var b = try Data(contentsOf: URL(fileURLWithPath: vault))
        let at = FormatV1.headerLength
        b[at + 20] ^= 0x40
        try b.write(to: URL(fileURLWithPath: vault))
        assertDamage({ self.vaultcli(["verify", "--vault", self.vault], env: $0) }, status: 6,
                     en: "frame at offset \(at): ", zh: tr(.dtFrameHeaderBad, lang: .zhHans, at))
        assertDamage({ self.vaultcli(["info", "--vault", self.vault], env: $0) }, status: 6,
                     en: "frame at offset \(at): ", zh: tr(.dtFrameHeaderBad, lang: .zhHans, at))
    }

    // A cashier's profile rewritten as a public frame (no key at all), claiming the admin role.
    func testAProfileForgedAsAPublicFrame() throws {
        setUpShop()
        do {
            let v = try Vault.open(path: vault, access: .write)
            let s = try v.unlock(user: "lin", password: try SecretBytes(utf8: cashierPass))
            var p = try v.unlocked(by: s).operators.profile(named: "lin")
            p.role = .admin
            let id = try XCTUnwrap(try v.operatorSlot(named: "lin")).operatorId
            try v.file.append([PendingFrame(kind: .record, keyClass: .none, subject: id, body: try RecordCodec.encode(.operatorProfile, p))], keys: KeyRing())
        }
        let offset = numbers(#"record at offset (\d+) \(a operatorProfile record with key class 0 and signer 0, which its type does not allow\)"#,
                             in: admin(["user", "list"], env: en).stderr).first ?? -1
        assertDamage({ self.admin(["user", "list"], env: $0) }, status: 6,
                     en: "record at offset \(offset) (a operatorProfile record with key class 0 and signer 0, which its type does not allow)",
                     zh: tr(.dtRecordKeyClass, lang: .zhHans, offset))
    }

    // A password slot from an older copy of the file, put back after a password change.
    func testAnOldSlotPutBack() throws {
        setUpShop()
        let oldCopy = dir + "/old-copy"
        try FileManager.default.copyItem(atPath: vault, toPath: oldCopy)
        let oldSlot = try XCTUnwrap(try Vault.open(path: oldCopy, access: .read).operatorSlot(named: "lin"))
        XCTAssertEqual(lin(cashierPass, ["user", "passwd"], [cashierNew], env: en).status, 0)
        do {
            let v = try Vault.open(path: vault, access: .write)
            try v.file.append([PendingFrame(kind: .slot, keyClass: .none, subject: oldSlot.id, body: oldSlot.encode())],
                              removing: [(.slot, try XCTUnwrap(try v.operatorSlot(named: "lin")).id)], keys: KeyRing())
        }
        assertDamage({ self.lin(self.cashierPass, ["tx", "list"], env: $0) }, status: 6,
                     en: "keyslot of lin (not the slot its envelope names: an old slot was put back)",
                     zh: tr(.dtOldSlotBack, lang: .zhHans, "lin"))
    }

    // The whole file put back to an older copy: noticed at the admin's next login.
    func testTheFileRolledBack() throws {
        setUpShop()
        XCTAssertEqual(admin(["login"], env: en).status, 0)
        let old = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertEqual(lin(cashierPass, ["tx", "add", "--amount", "12.50"], env: en).status, 0)
        XCTAssertEqual(admin(["login"], env: en).status, 0)
        // Each run starts from the old copy again (a refused login may itself write to the file).
        func rolledBack(_ env: [String: String]) -> CLIResult {
            try! old.write(to: URL(fileURLWithPath: vault))
            return admin(["tx", "list"], env: env)
        }
        let n = numbers(#"it holds (\d+) audit events, but (\d+) were there when admin last logged in"#, in: rolledBack(en).stderr)
        XCTAssertEqual(n.count, 2)
        let (now, seen) = (n.first ?? -1, n.last ?? -1)
        XCTAssertLessThan(now, seen)
        assertDamage(rolledBack, status: 6,
                     en: "it holds \(now) audit events, but \(seen) were there when admin last logged in",
                     zh: tr(.dtRbAuditSeq, lang: .zhHans, now, seen, "admin"))
    }

    // Half a frame at the end (a write cut by a crash): verify says so (exit 2), in Chinese.
    func testATornTail() throws {
        initVault()
        let before = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertEqual(admin(["tx", "add", "--amount", "3.00"], env: en).status, 0)
        let after = try Data(contentsOf: URL(fileURLWithPath: vault))
        let frame = after.subdata(in: before.count..<after.count)
        let length = Int(frame[0]) | Int(frame[1]) << 8 | Int(frame[2]) << 16 | Int(frame[3]) << 24
        XCTAssertGreaterThan(length, FormatV1.frameHeaderLength)
        let torn = length / 2 + FormatV1.frameHeaderLength / 2
        try (before + frame.prefix(torn)).write(to: URL(fileURLWithPath: vault))
        let e = vaultcli(["verify", "--vault", vault], env: en)
        XCTAssertEqual(e.status, 2, e.stdout + e.stderr)
        let n = numbers(#"an interrupted write left (\d+) bytes \((\d+) incomplete frame"#, in: e.stdout)
        XCTAssertEqual(n.first, torn)
        let frames = n.last ?? -1
        let note = ScanNote.interruptedWrite(bytes: torn, frames: frames)
        XCTAssertEqual(e.stdout.components(separatedBy: "\n").last { $0.hasPrefix("note: ") },
                       "note: an interrupted write left \(torn) bytes (\(frames) incomplete frame(s)) after the last complete one; they held no acknowledged data and are ignored (the next write removes them)")
        for args in [["verify", "--vault", vault], ["--lang", "zh-Hans", "verify", "--vault", vault]] {
            let z = vaultcli(args, env: args.contains("--lang") ? en : zh)
            XCTAssertEqual(z.status, 2, z.stdout + z.stderr)
            XCTAssertTrue(z.stdout.contains(tr(.vfNote, lang: .zhHans, tr(.dtInterruptedWrite, lang: .zhHans, torn, frames))), z.stdout)
            assertChinese(z)
        }
        // --json keeps the library's English words.
        let j = vaultcli(["verify", "--vault", vault, "--json"], env: zh)
        XCTAssertEqual(j.status, 2, j.stderr)
        XCTAssertTrue(j.stdout.contains(note.english), j.stdout)
    }

    // Every reason a JSON Lines row can be refused for, one row each, in both languages.
    func testBadJSONLinesRows() throws {
        initVault()
        let rows: [(String, JSONLProblem)] = [
            (#"{"id":"a\u12"#, .escapeCutShort),
            (#"{"id":"a\uZZZZ"}"#, .escapeNonHex),
            (#"{"id":"abc"#, .stringNotClosed),
            ("{\"id\":\"a\u{01}b\"}", .rawControl),
            (#"{"id":"\uDC00"}"#, .loneSurrogate),
            (#"{"id":"a\x"}"#, .invalidEscape("x")),
            ("[1]", .notAnObject),
            ("{id:1}", .quotedKey),
            (#"{"id" 1}"#, .colonAfterKey),
            (#"{"id":"#, .valueMissing),
            (#"{"amount":1e2}"#, .exponent(key: "amount")),
            (#"{"amount":nul}"#, .invalidValue(key: "amount")),
            (#"{"amount":true}"#, .boolValue(key: "amount")),
            (#"{"amount":[1]}"#, .nested(key: "amount")),
            (#"{"amount":"1","amount":"2"}"#, .keyTwice(key: "amount")),
            (#"{"amount":"1""#, .objectNotClosed),
            (#"{"amount":"1" "x"}"#, .commaOrBrace),
            (#"{"amount":"1"} x"#, .textAfterObject),
        ]
        // Every case a row can meet is here (a \u escape always decodes to a scalar once its
        // surrogates are paired, so `invalidUEscape` cannot be met).
        XCTAssertEqual(Set(rows.map(\.1.english)).union([JSONLProblem.invalidUEscape.english]), Set(JSONLProblem.examples.map(\.english)))
        let file = dir + "/bad.jsonl"
        try (rows.map(\.0).joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let args = ["tx", "import", file, "--format", "jsonl"]
        let e = admin(args, env: en)
        XCTAssertEqual(e.status, 1, e.stderr)
        let z = admin(args, env: zh)
        XCTAssertEqual(z.status, 1, z.stderr)
        assertChinese(z)
        for (n, (_, p)) in rows.enumerated() {
            XCTAssertTrue(e.stderr.contains("vaultcli: line \(n + 1): \(p.english)\n"), "\(p): \(e.stderr)")
            XCTAssertTrue(z.stderr.contains("vaultcli: " + tr(.txBadRow, lang: .zhHans, n + 1, zhText(p)) + "\n"), "\(p): \(z.stderr)")
        }
    }

    // A full card number in a key or a column the vault does not keep: refused, and the row's
    // reason names where it was, in Chinese (the key's or column's own name kept).
    func testAFullCardNumberInAnExtraKeyOrColumn() throws {
        initVault()
        let jsonl = dir + "/pan.jsonl", csv = dir + "/pan.csv"
        try #"{"id":"p1","time":"2026-11-22T10:00:00Z","amount":"1.00","memo":"4111 1111 1111 1111"}"#.appending("\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        try "id,time,amount,memo\np2,2026-11-22T10:00:00Z,1.00,4111111111111111\n".write(toFile: csv, atomically: true, encoding: .utf8)
        for (file, format, line, field) in [(jsonl, "jsonl", 1, tr(.dtFieldKey, lang: .zhHans, "memo")), (csv, "csv", 2, tr(.dtFieldColumn, lang: .zhHans, "memo"))] {
            let args = ["tx", "import", file, "--format", format]
            let e = admin(args, env: en)
            XCTAssertEqual(e.status, 1, e.stderr)
            XCTAssertTrue(e.stderr.contains("vaultcli: line \(line): a full card number (16 digits that pass the Luhn check, 411111******1111) is in the \(format == "csv" ? "column" : "key") memo; it was refused"), e.stderr)
            let z = admin(args, env: zh)
            XCTAssertEqual(z.status, 1, z.stderr)
            XCTAssertTrue(z.stderr.contains("vaultcli: " + tr(.txBadRow, lang: .zhHans, line, tr(.recFullCard, lang: .zhHans, 16, "411111******1111", field)) + "\n"), z.stderr)
            assertChinese(z)
        }
    }

    /// The catalog's words for each case (what the CLI must print).
    func zhText(_ p: JSONLProblem) -> String {
        switch p {
        case .escapeCutShort: tr(.jlEscapeCutShort, lang: .zhHans)
        case .escapeNonHex: tr(.jlEscapeNonHex, lang: .zhHans)
        case .stringNotClosed: tr(.jlStringNotClosed, lang: .zhHans)
        case .rawControl: tr(.jlRawControl, lang: .zhHans)
        case .loneSurrogate: tr(.jlLoneSurrogate, lang: .zhHans)
        case .invalidUEscape: tr(.jlInvalidUEscape, lang: .zhHans)
        case .invalidEscape(let c): tr(.jlInvalidEscape, lang: .zhHans, c)
        case .notAnObject: tr(.jlNotAnObject, lang: .zhHans)
        case .quotedKey: tr(.jlQuotedKey, lang: .zhHans)
        case .colonAfterKey: tr(.jlColonAfterKey, lang: .zhHans)
        case .valueMissing: tr(.jlValueMissing, lang: .zhHans)
        case .exponent(let k): tr(.jlExponent, lang: .zhHans, k)
        case .invalidValue(let k): tr(.jlInvalidValue, lang: .zhHans, k)
        case .boolValue(let k): tr(.jlBoolValue, lang: .zhHans, k)
        case .nested(let k): tr(.jlNested, lang: .zhHans, k)
        case .keyTwice(let k): tr(.jlKeyTwice, lang: .zhHans, k)
        case .objectNotClosed: tr(.jlObjectNotClosed, lang: .zhHans)
        case .commaOrBrace: tr(.jlCommaOrBrace, lang: .zhHans)
        case .textAfterObject: tr(.jlTextAfterObject, lang: .zhHans)
        }
    }

    /// Every case's words in both languages: the English is the library's, the Chinese has no
    /// English sentence in it.
    func testEveryJSONLinesReasonHasChineseWords() {
        for p in JSONLProblem.examples {
            XCTAssertEqual(EnglishText.sentences(in: zhText(p)), [], "\(p)")
            XCTAssertNotEqual(zhText(p), p.english)
        }
        for n in [ScanNote.interruptedWrite(bytes: 17, frames: 1)] {
            guard case let .interruptedWrite(b, f) = n else { continue }
            XCTAssertEqual(tr(.dtInterruptedWrite, lang: .en, b, f), n.english)
            XCTAssertEqual(EnglishText.sentences(in: tr(.dtInterruptedWrite, lang: .zhHans, b, f)), [])
        }
    }
}
