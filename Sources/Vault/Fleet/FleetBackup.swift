import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

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
    let sha = SHA256Hasher()
    var bytes: Int64 = 0
    let send: ((UnsafeRawBufferPointer) -> Bool)?
    /// The store's checksum of what was sent (MD5, see StoreMD5), when libcrypto is there.
    let md5: StoreMD5?
    init(target: Int32, send: ((UnsafeRawBufferPointer) -> Bool)? = nil, md5: StoreMD5? = nil) {
        self.target = target
        self.send = send
        self.md5 = md5
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
            sha.update(UnsafeRawBufferPointer(start: buf, count: n))
            bytes += Int64(n)
        }
        return n
    }
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buf, count) }
    func fsync(_ fd: Int32) -> Int32 { fd == target && send != nil ? 0 : Glibc.fsync(fd) }
    func digest() -> [UInt8] { sha.digest() }
}

/// Incremental SHA-256 and a byte count, for a stream read from rclone.
public final class SHA256Sink: @unchecked Sendable {
    let sha = SHA256Hasher()
    public private(set) var bytes: Int64 = 0
    public init() {}
    public func update(_ b: UnsafeRawBufferPointer) {
        guard b.count > 0 else { return }
        sha.update(b)
        bytes += Int64(b.count)
    }
    public func digest() -> [UInt8] { sha.digest() }
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
    /// (docs/FORMAT.md C.4), started first so that it reads its configuration while the vault
    /// is opened. Stream the sealed backup in (written once: `If-None-Match: *`); read it back
    /// and compare; then the signed manifest, written once and read back the same way. Until
    /// the manifest is there the backup does not look whole.
    ///
    /// Where the chain stands (the next seq, the previous manifest's hash) comes from a listing
    /// of the terminal's prefix. When this terminal keeps the chain's tip (its last manifest),
    /// the object is uploaded first as the tip's seq + 1, and the listing that reads it back
    /// is that listing: 4 requests. If it shows that the chain moved on without this terminal
    /// (another device, a manifest written after the tip was kept), the object is removed where
    /// the credential may, and the backup is made again from that listing, as without a tip.
    public func backup(vaultPath: String, to location: RcloneLocation, source: BackupSource) throws -> Result {
        let started = Swift.Result(catching: { try RcloneServer(rclone: rclone, flags: RcloneServer.backupFlags) })
        defer { if case .success(let s) = started { s.stop() } }
        guard let (enrolment, key) = try Vault.fleetEnrolment(path: vaultPath) else { throw FleetError.notEnrolled }
        let recipients = try enrolment.recipients.map { try AgeRecipient.parse($0) }
        let server = try started.get()
        let folder = location.terminalFolder(enrolment.terminalID)
        let fs = location.root
        let rel = RcloneLocation.terminalsFolder + "/" + enrolment.terminalID
        let step = Step(uploader: self, server: server, fs: fs, folder: folder, rel: rel, recipients: recipients, source: source)
        let created = Date(timeIntervalSince1970: floor((Self.testClock() ?? now()).timeIntervalSince1970))

        var skipped: [String] = []
        var sent: Step.Sent
        var previous: [UInt8]?
        var seq: Int
        if let tip = ChainTip.load(vaultID: enrolment.vaultID), tip.root == fs, let tipSeq = FleetManifest.parseName(tip.name)?.seq,
           let h = [UInt8](hexString: tip.sha256), h.count == 32 {
            // 1. The object as the tip's next, then one listing: its read-back and the chain.
            seq = tipSeq + 1
            previous = h
            sent = try step.upload(created: created, seq: seq)
            let entries = try step.listPrefix()
            let others = entries.filter { $0.name != sent.name }
            let chain = Step.chain(others)
            if chain.maxSeq == tipSeq, let newest = chain.manifests.first, tip.matches(newest) {
                try step.check(sent, listed: entries.first { $0.name == sent.name })
            } else {
                // The chain moved on: this object's seq is not the next one. It goes (where the
                // credential may delete), and the backup is made again as the chain stands.
                step.remove(sent)
                (previous, skipped) = try step.previous(chain.manifests, signer: enrolment.signingPublicKey)
                seq = Step.chain(entries).maxSeq + 1
                sent = try step.upload(created: created, seq: seq)
                try step.check(sent, listed: nil)
            }
        } else {
            // 1. Where the chain stands: the newest manifest under this prefix that this key signed.
            let chain = Step.chain(try step.listPrefix())
            (previous, skipped) = try step.previous(chain.manifests, signer: enrolment.signingPublicKey)
            seq = chain.maxSeq + 1
            sent = try step.upload(created: created, seq: seq)
            try step.check(sent, listed: nil)
        }

        // 3. The signed manifest, written once and read back the same way: now the backup is whole.
        let base = FleetManifest.baseName(created: created, seq: seq)
        let manifestPath = folder + "/" + base + ".manifest"
        let manifest = FleetManifest(terminalID: enrolment.terminalID, vaultID: enrolment.vaultID, seq: seq, created: created, size: sent.size,
                                     sha256: sent.sha256, previous: previous, recipients: enrolment.recipients, signer: enrolment.signingPublicKey)
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
        return Result(location: location, objectPath: sent.path, manifestPath: manifestPath, manifest: manifest, skipped: skipped)
    }

