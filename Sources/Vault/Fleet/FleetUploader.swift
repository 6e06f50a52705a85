import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

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
}
