import XCTest
@testable import Vault
@testable import VaultCrypto

/// Shared set-up: the test-only KDF knob and a temp directory.
class VaultTestCase: XCTestCase {
    var dir: String!
    let adminPassword = "Correct-Horse-Battery-9"

    override func setUp() {
        super.setUp()
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        setenv("VAULTCLI_LOCK_TIMEOUT_MS", "300", 1)
        dir = NSTemporaryDirectory() + "vaultcli-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
        super.tearDown()
    }

    func pw(_ s: String) -> SecretBytes { try! SecretBytes(utf8: s) }

    @discardableResult
    func makeVault(_ name: String = "vault") throws -> String {
        let path = dir + "/" + name
        _ = try Vault.initialize(path: path, adminName: "admin", password: pw(adminPassword), kdf: KDFPolicy.floor, terminalId: "T-1")
        return path
    }

    func records(_ path: String) throws -> [[UInt8]] {
        let v = try Vault.open(path: path, access: .read)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        var out: [[UInt8]] = []
        try v.unlocked(by: s).forEachData { out.append(Array($0)) }
        return out
    }

    func expectVaultError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> VaultError? {
        do { try body() } catch let e as VaultError { return e } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line); return nil
        }
        return nil
    }
}

final class StoreTests: VaultTestCase {
    func testInitInfoUnlockAndWrongPassword() throws {
        let path = try makeVault()
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let v = try Vault.open(path: path, access: .read)
        let info = try v.info()
        XCTAssertEqual(info.formatVersion, 2)
        XCTAssertEqual(info.operators, 1)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        XCTAssertEqual(s.role, .admin)
        XCTAssertEqual(s.keyClasses, [.shared, .manager, .admin])
        XCTAssertTrue(try Argon2id.verify(pw(adminPassword), phc: try v.unlocked(by: s).operators.passwordHashes(of: "admin")[0]))
        let slot = try XCTUnwrap(try v.operatorSlot(named: "admin"))
        XCTAssertTrue(try Argon2id.verify(pw(adminPassword), phc: try slot.unwrap(password: pw(adminPassword), vaultId: v.file.header.vaultId).phc))
        XCTAssertEqual(expectVaultError { _ = try v.unlock(user: "admin", password: pw("nope")) }, .authenticationFailed)
        XCTAssertEqual(expectVaultError { _ = try v.unlock(user: "ghost", password: pw("nope")) }, .authenticationFailed)
        // init never overwrites.
        XCTAssertEqual(expectVaultError { try makeVault() }, .vaultExists(path: path))
    }

