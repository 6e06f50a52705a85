import Foundation
import XCTest
@testable import Vault

/// After `unlock`, every command the operator's role allows acts as that operator (issue 14,
/// point 7): operator management, status, policy, audit and verify run in the session without
/// --user, limited by the session's role; commands that must re-prove the person still ask.
/// Through the built binary, with a real agent.
final class SessionCommandsE2ETests: EndToEndTestCase {
    var runDir: String { dir + "/run" }
    let cashierPassword = "qW7!eR4@tY1#uI8$"
    let managerPassword = "Mz4%Lq8&Rv2^Tp6*"

    override func setUp() {
        super.setUp()
        mkdir(runDir, 0o700)
    }

    override func tearDown() {
        _ = vaultcli(["lock", "--vault", vault], env: ["XDG_RUNTIME_DIR": runDir])
        super.tearDown()
    }

    /// vaultcli on the test vault with this test's session directory.
    @discardableResult
    func cli(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> CLIResult {
        var e = env
        e["XDG_RUNTIME_DIR"] = runDir
        return vaultcli(args + ["--vault", vault], stdin: stdin, env: e)
    }

    func asAdmin(_ args: [String], stdin extra: String = "") -> CLIResult {
        cli(args + ["--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + extra)
    }

    func addOperator(_ name: String, role: String, password: String) {
        let temp = "Tmp#" + password.reversed() + "9z!"
        let a = asAdmin(["user", "add", name, "--role", role], stdin: temp + "\n")
        XCTAssertEqual(a.status, 0, a.stderr)
        let c = cli(["user", "passwd", "--user", name, "--password-stdin"], stdin: temp + "\n" + password + "\n")
        XCTAssertEqual(c.status, 0, c.stderr)
    }

    func unlock(_ user: String, _ password: String) {
        let r = cli(["unlock", "--user", user, "--password-stdin"], stdin: password + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// The usage error of a command that needs an operator and has none.
    func assertAsksWhoYouAre(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 64, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("say who you are with --user NAME"), r.stderr, file: file, line: line)
    }

    func json(_ r: CLIResult) -> Any? { try? JSONSerialization.jsonObject(with: r.stdoutData) }

    func testAnAdminSessionRunsOperatorManagementStatusAuditVerifyAndBackup() throws {
        initVault()
        addOperator("lin", role: "cashier", password: cashierPassword)
        let kg = vaultcli(["keygen", "-o", dir + "/k.key"])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let recipient = kg.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Without a session these commands ask who you are, as before.
        assertAsksWhoYouAre(cli(["user", "list"]))
        unlock("admin", adminPassword)

        // No --user, no password: the session's admin acts.
        let list = cli(["user", "list", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let names = (json(list) as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        XCTAssertEqual(Set(names), ["admin", "lin"], list.stdout)
        XCTAssertEqual(cli(["user", "show", "lin"]).status, 0)
        let status = cli(["status", "--json"])
        XCTAssertTrue([0, 1].contains(status.status), status.stderr)
        XCTAssertNotNil(json(status) as? [String: Any], status.stdout)
        // With no terminal and no new password given, the hint names what a session takes, and
        // that works as written.
        let noNew = cli(["user", "add", "zhou", "--role", "cashier", "--phone", "13812345678"])
        assertError(noNew, status: 64, contains: "no terminal to ask for the password")
        XCTAssertTrue(noNew.stderr.contains("--generate"), noNew.stderr)
        XCTAssertFalse(noNew.stderr.contains("--password-stdin"), noNew.stderr)
        let add = cli(["user", "add", "zhou", "--role", "cashier", "--generate", "--phone", "13812345678"])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(cli(["user", "edit", "zhou", "--email", "zhou@shop.example.com"]).status, 0)
        XCTAssertEqual(cli(["user", "disable", "zhou"]).status, 0)
        XCTAssertEqual(cli(["user", "remove", "zhou"]).status, 0)
        XCTAssertEqual(cli(["user", "unlock", "lin"]).status, 0)
        XCTAssertEqual(cli(["recover", "unlock", "lin"]).status, 0)
        XCTAssertEqual(cli(["policy", "set", "min-length", "14"]).status, 0)
        XCTAssertTrue(cli(["policy", "show"]).stdout.contains("14"))
        let verify = cli(["verify", "--json"])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        let v = try XCTUnwrap(json(verify) as? [String: Any])
        XCTAssertEqual(v["unchecked_encrypted_frames"] as? Int, 0, "the admin session's keys authenticate every frame: \(v)")
        try FileManager.default.createDirectory(atPath: dir + "/usb", withIntermediateDirectories: true)
        XCTAssertEqual(cli(["backup", "--to", dir + "/usb", "--recipient", recipient]).status, 0)
        // The audit log names the session's operator as the actor, and no password check ran.
        let audit = cli(["audit", "list", "--json"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        let events = try XCTUnwrap(json(audit) as? [[String: Any]])
        for action in ["user.add", "user.edit", "user.disable", "user.remove", "policy.set"] {
            let e = events.first { ($0["action"] as? String)?.hasPrefix(action) == true }
            XCTAssertEqual(e?["actor"] as? String, "admin", "\(action): \(events.suffix(12))")
        }
        let authsAfterUnlock = events.drop { $0["action"] as? String != "session.unlock" }.filter { $0["action"] as? String == "auth" }
        XCTAssertEqual(authsAfterUnlock.count, 0, "no password was checked after unlock: \(authsAfterUnlock)")
        XCTAssertEqual(cli(["audit", "verify"]).status, 0)

        // Re-proving the person: these still ask, and their hint runs as written.
        let passwd = cli(["user", "passwd"])
        assertAsksWhoYouAre(passwd)
        let own = cli(["user", "passwd", "--user", "admin", "--password-stdin"], stdin: adminPassword + "\nNew-Harbor-Quill-7351!x\n")
        XCTAssertEqual(own.status, 0, own.stderr)
        assertAsksWhoYouAre(cli(["user", "totp", "enable"]))
        // --user names someone for this command only (with that password), as before.
        let asLin = cli(["user", "list", "--user", "lin", "--password-stdin"], stdin: cashierPassword + "\n")
        assertError(asLin, status: 11, contains: "list operators")
        // $VAULTCLI_USER naming someone else is refused, not ignored.
        let envOther = cli(["user", "list"], env: ["VAULTCLI_USER": "lin"])
        assertError(envOther, status: 11, contains: "$VAULTCLI_USER names lin")
        XCTAssertEqual(cli(["user", "list"], env: ["VAULTCLI_USER": "admin"]).status, 0)
        // Another vault is not this session's: it asks who you are.
        let other = dir + "/other"
        XCTAssertEqual(vaultcli(["init", "--vault", other, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
        assertAsksWhoYouAre(vaultcli(["user", "list", "--vault", other], env: ["XDG_RUNTIME_DIR": runDir]))
        // The session ends: the commands ask who you are again.
        XCTAssertEqual(cli(["lock"]).status, 0)
        assertAsksWhoYouAre(cli(["user", "list"]))
    }

    func testACashierSessionIsRefusedAdminWorkAndAManagerSessionRunsItsOwn() throws {
        initVault()
        addOperator("lin", role: "cashier", password: cashierPassword)
        addOperator("wang", role: "manager", password: managerPassword)
        let before = FileManager.default.contents(atPath: vault)!
        unlock("lin", cashierPassword)
        for (args, needs) in [(["user", "list"], "list operators"), (["audit", "list"], "read the audit log"),
                              (["user", "add", "mallory", "--role", "admin", "--generate"], "add operators"),
                              (["user", "role", "lin", "admin", "--generate"], "change an operator's role"),
                              (["policy", "set", "min-length", "14"], "change the password policy"),
                              (["user", "unlock", "wang"], "unlock"), (["recover", "unlock", "wang"], "manage recovery material")] {
            let r = cli(args)
            assertError(r, status: 11, contains: needs)
            XCTAssertEqual(r.stdout, "", "\(args)")
        }
        // What a cashier may do, she does as herself.
        XCTAssertEqual(cli(["tx", "add", "--amount", "3.00"]).status, 0)
        let verify = cli(["verify", "--json"])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertGreaterThan((json(verify) as? [String: Any])?["unchecked_encrypted_frames"] as? Int ?? 0, 0, "a cashier's keys do not open admin frames")
        XCTAssertEqual(cli(["lock"]).status, 0)
        XCTAssertNotEqual(FileManager.default.contents(atPath: vault)!, before)

        unlock("wang", managerPassword)
        let list = cli(["user", "list", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("\"lin\""), list.stdout)
        let audit = cli(["audit", "list", "--summary"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue([0, 1].contains(cli(["status"]).status))
        // A manager resets a cashier (her role allows it) but does not change the policy.
        XCTAssertEqual(cli(["user", "unlock", "lin"]).status, 0)
        assertError(cli(["policy", "set", "min-length", "14"]), status: 11, contains: "change the password policy")
        assertError(cli(["user", "role", "lin", "admin", "--generate"]), status: 11, contains: "change an operator's role")
    }
}
