import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// File-system helpers shared by the writer and the reader.
enum BackupFS {
    static func dirname(_ path: String) -> String { FileSystem.directory(of: path) }

    /// A new file next to the final one `final`: `.vaultcli-tmp-XXXXXXXXXXXX`, O_EXCL, mode
    /// 0600, locked (StaleTemps) while it lives; leftovers of killed writers in its directory
    /// are removed first. Removed when dropped unless placed.
    static func createTemp(for final: String) throws -> DurableFile.Temp {
        try DurableFile.Temp(for: final, style: .backup)
    }

    static func fsyncDirectory(_ dir: String, io: BackupIO) throws {
        try DurableFile.syncDirectory(dir, style: .backup, sync: io.fsync)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    static func compactUTC(_ d: Date) -> String { UTCTime.compact(d) }

    static func parseCompactUTC(_ s: String) -> Date? { UTCTime.parseCompact(s) }
}

/// One backup file found in a directory (`backup list`).
public struct BackupListing: Sendable, Equatable {
    public var name: String
    public var path: String
    public var terminalID: String
    public var created: Date
    public var size: Int64
}

/// Writes a backup: the container, encrypted to age, to a directory, a file, or a descriptor.
public struct BackupWriter {
    public enum Target: Sendable {
        /// A directory: the file is named `vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age`.
        case directory(String)
        /// A file path (replaced atomically if it exists).
        case file(String)
        /// A stream (stdout, a pipe): written directly, no read-back.
        case descriptor(Int32, name: String)
    }

    public struct Result: Sendable {
        /// The final path (nil for a descriptor).
        public var path: String?
        public var bytesWritten: Int64
        public var manifest: BackupManifest
        /// Backups deleted by `keep`.
        public var removed: [String]
        /// Whether the new backup carries a marker (B.6): `keep` counts and deletes only
        /// backups whose marker names this vault and verifies.
        public var marked: Bool = false
        /// Why it carries none (when not `marked`).
        public var noMarkerReason: String? = nil
        /// Files named like this terminal's backups that `keep` left alone because they carry
        /// no marker of this vault (older or passphrase backups, other vaults' files).
        public var keptUnmarked: [String] = []
        /// Files whose marker names this vault but does not verify (forged or damaged), or is
        /// dated after the new backup: never counted, never deleted.
        public var suspicious: [String] = []
    }

    public var recipients: [AgeRecipient]
    public var armor: Bool
    /// Keep only the newest N backups of this vault in the directory (after the new one is in
    /// place): those whose marker names this vault and verifies (B.6), never by file name.
    public var keep: Int?
    /// Called with (bytes written so far) now and then, for a progress line.
    public var progress: ((Int64) -> Void)?
    var io: BackupIO = SystemIO()
    var now: () -> Date = Date.init
    /// The read-back's segment (a multiple of 4096; tests make it small).
    var readBackSegment = BackupWriter.readBackSegmentSize

    public init(recipients: [AgeRecipient], armor: Bool = false, keep: Int? = nil, progress: ((Int64) -> Void)? = nil) {
        self.recipients = recipients
        self.armor = armor
        self.keep = keep
        self.progress = progress
    }

    /// The file name for a backup of `terminalID` taken at `date`.
    public static func fileName(terminalID: String, date: Date) -> String {
        "vaultcli-\(safeTerminal(terminalID))-\(BackupFS.compactUTC(date)).age"
    }

    /// The terminal id as it appears in file names: [A-Za-z0-9._-], others as "_".
    static func safeTerminal(_ terminalID: String) -> String {
        let safe = String(terminalID.unicodeScalars.map { c -> Character in
            (c.isASCII && (isFoundationAlphanumeric(c) || c == "." || c == "_" || c == "-")) ? Character(c) : "_"
        })
        return safe.isEmpty ? "terminal" : safe
    }

