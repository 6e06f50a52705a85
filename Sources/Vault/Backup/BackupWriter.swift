import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

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
}
