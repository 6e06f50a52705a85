import Foundation
import XCTest

/// `check-password`'s personal data off the command line (issue 11 point 7): a JSON document
/// (`--from-json FILE` or `-`) or, on a terminal, a prompt for each; the flags still work.
final class CheckPasswordPersonalDataE2ETests: EndToEndTestCase {
    func messages(_ r: CLIResult) -> [String] {
        ((r.json as? [String: Any])?["violations"] as? [[String: String]] ?? []).compactMap { $0["message"] }
    }

    func writeDoc(_ json: String) throws -> String {
        let f = dir + "/ctx-\(UUID().uuidString).json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: f))
        return f
    }

    func passwordFile(_ pw: String) -> String {
        let f = dir + "/pw-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: f, contents: Data((pw + "\n").utf8), attributes: [.posixPermissions: 0o600])
        return f
    }

    func testFromJSONFileAndStandardInputGiveTheSameVerdictAsTheFlags() throws {
        let pw = "zhangsan13812345678"
        let none = dir + "/no-vault"
        let flags = vaultcli(["check-password", "--json", "--vault", none, "--user", "zhangsan", "--phone", "+86 138 1234 5678", "--email", "zs@example.cn"],
                             stdin: pw + "\n")
        XCTAssertEqual(flags.status, 13, flags.stderr)
        let want = messages(flags)
        XCTAssertTrue(want.contains("it contains your user name"), "\(want)")
        XCTAssertTrue(want.contains("it contains your phone number"), "\(want)")
        let json = #"{"user": "zhangsan", "phone": "+86 138 1234 5678", "email": "zs@example.cn"}"#
        // From a file, with the password on standard input.
        let file = vaultcli(["check-password", "--json", "--vault", none, "--from-json", try writeDoc(json)], stdin: pw + "\n")
        XCTAssertEqual(file.status, 13, file.stderr)
        XCTAssertEqual(messages(file), want)
        // From standard input, with the password in a file.
        let stdin = vaultcli(["check-password", "--json", "--vault", none, "--from-json", "-", "--password-file", passwordFile(pw)], stdin: json)
        XCTAssertEqual(stdin.status, 13, stdin.stderr)
        XCTAssertEqual(messages(stdin), want)
        XCTAssertFalse((file.stdout + file.stderr + stdin.stdout + stdin.stderr).contains(pw))
    }

    func testEveryKeyOfTheDocumentCounts() throws {
        let none = dir + "/no-vault"
        let doc = try writeDoc(#"{"birthday": "1990-03-14", "name": "Meilin", "merchant": "王记面馆", "terminal-id": "SHOP8801"}"#)
        for (pw, message) in [("Kq#v19900314xZ", "it contains your birthday"), ("Meilin#7Qx2kPz9", "it contains a name linked to you"),
                              ("Wangji#7Qx2kPz9", "it contains the shop's (merchant's) name"), ("Shop8801#Kq7xZv", "it contains the terminal's id")] {
            let r = vaultcli(["check-password", "--json", "--vault", none, "--from-json", doc], stdin: pw + "\n")
            XCTAssertEqual(r.status, 13, "\(pw): \(r.stderr)")
            XCTAssertTrue(messages(r).contains(message), "\(pw): \(messages(r))")
        }
        XCTAssertEqual(vaultcli(["check-password", "--vault", none, "--from-json", doc], stdin: "v7#Qm2!xLp9@Rz\n").status, 0)
    }

    func testBadDocumentsAreRefusedWithWhatToDo() throws {
        let none = dir + "/no-vault"
        func usage(_ args: [String], stdin: String, _ contains: String, line: UInt = #line) {
            let r = vaultcli(["check-password", "--vault", none] + args, stdin: stdin)
            XCTAssertEqual(r.status, 64, "\(r.stderr)", line: line)
            XCTAssertTrue(r.stderr.contains(contains), "expected \"\(contains)\" in: \(r.stderr)", line: line)
            XCTAssertFalse(r.stdout.contains("policy:"), "nothing was rated", line: line)
        }
        usage(["--from-json", try writeDoc(#"{"user": "a", "pin": "1"}"#)], stdin: "x\n", "the key \"pin\", which this command does not take")
        usage(["--from-json", try writeDoc(#"{"user": "a"}"#), "--user", "b"], stdin: "x\n", "user is given both as --user and in the JSON document")
        usage(["--from-json", try writeDoc(#"{"phone": 13812345678}"#)], stdin: "x\n", "is not a string")
        usage(["--from-json", try writeDoc("[1]")], stdin: "x\n", "does not hold one JSON object")
        usage(["--from-json", try writeDoc(#"{"birthday": "14/03/1990"}"#)], stdin: "x\n", "not a date in the form YYYY-MM-DD")
        usage(["--from-json", "-", "--password-stdin"], stdin: "{}", "--from-json - reads standard input, so --password-stdin cannot")
    }

    /// On a terminal, with no flag and no document, each piece is asked for (Enter skips; a
    /// refused one is asked again), then the password without echo.
    func testTheTerminalAsksForEachPiece() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed (.ci/run installs it)") }
        let pw = "zhangsan13812345678"
        let script = dir + "/steps.json"
        let steps = [["User name the password is for (Enter to skip): ", "zhangsan"],
                     ["Their phone (+8613812345678 or 13812345678; Enter to skip): ", "12345"],
                     ["Their phone (+8613812345678 or 13812345678; Enter to skip): ", "13812345678"],
                     ["Their e-mail (Enter to skip): ", ""],
                     ["Their birthday, YYYY-MM-DD (Enter to skip): ", ""],
                     ["Another name linked to them, e.g. a real name (Enter to skip): ", ""],
                     ["The shop's (merchant's) name (Enter to skip): ", ""],
                     ["Password to check: ", pw]]
        try JSONSerialization.data(withJSONObject: steps).write(to: URL(fileURLWithPath: script))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [CLI.packageRoot.appendingPathComponent("scripts/pty-drive.py").path, script, "--", CLIHarness.binary,
                       "check-password", "--vault", dir + "/no-vault"]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CLIHarness.environment([:]) { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 13, screen)
        XCTAssertTrue(screen.contains("Refused: the phone number \"12345\""), screen)
        XCTAssertTrue(screen.contains("it contains your user name"), screen)
        XCTAssertTrue(screen.contains("it contains your phone number"), screen)
        XCTAssertFalse(screen.contains(pw), "the password is not echoed")
    }

    func testHelpSaysWhatTheFlagsCost() {
        let help = vaultcli(["check-password", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("PIPL"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--from-json"), help.stdout)
        XCTAssertTrue(help.stdout.contains("shell history"), help.stdout)
    }
}
