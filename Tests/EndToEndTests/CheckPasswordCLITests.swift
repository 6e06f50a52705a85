import Foundation
import XCTest

/// `vaultcli check-password` through the built binary.
final class CheckPasswordCLITests: XCTestCase {
    func testStrongPasswordIsAcceptedInText() {
        let pw = "v7#Qm2!xLp9@Rz"
        let o = CLI.run(["check-password"], stdin: pw + "\n")
        XCTAssertEqual(o.status, 0, "\(o)")
        XCTAssertTrue(o.stdout.contains("policy: accepted"))
        XCTAssertTrue(o.stdout.contains("strength: 4 of 4"))
        XCTAssertTrue(o.stdout.contains("(10^4 guesses/s)") && o.stdout.contains("(10^10 guesses/s)"))
        XCTAssertTrue(o.stdout.contains("advice: "))
        XCTAssertEqual(o.stderr, "")
        XCTAssertFalse(o.stdout.contains(pw) || o.stderr.contains(pw), "the password is never echoed")
    }

    func testWeakPasswordListsEveryRuleAndExits13() {
        for pw in ["Password1!", "P@ssw0rd2026"] {
            let o = CLI.run(["check-password"], stdin: pw + "\n")
            XCTAssertEqual(o.status, 13, "\(pw): \(o)")
            XCTAssertTrue(o.stdout.contains("policy: rejected"))
            XCTAssertTrue(o.stdout.contains("commonly used password"), o.stdout)
            XCTAssertTrue(o.stdout.contains("too easy to guess"), o.stdout)
            XCTAssertTrue(o.stderr.contains("vaultcli: error: the password breaks the policy"))
            XCTAssertTrue(o.stderr.contains("vaultcli: hint:"))
            XCTAssertFalse(o.stdout.contains(pw) || o.stderr.contains(pw))
        }
    }

    func testJSONWithPersonalContext() throws {
        let pw = "zhangsan13812345678"
        let o = CLI.run(["check-password", "--json", "--user", "zhangsan", "--phone", "+86 138 1234 5678", "--email", "zs@example.cn"], stdin: pw + "\n")
        XCTAssertEqual(o.status, 13, "\(o)")
        XCTAssertFalse(o.stdout.contains(pw))
        let j = try XCTUnwrap(o.json as? [String: Any])
        XCTAssertEqual(j["accepted"] as? Bool, false)
        let v = try XCTUnwrap(j["violations"] as? [[String: String]])
        let messages = v.map { $0["message"]! }
        XCTAssertTrue(messages.contains("it contains your user name"), "\(messages)")
        XCTAssertTrue(messages.contains("it contains your phone number"), "\(messages)")
        XCTAssertTrue(v.contains { $0["rule"] == "character-classes" })
        let s = try XCTUnwrap(j["strength"] as? [String: Any])
        let score = try XCTUnwrap(s["score"] as? Int)
        XCTAssertLessThan(score, 3)
        let guesses = try XCTUnwrap(s["guesses"] as? Double)
        XCTAssertEqual(s["bits"] as! Double, log2(guesses), accuracy: 0.01)
        let times = try XCTUnwrap(s["crack_times_seconds"] as? [String: Double])
        XCTAssertEqual(times["online_throttled_1e4_per_second"]!, guesses / 1e4, accuracy: guesses / 1e8)
        XCTAssertEqual(times["offline_fast_hashing_1e10_per_second"]!, guesses / 1e10, accuracy: guesses / 1e14)
        XCTAssertFalse((s["advice"] as? String ?? "").isEmpty)
        // Without the context the same password is rated higher: the context matters.
        let plain = try XCTUnwrap(CLI.run(["check-password", "--json"], stdin: pw + "\n").json as? [String: Any])
        XCTAssertGreaterThan((plain["strength"] as! [String: Any])["guesses"] as! Double, guesses)
    }

    func testJSONAccepted() throws {
        let o = CLI.run(["check-password", "--json"], stdin: "correct-Horse-Staple-42\n")
        XCTAssertEqual(o.status, 0, "\(o)")
        let j = try XCTUnwrap(o.json as? [String: Any])
        XCTAssertEqual(j["accepted"] as? Bool, true)
        XCTAssertEqual((j["violations"] as? [Any])?.count, 0)
        XCTAssertGreaterThanOrEqual((j["strength"] as! [String: Any])["score"] as! Int, 3)
    }

    func testBirthdayAndDates() throws {
        let o = CLI.run(["check-password", "--json", "--birthday", "1990-03-14"], stdin: "Kq#v19900314xZ\n")
        XCTAssertEqual(o.status, 13)
        let v = (try XCTUnwrap(o.json as? [String: Any]))["violations"] as! [[String: String]]
        XCTAssertTrue(v.contains { $0["message"] == "it contains your birthday" }, "\(v)")
        XCTAssertTrue(v.contains { $0["rule"] == "date" })
    }

    func testPasswordFileAndStdinFlag() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vaultcli-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("pw")
        try "v7#Qm2!xLp9@Rz\n".write(to: f, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: f.path)
        XCTAssertEqual(CLI.run(["check-password", "--password-file", f.path]).status, 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: f.path)
        assertUsageError(["check-password", "--password-file", f.path], mentions: "can be read by others")
        XCTAssertEqual(CLI.run(["check-password", "--password-stdin"], stdin: "v7#Qm2!xLp9@Rz\n").status, 0)
    }

    func testUsageErrors() {
        assertUsageError(["check-password"], mentions: "no password was given on standard input")
        assertUsageError(["check-password"], mentions: "no password was given", stdin: "\n")
        assertUsageError(["check-password", "--birthday", "14/03/1990"], mentions: "not a date in the form YYYY-MM-DD", stdin: "x\n")
        assertUsageError(["check-password", "--password-stdin", "--password-file", "/nonexistent"], mentions: "choose one of --password-stdin and --password-file")
    }
}
