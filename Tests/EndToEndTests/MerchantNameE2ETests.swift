import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The merchant's (shop's) name (issue 11): set at init (flag, JSON or prompt) or by an admin's
/// `policy set merchant-name`, kept in the admin-signed vault settings, shown by `info`,
/// `status` and `policy show`, and refused inside every password. A cashier who edits, forges
/// or removes it is caught as tampering (exit 6). Everything through the built binary.
final class MerchantNameE2ETests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"

    override func setUp() {
        super.setUp()
        // The attacker's library calls in this process use the same test-only KDF cost.
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
    }

    func admin(_ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extraLines).map { $0 + "\n" }.joined())
    }

    func assertTampered(_ r: CLIResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 6, "expected exit 6, got \(r.status): \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("damaged or was tampered with"), r.stderr, file: file, line: line)
    }

    func testInitStoresItAndInfoStatusAndPolicyShowShowIt() throws {
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017",
                          "--merchant-name", " 王记面馆 ", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((r.json as? [String: Any])?["merchant_name"] as? String, "王记面馆", "stored trimmed")
        let info = vaultcli(["info", "--vault", vault])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("merchant:       王记面馆"), info.stdout)
        XCTAssertEqual((vaultcli(["info", "--vault", vault, "--json"]).json as? [String: Any])?["merchant_name"] as? String, "王记面馆")
        let status = admin(["status"])
        XCTAssertTrue(status.stdout.hasPrefix("Merchant: 王记面馆\n"), status.stdout)
        XCTAssertEqual((admin(["status", "--json"]).json as? [String: Any])?["merchant_name"] as? String, "王记面馆")
        let rows = try XCTUnwrap(vaultcli(["policy", "show", "--vault", vault, "--json"]).json as? [[String: Any]])
        XCTAssertEqual(rows.first { $0["key"] as? String == "merchant-name" }?["value"] as? String, "王记面馆")
        // A vault made without one says so, and how to set it.
        let other = dir + "/plain.vault"
        XCTAssertEqual(vaultcli(["init", "--vault", other, "--admin", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        XCTAssertTrue(vaultcli(["info", "--vault", other]).stdout.contains("merchant:       (none set: `vaultcli policy set merchant-name NAME`)"))
        XCTAssertTrue(vaultcli(["info", "--vault", other, "--json"]).stdout.contains("\"merchant_name\" : null"))
    }

    func testInitTakesItFromJSONAndRefusesABadOne() throws {
        let doc = dir + "/init.json"
        try Data(#"{"merchant-name": "Lucky Star Café", "phone": "13812345678"}"#.utf8).write(to: URL(fileURLWithPath: doc))
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--from-json", doc], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("merchant:    Lucky Star Café"), r.stdout)
        // An invisible character is refused before anything is written, with what to do.
        let bad = dir + "/bad.vault"
        let b = vaultcli(["init", "--vault", bad, "--admin", "admin", "--password-stdin", "--merchant-name", "王记\u{200B}面馆"], stdin: adminPassword + "\n")
        XCTAssertEqual(b.status, 64, b.stderr)
        XCTAssertTrue(b.stderr.contains("U+200B"), b.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad))
        // The flag and the document may not both give it.
        let both = vaultcli(["init", "--vault", bad, "--admin", "admin", "--password-stdin", "--from-json", doc, "--merchant-name", "X"], stdin: adminPassword + "\n")
        XCTAssertEqual(both.status, 64, both.stderr)
        XCTAssertTrue(both.stderr.contains("merchant-name is given both"), both.stderr)
    }

    /// New operator passwords, password changes, the admin's own at init and check-password all
    /// refuse a password built from the merchant's name: as typed, and its pinyin.
    func testPasswordsBuiltFromTheMerchantNameAreRefused() throws {
        // At init: the admin's own password.
        let refused = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--merchant-name", "王记面馆"],
                               stdin: "Wangji#7Qx2kPz9\n")
        XCTAssertEqual(refused.status, 13, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("the shop's (merchant's) name"), refused.stderr)
        initVault(extra: ["--merchant-name", "王记面馆"])
        // A new operator's password: the pinyin, and the characters as typed.
        for pw in ["Wangji#7Qx2kPz9", "Kq7#王记面馆vTz9"] {
            let add = admin(["user", "add", "lin", "--role", "cashier"], [pw])
            XCTAssertEqual(add.status, 13, "\(pw): \(add.stderr)")
            XCTAssertTrue(add.stderr.contains("the shop's (merchant's) name"), add.stderr)
        }
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp]).status, 0)
        // A password change.
        let passwd = vaultcli(["user", "passwd", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: cashierTemp + "\nMianguan#88Qx2kz\n")
        XCTAssertEqual(passwd.status, 13, passwd.stderr)
        XCTAssertTrue(passwd.stderr.contains("the shop's (merchant's) name"), passwd.stderr)
        // check-password takes it from the vault: no flag needed.
        let check = vaultcli(["check-password", "--vault", vault], stdin: "Wangji#7Qx2kPz9\n")
        XCTAssertEqual(check.status, 13, check.stdout)
        XCTAssertTrue(check.stdout.contains("it contains the shop's (merchant's) name"), check.stdout)
        XCTAssertEqual(vaultcli(["check-password", "--vault", vault], stdin: "v7#Qm2!xLp9@Rz\n").status, 0)
    }

    func testAnAdminSetsChangesAndClearsIt() throws {
        initVault()
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier"], [cashierTemp]).status, 0)
        // Before: a password with "Lucky Star" in it is fine.
        XCTAssertEqual(vaultcli(["check-password", "--vault", vault], stdin: "LuckyStar#Qx7vKz9\n").status, 0)
        let set = admin(["policy", "set", "merchant-name", "Lucky Star"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(set.stdout, "merchant-name = Lucky Star\n")
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stdout.contains("merchant:       Lucky Star"))
        let after = vaultcli(["check-password", "--vault", vault], stdin: "LuckyStar#Qx7vKz9\n")
        XCTAssertEqual(after.status, 13, after.stdout)
        XCTAssertTrue(after.stdout.contains("the shop's (merchant's) name"), after.stdout)
        // Only an admin may change it.
        let cashier = vaultcli(["policy", "set", "merchant-name", "Mine", "--vault", vault, "--user", "lin", "--password-stdin"],
                               stdin: cashierTemp + "\nPz4!dW7#sK2$fM9q\n")
        XCTAssertNotEqual(cashier.status, 0)
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stdout.contains("merchant:       Lucky Star"))
        // It is audited.
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "vault.merchant-name"],
                             stdin: adminPassword + "\n")
        XCTAssertTrue(audit.stdout.contains("vault.merchant-name"), audit.stdout)
        XCTAssertTrue(audit.stdout.contains("Lucky Star"), audit.stdout)
        // A rotation keeps it.
        XCTAssertEqual(admin(["rekey"]).status, 0)
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stdout.contains("merchant:       Lucky Star"))
        // Cleared with "".
        XCTAssertEqual(admin(["policy", "set", "merchant-name", ""]).stdout, "merchant-name cleared\n")
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stdout.contains("(none set"))
        XCTAssertEqual(vaultcli(["check-password", "--vault", vault], stdin: "LuckyStar#Qx7vKz9\n").status, 0)
        // A bad name is refused with what to do.
        let bad = admin(["policy", "set", "merchant-name", "Lucky\u{202E}Star"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("U+202E"), bad.stderr)
    }

    /// Asked at init on a terminal when no flag or document gave it.
    func testInitAsksForItAtTheTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed (.ci/run installs it)") }
        let pw = dir + "/pw"
        FileManager.default.createFile(atPath: pw, contents: Data((adminPassword + "\n").utf8), attributes: [.posixPermissions: 0o600])
        let script = dir + "/steps.json"
        let steps = [["Bound phone for boss", ""], ["Bound e-mail for boss", ""],
                     ["The shop's (merchant's) name, as on its sign or receipts (Enter for none): ", "王记\u{200B}面馆"],
                     ["The shop's (merchant's) name, as on its sign or receipts (Enter for none): ", "王记面馆"]]
        try JSONSerialization.data(withJSONObject: steps).write(to: URL(fileURLWithPath: script))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [CLI.packageRoot.appendingPathComponent("scripts/pty-drive.py").path, script, "--", CLIHarness.binary,
                       "init", "--vault", vault, "--admin", "boss", "--terminal-id", "T-9", "--password-file", pw]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CLIHarness.environment([:]) { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, screen)
        XCTAssertTrue(screen.contains("Refused: "), screen)
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stdout.contains("merchant:       王记面馆"))
    }

    // MARK: a cashier who can write the file

    /// The settings frame's offset and length.
    func settingsFrame() throws -> (offset: Int, length: Int) {
        let v = try Vault.open(path: vault, access: .read)
        return try XCTUnwrap(v.file.meta[VaultFile.MetaKey(kind: .record, subject: VaultSettings.subject)])
    }

    /// Every command that reads the vault refuses it: the one that checks a password without
    /// logging in, the one that shows it, and logins.
    func assertEveryReaderRefuses(file: StaticString = #filePath, line: UInt = #line) {
        assertTampered(vaultcli(["check-password", "--vault", vault], stdin: "Wangji#7Qx2kPz9\n"), file: file, line: line)
        assertTampered(vaultcli(["info", "--vault", vault]), file: file, line: line)
        assertTampered(admin(["login"]), file: file, line: line)
        assertTampered(admin(["user", "add", "mei", "--role", "cashier"], ["Wangji#7Qx2kPz9"]), file: file, line: line)
    }

    /// The name's bytes edited in place (same length, 王 -> 李), with and without the frame's
    /// public checksum recomputed: the admin's signature no longer verifies.
    func testEditingTheNameInTheFileIsDetected() throws {
        initVault(extra: ["--merchant-name", "王记面馆"])
        let original = try Data(contentsOf: URL(fileURLWithPath: vault))
        let (off, len) = try settingsFrame()
        let from = Array("王记面馆".utf8), to = Array("李记面馆".utf8)
        for fixChecksum in [false, true] {
            var b = [UInt8](original)
            let frame = Array(b[off..<(off + len)])
            let at = try XCTUnwrap((0...(frame.count - from.count)).first { Array(frame[$0..<($0 + from.count)]) == from }, "the name is in the settings frame")
            b.replaceSubrange((off + at)..<(off + at + to.count), with: to)
            if fixChecksum {
                let payloadEnd = off + len - FormatV1.trailerLength - 16
                b.replaceSubrange(payloadEnd..<(payloadEnd + 16), with: Hash.blake2b(Array(b[off..<payloadEnd]), length: 16))
            }
            try Data(b).write(to: URL(fileURLWithPath: vault))
            assertEveryReaderRefuses()
        }
        // The genuine file still works.
        try original.write(to: URL(fileURLWithPath: vault))
        XCTAssertEqual(admin(["login"]).status, 0)
    }

    /// Settings without the name (or with another), re-signed by a key of the cashier's own.
    func testSettingsReSignedWithoutTheNameAreRefused() throws {
        initVault(extra: ["--merchant-name", "王记面馆"])
        for replacement in [nil, "Evil Shop"] as [String?] {
            let copy = try Data(contentsOf: URL(fileURLWithPath: vault))
            do {
                let v = try Vault.open(path: vault, access: .write)
                let evil = try Ed25519.generateKeyPair()
                var s = try v.settings()
                s.merchantName = replacement
                s.adminVerifyKey = evil.publicKey.hexString
                let ring = KeyRing(); ring.extra[KeyId.adminSigning] = evil.secretKey
                try v.file.append([PendingFrame(kind: .record, keyClass: .none, subject: VaultSettings.subject,
                                                body: try RecordCodec.encode(.vaultSettings, s), signer: .admin)], keys: ring)
            }
            assertEveryReaderRefuses()
            // And as an unsigned public frame: the frame rules refuse it.
            do {
                try copy.write(to: URL(fileURLWithPath: vault))
                let v = try Vault.open(path: vault, access: .write)
                var s = try v.settings()
                s.merchantName = replacement
                try v.file.append([PendingFrame(kind: .record, keyClass: .none, subject: VaultSettings.subject,
                                                body: try RecordCodec.encode(.vaultSettings, s))], keys: KeyRing())
            }
            assertEveryReaderRefuses()
            try copy.write(to: URL(fileURLWithPath: vault))
        }
    }

    /// The settings record dropped from the index (so the name would be gone): refused.
    func testRemovingTheSettingsRecordIsDetected() throws {
        initVault(extra: ["--merchant-name", "王记面馆"])
        do {
            let v = try Vault.open(path: vault, access: .write)
            try v.file.append([], removing: [(.record, VaultSettings.subject)], keys: KeyRing())
        }
        assertEveryReaderRefuses()
        XCTAssertTrue(vaultcli(["info", "--vault", vault]).stderr.contains("settings record is missing"))
    }
}