    /// The steps of one backup through one `rclone rcd`.
    struct Step {
        let uploader: FleetUploader
        let server: RcloneServer
        let fs: String, folder: String, rel: String
        let recipients: [AgeRecipient]
        let source: BackupSource

        struct Entry: Decodable { var Path: String; var Size: Int64; var IsDir: Bool?; var Hashes: [String: String]?
            var name: String { String(Path.split(separator: "/").last ?? "") } }
        struct Manifest { var seq: Int; var name: String; var size: Int64; var md5: String? }
        struct Sent { var name: String; var path: String; var size: Int64; var sha256: [UInt8]; var md5: String? }

        /// Every object under the terminal's prefix, with the store's MD5 (one LIST request).
        func listPrefix() throws -> [Entry] {
            struct ListParams: Encodable {
                struct Opt: Encodable { var noModTime = true; var noMimeType = true; var filesOnly = true; var showHash = true; var hashTypes = ["md5"] }
                var fs: String; var remote: String; var opt = Opt()
            }
            struct Listing: Decodable { var list: [Entry] }
            do {
                let body = try server.call("operations/list", ListParams(fs: fs, remote: rel), operation: "list", target: folder)
                guard let l = try? JSONDecoder().decode(Listing.self, from: Data(body)) else {
                    throw FleetError.remote(operation: "list", target: folder, says: "its listing is not the JSON rclone writes")
                }
                return l.list.filter { $0.IsDir != true }
            } catch FleetError.remote(_, _, let says) where says.contains("directory not found") {
                return []   // a local or SFTP remote before the first backup
            }
        }

        /// The highest seq of any object named as a backup or manifest, and the manifests, newest first.
        static func chain(_ entries: [Entry]) -> (maxSeq: Int, manifests: [Manifest]) {
            var maxSeq = 0
            var manifests: [Manifest] = []
            for e in entries {
                guard let p = FleetManifest.parseName(e.name) else { continue }
                maxSeq = max(maxSeq, p.seq)
                if p.isManifest { manifests.append(Manifest(seq: p.seq, name: e.name, size: e.Size, md5: e.Hashes?["md5"])) }
            }
            manifests.sort { $0.seq > $1.seq }
            return (maxSeq, manifests)
        }

        /// The hash of the newest manifest this key signed (read back, up to 8 tried), and those skipped.
        func previous(_ manifests: [Manifest], signer: [UInt8]) throws -> ([UInt8]?, [String]) {
            var skipped: [String] = []
            for m in manifests.prefix(8) {
                let bytes = try server.readAll(fs: fs, path: rel + "/" + m.name, operation: "read", target: folder + "/" + m.name)
                if (try? FleetManifest.verify(bytes, name: m.name, expectedSigner: signer)) != nil { return (FleetManifest.hash(bytes), skipped) }
                skipped.append(m.name)
            }
            return (nil, skipped)
        }

        /// The sealed backup, streamed into rclone as it is encrypted, as `<created>-<seq>.age`.
        func upload(created: Date, seq: Int) throws -> Sent {
            let name = FleetManifest.baseName(created: created, seq: seq) + ".age"
            let path = folder + "/" + name
            let up = try RcloneServer.Upload(server: server, fs: fs, folder: rel, name: name, operation: "upload", target: path)
            let h = HashingIO(target: up.fd, send: { up.chunk($0) }, md5: StoreMD5())
            var w = BackupWriter(recipients: recipients, progress: uploader.progress)
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
            return Sent(name: name, path: path, size: h.bytes, sha256: h.digest(), md5: h.md5?.hex())
        }

        /// 2. What the store holds compared with what was sent: by `listed` (the object's entry
        ///    in a listing made after the upload) when given, else by a listing of its name
        ///    (docs/fleet.md, "Why a listing is a read-back"). A difference deletes the object
        ///    where the credential may.
        func check(_ sent: Sent, listed: Entry?) throws {
            let same: Bool
            if let listed {
                if listed.Size != sent.size {
                    same = false
                } else if let md5 = sent.md5, let theirs = listed.Hashes?["md5"], !theirs.isEmpty {
                    same = constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
                } else {
                    // No MD5 to compare (a multipart upload, a store whose ETag is not one): a download.
                    same = try uploader.readBack(server, fs: fs, folder: rel, name: sent.name, target: sent.path, size: sent.size, md5: nil, sha256: sent.sha256)
                }
            } else {
                same = try uploader.readBack(server, fs: fs, folder: rel, name: sent.name, target: sent.path, size: sent.size, md5: sent.md5, sha256: sent.sha256)
            }
            guard same else {
                remove(sent)
                throw FleetError.readBackMismatch(target: sent.path)
            }
        }

        /// Deletes an object this backup wrote, where the credential may (best effort: one
        /// without a manifest never looks whole, and `fleet prune` removes it after two days).
        func remove(_ sent: Sent) {
            struct Del: Encodable { var fs: String; var remote: String }
            _ = try? server.call("operations/deletefile", Del(fs: fs, remote: rel + "/" + sent.name), operation: "delete", target: sent.path)
        }
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

    /// Whether `m` (the newest manifest a listing shows) is this tip: same name, size and MD5.
    func matches(_ m: FleetUploader.Step.Manifest) -> Bool {
        guard m.name == name, m.size == size, let theirs = m.md5, !theirs.isEmpty else { return false }
        return constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
    }

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
