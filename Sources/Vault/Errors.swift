import FoundationEssentials
import Glibc
import VaultCrypto

/// An error that the CLI can print as `vaultcli: error: ...` plus `vaultcli: hint: ...` lines
/// and map to a documented exit code. Every area's error enum conforms.
public protocol UserFacingError: Error {
    /// What happened, in plain words. Never contains a secret.
    var message: String { get }
    /// What to do about it (may be empty).
    var hints: [String] { get }
    var exitCode: ExitStatus { get }
}

/// The documented exit codes (README, "Exit codes").
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    case failure = 1
    case verifyFoundInterruptedWrite = 2
    case noVault = 3
    case vaultExists = 4
    case authenticationFailed = 5
    case corrupt = 6
    case unsupportedVersion = 7
    case busy = 8
    case io = 9
    case weakKDF = 10
    case permissionDenied = 11
    case lockedOut = 12
    case policyRejected = 13
    case usage = 64

    public var meaning: String {
        switch self {
        case .ok: "success"
        case .failure: "other failure"
        case .verifyFoundInterruptedWrite: "verify: the vault is intact but an interrupted write left an incomplete tail (no acknowledged data lost)"
        case .noVault: "no vault at the path"
        case .vaultExists: "a vault is already there (init and restore refuse to overwrite it; restore --force refuses another vault)"
        case .authenticationFailed: "wrong user name, password, passphrase or key"
        case .corrupt: "the vault or backup is damaged or was tampered with"
        case .unsupportedVersion: "the file uses a format version this vaultcli does not know"
        case .busy: "another vaultcli holds the vault's lock"
        case .io: "the file system refused (permissions, read-only, full disk, missing device)"
        case .weakKDF: "the file's key-derivation cost is below the floor"
        case .permissionDenied: "your role does not allow this"
        case .lockedOut: "the operator is locked, disabled, or must change the password first"
        case .policyRejected: "the password or input breaks the policy"
        case .usage: "bad command-line usage"
        }
    }
}

/// Errors of the vault file and its store.
public enum VaultError: UserFacingError, Equatable {
    case noVault(path: String)
    case vaultExists(path: String)
    case authenticationFailed
    case corrupt(path: String, part: String)
    case unsupportedVersion(found: Int, supported: Int)
    case notAVault(path: String)
    case lockHeld(path: String, waitedMilliseconds: Int)
    case io(path: String, operation: String, errno: Int32)
    case symlinkRefused(path: String)
    case weakKDF(KDFParameters, floor: KDFParameters)
    /// A keyslot asks for more Argon2id work than vaultcli ever writes (a doctored file that
    /// would make every login allocate gigabytes or run for hours).
    case costlyKDF(KDFParameters, ceiling: KDFParameters)
    case permissionDenied(needed: String, role: String)
    case invalidInput(String)
    /// An input the library refuses, as a case (the CLI words it in the user's language).
    case input(InputProblem)
    case notFound(what: String)
    case tooLarge(what: String)
    /// A format-v1 vault: readable (info, verify, backup, restore), but an admin must move it
    /// to format v2 before anything is written to it.
    case needsUpgrade(path: String)
    /// Format v2: the vault is older than (or not a continuation of) what an admin last saw.
    case rolledBack(path: String, detail: String, statePath: String)
    /// The last-seen state of an admin could not be opened.
    case lastSeenUnreadable(path: String)
    /// A commit was saved (durably), but the superseded copies it replaces could not be erased
    /// in place afterwards (a failing disk). The command may have stopped there (a login's
    /// bookkeeping commit comes before the command's own change).
    case savedButNotErased(path: String, errno: Int32)

    public var message: String {
        switch self {
        case .noVault(let p): "no vault at \(p)"
        case .vaultExists(let p): "a vault already exists at \(p); it was not changed"
        case .authenticationFailed: "wrong user name or password"
        case .corrupt(let p, let part): "the vault at \(p) is damaged or was tampered with: \(part)"
        case .unsupportedVersion(let f, let s): "this vault uses format version \(f), but this vaultcli reads only version \(s)"
        case .notAVault(let p): "\(p) is not a vaultcli vault (wrong magic bytes)"
        case .lockHeld(let p, let ms): "another vaultcli process is using the vault at \(p) (waited \(ms) ms for its lock)"
        case .io(let p, let op, let e): "cannot \(op) \(p): \(String(cString: strerror(e)))"
        case .symlinkRefused(let p): "\(p) is a symbolic link; vaultcli refuses to follow a link where the vault should be"
        case .weakKDF(let k, let f): "the vault's key derivation (\(k.summary)) is below the floor (m >= \(f.memoryKiB) KiB, t >= \(f.iterations)); refusing to open it"
        case .costlyKDF(let k, let c): "a key slot asks for a key derivation (\(k.summary)) above anything vaultcli writes (m <= \(c.memoryKiB) KiB, t <= \(c.iterations)); refusing to run it"
        case .permissionDenied(let need, let role): "permission denied: this needs the \"\(need)\" permission, which the \(role) role does not have"
        case .invalidInput(let s): s
        case .input(let p): p.message
        case .notFound(let w): "\(w) not found"
        case .tooLarge(let w): "\(w) is too large"
        case .needsUpgrade(let p): "the vault at \(p) uses format version 1, which this vaultcli reads but no longer writes"
        case .rolledBack(let p, let d, _): "the vault at \(p) was rolled back to an earlier copy or cut short: \(d)"
        case .lastSeenUnreadable(let p): "the record of what this admin last saw of the vault (\(p)) cannot be read: it was written by someone else, or damaged"
        case .savedButNotErased(let p, let e): "the vault at \(p) was updated, but the superseded copies could not be erased in place: \(String(cString: strerror(e)))"
        }
    }

