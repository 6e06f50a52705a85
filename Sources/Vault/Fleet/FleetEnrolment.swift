import FoundationEssentials
import Glibc
import VaultCrypto

/// A terminal's fleet enrolment (record type 15, docs/FORMAT.md C.1): where its backups go, the
/// head-office recipients they are sealed to, and the terminal's Ed25519 key that signs each
/// backup's manifest. Written only by an admin (the record is admin-signed, so a cashier who
/// can write the file cannot point the backups elsewhere or swap the key); read without a
/// password by the nightly backup.
public struct FleetEnrolment: Sendable, Equatable {
    public var remote: String
    public var recipients: [String]
    public var signingPublicKey: [UInt8]
    public var terminalID: String
    public var vaultID: String
    public var enrolled: Date

    /// What head office adds to its roster: `<terminal id> ed25519:<64 hex>`.
    public var rosterLine: String { "\(terminalID) ed25519:\(signingPublicKey.hexString)" }
}

struct FleetEnrolmentRecord: Codable {
    var remote: String
    var recipients: [String]
    /// libsodium's 64-byte Ed25519 secret key (seed ‖ public key), hex.
    var signingKey: String
    var enrolled: Date
}

enum FleetSubjects {
    static let enrolment = Derivation.subject(Derivation.fleetEnrolmentSubject)
}

extension Vault {
    /// The enrolment in this open vault, with its signing key.
    func enrolment() throws -> (FleetEnrolment, SecretBytes)? {
        guard let r = try record(.fleetEnrolment, FleetEnrolmentRecord.self, subject: FleetSubjects.enrolment, keys: nil) else { return nil }
        guard var k = [UInt8](hexString: r.signingKey), k.count == Ed25519.secretKeyBytes else {
            throw VaultError.corrupt(path: path, part: "the fleet enrolment record (malformed signing key)")
        }
        defer { wipe(&k) }
        let sk = try SecretBytes(copying: k)
        let h = file.header
        return (FleetEnrolment(remote: r.remote, recipients: r.recipients, signingPublicKey: try Ed25519.publicKey(for: sk),
                               terminalID: h.terminalId, vaultID: h.vaultId.hexString, enrolled: r.enrolled), sk)
    }

    /// The enrolment and the signing key (nil when the terminal is not enrolled). Needs no
    /// password; the record's admin signature is checked on the way.
    static func fleetEnrolment(path: String) throws -> (FleetEnrolment, SecretBytes)? {
        try Vault.open(path: path, access: .read).enrolment()
    }

    /// The enrolment as `fleet enrol` and `info` show it (no secret).
    public static func fleetEnrolmentInfo(path: String) throws -> FleetEnrolment? {
        try fleetEnrolment(path: path)?.0
    }
}

extension Backups {
    /// Enrols the terminal (admins): sets the remote and head-office recipients, and creates the
    /// signing key unless the terminal has one (kept, so head office's roster stays right) or
    /// `newKey` asks for a new one.
    public func enrolFleet(remote: String, recipients: [String], newKey: Bool, now: Date = Date()) throws -> FleetEnrolment {
        guard session.role == .admin else { throw VaultError.permissionDenied(needed: "enrol the terminal in a fleet", role: session.role.rawValue) }
        if vault.file.isLegacy { throw VaultError.needsUpgrade(path: vault.path) }
        _ = try RcloneLocation(parsing: remote)
        guard !recipients.isEmpty else { throw FleetError.enrolmentRefused(.noRecipient) }
        for r in recipients {
            guard case .x25519 = try AgeRecipient.parse(r) else { throw FleetError.enrolmentRefused(.notX25519(recipient: r)) }
        }
        var keyHex: String
        if !newKey, let old = try vault.record(.fleetEnrolment, FleetEnrolmentRecord.self, subject: FleetSubjects.enrolment, keys: nil),
           [UInt8](hexString: old.signingKey)?.count == Ed25519.secretKeyBytes {
            keyHex = old.signingKey
        } else {
            let (sk, _) = try Ed25519.generateKeyPair()
            keyHex = sk.withUnsafeBytes { Array($0) }.hexString
        }
        let rec = FleetEnrolmentRecord(remote: remote, recipients: recipients, signingKey: keyHex, enrolled: now)
        keyHex = ""
        var c = Change()
        try c.put(.fleetEnrolment, subject: FleetSubjects.enrolment, keyClass: .none, signer: .admin, rec)
        try c.audit(AuditEvent(time: now, actor: session.operatorName, action: "fleet.enrol", target: remote))
        try vault.commit(c, keys: session.keys)
        // Read back through the store (this handle holds the vault's lock: no second open).
        guard let e = try vault.enrolment() else { throw FleetError.notEnrolled }
        return e.0
    }
}
