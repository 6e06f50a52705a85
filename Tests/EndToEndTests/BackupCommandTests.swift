import Foundation
import XCTest
import Vault

final class KeygenCommandTests: XCTestCase {
    func testKeygenWritesA0600FileAndPrintsTheRecipient() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("recovery.key").path
        let r = CLI.run(["keygen", "-o", key])
        XCTAssertEqual(r.status, 0, r.stderr)
        let recipient = r.stdoutText.trimmingCharacters(in: .newlines)
        XCTAssertTrue(recipient.hasPrefix("age1"), recipient)
        var st = stat()
        XCTAssertEqual(stat(key, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let text = try String(contentsOfFile: key, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("# created: "))
        XCTAssertEqual(lines[1], "# public key: \(recipient)")
        XCTAssertTrue(lines[2].hasPrefix("AGE-SECRET-KEY-1"))
        XCTAssertFalse(r.stdoutText.contains("AGE-SECRET-KEY"), "the secret never goes to stdout with -o")
        XCTAssertEqual(try AgeKeyFile.read(path: key).first?.recipient()?.string, recipient)

        // Never overwrites.
        let again = CLI.run(["keygen", "-o", key])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("vaultcli: error: \(key) already exists"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: key, encoding: .utf8), text)

        // age itself accepts the identity: age-keygen -y gives the same recipient.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/age-keygen") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/age-keygen")
            p.arguments = ["-y", key]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertEqual(String(decoding: out, as: UTF8.self).trimmingCharacters(in: .newlines), recipient)
        }
    }

    func testKeygenToStdoutAndJSON() throws {
        let r = CLI.run(["keygen"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdoutText.contains("\nAGE-SECRET-KEY-1"))
        XCTAssertTrue(r.stderr.contains("public key: age1"))
        let j = CLI.run(["keygen", "--json"])
        XCTAssertEqual(j.status, 64, "JSON without -o is refused: the secret is never printed as JSON")
    }
}

final class BackupCommandTests: EndToEndTestCase {
    func path(_ n: String) -> String { dir + "/" + n }
    func run(_ args: [String], stdin: Data? = nil) -> CLIResult { CLIHarness.run(args, stdin: stdin) }

    /// A real vault with a second operator, backed up by `vaultcli backup` to a key made by
    /// `vaultcli keygen`.
    var snapshot = Data()

    func makeBackup() throws -> (backup: String, key: String) {
        initVault()
        let add = vaultcli(["user", "add", "bob", "--role", "cashier", "--vault", vault, "--user", "admin", "--password-stdin"],
                           stdin: adminPassword + "\nkT7#vQ9!mZ2@pL4x\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        let key = path("k.key")
        let kg = run(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        try FileManager.default.createDirectory(atPath: path("usb"), withIntermediateDirectories: true)
        snapshot = try Data(contentsOf: URL(fileURLWithPath: vault))
        let b = run(["backup", "--to", path("usb"), "--vault", vault, "--recipient", kg.stdout.trimmingCharacters(in: .newlines)])
        XCTAssertEqual(b.status, 0, b.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: path("usb")).filter { $0.hasSuffix(".age") }
        XCTAssertEqual(files.count, 1)
        return (path("usb/" + files[0]), key)
    }

    func testVerifyListRestoreFromFileAndStdin() throws {
        let (backup, key) = try makeBackup()
        let bytes = snapshot

        let v = run(["backup", "verify", backup, "--identity", key, "--json"])
        XCTAssertEqual(v.status, 0, v.stderr)
        let j = try JSONSerialization.jsonObject(with: v.stdoutData) as! [String: Any]
        XCTAssertEqual(j["terminal_id"] as? String, "T-0017")
        XCTAssertEqual(j["ok"] as? Bool, true)
        let counts = j["counts"] as! [String: Any]
        XCTAssertEqual(counts["operators"] as? Int, 2)

        let l = run(["backup", "list", path("usb")])
        XCTAssertEqual(l.status, 0, l.stderr)
        XCTAssertTrue(l.stdout.contains((backup as NSString).lastPathComponent))

        let restored = path("restored/vault")
        let r = run(["restore", backup, "--identity", key, "--vault", restored])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The restored vault is the vault as it stood, plus the restore's own audit event. The
        // event supersedes the audit-chain state, whose old frame is erased in place (format v2):
        // only frames now marked erased may differ, and only in their marker and body.
        let restoredBytes = try Data(contentsOf: URL(fileURLWithPath: restored))
        XCTAssertEqual(maskingErasedFrames(restoredBytes.prefix(bytes.count), like: bytes), bytes)

        // Again: refused without --force, the vault untouched.
        let before = try Data(contentsOf: URL(fileURLWithPath: restored))
        let again = run(["restore", backup, "--identity", key, "--vault", restored])
        XCTAssertEqual(again.status, 4)
        XCTAssertTrue(again.stderr.contains("vaultcli: hint: pass --force"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: restored)), before)

        // From stdin, with --force: the old one is moved aside.
        let forced = run(["restore", "-", "--identity", key, "--vault", restored, "--force"], stdin: try Data(contentsOf: URL(fileURLWithPath: backup)))
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("the previous vault was moved to \(restored).before-restore-"), forced.stdout)
    }

