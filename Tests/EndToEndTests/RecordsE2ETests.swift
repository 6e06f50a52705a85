import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// End-to-end tests of `tx`, `account`, `unlock` and `lock`, through the built binary.
final class RecordsE2ETests: EndToEndTestCase {
    var runDir: String { dir + "/run" }

    override func setUp() {
        super.setUp()
        mkdir(runDir, 0o700)
    }

    override func tearDown() {
        _ = vaultcli(["lock", "--vault", vault], env: ["XDG_RUNTIME_DIR": runDir])
        super.tearDown()
    }

    /// Runs vaultcli on the test vault with this test's session directory.
    @discardableResult
    func cli(_ args: [String], stdin: String? = nil) -> CLIResult {
        var a = args
        a.insert(contentsOf: ["--vault", vault], at: args.firstIndex(where: { $0.hasPrefix("-") }) ?? args.count)
        return vaultcli(a, stdin: stdin, env: ["XDG_RUNTIME_DIR": runDir])
    }

    /// As the admin, with the password on stdin (no session).
    @discardableResult
    func admin(_ args: [String], stdin extra: String = "") -> CLIResult {
        cli(args + ["--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + extra)
    }

    func write(_ name: String, _ text: String) -> String {
        let p = dir + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    func vaultBytes() -> Data { FileManager.default.contents(atPath: vault)! }

    /// `user add` by the admin, then the operator's first-login change to `password`.
    func addOperator(_ name: String, role: Role, password: String) throws {
        let temp = "Tmp#" + password.reversed() + "9z!"
        let add = vaultcli(["user", "add", name, "--role", role.rawValue, "--vault", vault, "--user", "admin", "--password-stdin"],
                           stdin: adminPassword + "\n" + temp + "\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        let ch = vaultcli(["user", "passwd", "--vault", vault, "--user", name, "--password-stdin"], stdin: temp + "\n" + password + "\n")
        XCTAssertEqual(ch.status, 0, ch.stderr)
    }

    /// Bad rows come first on stderr (`vaultcli: line N: ...`), then the error and its hint.
    func assertImportRefused(_ r: CLIResult, contains: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("vaultcli: line ") || $0.hasPrefix("vaultcli: error: ") || $0.hasPrefix("vaultcli: hint: ") || $0.hasPrefix("vaultcli: warning: ") }, r.stderr, file: file, line: line)
        XCTAssertTrue(lines.contains { $0.hasPrefix("vaultcli: error: ") && $0.contains(contains) }, r.stderr, file: file, line: line)
        XCTAssertTrue(lines.last?.hasPrefix("vaultcli: hint: ") == true, r.stderr, file: file, line: line)
    }

    /// Whether a process is gone (or a zombie nobody has reaped yet).
    func exited(_ pid: Int) -> Bool {
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    func json(_ r: CLIResult) -> Any? { try? JSONSerialization.jsonObject(with: r.stdoutData) }

    // MARK: tx

    func testTxAddListEveryFilterAndFormat() throws {
        initVault()
        let adds: [[String]] = [
            ["--amount", "12.34", "--time", "2026-11-20T09:00:00Z", "--card", "622588******1234", "--reference", "R1"],
            ["--amount", "100", "--time", "2026-11-21T09:00:00Z", "--kind", "refund"],
            ["--amount", "0.50", "--time", "2026-11-22T09:00:00Z", "--kind", "void", "--status", "declined"],
            ["--amount", "500", "--currency", "JPY", "--time", "2026-11-22T10:00:00+08:00"],
        ]
        for a in adds { XCTAssertEqual(admin(["tx", "add"] + a).status, 0) }
        let all = admin(["tx", "list", "--json"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let rows = try XCTUnwrap(json(all) as? [[String: Any]])
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[0]["amount"] as? String, "12.34")
        XCTAssertEqual(rows[0]["amount_minor"] as? Int, 1234)
        XCTAssertEqual(rows[0]["card"] as? String, "622588******1234")
        XCTAssertEqual(rows[3]["amount_minor"] as? Int, 500)
        XCTAssertEqual(rows[3]["time"] as? String, "2026-11-22T02:00:00Z")
        func ids(_ extra: [String]) -> [String] {
            let r = admin(["tx", "list", "--csv"] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[2]) }
        }
        XCTAssertEqual(ids([]), ["12.34", "100.00", "0.50", "500"])
        XCTAssertEqual(ids(["--since", "2026-11-21"]), ["100.00", "0.50", "500"])
        XCTAssertEqual(ids(["--until", "2026-11-21"]), ["12.34", "100.00"])
        XCTAssertEqual(ids(["--since", "2026-11-21T09:00:00Z", "--until", "2026-11-21T09:00:00Z"]), ["100.00"])
        XCTAssertEqual(ids(["--kind", "refund", "--kind", "void"]), ["100.00", "0.50"])
        XCTAssertEqual(ids(["--min", "12.34"]), ["12.34", "100.00", "500"])
        XCTAssertEqual(ids(["--max", "12.34"]), ["12.34", "0.50"])
        XCTAssertEqual(ids(["--min", "1", "--max", "99.99"]), ["12.34"])
        XCTAssertEqual(ids(["--currency", "jpy"]), ["500"])
        XCTAssertEqual(ids(["--status", "declined"]), ["0.50"])
        XCTAssertEqual(ids(["--operator", "admin", "--limit", "2"]), ["12.34", "100.00"])
        XCTAssertEqual(ids(["--operator", "nobody"]), [])
        let table = admin(["tx", "list", "--kind", "sale"])
        XCTAssertTrue(table.stdout.hasPrefix("TIME "), table.stdout)
        XCTAssertTrue(table.stdout.contains("622588******1234"))
        XCTAssertTrue(table.stdout.hasSuffix("2 transactions\n"), table.stdout)
        // Usage errors.
        assertError(admin(["tx", "list", "--since", "2026-11-22", "--until", "2026-11-21"]), status: 64, contains: "is not before")
        assertError(admin(["tx", "list", "--since", "yesterday"]), status: 64, contains: "invalid time")
        assertError(admin(["tx", "list", "--min", "1,5"]), status: 64, contains: "invalid amount")
        assertError(admin(["tx", "list", "--kind", "gift"]), status: 64, contains: "unknown kind")
        XCTAssertEqual(admin(["tx", "list", "--json", "--csv"]).status, 64)
    }

    /// The table pads by terminal cells: with Chinese operator names and references, every
    /// column still starts at the same cell on every row (issue 13's 小美, 王芳, 拉卡拉商户平台),
    /// and the rows match the CSV of the same records.
    func testTxListTableAlignsChineseTextByTerminalCells() throws {
        initVault()
        let csv = write("cn.csv", """
        id,time,amount,currency,kind,card,reference,operator,terminal,status
        cn-1,2026-11-22T12:30:00Z,88.00,CNY,sale,622588******1234,拉卡拉商户平台,小美,T-1,approved
        cn-2,2026-11-22T12:31:00Z,1234.50,CNY,refund,,REF-2,王芳,T-1,approved
        cn-3,2026-11-22T12:32:00Z,7.00,CNY,sale,622588******5678,ref é\u{301},lin,T-1,pending

        """)
        XCTAssertEqual(admin(["tx", "import", csv]).status, 0)
        let table = admin(["tx", "list"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, table.stdout)
        func cells(_ s: Substring) -> Int { CellWidth.of(String(s)) }
        /// The cell at which each column starts: after a run of two spaces.
        func starts(_ line: String, _ texts: [String]) -> [Int] {
            texts.map { t in cells(line[..<line.range(of: t)!.lowerBound]) }
        }
        let header = starts(lines[0], ["ID", "KIND", "CUR", "OPERATOR", "STATUS", "REFERENCE"])
        XCTAssertEqual(starts(lines[1], ["cn-1", "sale", "CNY", "小美", "approved", "拉卡拉商户平台"]), header, lines[1])
        XCTAssertEqual(starts(lines[2], ["cn-2", "refund", "CNY", "王芳", "approved", "REF-2"]), header, lines[2])
        XCTAssertEqual(starts(lines[3], ["cn-3", "sale", "CNY", "lin", "pending", "ref"]), header, lines[3])
        // AMOUNT is right-aligned: the amounts end where the header's AMOUNT ends.
        let amountEnd = cells(lines[0][..<lines[0].range(of: "AMOUNT")!.upperBound])
        for (line, amount) in zip(lines[1...3], ["88.00", "1234.50", "7.00"]) {
            XCTAssertEqual(cells(line[..<line.range(of: amount)!.upperBound]), amountEnd, line)
        }
        XCTAssertTrue(lines[2].contains(" -  "), "an empty card shows as -: \(lines[2])")
        XCTAssertEqual(lines[4], "3 transactions")
        XCTAssertFalse(lines.contains { $0.hasSuffix(" ") })
    }

    func testTxAddErrorsLeaveTheVaultUnchanged() {
        initVault()
        let before = vaultBytes()
        assertError(admin(["tx", "add", "--amount", "12.345"]), status: 64, contains: "CNY has 2 decimal places")
        assertError(admin(["tx", "add", "--amount=-5"]), status: 64, contains: "never negative")
        assertError(admin(["tx", "add", "--amount", "1e3"]), status: 64, contains: "invalid amount")
        assertError(admin(["tx", "add", "--amount", "5.5", "--currency", "JPY"]), status: 64, contains: "JPY has 0 decimal places")
        assertError(admin(["tx", "add", "--amount", "1", "--currency", "XXX"]), status: 64, contains: "unknown currency")
        assertError(admin(["tx", "add", "--amount", "1", "--kind", "gift"]), status: 64, contains: "unknown kind")
        assertError(admin(["tx", "add", "--amount", "1", "--card", "6225881234****34"]), status: 64, contains: "more than the first 6 and last 4")
        assertError(admin(["tx", "add", "--amount", "1", "--time", "2026-02-30T10:00:00Z"]), status: 64, contains: "invalid time")
        assertError(cli(["tx", "add", "--amount", "1"]), status: 5, contains: "no session is open")
        XCTAssertEqual(vaultBytes(), before)
    }

    func testFullCardNumberRefusedEverywhereAndNeverWritten() {
        initVault()
        let pan = "6222021234567890128", spaced = "4111 1111 1111 1111", dashed = "3782-822463-10005"
        assertError(admin(["tx", "add", "--amount", "1", "--card", pan]), status: 13, contains: "full card number")
        assertError(admin(["tx", "add", "--amount", "1", "--card", spaced]), status: 13, contains: "full card number")
        assertError(admin(["tx", "add", "--amount", "1", "--reference", "REF" + pan]), status: 13, contains: "in the reference")
        let csv = write("p.csv", """
        id,time,amount,card,reference,memo
        a1,2026-11-22T10:00:00Z,1.00,,ok,fine
        a2,2026-11-22T10:00:00Z,1.00,\(pan),ok,fine
        a3,2026-11-22T10:00:00Z,1.00,,"\(spaced)",fine
        a4,2026-11-22T10:00:00Z,1.00,,ok,card \(dashed)
        \(pan),2026-11-22T10:00:00Z,1.00,,ok,fine

        """)
        let r = admin(["tx", "import", csv])
        assertImportRefused(r, contains: "4 bad rows")
        XCTAssertTrue(r.stderr.contains("vaultcli: line 3: a full card number"), r.stderr)
        XCTAssertTrue(r.stderr.contains("vaultcli: line 4: a full card number (16 digits that pass the Luhn check, 411111******1111) is in the reference"), r.stderr)
        XCTAssertTrue(r.stderr.contains("vaultcli: line 5: a full card number (15 digits that pass the Luhn check, 378282*****0005) is in the column memo"), r.stderr)
        XCTAssertTrue(r.stderr.contains("vaultcli: line 6: a full card number"), r.stderr)
        let jl = write("p.jsonl", "{\"id\":\"j1\",\"time\":\"2026-11-22T10:00:00Z\",\"amount\":\"1\",\"note\":\"\(pan)\"}\n")
        assertImportRefused(admin(["tx", "import", jl]), contains: "1 bad row")
        for text in [pan, "4111111111111111", spaced, dashed, "378282246310005"] {
            XCTAssertNil(vaultBytes().range(of: Data(text.utf8)), text)
            XCTAssertFalse(r.stderr.contains(text) || r.stdout.contains(text), text)
        }
        XCTAssertEqual(admin(["tx", "list", "--csv"]).stdout, "id,time,amount,currency,kind,card,reference,operator,terminal,status\n")
        XCTAssertEqual(admin(["verify"]).status, 0)
    }

    func testImportExportRoundTripAndReimportDoesNotDuplicate() throws {
        initVault()
        var csv = "id,time,amount,currency,kind,card,reference,operator,terminal,status\n"
        for i in 0..<300 {
            csv += "t\(i),2026-11-\(10 + i % 10)T\(String(format: "%02d", i % 24)):00:00Z,\(i).\(String(format: "%02d", i % 100)),\(i % 7 == 0 ? "USD" : "CNY"),\(["sale", "refund", "void"][i % 3]),\(i % 2 == 0 ? "622588******1234" : ""),\"R,\(i)\",op\(i % 4),T-0017,approved\n"
        }
        let f = write("in.csv", csv)
        var r = admin(["tx", "import", f, "--batch-size", "64"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "300 rows read: imported 300, skipped 0 already in the vault, 0 bad\n")
        r = admin(["tx", "import", f, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((json(r) as? [String: Any])?["imported"] as? Int, 0)
        XCTAssertEqual((json(r) as? [String: Any])?["duplicates"] as? Int, 300)
        // Export reproduces the input exactly (same columns, same order, same text).
        let out = dir + "/out.csv"
        r = admin(["tx", "export", "--output", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), csv)
        var st = stat(); stat(out, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        assertError(admin(["tx", "export", "--output", out]), status: 64, contains: "already exists")
        // JSON Lines through stdin into a second vault, and back.
        let jsonl = admin(["tx", "export", "--format", "jsonl"]).stdout
        XCTAssertEqual(jsonl.split(separator: "\n").count, 300)
        let first = vault
        let second = dir + "/vault2"
        XCTAssertEqual(vaultcli(["init", "--vault", second, "--password-stdin", "--terminal-id", "T-2"], stdin: adminPassword + "\n").status, 0)
        let pwFile = write("pw", adminPassword + "\n"); chmod(pwFile, 0o600)
        r = vaultcli(["tx", "import", "-", "--format", "jsonl", "--vault", second, "--user", "admin", "--password-file", pwFile], stdin: jsonl)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("300 rows read: imported 300"), r.stdout)
        r = vaultcli(["tx", "export", "--vault", second, "--user", "admin", "--password-file", pwFile])
        XCTAssertEqual(r.stdout, csv)
        _ = first
        // Sizes: the vault holds the records in less than the CSV's bytes plus the fixed overhead.
        let size = try FileManager.default.attributesOfItem(atPath: second)[.size] as! Int
        XCTAssertLessThan(size, csv.utf8.count * 3 / 2, "vault \(size) bytes vs CSV \(csv.utf8.count)")
    }

    func testBadRowsReportedWithLineNumbersAndBatchesAllOrNothing() {
        initVault()
        let f = write("bad.csv", """
        id,time,amount,currency,kind
        ok1,2026-11-22T10:00:00Z,1.00,CNY,sale
        bad1,2026-11-22T10:00:00Z,abc,CNY,sale
        ok2,2026-11-22T10:00:00Z,2.00,CNY,sale
        ok3,2026-11-22T10:00:00Z,3.00,CNY,sale
        bad2,2026-11-22,3.00,CNY,sale
        ok4,2026-11-22T10:00:00Z,4.00,XYZ,sale
        ok5,2026-11-22T10:00:00Z,5.00,CNY,sale,extra
        ok6,2026-11-22T10:00:00Z,6.00,CNY,gift
        "unterminated,2026-11-22T10:00:00Z,7.00,CNY,sale
        """)
        let r = admin(["tx", "import", f, "--batch-size", "3"])
        assertImportRefused(r, contains: "6 bad rows: 3 batches were refused whole")
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("vaultcli: line ") }.map(String.init)
        XCTAssertEqual(lines.map { $0.split(separator: ":")[1] }, [" line 3", " line 6", " line 7", " line 8", " line 9", " line 10"], r.stderr)
        XCTAssertTrue(lines[0].contains("invalid amount \"abc\""))
        XCTAssertTrue(lines[1].contains("has no time of day"))
        XCTAssertTrue(lines[2].contains("unknown currency"))
        XCTAssertTrue(lines[3].contains("6 fields, but the header has 5"))
        XCTAssertTrue(lines[4].contains("unknown kind"))
        XCTAssertTrue(lines[5].contains("not closed"))
        // Batches of 3 rows: lines 2-4 (bad), 5-7 (bad), 8-10 (bad): nothing written.
        XCTAssertTrue(r.stdout.contains("imported 0"), r.stdout)
        XCTAssertEqual(admin(["tx", "list", "--csv"]).stdout.split(separator: "\n").count, 1)
        // A dry run writes nothing even for good input.
        let good = write("good.csv", "id,time,amount\ng1,2026-11-22T10:00:00Z,1\n")
        XCTAssertTrue(admin(["tx", "import", good, "--dry-run"]).stdout.contains("would import 1"))
        XCTAssertEqual(admin(["tx", "list", "--csv"]).stdout.split(separator: "\n").count, 1)
        assertError(admin(["tx", "import", write("h.csv", "when,amount\n")]), status: 64, contains: "line 1: the header has no id column")
        assertError(admin(["tx", "import", dir + "/missing.csv"]), status: 9, contains: "cannot open")
        let jl = write("bad.jsonl", "{\"id\":\"j1\",\"time\":\"2026-11-22T10:00:00Z\",\"amount\":1.5e2}\n[1]\n{\"id\":\"j2\",\"time\":\"2026-11-22T10:00:00Z\",\"amount\":12.34}\n")
        let j = admin(["tx", "import", jl, "--batch-size", "1"])
        XCTAssertTrue(j.stderr.contains("vaultcli: line 1: the number for amount uses exponent notation"), j.stderr)
        XCTAssertTrue(j.stderr.contains("vaultcli: line 2: expected a JSON object"), j.stderr)
        XCTAssertTrue(j.stdout.contains("imported 1"), j.stdout)
        XCTAssertEqual((json(admin(["tx", "list", "--json"])) as? [[String: Any]])?.first?["amount_minor"] as? Int, 1234)
    }

    func testSummaryByDayOperatorKindAndCurrency() throws {
        initVault()
        let f = write("s.csv", """
        id,time,amount,currency,kind,operator,status
        1,2026-11-22T01:00:00Z,10.00,CNY,sale,alice,approved
        2,2026-11-22T02:00:00Z,5.50,CNY,sale,alice,approved
        3,2026-11-22T03:00:00Z,1.25,CNY,refund,alice,approved
        4,2026-11-22T20:00:00Z,7.00,CNY,sale,bob,approved
        5,2026-11-22T20:00:00Z,9.99,USD,sale,bob,approved
        6,2026-11-22T20:00:00Z,100.00,CNY,sale,bob,declined
        """)
        XCTAssertEqual(admin(["tx", "import", f]).status, 0)
        let r = admin(["tx", "summary", "--json", "--utc-offset", "+08:00"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(json(r) as? [String: Any])
        XCTAssertEqual(o["records"] as? Int, 5)
        let groups = try XCTUnwrap(o["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.map { "\($0["day"]!) \($0["operator"]!) \($0["kind"]!) \($0["currency"]!) \($0["count"]!) \($0["total"]!)" }, [
            "2026-11-22 alice sale CNY 2 15.50", "2026-11-22 alice refund CNY 1 1.25",
            "2026-11-23 bob sale CNY 1 7.00", "2026-11-23 bob sale USD 1 9.99",
        ])
        let cur = try XCTUnwrap(o["currencies"] as? [[String: Any]])
        XCTAssertEqual(cur.first?["net"] as? String, "21.25")
        let t = admin(["tx", "summary", "--status", "declined", "--utc-offset", "Z"])
        XCTAssertTrue(t.stdout.contains("2026-11-22  bob"), t.stdout)
        XCTAssertTrue(t.stdout.contains("CNY: 1 records; sale 1 = 100.00"), t.stdout)
    }

    // MARK: roles

    func testCashierSeesOnlyOwnRecordsAndNoAccounts() throws {
        initVault()
        try addOperator("alice", role: .cashier, password: "qW7!eR4@tY1#uI8$")
        try addOperator("bob", role: .cashier, password: "zX2$cV9%bN6^mL3&")
        try addOperator("mia", role: .manager, password: "pO5*iU8(yT3)rE7!")
        func run(_ u: String, _ p: String, _ args: [String]) -> CLIResult { cli(args + ["--user", u, "--password-stdin"], stdin: p + "\n") }
        XCTAssertEqual(run("alice", "qW7!eR4@tY1#uI8$", ["tx", "add", "--amount", "1"]).status, 0)
        XCTAssertEqual(run("bob", "zX2$cV9%bN6^mL3&", ["tx", "add", "--amount", "2"]).status, 0)
        XCTAssertEqual(admin(["account", "add", "--label", "up", "--secret-stdin"], stdin: "Secret-1\n").status, 0)
        let bobList = run("bob", "zX2$cV9%bN6^mL3&", ["tx", "list", "--csv"])
        XCTAssertEqual(bobList.stdout.split(separator: "\n").count, 2, bobList.stdout)
        XCTAssertTrue(bobList.stdout.contains(",bob,"))
        XCTAssertFalse(bobList.stdout.contains("alice"))
        assertError(run("bob", "zX2$cV9%bN6^mL3&", ["tx", "list", "--operator", "alice"]), status: 11,
                    contains: "needs the \"read, export and summarise all transactions\" permission, which the cashier role does not have")
        assertError(run("bob", "zX2$cV9%bN6^mL3&", ["tx", "export"]), status: 11, contains: "read, export and summarise all transactions")
        assertError(run("bob", "zX2$cV9%bN6^mL3&", ["account", "list"]), status: 11, contains: "\"read merchant accounts\" permission, which the cashier role")
        assertError(run("mia", "pO5*iU8(yT3)rE7!", ["account", "show", "up"]), status: 11, contains: "manager role")
        XCTAssertEqual(run("mia", "pO5*iU8(yT3)rE7!", ["tx", "export"]).stdout.split(separator: "\n").count, 3)
        XCTAssertEqual(run("mia", "pO5*iU8(yT3)rE7!", ["tx", "summary", "--json"]).status, 0)
        // A cashier may import only their own rows.
        let f = write("c.csv", "id,time,amount,operator\nx1,2026-11-22T10:00:00Z,1,bob\nx2,2026-11-22T10:00:00Z,1,alice\n")
        let r = run("bob", "zX2$cV9%bN6^mL3&", ["tx", "import", f])
        XCTAssertTrue(r.stderr.contains("line 3: the operator is alice, but a cashier may import only their own transactions"), r.stderr)
    }

    // MARK: accounts

    func testAccountsEndToEnd() throws {
        initVault()
        var r = admin(["account", "add", "--label", "unionpay", "--service", "UnionPay", "--username", "shop17",
                       "--phone", "+86 138 1234 5678", "--email", "ops@shop.example.com", "--notes", "main acquirer", "--secret-stdin"], stdin: "Portal-Pw-1\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(admin(["account", "add", "--label", "till-pin", "--pin", "--secret-stdin"], stdin: "4829\n").status, 0)
        XCTAssertNil(vaultBytes().range(of: Data("Portal-Pw-1".utf8)))
        r = admin(["account", "list", "--json"])
        let list = try XCTUnwrap(json(r) as? [[String: Any]])
        XCTAssertEqual(list.map { $0["label"] as? String }, ["till-pin", "unionpay"])
        XCTAssertFalse(r.stdout.contains("Portal-Pw-1"))
        r = admin(["account", "show", "unionpay"])
        XCTAssertTrue(r.stdout.contains("********"))
        XCTAssertFalse(r.stdout.contains("Portal-Pw-1"))
        r = admin(["account", "show", "unionpay", "--reveal", "--json"])
        XCTAssertEqual((json(r) as? [String: Any])?["secret"] as? String, "Portal-Pw-1")
        r = admin(["account", "edit", "unionpay", "--secret", "--secret-stdin", "--username", "shop18"], stdin: "Portal-Pw-2\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        r = admin(["account", "history", "unionpay"])
        XCTAssertNotNil(r.stdout.range(of: #"\n\S+ \S+  admin +username +shop17  +shop18\n"#, options: .regularExpression), r.stdout)
        XCTAssertFalse(r.stdout.contains("Portal-Pw"))
        r = admin(["account", "history", "unionpay", "--reveal", "--json"])
        let h = try XCTUnwrap(json(r) as? [[String: Any]])
        XCTAssertEqual(h.filter { $0["field"] as? String == "secret" }.map { "\($0["old"]!)>\($0["new"]!)" }, ["<null>>Portal-Pw-1", "Portal-Pw-1>Portal-Pw-2"])
        XCTAssertEqual((json(admin(["account", "find", "--phone", "+8613812345678", "--json"])) as? [[String: Any]])?.count, 1)
        XCTAssertEqual((json(admin(["account", "find", "--email", "OPS@shop.example.com", "--json"])) as? [[String: Any]])?.count, 1)
        XCTAssertEqual((json(admin(["account", "find", "--username", "shop18", "--json"])) as? [[String: Any]])?.count, 1)
        XCTAssertEqual(admin(["account", "find", "--username", "nobody"]).status, 1)
        // Errors.
        assertError(admin(["account", "add", "--label", "x", "--phone", "12345", "--secret-stdin"], stdin: "s\n"), status: 64, contains: "neither E.164")
        assertError(admin(["account", "add", "--label", "x", "--email", "a@b", "--secret-stdin"], stdin: "s\n"), status: 64, contains: "invalid domain")
        assertError(admin(["account", "add", "--label", "x", "--pin", "--secret-stdin"], stdin: "12ab\n"), status: 64, contains: "4 to 12 digits")
        assertError(admin(["account", "add", "--label", "UnionPay", "--secret-stdin"], stdin: "s\n"), status: 64, contains: "already exists")
        assertError(admin(["account", "add", "--label", "x", "--notes", "pan 4111111111111111", "--secret-stdin"], stdin: "s\n"), status: 13, contains: "full card number")
        assertError(admin(["account", "show", "nope"]), status: 1, contains: "no account is labelled")
        // With no terminal to ask for the label again, it needs --yes.
        let asked = admin(["account", "remove", "till-pin"])
        XCTAssertEqual(asked.status, 64, asked.stderr)
        XCTAssertTrue(asked.stderr.contains("--yes"), asked.stderr)
        XCTAssertEqual(admin(["account", "remove", "till-pin", "--yes"]).status, 0)
        XCTAssertEqual((json(admin(["account", "list", "--json"])) as? [[String: Any]])?.count, 1)
        let audit = try auditActions()
        XCTAssertEqual(audit.filter { $0.hasPrefix("account.") }, ["account.add", "account.add", "account.reveal", "account.edit", "account.reveal", "account.remove"])
    }

    func auditActions() throws -> [String] {
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        let v = try Vault.open(path: vault, access: .read)
        let s = try v.unlock(user: "admin", password: try SecretBytes(utf8: adminPassword))
        return try v.unlocked(by: s).auditEvents().map(\.action)
    }

    // MARK: sessions

    func testSessionUnlockUseLockExpiryAndKilledAgent() throws {
        initVault()
        assertError(cli(["tx", "list"]), status: 5, contains: "no session is open")
        var r = cli(["unlock", "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let pid = try XCTUnwrap((json(r) as? [String: Any])?["agent_pid"] as? Int)
        // The socket is private; the agent is not dumpable.
        let sockDir = runDir + "/vaultcli"
        var st = stat()
        XCTAssertEqual(stat(sockDir, &st), 0); XCTAssertEqual(st.st_mode & 0o777, 0o700)
        let sock = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: sockDir).first { $0.hasSuffix(".sock") })
        XCTAssertEqual(stat(sockDir + "/" + sock, &st), 0); XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        XCTAssertNotNil(status.range(of: "Name:\tvaultcli"))
        // No password needed now.
        XCTAssertEqual(cli(["tx", "add", "--amount", "3.00"]).status, 0)
        XCTAssertEqual(cli(["tx", "list", "--csv"]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(cli(["account", "list"]).status, 0)
        // The keys are not on disk: nothing in the session directory but the socket.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sockDir), [sock])
        // lock ends it at once.
        XCTAssertTrue(cli(["lock"]).stdout.hasPrefix("Locked"))
        assertError(cli(["tx", "list"]), status: 5, contains: "the session ended: it was locked with `vaultcli lock`")
        XCTAssertTrue(cli(["lock"]).stdout.hasPrefix("No session"))
        XCTAssertTrue(exited(pid), "the agent should have exited")
        // Idle timeout.
        // (No step below depends on how fast this machine is: on a busy CI machine one command
        // can take longer than these one- and two-second limits.)
        r = cli(["unlock", "--user", "admin", "--password-stdin", "--idle-timeout", "1"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        sleep(2)
        assertError(cli(["tx", "list"]), status: 5, contains: "the session ended: it was idle for more than")
        // Absolute lifetime, even when in use: used without a pause until it ends, it ends by its
        // lifetime (the idle timeout, 15 minutes by default, is far away).
        r = cli(["unlock", "--user", "admin", "--password-stdin", "--max-lifetime", "2"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        var use = cli(["tx", "list"]), uses = 0
        while use.status == 0 && uses < 300 { usleep(100_000); use = cli(["tx", "list"]); uses += 1 }
        // The limit can fall while a command runs: that command ends with the session (it holds
        // a copy of the keys) and says so; the next one is told why the session ended.
        if use.stderr.contains("stopped while it ran this command") {
            assertError(use, status: 5, contains: "the command may not have finished")
            use = cli(["tx", "list"])
        }
        assertError(use, status: 5, contains: "reached its limit")
        // A killed agent.
        r = cli(["unlock", "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        let pid2 = try XCTUnwrap((json(r) as? [String: Any])?["agent_pid"] as? Int)
        XCTAssertEqual(kill(pid_t(pid2), SIGKILL), 0)
        usleep(200_000)
        assertError(cli(["tx", "list"]), status: 5, contains: "the session agent is not running any more")
        assertError(cli(["tx", "list"]), status: 5, contains: "no session is open")
        // Limits cannot be raised past PCI DSS 8.2.8 / 8 hours.
        XCTAssertEqual(cli(["unlock", "--user", "admin", "--password-stdin", "--idle-timeout", "901"], stdin: adminPassword + "\n").status, 64)
        assertError(cli(["unlock", "--user", "admin", "--password-stdin"], stdin: "wrong-password\n"), status: 5, contains: "wrong user name or password")
    }
}

/// A mistyped card number is never echoed back (it may be a real one that fails Luhn by a digit).
final class CardEchoE2ETests: EndToEndTestCase {
    func testRejectedCardNumbersAreNeverEchoed() throws {
        initVault()
        for card in ["6225881234567890", "4111111111111111", "6225 8812 3456 7890", "62258812345678901234"] {
            let r = vaultcli(["tx", "add", "--vault", vault, "--amount", "1.00", "--card", card, "--user", "admin", "--password-stdin"],
                             stdin: adminPassword + "\n")
            XCTAssertNotEqual(r.status, 0, card)
            let digits = card.filter(\.isNumber)
            XCTAssertFalse(r.stderr.filter(\.isNumber).contains(digits), "\(card) echoed: \(r.stderr)")
            XCTAssertFalse(r.stdout.contains(card))
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertNil(bytes.range(of: Data("4111111111111111".utf8)))
    }
}
