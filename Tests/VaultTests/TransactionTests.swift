import XCTest
@testable import Vault

extension VaultTestCase {
    /// Adds an operator as `user add` does, then has them choose `password` at first login.
    func addOperator(_ path: String, name: String, role: Role, password: String = "Cashier-Pass-123!") throws {
        let v = try Vault.open(path: path, access: .write)
        let admin = try v.unlock(user: "admin", password: pw(adminPassword))
        _ = try v.unlocked(by: admin).operators.add(name: name, role: role, phone: nil, email: nil, password: pw(password + "-first"),
                                                    checker: LengthChecker())
        let me = try v.login(user: name, password: pw(password + "-first"), rules: AccountRules(), allowPasswordChange: true)
        try v.unlocked(by: me.session).operators.changeOwnPassword(newPassword: pw(password), checker: LengthChecker())
    }

    func session(_ v: Vault, _ name: String, _ password: String = "Cashier-Pass-123!") throws -> Session {
        try v.unlock(user: name, password: pw(password))
    }

    func fileContains(_ path: String, _ needle: String) -> Bool {
        let data = FileManager.default.contents(atPath: path)!
        return data.range(of: Data(needle.utf8)) != nil
    }
}

final class MoneyTimeCardTests: XCTestCase {
    func testAmountsAreExactMinorUnits() throws {
        let cny = try Currency(code: "cny"), jpy = try Currency(code: "JPY"), kwd = try Currency(code: "KWD")
        XCTAssertEqual(try Money.parse("12.34", currency: cny), 1234)
        XCTAssertEqual(try Money.parse("12.3", currency: cny), 1230)
        XCTAssertEqual(try Money.parse("12", currency: cny), 1200)
        XCTAssertEqual(try Money.parse("0.01", currency: cny), 1)
        XCTAssertEqual(try Money.parse("12.340", currency: cny), 1234)
        XCTAssertEqual(try Money.parse("500", currency: jpy), 500)
        XCTAssertEqual(try Money.parse("1.234", currency: kwd), 1234)
        // 0.1 + 0.2 style values stay exact.
        XCTAssertEqual(try Money.parse("0.1", currency: cny) + Money.parse("0.2", currency: cny), try Money.parse("0.3", currency: cny))
        for bad in ["12.345", "-1", "1e3", "12,34", "", ".", "1.2.3", " 1", "99999999999999999"] {
            XCTAssertThrowsError(try Money.parse(bad, currency: cny), bad)
        }
        XCTAssertThrowsError(try Money.parse("5.5", currency: jpy))
        XCTAssertThrowsError(try Currency(code: "XYZ"))
        XCTAssertEqual(Money.format(1234, currency: cny), "12.34")
        XCTAssertEqual(Money.format(5, currency: cny), "0.05")
        XCTAssertEqual(Money.format(500, currency: jpy), "500")
        XCTAssertEqual(Money.format(1234, currency: kwd), "1.234")
        XCTAssertEqual(Money.format(Int128(Money.maxMinor) * 1_000_000, exponent: 2), "9999999999999990000.00")
        let b = try AmountBound("10.5")
        XCTAssertEqual(b.compare(minor: 1050, exponent: 2), 0)
        XCTAssertEqual(b.compare(minor: 1049, exponent: 2), -1)
        XCTAssertEqual(b.compare(minor: 11, exponent: 0), 1)
        XCTAssertThrowsError(try AmountBound("1.2.3"))
    }

