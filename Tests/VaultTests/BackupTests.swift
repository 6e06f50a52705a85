import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The identity FileBackupSource's backups name (what the store's checks would return).
let fakeVaultID = VaultIdentity(vaultId: String(repeating: "ab", count: 16), terminalId: "shop-17/t1")
func fakeIdentify(_ path: String) throws -> VaultIdentity { fakeVaultID }

/// A vault stand-in: a plain file, share-locked while the snapshot is read.
struct FileBackupSource: BackupSource {
    var path: String
    var info = BackupSnapshotInfo(vaultID: [UInt8](repeating: 0xAB, count: 16), terminalID: "shop-17/t1", vaultFormatVersion: 1)

    func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BackupError.io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        flock(fd, LOCK_SH)
        var st = stat()
        fstat(fd, &st)
        return try body(info, fd, Int(st.st_size))
    }
}

/// Fails writes with `errno` once `failAfter` bytes went through, or fsync, or corrupts reads.
final class FaultyIO: BackupIO, @unchecked Sendable {
    var failAfter: Int? = nil
    var writeErrno: Int32 = ENOSPC
    var failFsync = false
    var flipOnRead = false
    /// Flips byte 50 of only this read (counting reads of more than 100 bytes from 0).
    var flipOnlyRead: Int? = nil
    var reads = 0
    var written = 0
    let lock = NSLock()

    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let limit = failAfter {
            if written >= limit { errno = writeErrno; return -1 }
            let n = min(count, limit - written)
            let r = Glibc.write(fd, buf, n)
            if r > 0 { written += r }
            return r
        }
        let r = Glibc.write(fd, buf, count)
        if r > 0 { written += r }
        return r
    }

    var directReads = 0

    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int {
        if fcntl(fd, F_GETFL) & LinuxIO.oDirect != 0 { directReads += 1 }
        let r = Glibc.read(fd, buf, count)
        var flip = flipOnRead
        if r > 100 {
            lock.lock(); defer { lock.unlock() }
            if let only = flipOnlyRead { flip = reads == only }
            reads += 1
        }
        if flip && r > 100 { buf.storeBytes(of: buf.load(fromByteOffset: 50, as: UInt8.self) ^ 1, toByteOffset: 50, as: UInt8.self) }
        return r
    }

    func fsync(_ fd: Int32) -> Int32 {
        if failFsync { errno = EIO; return -1 }
        return Glibc.fsync(fd)
    }
}

final class BackupTests: XCTestCase {
    var dir: TempDir!
    var identity: AgeIdentity!
    var recipient: AgeRecipient!

    override func setUpWithError() throws {
        dir = try TempDir()
        identity = try AgeIdentity.generate()
        recipient = try identity.recipient()!
    }

    func makeVault(_ size: Int, name: String = "vault") throws -> (path: String, bytes: [UInt8]) {
        let bytes = SecureRandom.bytes(size)
        try Data(bytes).write(to: dir.url(name))
        return (dir.path(name), bytes)
    }

    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func fd(_ path: String) throws -> Int32 {
        let f = open(path, O_RDONLY)
        if f < 0 { throw BackupError.io(path: path, operation: "open", errno: errno) }
        return f
    }

