import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Backup container versions through the built binary (issue 17, FORMAT.md B.2): new backups
/// are version 2 (no digest after the vault); version 1 backups, made by the old writer,
/// still verify and restore, with their BLAKE2b-256 trailer checked.
final class BackupContainerE2ETests: EndToEndTestCase {
    var fixtures: String { CLI.packageRoot.path + "/fixtures/v1-vault" }

    /// The fixture's identity as a user keeps one (0600: a loose identity file is refused).
    var v1Key: String {
        let p = dir + "/recovery-key.txt"
        if !FileManager.default.fileExists(atPath: p) {
            try! FileManager.default.copyItem(atPath: fixtures + "/recovery-key.txt", toPath: p)
            chmod(p, 0o600)
        }
        return p
    }

    func bytes(_ p: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: p))) }

    /// The container inside an age file, decrypted in process.
    func container(_ path: String, key: String) throws -> [UInt8] {
        let plain = dir + "/plain-\(UUID().uuidString)"
        let i = open(path, O_RDONLY), o = open(plain, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(i); close(o); unlink(plain) }
        try AgeDecryptor.decrypt(from: i, to: o, identities: try AgeKeyFile.read(path: key))
        return try bytes(plain)
    }

    /// Seals `plain` to the identity in `key`, as anyone holding its public key can.
    func seal(_ plain: [UInt8], key: String, to path: String) throws {
        let src = dir + "/src-\(UUID().uuidString)"
        try Data(plain).write(to: URL(fileURLWithPath: src))
        let i = open(src, O_RDONLY), o = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(i); close(o); unlink(src) }
        let r = try XCTUnwrap(try AgeKeyFile.read(path: key).first?.recipient())
        try AgeEncryptor.encrypt(from: i, to: o, recipients: [r])
    }

    func testNewBackupsAreVersion2WithoutADigest() throws {
        initVault()
        let key = dir + "/k.key"
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        try FileManager.default.createDirectory(atPath: dir + "/usb", withIntermediateDirectories: true)
        // The first backup gives the vault its marker key (B.6), and each one appends an audit
        // event after its snapshot: the second one's snapshot is the vault as it is now.
        let recipient = kg.stdout.trimmingCharacters(in: .newlines)
        XCTAssertEqual(vaultcli(["backup", "--vault", vault, "--to", dir + "/usb/first.age", "--recipient", recipient]).status, 0)
        let vaultBytes = try bytes(vault)
        let b = vaultcli(["backup", "--vault", vault, "--to", dir + "/usb/b.age", "--recipient", recipient])
        XCTAssertEqual(b.status, 0, b.stderr)

        // The bytes: magic, version 2, the manifest, the vault exactly, nothing after it.
        let c = try container(dir + "/usb/b.age", key: key)
        XCTAssertEqual(Array(c[0..<16]), Array("VAULTCLI-BACKUP\n".utf8))
        XCTAssertEqual(Array(c[16..<18]), [0, 2])
        let m = Int(c[18]) << 24 | Int(c[19]) << 16 | Int(c[20]) << 8 | Int(c[21])
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(c[22..<(22 + m)])) as? [String: Any])
        XCTAssertEqual(manifest["format"] as? Int, 2)
        XCTAssertEqual(manifest["vault_size"] as? Int, vaultBytes.count)
        XCTAssertEqual(Array(c[(22 + m)...]), vaultBytes, "the vault and nothing after it")

        let v = vaultcli(["backup", "verify", dir + "/usb/b.age", "--identity", key, "--json"])
        XCTAssertEqual(v.status, 0, v.stderr)
        let j = try XCTUnwrap(v.json as? [String: Any])
        XCTAssertEqual(j["format"] as? Int, 2)
        XCTAssertTrue(j["vault_blake2b"] is NSNull, "\(String(describing: j["vault_blake2b"]))")
        let t = vaultcli(["backup", "verify", dir + "/usb/b.age", "--identity", key])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("backup OK: vaultcli backup v2 of terminal T-0017\n"), t.stdout)
        XCTAssertTrue(t.stdout.contains("  vault:     \(vaultBytes.count) bytes\n"), t.stdout)
        XCTAssertFalse(t.stdout.contains("BLAKE2b"), t.stdout)

        // A vault byte changed inside an otherwise well-formed backup, sealed again (anyone with
        // the public recipient can): age and the container accept it, the store's check of the
        // restored file refuses it before it is put in place.
        for offset in [22 + m + 200, c.count - 40] {
            var bad = c
            bad[offset] ^= 0x01
            try seal(bad, key: key, to: dir + "/damaged.age")
            let d = vaultcli(["restore", dir + "/damaged.age", "--identity", key, "--vault", dir + "/d/vault"])
            assertError(d, status: 6, contains: "is damaged or was tampered with")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/d/vault"), "offset \(offset)")
            XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: dir + "/d")) ?? []).filter { $0 != "vault.lock" }, [])
        }

        // One byte more after the vault, sealed again: refused, nothing restored.
        try seal(c + [0], key: key, to: dir + "/extra.age")
        let r = vaultcli(["restore", dir + "/extra.age", "--identity", key, "--vault", dir + "/r/vault"])
        assertError(r, status: 6, contains: "the backup's manifest is invalid: there are bytes after the vault")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r/vault"))
    }

    /// The fixture backup-v1.age was written by the writer of 757a708 (container version 1).
    func testVersion1BackupsStillVerifyAndRestoreWithTheirDigestChecked() throws {
        let fixture = fixtures + "/backup-v1.age"
        let c = try container(fixture, key: v1Key)
        XCTAssertEqual(Array(c[16..<18]), [0, 1], "the fixture is a container version 1")
        let m = Int(c[18]) << 24 | Int(c[19]) << 16 | Int(c[20]) << 8 | Int(c[21])
        let vaultPart = Array(c[(22 + m)..<(c.count - 32)])
        XCTAssertEqual(Array(c.suffix(32)), Hash.blake2b(vaultPart, length: 32))

        let v = vaultcli(["backup", "verify", fixture, "-i", v1Key, "--json"])
        XCTAssertEqual(v.status, 0, v.stderr)
        let j = try XCTUnwrap(v.json as? [String: Any])
        XCTAssertEqual(j["format"] as? Int, 1)
        XCTAssertEqual(j["vault_blake2b"] as? String, lowerHex(Hash.blake2b(vaultPart, length: 32)))
        let t = vaultcli(["backup", "verify", fixture, "-i", v1Key])
        XCTAssertTrue(t.stdout.contains("  vault:     \(vaultPart.count) bytes, BLAKE2b-256 \(lowerHex(Hash.blake2b(vaultPart, length: 32)))\n"), t.stdout)

        let r = vaultcli(["restore", fixture, "--vault", vault, "-i", v1Key])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(try bytes(vault).prefix(vaultPart.count)), vaultPart, "the vault as it was, then the restore's audit event")

        // A version 1 trailer that does not match (resealed, so age's checks pass): refused.
        var bad = c
        bad[bad.count - 1] ^= 1
        try seal(bad, key: v1Key, to: dir + "/bad-digest.age")
        let e = vaultcli(["restore", dir + "/bad-digest.age", "--vault", dir + "/r/vault", "-i", v1Key])
        assertError(e, status: 6, contains: "the backup's vault does not match the BLAKE2b-256 digest after it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r/vault"))
        // A vault byte changed under the old digest: refused the same way.
        var tampered = c
        tampered[22 + m + 200] ^= 1
        try seal(tampered, key: v1Key, to: dir + "/bad-vault.age")
        assertError(vaultcli(["backup", "verify", dir + "/bad-vault.age", "-i", v1Key]), status: 6, contains: "does not match the BLAKE2b-256 digest")
    }
}
