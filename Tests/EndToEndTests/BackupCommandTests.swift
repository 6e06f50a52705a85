import Foundation
import XCTest
import Vault

/// A stand-in for the store's snapshot: a plain file.
private struct PlainFileSource: BackupSource {
    var path: String
    func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BackupError.io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        return try body(BackupSnapshotInfo(vaultID: [0xCA, 0xFE], terminalID: "shop-17", vaultFormatVersion: 1), fd, Int(st.st_size))
    }
}

final class KeygenCommandTests: XCTestCase {
    func testKeygenWritesA0600FileAndPrintsTheRecipient() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("recovery.key").path
        let r = try CLI.run(["keygen", "-o", key])
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
        let again = try CLI.run(["keygen", "-o", key])
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
        let r = try CLI.run(["keygen"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdoutText.contains("\nAGE-SECRET-KEY-1"))
        XCTAssertTrue(r.stderr.contains("public key: age1"))
        let j = try CLI.run(["keygen", "--json"])
        XCTAssertEqual(j.status, 64, "JSON without -o is refused: the secret is never printed as JSON")
    }
}

final class BackupCommandTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
    func path(_ n: String) -> String { dir.appendingPathComponent(n).path }

    /// A backup made by the library, a key made by `vaultcli keygen`.
    func makeBackup(vaultBytes: [UInt8]) throws -> (backup: String, key: String) {
        let key = path("k.key")
        let kg = try CLI.run(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let recipient = try AgeRecipient.parse(kg.stdoutText.trimmingCharacters(in: .newlines))
        try Data(vaultBytes).write(to: URL(fileURLWithPath: path("src")))
        try FileManager.default.createDirectory(atPath: path("usb"), withIntermediateDirectories: true)
        let r = try BackupWriter(recipients: [recipient]).write(from: PlainFileSource(path: path("src")), to: .directory(path("usb")))
        return (r.path!, key)
    }

    func testVerifyListRestoreFromFileAndStdin() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let (backup, key) = try makeBackup(vaultBytes: bytes)

        let v = try CLI.run(["backup", "verify", backup, "--identity", key, "--json"])
        XCTAssertEqual(v.status, 0, v.stderr)
        let j = try JSONSerialization.jsonObject(with: v.stdoutData) as! [String: Any]
        XCTAssertEqual(j["terminal_id"] as? String, "shop-17")
        XCTAssertEqual(j["vault_id"] as? String, "cafe")
        XCTAssertEqual((j["vault_size"] as? NSNumber)?.intValue, 200_000)
        XCTAssertEqual(j["ok"] as? Bool, true)

        let l = try CLI.run(["backup", "list", path("usb")])
        XCTAssertEqual(l.status, 0, l.stderr)
        XCTAssertTrue(l.stdoutText.contains((backup as NSString).lastPathComponent))

        let vault = path("restored/vault")
        let r = try CLI.run(["restore", backup, "--identity", key, "--vault", vault])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: vault))), bytes)

        // Again: refused without --force, the vault untouched.
        let again = try CLI.run(["restore", backup, "--identity", key, "--vault", vault])
        XCTAssertEqual(again.status, 4)
        XCTAssertTrue(again.stderr.contains("vaultcli: hint: pass --force"), again.stderr)

        // From stdin, with --force: the old one is moved aside.
        let forced = try CLI.run(["restore", "-", "--identity", key, "--vault", vault, "--force"], stdin: try Data(contentsOf: URL(fileURLWithPath: backup)))
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdoutText.contains("the previous vault was moved to \(vault).before-restore-"), forced.stdoutText)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: vault))), bytes)
    }

    func testTamperedTruncatedAndWrongKeyAreClearErrors() throws {
        let (backup, key) = try makeBackup(vaultBytes: SecureRandom.bytes(100_000))
        var file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: backup)))
        let vault = path("v/vault")
        let trunc = try CLI.run(["restore", "-", "-i", key, "--vault", vault], stdin: Data(file.prefix(file.count - 10)))
        XCTAssertEqual(trunc.status, 6)
        XCTAssertTrue(trunc.stderr.hasPrefix("vaultcli: error: the backup's encrypted payload is damaged"), trunc.stderr)
        file[file.count - 500] ^= 4
        let flip = try CLI.run(["backup", "verify", "-", "-i", key], stdin: Data(file))
        XCTAssertEqual(flip.status, 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: vault))
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: path("v"))) ?? [], [])

        let other = path("other.key")
        XCTAssertEqual(try CLI.run(["keygen", "-o", other]).status, 0)
        let wrong = try CLI.run(["restore", backup, "-i", other, "--vault", vault])
        XCTAssertEqual(wrong.status, 5)
        XCTAssertTrue(wrong.stderr.contains("none of the given identities can open this backup"), wrong.stderr)
    }

    func testBackupNeedsARecipient() throws {
        try FileManager.default.createDirectory(atPath: path("usb"), withIntermediateDirectories: true)
        let r = try CLI.run(["backup", "--to", path("usb"), "--vault", path("nope")])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("no recipient was given"), r.stderr)
        let bad = try CLI.run(["backup", "--to", path("usb"), "--recipient", "age1notakey"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("invalid recipient"), bad.stderr)
    }

    /// The rclone round trip of docs/backup-guide.md, against a local remote (`:local:`).
    /// The backup side streams a library-made backup (the `backup --to -` command needs the store).
    func testRcloneLocalRemoteRoundTrip() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rclone") else { throw XCTSkip("rclone is not installed") }
        let bytes = SecureRandom.bytes(300_000)
        let (backup, key) = try makeBackup(vaultBytes: bytes)
        let bin = CLIHarness.binary
        let remote = path("bucket")
        let script = """
        set -e
        cat '\(backup)' | rclone rcat ':local:\(remote)/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age'
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
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: path("rv/vault")))), bytes)
    }
}