    /// Writes one backup from `source` to `target`. On any failure nothing with the final name
    /// is left behind (the temporary file is removed) and the error says why.
    public func write(from source: BackupSource, to target: Target) throws -> Result {
        try AgeEncryptor.validate(recipients)
        let created = now()
        return try source.withConsistentSnapshot { info, fd, length in
            let manifest = BackupContainer.manifest(info, size: length, created: created)
            let reader = ContainerReader(prefix: try BackupContainer.prefix(manifest), fd: fd, length: length)
            let identity = VaultIdentity(vaultId: manifest.vaultID, terminalId: info.terminalID)
            // The marker (B.6): not beside a passphrase, which age requires to stand alone.
            var trailer: (([UInt8]) throws -> AgeStanza)? = nil
            var noMarker = info.noMarkerReason ?? "the vault has no backup marker key"
            if let key = info.markerMACKey {
                if recipients.contains(where: { if case .scrypt = $0 { true } else { false } }) {
                    noMarker = "a passphrase backup carries no marker (age allows no other stanza beside a passphrase)"
                } else {
                    trailer = { BackupMarker.stanza(headerBefore: $0, vaultID: identity.vaultId, terminalID: identity.terminalId, created: created, macKey: key) }
                }
            }
            func result(_ path: String?, _ written: Int64) -> Result {
                Result(path: path, bytesWritten: written, manifest: manifest, removed: [], marked: trailer != nil,
                       noMarkerReason: trailer == nil ? noMarker : nil)
            }
            switch target {
            case .descriptor(let out, let name):
                if !armor && isatty(out) == 1 { throw BackupError.refuseBinaryToTerminal }
                var written: Int64 = 0
                try AgeEncryptor.encrypt(recipients: recipients, armor: armor, trailer: trailer, plaintextIsSecret: false, pipelined: true,
                                         read: { try reader.read(into: $0) }, write: { buf in
                    try DurableFile.writeAll(out, buf, path: name, style: .backup, write: io.write)
                    written += Int64(buf.count)
                    progress?(written)
                })
                return result(nil, written)
            case .directory(let dir):
                let final = dir + "/" + Self.fileName(terminalID: info.terminalID, date: created)
                if BackupFS.exists(final) { throw BackupError.targetExists(path: final, forceAllowed: false) }
                let written = try writeAtomically(reader: reader, final: final, replace: false, trailer: trailer)
                var r = result(final, written)
                // Without a marker on the new backup, nothing is counted and nothing deleted.
                if let keep, trailer != nil, let key = info.markerMACKey {
                    let p = try Self.prune(dir: dir, identity: identity, macKey: key, justWritten: final, keep: keep, io: io)
                    r.removed = p.removed
                    r.keptUnmarked = p.unmarked
                    r.suspicious = p.suspicious
                }
                return r
            case .file(let path):
                let written = try writeAtomically(reader: reader, final: path, replace: true, trailer: trailer)
                return result(path, written)
            }
        }
    }

    /// Temp file, encrypt while taking a keyed digest, read back and compare, then rename into
    /// place and fsync the directory. The read-back overlaps the encryption: each finished
    /// segment is written to the device and read back from it on a second thread (in order,
    /// into a second keyed digest) while the next one is encrypted; after the final fsync the
    /// rest is read back and the two digests and lengths are compared.
    private func writeAtomically(reader: ContainerReader, final: String, replace: Bool,
                                 trailer: (([UInt8]) throws -> AgeStanza)?) throws -> Int64 {
        let t = try BackupFS.createTemp(for: final)
        let fd = t.fd, temp = t.path
        let key = try Poly1305Stream.newKey()
        let digest = try Poly1305Stream(key: key)
        let pipeline = ReadBackPipeline(fd: fd, path: temp, readBack: try ReadBack(path: temp, key: key, io: io))
        // Runs before the descriptor is closed (the temp lives until then): no segment is in
        // flight after this.
        defer { pipeline.stop(); withExtendedLifetime(t) {} }
        let segment = Int64(readBackSegment)
        var written: Int64 = 0
        try AgeEncryptor.encrypt(recipients: recipients, armor: armor, trailer: trailer, plaintextIsSecret: false, pipelined: true,
                                         read: { try reader.read(into: $0) }, write: { buf in
            try t.write(buf, write: io.write)
            digest.update(buf)
            written += Int64(buf.count)
            progress?(written)
            try pipeline.submit(upTo: written / segment * segment)
        })
        try t.sync(io.fsync)
        try pipeline.finish(expectedLength: written, expectedTag: digest.finalize())
        try t.close()
        // No-clobber for a directory's new name (link(2)); a file target is replaced. If the
        // directory's fsync fails the new name is taken away again (Style.backup).
        try t.place(at: final, replace: replace, renameOperation: "rename the finished backup to", syncDirectory: io.fsync)
        return written
    }

    /// The read-back's buffer: a multiple of any logical block size, 4096-aligned for O_DIRECT.
    static let readBackBufferSize = 4 << 20
    /// The read-back runs behind the writer in segments of this size (a multiple of the buffer).
    static let readBackSegmentSize = 16 << 20

    /// How the last read-back read the file (for tests).
    enum ReadBackMode: Equatable { case direct, buffered }

