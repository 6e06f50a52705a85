import FoundationEssentials
import Glibc
import VaultCrypto

/// The vault side of backups: a consistent snapshot under the vault's lock, the default
/// recipients the vault keeps, and the check a restored vault passes before it takes the
/// place of anything.
public struct VaultSnapshotSource: BackupSource {
    public let path: String
    public init(path: String) { self.path = path }

    /// Holds the vault's shared lock (no writer can append) while `body` reads exactly the
    /// committed bytes: a torn tail from a crash is not carried into the backup.
    ///
    /// Opening checks what can be checked without a password: the header checksum, the chain's
    /// structure, and (format v2) that the header says what the admin-signed settings say, so a
    /// header with another vault id or terminal id is refused (exit 6) before anything is
    /// written. First the vault gets its backup marker key if it has none (format v2; a short
    /// exclusive lock); the key read under the snapshot's lock authenticates the marker.
    public func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R {
        var reason = Vault.ensureBackupMarkerKey(path: path)
        let v = try Vault.open(path: path, access: .read)
        let h = v.file.header
        var macKey: SecretBytes? = nil
        if !v.file.isLegacy, let k = try v.backupMarkerKey() {
            macKey = try BackupMarker.macKey(markerKey: k, vaultID: h.vaultId)
            reason = nil
        }
        let info = BackupSnapshotInfo(vaultID: h.vaultId, terminalID: h.terminalId, vaultFormatVersion: Int(h.version),
                                      markerMACKey: macKey, noMarkerReason: macKey == nil ? (reason ?? "the vault has no backup marker key") : nil)
        return try withExtendedLifetime(v) { try body(info, v.file.file.fd, v.file.endOffset) }
    }
}

/// The vault's backup marker key (record type 14, public, subject `H16("vaultcli v2 backup
/// marker key")`, body `u16 14 ‖ 32 random bytes`). Anyone who can read the vault file can
/// read it: it tells this vault's backups apart from other vaults' (whose keys are in their
/// own files, never on the stick in the clear), not from a forger who holds this file.
enum BackupMarkerKey {
    static let subject = Derivation.subject(Derivation.backupMarkerKeySubject)

    static func encode(_ key: [UInt8]) -> [UInt8] {
        var w = ByteWriter(); w.u16(RecordType.backupMarkerKey.rawValue); w.raw(key); return w.bytes
    }

    static func decode(_ b: [UInt8]) -> [UInt8]? {
        var r = ByteReader(b)
        guard (try? r.u16()) == RecordType.backupMarkerKey.rawValue, let k = try? r.array(32), r.atEnd else { return nil }
        return k
    }
}

/// What a vault file holds, for `backup verify` and `restore` (no password needed).
public struct VaultContents: Sendable {
    public var vaultId: String
    public var terminalId: String
    public var operators: Int
    public var keyslots: Int
    public var records: Int
    public var dataFrames: Int
    public var auditEvents: Int
    public var bytes: Int
    /// The key the vault's backup markers verify under (B.6), if it has a marker key.
    public var markerMACKey: SecretBytes? = nil

    /// What a restore checks the backup's manifest and marker against.
    public var restored: RestoredVault {
        RestoredVault(identity: VaultIdentity(vaultId: vaultId, terminalId: terminalId), markerMACKey: markerMACKey)
    }
}

/// The public record that lists the vault's default backup recipients.
struct BackupRecipientsRecord: Codable {
    var recipients: [String]
}

enum BackupSubjects {
    static let recipients = Hash.blake2b(Array("vaultcli default backup recipients".utf8), length: 16)
}

extension Vault {
    /// Checks a vault file that is not in place yet (a restored temp file): header, floor,
    /// every frame's structure, the chain, the index and every public checksum. Holds no lock:
    /// the file is private to the caller.
    public static func inspectFile(path: String) throws -> VaultContents {
        let f = try VaultFile.open(path: path, writable: false)
        guard f.header.kdf.meets(KDFPolicy.floor) else { throw VaultError.weakKDF(f.header.kdf, floor: KDFPolicy.floor) }
        let report = try f.scan(keys: nil)
        guard f.droppedTailBytes == 0 else {
            throw VaultError.corrupt(path: path, part: "the vault inside ends with an incomplete frame")
        }
        var operators = 0
        for s in f.metaSubjects(.slot) {
            guard let b = try f.readMeta(.slot, subject: s, keys: nil)?.body else { continue }
            if (try? Keyslot.decode(b, id: s))?.type == .operatorPassword { operators += 1 }
        }
        var markerMACKey: SecretBytes? = nil
        if let fr = try f.readMeta(.record, subject: BackupMarkerKey.subject, keys: nil) {
            guard let body = fr.body, RecordCodec.type(of: body) == .backupMarkerKey else {
                throw VaultError.corrupt(path: path, part: "the backup marker key record (unexpected type)")
            }
            try FrameRules.checkRecord(.backupMarkerKey, header: fr.header, version: f.header.version, offset: fr.offset, path: path)
            guard var k = BackupMarkerKey.decode(body) else { throw VaultError.corrupt(path: path, part: "the backup marker key record (malformed)") }
            defer { wipe(&k) }
            markerMACKey = try BackupMarker.macKey(markerKey: try SecretBytes(copying: k), vaultID: f.header.vaultId)
        }
        return VaultContents(vaultId: f.header.vaultId.hexString, terminalId: f.header.terminalId, operators: operators,
                             keyslots: f.metaSubjects(.slot).count, records: f.metaSubjects(.record).count,
                             dataFrames: report.framesByKind["data"] ?? 0, auditEvents: report.framesByKind["audit event"] ?? 0,
                             bytes: f.endOffset, markerMACKey: markerMACKey)
    }

