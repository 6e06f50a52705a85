import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The restore's pipeline (issue 17): decryption on a second thread into a bounded pool
/// (`BufferPipe`), the container checked and written on the calling thread, the fsync beside
/// the store's check. Every check a restore made before still fires, in stream order, on
/// backups of several pipeline buffers, and nothing is left behind.
final class RestorePipelineTests: XCTestCase {
    var dir: TempDir!
    var identity: AgeIdentity!
    var recipient: AgeRecipient!

    override func setUpWithError() throws {
        dir = try TempDir()
        identity = try AgeIdentity.generate()
        recipient = try identity.recipient()!
    }

    struct Boom: Error, Equatable { var at: Int }

    // MARK: BufferPipe

    /// Order is kept, and the producer never holds more than the pool: with a slow consumer it
    /// waits for buffers instead of running ahead.
    func testPipeKeepsOrderAndStaysBounded() throws {
        let lock = NSLock()
        var outstanding = 0, maxOutstanding = 0
        var got: [UInt8] = []
        try BufferPipe.run(count: 3, size: 16, label: "test", produce: { pipe in
            for i in 0..<200 {
                let p = try pipe.acquire()
                lock.lock(); outstanding += 1; maxOutstanding = max(maxOutstanding, outstanding); lock.unlock()
                p.storeBytes(of: UInt8(truncatingIfNeeded: i), as: UInt8.self)
                pipe.publish(p, count: 1)
            }
        }, consume: { b in
            if got.count % 50 == 0 { usleep(2000) }
            got.append(b[0])
            lock.lock(); outstanding -= 1; lock.unlock()
        })
        XCTAssertEqual(got, (0..<200).map { UInt8(truncatingIfNeeded: $0) })
        XCTAssertLessThanOrEqual(maxOutstanding, 3, "never more than the pool ahead")
    }

    /// A consumer failure stops the producer (which would otherwise run forever) and is the
    /// error thrown; a producer failure comes after everything it published before it.
    func testPipeFailuresInStreamOrder() {
        var consumed = 0
        XCTAssertThrowsError(try BufferPipe.run(count: 4, size: 8, label: "test", produce: { pipe in
            while true { pipe.publish(try pipe.acquire(), count: 8) }
        }, consume: { _ in
            consumed += 1
            if consumed == 3 { throw Boom(at: 3) }
        })) { XCTAssertEqual($0 as? Boom, Boom(at: 3)) }
        XCTAssertEqual(consumed, 3)

        var seen: [Int] = []
        XCTAssertThrowsError(try BufferPipe.run(count: 2, size: 8, label: "test", produce: { pipe in
            for i in 0..<5 {
                let p = try pipe.acquire()
                p.storeBytes(of: UInt8(i), as: UInt8.self)
                pipe.publish(p, count: 1)
            }
            throw Boom(at: 5)
        }, consume: { seen.append(Int($0[0])) })) { XCTAssertEqual($0 as? Boom, Boom(at: 5)) }
        XCTAssertEqual(seen, [0, 1, 2, 3, 4])
    }

    // MARK: restores of several buffers

    /// A vault of several pipeline buffers (and read-ahead batches), not a multiple of a chunk.
    static let size = 5 * AgeDecryptor.pipelineBufferSize + 12_345

    func makeBackup() throws -> (file: [UInt8], vault: [UInt8]) {
        let bytes = SecureRandom.bytes(Self.size)
        let src = dir.path("src")
        try Data(bytes).write(to: URL(fileURLWithPath: src))
        let out = dir.path("b.age")
        _ = try BackupWriter(recipients: [recipient]).write(from: FileBackupSource(path: src), to: .file(out))
        return ([UInt8](try Data(contentsOf: URL(fileURLWithPath: out))), bytes)
    }

    /// Where the STREAM chunks start: after the header's MAC line and the 16-byte nonce.
    func payloadStart(_ file: [UInt8]) throws -> Int {
        let mac = try XCTUnwrap(file.firstRange(of: Array("\n--- ".utf8)))
        let nl = try XCTUnwrap(file[mac.upperBound...].firstIndex(of: 0x0A))
        return nl + 1 + AgeStream.nonceSize
    }

    /// Restores `file` to dir/target/vault; returns the error and what the sink saw.
    func restore(_ file: [UInt8], io: BackupIO = SystemIO(), validate: ((String) throws -> RestoredVault)? = nil) throws -> Error? {
        let p = dir.path("in.age")
        unlink(p)
        try Data(file).write(to: URL(fileURLWithPath: p))
        let f = open(p, O_RDONLY)
        defer { close(f) }
        var r = BackupReader(identities: [identity])
        r.io = io
        do {
            _ = try r.restore(from: f, to: dir.path("target/vault"), replace: .nothing, identify: fakeIdentify,
                              validate: validate ?? { _ in RestoredVault(identity: fakeVaultID) })
            return nil
        } catch { return error }
    }

