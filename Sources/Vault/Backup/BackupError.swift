import FoundationEssentials
import Glibc

/// The one error enum of the backup area: the age format, the backup container, and the
/// files written and read. Every failed check is an error (never a warning).
public enum BackupError: UserFacingError, Equatable {
    // MARK: age format (the testkit's classes)
    /// The age header is malformed: version line, stanza, base64, closing line, or a
    /// recipient stanza that is structurally wrong (bad share, wrong file key size, ...).
    case headerInvalid(AgeHeaderProblem)
    /// The header MAC does not match: the header was changed, or the file key is wrong.
    case headerMACMismatch
    /// None of the given identities matched a recipient stanza.
    case noMatchingIdentity
    /// The passphrase did not open the scrypt stanza.
    case wrongPassphrase
    /// The scrypt work factor is above what we accept when decrypting.
    case workFactorTooHigh(logN: Int, max: Int)
    /// A payload chunk failed authentication, or the payload is truncated or followed by data.
    case payloadInvalid(String)
    /// The ASCII armor is malformed.
    case armorInvalid(AgeArmorProblem)

    // MARK: keys and recipients
    case invalidRecipient(AgeRecipientProblem)
    case invalidIdentity(AgeIdentityProblem)
    case noRecipients
    case passphraseNotAlone
    case noIdentities

    // MARK: the backup container
    case notABackup
    /// `supported`: the newest container version this build reads (it reads 1 through it).
    case unsupportedBackupVersion(found: Int, supported: Int)
    case manifestInvalid(String)
    case containerTruncated
    case vaultSizeMismatch(expected: UInt64, got: UInt64)
    case vaultHashMismatch

    // MARK: files
    case io(path: String, operation: String, errno: Int32)
    case readBackMismatch(path: String)
    /// The target exists. `forceAllowed`: the command has --force (restore); else it never overwrites.
    case targetExists(path: String, forceAllowed: Bool)
    case refuseBinaryToTerminal
    case sourceChanged(expected: Int, got: Int)
    /// The backup marker (B.6) does not verify under the key of the vault inside, or names
    /// another vault or time than the manifest.
    case markerMismatch(vaultID: String, terminalID: String)
    /// `restore --force`: the vault at the path is another vault than the backup's.
    case differentVault(path: String, existing: VaultIdentity, backup: VaultIdentity)
    /// `restore --force`: what is at the path cannot be identified as a vault.
    case unidentifiedVault(path: String, reason: UnidentifiedVaultReason)

    /// The class an age decryption failure falls in (the testkit's `expect:` values).
    public enum AgeFailureClass: String, Sendable {
        case header = "header failure"
        case hmac = "HMAC failure"
        case noMatch = "no match"
        case payload = "payload failure"
        case armor = "armor failure"
    }

    public var ageFailureClass: AgeFailureClass? {
        switch self {
        case .headerInvalid, .workFactorTooHigh: .header
        case .headerMACMismatch: .hmac
        case .noMatchingIdentity, .wrongPassphrase: .noMatch
        case .payloadInvalid: .payload
        case .armorInvalid: .armor
        default: nil
        }
    }

    public var message: String {
        switch self {
        case .headerInvalid(let why): "the backup's age header is damaged or not an age file: \(why)"
        case .headerMACMismatch: "the backup's age header failed its integrity check (header MAC mismatch): it was changed after it was written"
        case .noMatchingIdentity: "none of the given identities can open this backup"
        case .wrongPassphrase: "wrong passphrase for this backup"
        case .workFactorTooHigh(let n, let m): "the backup's passphrase work factor 2^\(n) is above the accepted maximum 2^\(m)"
        case .payloadInvalid(let why): "the backup's encrypted payload is damaged: \(why)"
        case .armorInvalid(let why): "the backup's ASCII armor is malformed: \(why)"
        case .invalidRecipient(let why): "invalid recipient: \(why)"
        case .invalidIdentity(let why): "invalid identity: \(why)"
        case .noRecipients: "no recipient was given: the backup would be readable by no one"
        case .passphraseNotAlone: "a passphrase cannot be combined with other recipients (the age format requires the scrypt stanza to stand alone)"
        case .noIdentities: "no identity or passphrase was given to open the backup"
        case .notABackup: "the decrypted file is not a vaultcli backup (wrong magic bytes)"
        case .unsupportedBackupVersion(let f, let s): "this backup uses container version \(f), but this vaultcli reads only versions 1 to \(s)"
        case .manifestInvalid(let why): "the backup's manifest is invalid: \(why)"
        case .containerTruncated: "the backup ends before the vault it should contain is complete"
        case .vaultSizeMismatch(let e, let g): "the backup's vault is \(g) bytes but its manifest says \(e)"
        case .vaultHashMismatch: "the backup's vault does not match the BLAKE2b-256 digest after it"
        case .io(let p, let op, let e): "cannot \(op) \(p): \(String(cString: strerror(e)))"
        case .readBackMismatch(let p): "the backup read back from \(p) differs from what was written: the device is faulty"
        case .targetExists(let p, _): "\(p) already exists; it was not changed"
        case .refuseBinaryToTerminal: "refusing to write a binary backup to a terminal"
        case .sourceChanged(let e, let g): "the vault changed while it was being backed up (expected \(e) bytes, read \(g))"
        case .differentVault(let p, let e, let b):
            "\(p) holds another vault (vault id \(e.vaultId), terminal \(e.terminalId)) than the backup (vault id \(b.vaultId), terminal \(b.terminalId)); nothing was changed"
        case .unidentifiedVault(let p, let why): "\(p) exists but cannot be identified as a vault (\(why)); nothing was changed"
        case .markerMismatch(let v, let t):
            "the backup's marker (vault id \(v), terminal \(t)) is not one the vault inside wrote: it does not verify under that vault's marker key or disagrees with the manifest"
        }
    }

