import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The fleet manifest (FORMAT.md C.3), the roster and the prune rule, without a server.
final class FleetTests: XCTestCase {
    func manifest(seq: Int = 3, signer: [UInt8]) -> FleetManifest {
        FleetManifest(terminalID: "T-0017", vaultID: String(repeating: "ab", count: 16), seq: seq,
                      created: Date(timeIntervalSince1970: 1_764_640_800), size: 12345, sha256: Array(repeating: 7, count: 32),
                      previous: Array(repeating: 9, count: 32), recipients: ["age1qqqq", "age1pppp"], signer: signer)
    }

    func testASignedManifestVerifiesAndEveryChangedByteIsRefused() throws {
        let (sk, pk) = try Ed25519.generateKeyPair()
        let m = manifest(signer: pk)
        let bytes = try m.signed(with: sk)
        XCTAssertEqual(try FleetManifest.verify(bytes, name: m.manifestName, expectedSigner: pk), m)
        XCTAssertEqual(m.manifestName, "20251202T020000Z-00000003.manifest")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("vaultcli-fleet-manifest 1\nterminal T-0017\n"))
        // Every single-byte change is refused (signature, form or canonical text).
        for i in bytes.indices {
            var b = bytes
            b[i] ^= 0x01
            XCTAssertThrowsError(try FleetManifest.verify(b, name: m.manifestName, expectedSigner: pk), "byte \(i)")
        }
        // Truncated or extended.
        XCTAssertThrowsError(try FleetManifest.verify(Array(bytes.dropLast()), name: m.manifestName, expectedSigner: pk))
        XCTAssertThrowsError(try FleetManifest.verify(bytes + Array("x\n".utf8), name: m.manifestName, expectedSigner: pk))
    }

    func testAManifestSignedByAnotherKeyOrBesideAnotherObjectIsRefused() throws {
        let (sk, pk) = try Ed25519.generateKeyPair()
        let (otherSK, otherPK) = try Ed25519.generateKeyPair()
        let m = manifest(signer: pk)
        let bytes = try m.signed(with: sk)
        // The roster holds another key for this terminal (a forger's own, valid signature).
        let forged = try manifest(signer: otherPK).signed(with: otherSK)
        XCTAssertThrowsError(try FleetManifest.verify(forged, name: m.manifestName, expectedSigner: pk)) { e in
            XCTAssertTrue((e as? FleetError)?.message.contains("not signed by terminal T-0017's key") == true, "\(e)")
        }
        // Copied under another name (a replay beside another object).
        XCTAssertThrowsError(try FleetManifest.verify(bytes, name: "20251202T020000Z-00000004.manifest", expectedSigner: pk))
        // Signed with a key that is not the one it names.
        var lie = manifest(signer: pk)
        lie.signer = otherPK
        XCTAssertThrowsError(try FleetManifest.verify(try lie.signed(with: sk), name: m.manifestName, expectedSigner: nil))
    }

    func testObjectNamesParseStrictly() {
        XCTAssertEqual(FleetManifest.parseName("20251202T020000Z-00000003.age")?.seq, 3)
        XCTAssertEqual(FleetManifest.parseName("20251202T020000Z-00000003.manifest")?.isManifest, true)
        for bad in ["20251202T020000Z-3.age", "20251302T020000Z-00000003.age", "20251202T020000Z-00000000.age",
                    "x20251202T020000Z-00000003.age", "20251202T020000Z-0000000a.age", "20251202T020000Z-00000003.agex"] {
            XCTAssertNil(FleetManifest.parseName(bad), bad)
        }
    }

    func testTheRosterNamesItsMistakes() throws {
        let k = String(repeating: "0f", count: 32)
        let r = try FleetRoster.parse("# head office\n\nT-1 ed25519:\(k)  # shop 1\nT-2\ted25519:\(k)\n", path: "r")
        XCTAssertEqual(r.terminals.map { $0.id }, ["T-1", "T-2"])
        for (text, line) in [("T-1 ed25519:\(k)\nT-1 ed25519:\(k)\n", 2), ("T 1 ed25519:\(k)\n", 1), ("T-1 ed25519:00\n", 1),
                             ("T-1 \(k)\n", 1), ("T-01234567890123456 ed25519:\(k)\n", 1)] {
            XCTAssertThrowsError(try FleetRoster.parse(text, path: "r")) { e in
                guard case .rosterInvalid(_, let l, _)? = e as? FleetError else { return XCTFail("\(e)") }
                XCTAssertEqual(l, line, text)
            }
        }
    }

    func testPruneKeepsTheNewestOfEachDayAndWeekAndNeverTheNewestVerified() throws {
        let day = 86400.0
        let now = Date(timeIntervalSince1970: 1_764_633_600 + 12 * 3600)  // a Tuesday, 12:00 UTC
        var objects: [FleetObject] = []
        var seq = 0
        // Two backups a day for 30 days.
        for k in (0..<30).reversed() {
            for h in [1.0, 3.0] {
                seq += 1
                let base = FleetManifest.baseName(created: Date(timeIntervalSince1970: floor(now.timeIntervalSince1970 / day) * day - Double(k) * day + h * 3600), seq: seq)
                objects.append(FleetObject(path: "T-1/\(base).age", size: 100))
                objects.append(FleetObject(path: "T-1/\(base).manifest", size: 10))
            }
        }
        let (_, pk) = try Ed25519.generateKeyPair()
        let inspector = FleetInspector(location: RcloneLocation(root: "x:y"), roster: FleetRoster(terminals: [("T-1", pk)]), now: now)
        // The newest verified is an older one (say the newer ones were refused... or not yet
        // checked): it is kept whatever the rule says.
        var status = FleetTerminalStatus(terminal: "T-1", state: .ok)
        let newestParsed = FleetManifest.parseName(objects[20].name)!
        status.newest = FleetManifest(terminalID: "T-1", vaultID: "", seq: newestParsed.seq, created: newestParsed.created, size: 100,
                                      sha256: [], previous: nil, recipients: [], signer: pk)
        let report = FleetReport(terminals: [status], unknown: [], objects: objects.count)
        let plan = Set(inspector.prunePlan(objects, report: report, keepDaily: 3, keepWeekly: 2))
        let kept = Set(objects.map { $0.path }).subtracting(plan)
        let keptBases = Set(kept.map { String($0.split(separator: ".").first!) })
        // Daily: the later backup of days 0, -1, -2 (seq 60, 58, 56). Weekly: the newest of this
        // week (seq 60) and of last week (Sunday, day -2: seq 56). Plus the newest verified.
        let expected = Set([60, 58, 56, newestParsed.seq])
        XCTAssertEqual(Set(keptBases.map { Int($0.split(separator: "-").last!)! }), expected)
        XCTAssertEqual(kept.count, expected.count * 2, "each kept backup keeps both objects")
    }
}