    func targetEntries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.path("target"))) ?? []).sorted() }

    func testLargeRestoreAndEveryPayloadFailureLeavesNothing() throws {
        let (file, bytes) = try makeBackup()
        var validated = false
        XCTAssertNil(try restore(file) { temp in
            validated = true
            // The hook sees the whole file while the fsync may still run.
            XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: temp))), bytes)
            return RestoredVault(identity: fakeVaultID)
        })
        XCTAssertTrue(validated)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path("target/vault")))), bytes)
        try FileManager.default.removeItem(atPath: dir.path("target"))

        let start = try payloadStart(file)
        let chunk = AgeStream.encryptedChunkSize
        let chunks = (file.count - start + chunk - 1) / chunk
        XCTAssertGreaterThan(chunks, 80)
        var cases: [(String, [UInt8], String)] = []
        // Cut at a chunk boundary in the middle: every chunk read authenticates, none is final.
        cases.append(("cut at chunk 40", Array(file[..<(start + 40 * chunk)]), "the file is truncated: it ends without a final chunk"))
        cases.append(("cut inside chunk 40", Array(file[..<(start + 40 * chunk + 100)]), "a chunk failed authentication"))
        cases.append(("cut before the last chunk", Array(file[..<(start + (chunks - 1) * chunk)]), "the file is truncated: it ends without a final chunk"))
        cases.append(("last byte cut", Array(file.dropLast()), "a chunk failed authentication"))
        for c in [1, 17, 40, chunks - 1] {
            var f = file
            f[start + c * chunk + 5000] ^= 0x20
            cases.append(("bad MAC in chunk \(c)", f, "a chunk failed authentication"))
        }
        // The final chunk here is short: bytes after it make it longer, so it fails (data after
        // a full final chunk is the testkit's `stream_trailing_garbage_*` vectors).
        cases.append(("a byte after the end", file + [0], "a chunk failed authentication"))
        cases.append(("a chunk after the end", file + Array(file[start..<(start + chunk)]), "a chunk failed authentication"))
        for (name, f, why) in cases {
            let e = try restore(f)
            XCTAssertEqual(e as? BackupError, .payloadInvalid(why), name)
            XCTAssertEqual(targetEntries(), [], "\(name): nothing left behind")
        }
    }

    /// The container is checked on the consumer's side as the plaintext arrives: a container
    /// error in the first buffer stops the decryption early (the test would hang if the
    /// producer were not stopped) and is the error reported, ahead of later damage.
    func testContainerFailureFirstStopsTheDecryption() throws {
        let junk = Array("VAULTCLI-BACKUX\n".utf8) + SecureRandom.bytes(Self.size)
        var sealed = try AgeFormatTests.encrypt(junk, to: [recipient])
        XCTAssertEqual(try restore(sealed) as? BackupError, .notABackup)
        // Damage far behind the bad magic: still the magic, the first in stream order.
        sealed[sealed.count - 1000] ^= 1
        XCTAssertEqual(try restore(sealed) as? BackupError, .notABackup)
        XCTAssertEqual(targetEntries(), [])

        // A manifest that says more vault than there is: truncated container after all chunks.
        let vault = SecureRandom.bytes(Self.size)
        let m = BackupContainer.manifest(BackupSnapshotInfo(vaultID: [1, 2], terminalID: "t", vaultFormatVersion: 2), size: vault.count + 1, created: Date())
        XCTAssertEqual(try restore(try AgeFormatTests.encrypt(try BackupContainer.prefix(m) + vault, to: [recipient])) as? BackupError, .containerTruncated)
        XCTAssertEqual(targetEntries(), [])
    }

    /// The fsync beside the store's check: a failed fsync is reported even when the check
    /// passes, a failed check even when the fsync passes; nothing is put in place either way.
    func testFsyncAndValidationFailuresLeaveNothing() throws {
        let (file, _) = try makeBackup()
        let io = FaultyIO()
        io.failFsync = true
        var checked = false
        let e = try restore(file, io: io) { _ in checked = true; return RestoredVault(identity: fakeVaultID) }
        guard case .io(_, "sync", EIO) = e as? BackupError else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(checked, "the check ran beside the fsync")
        XCTAssertEqual(targetEntries(), [])

        struct Damaged: Error {}
        XCTAssertTrue(try restore(file) { _ in throw Damaged() } is Damaged)
        XCTAssertEqual(targetEntries(), [])
        // Both fail: the device's failure is the one reported.
        XCTAssertNotNil(try restore(file, io: io) { _ in throw Damaged() } as? BackupError)
        XCTAssertEqual(targetEntries(), [])
    }

    /// A write failure on the consumer's side (the disk fills up mid-restore) stops the
    /// decryption and leaves nothing.
    func testFullDiskMidRestore() throws {
        let (file, _) = try makeBackup()
        for limit in [0, 100_000, 3_000_000] {
            let io = FaultyIO()
            io.failAfter = limit
            let e = try restore(file, io: io)
            guard case .io(_, "write", ENOSPC) = e as? BackupError else { return XCTFail("\(limit): \(String(describing: e))") }
            XCTAssertEqual(targetEntries(), [], "limit \(limit)")
        }
    }
}