    public var hints: [String] {
        switch self {
        case .headerInvalid, .payloadInvalid, .armorInvalid, .headerMACMismatch, .containerTruncated,
             .vaultSizeMismatch, .vaultHashMismatch, .manifestInvalid, .markerMismatch:
            ["the file is truncated, damaged or was tampered with; use another copy of the backup"]
        case .noMatchingIdentity: ["pass the identity file the backup was made for with --identity FILE, or use --passphrase if it was made with one"]
        case .wrongPassphrase: ["check the passphrase and try again"]
        case .workFactorTooHigh: ["the file may have been crafted to waste your CPU; if you made it yourself, decrypt it with `age -d`"]
        case .invalidRecipient: ["a recipient looks like age1... (see `vaultcli keygen`)"]
        case .invalidIdentity: ["an identity file holds lines like AGE-SECRET-KEY-1... (see `vaultcli keygen`)"]
        case .noRecipients: ["add --recipient age1..., --recipients-file FILE, or --passphrase; or let the vault keep a default recipient with `vaultcli keygen -o FILE --add-to-vault`"]
        case .passphraseNotAlone: ["use either --passphrase or recipients, not both"]
        case .noIdentities: ["pass --identity FILE or --passphrase"]
        case .notABackup: ["this age file was not made by `vaultcli backup`; decrypt it with `age -d` instead"]
        case .unsupportedBackupVersion: ["upgrade vaultcli to restore this backup; nothing was changed"]
        case .io(_, _, let e) where e == ENOSPC: ["free some space on that device or choose another; no partial backup was left behind"]
        case .io(_, _, let e) where e == EROFS: ["the device is read-only; choose a writable location"]
        case .io(_, _, let e) where e == EACCES || e == EPERM: ["check the owner and permissions of the target"]
        case .io(_, _, let e) where e == ENOENT || e == ENODEV || e == ENXIO || e == EIO:
            ["check that the device is still plugged in and mounted; no partial backup was left behind"]
        case .io: ["check that the device is present and writable"]
        case .readBackMismatch: ["use another USB stick or disk; the faulty copy was removed"]
        case .targetExists(_, true): ["pass --force to replace it with a backup of the same vault (the existing one is moved aside, never deleted), --replace-vault if the backup is of another vault, or choose another path with --vault PATH"]
        case .differentVault(let p, _, _):
            ["to replace it with the backup's vault, pass --replace-vault: the current vault is moved to \(p).before-restore-<UTC time>, never deleted",
             "to keep both, restore to another path with --vault PATH"]
        case .unidentifiedVault(let p, _):
            ["to replace it anyway, pass --replace-vault: it is moved to \(p).before-restore-<UTC time>, never deleted"]
        case .targetExists(_, false): ["choose another path; vaultcli never overwrites it"]
        case .refuseBinaryToTerminal: ["redirect the output to a file or a pipe, or pass --armor"]
        case .sourceChanged: ["run the backup again"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .headerInvalid, .headerMACMismatch, .payloadInvalid, .armorInvalid, .workFactorTooHigh,
             .notABackup, .manifestInvalid, .containerTruncated, .vaultSizeMismatch, .vaultHashMismatch, .markerMismatch:
            .corrupt
        case .noMatchingIdentity, .wrongPassphrase: .authenticationFailed
        case .unsupportedBackupVersion: .unsupportedVersion
        case .invalidRecipient, .invalidIdentity, .noRecipients, .passphraseNotAlone, .noIdentities, .refuseBinaryToTerminal: .usage
        case .io, .readBackMismatch, .sourceChanged: .io
        case .targetExists(_, true), .differentVault, .unidentifiedVault: .vaultExists
        case .targetExists(_, false): .failure
        }
    }
}
