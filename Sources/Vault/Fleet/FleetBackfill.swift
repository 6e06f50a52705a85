import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Backfilling a simulated fleet's earlier nights: test-only (debug builds with the test KDF knob).
extension FleetUploader {
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

    /// Writes a terminal's history of `times` (oldest first) as complete, chained, signed
    /// backups into a local tree `dir/vaultcli/v1/t/<terminal>/`, for uploading in one `rclone
    /// copy`: how the simulation backfills earlier nights. A test-only path, like the clock:
    /// debug builds beside the test KDF knob; elsewhere it refuses. Returns the backups written.
    /// With `root` (the `REMOTE:PATH` the tree will be uploaded to), the newest staged manifest
    /// becomes the terminal's chain tip, as if it had uploaded it.
    ///
    /// The staged files are written without syncing (no fsync of the files or of their
    /// directory), unlike every product path: fine for a test-only stager whose tree is copied
    /// at once and thrown away, never for backups anyone relies on.
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