    func testTamperedTruncatedAndWrongKeyAreClearErrors() throws {
        let (backup, key) = try makeBackup()
        var file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: backup)))
        let target = path("v/vault")
        let trunc = run(["restore", "-", "-i", key, "--vault", target], stdin: Data(file.prefix(file.count - 10)))
        XCTAssertEqual(trunc.status, 6)
        XCTAssertTrue(trunc.stderr.hasPrefix("vaultcli: error: the backup's encrypted payload is damaged"), trunc.stderr)
        file[file.count - 500] ^= 4
        let flip = run(["backup", "verify", "-", "-i", key], stdin: Data(file))
        XCTAssertEqual(flip.status, 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        // Nothing but the lock file the restore took (no vault, no temporary file).
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: path("v"))) ?? []).filter { $0 != "vault.lock" }, [])

        let other = path("other.key")
        XCTAssertEqual(run(["keygen", "-o", other]).status, 0)
        let wrong = run(["restore", backup, "-i", other, "--vault", target])
        XCTAssertEqual(wrong.status, 5)
        XCTAssertTrue(wrong.stderr.contains("none of the given identities can open this backup"), wrong.stderr)
    }

    func testBackupNeedsARecipient() throws {
        initVault()
        try FileManager.default.createDirectory(atPath: path("usb"), withIntermediateDirectories: true)
        let r = run(["backup", "--to", path("usb"), "--vault", vault])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("no recipient was given"), r.stderr)
        let bad = run(["backup", "--to", path("usb"), "--vault", vault, "--recipient", "age1notakey"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("invalid recipient"), bad.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("usb")), [])
        let none = run(["backup", "--to", path("usb"), "--vault", path("nope"), "--recipient", "age1notakey"])
        XCTAssertNotEqual(none.status, 0)
    }

    /// The rclone example of docs/BACKUP.md, against a local remote (`:local:`): `backup --to -`
    /// streams into `rclone rcat`, `rclone cat` streams into `restore -`.
    func testRcloneLocalRemoteRoundTrip() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rclone") else { throw XCTSkip("rclone is not installed (.ci/run installs it)") }
        initVault()
        let key = path("k.key")
        let recipient = run(["keygen", "-o", key]).stdout.trimmingCharacters(in: .newlines)
        let bin = CLIHarness.binary
        let remote = path("bucket")
        let script = """
        set -e
        export VAULTCLI_INSECURE_TEST_KDF=yes-tests-only
        '\(bin)' backup --vault '\(vault)' --recipient \(recipient) --to - | rclone rcat ':local:\(remote)/shop-17/'$(date -u +%Y%m%dT%H%M%SZ).age
        f=$(rclone lsf ':local:\(remote)/shop-17/')
        rclone cat ":local:\(remote)/shop-17/$f" | '\(bin)' restore - --identity '\(key)' --vault '\(path("rv/vault"))'
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let login = vaultcli(["login", "--vault", path("rv/vault"), "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(login.status, 0, login.stderr)
    }
}

final class RestoreLockE2ETests: EndToEndTestCase {
    /// A restore waits for the vault's lock like any writer, and is refused while another
    /// vaultcli holds it: nothing is replaced.
    func testRestoreWaitsForTheLock() throws {
        initVault()
        let key = dir + "/k.key"
        let recipient = vaultcli(["keygen", "-o", key]).stdout.trimmingCharacters(in: .newlines)
        let backup = dir + "/b.age"
        XCTAssertEqual(vaultcli(["backup", "--vault", vault, "--to", backup, "--recipient", recipient]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: vault))
        let holder = try holdLock(seconds: 3)
        defer { holder.terminate(); holder.waitUntilExit() }
        let r = vaultcli(["restore", backup, "--identity", key, "--vault", vault, "--force"])
        assertError(r, status: 8, contains: "another vaultcli process")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: vault)), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.contains("before-restore") })
    }
}
