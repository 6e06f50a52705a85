import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Interop with the real `age` CLI (Debian package `age`), both directions.
final class AgeInteropTests: XCTestCase {
    var dir: TempDir!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/age"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/age-keygen") else {
            throw XCTSkip("the age CLI is not installed (apt-get install age); CI installs it")
        }
        dir = try TempDir()
    }

    @discardableResult
    func sh(_ command: String, expectStatus: Int32 = 0) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = dir.url
        let out = dir.url("sh-out"), err = dir.url("sh-err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let o = try String(contentsOf: out, encoding: .utf8)
        let e = try String(contentsOf: err, encoding: .utf8)
        XCTAssertEqual(p.terminationStatus, expectStatus, "\(command): \(e)")
        return o
    }

    func file(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: dir.url(name))) }
    func put(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.url(name)) }

    /// The identity file we write (the same layout as age-keygen's).
    func writeOurIdentity(_ id: AgeIdentity, to name: String) throws {
        let r = try id.recipient()!.string!
        try put(name, Array("# created: 2026-01-01T00:00:00Z\n# public key: \(r)\n\(id.secretString()!)\n".utf8))
        chmod(dir.path(name), 0o600)
    }

    func testOurX25519FileOpensWithAge() throws {
        let id = try AgeIdentity.generate()
        try writeOurIdentity(id, to: "key.txt")
        // Also as backups encrypt (pipelined), over several of its 16-chunk buffers.
        for (armor, pipelined, size) in [(false, false, 200_000), (true, false, 200_001), (false, true, 3_000_001), (true, true, 1_048_576)] {
            let plain = SecureRandom.bytes(size)
            try put("plain", plain)
            try put("ours.age", AgeFormatTests.encrypt(plain, to: [try id.recipient()!], armor: armor, pipelined: pipelined))
            try sh("age -d -i key.txt -o out ours.age")
            XCTAssertEqual(try file("out"), plain, "armor \(armor), pipelined \(pipelined)")
            unlink(dir.path("out"))
        }
    }

    func testAgeFilesOpenWithOurCode() throws {
        try sh("age-keygen -o key.txt 2>/dev/null")
        let ids = try AgeIdentity.parseFile(contents: String(contentsOf: dir.url("key.txt"), encoding: .utf8), path: "key.txt")
        // The recipient we compute from an age-keygen identity is the one age-keygen prints.
        let theirs = try sh("age-keygen -y key.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try ids[0].recipient()?.string, theirs)
        let plain = SecureRandom.bytes(3 * 65536)
        try put("plain", plain)
        try sh("age -r \(theirs) -o bin.age plain && age -a -r \(theirs) -o arm.age plain")
        XCTAssertEqual(try AgeFormatTests.decrypt(file("bin.age"), with: ids), plain)
        XCTAssertEqual(try AgeFormatTests.decrypt(file("arm.age"), with: ids), plain)
        // An age file to our recipient.
        let ours = try AgeIdentity.generate()
        try sh("age -r \(try ours.recipient()!.string!) -o to-ours.age plain")
        XCTAssertEqual(try AgeFormatTests.decrypt(file("to-ours.age"), with: [ours]), plain)
    }

    /// age -p reads the passphrase from the terminal only; `script` gives it a pseudo-terminal.
    func testPassphraseBothWays() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let plain = SecureRandom.bytes(70_000)
        try put("plain", plain)
        try sh("(sleep 0.5; printf 'tiger lily 42\\n'; sleep 0.5; printf 'tiger lily 42\\n') | script -qec 'age -p -o p.age plain' /dev/null >/dev/null")
        let pw = try SecretBytes(copying: Array("tiger lily 42".utf8))
        XCTAssertEqual(try AgeFormatTests.decrypt(file("p.age"), with: [.scrypt(passphrase: pw)]), plain)

        try put("ours-p.age", AgeFormatTests.encrypt(plain, to: [.scrypt(passphrase: pw, logN: AgeScrypt.defaultLogN)]))
        try sh("(sleep 0.5; printf 'tiger lily 42\\n') | script -qec 'age -d -o out-p ours-p.age' /dev/null >/dev/null")
        XCTAssertEqual(try file("out-p"), plain)
    }

    /// A backup (container inside age) decrypted by age, re-encrypted by age, restored by us.
    func testBackupThroughAgeAndBack() throws {
        let id = try AgeIdentity.generate()
        try writeOurIdentity(id, to: "key.txt")
        let vault = SecureRandom.bytes(500_000)
        try put("vault", vault)
        _ = try BackupWriter(recipients: [try id.recipient()!]).write(from: FileBackupSource(path: dir.path("vault")), to: .file(dir.path("b.age")))
        try sh("age -d -i key.txt -o container b.age && age -r \(try id.recipient()!.string!) -o re.age container")
        let f = open(dir.path("re.age"), O_RDONLY)
        defer { close(f) }
        _ = try BackupReader(identities: [id]).restore(from: f, to: dir.path("restored"), replace: .nothing, identify: fakeIdentify) { _ in RestoredVault(identity: fakeVaultID) }
        XCTAssertEqual(try file("restored"), vault)
    }
}
