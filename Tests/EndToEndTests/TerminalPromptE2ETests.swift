import Foundation
import XCTest

/// Prompts on a real terminal (a pseudo-terminal driven by scripts/pty-drive.py, which types
/// each answer only once its prompt has appeared).
final class TerminalPromptE2ETests: EndToEndTestCase {
    func drive(_ steps: [(String, String)], _ args: [String]) throws -> (status: Int32, screen: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed (.ci/run installs it)") }
        let script = dir + "/steps.json"
        try JSONSerialization.data(withJSONObject: steps.map { [$0.0, $0.1] }).write(to: URL(fileURLWithPath: script))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [CLI.packageRoot.appendingPathComponent("scripts/pty-drive.py").path, script, "--", CLIHarness.binary] + args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CLIHarness.environment([:]) { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func passwordFile(_ pw: String) throws -> String {
        let f = dir + "/pw-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: f, contents: Data((pw + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return f
    }

    /// A refused new password is asked again with the broken rules; the current password is
    /// not asked again (it came from a file here, so the terminal shows only new-password prompts).
    func testARefusedNewPasswordIsAskedAgainUpToThreeTimes() throws {
        initVault()
        let temp = "kT7#vQ9!mZ2@pL4x"
        XCTAssertEqual(vaultcli(["user", "add", "lin", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + temp + "\n").status, 0)
        let current = try passwordFile(temp)
        let good = "Orbit-Lantern-Fresh-58!"
        let r = try drive([("New password for lin: ", "short"), ("Repeat new password for lin: ", "short"),
                           ("New password for lin: ", good), ("Repeat new password for lin: ", "typo-" + good),
                           ("New password for lin: ", good), ("Repeat new password for lin: ", good)],
                          ["user", "passwd", "--vault", vault, "--user", "lin", "--password-file", current])
        XCTAssertEqual(r.status, 0, r.screen)
        XCTAssertTrue(r.screen.contains("does not meet the policy"), r.screen)
        XCTAssertTrue(r.screen.contains("Try another (2 more)"), r.screen)
        XCTAssertTrue(r.screen.contains("The two passwords differ. Try again (1 more)."), r.screen)
        XCTAssertFalse(r.screen.contains(good), "no echo")
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: good + "\n").status, 0)
        // Three refusals end it with the policy's exit code, and nothing changed.
        let again = try drive([("New password for lin: ", "short"), ("Repeat new password for lin: ", "short"),
                               ("New password for lin: ", "short"), ("Repeat new password for lin: ", "short"),
                               ("New password for lin: ", "short"), ("Repeat new password for lin: ", "short")],
                              ["user", "passwd", "--vault", vault, "--user", "lin", "--password-file", try passwordFile(good)])
        XCTAssertEqual(again.status, 13, again.screen)
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: good + "\n").status, 0)
    }

    func testAccountRemoveAsksForTheLabelAgain() throws {
        initVault()
        let add = vaultcli(["account", "add", "--label", "till-pin", "--service", "POS", "--username", "t1", "--secret-stdin",
                            "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n4729\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        let pw = try passwordFile(adminPassword)
        let wrong = try drive([("Type its label again to confirm: ", "till")],
                              ["account", "remove", "till-pin", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(wrong.status, 64, wrong.screen)
        XCTAssertTrue(wrong.screen.contains("nothing was removed"), wrong.screen)
        let ok = try drive([("Type its label again to confirm: ", "till-pin")],
                           ["account", "remove", "till-pin", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(ok.status, 0, ok.screen)
        XCTAssertTrue(ok.screen.contains("Removed account till-pin"), ok.screen)
    }

    // MARK: personal data asked at the terminal (issue 11, point 7)

    /// On a terminal, an account's user name, phone and e-mail that no flag gave are asked for,
    /// shown as typed; a refused phone is asked again with the reason; none of it is on argv.
    func testAccountPersonalDataIsAskedAtTheTerminalAndCheckedAgain() throws {
        initVault()
        let pw = try passwordFile(adminPassword), sec = try passwordFile("Merchant-Secret-88!")
        let args = ["account", "add", "--label", "unionpay-main", "--service", "UnionPay", "--secret-file", sec,
                    "--vault", vault, "--user", "admin", "--password-file", pw]
        let add = try drive([("User name at the service (Enter for none): ", "shop17-login"),
                             ("Bound phone (+8613812345678 or 13812345678) (Enter for none): ", "12345"),
                             ("Bound phone (+8613812345678 or 13812345678) (Enter for none): ", "139 1234 5678"),
                             ("Bound e-mail (Enter for none): ", "boss@shop.example.com")], args)
        XCTAssertEqual(add.status, 0, add.screen)
        XCTAssertTrue(add.screen.contains("Refused: the phone number \"12345\""), add.screen)
        XCTAssertTrue(add.screen.contains("Try again (2 more)"), add.screen)
        XCTAssertTrue(add.screen.contains("shop17-login"), "typed data is echoed (it is not a secret): \(add.screen)")
        for a in args { for p in ["shop17-login", "13912345678", "boss@shop.example.com"] { XCTAssertFalse(a.contains(p)) } }
        var shown = try XCTUnwrap(vaultcli(["account", "show", "unionpay-main", "--json", "--vault", vault, "--user", "admin", "--password-file", pw]).json as? [String: Any])
        XCTAssertEqual(shown["username"] as? String, "shop17-login")
        XCTAssertEqual(shown["phone"] as? String, "13912345678")
        XCTAssertEqual(shown["email"] as? String, "boss@shop.example.com")

        // An edit with nothing given asks for each: Enter keeps, - clears, a value replaces.
        let edit = try drive([("New user name at the service (Enter keeps it, - clears it): ", ""),
                              ("New bound phone (Enter keeps it, - clears it): ", "-"),
                              ("New bound e-mail (Enter keeps it, - clears it): ", "cashdesk@shop.example.com")],
                             ["account", "edit", "unionpay-main", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(edit.status, 0, edit.screen)
        shown = try XCTUnwrap(vaultcli(["account", "show", "unionpay-main", "--json", "--vault", vault, "--user", "admin", "--password-file", pw]).json as? [String: Any])
        XCTAssertEqual(shown["username"] as? String, "shop17-login")
        XCTAssertNil(shown["phone"] as? String, "cleared with -: \(shown)")
        XCTAssertEqual(shown["email"] as? String, "cashdesk@shop.example.com")

        // Three refusals end it with a usage error, and nothing was added.
        let bad = try drive([("User name at the service (Enter for none): ", ""),
                             ("Bound phone (+8613812345678 or 13812345678) (Enter for none): ", "1"),
                             ("Bound phone (+8613812345678 or 13812345678) (Enter for none): ", "2"),
                             ("Bound phone (+8613812345678 or 13812345678) (Enter for none): ", "3")],
                            ["account", "add", "--label", "second", "--secret-file", sec, "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(bad.status, 64, bad.screen)
        XCTAssertTrue(bad.screen.contains("vaultcli: error: the phone number \"3\""), bad.screen)
        let list = vaultcli(["account", "list", "--json", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual((list.json as? [Any])?.count, 1, list.stdout)
    }

    /// Lookups by personal data ask for it on a terminal: `account find` (Enter skips a field)
    /// and `recover username` (the phone, or Enter for the e-mail), so it never goes on argv.
    func testLookupsAskForThePhoneAtTheTerminal() throws {
        initVault()
        let pw = try passwordFile(adminPassword)
        let auth = ["--vault", vault, "--user", "admin", "--password-file", pw]
        XCTAssertEqual(vaultcli(["account", "add", "--label", "unionpay-main", "--phone", "13912345678", "--username", "u", "--secret-stdin"] + auth,
                                stdin: "Merchant-Secret-88!\n").status, 0)
        let find = try drive([("Bound phone (Enter to skip): ", "12345"),
                              ("Bound phone (Enter to skip): ", "139 1234 5678"),
                              ("Bound e-mail (Enter to skip): ", ""),
                              ("User name at the service (Enter to skip): ", "")], ["account", "find"] + auth)
        XCTAssertEqual(find.status, 0, find.screen)
        XCTAssertTrue(find.screen.contains("Refused: the phone number \"12345\""), find.screen)
        XCTAssertTrue(find.screen.contains("unionpay-main"), find.screen)
        // recover username: the phone at the prompt, then a (wrong) recovery code, all on the
        // terminal: refused as any wrong code is (exit 5), not as a usage error.
        let recover = try drive([("Bound phone number (Enter to give an e-mail address instead): ", "13812345678"),
                                 ("Recovery code: ", "ABCDE-FGHJK-MNPQR-STVWX")],
                                ["recover", "username", "--code", "--vault", vault])
        XCTAssertEqual(recover.status, 5, recover.screen)
    }

    /// An operator's phone and e-mail: asked by `user add` and `user edit` on a terminal.
    func testOperatorContactIsAskedAtTheTerminal() throws {
        initVault()
        let pw = try passwordFile(adminPassword)
        let add = try drive([("Bound phone for lin (+8613812345678 or 13812345678) (Enter for none): ", "13812345678"),
                             ("Bound e-mail for lin (Enter for none): ", "lin at shop"),
                             ("Bound e-mail for lin (Enter for none): ", "lin@shop.example.com")],
                            ["user", "add", "lin", "--role", "cashier", "--generate", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(add.status, 0, add.screen)
        XCTAssertTrue(add.screen.contains("Refused: "), add.screen)
        var lin = try XCTUnwrap(vaultcli(["user", "show", "lin", "--json", "--vault", vault, "--user", "admin", "--password-file", pw]).json as? [String: Any])
        XCTAssertEqual(lin["phone"] as? String, "13812345678")
        XCTAssertEqual(lin["email"] as? String, "lin@shop.example.com")
        let edit = try drive([("Bound phone for lin (+8613812345678 or 13812345678) (Enter keeps it, - clears it): ", ""),
                              ("Bound e-mail for lin (Enter keeps it, - clears it): ", "-")],
                             ["user", "edit", "lin", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual(edit.status, 0, edit.screen)
        lin = try XCTUnwrap(vaultcli(["user", "show", "lin", "--json", "--vault", vault, "--user", "admin", "--password-file", pw]).json as? [String: Any])
        XCTAssertEqual(lin["phone"] as? String, "13812345678", "Enter keeps it")
        XCTAssertNil(lin["email"] as? String, "- clears it: \(lin)")
    }
}
