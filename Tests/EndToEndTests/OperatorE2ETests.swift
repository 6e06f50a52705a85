import Foundation
import XCTest

/// End-to-end: operators, login, lockout, policy and audit through the built binary.
final class OperatorE2ETests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"
    let cashierPass = "Rw8$nB3%yH6^cJ1z"
    let managerTemp = "Gq5&tN8*wE2!xS7v"

    func admin(_ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extraLines).map { $0 + "\n" }.joined())
    }
    func asUser(_ user: String, _ password: String, _ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", user, "--password-stdin"], stdin: ([password] + extraLines).map { $0 + "\n" }.joined())
    }

    func addCashier(_ name: String = "lin") {
        let r = admin(["user", "add", name, "--role", "cashier", "--phone", "13812345678", "--email", "\(name)@shop.example.com"], [cashierTemp])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testAddListShowAndValidation() throws {
        initVault()
        addCashier()
        assertError(admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp]), status: 1, contains: "already exists")
        assertError(admin(["user", "add", "x1", "--phone", "12345"], [cashierTemp]), status: 64, contains: "neither E.164")
        assertError(admin(["user", "add", "x2", "--email", "not-an-email"], [cashierTemp]), status: 64, contains: "exactly one @")
        assertError(admin(["user", "add", "two words"], [cashierTemp]), status: 64, contains: "spaces")
        // Every failing rule is listed, in plain words.
        let weak = admin(["user", "add", "x3"], ["password"])
        XCTAssertEqual(weak.status, 13, weak.stderr)
        XCTAssertTrue(weak.stderr.contains("does not meet the policy"), weak.stderr)
        XCTAssertGreaterThanOrEqual(weak.stderr.components(separatedBy: "\n  - ").count - 1, 3, weak.stderr)
        let list = admin(["user", "list", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let ops = try JSONSerialization.jsonObject(with: list.stdoutData) as! [[String: Any]]
        XCTAssertEqual(ops.map { $0["name"] as! String }, ["admin", "lin"])
        XCTAssertEqual(ops[1]["phone"] as? String, "13812345678")
        XCTAssertEqual(ops[1]["must_change_password"] as? Bool, true)
        let show = admin(["user", "show", "lin"])
        XCTAssertTrue(show.stdout.contains("role:             cashier"), show.stdout)
        // Generated temporary password: printed once, works once.
        let gen = admin(["user", "add", "mei", "--role", "cashier", "--generate", "--json"])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let temp = (try JSONSerialization.jsonObject(with: gen.stdoutData) as! [String: Any])["temporary_password"] as! String
        XCTAssertEqual(asUser("mei", temp, ["login"]).status, 12)
    }

    func testFirstLoginChangeHistoryAndPermissions() throws {
        initVault()
        addCashier()
        assertError(asUser("lin", cashierTemp, ["login"]), status: 12, contains: "must be changed")
        // Other commands are refused until the password is changed.
        assertError(asUser("lin", cashierTemp, ["user", "show"]), status: 12, contains: "must be changed")
        // Reusing the temporary password is refused (history), a policy breach lists the rules.
        assertError(asUser("lin", cashierTemp, ["user", "passwd"], [cashierTemp]), status: 13, contains: "last 4")
        assertError(asUser("lin", cashierTemp, ["user", "passwd"], ["lin12345678"]), status: 13, contains: "does not meet the policy")
        let ch = asUser("lin", cashierTemp, ["user", "passwd"], [cashierPass])
        XCTAssertEqual(ch.status, 0, ch.stderr)
        XCTAssertEqual(asUser("lin", cashierPass, ["login"]).status, 0)
        // A cashier cannot list operators, add operators or change the policy.
        assertError(asUser("lin", cashierPass, ["user", "list"]), status: 11, contains: "list operators")
        assertError(asUser("lin", cashierPass, ["user", "add", "x", "--role", "cashier"], ["Aa1!aaaaaaaaaaaa"]), status: 11, contains: "add operators")
        assertError(asUser("lin", cashierPass, ["policy", "set", "min-length", "14"]), status: 11, contains: "change the password policy")
        // A manager: add and reset cashiers, not admins; unlock cashiers.
        XCTAssertEqual(admin(["user", "add", "mgr", "--role", "manager"], [managerTemp]).status, 0)
        let mpass = "Zp4@kW9#rT2$vM6!"
        XCTAssertEqual(asUser("mgr", managerTemp, ["user", "passwd"], [mpass]).status, 0)
        XCTAssertEqual(asUser("mgr", mpass, ["user", "passwd", "lin"], ["Hx3!qL8@nV5#bK2$"]).status, 0)
        assertError(asUser("mgr", mpass, ["user", "passwd", "admin"], ["Hx3!qL8@nV5#bK2$"]), status: 11, contains: "for a admin")
        assertError(asUser("mgr", mpass, ["user", "add", "boss", "--role", "admin"], ["Hx3!qL8@nV5#bK2$"]), status: 11, contains: "add operators")
        assertError(asUser("mgr", mpass, ["user", "role", "lin", "manager"], ["Hx3!qL8@nV5#bK2$"]), status: 11, contains: "change an operator's role")
        // After the reset, lin must change again.
        assertError(asUser("lin", "Hx3!qL8@nV5#bK2$", ["login"]), status: 12, contains: "set by an administrator")
    }

    func testLockoutSurvivesProcessesAndUnknownUsersLookTheSame() throws {
        initVault()
        addCashier()
        for _ in 0..<10 {
            let r = asUser("lin", "wrong password", ["login"])
            XCTAssertEqual(r.status, 5, r.stderr)
        }
        assertError(asUser("lin", cashierTemp, ["login"]), status: 12, contains: "locked after too many failed logins")
        let shown = admin(["user", "show", "lin", "--json"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: shown.stdoutData) as! [String: Any])["status"] as? String, "locked")
        // Unknown names: same message and code as a wrong password, and locked the same way.
        let a = asUser("lin2", "wrong password", ["login"]), b = asUser("admin", "wrong password", ["login"])
        XCTAssertEqual(a.status, b.status)
        XCTAssertEqual(a.stderr, b.stderr)
        for _ in 0..<10 { _ = asUser("ghost", "x", ["login"]) }
        assertError(asUser("ghost", "x", ["login"]), status: 12, contains: "locked")
        // An admin (or manager) unlocks.
        XCTAssertEqual(admin(["user", "unlock", "lin"]).status, 0)
        assertError(asUser("lin", cashierTemp, ["login"]), status: 12, contains: "must be changed")
        assertError(admin(["user", "unlock", "ghost"]), status: 1, contains: "no operator named ghost")
    }

    func testRoleDisableEnableRemove() throws {
        initVault()
        addCashier()
        XCTAssertEqual(admin(["user", "role", "lin", "manager"], ["Qe7!uY3@oP9#aD5$"]).status, 0)
        XCTAssertEqual(asUser("lin", "Qe7!uY3@oP9#aD5$", ["user", "passwd"], [cashierPass]).status, 0)
        XCTAssertEqual(asUser("lin", cashierPass, ["user", "list"]).status, 0, "a manager lists operators")
        XCTAssertEqual(admin(["user", "disable", "lin"]).status, 0)
        // Revoked: the password slot is erased, so her password is just a wrong password now.
        assertError(asUser("lin", cashierPass, ["login"]), status: 5, contains: "wrong user name or password")
        XCTAssertTrue(admin(["user", "list"]).stdout.contains("disabled"))
        assertError(admin(["user", "add", "lin"], ["Zx8!cV4@bN6#mQ2$"]), status: 1, contains: "already exists")
        let enabled = admin(["user", "enable", "lin"], ["Ty5!gH8@jK3#lM7$"])
        XCTAssertEqual(enabled.status, 0, enabled.stderr)
        XCTAssertTrue(enabled.stdout.contains("temporary password must be changed"), enabled.stdout)
        assertError(asUser("lin", cashierPass, ["login"]), status: 5, contains: "wrong user name or password")
        XCTAssertEqual(asUser("lin", "Ty5!gH8@jK3#lM7$", ["user", "passwd"], [cashierPass]).status, 0)
        XCTAssertEqual(asUser("lin", cashierPass, ["login"]).status, 0)
        assertError(admin(["user", "remove", "admin"]), status: 64, contains: "cannot remove yourself")
        XCTAssertEqual(admin(["user", "remove", "lin"]).status, 0)
        assertError(asUser("lin", cashierPass, ["login"]), status: 5, contains: "wrong user name or password")
    }

    func testPolicyShowSetAndFloors() throws {
        initVault()
        let show = vaultcli(["policy", "show", "--vault", vault, "--json"])
        XCTAssertEqual(show.status, 0, show.stderr)
        let rows = try JSONSerialization.jsonObject(with: show.stdoutData) as! [[String: Any]]
        XCTAssertEqual(rows.first { $0["key"] as? String == "min-length" }?["value"] as? String, "12")
        XCTAssertEqual(admin(["policy", "set", "min-length", "20"]).status, 0)
        assertError(admin(["policy", "set", "min-length", "6"]), status: 13, contains: "floor")
        assertError(admin(["policy", "set", "lockout-threshold", "20"]), status: 13, contains: "10")
        assertError(admin(["policy", "set", "no-such-rule", "1"]), status: 64, contains: "no-such-rule")
        // The new minimum applies to new passwords.
        assertError(admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp]), status: 13, contains: "20")
        // The expiry warning shows at login.
        XCTAssertEqual(admin(["policy", "set", "expiry-days", "10"]).status, 0)
        let login = admin(["login"])
        XCTAssertTrue(login.stderr.contains("expires in 9 days"), login.stderr)
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "policy"], stdin: adminPassword + "\n")
        XCTAssertTrue(audit.stdout.contains("policy.set"), audit.stdout)
    }

    func testAuditListFiltersAndVerify() throws {
        initVault()
        addCashier()
        _ = asUser("lin", "wrong password", ["login"])
        let all = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(all.status, 0, all.stderr)
        let events = try JSONSerialization.jsonObject(with: all.stdoutData) as! [[String: Any]]
        XCTAssertTrue(events.contains { $0["action"] as? String == "user.add" && $0["target"] as? String == "lin" })
        XCTAssertTrue(events.contains { $0["action"] as? String == "login" && $0["outcome"] as? String == "failed" })
        let lin = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--user", "lin", "--json"], stdin: adminPassword + "\n")
        let linEvents = try JSONSerialization.jsonObject(with: lin.stdoutData) as! [[String: Any]]
        XCTAssertTrue(linEvents.allSatisfy { $0["actor"] as? String == "lin" || $0["target"] as? String == "lin" })
        let future = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--since", "2099-01-01", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: future.stdoutData) as! [[String: Any]]).count, 0)
        // No secret is ever in an event.
        for e in events { for (_, v) in e { XCTAssertFalse("\(v)".contains(cashierTemp)); XCTAssertFalse("\(v)".contains(adminPassword)) } }
        let v = vaultcli(["audit", "verify", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("audit chain intact"))
        // A cashier cannot read the audit log.
        XCTAssertEqual(asUser("lin", cashierTemp, ["user", "passwd"], [cashierPass]).status, 0)
        let denied = vaultcli(["audit", "list", "--vault", vault, "--as", "lin", "--password-stdin"], stdin: cashierPass + "\n")
        assertError(denied, status: 11, contains: "read the audit log")
        // An edited event is detected.
        var d = try Data(contentsOf: URL(fileURLWithPath: vault))
        d[d.count - 40] ^= 1
        try d.write(to: URL(fileURLWithPath: vault))
        let bad = vaultcli(["audit", "verify", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(bad.status, 6, bad.stderr)
    }
}
