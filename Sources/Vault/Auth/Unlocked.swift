import FoundationEssentials

/// An unlocked vault: the open vault and the operator's session (their name, role and the keys
/// their keyslot gave). Its members are the API of everything done as that operator, each a
/// small value holding the same two things:
///
///     let me = v.unlocked(by: login.session)
///     try me.accounts.add(fields, secret: secret)
///     try me.transactions.add(t)
///
/// `Session` stays the keys alone: the session agent keeps one across many opens of the vault,
/// and a login checks it against the file each time; `Unlocked` pairs it with one open vault
/// (`Vault.unlocked(by:)`). Permission checks stay in each member, with the session's role.
public struct Unlocked {
    public let vault: Vault
    public let session: Session

    /// Merchant accounts (admin keys).
    public var accounts: Accounts { Accounts(vault: vault, session: session) }
    /// Transaction records: add, list, export, summarise, import.
    public var transactions: Transactions { Transactions(vault: vault, session: session) }
    /// Operators: look-ups, add, role, status, remove, unlock, passwords, contact details.
    public var operators: Operators { Operators(vault: vault, session: session) }
    /// One-time codes (TOTP).
    public var oneTimeCodes: OneTimeCodes { OneTimeCodes(vault: vault, session: session) }
    /// Recovery codes, questions, keys and the recovery lock.
    public var recovery: RecoveryMaterial { RecoveryMaterial(vault: vault, session: session) }
    /// Backup configuration (fleet enrolment).
    public var backups: Backups { Backups(vault: vault, session: session) }
    /// The signed settings: password policy, merchant name.
    public var settings: Settings { Settings(vault: vault, session: session) }
    /// The status report.
    public var status: VaultStatus { VaultStatus(vault: vault, session: session) }
    /// Key rotation.
    public var rotation: KeyRotation { KeyRotation(vault: vault, session: session) }
}

extension Vault {
    /// This open vault, acting as `session`'s operator.
    public func unlocked(by session: Session) -> Unlocked { Unlocked(vault: self, session: session) }
}

extension Unlocked {
    /// Authenticates every frame the session's keys allow (all of them for an admin), and the
    /// structure and chain of the rest.
    public func verify(progress: ((Int, Int) -> Void)? = nil) throws -> ScanReport {
        try vault.verify(keys: session.keys, progress: progress)
    }
}