    func testTimes() throws {
        XCTAssertEqual(try TxTime.instant("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(try TxTime.instant("2026-11-22T10:15:00Z"), 1_795_342_500)
        XCTAssertEqual(try TxTime.instant("2026-11-22T18:15:00+08:00"), 1_795_342_500)
        XCTAssertEqual(try TxTime.instant("2026-11-22T18:15:00.123+0800"), 1_795_342_500)
        XCTAssertEqual(try TxTime.instant("2026-11-22 18:15", localOffset: 8 * 3600), 1_795_342_500)
        XCTAssertEqual(try TxTime.parse("2026-11-22", localOffset: 0), .date(1_795_305_600))
        XCTAssertEqual(TxTime.iso(1_795_342_500), "2026-11-22T10:15:00Z")
        XCTAssertEqual(TxTime.day(1_795_342_500 + 14 * 3600, offset: 8 * 3600), "2026-11-23")
        for bad in ["2026-02-30T00:00:00Z", "2026-13-01", "26-11-22", "2026-11-22T25:00:00Z", "2026-11-22T10:00:00+99:00", "yesterday", "1969-12-31"] {
            XCTAssertThrowsError(try TxTime.parse(bad), bad)
        }
        for t in stride(from: Int64(0), to: 4_000_000_000, by: 86_399 * 37) {
            XCTAssertEqual(try TxTime.instant(TxTime.iso(t)), t)
        }
    }

    func testFullCardNumbersAreFoundAnywhere() throws {
        let pans = ["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "REF4111111111111111X",
                    "order 12345 4111 1111 1111 1111", "378282246310005", "3782 822463 10005", "6222 0212 3456 7890 128",
                    "\u{FF14}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}\u{FF11}"]
        XCTAssertTrue(CardGuard.luhn(Array("6222021234567890128".utf8).map { $0 - 48 }))
        for p in pans {
            XCTAssertThrowsError(try CardGuard.check(p, field: "x"), p) { e in
                guard case RecordError.fullCardNumber(_, let masked, _) = e else { return XCTFail("\(e)") }
                XCTAssertTrue(masked.contains("*"))
                XCTAssertFalse((e as! RecordError).message.contains("4111111111111111"))
            }
        }
        let fine = ["4111111111111112", "411111111111", "20261122-101501-0001", "622588******1234", "T-0017", "REF0000000001", "12345678901234567890123"]
        for f in fine { XCTAssertNoThrow(try CardGuard.check(f, field: "x"), f) }
        XCTAssertEqual(try CardGuard.maskedCard("622588******1234"), "622588******1234")
        XCTAssertEqual(try CardGuard.maskedCard("6225 88XX XXXX 1234"), "622588******1234")
        XCTAssertEqual(try CardGuard.maskedCard("****1234"), "****1234")
        XCTAssertThrowsError(try CardGuard.maskedCard("6225881234561234"))  // not masked
        XCTAssertThrowsError(try CardGuard.maskedCard("4111111111111111")) { e in
            XCTAssertEqual((e as? RecordError)?.exitCode, .policyRejected)
        }
        XCTAssertThrowsError(try CardGuard.maskedCard("6225881*****1234"))  // 7 leading digits
        XCTAssertThrowsError(try CardGuard.maskedCard("622588******12345"))  // 5 trailing digits
        XCTAssertThrowsError(try CardGuard.maskedCard("**12345"))
        XCTAssertThrowsError(try CardGuard.maskedCard("abc"))
    }

    func testBinaryCodecRoundTripAndSize() throws {
        let t = try Transaction(id: "tx-000000001", time: 1_795_342_500, amount: 1234, currency: .cny, kind: .refund, card: "622588******1234",
                                reference: "REF0000000001", operatorName: "cashier-07", terminal: "T-0017", status: .reversed).validated()
        let b = TxCodec.encode(t)
        XCTAssertEqual(try TxCodec.decode(b), t)
        let csv = "tx-000000001,2026-11-22T10:15:00Z,12.34,CNY,refund,622588******1234,REF0000000001,cashier-07,T-0017,reversed\n"
        XCTAssertLessThan(b.count, csv.utf8.count, "binary \(b.count) vs CSV \(csv.utf8.count)")
        XCTAssertFalse(String(decoding: b, as: UTF8.self).contains("12.34"))  // an integer, not text
        for cut in 0..<b.count { XCTAssertThrowsError(try TxCodec.decode(Array(b[0..<cut]))) }
    }
}

final class TransactionStoreTests: VaultTestCase {
    func tx(_ i: Int, amount: Int64 = 100, kind: Transaction.Kind = .sale, time: Int64 = 1_795_342_500) -> Transaction {
        Transaction(id: "", time: time + Int64(i), amount: amount, kind: kind, operatorName: "-", terminal: "")
    }

    func testRolesCashierSeesOnlyOwnManagerSeesAll() throws {
        let path = try makeVault()
        try addOperator(path, name: "alice", role: .cashier)
        try addOperator(path, name: "bob", role: .cashier)
        try addOperator(path, name: "mia", role: .manager, password: "Manager-Pass-123!")
        let v = try Vault.open(path: path, access: .write)
        let alice = try session(v, "alice"), bob = try session(v, "bob"), mia = try session(v, "mia", "Manager-Pass-123!")
        XCTAssertEqual(alice.keyClasses, [.shared])
        try v.unlocked(by: alice).transactions.add(tx(1, amount: 1000))
        try v.unlocked(by: alice).transactions.add(tx(2, amount: 2000))
        try v.unlocked(by: bob).transactions.add(tx(3, amount: 3000, kind: .refund))
        var seen: [String] = []
        try v.unlocked(by: bob).transactions.forEach { seen.append($0.operatorName) }
        XCTAssertEqual(seen, ["bob"])
        seen = []
        try v.unlocked(by: mia).transactions.forEach { seen.append($0.operatorName) }
        XCTAssertEqual(seen, ["alice", "alice", "bob"])
        var f = TxFilter(); f.operatorName = "alice"
        XCTAssertEqual(expectVaultError { try v.unlocked(by: bob).transactions.forEach(filter: f) { _ in } },
                       .permissionDenied(needed: Permission.readAllTransactions.rawValue, role: "cashier"))
        let sink = OutputSink(fd: open("/dev/null", O_WRONLY))
        XCTAssertEqual(expectVaultError { try v.unlocked(by: bob).transactions.render(filter: TxFilter(), format: .csv, to: sink, export: true) },
                       .permissionDenied(needed: Permission.readAllTransactions.rawValue, role: "cashier"))
        // The operator of an added record is always the session's.
        var forged = tx(4); forged.operatorName = "alice"
        XCTAssertEqual(try v.unlocked(by: bob).transactions.add(forged).operatorName, "bob")
        let sum = try v.unlocked(by: mia).transactions.summarize(filter: TxFilter(), utcOffset: 0)
        XCTAssertEqual(sum.records, 4)
        XCTAssertEqual(sum.currencies.first?.net, 1000 + 2000 + 100 - 3000)
        let own = try v.unlocked(by: alice).transactions.summarize(filter: TxFilter(), utcOffset: 0)
        XCTAssertEqual(own.records, 2)
    }

    func testFiltersAndLimit() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        for i in 0..<50 { try v.unlocked(by: s).transactions.add(tx(i * 3600, amount: Int64(i * 100), kind: i % 5 == 0 ? .refund : .sale)) }
        func count(_ build: (inout TxFilter) throws -> Void) throws -> Int {
            var f = TxFilter(); try build(&f)
            return try v.unlocked(by: s).transactions.forEach(filter: f) { _ in }
        }
        XCTAssertEqual(try count { _ in }, 50)
        XCTAssertEqual(try count { $0.kinds = [.refund] }, 10)
        XCTAssertEqual(try count { $0.min = try AmountBound("10"); $0.max = try AmountBound("20.00") }, 11)
        XCTAssertEqual(try count { $0.since = 1_795_342_500 + 10 * 3600; $0.until = 1_795_342_500 + 20 * 3600 }, 10)
        XCTAssertEqual(try count { $0.limit = 7 }, 7)
        XCTAssertEqual(try count { $0.operatorName = "nobody" }, 0)
        XCTAssertEqual(try count { $0.currency = try Currency(code: "USD") }, 0)
    }

    func testImportBatchesDedupeAndBadRows() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        var csv = "id,time,amount,currency,kind,card,reference,operator,terminal,status\n"
        for i in 1...25 { csv += "id-\(i),2026-11-22T10:\(String(format: "%02d", i)):00Z,\(i).50,CNY,sale,622588******1234,R\(i),alice,T-9,approved\n" }
        csv += "id-26,2026-11-22T11:00:00Z,1.00,CNY,sale,,\"note, with 4111 1111 1111 1111\",alice,T-9,approved\n"  // line 27: PAN
        csv += "id-27,2026-11-22T11:00:00Z,1.005,CNY,sale,,,alice,T-9,approved\n"  // line 28: too many decimals
        func run(_ text: String, batch: Int) throws -> (TxImportResult, [String]) {
            let f = dir + "/in-\(UUID().uuidString).csv"
            FileManager.default.createFile(atPath: f, contents: Data(text.utf8))
            let fd = open(f, O_RDONLY); defer { close(fd) }
            var bad: [String] = []
            var o = TxImportOptions(format: .csv); o.batchRows = batch
            let r = try v.unlocked(by: s).transactions.importRows(fd: fd, source: f, options: o, badRow: { bad.append("line \($0): \($1)") })
            return (r, bad)
        }
        let (r1, bad1) = try run(csv, batch: 10)
        XCTAssertEqual(bad1.count, 2)
        XCTAssertTrue(bad1[0].hasPrefix("line 27: a full card number"), bad1[0])
        XCTAssertTrue(bad1[1].hasPrefix("line 28: invalid amount"), bad1[1])
        XCTAssertFalse(bad1.joined().contains("4111111111111111"))
        // Batches: lines 2-11, 12-21 written; 22-28 (holding the bad rows) refused whole.
        XCTAssertEqual(r1.imported, 20)
        XCTAssertEqual(r1.batchesWritten, 2)
        XCTAssertEqual(r1.batchesRefused, 1)
        // Fix the rows and import again: only the missing ones are added.
        let fixed = csv.replacingOccurrences(of: "4111 1111 1111 1111", with: "no card").replacingOccurrences(of: "1.005", with: "1.01")
        let (r2, bad2) = try run(fixed, batch: 10)
        XCTAssertEqual(bad2, [])
        XCTAssertEqual(r2.imported, 7)
        XCTAssertEqual(r2.duplicates, 20)
        let (r3, _) = try run(fixed, batch: 10_000)
        XCTAssertEqual(r3.imported, 0)
        XCTAssertEqual(r3.duplicates, 27)
        var ids = Set<String>()
        var total: Int64 = 0
        try v.unlocked(by: s).transactions.forEach { ids.insert($0.id); total += $0.amount }
        XCTAssertEqual(ids.count, 27)
        var expected: Int64 = 100 + 101
        for i in 1...25 { expected += Int64(i) * 100 + 50 }
        XCTAssertEqual(total, expected)
        XCTAssertFalse(fileContains(path, "4111111111111111"))
        XCTAssertFalse(fileContains(path, "4111 1111"))
        XCTAssertTrue(try v.unlocked(by: s).verify().problems.isEmpty)
    }

