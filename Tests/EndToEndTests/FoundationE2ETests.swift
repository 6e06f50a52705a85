import Foundation
import XCTest

/// End-to-end: init, info, verify and every error of the foundation issue, through the built binary.
final class FoundationE2ETests: EndToEndTestCase {
    func testInitInfoVerifyHappyPath() throws {
        initVault()
        var st = stat()
        XCTAssertEqual(stat(vault, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let info = vaultcli(["info", "--vault", vault, "--json"])
        XCTAssertEqual(info.status, 0, info.stderr)
        let j = try JSONSerialization.jsonObject(with: info.stdoutData) as! [String: Any]
        XCTAssertEqual(j["format_version"] as? Int, 2)
        XCTAssertEqual(j["terminal_id"] as? String, "T-0017")
        XCTAssertEqual(j["operators"] as? Int, 1)
        XCTAssertEqual((j["kdf"] as! [String: Any])["algorithm"] as? String, "argon2id")
        let text = vaultcli(["info", "--vault", vault])
        XCTAssertTrue(text.stdout.contains("format version: 2"))
        let v = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(v.status, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("vault intact"))
        XCTAssertFalse(v.stdout.contains("not checked"))
        // $VAULTCLI_VAULT and $XDG_DATA_HOME are honoured.
        XCTAssertEqual(vaultcli(["info"], env: ["VAULTCLI_VAULT": vault]).status, 0)
        let xdg = dir + "/xdg"
        let r = vaultcli(["init", "--password-stdin"], stdin: adminPassword + "\n", env: ["XDG_DATA_HOME": xdg, "VAULTCLI_VAULT": ""])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: xdg + "/vaultcli/vault"))
    }

    func testPasswordNeverEchoedAndNoSecretInOutput() {
        initVault()
        let r = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertFalse(r.stdout.contains(adminPassword))
        XCTAssertFalse(r.stderr.contains(adminPassword))
        let bytes = try! Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertNil(bytes.range(of: Data(adminPassword.utf8)), "the password is in the vault file in the clear")
    }

