import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 16 point 4: the one durable-file module. Failures leave the old file as it was and no
/// temporary file behind; files are exactly 0600; a symbolic link at the target is never
/// followed; write-all survives short writes and EINTR.
final class DurableFileTests: XCTestCase {
    var dir: TempDir!

    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir = nil }

    private func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    private func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    private func mode(_ path: String) -> UInt32 {
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0, path)
        return UInt32(st.st_mode & 0o7777)
    }

    private func put(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        XCTAssertEqual(chmod(path, mode), 0)
    }

    /// Runs `body` with the file size limit at `limit` bytes and SIGXFSZ ignored, so that a
    /// write past it is short and the next one fails with EFBIG (as a full disk fails).
    private func withFileSizeLimit<T>(_ limit: rlim_t, _ body: () throws -> T) rethrows -> T {
        var old = rlimit()
        XCTAssertEqual(getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old), 0)
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var small = old
        small.rlim_cur = limit
        XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &small), 0)
        defer {
            _ = setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
            _ = signal(SIGXFSZ, oldHandler)
        }
        return try body()
    }

    // MARK: failures leave the old file and no temp

    func testShortWriteThenEFBIGLeavesOldFileAndNoTemp() throws {
        let target = dir.path("vault")
        let old = [UInt8](repeating: 0x41, count: 100)
        try put(target, old)
        let big = [UInt8](repeating: 0x42, count: 64 * 1024)
        let thrown: Error? = withFileSizeLimit(8192) { () -> Error? in
            do {
                try FileSystem.atomicWrite(target, replace: true) { f in try f.write(big, at: 0) }
                return nil
            } catch { return error }
        }
        guard case VaultError.io(let path, let op, let e)? = thrown else { return XCTFail("expected an io error, got \(String(describing: thrown))") }
        XCTAssertEqual(op, "write")
        XCTAssertEqual(e, EFBIG)
        XCTAssertTrue(path.hasPrefix(dir.path + "/.vault.tmp-"), path)
        XCTAssertEqual(try contents(target), old)
        XCTAssertEqual(try names(), ["vault"])
    }

    func testStreamingBackupStyleWriteFailureRemovesTemp() throws {
        let target = dir.path("backup.age")
        try put(target, [1, 2, 3])
        let thrown: Error? = withFileSizeLimit(4096) { () -> Error? in
            do {
                try DurableFile.replace(target, replace: true, style: .backup) { t in
                    let chunk = [UInt8](repeating: 7, count: 3000)
                    for _ in 0..<4 { try chunk.withUnsafeBytes { try t.write($0) } }
                }
                return nil
            } catch { return error }
        }
        guard case BackupError.io(_, "write", EFBIG)? = thrown else { return XCTFail("got \(String(describing: thrown))") }
        XCTAssertEqual(try contents(target), [1, 2, 3])
        XCTAssertEqual(try names(), ["backup.age"])
    }

    func testBodyFailureLeavesOldFileAndNoTemp() throws {
        struct Boom: Error {}
        let target = dir.path("vault")
        try put(target, [9, 9])
        XCTAssertThrowsError(try FileSystem.atomicWrite(target, replace: true) { f in
            try f.write([1, 2, 3, 4], at: 0)
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertEqual(try contents(target), [9, 9])
        XCTAssertEqual(try names(), ["vault"])
    }

    func testVanishedDirectoryIsAnErrorNamingIt() throws {
        let gone = dir.path("gone")
        XCTAssertThrowsError(try DurableFile.replace(gone + "/x.age", replace: true, style: .backup) { _ in }) { e in
            guard case BackupError.io(let path, "create a temporary file in", ENOENT) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(path, gone)
        }
        XCTAssertThrowsError(try DurableFile.createNew(gone + "/key.txt", style: .backup) { _ in }) { e in
            guard case BackupError.io(let path, "create", ENOENT) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(path, gone + "/key.txt")
        }
    }

    /// A directory whose fsync fails: the backup's new name is taken away again; the store's
    /// rewrite keeps its new file (the old one is already replaced) and reports the error.
    func testDirectorySyncFailure() throws {
        let failDirectory: DurableFile.SyncCall = { fd in
            var st = stat()
            fstat(fd, &st)
            if (st.st_mode & S_IFMT) == S_IFDIR { errno = EIO; return -1 }
            return fsync(fd)
        }
        for style in [DurableFile.Style.backup, .store] {
            let target = dir.path("new-\(style.removeWhenDirectoryUnsynced)")
            let t = try DurableFile.Temp(for: target, style: style)
            try [UInt8]([5, 6]).withUnsafeBytes { try t.write($0) }
            try t.sync()
            XCTAssertThrowsError(try t.place(at: target, replace: false, syncDirectory: failDirectory)) { e in
                switch e {
                case BackupError.io(_, "sync the directory", EIO), VaultError.io(_, "sync the directory", EIO): break
                default: XCTFail("got \(e)")
                }
            }
            XCTAssertEqual(FileSystem.exists(target), !style.removeWhenDirectoryUnsynced)
        }
        XCTAssertEqual(try names(), ["new-false"])
    }

    // MARK: no clobber

    func testNoClobberNeverReplacesAndRemovesTemp() throws {
        let target = dir.path("qr.png")
        try put(target, [1])
        XCTAssertThrowsError(try FileSystem.atomicWrite(target, replace: false) { f in try f.write([2], at: 0) }) { e in
            guard case VaultError.vaultExists(let p) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(p, target)
        }
        XCTAssertThrowsError(try DurableFile.createNew(target, style: .backup) { _ in XCTFail("body ran") }) { e in
            guard case BackupError.targetExists(let p, false) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(p, target)
        }
        XCTAssertEqual(try contents(target), [1])
        XCTAssertEqual(try names(), ["qr.png"])
    }

    func testCreateNewFailureRemovesTheFile() throws {
        struct Boom: Error {}
        let target = dir.path("key.txt")
        XCTAssertThrowsError(try DurableFile.createNew(target, style: .backup) { fd in
            _ = write(fd, "AGE", 3)
            throw Boom()
        })
        XCTAssertEqual(try names(), [])
    }

    // MARK: modes

    func testFilesAreExactly0600WhateverTheUmask() throws {
        let saved = umask(0)
        defer { umask(saved) }
        let replaced = dir.path("state")
        try put(replaced, [0], mode: 0o644)
        try FileSystem.atomicWrite(replaced, replace: true) { f in try f.write([1, 2], at: 0) }
        XCTAssertEqual(mode(replaced), 0o600)
        XCTAssertEqual(try contents(replaced), [1, 2])

        let fresh = dir.path("fresh")
        try FileSystem.atomicWrite(fresh, replace: false) { f in try f.write([3], at: 0) }
        XCTAssertEqual(mode(fresh), 0o600)

        let key = dir.path("key.txt")
        let secret = try SecretBytes(count: 4) { $0.copyBytes(from: [0x41, 0x47, 0x45, 0x0A]) }
        try PrivateFile.createKeyFile(key, secret)
        XCTAssertEqual(mode(key), 0o600)
        XCTAssertEqual(try contents(key), [0x41, 0x47, 0x45, 0x0A])

        let export = dir.path("tx.csv")
        try put(export, [0], mode: 0o664)
        let n = try PrivateFile.replace(export, renameOperation: "rename the export to") { fd, tmp in
            XCTAssertTrue(FileSystem.baseName(of: tmp).hasPrefix(".tx.csv.tmp-"), tmp)
            XCTAssertEqual(self.mode(tmp), 0o600)
            XCTAssertEqual(write(fd, "a,b\n", 4), 4)
            return 1
        }
        XCTAssertEqual(n, 1)
        XCTAssertEqual(mode(export), 0o600)
        XCTAssertEqual(String(decoding: try contents(export), as: UTF8.self), "a,b\n")
        XCTAssertEqual(try names(), ["fresh", "key.txt", "state", "tx.csv"])
    }

    // MARK: symbolic links

    func testSymlinkAtTargetIsNeverFollowed() throws {
        let outside = try TempDir()
        let victim = outside.path("victim")
        try put(victim, [0xEE])
        let link = dir.path("vault")
        XCTAssertEqual(symlink(victim, link), 0)

        // The store refuses to rewrite through a link.
        XCTAssertThrowsError(try FileSystem.atomicWrite(link, replace: true) { f in try f.write([1], at: 0) }) { e in
            guard case VaultError.symlinkRefused(let p) = e else { return XCTFail("got \(e)") }
            XCTAssertEqual(p, link)
        }
        // No-clobber creates (a QR code, a key file) fail on the link, dangling or not.
        XCTAssertThrowsError(try FileSystem.atomicWrite(link, replace: false) { f in try f.write([1], at: 0) })
        XCTAssertThrowsError(try PrivateFile.createKeyFile(link, try SecretBytes(count: 1) { $0[0] = 1 }))
        let dangling = dir.path("dangling")
        XCTAssertEqual(symlink(outside.path("nothing-here"), dangling), 0)
        XCTAssertThrowsError(try PrivateFile.createKeyFile(dangling, try SecretBytes(count: 1) { $0[0] = 1 })) { e in
            guard case BackupError.targetExists = e else { return XCTFail("got \(e)") }
        }
        XCTAssertFalse(FileSystem.exists(outside.path("nothing-here")))
        // An export replaces the link itself, never the file it points to.
        _ = try PrivateFile.replace(link, renameOperation: "rename the export to") { fd, _ in XCTAssertEqual(write(fd, "x", 1), 1) }
        XCTAssertEqual(try contents(victim), [0xEE])
        var st = stat()
        XCTAssertEqual(lstat(link, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFREG)
        XCTAssertEqual(try contents(link), Array("x".utf8))
        XCTAssertEqual(try names(), ["dangling", "vault"])
    }

    // MARK: write-all

    func testWriteAllRetriesShortWritesAndEINTR() throws {
        let path = dir.path("out")
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var calls = 0
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        try bytes.withUnsafeBytes { buf in
            try DurableFile.writeAll(fd, buf, path: path, style: .backup) { fd, p, n in
                calls += 1
                if calls % 3 == 0 { errno = EINTR; return -1 }
                return Glibc.write(fd, p, min(n, 7))
            }
        }
        XCTAssertEqual(try contents(path), bytes)
        XCTAssertGreaterThan(calls, 1000 / 7)
        // A write that takes nothing is an error, not a loop.
        XCTAssertThrowsError(try bytes.withUnsafeBytes { buf in
            try DurableFile.writeAll(fd, buf, path: path, style: .store) { _, _, _ in 0 }
        }) { e in
            guard case VaultError.io(path, "write", EIO) = e else { return XCTFail("got \(e)") }
        }
    }
}
