import FoundationEssentials
import Glibc

/// The vault side of backups: a consistent snapshot under the vault's lock, the default
/// recipients the vault keeps, and the check a restored vault passes before it takes the
/// place of anything.
public struct VaultSnapshotSource: BackupSource {
    public let path: String
    public init(path: String) { self.path = path }

    /// Holds the vault's shared lock (no writer can append) while `body` reads exactly the
    /// committed bytes: a torn tail from a crash is not carried into the backup.
    public func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R {
        let v = try Vault.open(path: path, access: .read)
        let info = BackupSnapshotInfo(vaultID: v.file.header.vaultId, terminalID: v.file.header.terminalId,
                                      vaultFormatVersion: Int(v.file.header.version))
        return try withExtendedLifetime(v) { try body(info, v.file.file.fd, v.file.endOffset) }
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
        return VaultContents(vaultId: f.header.vaultId.hexString, terminalId: f.header.terminalId, operators: operators,
                             keyslots: f.metaSubjects(.slot).count, records: f.metaSubjects(.record).count,
                             dataFrames: report.framesByKind["data"] ?? 0, auditEvents: report.framesByKind["audit event"] ?? 0,
                             bytes: f.endOffset)
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

    /// Adds an X25519 recovery-key slot holding the admin keys, and makes the key a default
    /// backup recipient. Its holder can open the vault's data without any operator password.
    public func addRecoveryKey(session: Session, recipient: String, publicKey: [UInt8], now: Date = Date()) throws {
        try Permission.manageRecovery.require(session)
        guard publicKey.count == 32 else { throw VaultError.invalidInput("a recovery key must be an X25519 public key") }
        guard session.keys.holdsAll(), let kr = session.keys.recoveryKey else { throw VaultError.permissionDenied(needed: "manage recovery material", role: session.role.rawValue) }
        // The slot holds only the recovery key, which opens the recovery envelope (A.10).
        let slot = try Vault.recoveryKeySlot(vaultId: file.header.vaultId, name: recipient, publicKey: publicKey, recoveryKey: kr)
        let id = slot.id
        var current = try record(.backupRecipients, BackupRecipientsRecord.self, subject: BackupSubjects.recipients, keys: nil)?.recipients ?? []
        if !current.contains(recipient) { current.append(recipient) }
        var change = Change()
        change.putSlot(slot)
        try putRecoverySlots(adding: [id], keys: session.keys, change: &change)
        try change.put(.backupRecipients, subject: BackupSubjects.recipients, keyClass: .none, signer: .admin, BackupRecipientsRecord(recipients: current))
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recovery.key.add", target: recipient))
        try commit(change, keys: session.keys)
    }

    /// Unlocks with the offline recovery key (an age X25519 identity's secret scalar).
    public func unlock(recoveryIdentity secretKey: SecretBytes) throws -> Session {
        let pub = try X25519.publicKey(for: secretKey)
        for slot in try keyslots() where slot.type == .recoveryKey {
            guard case .x25519(let eph, let recipient) = slot.kdf, recipient == pub else { continue }
            let shared = try X25519.sharedSecret(secretKey: secretKey, publicKey: eph)
            let kek = try HKDF.deriveSecret(ikm: shared, salt: eph + recipient, info: "vaultcli v1 recovery-key slot")
            var payload: [UInt8]
            do {
                payload = try XChaCha20Poly1305.open(slot.wrapped, key: kek, ad: Keyslot.associatedData(vaultId: file.header.vaultId, slotId: slot.id, prefix: slot.encodePrefix()))
            } catch { throw VaultError.corrupt(path: path, part: "recovery-key slot (does not open with its own key)") }
            defer { wipe(&payload) }
            return try recoverySession(slot: slot, ring: try Keyslot.decodePayload(payload), name: "recovery-key")
        }
        throw VaultError.authenticationFailed
    }
}
