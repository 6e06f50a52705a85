import Foundation
import XCTest
@testable import Vault

/// `vaultcli status`, its one line at an admin's login, "auth" versus "login" events, and
/// `audit list --summary`, through the real binary.
final class StatusE2ETests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"
    let tz = ["TZ": "Asia/Shanghai"]
    func path(_ n: String) -> String { dir + "/" + n }

    func admin(_ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extraLines).map { $0 + "\n" }.joined(), env: tz)
    }

    func status() throws -> (CLIResult, [String: Any]) {
        let r = admin(["status", "--json"])
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], r.stderr)
        return (r, j)
    }

    func testAFreshVaultNeedsABackupThenAllIsWell() throws {
        initVault()
        let first = admin(["status"])
        XCTAssertEqual(first.status, 1, "no backup yet needs attention: \(first.stderr)")
        XCTAssertTrue(first.stdout.contains("! no backup yet"), first.stdout)
        XCTAssertTrue(first.stdout.contains("10 left"), first.stdout)
        // The short form at an admin's login says the same in one line, on stderr.
        let login = admin(["login"])
        XCTAssertEqual(login.status, 0)
        XCTAssertTrue(login.stderr.contains("attention: no backup yet"), login.stderr)
        let key = path("k.key")
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        try FileManager.default.createDirectory(atPath: path("usb"), withIntermediateDirectories: true)
        let b = vaultcli(["backup", "--to", path("usb"), "--vault", vault, "--recipient", kg.stdout.trimmingCharacters(in: .newlines)])
        XCTAssertEqual(b.status, 0, b.stderr)
        let (ok, j) = try status()
        XCTAssertEqual(ok.status, 0, "\(j)")
        XCTAssertEqual(j["needs_attention"] as? Bool, false)
        XCTAssertEqual(((j["last_backup"] as? [String: Any])?["target"] as? String)?.hasPrefix(path("usb/vaultcli-")), true, "\(j)")
        XCTAssertFalse(admin(["login"]).stderr.contains("attention"))
    }

    func testFailedLoginsExpiryAndOffHoursLoginsAreFlagged() throws {
        initVault()
        let add = admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp])
        XCTAssertEqual(add.status, 0, add.stderr)
        for _ in 0..<3 {
            XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: "Wrong-Guess-0000!\n").status, 5)
        }
        // A name that is no operator is counted too, under "(unknown)".
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "nobody", "--password-stdin"], stdin: "Wrong-Guess-0000!\n").status, 5)
        var (r, j) = try status()
        XCTAssertEqual(r.status, 1)
        let failed = try XCTUnwrap(j["failed_logins"] as? [[String: Any]])
        XCTAssertEqual(failed.first { $0["name"] as? String == "lin" }?["failures"] as? Int, 3)
        XCTAssertEqual(failed.first { $0["name"] as? String == "(unknown)" }?["failures"] as? Int, 1)
        XCTAssertTrue((j["attention"] as! [String]).contains("failed-logins:lin:3"), "\(j)")

        // Expiry in 10 days: every operator's password is due within the warning period.
        XCTAssertEqual(admin(["policy", "set", "expiry-days", "10"]).status, 0)
        (r, j) = try status()
        let due = try XCTUnwrap(j["passwords"] as? [[String: Any]])
        XCTAssertEqual(Set(due.compactMap { $0["name"] as? String }), ["admin", "lin"])
        XCTAssertTrue(due.allSatisfy { ($0["days_left"] as? Int).map { $0 >= 9 && $0 <= 10 } ?? false }, "\(due)")

        // Business hours that exclude now (Beijing time): the admin's login is listed.
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let h = cal.component(.hour, from: Date())
        let window = String(format: "%02d:00-%02d:00", (h + 2) % 24, (h + 4) % 24)
        XCTAssertEqual(admin(["policy", "set", "business-hours", window]).status, 0)
        XCTAssertEqual(admin(["login"]).status, 0)
        (r, j) = try status()
        XCTAssertEqual(j["business_hours"] as? String, window)
        XCTAssertEqual((j["off_hours_logins"] as? [[String: Any]])?.contains { $0["name"] as? String == "admin" }, true, "\(j)")
        let text = admin(["status"]).stdout
        XCTAssertTrue(text.contains("Logins outside business hours (\(window))"), text)
        // A bad value is refused with the form it wants.
        let bad = admin(["policy", "set", "business-hours", "8-22"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("HH:MM-HH:MM"), bad.stderr)
        // Cashiers cannot read it.
        XCTAssertEqual(vaultcli(["status", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: cashierTemp + "\nFresh-Cashier-Pass-42!\n").status != 0, true)
    }

    func testACommandsPasswordCheckIsAuthNotLoginAndTheSummaryCounts() throws {
        initVault()
        XCTAssertEqual(admin(["user", "list"]).status, 0)
        XCTAssertEqual(admin(["user", "list"]).status, 0)
        XCTAssertEqual(admin(["login"]).status, 0)
        let list = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(list.status, 0, list.stderr)
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]])
        XCTAssertEqual(all.filter { $0["action"] as? String == "login" }.count, 1, "only `vaultcli login` is a login")
        XCTAssertGreaterThanOrEqual(all.filter { $0["action"] as? String == "auth" }.count, 2)
        let sum = vaultcli(["audit", "list", "--summary", "--vault", vault, "--as", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(sum.status, 0, sum.stderr)
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: sum.stdoutData) as? [[String: Any]])
        let authOK = rows.first { $0["action"] as? String == "auth" && $0["outcome"] as? String == "ok" && $0["operator"] as? String == "admin" }
        // Two user lists, one audit list: three checks before this summary's own.
        XCTAssertEqual(authOK?["count"] as? Int, 4, "\(rows)")
        let text = vaultcli(["audit", "list", "--summary", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertTrue(text.stdout.hasPrefix("ACTION"), text.stdout)
        XCTAssertTrue(text.stdout.contains("TOTAL"), text.stdout)
    }
}

