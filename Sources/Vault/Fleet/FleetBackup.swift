internal import CSodium
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One object in a fleet listing.
public struct FleetObject: Sendable, Equatable {
    /// Path under `vaultcli/v1/t/`: `<terminal>/<name>`.
    public var path: String
    public var size: Int64
    public var terminal: String { String(path.split(separator: "/", maxSplits: 1).first ?? "") }
    public var name: String { String(path.split(separator: "/").last ?? "") }
}

private struct LsjsonEntry: Decodable {
    var Path: String
    var Size: Int64
    var IsDir: Bool?
}

extension RcloneLocation {
    /// Every object under `folder` (recursively), in one recursive listing (`--fast-list`: on
    /// S3, pages of 1,000 keys for the whole tree instead of one listing per terminal). A
    /// folder that does not exist yet is empty.
    public func list(_ folder: String, rclone: Rclone) throws -> [FleetObject] {
        var out: [UInt8] = []
        let o = try rclone.run(["lsjson", "-R", "--fast-list", "--files-only", "--no-mimetype", "--no-modtime", folder], consumer: { out += $0 })
        if !o.ok {
            // rclone's exit 3: the directory is not there (a local or SFTP remote before the first backup).
            if o.status == 3 || o.stderr.contains("directory not found") { return [] }
            throw FleetError.remote(operation: "list", target: folder, says: o.says)
        }
        let entries: [LsjsonEntry]
        do { entries = try JSONDecoder().decode([LsjsonEntry].self, from: Data(out)) } catch {
            throw FleetError.remote(operation: "list", target: folder, says: "its listing is not the JSON rclone lsjson writes")
        }
        return entries.filter { $0.IsDir != true }.map { FleetObject(path: $0.Path, size: $0.Size) }
    }
}

/// SHA-256 of everything written to one descriptor, as the backup writer writes it; the bytes
/// go on through `send` (an HTTP chunk to rclone rcd, or a file).
private final class HashingIO: BackupIO, @unchecked Sendable {
    let target: Int32
    var state = crypto_hash_sha256_state()
    var bytes: Int64 = 0
    let send: ((UnsafeRawBufferPointer) -> Bool)?
    /// The store's checksum of what was sent (MD5, see StoreMD5), when libcrypto is there.
    let md5: StoreMD5?
    init(target: Int32, send: ((UnsafeRawBufferPointer) -> Bool)? = nil, md5: StoreMD5? = nil) {
        self.target = target
        self.send = send
        self.md5 = md5
        _ = try? Sodium.ensure()
        crypto_hash_sha256_init(&state)
    }
    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
        guard fd == target else { return Glibc.write(fd, buf, count) }
        let n: Int
        if let send {
            if !send(UnsafeRawBufferPointer(start: buf, count: count)) { errno = EPIPE; return -1 }
            n = count
        } else {
            n = Glibc.write(fd, buf, count)
        }
        if n > 0 {
            md5?.update(UnsafeRawBufferPointer(start: buf, count: n))
            crypto_hash_sha256_update(&state, buf.assumingMemoryBound(to: UInt8.self), UInt64(n))
            bytes += Int64(n)
        }
        return n
    }
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buf, count) }
    func fsync(_ fd: Int32) -> Int32 { fd == target && send != nil ? 0 : Glibc.fsync(fd) }
    func digest() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_hash_sha256_final(&state, &out)
        return out
    }
}

/// Incremental SHA-256 and a byte count, for a stream read from rclone.
public final class SHA256Sink: @unchecked Sendable {
    var state = crypto_hash_sha256_state()
    public private(set) var bytes: Int64 = 0
    public init() { _ = try? Sodium.ensure(); crypto_hash_sha256_init(&state) }
    public func update(_ b: UnsafeRawBufferPointer) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        crypto_hash_sha256_update(&state, p.assumingMemoryBound(to: UInt8.self), UInt64(b.count))
        bytes += Int64(b.count)
    }
    public func digest() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        crypto_hash_sha256_final(&state, &out)
        return out
    }
}

/// The terminal side of a fleet backup (docs/FORMAT.md C.3).
public struct FleetUploader {
    public struct Result: Sendable {
        public var location: RcloneLocation
        public var objectPath: String
        public var manifestPath: String
        public var manifest: FleetManifest
        /// Manifests under this terminal's prefix that did not verify under its own key (skipped
        /// when finding the previous one).
        public var skipped: [String]
    }

    public var rclone: Rclone
    public var progress: ((Int64) -> Void)?
    var now: () -> Date = Date.init