    func testCashierImportsOnlyOwnRows() throws {
        let path = try makeVault()
        try addOperator(path, name: "alice", role: .cashier)
        let v = try Vault.open(path: path, access: .write)
        let alice = try session(v, "alice")
        let f = dir + "/in.jsonl"
        FileManager.default.createFile(atPath: f, contents: Data("""
        {"id":"a1","time":"2026-11-22T10:00:00Z","amount":"1.00"}
        {"id":"a2","time":"2026-11-22T10:00:00Z","amount":2.5,"operator":"alice"}
        {"id":"a3","time":"2026-11-22T10:00:00Z","amount":"3","operator":"bob"}

        """.utf8))
        let fd = open(f, O_RDONLY); defer { close(fd) }
        var bad: [String] = []
        let r = try v.unlocked(by: alice).transactions.importRows(fd: fd, source: f, options: TxImportOptions(format: .jsonl), badRow: { bad.append("line \($0): \($1)") })
        XCTAssertEqual(bad.count, 1)
        XCTAssertTrue(bad[0].hasPrefix("line 3: the operator is bob"), bad[0])
        XCTAssertEqual(r.imported, 0)
    }
}

/// The CSV cell rule on its own (issue 11): every OWASP prefix, quote runs, and the reader's
/// inverse, including the tab and CR that no vault field lets through.
final class CSVCellTests: XCTestCase {
    func testNeutraliseAndReadBack() throws {
        let cases: [(String, String)] = [
            ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "\"'\t=1\""), ("\r=1", "\"'\r=1\""),
            ("'=x", "''=x"), ("'plain", "'plain"), ("plain", "plain"), ("a,b", "\"a,b\""), (" x", "\" x\""), ("", ""),
        ]
        for (cell, written) in cases {
            XCTAssertEqual(CSV.row([cell]), written + "\n", cell.debugDescription)
            var out: [UInt8] = [], fields: [Range<Int>] = []
            try CSVRowParser.split(Array(written.utf8), into: &out, fields: &fields)
            XCTAssertEqual(String(decoding: out[fields[0]], as: UTF8.self), cell, "read back \(written.debugDescription)")
        }
    }
}