    func testBackupToDirectoryThenVerifyListRestore() throws {
        let (vault, bytes) = try makeVault(300_001)
        let out = dir.path("usb")
        mkdir(out, 0o700)
        var w = BackupWriter(recipients: [recipient])
        w.now = { Date(timeIntervalSince1970: 1_790_000_000) }
        let r = try w.write(from: FileBackupSource(path: vault), to: .directory(out))
        XCTAssertEqual(r.path, out + "/vaultcli-shop-17_t1-20260921T141320Z.age")
        XCTAssertEqual(entries(out), ["vaultcli-shop-17_t1-20260921T141320Z.age"])
        var st = stat()
        stat(r.path!, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(Int64(st.st_size), r.bytesWritten)
        XCTAssertEqual(r.manifest.vaultSize, 300_001)
        XCTAssertEqual(r.manifest.terminalID, "shop-17/t1")
        XCTAssertEqual(r.manifest.created, "2026-09-21T14:13:20Z")
        XCTAssertEqual(r.manifest.vaultID, String(repeating: "ab", count: 16))

        let listing = try BackupWriter.list(dir: out)
        XCTAssertEqual(listing.count, 1)
        XCTAssertEqual(listing[0].terminalID, "shop-17_t1")
        XCTAssertEqual(listing[0].size, r.bytesWritten)

        let f = try fd(r.path!)
        defer { close(f) }
        let s = try BackupReader(identities: [identity]).verify(from: f)
        XCTAssertEqual(s.manifest, r.manifest)
        XCTAssertEqual(s.manifest.format, 2)
        XCTAssertEqual(s.vaultBytes, 300_001)
        XCTAssertNil(s.vaultBLAKE2b, "container version 2 carries no digest")
        XCTAssertEqual(s.stanzaTypes, ["X25519"])

        let f2 = try fd(r.path!)
        defer { close(f2) }
        let target = dir.path("restored/sub/vault")
        var validated: String? = nil
        let rr = try BackupReader(identities: [identity]).restore(from: f2, to: target, replace: .nothing, identify: fakeIdentify) { temp in
            validated = temp
            XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: temp))), bytes)
            return RestoredVault(identity: fakeVaultID)
        }
        XCTAssertNotNil(validated)
        XCTAssertNil(rr.movedAside)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: target))), bytes)
        stat(target, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        XCTAssertEqual(entries(dir.path("restored/sub")), ["vault"])
    }

    func testArmoredBackupToFileAndEmptyVault() throws {
        let (vault, _) = try makeVault(0)
        let path = dir.path("b.age")
        let r = try BackupWriter(recipients: [recipient], armor: true).write(from: FileBackupSource(path: vault), to: .file(path))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----\n"))
        let f = try fd(path)
        defer { close(f) }
        let s = try BackupReader(identities: [identity]).verify(from: f)
        XCTAssertTrue(s.armored)
        XCTAssertEqual(s.vaultBytes, 0)
        XCTAssertEqual(r.manifest.vaultSize, 0)
    }

    func testKeepDeletesOnlyThisVaultsOldestByTheirMarkers() throws {
        let (vault, _) = try makeVault(1000)
        let out = dir.path("usb")
        mkdir(out, 0o700)
        // Another terminal's backup, an unrelated file and an unmarked file named like this
        // terminal's backups (made before markers) must survive.
        for n in ["vaultcli-other-20200101T000000Z.age", "notes.txt", "vaultcli-shop-17-20000101T000000Z.age"] {
            FileManager.default.createFile(atPath: out + "/" + n, contents: Data([1]))
        }
        var src = FileBackupSource(path: vault)
        src.info.terminalID = "shop-17"
        src.info.markerMACKey = try SecretBytes.random(count: 32)
        var t = 1_700_000_000.0
        var w = BackupWriter(recipients: [recipient], keep: 3)
        var made: [String] = []
        for _ in 0..<5 {
            let time = t
            w.now = { Date(timeIntervalSince1970: time) }
            let r = try w.write(from: src, to: .directory(out))
            XCTAssertTrue(r.marked)
            XCTAssertEqual(r.keptUnmarked, [out + "/vaultcli-shop-17-20000101T000000Z.age"])
            made.append(r.path!)
            t += 86400
        }
        let left = try BackupWriter.list(dir: out).map(\.path)
        XCTAssertEqual(left.filter { $0.contains("shop-17-2023") }, Array(made.suffix(3).reversed()))
        XCTAssertTrue(entries(out).contains("vaultcli-other-20200101T000000Z.age"))
        XCTAssertTrue(entries(out).contains("notes.txt"))
        XCTAssertTrue(entries(out).contains("vaultcli-shop-17-20000101T000000Z.age"))

        // A vault with the same ids but another marker key (a forger's) counts none of them.
        var forger = src
        forger.info.markerMACKey = try SecretBytes.random(count: 32)
        w.keep = 1
        w.now = { Date(timeIntervalSince1970: t) }
        let r = try w.write(from: forger, to: .directory(out))
        XCTAssertEqual(r.removed, [])
        XCTAssertEqual(Set(r.suspicious), Set(made.suffix(3)))

        // No marker key: the backup carries no marker and --keep deletes nothing.
        var bare = src
        bare.info.markerMACKey = nil
        bare.info.noMarkerReason = "test"
        w.now = { Date(timeIntervalSince1970: t + 86400) }
        let b = try w.write(from: bare, to: .directory(out))
        XCTAssertFalse(b.marked)
        XCTAssertEqual(b.noMarkerReason, "test")
        XCTAssertEqual(b.removed, [])
        XCTAssertEqual(try BackupWriter.list(dir: out).filter { $0.name.contains("shop-17-2023") }.count, 5)
    }

    /// The compact UTC times of file names and markers: exact, and strict when parsed.
    func testCompactUTCTimes() {
        XCTAssertEqual(BackupFS.compactUTC(Date(timeIntervalSince1970: 1_800_000_000.9)), "20270115T080000Z")
        XCTAssertEqual(BackupFS.compactUTC(Date(timeIntervalSince1970: 0)), "19700101T000000Z")
        XCTAssertEqual(BackupFS.parseCompactUTC("20270115T080000Z"), Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertEqual(BackupFS.parseCompactUTC("20240229T235959Z"), Date(timeIntervalSince1970: 1_709_251_199))
        for bad in ["20230229T000000Z", "20231301T000000Z", "20230101T240000Z", "20230101T000060Z", "2023010T000000Z",
                    "20230101 000000Z", "20230101T000000z", "2023O101T000000Z", "20230101T000000Z0", "+2023101T000000Z"] {
            XCTAssertNil(BackupFS.parseCompactUTC(bad), bad)
        }
    }

    func testFullDiskMidWriteLeavesNothing() throws {
        let (vault, _) = try makeVault(2_000_000)
        let out = dir.path("usb")
        mkdir(out, 0o700)
        for (limit, e) in [(0, ENOSPC), (100_000, ENOSPC), (1_500_000, EIO)] {
            var w = BackupWriter(recipients: [recipient])
            let io = FaultyIO()
            io.failAfter = limit
            io.writeErrno = e
            w.io = io
            XCTAssertThrowsError(try w.write(from: FileBackupSource(path: vault), to: .directory(out))) {
                guard case .io(_, "write", let got) = $0 as? BackupError, got == e else { return XCTFail("\($0)") }
            }
            XCTAssertEqual(entries(out), [], "limit \(limit)")
        }
    }

    func testFsyncFailureAndReadBackMismatchLeaveNothing() throws {
        let (vault, _) = try makeVault(200_000)
        let out = dir.path("usb")
        mkdir(out, 0o700)
        var w = BackupWriter(recipients: [recipient])
        let io = FaultyIO()
        io.failFsync = true
        w.io = io
        XCTAssertThrowsError(try w.write(from: FileBackupSource(path: vault), to: .directory(out))) {
            guard case .io(_, "sync", EIO) = $0 as? BackupError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(entries(out), [])
        let io2 = FaultyIO()
        io2.flipOnRead = true
        w.io = io2
        XCTAssertThrowsError(try w.write(from: FileBackupSource(path: vault), to: .file(out + "/x.age"))) {
            guard case .readBackMismatch = $0 as? BackupError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(entries(out), [])
    }

    /// The read-back runs behind the writer in segments (here at every 4 MiB write): a backup
    /// of several segments reads back right, and one flipped byte in a read in the middle is
    /// caught and leaves nothing behind.
    func testSegmentedReadBackCatchesAByteInAMiddleSegment() throws {
        let (vault, _) = try makeVault(13_000_000)
        let out = dir.path("usb")
        mkdir(out, 0o700)
        var w = BackupWriter(recipients: [recipient])
        w.readBackSegment = 1 << 20
        let io = FaultyIO()
        w.io = io
        XCTAssertNoThrow(try w.write(from: FileBackupSource(path: vault), to: .directory(out)))
        XCTAssertEqual(entries(out).count, 1)
        XCTAssertGreaterThanOrEqual(io.reads, 4, "several segments were read back")
        for f in entries(out) { unlink(out + "/" + f) }

        for flip in [1, io.reads / 2, io.reads - 1] {
            let io2 = FaultyIO()
            io2.flipOnlyRead = flip
            w.io = io2
            XCTAssertThrowsError(try w.write(from: FileBackupSource(path: vault), to: .file(out + "/x.age")), "read \(flip)") {
                guard case .readBackMismatch = $0 as? BackupError else { return XCTFail("\($0)") }
            }
            XCTAssertEqual(entries(out), [])
        }
    }

    /// The read-back reads with O_DIRECT where the file system allows it (the bytes come from
    /// the device, not the page cache), handles a last block shorter than a sector, and still
    /// catches a single flipped byte (the fault seam flips byte 50 of every read).
    func testDirectReadBackDetectsACorruptedByte() throws {
        // A length that is neither a multiple of the 4 MiB buffer nor of a sector.
        let size = BackupWriter.readBackBufferSize + 4096 * 3 + 777
        let bytes = SecureRandom.bytes(size)
        let path = dir.path("readback.age")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let key = try Poly1305Stream.newKey()
        let digest = try Poly1305Stream(key: key)
        bytes.withUnsafeBytes { digest.update($0) }
        let tag = digest.finalize()
        // Does this file system take O_DIRECT at all? (tmpfs on older kernels does not.)
        let probe = open(path, O_RDONLY | LinuxIO.oDirect)
        let directPossible = probe >= 0
        if probe >= 0 { close(probe) }

        var w = BackupWriter(recipients: [recipient])
        let mode = try w.readBack(path, expectedLength: Int64(size), expectedTag: tag, key: key)
        XCTAssertEqual(mode, directPossible ? .direct : .buffered)

        let io = FaultyIO()
        io.flipOnRead = true
        w.io = io
        XCTAssertThrowsError(try w.readBack(path, expectedLength: Int64(size), expectedTag: tag, key: key)) {
            guard case .readBackMismatch = $0 as? BackupError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(io.directReads > 0, directPossible, "the corrupted read went through O_DIRECT")
        // A short file (one partial block) and an empty one.
        for n in [0, 1, 511, 513] {
            let small = SecureRandom.bytes(n)
            try Data(small).write(to: URL(fileURLWithPath: path))
            let d = try Poly1305Stream(key: key)
            small.withUnsafeBytes { d.update($0) }
            let t = d.finalize()
            w.io = SystemIO()
            XCTAssertNoThrow(try w.readBack(path, expectedLength: Int64(n), expectedTag: t, key: key), "\(n) bytes")
            XCTAssertThrowsError(try w.readBack(path, expectedLength: Int64(n) + 1, expectedTag: t, key: key), "\(n) bytes, wrong length")
        }
    }

    func testDirectoryVanishingIsAClearError() throws {
        let (vault, _) = try makeVault(1000)
        XCTAssertThrowsError(try BackupWriter(recipients: [recipient]).write(from: FileBackupSource(path: vault), to: .directory(dir.path("gone")))) {
            guard case .io(_, _, ENOENT) = $0 as? BackupError else { return XCTFail("\($0)") }
        }
    }

    /// A real small file system: a 1 MiB tmpfs fills up under a 3 MB backup.
    func testRealFullTmpfsAndReadOnlyMount() throws {
        let mnt = dir.path("mnt")
        mkdir(mnt, 0o700)
        let r = Process.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt])
        guard r == 0 else { throw XCTSkip("cannot mount a tmpfs here (needs root): exit \(r)") }
        defer { _ = Process.run("/bin/umount", [mnt]) }
        let (vault, _) = try makeVault(3_000_000)
        XCTAssertThrowsError(try BackupWriter(recipients: [recipient]).write(from: FileBackupSource(path: vault), to: .directory(mnt))) {
            guard case .io(_, "write", ENOSPC) = $0 as? BackupError else { return XCTFail("\($0)") }
            XCTAssertTrue(($0 as! BackupError).hints.joined().contains("free some space"))
        }
        XCTAssertEqual(entries(mnt), [])
        // Read-only: remount and try again.
        XCTAssertEqual(Process.run("/bin/mount", ["-o", "remount,ro", mnt]), 0)
        XCTAssertThrowsError(try BackupWriter(recipients: [recipient]).write(from: FileBackupSource(path: vault), to: .directory(mnt))) {
            guard case .io(_, _, EROFS) = $0 as? BackupError else { return XCTFail("\($0)") }
        }
    }

    func backupFile(_ size: Int, recipients: [AgeRecipient]? = nil) throws -> (path: String, vault: [UInt8]) {
        let (vault, bytes) = try makeVault(size, name: "src-\(UUID().uuidString)")
        let path = dir.path("b-\(UUID().uuidString).age")
        _ = try BackupWriter(recipients: recipients ?? [recipient]).write(from: FileBackupSource(path: vault), to: .file(path))
        return (path, bytes)
    }

    func assertRestoreFails(_ file: [UInt8], identities: [AgeIdentity]? = nil, _ check: (BackupError) -> Void) throws {
        let p = dir.path("bad.age")
        unlink(p)
        try Data(file).write(to: URL(fileURLWithPath: p))
        let target = dir.path("target/vault")
        let f = try fd(p)
        defer { close(f) }
        XCTAssertThrowsError(try BackupReader(identities: identities ?? [identity]).restore(from: f, to: target, replace: .nothing, identify: fakeIdentify) { _ in RestoredVault(identity: fakeVaultID) }) {
            guard let e = $0 as? BackupError else { return XCTFail("\($0)") }
            check(e)
        }
        XCTAssertEqual(entries(dir.path("target")), [], "nothing left behind")
    }

    func testRestoreRefusesTruncatedFlippedWrongKeys() throws {
        let (path, _) = try backupFile(200_000)
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try assertRestoreFails(Array(file.prefix(file.count - 1))) { XCTAssertEqual($0.ageFailureClass, .payload) }
        try assertRestoreFails(Array(file.prefix(file.count / 2))) { XCTAssertEqual($0.ageFailureClass, .payload) }
        var flipped = file
        flipped[file.count - 100] ^= 0x10
        try assertRestoreFails(flipped) { XCTAssertEqual($0.ageFailureClass, .payload) }
        var flippedHeader = file
        flippedHeader[60] ^= 0x01
        try assertRestoreFails(flippedHeader) { XCTAssertNotNil($0.ageFailureClass) }
        try assertRestoreFails(file, identities: [try AgeIdentity.generate()]) { XCTAssertEqual($0, .noMatchingIdentity) }
        XCTAssertEqual(BackupError.noMatchingIdentity.exitCode, .authenticationFailed)
    }

    func testRestoreWithPassphrase() throws {
        let pw = try SecretBytes(copying: Array("counter top 17".utf8))
        let (path, bytes) = try backupFile(70_000, recipients: [.scrypt(passphrase: pw, logN: AgeScrypt.defaultLogN)])
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try assertRestoreFails(file, identities: [.scrypt(passphrase: try SecretBytes(copying: Array("wrong".utf8)))]) { XCTAssertEqual($0, .wrongPassphrase) }
        let f = try fd(path)
        defer { close(f) }
        _ = try BackupReader(identities: [.scrypt(passphrase: pw)]).restore(from: f, to: dir.path("v2"), replace: .nothing, identify: fakeIdentify) { _ in RestoredVault(identity: fakeVaultID) }
        XCTAssertEqual([UInt8](try Data(contentsOf: dir.url("v2"))), bytes)
    }

    func testRestoreExistingVaultNeedsForceAndMovesAside() throws {
        let (path, bytes) = try backupFile(10_000)
        let (old, oldBytes) = try makeVault(500, name: "live")
        let f = try fd(path)
        XCTAssertThrowsError(try BackupReader(identities: [identity]).restore(from: f, to: old, replace: .nothing, identify: fakeIdentify) { _ in RestoredVault(identity: fakeVaultID) }) {
            XCTAssertEqual($0 as? BackupError, .targetExists(path: old, forceAllowed: true))
        }
        close(f)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: old))), oldBytes)

        // A failing validation hook leaves the old vault in place.
        struct Invalid: Error {}
        let f1 = try fd(path)
        XCTAssertThrowsError(try BackupReader(identities: [identity]).restore(from: f1, to: old, replace: .sameVault, identify: fakeIdentify) { _ in throw Invalid() })
        close(f1)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: old))), oldBytes)
        XCTAssertFalse(entries(dir.path).contains { $0.contains("before-restore") || $0.hasPrefix(".vaultcli-tmp") })

        let f2 = try fd(path)
        defer { close(f2) }
        var r = BackupReader(identities: [identity])
        r.now = { Date(timeIntervalSince1970: 1_800_000_000) }
        let rr = try r.restore(from: f2, to: old, replace: .sameVault, identify: fakeIdentify) { _ in RestoredVault(identity: fakeVaultID) }
        XCTAssertEqual(rr.movedAside, old + ".before-restore-20270115T080000Z")
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: old))), bytes)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: rr.movedAside!))), oldBytes)
    }

    /// Containers that age accepts but we must not: checked after decryption. Version 2 (what
    /// is written now) ends with the vault; version 1 (older backups) has its BLAKE2b-256 after it.
    func testContainerChecks() throws {
        func sealed(_ plain: [UInt8]) throws -> [UInt8] { try AgeFormatTests.encrypt(plain, to: [recipient]) }
        let vault = SecureRandom.bytes(1000)
        var m = BackupContainer.manifest(BackupSnapshotInfo(vaultID: [1, 2], terminalID: "t", vaultFormatVersion: 1), size: vault.count, created: Date())
        XCTAssertEqual(m.format, 2)
        let good = try BackupContainer.prefix(m) + vault
        XCTAssertEqual(Array(good[16..<18]), [0, 2])
        let s = try verify(sealed(good))
        XCTAssertEqual(s.vaultBytes, 1000)
        XCTAssertNil(s.vaultBLAKE2b)
        XCTAssertThrowsError(try verify(sealed(good.dropLast(1).map { $0 }))) { XCTAssertEqual($0 as? BackupError, .containerTruncated) }
        XCTAssertThrowsError(try verify(sealed(good + [0]))) { XCTAssertEqual($0 as? BackupError, .manifestInvalid("there are bytes after the vault")) }
        // A version 2 container with a version 1 trailer is not a version 2 container.
        XCTAssertThrowsError(try verify(sealed(good + Hash.blake2b(vault, length: 32)))) {
            XCTAssertEqual($0 as? BackupError, .manifestInvalid("there are bytes after the vault"))
        }
        var v3 = good
        v3[17] = 3
        XCTAssertThrowsError(try verify(sealed(v3))) { XCTAssertEqual($0 as? BackupError, .unsupportedBackupVersion(found: 3, supported: 2)) }
        var v0 = good
        v0[17] = 0
        XCTAssertThrowsError(try verify(sealed(v0))) { XCTAssertEqual($0 as? BackupError, .unsupportedBackupVersion(found: 0, supported: 2)) }
        // The binary version and the manifest's format must agree.
        var v1Field = good
        v1Field[17] = 1
        XCTAssertThrowsError(try verify(sealed(v1Field + Hash.blake2b(vault, length: 32)))) {
            XCTAssertEqual($0 as? BackupError, .manifestInvalid("its format 2 is not the container version 1"))
        }
        XCTAssertThrowsError(try verify(sealed(Array("hello, not a backup at all".utf8)))) { XCTAssertEqual($0 as? BackupError, .notABackup) }

        // Version 1: the trailer is checked and reported.
        m.format = 1
        let v1 = try BackupContainer.prefix(m) + vault + Hash.blake2b(vault, length: 32)
        XCTAssertEqual(Array(v1[16..<18]), [0, 1])
        let s1 = try verify(sealed(v1))
        XCTAssertEqual(s1.manifest.format, 1)
        XCTAssertEqual(s1.vaultBLAKE2b, Hash.blake2b(vault, length: 32))
        XCTAssertThrowsError(try verify(sealed(v1.dropLast(1).map { $0 }))) { XCTAssertEqual($0 as? BackupError, .containerTruncated) }
        XCTAssertThrowsError(try verify(sealed(v1.dropLast(32).map { $0 }))) { XCTAssertEqual($0 as? BackupError, .containerTruncated) }
        XCTAssertThrowsError(try verify(sealed(v1 + [0]))) { XCTAssertEqual($0 as? BackupError, .manifestInvalid("there are bytes after the vault's digest")) }
        var badHash = v1
        badHash[badHash.count - 1] ^= 1
        XCTAssertThrowsError(try verify(sealed(badHash))) { XCTAssertEqual($0 as? BackupError, .vaultHashMismatch) }
        var badVault = v1
        badVault[badVault.count - 40] ^= 1
        XCTAssertThrowsError(try verify(sealed(badVault))) { XCTAssertEqual($0 as? BackupError, .vaultHashMismatch) }
        // An empty vault in both versions.
        m.vaultSize = 0
        XCTAssertEqual(try verify(sealed(try BackupContainer.prefix(m) + Hash.blake2b([UInt8](), length: 32))).vaultBLAKE2b, Hash.blake2b([UInt8](), length: 32))
        m.format = 2
        XCTAssertEqual(try verify(sealed(try BackupContainer.prefix(m))).vaultBytes, 0)
    }

    /// The fuzz seeds of the container parser are well-formed containers of both versions.
    func testCommittedContainerSeedsParse() throws {
        for (name, version) in [("empty", 2), ("small", 2), ("v2-vault", 2), ("v1-small", 1)] {
            let bytes = [UInt8](try Data(contentsOf: Fixtures.url("fuzz/backup-container/\(name)")))
            var vault: [UInt8] = []
            let c = ContainerWriter(vaultSink: { vault += $0 })
            try bytes.withUnsafeBytes { try c.write($0) }
            try c.finish()
            XCTAssertEqual(c.version, version, name)
            XCTAssertEqual(c.manifest?.format, version, name)
            XCTAssertEqual(UInt64(vault.count), c.manifest?.vaultSize, name)
            XCTAssertEqual(c.vaultBLAKE2b, version == 1 ? Hash.blake2b(vault, length: 32) : nil, name)
        }
    }

    func verify(_ file: [UInt8]) throws -> BackupReader.Summary {
        let p = dir.path("c-\(UUID().uuidString).age")
        try Data(file).write(to: URL(fileURLWithPath: p))
        let f = try fd(p)
        defer { close(f) }
        return try BackupReader(identities: [identity]).verify(from: f)
    }

    func testStreamToPipeAndRefuseTerminal() throws {
        let (vault, bytes) = try makeVault(150_000)
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        // The writer runs on another thread; the pipe is read here.
        final class Job: @unchecked Sendable {
            let source: FileBackupSource, writer: BackupWriter, fd: Int32
            init(_ s: FileBackupSource, _ w: BackupWriter, _ fd: Int32) { source = s; writer = w; self.fd = fd }
            func run() {
                _ = try? writer.write(from: source, to: .descriptor(fd, name: "stdout"))
                close(fd)
            }
        }
        let job = Job(FileBackupSource(path: vault), BackupWriter(recipients: [recipient]), fds[1])
        let t = Thread { job.run() }
        t.start()
        let s = try BackupReader(identities: [identity]).verify(from: fds[0])
        close(fds[0])
        XCTAssertEqual(s.vaultBytes, UInt64(bytes.count))
        XCTAssertEqual(s.manifest.vaultSize, UInt64(bytes.count))
    }
}

extension Process {
    static func run(_ path: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
