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
    /// Every object under `folder` (recursively), in one listing. A folder that does not
    /// exist yet is empty.
    public func list(_ folder: String, rclone: Rclone) throws -> [FleetObject] {
        var out: [UInt8] = []
        let o = try rclone.run(["lsjson", "-R", "--files-only", "--no-mimetype", "--no-modtime", folder], consumer: { out += $0 })
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

/// SHA-256 of everything written to one descriptor (the pipe into `rclone rcat`), as the
/// backup writer writes it.
private final class HashingIO: BackupIO, @unchecked Sendable {
    let target: Int32
    var state = crypto_hash_sha256_state()
    var bytes: Int64 = 0
    init(target: Int32) { self.target = target; _ = try? Sodium.ensure(); crypto_hash_sha256_init(&state) }
    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
        let n = Glibc.write(fd, buf, count)
        if fd == target && n > 0 {
            crypto_hash_sha256_update(&state, buf.assumingMemoryBound(to: UInt8.self), UInt64(n))
            bytes += Int64(n)
        }
        return n
    }
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buf, count) }
    func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
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

    /// Uploads one backup of the vault at `vaultPath` to `location`: the sealed backup first
    /// (written once: `If-None-Match: *`), read back and compared, then the signed manifest,
    /// read back and compared. Until the manifest is there the backup does not look whole.
    public func backup(vaultPath: String, to location: RcloneLocation, source: BackupSource) throws -> Result {
        guard let (enrolment, key) = try Vault.fleetEnrolment(path: vaultPath) else { throw FleetError.notEnrolled }
        let recipients = try enrolment.recipients.map { try AgeRecipient.parse($0) }
        let folder = location.terminalFolder(enrolment.terminalID)

        // Where the chain stands: the newest manifest under this prefix that this key signed.
        let objects = try location.list(folder, rclone: rclone)
        var maxSeq = 0
        var manifests: [(seq: Int, name: String)] = []
        for o in objects {
            guard let p = FleetManifest.parseName(o.name) else { continue }
            maxSeq = max(maxSeq, p.seq)
            if p.isManifest { manifests.append((p.seq, o.name)) }
        }
        manifests.sort { $0.seq > $1.seq }
        var previous: [UInt8]? = nil
        var skipped: [String] = []
        for m in manifests.prefix(8) {
            let bytes = try rclone.output("read", folder + "/" + m.name, ["cat", folder + "/" + m.name])
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
        let writeOnce = ["--header-upload", "If-None-Match: *", "--retries", "1"]

        // 1. The sealed backup, streamed into rclone rcat.
        var io: HashingIO? = nil
        var writeError: Error? = nil
        let up = try rclone.run(["rcat"] + writeOnce + [objectPath], producer: { fd in
            let h = HashingIO(target: fd)
            io = h
            var w = BackupWriter(recipients: recipients, progress: progress)
            w.io = h
            w.now = { created }
            do { _ = try w.write(from: source, to: .descriptor(fd, name: "rclone rcat")) } catch { writeError = error }
        })
        guard up.ok else { throw FleetError.remote(operation: "upload", target: objectPath, says: up.says) }
        if let writeError { throw writeError }
        guard let h = io else { throw FleetError.remote(operation: "upload", target: objectPath, says: "nothing was written") }
        let size = h.bytes
        let digest = h.digest()

        // 2. Read back what the remote holds and compare (length and SHA-256, constant time).
        let back = SHA256Sink()
        try rclone.check("read back", objectPath, ["cat", objectPath], consumer: { back.update($0) })
        let backDigest = back.digest()
        guard back.bytes == size, constantTimeEqual(backDigest, digest) else {
            _ = try? rclone.run(["deletefile", objectPath])
            throw FleetError.readBackMismatch(target: objectPath)
        }

        // 3. The signed manifest, written once and read back: from now on the backup is whole.
        let manifest = FleetManifest(terminalID: enrolment.terminalID, vaultID: enrolment.vaultID, seq: seq, created: created, size: size,
                                     sha256: digest, previous: previous, recipients: enrolment.recipients, signer: enrolment.signingPublicKey)
        let mbytes = try manifest.signed(with: key)
        try rclone.check("upload", manifestPath, ["rcat"] + writeOnce + [manifestPath], input: mbytes)
        let mback = try rclone.output("read back", manifestPath, ["cat", manifestPath])
        guard mback == mbytes else { throw FleetError.readBackMismatch(target: manifestPath) }
        return Result(location: location, objectPath: objectPath, manifestPath: manifestPath, manifest: manifest, skipped: skipped)
    }
}
