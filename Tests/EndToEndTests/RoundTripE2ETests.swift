import Foundation
import XCTest

/// The users' main job, end to end: a vault with operators, an account and transactions is
/// backed up by the nightly command, the device is reset, the backup is restored, and
/// everything is back: every operator logs in, every record and audit event is there.
final class RoundTripE2ETests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x", cashierPass = "Rw8$nB3%yH6^cJ1z"
    let managerTemp = "Gq5&tN8*wE2!xS7v", managerPass = "Zp4@kW9#rT2$vM6!"

    func admin(_ args: [String], _ extra: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extra).map { $0 + "\n" }.joined())
    }
    func run(_ user: String, _ pw: String, _ args: [String], _ extra: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", user, "--password-stdin"], stdin: ([pw] + extra).map { $0 + "\n" }.joined())
    }

    /// What a user would compare before and after: operators, accounts (secrets revealed),
    /// transactions, audit events.
    func snapshot() -> [String] {
        let parts = [
            admin(["user", "list", "--json"]),
            admin(["account", "show", "unionpay", "--reveal", "--json"]),
            admin(["tx", "export", "--format", "jsonl"]),
            admin(["tx", "summary", "--json"]),
        ]
        for p in parts { XCTAssertEqual(p.status, 0, p.stderr) }
        return parts.map(\.stdout)
    }

    func testNightlyBackupDeviceResetRestoreEverythingBack() throws {
        initVault()
        XCTAssertEqual(admin(["user", "add", "lin", "--role", "cashier", "--phone", "13812345678"], [cashierTemp]).status, 0)
        XCTAssertEqual(run("lin", cashierTemp, ["user", "passwd"], [cashierPass]).status, 0)
        XCTAssertEqual(admin(["user", "add", "mgr", "--role", "manager"], [managerTemp]).status, 0)
        XCTAssertEqual(run("mgr", managerTemp, ["user", "passwd"], [managerPass]).status, 0)
        XCTAssertEqual(admin(["account", "add", "--label", "unionpay", "--service", "UnionPay", "--username", "shop17",
                              "--phone", "13912345678", "--secret-stdin"], ["Merchant-Secret-1!"]).status, 0)
        for i in 1...5 {
            XCTAssertEqual(run("lin", cashierPass, ["tx", "add", "--amount", "\(i).25", "--card", "622588******1234", "--reference", "R\(i)"]).status, 0)
        }
        // The offline recovery key is the vault's default recipient: the nightly command needs
        // no option but the target and no password.
        let key = dir + "/recovery.key"
        XCTAssertEqual(admin(["keygen", "-o", key, "--add-to-vault"]).status, 0)
        let before = snapshot()
        let usb = dir + "/usb"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        // Exactly the systemd/cron command of docs/backup-guide.md, with no stdin and no terminal.
        let nightly = CLIHarness.run(["-w", CLIHarness.binary, "backup", "--to", usb, "--keep", "14"], stdin: nil,
                                     env: ["VAULTCLI_VAULT": vault], executable: "/usr/bin/setsid")
        XCTAssertEqual(nightly.status, 0, nightly.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: usb).filter { $0.hasPrefix("vaultcli-T-0017-") && $0.hasSuffix(".age") }
        XCTAssertEqual(files.count, 1)
        var st = stat(); stat(usb + "/" + files[0], &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)

        // Device reset.
        try FileManager.default.removeItem(atPath: dir + "/vault")
        try? FileManager.default.removeItem(atPath: dir + "/vault.lock")
        let restore = vaultcli(["restore", usb + "/" + files[0], "--identity", key, "--vault", vault])
        XCTAssertEqual(restore.status, 0, restore.stderr)

        // Everything is back, and every operator logs in with the password they had.
        XCTAssertEqual(snapshot(), before)
        XCTAssertEqual(run("lin", cashierPass, ["login"]).status, 0)
        XCTAssertEqual(run("mgr", managerPass, ["login"]).status, 0)
        XCTAssertEqual(admin(["login"]).status, 0)
        XCTAssertEqual(admin(["verify"]).status, 0)
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        let actions = (try JSONSerialization.jsonObject(with: audit.stdoutData) as! [[String: Any]]).map { $0["action"] as! String }
        for a in ["vault.init", "user.add", "user.passwd", "account.add", "recovery.key.add", "backup.restore"] {
            XCTAssertTrue(actions.contains(a), "\(a) missing after restore")
        }
    }

    /// A backup to a stick that fills up: a clear error, no file that looks like a backup, the
    /// vault untouched.
    func testFullStickLeavesNoBackupAndTheVaultUntouched() throws {
        initVault()
        // Make the vault bigger than the stick.
        let csv = dir + "/tx.csv"
        var text = "id,time,amount,currency,kind,card,reference,operator,terminal,status\n"
        for i in 0..<30_000 { text += "ID-\(i),2026-11-22T10:00:00Z,\(i % 500).00,CNY,sale,622588******1234,REF-\(i),admin,T-0017,approved\n" }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(admin(["tx", "import", csv]).status, 0)
        let key = dir + "/k.key"
        let recipient = vaultcli(["keygen", "-o", key]).stdout.trimmingCharacters(in: .newlines)
        let usb = dir + "/usb"
        let unmount = try mountTmpfs(usb, options: "size=256k")
        defer { unmount() }
        let vaultBefore = try Data(contentsOf: URL(fileURLWithPath: vault))
        let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient])
        assertError(r, status: 9, contains: "No space left on device")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: usb), [])
        // The vault is as it was, but for the audit event recording the failed backup.
        let after = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertEqual(maskingErasedFrames(after.prefix(vaultBefore.count), like: vaultBefore), vaultBefore)
        XCTAssertEqual(admin(["verify"]).status, 0)
    }
}