    public var hints: [String] {
        switch self {
        case .noVault: ["create one with `vaultcli init`, or point to yours with --vault PATH or $VAULTCLI_VAULT"]
        case .vaultExists: ["use another path with --vault PATH, or remove the old vault yourself if you really mean to start over"]
        case .authenticationFailed: ["check the user name and try again; after 10 failures the operator is locked for 30 minutes"]
        case .corrupt: ["run `vaultcli verify` for details, and restore the latest backup with `vaultcli restore FILE` if it cannot be read"]
        case .unsupportedVersion: ["upgrade vaultcli to a version that knows this format; the file was not changed"]
        case .notAVault: ["check the path given with --vault or $VAULTCLI_VAULT"]
        case .lockHeld: ["wait for the other vaultcli command to finish, then try again"]
        case .io(_, _, let e) where e == ENOSPC: ["free some space on that device; nothing was changed"]
        case .io(_, _, let e) where e == EROFS: ["the device is read-only; choose a writable location"]
        case .io(_, _, let e) where e == EACCES || e == EPERM: ["check the file's owner and permissions"]
        case .io: ["check that the device is present and writable"]
        case .symlinkRefused: ["point --vault at the real file instead of the link"]
        case .weakKDF: ["the file may have been altered to weaken it; restore from a backup you trust"]
        case .costlyKDF: ["the file may have been altered to tie up this terminal; run `vaultcli verify`, and restore from a backup you trust"]
        case .permissionDenied: ["ask an admin to do it, or to change your role"]
        case .invalidInput, .input, .notFound, .tooLarge: []
        case .needsUpgrade: ["an admin moves it to format v2 with `vaultcli upgrade --user NAME` (the v1 file is kept beside it); then run the command again"]
        case .rolledBack(_, _, let s): ["someone replaced the vault file with an older copy: restore your latest backup with `vaultcli restore FILE` (a restore starts the record afresh)",
                                        "if you put the older copy there yourself on purpose, delete \(s) and log in again"]
        case .lastSeenUnreadable(let p): ["if you trust the vault as it is, delete \(p) and log in again; `vaultcli verify` checks the vault"]
        case .savedButNotErased: ["the device failed a write: check it, then run the command again if its result is missing; the superseded copies are never read again, and the next compaction or `vaultcli rekey` removes them"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .noVault: .noVault
        case .vaultExists: .vaultExists
        case .authenticationFailed: .authenticationFailed
        case .corrupt, .notAVault: .corrupt
        case .unsupportedVersion, .needsUpgrade: .unsupportedVersion
        case .rolledBack, .lastSeenUnreadable: .corrupt
        case .lockHeld: .busy
        case .io, .symlinkRefused, .savedButNotErased: .io
        case .weakKDF: .weakKDF
        case .costlyKDF: .corrupt
        case .permissionDenied: .permissionDenied
        case .invalidInput, .input, .tooLarge: .usage
        case .notFound: .failure
        }
    }
}

/// An input refused by the vault's library (`VaultError.input`), with its English words.
public enum InputProblem: Equatable, Sendable {
    case merchantNameEmpty
    case merchantNameTooLong(maxCharacters: Int)
    /// `name` is already made safe to print.
    case merchantNameCharacter(name: String, codePoint: String)
    case notARegularFile(path: String)
    case notADirectory(path: String)
    case fileExists(path: String)
    case alreadyFormat(version: Int)
    case socketPathTooLong(path: String)
    case requestTooLong(bytes: Int, max: Int)
    case recoveryKeyNotX25519

    public var message: String {
        switch self {
        case .merchantNameEmpty:
            "the merchant's name is empty; give the shop's name as on its sign or receipts, or leave it out (an admin can set it later with `vaultcli policy set merchant-name NAME`)"
        case .merchantNameTooLong(let m): "the merchant's name is longer than \(m) characters; give the name on the shop's sign or receipts"
        case .merchantNameCharacter(let n, let c):
            "the merchant's name \"\(n)\" contains \(c); it may hold letters, Chinese characters, digits, punctuation and single spaces, but no control, invisible or direction-changing character"
        case .notARegularFile(let p): "\(p) is not a regular file"
        case .notADirectory(let p): "\(p) is not a directory"
        case .fileExists(let p): "\(p) already exists; it was not changed (choose another file name, or remove that file first)"
        case .alreadyFormat(let v): "the vault is already in format version \(v)"
        case .socketPathTooLong(let p): "the session socket path \(p) is too long"
        case .requestTooLong(let n, let m): "the command line and environment are too long for a session request (\(n) bytes; at most \(m))"
        case .recoveryKeyNotX25519: "a recovery key must be an X25519 public key"
        }
    }
}
