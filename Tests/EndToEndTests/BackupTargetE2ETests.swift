import Foundation
import XCTest

/// A USB target that can't fool the owner: a missing stick, an empty mount point, a file where a
/// directory was meant.
final class BackupTargetE2ETests: EndToEndTestCase {
    var mounted: [String] = []

    override func tearDown() {
        for m in mounted.reversed() { _ = try? sh("/bin/umount", [m]) }
        super.tearDown()
    }

    @discardableResult
    func sh(_ exe: String, _ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        try p.run(); p.waitUntilExit()
        return p.terminationStatus
    }

    func mountTmpfs(_ dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard try sh("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", dir]) == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (needs root); the not-a-mount-point refusal is tested anyway")
        }
        mounted.append(dir)
    }

    func backup(_ args: [String]) -> CLIResult {
        let key = dir + "/k.key"
        if !FileManager.default.fileExists(atPath: key) { XCTAssertEqual(vaultcli(["keygen", "-o", key]).status, 0) }
        let recipient = (try? String(contentsOfFile: key, encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("# public key: ") }.map { String($0.dropFirst("# public key: ".count)) } ?? ""
        return vaultcli(["backup", "--vault", vault, "--recipient", recipient] + args)
    }

    func testAMissingStickIsExit9AndNoFileIsMadeInItsPlace() throws {
        initVault()
        let usb = dir + "/media/usb"
        for args in [["--to", usb], ["--to", usb, "--keep", "14"], ["--to", usb + "/"]] {
            let r = backup(args)
            assertError(r, status: 9, contains: "is the USB stick plugged in and mounted?")
            XCTAssertFalse(FileManager.default.fileExists(atPath: usb), "\(args): nothing was created")
        }
        // A file that is there where the directory should be is not overwritten either.
        FileManager.default.createFile(atPath: dir + "/notadir", contents: Data("x".utf8))
        assertError(backup(["--to", dir + "/notadir"]), status: 9, contains: "not a directory")
        XCTAssertEqual(try String(contentsOfFile: dir + "/notadir", encoding: .utf8), "x")
    }

    func testAFileTargetIsNamedAsOne() throws {
        initVault()
        XCTAssertEqual(backup(["--to", dir + "/one.age"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/one.age"))
        let o = backup(["-o", dir + "/any-name"])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/any-name"))
        let both = backup(["-o", dir + "/x", "--to", dir])
        XCTAssertEqual(both.status, 64)
        XCTAssertEqual(backup(["-o", dir + "/y", "--keep", "2"]).status, 64)
    }

    func testRequireMountRefusesAnEmptyMountPointAndTheVaultsOwnDevice() throws {
        initVault()
        let plain = dir + "/usb"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        assertError(backup(["--to", plain, "--require-mount"]), status: 9, contains: "not a mount point")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: plain), [])
        // A real mount (a tmpfs standing in for the stick) is accepted.
        try mountTmpfs(plain)
        let ok = backup(["--to", plain, "--require-mount", "--keep", "3"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: plain).filter { $0.hasSuffix(".age") }.count, 1)
        // A vault that lives on that same device: a backup there would be lost with it.
        let inner = plain + "/shop"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        let v2 = inner + "/vault"
        let i = vaultcli(["init", "--vault", v2, "--admin", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(i.status, 0, i.stderr)
        let same = vaultcli(["backup", "--vault", v2, "--to", plain, "--require-mount", "--recipient",
                             backupRecipient()])
        assertError(same, status: 9, contains: "same device as the vault")
    }

    func backupRecipient() -> String {
        ((try? String(contentsOfFile: dir + "/k.key", encoding: .utf8)) ?? "").split(separator: "\n")
            .first { $0.hasPrefix("# public key: ") }.map { String($0.dropFirst("# public key: ".count)) } ?? ""
    }
}