    /// Reads a synced file back whole and compares its length and keyed digest with what was
    /// written (see `ReadBack`).
    @discardableResult
    func readBack(_ path: String, expectedLength: Int64, expectedTag: [UInt8], key: SecretBytes) throws -> ReadBackMode {
        let r = try ReadBack(path: path, key: key, io: io)
        r.dropCache(from: 0)
        return try r.finish(expectedLength: expectedLength, expectedTag: expectedTag)
    }

    /// Lists `vaultcli-*.age` backups in `dir`, newest first (by the time in the name).
    public static func list(dir: String) throws -> [BackupListing] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw BackupError.io(path: dir, operation: "list", errno: (error as? CocoaError)?.code == .fileReadNoSuchFile ? ENOENT : EACCES)
        }
        var out: [BackupListing] = []
        for name in names where name.hasPrefix("vaultcli-") && name.hasSuffix(".age") {
            let stem = name.dropFirst("vaultcli-".count).dropLast(".age".count)
            guard stem.count > 17 else { continue }
            let time = String(stem.suffix(16))
            let sep = stem.dropLast(16).last
            guard sep == "-", let date = BackupFS.parseCompactUTC(time) else { continue }
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out.append(BackupListing(name: name, path: path, terminalID: String(stem.dropLast(17)), created: date, size: Int64(st.st_size)))
        }
        return out.sorted { ($0.created, $0.name) > ($1.created, $1.name) }
    }

    /// Deletes this vault's oldest backups beyond `keep` (B.6). A file counts only when it is a
    /// regular file named `vaultcli-*.age` whose age header carries a marker that names this
    /// vault (vault id and terminal id) and verifies under this vault's marker key; its time is
    /// the marker's, not the name's. The backup just written is always kept, and so is every
    /// file whose marker does not verify or is dated after it. Nothing else is ever deleted.
    static func prune(dir: String, identity: VaultIdentity, macKey: SecretBytes, justWritten: String, keep: Int,
                      io: BackupIO) throws -> (removed: [String], unmarked: [String], suspicious: [String]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw BackupError.io(path: dir, operation: "list", errno: EACCES)
        }
        let myPrefix = "vaultcli-\(safeTerminal(identity.terminalId))-"
        var newest: Date? = nil
        var mine: [(path: String, created: Date)] = []
        var unmarked: [String] = [], suspicious: [String] = []
        for name in names.sorted() where name.hasPrefix("vaultcli-") && name.hasSuffix(".age") {
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            guard let m = BackupMarker.read(path: path), m.vaultID == identity.vaultId, m.terminalID == identity.terminalId else {
                if name.hasPrefix(myPrefix) { unmarked.append(path) }
                continue
            }
            guard m.verifies(macKey: macKey) else { suspicious.append(path); continue }
            if path == justWritten { newest = m.created }
            mine.append((path, m.created))
        }
        // The new backup must read back with its own marker; else count nothing.
        guard let newest else { return ([], unmarked, suspicious) }
        let counted = mine.filter { $0.path != justWritten && $0.created <= newest }
        suspicious += mine.filter { $0.path != justWritten && $0.created > newest }.map(\.path)
        let older = counted.sorted { ($0.created, $0.path) > ($1.created, $1.path) }
        guard keep >= 1, older.count > keep - 1 else { return ([], unmarked, suspicious) }
        var removed: [String] = []
        for old in older[(keep - 1)...] {
            if unlink(old.path) != 0 { throw BackupError.io(path: old.path, operation: "delete the old backup", errno: errno) }
            removed.append(old.path)
        }
        try BackupFS.fsyncDirectory(dir, io: io)
        return (removed, unmarked, suspicious)
    }
}