/// Hints that name a command are run as the user would run them.
final class HintE2ETests: EndToEndTestCase {
    /// The first `vaultcli …` command in the hints of a failed run, split into arguments.
    func hintedCommand(_ r: CLIResult) -> [String]? {
        for line in r.stderr.split(separator: "\n") where line.hasPrefix("vaultcli: hint: ") {
            guard let a = line.range(of: "`vaultcli "), let b = line[a.upperBound...].firstIndex(of: "`") else { continue }
            return line[a.upperBound..<b].split(separator: " ").map(String.init)
        }
        return nil
    }

    func testTheMustChangeHintWorksAsWritten() throws {
        initVault()
        let temp = "kT7#vQ9!mZ2@pL4x"
        XCTAssertEqual(vaultcli(["user", "add", "lin", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + temp + "\n").status, 0)
        let refused = vaultcli(["tx", "list", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: temp + "\n")
        XCTAssertEqual(refused.status, 12, refused.stderr)
        let cmd = try XCTUnwrap(hintedCommand(refused), refused.stderr)
        XCTAssertEqual(cmd, ["user", "passwd", "--user", "lin"])
        let ran = vaultcli(cmd + ["--vault", vault, "--password-stdin"], stdin: temp + "\nFresh-Lantern-Orbit-73!\n")
        XCTAssertEqual(ran.status, 0, ran.stderr)
    }

    /// `user totp enable` ends with the confirm command to run next; run as written (with the
    /// vault and the password on stdin added), it confirms.
    func testTheTOTPConfirmHintWorksAsWritten() throws {
        initVault()
        let now = ["VAULTCLI_TEST_TOTP_TIME": String(Int64(Date().timeIntervalSince1970))]
        let en = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: now)
        XCTAssertEqual(en.status, 0, en.stderr)
        let line = try XCTUnwrap(en.stdout.split(separator: "\n").first { $0.contains("then run `vaultcli ") }, en.stdout)
        let a = try XCTUnwrap(line.range(of: "`vaultcli ")), b = try XCTUnwrap(line[a.upperBound...].firstIndex(of: "`"))
        let cmd = line[a.upperBound..<b].split(separator: " ").map(String.init)
        XCTAssertEqual(cmd, ["user", "totp", "confirm", "--user", "admin"])
        let key = try XCTUnwrap(en.stdout.split(separator: "\n").first { $0.contains("or type the key: ") }.map { String($0.split(separator: " ").last!) })
        let code = TOTP.code(secret: try XCTUnwrap(Base32.decode(key)), step: Int64(now["VAULTCLI_TEST_TOTP_TIME"]!)! / 30)
        let ran = vaultcli(cmd + ["--vault", vault, "--password-stdin"], stdin: adminPassword + "\n" + code + "\n", env: now)
        XCTAssertEqual(ran.status, 0, ran.stderr)
    }

    func testTheLockedHintWorksAsWritten() throws {
        initVault()
        let temp = "kT7#vQ9!mZ2@pL4x"
        XCTAssertEqual(vaultcli(["user", "add", "lin", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + temp + "\n").status, 0)
        XCTAssertEqual(vaultcli(["policy", "set", "lockout-threshold", "2", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        for _ in 0..<2 { _ = vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: "Wrong-Guess-0000!\n") }
        let locked = vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: temp + "\n")
        XCTAssertEqual(locked.status, 12, locked.stderr)
        let cmd = try XCTUnwrap(hintedCommand(locked), locked.stderr).map { $0 == "THEIR-NAME" ? "admin" : $0 }
        XCTAssertEqual(cmd, ["user", "unlock", "lin", "--user", "admin"])
        XCTAssertEqual(vaultcli(cmd + ["--vault", vault, "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        // Unlocked: the login now gets as far as the must-change rule (12 for that, not the lock).
        let after = vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: temp + "\n")
        XCTAssertTrue(after.stderr.contains("must be changed"), after.stderr)
    }

    func testGenerateGivesACashierWordsAndAManagerAStrongOne() throws {
        initVault()
        let c = vaultcli(["user", "add", "lin", "--generate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(c.status, 0, c.stderr)
        let cashierTemp = try XCTUnwrap(c.stdout.split(separator: "\n").first { $0.hasPrefix("Temporary password: ") }).dropFirst("Temporary password: ".count)
        let parts = cashierTemp.split(separator: "-")
        XCTAssertEqual(parts.count, 4, String(cashierTemp))
        XCTAssertTrue(cashierTemp.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, String(cashierTemp))
        XCTAssertEqual(cashierTemp.filter(\.isNumber).count, 1)
        // It opens the vault (and must be changed there).
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: cashierTemp + "\n").status, 12)
        let m = vaultcli(["user", "add", "mia", "--role", "manager", "--generate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(m.status, 0, m.stderr)
        let managerTemp = try XCTUnwrap(m.stdout.split(separator: "\n").first { $0.hasPrefix("Temporary password: ") }).dropFirst("Temporary password: ".count)
        XCTAssertFalse(managerTemp.split(separator: "-").count == 4 && managerTemp.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        let s = vaultcli(["user", "add", "ann", "--generate-strong", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertFalse(s.stdout.contains("Temporary password: ") && s.stdout.split(separator: "\n").first { $0.hasPrefix("Temporary password: ") }!.dropFirst(20).split(separator: "-").count == 4)
    }
}

/// The owner binds her own phone (at init or later) so `recover username` finds her; init checks
/// its flags before asking for a password and ends with the next steps.
final class ContactE2ETests: EndToEndTestCase {
    func testInitWithPhoneAndEmailAndItsNextSteps() throws {
        let bad = vaultcli(["init", "--vault", vault, "--admin", "owner", "--phone", "12345", "--password-stdin"], stdin: "")
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("phone"), bad.stderr)
        XCTAssertFalse(bad.stderr.contains("standard input"), "the flag is refused before any password is read: \(bad.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: vault))
        let r = vaultcli(["init", "--vault", vault, "--admin", "owner", "--phone", "13912345678", "--email", "owner@shop.example.com", "--password-stdin"],
                         stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Next steps:"), r.stdout)
        XCTAssertTrue(r.stdout.contains("vaultcli keygen -o recovery-key.txt --add-to-vault --user owner"), r.stdout)
        XCTAssertTrue(r.stdout.contains("vaultcli recover setup --user owner"), r.stdout)
        XCTAssertTrue(r.stdout.contains("--require-mount"), r.stdout)
        let show = vaultcli(["user", "show", "--json", "--vault", vault, "--user", "owner", "--password-stdin"], stdin: adminPassword + "\n")
        let j = try XCTUnwrap(show.json as? [String: Any], show.stderr)
        XCTAssertEqual(j["phone"] as? String, "13912345678")
        XCTAssertEqual(j["email"] as? String, "owner@shop.example.com")
    }

    func testUserEditBindsTheOwnersPhoneAndManagersEditOnlyCashiers() throws {
        initVault()
        func admin(_ args: [String], _ extra: [String] = []) -> CLIResult {
            vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extra).map { $0 + "\n" }.joined())
        }
        let e = admin(["user", "edit", "--phone", "13912345678", "--email", "boss@shop.example.com", "--json"])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertEqual((e.json as? [String: Any])?["phone"] as? String, "13912345678")
        // The audit says what changed, not the number.
        let audit = vaultcli(["audit", "list", "--action", "user.edit", "--json", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertTrue(audit.stdout.contains("phone"), audit.stdout)
        XCTAssertFalse(audit.stdout.contains("13912345678"), audit.stdout)
        // A manager edits a cashier, but not an admin nor herself.
        let mgrTemp = "kT7#vQ9!mZ2@pL4x", mgrPass = "Orbit-Lantern-Fresh-58!"
        XCTAssertEqual(admin(["user", "add", "mia", "--role", "manager"], [mgrTemp]).status, 0)
        XCTAssertEqual(vaultcli(["user", "passwd", "--vault", vault, "--user", "mia", "--password-stdin"], stdin: mgrTemp + "\n" + mgrPass + "\n").status, 0)
        XCTAssertEqual(admin(["user", "add", "lin"], ["Qx7!rTb2#Lm9@Vw4"]).status, 0)
        func mia(_ args: [String]) -> CLIResult { vaultcli(args + ["--vault", vault, "--user", "mia", "--password-stdin"], stdin: mgrPass + "\n") }
        XCTAssertEqual(mia(["user", "edit", "lin", "--phone", "13812345678"]).status, 0)
        XCTAssertEqual(mia(["user", "edit", "admin", "--phone", "13812345679"]).status, 11)
        XCTAssertEqual(mia(["user", "edit", "--email", "mia@shop.example.com"]).status, 11)
        XCTAssertEqual(admin(["user", "edit", "lin", "--clear-phone", "--json"]).json.flatMap { ($0 as? [String: Any])?["phone"] } is NSNull, true)
        let noop = vaultcli(["user", "edit", "lin", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "")
        XCTAssertEqual(noop.status, 64)
    }
}
