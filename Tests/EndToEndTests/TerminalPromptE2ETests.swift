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
}
