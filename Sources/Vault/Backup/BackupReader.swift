import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Reads backups: `verify` checks everything without writing a vault; `restore` writes the
/// vault only after everything checked.
public struct BackupReader {
    public struct Summary: Sendable, Equatable {
        public var manifest: BackupManifest
        public var vaultBytes: UInt64
        /// The BLAKE2b-256 of the vault bytes that a container version 1 carries after them
        /// (checked); nil for version 2, which has no digest (FORMAT.md B.2).
        public var vaultBLAKE2b: [UInt8]?
        /// The age recipient stanza types in the header (e.g. ["X25519", "X25519"] or ["scrypt"]).
        public var stanzaTypes: [String]
        public var armored: Bool
        /// The backup marker (B.6), if the header has one (its MAC is not checked here).
        public var marker: BackupMarker? = nil
    }

    /// What a restore may replace at the vault path.
    public enum Replace: Sendable, Equatable {
        /// Nothing: an existing vault is refused (exit 4).
        case nothing
        /// Only the same vault (same vault id and terminal id): `--force`.
        case sameVault
        /// Whatever is there, another vault or a file that is no vault: `--replace-vault`.
        case anyVault
    }

    public struct RestoreResult: Sendable {
        public var summary: Summary
        public var vaultPath: String
        /// Where the previous vault was moved (with `force`), if there was one.
        public var movedAside: String?
        /// The vault the restore replaced, when it could be identified.
        public var replaced: VaultIdentity?
        /// The vault now in place (from the restored file itself).
        public var restored: VaultIdentity
    }

    public var identities: [AgeIdentity]
    /// Called with (encrypted bytes read so far) now and then.
    public var progress: ((Int64) -> Void)?
    var io: BackupIO = SystemIO()
    var now: () -> Date = Date.init

    public init(identities: [AgeIdentity], progress: ((Int64) -> Void)? = nil) {
        self.identities = identities
        self.progress = progress
    }

    /// Decrypts and checks the whole backup, handing the vault's bytes to `vaultSink` (on this
    /// thread, in order). The input is read and decrypted on a second thread meanwhile
    /// (`AgeDecryptor.decryptPipelined`); `progress` is called from that thread.
    private func run(from input: Int32, inputName: String, vaultSink: @escaping ByteSink) throws -> Summary {
        let container = ContainerWriter(vaultSink: vaultSink)
        var read: Int64 = 0
        let io = self.io, progress = self.progress
        let info = try AgeDecryptor.decryptPipelined(identities: identities, armor: nil, read: { buf in
            let n = try readSome(io, fd: input, into: buf, path: inputName)
            read += Int64(n)
            progress?(read)
            return n
        }, write: { try container.write($0) })
        try container.finish()
        return Summary(manifest: container.manifest!, vaultBytes: container.vaultBytes, vaultBLAKE2b: container.vaultBLAKE2b,
                       stanzaTypes: info.stanzaTypes, armored: info.armored, marker: info.marker)
    }

    /// Decrypts and checks the whole backup (age header MAC, every chunk, the end of the
    /// stream, the container, the vault's size, and in container version 1 its BLAKE2b-256
    /// digest). Writes nothing.
    public func verify(from input: Int32, inputName: String = "the backup") throws -> Summary {
        try run(from: input, inputName: inputName) { _ in }
    }