    /// A test-only clock for backfilling earlier nights with real backups: debug builds only
    /// (VAULTCLI_TESTING), and only beside the test KDF knob: `VAULTCLI_TEST_FLEET_NOW=<Unix
    /// seconds>`. A release build ignores it.
    static func testClock() -> Date? {
        #if VAULTCLI_TESTING
        guard KDFPolicy.testKnobActive, let s = ProcessInfo.processInfo.environment["VAULTCLI_TEST_FLEET_NOW"], let t = Double(s) else { return nil }
        return Date(timeIntervalSince1970: t)
        #else
        return nil
        #endif
    }

    public init(rclone: Rclone = Rclone(), progress: ((Int64) -> Void)? = nil) {
        self.rclone = rclone
        self.progress = progress
    }

    /// Uploads one backup of the vault at `vaultPath` to `location`, through one `rclone rcd`
    /// (docs/FORMAT.md C.4): list the prefix; read the newest manifest; stream the sealed
    /// backup in (written once: `If-None-Match: *`); read it back and compare (`readBack`: one
    /// listing); then the signed manifest, written once and read back the same way. Until the
    /// manifest is there the backup does not look whole.
    public func backup(vaultPath: String, to location: RcloneLocation, source: BackupSource) throws -> Result {
        guard let (enrolment, key) = try Vault.fleetEnrolment(path: vaultPath) else { throw FleetError.notEnrolled }
        let recipients = try enrolment.recipients.map { try AgeRecipient.parse($0) }
        let folder = location.terminalFolder(enrolment.terminalID)
        let fs = location.root
        let rel = RcloneLocation.terminalsFolder + "/" + enrolment.terminalID

        let server = try RcloneServer(rclone: rclone, flags: RcloneServer.backupFlags)
        defer { server.stop() }

        // Where the chain stands: the newest manifest under this prefix that this key signed.
        struct ListParams: Encodable {
            struct Opt: Encodable { var noModTime = true; var noMimeType = true; var filesOnly = true; var showHash = true; var hashTypes = ["md5"] }
            var fs: String; var remote: String; var opt = Opt()
        }
        struct Entry: Decodable { var Path: String; var Size: Int64; var IsDir: Bool?; var Hashes: [String: String]? }
        struct Listing: Decodable { var list: [Entry] }
        var entries: [Entry] = []
        do {
            let body = try server.call("operations/list", ListParams(fs: fs, remote: rel), operation: "list", target: folder)
            guard let l = try? JSONDecoder().decode(Listing.self, from: Data(body)) else {
                throw FleetError.remote(operation: "list", target: folder, says: "its listing is not the JSON rclone writes")
            }
            entries = l.list.filter { $0.IsDir != true }
        } catch FleetError.remote(_, _, let says) where says.contains("directory not found") {
            entries = []   // a local or SFTP remote before the first backup
        }
        var maxSeq = 0
        var manifests: [(seq: Int, name: String, size: Int64, md5: String?)] = []
        for e in entries {
            let n = String(e.Path.split(separator: "/").last ?? "")
            guard let p = FleetManifest.parseName(n) else { continue }
            maxSeq = max(maxSeq, p.seq)
            if p.isManifest { manifests.append((p.seq, n, e.Size, e.Hashes?["md5"])) }
        }
        manifests.sort { $0.seq > $1.seq }
        var previous: [UInt8]? = nil
        var skipped: [String] = []
        // The tip this terminal wrote last time, if the store still holds exactly it as the
        // newest manifest (name, size and the store's MD5): its hash without reading it back.
        if let newest = manifests.first, let tip = ChainTip.load(vaultID: enrolment.vaultID), tip.root == fs, tip.name == newest.name,
           tip.size == newest.size, let md5 = newest.md5, !md5.isEmpty, constantTimeEqual(Array(md5.lowercased().utf8), Array(tip.md5.utf8)),
           let h = [UInt8](hexString: tip.sha256), h.count == 32 {
            previous = h
        }
        for m in manifests.prefix(previous == nil ? 8 : 0) {
            let bytes = try server.readAll(fs: fs, path: rel + "/" + m.name, operation: "read", target: folder + "/" + m.name)
            if (try? FleetManifest.verify(bytes, name: m.name, expectedSigner: enrolment.signingPublicKey)) != nil {
                previous = FleetManifest.hash(bytes)
                break
            }
            skipped.append(m.name)
        }

        let created = Date(timeIntervalSince1970: floor((Self.testClock() ?? now()).timeIntervalSince1970))
        let seq = maxSeq + 1
        let base = FleetManifest.baseName(created: created, seq: seq)
        let objectPath = folder + "/" + base + ".age"
        let manifestPath = folder + "/" + base + ".manifest"

        // 1. The sealed backup, streamed into rclone as it is encrypted.
        let up = try RcloneServer.Upload(server: server, fs: fs, folder: rel, name: base + ".age", operation: "upload", target: objectPath)
        let h = HashingIO(target: up.fd, send: { up.chunk($0) }, md5: StoreMD5())
        var w = BackupWriter(recipients: recipients, progress: progress)
        w.io = h
        w.now = { created }
        do {
            _ = try w.write(from: source, to: .descriptor(up.fd, name: "rclone rcd"))
        } catch {
            // rclone's refusal (the store's words) explains a broken connection best.
            if up.broken, let e = up.finish() { throw e }
            _ = up.finish(abandon: true)
            throw error
        }
        if let e = up.finish() { throw e }
        let size = h.bytes
        let digest = h.digest()

        // 2. Read back what the store holds and compare, in one request where the store keeps an
        //    MD5 (docs/fleet.md, "Why a listing is a read-back"); else one download, compared by
        //    SHA-256. A difference deletes the object where the credential may.
        guard try readBack(server, fs: fs, folder: rel, name: base + ".age", target: objectPath, size: size, md5: h.md5?.hex(), sha256: digest) else {
            struct Del: Encodable { var fs: String; var remote: String }
            _ = try? server.call("operations/deletefile", Del(fs: fs, remote: rel + "/" + base + ".age"), operation: "delete", target: objectPath)
            throw FleetError.readBackMismatch(target: objectPath)
        }

        // 3. The signed manifest, written once and read back the same way: now the backup is whole.
        let manifest = FleetManifest(terminalID: enrolment.terminalID, vaultID: enrolment.vaultID, seq: seq, created: created, size: size,
                                     sha256: digest, previous: previous, recipients: enrolment.recipients, signer: enrolment.signingPublicKey)
        let mbytes = try manifest.signed(with: key)
        let mup = try RcloneServer.Upload(server: server, fs: fs, folder: rel, name: base + ".manifest", operation: "upload", target: manifestPath)
        mup.chunk(mbytes)
        if let e = mup.finish() { throw e }
        let mmd5 = StoreMD5.hex(of: mbytes)
        guard try readBack(server, fs: fs, folder: rel, name: base + ".manifest", target: manifestPath, size: Int64(mbytes.count),
                           md5: mmd5, sha256: Hash.sha256(mbytes)) else {
            throw FleetError.readBackMismatch(target: manifestPath)
        }
        if let mmd5 { ChainTip(root: fs, name: base + ".manifest", size: Int64(mbytes.count), md5: mmd5, sha256: FleetManifest.hash(mbytes).hexString).save(vaultID: enrolment.vaultID) }
        return Result(location: location, objectPath: objectPath, manifestPath: manifestPath, manifest: manifest, skipped: skipped)
    }

