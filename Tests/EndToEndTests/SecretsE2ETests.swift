import Foundation
import Vault
import XCTest

/// Secrets printed from locked memory (issue 11, point 8), byte for byte through the real
/// binary: account secrets (text and JSON, show and history), one-time-code enrolment and
/// login, recovery answers, and identities from keygen.
final class SecretsE2ETests: EndToEndTestCase {
    func admin(_ args: [String], _ more: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + more).map { $0 + "\n" }.joined())
    }

    func secretFile(_ s: String) -> String {
        let p = dir + "/s-\(UUID().uuidString)"
        XCTAssertTrue(FileManager.default.createFile(atPath: p, contents: Data((s + "\n").utf8), attributes: [.posixPermissions: 0o600]))
        return p
    }

    /// A secret with a quote, a backslash, Chinese, a tab and an escape character comes back
    /// exactly in JSON, and shown with visible escapes (not raw controls) as text.
    func testAccountRevealIsExactInJSONAndSanitisedAsText() throws {
        initVault()
        let first = "Pa\"ss\\word-王芳-\u{1B}[31m-\tend"
        let second = "Zweites-Geheimnis-7!"
        // Notes that look like the output's own stand-in for a secret stay notes.
        let notes = "a\u{E000}0\u{E000}b \"\u{E000}1\u{E000}\""
        XCTAssertEqual(admin(["account", "add", "--label", "up", "--username", "shop17", "--notes", notes, "--secret-file", secretFile(first)]).status, 0)
        let json = admin(["account", "show", "up", "--reveal", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let o = try XCTUnwrap(json.json as? [String: Any], json.stdout)
        XCTAssertEqual(o["secret"] as? String, first, "exactly the bytes stored")
        XCTAssertEqual(o["username"] as? String, "shop17")
        XCTAssertEqual(o["notes"] as? String, notes)
        XCTAssertTrue(json.stdout.contains(#""secret" : "Pa\"ss\\word-王芳-\u001b[31m-\tend""#), json.stdout)
        XCTAssertFalse(json.stdout.contains("\u{1B}"), "no raw escape on stdout")
        let text = admin(["account", "show", "up", "--reveal"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("secret:       Pa\"ss\\word-王芳-\\u{1B}[31m-\\u{9}end\n"), text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}"))
        let masked = admin(["account", "show", "up", "--json"])
        XCTAssertEqual((masked.json as? [String: Any])?["secret"] as? String, "********")
        XCTAssertFalse(masked.stdout.contains("王芳"), masked.stdout)

        // History: the old and new secrets, exact in JSON, masked without --reveal.
        XCTAssertEqual(admin(["account", "edit", "up", "--secret", "--secret-file", secretFile(second)]).status, 0)
        let h = admin(["account", "history", "up", "--reveal", "--json"])
        XCTAssertEqual(h.status, 0, h.stderr)
        let rows = try XCTUnwrap(h.json as? [[String: Any]], h.stdout).filter { $0["field"] as? String == "secret" }
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows[0]["old"] is NSNull)
        XCTAssertEqual(rows[0]["new"] as? String, first)
        XCTAssertEqual(rows[1]["old"] as? String, first)
        XCTAssertEqual(rows[1]["new"] as? String, second)
        let ht = admin(["account", "history", "up", "--reveal"])
        XCTAssertTrue(ht.stdout.contains(second + "\n"), ht.stdout)
        XCTAssertTrue(ht.stdout.contains("Pa\"ss\\word-王芳-\\u{1B}[31m-\\u{9}end"), ht.stdout)
        let hm = admin(["account", "history", "up"])
        XCTAssertFalse(hm.stdout.contains("Zweites") || hm.stdout.contains("王芳"), hm.stdout)
        XCTAssertTrue(hm.stdout.contains("********"), hm.stdout)
        let hj = admin(["account", "history", "up", "--json"])
        let masks = try XCTUnwrap(hj.json as? [[String: Any]]).filter { $0["field"] as? String == "secret" }.compactMap { $0["new"] as? String }
        XCTAssertEqual(masks, ["********", "********"])
        // Nothing of either secret in the vault file.
        let file = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertNil(file.range(of: Data("Zweites".utf8)))
    }

    /// One-time codes: the secret shown at enrolment (JSON and text, from locked memory) is
    /// the one inside the URI, and codes from it confirm the enrolment and log in.
    func testOneTimeCodeEnrolmentPrintsTheSecretAndLoginChecksIt() throws {
        initVault()
        // In text form: the key line and the URI carry the same secret.
        let t = admin(["user", "totp", "enable"])
        XCTAssertEqual(t.status, 0, t.stderr)
        let keyLine = try XCTUnwrap(t.stdout.split(separator: "\n").first { $0.contains("or type the key: ") }, t.stdout)
        let shown = String(keyLine.split(separator: " ").last!)
        XCTAssertEqual(shown.count, 32)
        XCTAssertTrue(t.stdout.contains("  uri:    otpauth://totp/") && t.stdout.contains("secret=\(shown)&"), t.stdout)
        // In JSON (a new enrolment replaces the pending one).
        let en = admin(["user", "totp", "enable", "--json"])
        XCTAssertEqual(en.status, 0, en.stderr)
        let j = try XCTUnwrap(en.json as? [String: Any], en.stdout)
        let secret = try XCTUnwrap(j["secret"] as? String)
        XCTAssertEqual(secret.count, 32, "160 bits in base32")
        XCTAssertNotEqual(secret, shown)
        XCTAssertTrue((j["uri"] as? String)?.hasPrefix("otpauth://totp/") == true)
        XCTAssertTrue((j["uri"] as? String)?.contains("secret=\(secret)&") == true, "\(j)")
        let key = try XCTUnwrap(Base32.decode(secret))
        let step = Int64(Date().timeIntervalSince1970) / 30
        // The replaced secret's code no longer confirms; the new one's does.
        XCTAssertNotEqual(admin(["user", "totp", "confirm"], [TOTP.code(secret: try XCTUnwrap(Base32.decode(shown)), step: step)]).status, 0)
        let confirm = admin(["user", "totp", "confirm"], [TOTP.code(secret: key, step: step)])
        XCTAssertEqual(confirm.status, 0, confirm.stderr)
        // A code of the next step (not used yet) logs in; no code, or a wrong one, does not.
        XCTAssertEqual(admin(["login"], [TOTP.code(secret: key, step: step + 1)]).status, 0)
        XCTAssertNotEqual(admin(["login"], [TOTP.code(secret: key, step: step + 500)]).status, 0)
        XCTAssertNotEqual(admin(["login"]).status, 0)
    }

    /// `keygen` to stdout and to a file: the identity text, byte for byte what `age-keygen -y`
    /// reads back to the recipient printed.
    func testIdentityExportIsExact() throws {
        let toFile = vaultcli(["keygen", "-o", dir + "/k.txt"])
        XCTAssertEqual(toFile.status, 0, toFile.stderr)
        let recipient = toFile.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOfFile: dir + "/k.txt", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, text)
        XCTAssertTrue(lines[0].hasPrefix("# created: "))
        XCTAssertEqual(String(lines[1]), "# public key: \(recipient)")
        XCTAssertTrue(lines[2].hasPrefix("AGE-SECRET-KEY-1") && lines[2].count == 74, text)
        XCTAssertEqual(lines[3], "")
        let out = vaultcli(["keygen"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let o = out.stdout.split(separator: "\n")
        XCTAssertEqual(o.count, 3, out.stdout)
        XCTAssertTrue(o[2].hasPrefix("AGE-SECRET-KEY-1") && o[2].count == 74)
        for bin in ["/usr/bin/age-keygen"] where FileManager.default.isExecutableFile(atPath: bin) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["-y", dir + "/k.txt"]
            let pipe = Pipe(); p.standardOutput = pipe
            try p.run(); p.waitUntilExit()
            let y = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertEqual(y, recipient, "age-keygen reads vaultcli's identity file back to the same recipient")
        }
    }
}