    func testPasswordFileMustBePrivate() throws {
        let pwFile = dir + "/pw"
        try (adminPassword + "\n").write(toFile: pwFile, atomically: true, encoding: .utf8)
        chmod(pwFile, 0o644)
        assertError(vaultcli(["init", "--vault", vault, "--password-file", pwFile]), status: 64, contains: "can be read by others")
        XCTAssertFalse(FileManager.default.fileExists(atPath: vault))
        chmod(pwFile, 0o600)
        XCTAssertEqual(vaultcli(["init", "--vault", vault, "--password-file", pwFile]).status, 0)
        XCTAssertEqual(vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-file", pwFile]).status, 0)
    }

    func testNoTerminalAndNoPasswordSourceIsAClearError() {
        // setsid detaches from any controlling terminal, like CI.
        let r = CLIHarness.run(["-w", CLIHarness.binary, "init", "--vault", vault], stdin: nil, executable: "/usr/bin/setsid")
        assertError(r, status: 64, contains: "no terminal to ask for the password")
        XCTAssertFalse(FileManager.default.fileExists(atPath: vault))
    }

    func testNoVault() {
        assertError(vaultcli(["info", "--vault", dir + "/missing"]), status: 3, contains: "no vault at")
        assertError(vaultcli(["verify", "--vault", dir + "/missing"]), status: 3, contains: "vaultcli init")
    }

    func testInitRefusesExistingVaultAndNeverOverwrites() throws {
        initVault()
        let before = try Data(contentsOf: URL(fileURLWithPath: vault))
        assertError(vaultcli(["init", "--vault", vault, "--password-stdin"], stdin: "Other-Password-123!\n"), status: 4, contains: "already exists")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: vault)), before)
        // Any existing file counts, even one that is not a vault.
        let other = dir + "/notes.txt"
        try "keep me".write(toFile: other, atomically: true, encoding: .utf8)
        assertError(vaultcli(["init", "--vault", other, "--password-stdin"], stdin: "Other-Password-123!\n"), status: 4, contains: "already exists")
        XCTAssertEqual(try String(contentsOfFile: other, encoding: .utf8), "keep me")
    }

    func testWrongPasswordAndUnknownUserLookAlike() {
        initVault()
        let a = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "wrong-password\n")
        let b = vaultcli(["verify", "--vault", vault, "--user", "nobody", "--password-stdin"], stdin: "wrong-password\n")
        assertError(a, status: 5, contains: "wrong user name or password")
        XCTAssertEqual(a.stderr, b.stderr)
        XCTAssertEqual(a.status, b.status)
    }

    func testCorruptionSaysWhichPart() throws {
        initVault()
        var d = try Data(contentsOf: URL(fileURLWithPath: vault))
        let original = d
        d[40] ^= 0x01  // inside the header
        try d.write(to: URL(fileURLWithPath: vault))
        assertError(vaultcli(["info", "--vault", vault]), status: 6, contains: "file header")
        d = original
        d[d.count - 30] ^= 0x01  // inside the last frame
        try d.write(to: URL(fileURLWithPath: vault))
        assertError(vaultcli(["verify", "--vault", vault]), status: 6, contains: "frame at offset")
        // A strided sample of single-bit flips through the CLI: always a clean error, never a crash.
        for bit in stride(from: 0, to: original.count * 8, by: 61) {
            var f = original
            f[bit / 8] ^= UInt8(1 << (bit % 8))
            try f.write(to: URL(fileURLWithPath: vault))
            let r = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
            XCTAssertTrue([5, 6, 7, 10].contains(r.status), "bit \(bit): status \(r.status) \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: "), "bit \(bit): \(r.stderr)")
        }
    }

    func testTornTailIsReportedByVerify() throws {
        initVault()
        let fh = FileHandle(forWritingAtPath: vault)!
        fh.seekToEndOfFile()
        fh.write(Data([0x40, 0, 0, 0, 5, 1, 0, 0, 1, 2, 3]))  // the start of a frame, cut short
        fh.closeFile()
        let r = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stdout.contains("interrupted write"), r.stdout)
        XCTAssertEqual(vaultcli(["info", "--vault", vault]).status, 0)
    }

    func testFutureFormatVersion() throws {
        initVault()
        var d = try Data(contentsOf: URL(fileURLWithPath: vault))
        d[8] = 9
        try d.write(to: URL(fileURLWithPath: vault))
        assertError(vaultcli(["info", "--vault", vault]), status: 7, contains: "format version 9")
        let notVault = dir + "/text"
        try "hello".write(toFile: notVault, atomically: true, encoding: .utf8)
        assertError(vaultcli(["info", "--vault", notVault]), status: 6, contains: "not a vaultcli vault")
    }

    func testLockHeldByAnotherProcess() throws {
        initVault()
        let holder = try holdLock(seconds: 60)
        defer { holder.terminate(); holder.waitUntilExit() }
        let (r, lines) = probed(["info", "--vault", vault])
        assertError(r, status: 8, contains: "another vaultcli process")
        // It waited (blocked, then timed out) and read nothing of the vault.
        XCTAssertEqual(lines.map { $0.split(separator: " ").prefix(3).joined(separator: " ") }, ["lock blocked shared", "lock timeout shared"])
    }

    /// Ordering, without a clock: a writer that finds the lock held stays blocked until the
    /// holder lets go, and only then reads the vault and writes.
    func testBlockedWriterWaitsForTheHolderThenWrites() throws {
        initVault()
        let holder = try holdLock(seconds: 600)
        defer { if holder.isRunning { holder.terminate() }; holder.waitUntilExit() }
        let probe = dir + "/probe"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["tx", "add", "--vault", vault, "--user", "admin", "--password-stdin", "--amount", "12.34", "--currency", "CNY"]
        p.environment = CLIHarness.environment(["VAULTCLI_LOCK_TIMEOUT_MS": "600000", "VAULTCLI_TEST_PROBE": probe])
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate(); p.waitUntilExit() } }
        input.fileHandleForWriting.write(Data((adminPassword + "\n").utf8))
        try input.fileHandleForWriting.close()
        func probeLines() -> [String] {
            ((try? String(contentsOfFile: probe, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        // Wait until the writer reports it is blocked (polls; the cap only stops a hung run).
        var polls = 0
        while !probeLines().contains(where: { $0.hasPrefix("lock blocked exclusive") }) {
            XCTAssertTrue(p.isRunning, "the writer finished without waiting for the lock")
            polls += 1
            guard p.isRunning, polls < 30_000 else { return XCTFail("the writer never reported waiting for the lock") }
            usleep(10_000)
        }
        XCTAssertTrue(p.isRunning, "the writer must still be waiting while the lock is held")
        XCTAssertFalse(probeLines().contains { $0.hasPrefix("read ") }, "the writer read the vault before it had the lock")
        holder.terminate(); holder.waitUntilExit()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let lines = probeLines()
        let acquired = lines.firstIndex { $0.hasPrefix("lock acquired exclusive") && $0.hasSuffix("after-wait") }
        let firstRead = lines.firstIndex { $0.hasPrefix("read ") }
        XCTAssertNotNil(acquired, lines.joined(separator: "\n"))
        XCTAssertNotNil(firstRead)
        if let acquired, let firstRead { XCTAssertLessThan(acquired, firstRead, "read before the lock was granted") }
        let list = vaultcli(["tx", "list", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("12.34"), list.stdout)
    }

    func testReadOnlyAndUnusablePaths() throws {
        // A path under a regular file cannot be created.
        let file = dir + "/plain"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let r = vaultcli(["init", "--vault", file + "/vault", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("is not a directory"), r.stderr)
        // A read-only file system (root ignores permission bits, so mount one).
        let ro = dir + "/ro"
        let unmount = try mountTmpfs(ro, options: "ro,size=1m")
        defer { unmount() }
        assertError(vaultcli(["init", "--vault", ro + "/vault", "--password-stdin"], stdin: adminPassword + "\n"), status: 9, contains: "Read-only file system")
    }

    func testSymlinkAtVaultPathIsRefused() throws {
        initVault()
        let link = dir + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: vault)
        assertError(vaultcli(["info", "--vault", link]), status: 9, contains: "symbolic link")
        assertError(vaultcli(["init", "--vault", link, "--password-stdin"], stdin: adminPassword + "\n"), status: 4, contains: "already exists")
    }

    func testWeakKDFIsRefusedWithoutTheTestKnob() {
        initVault()  // made with the test knob: m=8 KiB, t=1
        assertError(vaultcli(["info", "--vault", vault], env: ["VAULTCLI_INSECURE_TEST_KDF": "no"]), status: 10, contains: "below the floor")
    }

    func testUsageErrors() {
        let r = vaultcli(["init", "--vault", vault, "--password-stdin", "--password-file", "/x"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(vaultcli(["init", "--vault", vault, "--kdf-target-ms", "5"]).status, 64)
        XCTAssertEqual(vaultcli(["init", "--vault", vault, "--terminal-id", "bad id!", "--password-stdin"], stdin: adminPassword + "\n").status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: vault))
    }
}

final class HardeningE2ETests: EndToEndTestCase {
    /// The running vaultcli has core dumps off: its /proc status shows a zero core limit while it
    /// waits for a lock held by another process.
    func testRunningVaultcliHasCoreDumpsOff() throws {
        initVault()
        let holder = try holdLock(seconds: 3)
        defer { holder.terminate(); holder.waitUntilExit() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["info", "--vault", vault]
        p.environment = CLIHarness.environment(["VAULTCLI_LOCK_TIMEOUT_MS": "2000"])
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        usleep(500_000)
        let limits = try String(contentsOfFile: "/proc/\(p.processIdentifier)/limits", encoding: .utf8)
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
        XCTAssertTrue(core.contains(" 0 ") || core.hasSuffix(" 0"), String(core))
        p.waitUntilExit()
    }
}

final class RelativePathE2ETests: EndToEndTestCase {
    /// A vault named by a bare relative path (`--vault v`) works for every command, backups too.
    func testBareRelativeVaultPath() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["init", "--vault", "v", "--password-stdin"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = CLIHarness.environment([:])
        let i = Pipe(); p.standardInput = i; p.standardOutput = FileHandle.nullDevice
        try p.run()
        i.fileHandleForWriting.write(Data((adminPassword + "\n").utf8)); try i.fileHandleForWriting.close()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/v"))
    }
}