    /// Whether the store holds `name` as sent: one listing of just that name (`operations/list`
    /// with an include filter: one LIST request, no HEAD) gives its size and the store's MD5
    /// (the ETag of a single-part upload), compared with the size and MD5 of what was sent. When
    /// the listing has no MD5 (a multipart upload, a store whose ETag is not an MD5, no
    /// libcrypto here), the object is downloaded and its SHA-256 compared instead.
    func readBack(_ server: RcloneServer, fs: String, folder: String, name: String, target: String,
                  size: Int64, md5: String?, sha256: [UInt8]) throws -> Bool {
        if let md5 {
            struct Params: Encodable {
                struct Opt: Encodable { var noModTime = true; var noMimeType = true; var filesOnly = true; var showHash = true; var hashTypes = ["md5"] }
                struct Filter: Encodable { var IncludeRule: [String] }
                var fs: String; var remote: String; var opt = Opt(); var _filter: Filter
            }
            struct Entry: Decodable { var Name: String; var Size: Int64; var Hashes: [String: String]? }
            struct Listing: Decodable { var list: [Entry] }
            let body = try server.call("operations/list", Params(fs: fs, remote: folder, _filter: .init(IncludeRule: ["/" + folder + "/" + name])),
                                       operation: "read back", target: target)
            guard let l = try? JSONDecoder().decode(Listing.self, from: Data(body)) else {
                throw FleetError.remote(operation: "read back", target: target, says: "its listing is not the JSON rclone writes")
            }
            guard let e = l.list.first(where: { $0.Name == name }) else {
                throw FleetError.remote(operation: "read back", target: target, says: "it is not in the store's listing after the upload")
            }
            guard e.Size == size else { return false }
            if let theirs = e.Hashes?["md5"], !theirs.isEmpty {
                return constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
            }
        }
        let back = SHA256Sink()
        try server.read(fs: fs, path: folder + "/" + name, operation: "read back", target: target, consumer: { back.update($0) })
        return back.bytes == size && constantTimeEqual(back.digest(), sha256)
    }