    func testAppendReadAndAudit() throws {
        let path = try makeVault()
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).appendData([Array("one".utf8), Array("two".utf8)])
            try v.unlocked(by: s).appendData([Array("three".utf8)], audit: [AuditEvent(actor: "admin", action: "tx.add")])
            try v.appendAudit([AuditEvent(actor: "ghost", action: "login", outcome: "failed")])
        }
        XCTAssertEqual(try records(path).map { String(decoding: $0, as: UTF8.self) }, ["one", "two", "three"])
        let v = try Vault.open(path: path, access: .read)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        XCTAssertEqual(try v.unlocked(by: s).auditEvents().map(\.action), ["vault.init", "tx.add", "login"])
        let r = try v.unlocked(by: s).verify()
        XCTAssertEqual(r.unverifiableFrames, 0)
        XCTAssertEqual(r.tornTailBytes, 0)
    }

    /// Every single-bit flip of a small vault gives a clean error, never wrong data.
    func testEveryBitFlipIsDetected() throws {
        let path = try makeVault()
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).appendData([Array("payload-1".utf8)])
        }
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected = try records(path)
        var detected = 0
        for bit in 0..<(original.count * 8) {
            var d = original
            d[bit / 8] ^= UInt8(1 << (bit % 8))
            try d.write(to: URL(fileURLWithPath: path))
            do {
                let v = try Vault.open(path: path, access: .read)
                let s = try v.unlock(user: "admin", password: pw(adminPassword))
                _ = try v.unlocked(by: s).verify()
                var got: [[UInt8]] = []
                try v.unlocked(by: s).forEachData { got.append(Array($0)) }
                XCTAssertEqual(got, expected, "bit \(bit): opened with different data")
                XCTFail("bit \(bit) (byte \(bit / 8)) flipped but not detected")
            } catch let e as VaultError {
                switch e {
                case .corrupt, .notAVault, .unsupportedVersion, .weakKDF, .costlyKDF, .authenticationFailed: detected += 1
                default: XCTFail("bit \(bit): unexpected error \(e)")
                }
            }
        }
        XCTAssertEqual(detected, original.count * 8)
    }

    /// Truncating inside the last frame (a crash mid-append) drops only that frame.
    func testTruncationInsideLastFrameKeepsEverythingBefore() throws {
        let path = try makeVault()
        let url = URL(fileURLWithPath: path)
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).appendData([Array("kept".utf8)])
        }
        let before = try Data(contentsOf: url)
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).appendData([Array(repeating: 0x41, count: 150)])
        }
        let after = try Data(contentsOf: url)
        XCTAssertGreaterThan(after.count, before.count)
        for cut in before.count..<after.count {
            try after.prefix(cut).write(to: url)
            let got = try records(path)
            XCTAssertEqual(got, [Array("kept".utf8)], "cut at \(cut)")
            let v = try Vault.open(path: path, access: .read)
            XCTAssertEqual(try v.verify().tornTailBytes, cut - before.count)
        }
        // A zero-filled tail (as some file systems leave after a crash) is also torn.
        try (before + Data(repeating: 0, count: 300)).write(to: url)
        XCTAssertEqual(try records(path), [Array("kept".utf8)])
        // The next write removes the torn tail and appends cleanly.
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).appendData([Array("next".utf8)])
        }
        XCTAssertEqual(try records(path).map { String(decoding: $0, as: UTF8.self) }, ["kept", "next"])
        XCTAssertEqual(try Vault.open(path: path, access: .read).verify().tornTailBytes, 0)
    }

    /// A metadata batch torn before its index frame is not committed: the old state stays.
    func testTruncatedMetadataBatchIsUncommitted() throws {
        let path = try makeVault()
        let url = URL(fileURLWithPath: path)
        let before = try Data(contentsOf: url)
        do {
            let v = try Vault.open(path: path, access: .write)
            _ = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.file.append([PendingFrame(kind: .record, keyClass: .none, subject: [UInt8](repeating: 9, count: 16), body: [1, 2, 3])], keys: KeyRing())
        }
        let after = try Data(contentsOf: url)
        for cut in stride(from: before.count, to: after.count, by: 7) {
            try after.prefix(cut).write(to: url)
            let v = try Vault.open(path: path, access: .read)
            XCTAssertNil(try v.file.readMeta(.record, subject: [UInt8](repeating: 9, count: 16), keys: nil), "cut \(cut)")
            _ = try v.verify()
        }
    }

    func testRemovedReorderedAndEditedFramesAreDetected() throws {
        let path = try makeVault()
        let url = URL(fileURLWithPath: path)
        var offsets: [Int] = []
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            for i in 0..<4 {
                offsets.append(v.file.endOffset)
                try v.unlocked(by: s).appendData([Array("rec-\(i)".utf8)])
            }
            offsets.append(v.file.endOffset)
        }
        let good = try Data(contentsOf: url)
        func frame(_ i: Int) -> Data { good[offsets[i]..<offsets[i + 1]] }
        // Removed: drop frame 1.
        try (good[..<offsets[1]] + good[offsets[2]...]).write(to: url)
        XCTAssertNotNil(expectVaultError { _ = try records(path) })
        // Reordered: swap frames 1 and 2.
        try (good[..<offsets[1]] + frame(2) + frame(1) + good[offsets[3]...]).write(to: url)
        XCTAssertNotNil(expectVaultError { _ = try records(path) })
        // Edited: re-seal frame 1 with another body but keep it well-formed otherwise — needs the key;
        // a byte change inside the ciphertext is the edit an attacker without the key can make.
        var edited = good
        edited[offsets[1] + 80] ^= 0xFF
        try edited.write(to: url)
        XCTAssertNotNil(expectVaultError { _ = try records(path) })
        // Removing the last frames at a frame boundary is a rollback the file alone cannot
        // show (see docs/SECURITY.md); the chain stays valid.
        try good.write(to: url)
        XCTAssertEqual(try records(path).count, 4)
    }

    func testSecondWriterWaitsThenIsRefused() throws {
        let path = try makeVault()
        do {
            let holder = try Vault.open(path: path, access: .write)
            // No clock: the debug-only probe shows that the second writer was blocked and
            // gave up at its timeout, and never read the vault file meanwhile.
            let probe = dir + "/probe"
            setenv("VAULTCLI_TEST_PROBE", probe, 1)
            defer { unsetenv("VAULTCLI_TEST_PROBE") }
            let err = expectVaultError { _ = try Vault.open(path: path, access: .write) }
            guard case .lockHeld = err else { return XCTFail("expected lockHeld, got \(String(describing: err))") }
            let lines = try String(contentsOfFile: probe, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
            XCTAssertEqual(lines, ["lock blocked exclusive", "lock timeout exclusive"])
            unsetenv("VAULTCLI_TEST_PROBE")
            // Readers wait for the writer too.
            guard case .lockHeld = expectVaultError({ _ = try Vault.open(path: path, access: .read) }) else { return XCTFail() }
            let s = try holder.unlock(user: "admin", password: pw(adminPassword))
            try holder.unlocked(by: s).appendData([[1]])
        }
        // Once the holder is gone, the next writer gets in and nothing was lost.
        XCTAssertEqual(try records(path), [[1]])
    }

    func testSymlinkAndWeakKDFAreRefused() throws {
        let path = try makeVault()
        let link = dir + "/link"
        XCTAssertEqual(symlink(path, link), 0)
        XCTAssertEqual(expectVaultError { _ = try Vault.open(path: link, access: .read) }, .symlinkRefused(path: link))
        // Without the test knob, the test vault's KDF is below the floor.
        unsetenv("VAULTCLI_INSECURE_TEST_KDF")
        defer { setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1) }
        guard case .weakKDF = expectVaultError({ _ = try Vault.open(path: path, access: .read) }) else { return XCTFail() }
        guard case .weakKDF = expectVaultError({
            _ = try Vault.initialize(path: self.dir + "/weak", adminName: "a", password: self.pw("x"), kdf: KDFParameters(memoryKiB: 19 * 1024, iterations: 1), terminalId: "T")
        }) else { return XCTFail() }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/weak"))
    }

    /// A doctored cost (a file asking every login for 8 GiB, or 65 passes) is refused before any
    /// Argon2id run, as damage (exit 6), and init never writes one.
    func testKDFCostAboveTheCeilingIsRefusedBeforeRunning() throws {
        for k in [KDFParameters(memoryKiB: 8 * 1024 * 1024, iterations: 2), KDFParameters(memoryKiB: 64 * 1024, iterations: 65)] {
            let before = Argon2id.runs.value
            guard case .costlyKDF = expectVaultError({
                _ = try KeyslotKDF.derive(password: self.pw("x"), salt: [UInt8](repeating: 1, count: 16), parameters: k, floor: KDFPolicy.floor)
            }) else { return XCTFail("\(k.summary) was run") }
            XCTAssertEqual(Argon2id.runs.value, before)
            XCTAssertEqual(VaultError.costlyKDF(k, ceiling: .ceiling).exitCode, .corrupt)
            guard case .costlyKDF = expectVaultError({
                _ = try Vault.initialize(path: self.dir + "/costly", adminName: "a", password: self.pw("x"), kdf: k, terminalId: "T")
            }) else { return XCTFail() }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/costly"))
        }
        XCTAssertTrue(KDFParameters(memoryKiB: 64 * 1024, iterations: 64).within(.ceiling))
    }

    func testFutureVersionAndNotAVault() throws {
        let path = try makeVault()
        var d = try Data(contentsOf: URL(fileURLWithPath: path))
        d[8] = 3
        try d.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(expectVaultError { _ = try Vault.open(path: path, access: .read) }, .unsupportedVersion(found: 3, supported: 2))
        try Data("hello, not a vault".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(expectVaultError { _ = try Vault.open(path: path, access: .read) }, .notAVault(path: path))
        XCTAssertEqual(expectVaultError { _ = try Vault.open(path: dir + "/none", access: .read) }, .noVault(path: dir + "/none"))
    }

    func testCompactionDropsSupersededFramesAndKeepsEverything() throws {
        let path = try makeVault()
        let subject = [UInt8](repeating: 5, count: 16)
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            for i in 0..<50 {
                try v.file.append([PendingFrame(kind: .record, keyClass: .admin, subject: subject, body: [5, 0] + Array(repeating: UInt8(i), count: 500))], keys: s.keys)
                try v.unlocked(by: s).appendData([Array("tx-\(i)".utf8)])
            }
            try v.appendAudit([AuditEvent(actor: "x", action: "y")])
            XCTAssertGreaterThan(v.file.garbageBytes, 20_000)
            let sizeBefore = v.file.endOffset
            let reclaimed = try v.file.compact(keys: s.keys)
            XCTAssertGreaterThan(reclaimed, 20_000)
            XCTAssertLessThan(try PosixFile.openExisting(path, writable: false).size(), sizeBefore)
        }
        let v = try Vault.open(path: path, access: .read)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        XCTAssertEqual(try v.file.readMeta(.record, subject: subject, keys: s.keys)?.body, [5, 0] + Array(repeating: 49, count: 500))
        XCTAssertEqual(try records(path).count, 50)
        XCTAssertEqual(try v.unlocked(by: s).auditEvents().count, 2)
        XCTAssertEqual(v.file.garbageBytes, 0)
        _ = try v.unlocked(by: s).verify()
        var st = stat(); stat(path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }
}

final class PathTests: XCTestCase {
    func testDirectoryAndBaseName() {
        XCTAssertEqual(FileSystem.directory(of: "v"), ".")
        XCTAssertEqual(FileSystem.directory(of: "./v"), ".")
        XCTAssertEqual(FileSystem.directory(of: "/v"), "/")
        XCTAssertEqual(FileSystem.directory(of: "a/b/c"), "a/b")
        XCTAssertEqual(FileSystem.directory(of: "a//b"), "a")
        XCTAssertEqual(FileSystem.directory(of: "/a/b/"), "/a")
        XCTAssertEqual(FileSystem.baseName(of: "a/b/c"), "c")
        XCTAssertEqual(FileSystem.baseName(of: "v"), "v")
        XCTAssertEqual(FileSystem.baseName(of: "/a/b/"), "b")
    }
}