    /// The backup marker key, if the vault has one (format v2). A malformed record is damage.
    func backupMarkerKey() throws -> SecretBytes? {
        guard let body = try encodedRecord(.backupMarkerKey, subject: BackupMarkerKey.subject) else { return nil }
        guard var k = BackupMarkerKey.decode(body) else { throw VaultError.corrupt(path: path, part: "the backup marker key record (malformed)") }
        defer { wipe(&k) }
        return try SecretBytes(copying: k)
    }

    /// Gives a format-v2 vault its backup marker key when it has none (needs no password: the
    /// record is public, and replacing it only stops older backups from being counted). Returns
    /// why the vault has no key when it cannot have one now (format v1, or the write failed);
    /// the backup then carries no marker and `--keep` deletes nothing.
    static func ensureBackupMarkerKey(path: String) -> String? {
        do {
            let v = try Vault.open(path: path, access: .write)
            if v.file.isLegacy { return "the vault is in format 1 (run `vaultcli upgrade` as an admin)" }
            if try v.backupMarkerKey() != nil { return nil }
            var c = Change()
            var key = SecureRandom.bytes(32)
            defer { wipe(&key) }
            c.putEncoded(subject: BackupMarkerKey.subject, body: BackupMarkerKey.encode(key))
            try v.commit(c, keys: KeyRing())
            return nil
        } catch let e as UserFacingError {
            return "the vault's backup marker key could not be written: \(e.message)"
        } catch {
            return "the vault's backup marker key could not be written: \(error)"
        }
    }

    /// Which vault is at `path`, for a restore that may replace it. Holds no lock: the caller
    /// holds the vault's exclusive lock. Format v2 checks the header against the admin-signed
    /// settings (a header edited to name another vault does not identify one).
    public static func identify(path: String) throws -> VaultIdentity {
        var st = stat()
        if lstat(path, &st) != 0 { throw VaultError.io(path: path, operation: "inspect", errno: errno) }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw VaultError.symlinkRefused(path: path) }
        let f = try VaultFile.open(path: path, writable: false)
        return VaultIdentity(vaultId: f.header.vaultId.hexString, terminalId: f.header.terminalId)
    }

    /// The recipients every backup is sealed to unless others are named (no password needed).
    public static func defaultBackupRecipients(path: String) throws -> [String] {
        let v = try Vault.open(path: path, access: .read)
        return try v.record(.backupRecipients, BackupRecipientsRecord.self, subject: BackupSubjects.recipients, keys: nil)?.recipients ?? []
    }

    /// Records a backup in the audit log (no key needed: events are sealed to the audit key).
    public static func auditBackup(path: String, action: String, target: String, outcome: String = "ok", detail: String? = nil) throws {
        let v = try Vault.open(path: path, access: .write)
        try v.appendAudit([AuditEvent(actor: "(system)", action: action, target: target, outcome: outcome, detail: detail)])
    }

    // MARK: the offline recovery key

    /// Unlocks with the offline recovery key (an age X25519 identity's secret scalar).
    public func unlock(recoveryIdentity secretKey: SecretBytes) throws -> Session {
        let pub = try X25519.publicKey(for: secretKey)
        for slot in try keyslots() where slot.type == .recoveryKey {
            guard case .x25519(let eph, let recipient) = slot.kdf, recipient == pub else { continue }
            let shared = try X25519.sharedSecret(secretKey: secretKey, publicKey: eph)
            let kek = try HKDF.deriveSecret(ikm: shared, salt: eph + recipient, info: Derivation.recoveryKeySlot)
            let payload: SecretBytes
            do {
                payload = try XChaCha20Poly1305.openLocked(slot.wrapped, key: kek, ad: Keyslot.associatedData(vaultId: file.header.vaultId, slotId: slot.id, prefix: slot.encodePrefix()))
            } catch { throw VaultError.corrupt(path: path, part: "recovery-key slot (does not open with its own key)") }
            return try recoverySession(slot: slot, ring: try payload.withUnsafeBytes { try Keyslot.decodePayload(raw: $0) }, name: "recovery-key")
        }
        throw VaultError.authenticationFailed
    }
}

extension RecoveryMaterial {
    /// Adds an X25519 recovery-key slot holding the admin keys, and makes the key a default
    /// backup recipient. Its holder can open the vault's data without any operator password.
    public func addRecoveryKey(recipient: String, publicKey: [UInt8], now: Date = Date()) throws {
        try Permission.manageRecovery.require(session)
        guard publicKey.count == 32 else { throw VaultError.input(.recoveryKeyNotX25519) }
        guard session.keys.holdsAll(), let kr = session.keys.recoveryKey else { throw VaultError.permissionDenied(needed: "manage recovery material", role: session.role.rawValue) }
        // The slot holds only the recovery key, which opens the recovery envelope (A.10).
        let slot = try Vault.recoveryKeySlot(vaultId: vault.file.header.vaultId, name: recipient, publicKey: publicKey, recoveryKey: kr)
        let id = slot.id
        var current = try vault.record(.backupRecipients, BackupRecipientsRecord.self, subject: BackupSubjects.recipients, keys: nil)?.recipients ?? []
        if !current.contains(recipient) { current.append(recipient) }
        var change = Change()
        change.putSlot(slot)
        try vault.putRecoverySlots(adding: [id], keys: session.keys, change: &change)
        try change.put(.backupRecipients, subject: BackupSubjects.recipients, keyClass: .none, signer: .admin, BackupRecipientsRecord(recipients: current))
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recovery.key.add", target: recipient))
        try vault.commit(change, keys: session.keys)
    }
}