    /// Writes a terminal's history of `times` (oldest first) as complete, chained, signed
    /// backups into a local tree `dir/vaultcli/v1/t/<terminal>/`, for uploading in one `rclone
    /// copy`: how the simulation backfills earlier nights. A test-only path, like the clock:
    /// debug builds beside the test KDF knob; elsewhere it refuses. Returns the backups written.
    /// With `root` (the `REMOTE:PATH` the tree will be uploaded to), the newest staged manifest
    /// becomes the terminal's chain tip, as if it had uploaded it.
    public static func stageHistory(vaultPath: String, times: [Date], into dir: String, root: String? = nil, source: BackupSource) throws -> Int {
        guard testClockAvailable else {
            throw FleetError.enrolmentRefused("staging a backfilled history is a test-only tool (a debug build with the test KDF knob)")
        }
        guard let (enrolment, key) = try Vault.fleetEnrolment(path: vaultPath) else { throw FleetError.notEnrolled }
        let recipients = try enrolment.recipients.map { try AgeRecipient.parse($0) }
        let folder = dir + "/" + RcloneLocation.terminalsFolder + "/" + enrolment.terminalID
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var previous: [UInt8]? = nil
        for (i, t) in times.enumerated() {
            let created = Date(timeIntervalSince1970: floor(t.timeIntervalSince1970))
            let seq = i + 1
            let base = FleetManifest.baseName(created: created, seq: seq)
            let path = folder + "/" + base + ".age"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw VaultError.io(path: path, operation: "create", errno: errno) }
            let h = HashingIO(target: fd)
            var w = BackupWriter(recipients: recipients)
            w.io = h
            w.now = { created }
            do { _ = try w.write(from: source, to: .descriptor(fd, name: path)) } catch { close(fd); throw error }
            close(fd)
            let m = FleetManifest(terminalID: enrolment.terminalID, vaultID: enrolment.vaultID, seq: seq, created: created, size: h.bytes,
                                  sha256: h.digest(), previous: previous, recipients: enrolment.recipients, signer: enrolment.signingPublicKey)
            let bytes = try m.signed(with: key)
            try FleetScratch.write(folder + "/" + base + ".manifest", bytes)
            previous = FleetManifest.hash(bytes)
            if i == times.count - 1, let root, let md5 = StoreMD5.hex(of: bytes) {
                ChainTip(root: root, name: base + ".manifest", size: Int64(bytes.count), md5: md5, sha256: previous!.hexString).save(vaultID: enrolment.vaultID)
            }
        }
        return times.count
    }

    /// Whether the test-only clock and history staging work in this build and environment.
    public static var testClockAvailable: Bool {
        #if VAULTCLI_TESTING
        return KDFPolicy.testKnobActive
        #else
        return false
        #endif
    }
}

/// The chain's tip as this terminal last wrote it (`$XDG_STATE_HOME/vaultcli/fleet-tip-<vault
/// id>`, 0600, written atomically): the newest manifest's name, size, the store's MD5 of it and
/// its SHA-256. When the next backup's listing shows that same manifest as the newest, with that
/// size and MD5, its SHA-256 is the new manifest's `prev` without reading it back (2 requests
/// fewer a night). Anything else (no tip, another device continued the chain, a restore onto a
/// new device) reads the manifests as before. The file is no more trusted than the vault: whoever
/// can change it can read the vault's signing key; a wrong tip only breaks the chain, which
/// `fleet verify` reports.
struct ChainTip: Codable {
    var root: String
    var name: String
    var size: Int64
    var md5: String
    var sha256: String

    static func path(vaultID: String) -> String { VaultLocation.stateDirectory() + "/fleet-tip-" + vaultID }

    static func load(vaultID: String) -> ChainTip? {
        guard vaultID.allSatisfy({ $0.isHexDigit }), let b = FleetScratch.read(path(vaultID: vaultID)), b.count < 4096 else { return nil }
        return try? JSONDecoder().decode(ChainTip.self, from: Data(b))
    }

    /// Best effort: without it the next backup reads the previous manifest.
    func save(vaultID: String) {
        guard vaultID.allSatisfy({ $0.isHexDigit }), let data = try? JSONEncoder().encode(self) else { return }
        let p = Self.path(vaultID: vaultID)
        try? FileSystem.ensureDirectory(FileSystem.directory(of: p))
        try? FileSystem.atomicWrite(p, replace: true) { f in try f.write(Array(data), at: 0) }
    }
}