/// The display sanitiser over every code point it must escape, and some it must keep.
final class DisplayTextTests: XCTestCase {
    func testEveryC0C1DELAndBidiCodePointIsEscaped() {
        let unsafe: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for v in unsafe {
            let u = Unicode.Scalar(v)!
            let s = "a" + String(Character(u)) + "b"
            XCTAssertTrue(DisplayText.isUnsafe(u))
            XCTAssertEqual(DisplayText.sanitize(s), "a\\u{\(String(v, radix: 16, uppercase: true))}b")
            let json = DisplayText.escapeJSON("\"" + String(Character(u)) + "\"")
            XCTAssertFalse(json.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0.value >= 0x7F }, String(v, radix: 16))
        }
        XCTAssertEqual(DisplayText.sanitize("a\nb", keepNewlines: true), "a\nb")
        for keep in ["小美", "王芳", "café", "owner", "\u{200B}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{A0}"] {
            XCTAssertEqual(DisplayText.sanitize(keep), keep)
        }
        // escapeJSON keeps the value: parsed back, it is the same string.
        let raw = "x\u{7F}\u{85}\u{202E}\u{2069}y"
        let data = try! JSONSerialization.data(withJSONObject: [raw])
        let escaped = DisplayText.escapeJSON(String(decoding: data, as: UTF8.self))
        XCTAssertEqual((try! JSONSerialization.jsonObject(with: Data(escaped.utf8)) as! [String])[0], raw)
    }
}