/// Reads a file back from the device, from the start and in order, into a keyed digest.
/// O_DIRECT where the file system allows it, so the bytes come from the device and not from
/// the page cache; where it does not (tmpfs: EINVAL), buffered reads of ranges whose clean
/// pages POSIX_FADV_DONTNEED dropped first.
final class ReadBack: @unchecked Sendable {
    private let path: String
    private let io: BackupIO
    private let fd: Int32
    private let direct = LinuxIO.oDirect
    private var mode = BackupWriter.ReadBackMode.direct
    /// What the read-back is reported as: buffered only if the device was never read directly.
    private var reported = BackupWriter.ReadBackMode.direct
    private let digest: Poly1305Stream
    private let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: BackupWriter.readBackBufferSize, alignment: 4096)
    private var total: Int64 = 0
    private var atEOF = false

    init(path: String, key: SecretBytes, io: BackupIO) throws {
        self.path = path
        self.io = io
        var fd = direct != 0 ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | direct) : -1
        if fd < 0 {
            if direct != 0 && errno != EINVAL {
                buf.deallocate()
                throw BackupError.io(path: path, operation: "reopen for the read-back check", errno: errno)
            }
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if fd < 0 {
                buf.deallocate()
                throw BackupError.io(path: path, operation: "reopen for the read-back check", errno: errno)
            }
            mode = .buffered
            reported = .buffered
        }
        self.fd = fd
        do { digest = try Poly1305Stream(key: key) } catch {
            close(fd)
            buf.deallocate()
            throw error
        }
    }

    deinit {
        close(fd)
        buf.deallocate()
    }

    /// Drops the clean (synced) pages from `offset` on (`length` 0: to the end), so that a
    /// buffered read of them comes from the device. Harmless for O_DIRECT.
    func dropCache(from offset: Int64, length: Int64 = 0) {
        _ = posix_fadvise(fd, off_t(offset), off_t(length), POSIX_FADV_DONTNEED)
    }

    /// Reads on until `limit` bytes in all were read (a multiple of the buffer size) or the
    /// file ends; nil: to the end of the file.
    func read(upTo limit: Int64?) throws {
        while !atEOF {
            var want = buf.count
            if let limit {
                if total >= limit { return }
                want = min(want, Int(limit - total))
            }
            let n: Int
            if mode == .direct {
                // A full aligned length each time: the last read returns the short tail.
                let r = io.read(fd, buf.baseAddress!, want)
                if r < 0 {
                    if errno == EINTR { continue }
                    if errno == EINVAL && total == 0 { fallBackToBuffered(); reported = .buffered; continue }
                    throw BackupError.io(path: path, operation: "read", errno: errno)
                }
                n = r
            } else {
                n = try readSome(io, fd: fd, into: UnsafeMutableRawBufferPointer(rebasing: buf[0..<want]), path: path)
            }
            if n == 0 { atEOF = true; break }
            digest.update(UnsafeRawBufferPointer(rebasing: buf[0..<n]))
            total += Int64(n)
            if mode == .direct && n % 512 != 0 {
                // A short, unaligned read is the end of the file; one more read confirms it
                // (O_DIRECT needs an aligned offset, so that one goes through the page cache).
                fallBackToBuffered()
            }
        }
    }

    private func fallBackToBuffered() {
        // Clear O_DIRECT on the open descriptor (the file offset is unchanged by the failed read).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~direct)
        mode = .buffered
    }

    /// Reads the rest and compares the length and the digest. Call once, after the final fsync.
    func finish(expectedLength: Int64, expectedTag: [UInt8]) throws -> BackupWriter.ReadBackMode {
        try read(upTo: nil)
        let tag = digest.finalize()
        guard total == expectedLength, constantTimeEqual(tag, expectedTag) else { throw BackupError.readBackMismatch(path: path) }
        return reported
    }
}

/// Runs a `ReadBack` behind the writer on a serial queue: each submitted segment is written
/// to the device and waited for (sync_file_range: data only; the final fsync adds the
/// metadata and the device cache flush), its pages dropped, and then read back.
final class ReadBackPipeline: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    private let readBack: ReadBack
    private let queue = DispatchQueue(label: "vaultcli.readback")
    private let lock = Lock()
    private var failure: Error?
    private var stopped = false
    /// The end of the last segment submitted (writer thread only).
    private var submitted: Int64 = 0

    init(fd: Int32, path: String, readBack: ReadBack) {
        self.fd = fd
        self.path = path
        self.readBack = readBack
    }

    private var error: Error? { lock.withLock { failure } }

    /// Hands [last end, `end`) to the reader, if non-empty; throws a failure the reader met.
    func submit(upTo end: Int64) throws {
        if let e = error { throw e }
        guard end > submitted else { return }
        let start = submitted
        submitted = end
        queue.async { [self] in
            guard lock.withLock({ failure == nil && !stopped }) else { return }
            do {
                if LinuxIO.syncRange(fd, offset: start, length: end - start) != 0 {
                    throw BackupError.io(path: path, operation: "sync", errno: errno)
                }
                readBack.dropCache(from: start, length: end - start)
                try readBack.read(upTo: end)
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// After the final fsync: waits for the reader, reads back the rest, compares.
    func finish(expectedLength: Int64, expectedTag: [UInt8]) throws {
        queue.sync {}
        if let e = error { throw e }
        readBack.dropCache(from: submitted)
        _ = try readBack.finish(expectedLength: expectedLength, expectedTag: expectedTag)
    }

    /// Stops the reader after the segment in hand and waits for it (on every exit path).
    func stop() {
        lock.withLock { stopped = true }
        queue.sync {}
    }
}