/// The backup's read-back through one `rclone rcd` (real rclone; a local remote, whose listing
/// hashes what is on disk): it must tell the bytes sent from the bytes the store holds.
final class FleetReadBackTests: XCTestCase {
    func testTheReadBackComparesWhatTheStoreHoldsWithWhatWasSent() throws {
        let tools = (ProcessInfo.processInfo.environment["VAULTCLI_FLEET_TOOLS"] ?? "/usr/local/lib/vaultcli-fleet-tools") + "/bin"
        guard FileManager.default.isExecutableFile(atPath: tools + "/rclone") else { throw XCTSkip("rclone is not installed in \(tools)") }
        let dir = try FleetScratch.make()
        defer { FleetScratch.remove(dir) }
        let store = dir + "/store"
        try FileManager.default.createDirectory(atPath: store + "/t", withIntermediateDirectories: true)
        let server = try RcloneServer(rclone: Rclone(executable: tools + "/rclone"), flags: ["--config", "/dev/null"])
        defer { server.stop() }
        XCTAssertNotNil(StoreMD5(), "libcrypto's MD5 is there (the one-request read-back)")

        let sent = Array("a backup, as vaultcli sent it\n".utf8)
        let up = try RcloneServer.Upload(server: server, fs: store, folder: "t", name: "x.age", operation: "upload", target: "x.age")
        up.chunk(sent)
        XCTAssertNil(up.finish())
        let uploader = FleetUploader(rclone: server.rclone)
        let md5 = StoreMD5.hex(of: sent)
        XCTAssertEqual(md5, "52792b1e3750b66a26c303e2c07b185a", "MD5 as md5sum computes it")
        // As sent: by the listing (MD5) and by a download (SHA-256).
        XCTAssertTrue(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: md5, sha256: Hash.sha256(sent)))
        XCTAssertTrue(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: nil, sha256: Hash.sha256(sent)))
        // The store now holds other bytes of the same length: both ways say so.
        var other = sent
        other[3] ^= 1
        try Data(other).write(to: URL(fileURLWithPath: store + "/t/x.age"))
        XCTAssertFalse(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: md5, sha256: Hash.sha256(sent)))
        XCTAssertFalse(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: nil, sha256: Hash.sha256(sent)))
        // Shorter: the size alone says so.
        try Data(sent.dropLast()).write(to: URL(fileURLWithPath: store + "/t/x.age"))
        XCTAssertFalse(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: md5, sha256: Hash.sha256(sent)))
        // Gone: an error that names it, not a pass.
        try FileManager.default.removeItem(atPath: store + "/t/x.age")
        XCTAssertThrowsError(try uploader.readBack(server, fs: store, folder: "t", name: "x.age", target: "x.age", size: Int64(sent.count), md5: md5, sha256: Hash.sha256(sent)))
    }

    /// A backup killed outright leaves its socket's directory; the next backup removes it (and
    /// nothing else: not a live socket, not a directory with other files, not a fresh one).
    func testAKilledBackupsSocketDirectoryIsRemovedByTheNext() throws {
        func socketDir(listening: Bool, extra: Bool, old: Bool) throws -> (String, Int32) {
            let d = try FleetScratch.make()
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_un()
            addr.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array((d + "/rc").utf8)
            withUnsafeMutableBytes(of: &addr.sun_path) { p in for (i, b) in bytes.enumerated() { p[i] = b }; p[bytes.count] = 0 }
            XCTAssertEqual(withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }, 0)
            if listening { XCTAssertEqual(listen(fd, 1), 0) } else { close(fd) }
            if extra { FileManager.default.createFile(atPath: d + "/files", contents: Data()) }
            if old { var t = [timeval(tv_sec: time(nil) - 600, tv_usec: 0), timeval(tv_sec: time(nil) - 600, tv_usec: 0)]; XCTAssertEqual(utimes(d, &t), 0) }
            return (d, listening ? fd : -1)
        }
        let (stale, _) = try socketDir(listening: false, extra: false, old: true)
        let (live, liveFD) = try socketDir(listening: true, extra: false, old: true)
        let (other, _) = try socketDir(listening: false, extra: true, old: true)
        let (fresh, _) = try socketDir(listening: false, extra: false, old: false)
        defer { close(liveFD); for d in [live, other, fresh] { FleetScratch.remove(d) } }
        RcloneServer.removeStaleSockets()
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        for d in [live, other, fresh] { XCTAssertTrue(FileManager.default.fileExists(atPath: d + "/rc"), d) }
    }
}