/// Terminal cells and the byte-level cell writer the `tx list` table uses.
final class CellWidthTests: XCTestCase {
    func testChineseTakesTwoCellsCombiningNoneASCIIOne() {
        XCTAssertEqual(CellWidth.of("owner"), 5)
        XCTAssertEqual(CellWidth.of("小美"), 4)
        XCTAssertEqual(CellWidth.of("拉卡拉商户平台"), 14)
        XCTAssertEqual(CellWidth.of("ＡＢ"), 4)           // fullwidth forms
        XCTAssertEqual(CellWidth.of("e\u{301}"), 1)      // combining acute
        XCTAssertEqual(CellWidth.of("a\u{200B}b"), 2)    // zero width space
        XCTAssertEqual(CellWidth.of("\u{AD}"), 1)        // soft hyphen stays visible
        XCTAssertEqual(CellWidth.of("한국"), 4)
        XCTAssertEqual(CellWidth.of("¥1,000"), 6)
    }

    /// appendCell gives exactly DisplayText.sanitize's text and CellWidth's count, for every
    /// unsafe code point and a spread of safe ones, and U+FFFD for malformed UTF-8.
    func testAppendCellMatchesSanitizeAndWidth() {
        var samples = ["", "plain", "小美 王芳", "invoice-\u{202E}fdp.exe\u{2066}x\u{2069}", "e\u{301}", "\u{1F600}", "\u{FFFD}"]
        let unsafe: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        samples += unsafe.map { "a" + String(Character(Unicode.Scalar($0)!)) + "b" }
        for s in samples {
            var out: [UInt8] = []
            let cells = Array(s.utf8).withUnsafeBytes { DisplayText.appendCell($0, to: &out) }
            let expected = DisplayText.sanitize(s)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), expected, s.debugDescription)
            XCTAssertEqual(cells, CellWidth.of(expected), s.debugDescription)
        }
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE5, 0xB0], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
            var out: [UInt8] = []
            let cells = (bad + [0x41]).withUnsafeBytes { DisplayText.appendCell($0, to: &out) }
            XCTAssertEqual(String(decoding: out, as: UTF8.self).unicodeScalars.last, "A")
            XCTAssertTrue(String(decoding: out, as: UTF8.self).hasPrefix("\u{FFFD}"), "\(bad)")
            XCTAssertEqual(cells, String(decoding: out, as: UTF8.self).unicodeScalars.count)
        }
    }
}
