import Foundation
import XCTest
@testable import Vault

/// Issue 13, points 2-4, through the built binary: local time with its offset (TZ) and
/// `--utc`, one table renderer sized in terminal cells and cut with `…`, and CSV that Excel in
/// China opens (BOM, CR LF, GBK import, Chinese headers).
final class ShopLanguageE2ETests: EndToEndTestCase {
    let shanghai = ["TZ": "Asia/Shanghai"]

    @discardableResult
    func admin(_ args: [String], stdin extra: String = "", env: [String: String] = ["TZ": "Asia/Shanghai"]) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + extra, env: env)
    }

    func write(_ name: String, _ bytes: Data) -> String {
        let p = dir + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: p, contents: bytes))
        return p
    }

    /// `text` converted by the real iconv(1) to `charset`.
    func iconv(_ text: String, to charset: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", charset]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe
        guard (try? p.run()) != nil else { throw XCTSkip("iconv(1) is not installed") }
        inPipe.fileHandleForWriting.write(Data(text.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "iconv could not convert the test text to \(charset)")
        return out
    }

    func ids(_ r: CLIResult) -> [String] {
        XCTAssertEqual(r.status, 0, r.stderr)
        return ((r.json as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    /// A sale at 20:30 in Shanghai, one at 23:59 and one at 00:01 the next day.
    func importMidnightSales() {
        let csv = write("day.csv", Data("""
        id,time,amount,currency,kind,card,reference,operator,terminal,status
        s2030,2026-11-22T12:30:00Z,88.00,CNY,sale,622588******1234,拉卡拉商户平台,admin,T-1,approved
        s2359,2026-11-22T15:59:00Z,12.00,CNY,sale,,R-2,admin,T-1,approved
        s0001,2026-11-22T16:01:00Z,7.00,CNY,sale,,R-3,admin,T-1,approved

        """.utf8))
        let r = admin(["tx", "import", csv])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    // MARK: 2. local time

    func testTimesAroundMidnightInShanghaiListBoundAndSumUpOnTheLocalCalendar() throws {
        initVault()
        importMidnightSales()
        // The table shows local time with its offset.
        let table = admin(["tx", "list"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("TIME                       ID"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("2026-11-22 20:30:00+08:00  s2030"), table.stdout)
        XCTAssertTrue(lines[2].hasPrefix("2026-11-22 23:59:00+08:00  s2359"), table.stdout)
        XCTAssertTrue(lines[3].hasPrefix("2026-11-23 00:01:00+08:00  s0001"), table.stdout)
        // --since and --until are local days: the 00:01 sale is on the 23rd.
        XCTAssertEqual(ids(admin(["tx", "list", "--json", "--since", "2026-11-23"])), ["s0001"])
        XCTAssertEqual(ids(admin(["tx", "list", "--json", "--until", "2026-11-22"])), ["s2030", "s2359"])
        XCTAssertEqual(ids(admin(["tx", "list", "--json", "--since", "2026-11-22", "--until", "2026-11-22"])), ["s2030", "s2359"])
        XCTAssertEqual(ids(admin(["tx", "list", "--json", "--since", "2026-11-22T23:59", "--until", "2026-11-23T00:00"])), ["s2359"])
        // The summary's days are the same local days.
        let sum = admin(["tx", "summary", "--json"])
        XCTAssertEqual(sum.status, 0, sum.stderr)
        let groups = ((sum.json as? [String: Any])?["groups"] as? [[String: Any]]) ?? []
        XCTAssertEqual(groups.map { "\($0["day"]!) \($0["count"]!) \($0["total"]!)" }, ["2026-11-22 2 100.00", "2026-11-23 1 7.00"])
        XCTAssertEqual((sum.json as? [String: Any])?["utc_offset_seconds"] as? Int, 28800)
        let sumText = admin(["tx", "summary"])
        XCTAssertTrue(sumText.stdout.contains("2026-11-22  admin     sale  CNY      2  100.00"), sumText.stdout)
        XCTAssertTrue(sumText.stdout.contains("2026-11-23  admin     sale  CNY      1    7.00"), sumText.stdout)
        // JSON stays UTC.
        let json = admin(["tx", "list", "--json"])
        XCTAssertEqual(((json.json as? [[String: Any]]) ?? []).compactMap { $0["time"] as? String },
                       ["2026-11-22T12:30:00Z", "2026-11-22T15:59:00Z", "2026-11-22T16:01:00Z"])
        // --utc (anywhere on the command line, or VAULTCLI_UTC=1): UTC times and UTC days.
        for utc in [admin(["tx", "list", "--utc"]), admin(["--utc", "tx", "list"]), admin(["tx", "list"], env: ["TZ": "Asia/Shanghai", "VAULTCLI_UTC": "1"])] {
            XCTAssertEqual(utc.status, 0, utc.stderr)
            XCTAssertTrue(utc.stdout.contains("\n2026-11-22 16:01:00Z  s0001"), utc.stdout)
        }
        XCTAssertEqual(ids(admin(["tx", "list", "--json", "--utc", "--since", "2026-11-23"])), [])
        let utcSum = admin(["tx", "summary", "--json", "--utc"])
        XCTAssertEqual(((utcSum.json as? [String: Any])?["groups"] as? [[String: Any]])?.map { "\($0["day"]!) \($0["count"]!)" }, ["2026-11-22 3"])
        // Another zone: the same records, its own offset.
        let ny = admin(["tx", "list"], env: ["TZ": "America/New_York"])
        XCTAssertTrue(ny.stdout.contains("\n2026-11-22 11:01:00-05:00  s0001"), ny.stdout)
        // The audit list and an added record speak local time too.
        let log = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
        XCTAssertEqual(log.status, 0, log.stderr)
        XCTAssertTrue(log.stdout.hasPrefix("TIME  "), log.stdout)
        XCTAssertNotNil(log.stdout.range(of: #"\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00  admin "#, options: .regularExpression), log.stdout)
        let added = admin(["tx", "add", "--amount", "1", "--time", "2026-11-22T23:30"])
        XCTAssertTrue(added.stdout.contains("at 2026-11-22 23:30:00+08:00"), added.stdout)
        XCTAssertTrue(ids(admin(["tx", "list", "--json", "--until", "2026-11-22"])).count == 3)
    }

    func testLockoutMessageAndUserShowGiveTheLocalTime() throws {
        initVault()
        let temp = "kT7#vQ9!mZ2@pL4x"
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier"], stdin: temp + "\n").status, 0)
        for _ in 0..<10 {
            XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: "wrong password\n", env: shanghai).status, 5)
        }
        let before = Date()
        let locked = vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: temp + "\n", env: shanghai)
        assertError(locked, status: 12, contains: "operator lin is locked after too many failed logins, until ")
        let pattern = #"until (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\+08:00"#
        guard let m = locked.stderr.range(of: pattern, options: .regularExpression) else { return XCTFail(locked.stderr) }
        // The time is local (+08:00) and about 30 minutes from now.
        let shown = String(locked.stderr[m]).dropFirst(6).replacingOccurrences(of: " ", with: "T")
        let until = try XCTUnwrap(ISO8601DateFormatter().date(from: shown))
        XCTAssertEqual(until.timeIntervalSince(before), 30 * 60, accuracy: 120, locked.stderr)
        let utc = vaultcli(["login", "--utc", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: temp + "\n", env: shanghai)
        XCTAssertNotNil(utc.stderr.range(of: #"until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"#, options: .regularExpression), utc.stderr)
        let show = admin(["user", "show", "lin"])
        XCTAssertNotNil(show.stdout.range(of: #"status: +locked until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00"#, options: .regularExpression), show.stdout)
        let list = admin(["user", "list"])
        XCTAssertTrue(list.stdout.contains("lin    cashier  locked"), list.stdout)
    }

    // MARK: 3. tables in terminal cells

    /// Mixed Chinese and ASCII: columns line up by cells, and under a width limit ($COLUMNS)
    /// every line fits, long values are cut with … at a cell boundary, and without one
    /// (a pipe) nothing is cut.
    func testTablesAlignAndCutMixedChineseAndASCIIByTerminalCells() throws {
        initVault()
        let reference = "拉卡拉商户平台-测试门店-Reference-0001"
        let csv = write("cn.csv", Data("""
        id,time,amount,currency,kind,card,reference,operator,terminal,status
        cn-1,2026-11-22T12:30:00Z,88.00,CNY,sale,622588******1234,\(reference),小美收银员王芳,T-1,approved
        cn-2,2026-11-22T12:31:00Z,1234.50,CNY,refund,,REF-2,王芳,T-1,approved
        cn-3,2026-11-22T12:32:00Z,7.00,CNY,sale,,e\u{301}-combining,lin,T-1,approved

        """.utf8))
        XCTAssertEqual(admin(["tx", "import", csv]).status, 0)
        let full = admin(["tx", "list"])
        XCTAssertTrue(full.stdout.contains(reference), "no limit, no cut: \(full.stdout)")
        XCTAssertFalse(full.stdout.contains("…"))
        for limit in [100, 120] {
            let cut = admin(["tx", "list"], env: ["TZ": "Asia/Shanghai", "COLUMNS": String(limit)])
            XCTAssertEqual(cut.status, 0, cut.stderr)
            let lines = cut.stdout.split(separator: "\n").map(String.init)
            for l in lines { XCTAssertLessThanOrEqual(CellWidth.of(l), limit, "\(limit): \(l)") }
            let row = try XCTUnwrap(lines.first { $0.contains("cn-1") })
            XCTAssertTrue(row.hasSuffix("…"), row)
            let shownRef = String(row[row.range(of: "approved  ")!.upperBound...].dropLast())
            XCTAssertTrue(reference.hasPrefix(shownRef), "cut at a character: \(shownRef)")
            XCTAssertFalse(shownRef.isEmpty)
            // Columns start at the same cell on every row.
            func start(_ l: String, _ t: String) -> Int { CellWidth.of(String(l[..<l.range(of: t)!.lowerBound])) }
            let statusAt = start(lines[0], "STATUS")
            for (l, s) in zip(lines[1...3], ["approved", "approved", "approved"]) { XCTAssertEqual(start(l, s), statusAt, l) }
        }
        // A table rendered whole (tx summary) fits too, cutting the long operator name.
        let sum = admin(["tx", "summary"], env: ["TZ": "Asia/Shanghai", "COLUMNS": "48"])
        let rows = sum.stdout.split(separator: "\n").prefix(4).map(String.init)
        for l in rows { XCTAssertLessThanOrEqual(CellWidth.of(l), 48, l) }
        XCTAssertTrue(rows.contains { $0.contains("小美") && $0.contains("…") && !$0.contains("小美收银员王芳") }, rows.joined(separator: "\n"))
        let plain = admin(["tx", "summary"])
        XCTAssertTrue(plain.stdout.contains("小美收银员王芳"), plain.stdout)
        // COLUMNS=0 means no limit.
        XCTAssertTrue(admin(["tx", "list"], env: ["TZ": "Asia/Shanghai", "COLUMNS": "0"]).stdout.contains(reference))
    }

    // MARK: 4. CSV for Excel in China

    func testExcelCSVHasABOMAndCRLFOnEveryWriterAndImportsBackExactly() throws {
        initVault()
        XCTAssertEqual(admin(["account", "add", "--label", "lakala", "--service", "=SUM(A1)", "--username", "拉卡拉shop17", "--secret-stdin"],
                             stdin: "Merchant-Secret-88!\n").status, 0)
        let csv = write("a.csv", Data("""
        id,time,amount,currency,kind,card,reference,operator,terminal,status
        x1,2026-11-22T12:30:00Z,88.00,CNY,sale,622588******1234,"=HYPERLINK(""http://evil"")",admin,T-1,approved
        x2,2026-11-22T12:31:00Z,1.50,CNY,sale,,"comma, 小美",admin,T-1,approved
        x3,2026-11-22T12:32:00Z,2.00,CNY,refund,,''@already,admin,T-1,approved

        """.utf8))
        XCTAssertEqual(admin(["tx", "import", csv]).status, 0)
        let bom = Data([0xEF, 0xBB, 0xBF])
        let export = dir + "/excel.csv"
        let writers: [(String, CLIResult)] = [
            ("tx list", admin(["tx", "list", "--csv", "--excel"])),
            ("tx export", admin(["tx", "export", "--excel"])),
            ("audit list", vaultcli(["audit", "list", "--csv", "--excel", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")),
            ("account list", admin(["account", "list", "--csv", "--excel"])),
        ]
        XCTAssertEqual(admin(["tx", "export", "--excel", "-o", export]).status, 0)
        for (name, r) in writers + [("tx export -o", CLIResult(status: 0, stdoutData: FileManager.default.contents(atPath: export)!, stderr: "", timedOut: false))] {
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            let b = r.stdoutData
            XCTAssertEqual(b.prefix(3), bom, name)
            // Every record ends in CR LF (a line break inside a quoted cell stays LF).
            XCTAssertEqual(b.suffix(2), Data([0x0D, 0x0A]), name)
            // Every line ends in CR LF.
            let bytes = [UInt8](b)
            var crlf = 0, bare = 0
            for (i, c) in bytes.enumerated() {
                if c == 0x0D { XCTAssertEqual(i + 1 < bytes.count ? bytes[i + 1] : 0, 0x0A, name); crlf += 1 }
                if c == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) { bare += 1 }
            }
            XCTAssertEqual(bare, 0, name)
            if name.hasPrefix("tx") { XCTAssertEqual(crlf, 4, name) }
            if name == "account list" { XCTAssertEqual(crlf, 2, name) }
        }
        let plain = admin(["tx", "list", "--csv"]).stdoutData
        XCTAssertNotEqual(plain.prefix(3), bom)
        XCTAssertFalse(plain.contains(0x0D))
        // Formula neutralisation stays on every writer.
        let txText = String(decoding: writers[1].1.stdoutData, as: UTF8.self)
        XCTAssertTrue(txText.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), txText)
        XCTAssertTrue(txText.contains("''@already"), txText)
        XCTAssertTrue(String(decoding: writers[3].1.stdoutData, as: UTF8.self).contains(",'=SUM(A1),拉卡拉shop17,"), "account list")
        // The Excel file imports back exactly (BOM and CR LF read, ' dropped once).
        let before = admin(["tx", "list", "--json"]).stdout
        let other = dir + "/other"
        XCTAssertEqual(vaultcli(["init", "--vault", other, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
        let imp = vaultcli(["tx", "import", export, "--vault", other, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
        XCTAssertEqual(imp.status, 0, imp.stderr)
        let after = vaultcli(["tx", "list", "--json", "--vault", other, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai).stdout
        XCTAssertEqual(after, before)
        XCTAssertTrue(after.contains("\"reference\":\"=HYPERLINK(\\\"http://evil\\\")\""), after)
        XCTAssertTrue(after.contains("\"reference\":\"'@already\""), after)
    }

    /// GBK made by iconv(1), with Chinese headers and the words a POS export uses: detected,
    /// or chosen with --encoding; read as UTF-8 it is refused with the way out, never mangled.
    func testGBKImportWithChineseHeadersRoundTrips() throws {
        initVault()
        let text = """
        交易流水号,交易时间,金额,币种,类型,卡号,参考号,操作员,终端号,状态
        g1,2026/11/22 20:30,"1,288.00",CNY,消费,622588******1234,拉卡拉-参考,admin,T-1,成功
        g2,2026-11-23 00:01:00,￥5.00,CNY,退货,,门店-退货,admin,T-1,交易成功
        g3,2026-11-22T12:00:00Z,3.00,CNY,撤销,,'=1+2,admin,T-1,失败

        """
        let gbk = write("gbk.csv", try iconv(text, to: "GBK"))
        XCTAssertNotEqual(FileManager.default.contents(atPath: gbk), Data(text.utf8), "iconv changed the bytes")
        // Read as UTF-8: refused, with the option to use; nothing written.
        let wrong = admin(["tx", "import", gbk, "--encoding", "utf-8"])
        XCTAssertEqual(wrong.status, 64, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("not UTF-8") && wrong.stderr.contains("--encoding gbk"), wrong.stderr)
        XCTAssertEqual(ids(admin(["tx", "list", "--json"])), [])
        // Detected.
        let auto = admin(["tx", "import", gbk])
        XCTAssertEqual(auto.status, 0, auto.stderr)
        XCTAssertTrue(auto.stderr.contains("read as GB18030"), auto.stderr)
        let rows = (admin(["tx", "list", "--json"]).json as? [[String: Any]]) ?? []
        XCTAssertEqual(rows.map { "\($0["id"]!) \($0["time"]!) \($0["amount"]!) \($0["kind"]!) \($0["status"]!) \($0["reference"]!)" }, [
            "g1 2026-11-22T12:30:00Z 1288.00 sale approved 拉卡拉-参考",
            "g2 2026-11-22T16:01:00Z 5.00 refund approved 门店-退货",
            "g3 2026-11-22T12:00:00Z 3.00 void declined =1+2",
        ])
        // Chosen, into another vault: the same records. GB18030 too.
        for (i, (charset, option)) in [("GBK", "gbk"), ("GB18030", "gb18030")].enumerated() {
            let other = dir + "/other\(i)"
            XCTAssertEqual(vaultcli(["init", "--vault", other, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
            let f = write("in\(i).csv", try iconv(text, to: charset))
            let r = vaultcli(["tx", "import", f, "--encoding", option, "--vault", other, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
            XCTAssertEqual(r.status, 0, r.stderr)
            let again = vaultcli(["tx", "list", "--json", "--vault", other, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
            XCTAssertEqual((again.json as? [[String: Any]])?.map { "\($0["id"]!) \($0["reference"]!) \($0["time"]!)" },
                           rows.map { "\($0["id"]!) \($0["reference"]!) \($0["time"]!)" })
        }
        // UTF-8 with a BOM and CR LF (Excel's "CSV UTF-8"): the same again.
        let third = dir + "/bom"
        XCTAssertEqual(vaultcli(["init", "--vault", third, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
        let bomFile = write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let r = vaultcli(["tx", "import", bomFile, "--vault", third, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("GB18030"), r.stderr)
        let bomRows = vaultcli(["tx", "list", "--json", "--vault", third, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: shanghai)
        XCTAssertEqual((bomRows.json as? [[String: Any]])?.map { "\($0["id"]!) \($0["reference"]!) \($0["time"]!)" },
                       rows.map { "\($0["id"]!) \($0["reference"]!) \($0["time"]!)" })
    }

    /// The documented POS settlement mapping (docs/import.md): date and time in two columns,
    /// the reference as the id, fees and batch numbers ignored (and said so).
    func testPOSSettlementExportImportsByTheDocumentedMapping() throws {
        initVault()
        let text = """
        交易日期,交易时间,商户编号,终端号,卡号,交易类型,交易金额,手续费,参考号,凭证号,交易状态
        2026-11-22,20:30:00,822100012345,T-0017,622588******1234,消费,88.00,0.53,RRN000000001,000101,成功
        20261122,235900,822100012345,T-0017,,退货,12.00,0.00,RRN000000002,000102,成功

        """
        let f = write("pos.csv", try iconv(text, to: "GB18030"))
        let r = admin(["tx", "import", f, "--encoding", "gbk"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("ignored columns 商户编号, 手续费, 凭证号"), r.stderr)
        let rows = (admin(["tx", "list", "--json"]).json as? [[String: Any]]) ?? []
        XCTAssertEqual(rows.map { "\($0["id"]!) \($0["time"]!) \($0["amount"]!) \($0["kind"]!) \($0["terminal"]!) \($0["card"]!)" }, [
            "RRN000000001 2026-11-22T12:30:00Z 88.00 sale T-0017 622588******1234",
            "RRN000000002 2026-11-22T15:59:00Z 12.00 refund T-0017 ",
        ])
        // Importing the same export again adds nothing (the reference is the id).
        let again = admin(["tx", "import", f, "--encoding", "gbk"])
        XCTAssertTrue(again.stdout.contains("imported 0, skipped 2"), again.stdout)
        // A date that is no date is a bad row that says so.
        let bad = write("bad.csv", Data("交易日期,交易时间,交易金额,参考号\n22.11.2026x,20:30:00,1.00,RRN3\n".utf8))
        let refused = admin(["tx", "import", bad])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("line 2: the date \"22.11.2026x\" is not a date"), refused.stderr)
    }
}
