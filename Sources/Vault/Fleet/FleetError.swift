import FoundationEssentials
import Glibc
import VaultCrypto

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
    case manifestRefused(name: String, reason: ManifestProblem)
    /// The roster file is malformed.
    case rosterInvalid(path: String, line: Int, reason: RosterProblem)
    /// `fleet enrol` was refused.
    case enrolmentRefused(EnrolmentProblem)
    /// The object named for a restore or verify is not in the bucket.
    case objectMissing(String)
    /// Head office's identity file can be read by group or others.
    case identityFileExposed(path: String)

    /// A refusal worded by the caller (the CLI, in the user's language): kept as it is.
    public static func manifestRefused(name: String, reason: String) -> FleetError { .manifestRefused(name: name, reason: .worded(reason)) }

    /// A refusal in the caller's own English words.
    public static func enrolmentRefused(_ why: String) -> FleetError { .enrolmentRefused(.text(why)) }

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

/// Why a fleet manifest is refused (`FleetError.manifestRefused`, `FleetTerminalStatus.refused`).
/// `description` is the English text `fleet list --json` and the error message show.
public enum ManifestProblem: Equatable, Sendable, CustomStringConvertible {
    case tooLarge
    case notText
    case notAManifest
    case signatureLineMalformed
    /// Line `line` (1-based) should start with `key`.
    case lineShouldBe(line: Int, key: String)
    case seqNotPositive
    case createdNotUTC
    case sizeNotPositive
    case sha256Malformed
    case prevMalformed
    case noRecipient
    case signerMalformed
    case unexpectedLine(Int)
    case notCanonical
    /// Signed by a key other than the roster's for this terminal.
    case notRosterKey(terminal: String)
    case signatureInvalid
    /// The manifest names an object other than the one beside it.
    case namesOtherObject(object: String, manifest: String)
    case objectNameMismatch
    /// Head office could not download it.
    case notDownloaded
    /// It was found under another terminal's prefix.
    case namesTerminal(named: String, expected: String)
    case objectMissing
    case objectSize(actual: Int64, manifest: Int64)
    /// Worded by the caller in the user's language (the CLI's restore): shown as it is.
    case worded(String)

    public var description: String {
        switch self {
        case .tooLarge: "it is larger than 16 KiB"
        case .notText: "it is not UTF-8 text ending in a line feed"
        case .notAManifest: "it is not a vaultcli fleet manifest (version 1)"
        case .signatureLineMalformed: "the signature line is malformed"
        case .lineShouldBe(let l, let k): "line \(l) should be \"\(k) …\""
        case .seqNotPositive: "seq is not a positive number"
        case .createdNotUTC: "created is not a UTC time"
        case .sizeNotPositive: "size is not a positive number"
        case .sha256Malformed: "sha256 is not 64 hex digits"
        case .prevMalformed: "prev is neither none nor 64 hex digits"
        case .noRecipient: "it names no recipient"
        case .signerMalformed: "the signer is not ed25519:<64 hex>"
        case .unexpectedLine(let l): "unexpected line \(l)"
        case .notCanonical: "it is not in canonical form"
        case .notRosterKey(let t): "it is not signed by terminal \(t)'s key in the roster"
        case .signatureInvalid: "its signature does not verify"
        case .namesOtherObject(let o, let n): "it names object \(o), not the one beside \(n)"
        case .objectNameMismatch: "its object name does not match its time and seq"
        case .notDownloaded: "it could not be downloaded"
        case .namesTerminal(let n, let x): "it names terminal \(n), not \(x)"
        case .objectMissing: "its backup object is missing"
        case .objectSize(let a, let m): "its backup object is \(a) bytes, the manifest says \(m)"
        case .worded(let s): s
        }
    }
}

/// Why a line of head office's roster is refused (`FleetError.rosterInvalid`).
public enum RosterProblem: Equatable, Sendable, CustomStringConvertible {
    /// Not two fields.
    case form
    case notATerminalID(String)
    case keyMalformed
    case listedTwice(terminal: String)

    public var description: String {
        switch self {
        case .form: "expected `<terminal id> ed25519:<64 hex>`"
        case .notATerminalID(let id): "\"\(id)\" is not a terminal id (1–16 of A-Z a-z 0-9 . _ -)"
        case .keyMalformed: "the key is not ed25519:<64 hex>"
        case .listedTwice(let id): "terminal \(id) is listed twice"
        }
    }
}

/// Why `fleet enrol` is refused (`FleetError.enrolmentRefused`).
public enum EnrolmentProblem: Equatable, Sendable, CustomStringConvertible {
    case noRecipient
    /// The recipient is an age recipient of another kind (scrypt, a plugin).
    case notX25519(recipient: String)
    /// In the thrower's own English words.
    case text(String)

    public var description: String {
        switch self {
        case .noRecipient: "name at least one head-office recipient (--recipient age1...)"
        case .notX25519(let r): "\(r) is not an X25519 recipient"
        case .text(let s): s
        }
    }
}