    /// Restores to `vaultPath`. The vault is written to a temporary file next to it (0600,
    /// O_EXCL), checked completely, fsynced, passed to `validate` (the store's own check of the
    /// restored vault, which returns the restored vault's identity), and only then put in place.
    ///
    /// An existing vault is replaced only as `replace` allows: `.sameVault` needs `identify`
    /// (the store's reading of the vault there) to name the same vault id and terminal id as
    /// the restored file, and a vault that cannot be identified is refused; `.anyVault` takes
    /// whatever is there. What is replaced is first moved to `<vault>.before-restore-<UTC
    /// time>` (never deleted). The manifest must name the vault that is inside the backup.
    public func restore(from input: Int32, inputName: String = "the backup", to vaultPath: String, replace: Replace,
                        identify: (String) throws -> VaultIdentity, validate: (String) throws -> RestoredVault) throws -> RestoreResult {
        var existing: VaultIdentity? = nil
        if BackupFS.exists(vaultPath) {
            switch replace {
            case .nothing: throw BackupError.targetExists(path: vaultPath, forceAllowed: true)
            case .sameVault:
                do { existing = try identify(vaultPath) } catch let e as UserFacingError {
                    throw BackupError.unidentifiedVault(path: vaultPath, reason: (e as? VaultError).map { .unreadable($0) } ?? .other(e.message))
                }
            case .anyVault:
                existing = try? identify(vaultPath)
            }
        }
        let dir = BackupFS.dirname(vaultPath)
        if !BackupFS.isDirectory(dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw BackupError.io(path: dir, operation: "create the vault's directory", errno: EACCES)
            }
        }
        let t = try BackupFS.createTemp(for: vaultPath)
        let fd = t.fd, temp = t.path
        // Start the device writing each finished segment while the next is decrypted, so that
        // the fsync below has little left to do (no wait here: the fsync still covers it all).
        let segment = Int64(BackupWriter.readBackSegmentSize)
        var written: Int64 = 0
        var started: Int64 = 0
        let summary = try run(from: input, inputName: inputName) { buf in
            try t.write(buf, write: io.write)
            written += Int64(buf.count)
            if written - started >= segment {
                LinuxIO.startWriteback(fd, offset: started, length: written - started)
                started = written
            }
        }
        // The fsync runs on a second thread while the store checks the restored file (which
        // reads it from the page cache: the same bytes, synced or not). Both must succeed
        // before anything is linked or renamed; a failed fsync is reported first.
        let sync = BackgroundSync(fd: fd, io: io)
        let checked = Result { try validate(temp) }
        if let e = sync.wait() { throw BackupError.io(path: temp, operation: "sync", errno: e) }
        let inside = try checked.get()
        try t.close()
        let restored = inside.identity
        let m = summary.manifest
        guard m.vaultID == restored.vaultId, m.terminalID == restored.terminalId else {
            throw BackupError.manifestInvalid("it names vault \(m.vaultID) (terminal \(m.terminalID)), but the vault inside is \(restored.vaultId) (terminal \(restored.terminalId))")
        }
        // A marker (B.6) must be the one the vault inside would have written.
        if let mk = summary.marker {
            guard mk.vaultID == restored.vaultId, mk.terminalID == restored.terminalId,
                  BackupFS.compactUTC(mk.created) == BackupFS.compactUTC(ISO8601.date(m.created) ?? .distantPast),
                  let key = inside.markerMACKey, mk.verifies(macKey: key) else {
                throw BackupError.markerMismatch(vaultID: mk.vaultID, terminalID: mk.terminalID)
            }
        }

        var movedAside: String? = nil
        if BackupFS.exists(vaultPath) {
            switch replace {
            case .nothing: throw BackupError.targetExists(path: vaultPath, forceAllowed: true)
            case .sameVault:
                guard let existing else { throw BackupError.unidentifiedVault(path: vaultPath, reason: .appearedDuringRestore) }
                guard existing == restored else { throw BackupError.differentVault(path: vaultPath, existing: existing, backup: restored) }
            case .anyVault: break
            }
            var aside = vaultPath + ".before-restore-" + BackupFS.compactUTC(now())
            var i = 1
            while BackupFS.exists(aside) { aside = vaultPath + ".before-restore-" + BackupFS.compactUTC(now()) + "-\(i)"; i += 1 }
            // link + unlink rather than rename, so that an existing name is never replaced.
            if link(vaultPath, aside) != 0 {
                // File systems without hard links: rename (the name was checked free above).
                guard errno == EPERM || errno == EOPNOTSUPP, rename(vaultPath, aside) == 0 else {
                    throw BackupError.io(path: aside, operation: "move the old vault aside to", errno: errno)
                }
            }
            movedAside = aside
            if rename(temp, vaultPath) != 0 { throw BackupError.io(path: vaultPath, operation: "put the restored vault in place at", errno: errno) }
        } else {
            // link fails if a vault appeared meanwhile: never replace one without --force.
            if link(temp, vaultPath) == 0 {
                unlink(temp)
            } else {
                let e = errno
                if e == EEXIST { throw BackupError.targetExists(path: vaultPath, forceAllowed: true) }
                guard e == EPERM || e == EOPNOTSUPP, !BackupFS.exists(vaultPath), rename(temp, vaultPath) == 0 else {
                    throw BackupError.io(path: vaultPath, operation: "put the restored vault in place at", errno: e)
                }
            }
        }
        t.placed = true
        do {
            try BackupFS.fsyncDirectory(dir, io: io)
        } catch {
            // The new name may not be durable: take the restored vault away rather than leave
            // one that a power cut might remove (when nothing was moved aside for it).
            if movedAside == nil { unlink(vaultPath) }
            throw error
        }
        return RestoreResult(summary: summary, vaultPath: vaultPath, movedAside: movedAside, replaced: movedAside == nil ? nil : existing,
                             restored: restored)
    }
}

/// fsync(2) of a descriptor on a second thread; `wait` returns its errno, or nil. The
/// descriptor must stay open until `wait` returned.
final class BackgroundSync: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: Int32? = nil
    private var waited = false

    init(fd: Int32, io: BackupIO) {
        DispatchQueue(label: "vaultcli.fsync").async { [self] in
            if io.fsync(fd) != 0 { failure = errno }
            done.signal()
        }
    }

    /// Waits for the fsync (once; later calls return the same answer).
    func wait() -> Int32? {
        if !waited {
            done.wait()
            waited = true
        }
        return failure
    }
}
