import Foundation
import XCTest

/// Records that carry secrets are decrypted straight into locked memory (issue 11 point 8):
/// accounts and key copies (sealed under a data key) and envelopes (one-time-code secrets,
/// keys). The debug-only probe names the buffer each record's plaintext went to; these tests
/// run the real commands and check that no unsigned sealed record was opened into an ordinary
/// buffer, and that the secrets still come back exactly.
final class LockedRecordsE2ETests: EndToEndTestCase {
    func admin(_ args: [String], _ more: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + more).map { $0 + "\n" }.joined())
    }

    func probedAdmin(_ args: [String]) -> (CLIResult, [String]) {
        probed(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
    }

    func assertAllLocked(_ lines: [String], atLeast: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines.filter { $0.hasPrefix("plaintext ordinary record") }, [], what, file: file, line: line)
        XCTAssertGreaterThanOrEqual(lines.filter { $0.hasPrefix("plaintext locked record") }.count, atLeast, "\(what): \(lines)", file: file, line: line)
    }

    func testAccountsAndEnvelopesOpenIntoLockedMemory() throws {
        initVault()
        let secret = "Merchant-Secret-88!"
        let f = dir + "/secret"
        FileManager.default.createFile(atPath: f, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertEqual(admin(["account", "add", "--label", "unionpay-main", "--username", "shop17", "--secret-file", f]).status, 0)
        XCTAssertEqual(admin(["account", "edit", "unionpay-main", "--secret", "--secret-file", f, "--notes", "changed"]).status, 0)
        // A reveal: the account record (and its history) from locked memory, exactly.
        let (show, showLines) = probedAdmin(["account", "show", "unionpay-main", "--reveal", "--json"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertEqual((show.json as? [String: Any])?["secret"] as? String, secret)
        assertAllLocked(showLines, atLeast: 1, "account show")
        // The login opened the admin's envelope in locked memory too.
        XCTAssertTrue(showLines.contains("plaintext locked envelope type=12"), "\(showLines)")
        let (list, listLines) = probedAdmin(["account", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        assertAllLocked(listLines, atLeast: 1, "account list")
        // A full verification reads every record, in the scan and through the index.
        let (verify, verifyLines) = probedAdmin(["verify"])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        assertAllLocked(verifyLines, atLeast: 2, "verify")
        XCTAssertTrue(verifyLines.contains { $0.hasPrefix("plaintext locked record") && $0.hasSuffix(" scan") }, "\(verifyLines)")
    }

    /// Recovery codes are written from locked memory (text and JSON), and what is printed works.
    func testRecoveryCodesArePrintedExactlyAndWork() throws {
        let pattern = "^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$"
        let j = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(j.status, 0, j.stderr)
        let codes = try XCTUnwrap((j.json as? [String: Any])?["recovery_codes"] as? [String], j.stdout)
        XCTAssertEqual(codes.count, 10)
        for c in codes { XCTAssertNotNil(c.range(of: pattern, options: .regularExpression), c) }
        let next = "Fresh-Kite-Harbor-3141!"
        let r = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: "\(codes[0])\n\(next)\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let t = vaultcli(["recover", "codes", "--regenerate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: next + "\n")
        XCTAssertEqual(t.status, 0, t.stderr)
        let fresh = t.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            return parts.count == 2 && Int(parts[0]) != nil ? String(parts[1]) : nil
        }
        XCTAssertEqual(fresh.count, 10, t.stdout)
        for c in fresh { XCTAssertNotNil(c.range(of: pattern, options: .regularExpression), c) }
        let again = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: "\(fresh[9])\nOther-Kite-Harbor-2718!\n")
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    /// A cashier's password reset by an admin reads the cashier's key copy (an admin-class or
    /// manager-class record holding a personal key): locked too.
    func testKeyCopiesOpenIntoLockedMemory() throws {
        initVault()
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier"], ["kT7#vQ9!mZ2@pL4x"]).status, 0)
        let (reset, lines) = probed(["user", "passwd", "lin", "--generate", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(reset.status, 0, reset.stderr)
        assertAllLocked(lines, atLeast: 1, "user passwd lin")
    }

    // MARK: sealing (issue 11 point 8, the write side)

    /// No unsigned record sealed under a data key was built in ordinary memory.
    func assertSealedLocked(_ lines: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines.filter { $0.hasPrefix("seal ordinary record") }, [], what, file: file, line: line)
        XCTAssertEqual(lines.filter { $0.hasPrefix("plaintext ordinary record") }, [], what, file: file, line: line)
    }

    func addAccounts(_ secrets: [String: String]) {
        for (label, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            let f = dir + "/secret-\(label)"
            FileManager.default.createFile(atPath: f, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
            XCTAssertEqual(admin(["account", "add", "--label", label, "--username", "shop17", "--secret-file", f]).status, 0)
        }
    }

    func assertSecrets(_ secrets: [String: String], file: StaticString = #filePath, line: UInt = #line, env: [String: String] = [:]) {
        for (label, secret) in secrets {
            let r = vaultcli(["account", "show", label, "--reveal", "--json", "--vault", vault, "--user", "admin", "--password-stdin"],
                             stdin: adminPassword + "\n", env: env)
            XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
            XCTAssertEqual((r.json as? [String: Any])?["secret"] as? String, secret, file: file, line: line)
        }
    }

    func testAnAccountRecordIsSealedFromLockedMemory() throws {
        initVault()
        let f = dir + "/secret"
        FileManager.default.createFile(atPath: f, contents: Data("Merchant-Secret-88!\n".utf8), attributes: [.posixPermissions: 0o600])
        let (add, lines) = probedAdmin(["account", "add", "--label", "unionpay-main", "--username", "shop17", "--secret-file", f])
        XCTAssertEqual(add.status, 0, add.stderr)
        assertSealedLocked(lines, "account add")
        XCTAssertTrue(lines.contains("seal locked record type=4"), "\(lines)")
        // An edit keeps the earlier secret in the history: sealed from locked memory too.
        let (edit, editLines) = probedAdmin(["account", "edit", "unionpay-main", "--secret", "--secret-file", f, "--notes", "changed"])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        assertSealedLocked(editLines, "account edit")
        XCTAssertTrue(editLines.contains("seal locked record type=4"), "\(editLines)")
        assertSecrets(["unionpay-main": "Merchant-Secret-88!"])
        XCTAssertEqual(admin(["verify"]).status, 0)
    }

    /// A compaction re-seals every live record: those under a data key from locked memory.
    func testCompactionReSealsAccountsFromLockedMemory() throws {
        initVault()
        let secrets = ["unionpay-main": "Merchant-Secret-88!", "wechat": "Wechat-Secret-77#", "alipay": "Alipay-Secret-66$"]
        addAccounts(secrets)
        // A commit that compacts afterwards (the debug-only knob forces it).
        let (r, lines) = probed(["user", "unlock", "admin", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n",
                                env: ["VAULTCLI_TEST_COMPACT": "always"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let start = try XCTUnwrap(lines.firstIndex(of: "rewrite"), "no compaction: \(lines)")
        let during = Array(lines[start...])
        assertSealedLocked(during, "compaction")
        XCTAssertGreaterThanOrEqual(during.filter { $0 == "seal locked record type=4" }.count, 3, "\(during)")
        XCTAssertGreaterThanOrEqual(during.filter { $0.hasPrefix("plaintext locked record") }.count, 3, "\(during)")
        assertSecrets(secrets)
        XCTAssertEqual(admin(["verify"]).status, 0)
    }

    /// A key rotation re-seals everything under new keys: the records from locked memory, the
    /// envelopes and keyslot payloads built there.
    func testRekeyReSealsFromLockedMemory() throws {
        initVault()
        let secrets = ["unionpay-main": "Merchant-Secret-88!", "wechat": "Wechat-Secret-77#"]
        addAccounts(secrets)
        let (r, lines) = probedAdmin(["rekey"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let start = try XCTUnwrap(lines.firstIndex(of: "rewrite rotate"), "no rotation: \(lines)")
        assertSealedLocked(lines, "rekey")
        XCTAssertGreaterThanOrEqual(lines[start...].filter { $0 == "seal locked record type=4" }.count, 2, "\(lines)")
        XCTAssertTrue(lines.contains("seal locked envelope type=12"), "\(lines)")
        XCTAssertTrue(lines.contains("seal locked keyslot-payload"), "\(lines)")
        assertSecrets(secrets)
        XCTAssertEqual(admin(["verify"]).status, 0)
    }

    /// `unlock` hands the agent the keys over a pipe: the agent reads them straight into locked
    /// memory, and a command run in the session opens the accounts with them.
    func testTheSessionGrantIsReadIntoLockedMemory() throws {
        initVault()
        let secrets = ["unionpay-main": "Merchant-Secret-88!"]
        addAccounts(secrets)
        let run = dir + "/run"
        mkdir(run, 0o700)
        defer { vaultcli(["lock", "--vault", vault], env: ["XDG_RUNTIME_DIR": run]) }
        let (u, lines) = probed(["unlock", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n",
                                env: ["XDG_RUNTIME_DIR": run])
        XCTAssertEqual(u.status, 0, u.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("grant locked bytes=") }, "\(lines)")
        // In the session (no password): the keys the agent decoded open the account.
        let r = vaultcli(["account", "show", "unionpay-main", "--reveal", "--json", "--vault", vault], env: ["XDG_RUNTIME_DIR": run])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((r.json as? [String: Any])?["secret"] as? String, "Merchant-Secret-88!")
    }

    /// A demotion and a removal rotate every key as `rekey` does: the same locked path.
    func testDemotionAndRemovalReSealFromLockedMemory() throws {
        initVault()
        let secrets = ["unionpay-main": "Merchant-Secret-88!", "wechat": "Wechat-Secret-77#"]
        addAccounts(secrets)
        XCTAssertEqual(admin(["user", "add", "boss2", "--role", "admin"], ["Maple-Rover-Quince-47!"]).status, 0)
        for args in [["user", "role", "boss2", "cashier", "--generate"], ["user", "remove", "boss2"]] {
            let (r, lines) = probedAdmin(args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let start = try XCTUnwrap(lines.firstIndex(of: "rewrite rotate"), "\(args): no rotation: \(lines)")
            assertSealedLocked(lines, args.joined(separator: " "))
            XCTAssertGreaterThanOrEqual(lines[start...].filter { $0 == "seal locked record type=4" }.count, 2, "\(args): \(lines)")
            XCTAssertTrue(lines.contains("seal locked envelope type=12"), "\(args): \(lines)")
            assertSecrets(secrets)
        }
        XCTAssertEqual(admin(["verify"]).status, 0)
    }
}
