import FoundationEssentials
import Glibc

/// The fleet area's errors: the rclone transport, enrolment, manifests and the roster.
public enum FleetError: UserFacingError, Equatable {
    /// rclone could not be started (not installed, not executable).
    case rcloneMissing(executable: String, errno: Int32)
    /// rclone ran and failed; `says` is rclone's own words (its error lines).
    case remote(operation: String, target: String, says: String)
    /// The object read back from the remote is not what was uploaded.
    case readBackMismatch(target: String)
    /// `rclone:REMOTE:PATH` is malformed.
    case badLocation(String)
    /// The vault has no fleet enrolment (record type 15).
    case notEnrolled
    /// A manifest does not parse, does not verify, or disagrees with its object.
    case manifestRefused(name: String, reason: String)
    /// The roster file is malformed.
    case rosterInvalid(path: String, line: Int, reason: String)
    /// `fleet enrol` was refused.
    case enrolmentRefused(String)
    /// The object named for a restore or verify is not in the bucket.
    case objectMissing(String)
    /// Head office's identity file can be read by group or others.
    case identityFileExposed(path: String)

    public var message: String {
        switch self {
        case .rcloneMissing(let e, let err): "cannot run rclone (\(e)): \(String(cString: strerror(err)))"
        case .remote(let op, let t, let says): "rclone could not \(op) \(t): \(says)"
        case .readBackMismatch(let t): "\(t) read back from the remote differs from what was uploaded"
        case .badLocation(let why): "invalid remote location: \(why)"
        case .notEnrolled: "this terminal is not enrolled in a fleet (no remote, head-office recipients or signing key in the vault)"
        case .manifestRefused(let n, let why): "backup manifest \(n) is refused: \(why)"
        case .rosterInvalid(let p, let l, let why): "\(p), line \(l): \(why)"
        case .enrolmentRefused(let why): "fleet enrolment refused: \(why)"
        case .objectMissing(let n): "\(n) is not on the remote"
        case .identityFileExposed(let p): "\(p) can be read by other users; head office's identity must be in a file only its owner can read"
        }
    }

    public var hints: [String] {
        switch self {
        case .rcloneMissing: ["install rclone 1.65 or newer (Debian bookworm's 1.60 fails S3 calls when AWS_CA_BUNDLE is set), or name it with VAULTCLI_RCLONE=/path/to/rclone"]
        case .remote: ["check the remote in rclone's configuration (`rclone config show REMOTE`), the network and the credentials; no backup that looks whole was left behind"]
        case .readBackMismatch: ["run the backup again; the object carries no manifest, so head office does not count it"]
        case .badLocation: ["write it as rclone:REMOTE:PATH, e.g. rclone:hq-s3:fleet-backups"]
        case .notEnrolled: ["an admin enrols the terminal once: vaultcli fleet enrol --remote rclone:REMOTE:PATH --recipient age1... --user ADMIN"]
        case .manifestRefused: ["the object was not written by the terminal whose key the roster holds (forged, damaged, or under another terminal's prefix); it is never counted as a backup"]
        case .rosterInvalid: ["each line is `<terminal id> ed25519:<64 hex>` as printed by `vaultcli fleet enrol`; # starts a comment"]
        case .enrolmentRefused: ["see `vaultcli fleet enrol --help`"]
        case .identityFileExposed(let p): ["chmod 600 \(p) (and keep the key offline when it is not in use)"]
        case .objectMissing: ["list what is there with `vaultcli fleet list REMOTE --roster FILE --json`"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .rcloneMissing, .remote, .readBackMismatch, .objectMissing: .io
        case .badLocation, .rosterInvalid, .enrolmentRefused, .identityFileExposed: .usage
        case .notEnrolled: .failure
        case .manifestRefused: .corrupt
        }
    }
}
