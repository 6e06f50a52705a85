// The catalog's keys (see Catalog.swift): one case an area, each area an enum of its own with
// one case a message, its `text` switch giving English and Simplified Chinese side by side, and
// a `Msg.key` for each message, so that callers write `tr(.key)`. Terms: docs/GLOSSARY.md.

public enum Msg: Hashable, Sendable {
    /// The words every command shares: the language, the voice of errors, roles, the vault's
    /// and operators' errors, secrets typed or read, login: CommonMessages.swift.
    case common(Common)
    /// Backups: what is wrong with one (its age header, armor, recipients and identities,
    /// manifest and marker: BackupError), and what backup and restore say:
    /// BackupMessages.swift.
    case backup(Backup)
    /// Sessions (unlock, lock, the agent) and the fleet manifest, roster and rclone errors
    /// (SessionError): SessionMessages.swift.
    case session(Session)
    /// The rules on accounts, transactions and their fields, phone and e-mail, operator names
    /// (RecordProblem, RecordError, EntryError, InputProblem): RecordMessages.swift.
    case records(Records)
    /// The password policy, its settings and their errors, the generator's errors, loose secret
    /// files: PasswordPolicyMessages.swift.
    case passwordPolicy(PasswordPolicy)
    /// Status, init, and transactions: their output, text tables and import rows:
    /// StatusMessages.swift.
    case status(Status)
    /// Recovery: recover, its set-up, questions, codes and keys: RecoveryMessages.swift.
    case recovery(Recovery)
    /// Help texts: the root, the main commands, option help and discussions:
    /// HelpMessages.swift.
    case help(Help)
    /// The user, totp, backup, tx export/import, info and verify commands:
    /// CommandMessages.swift.
    case commands(Commands)
    /// Accounts and personal data: AccountMessages.swift.
    case accounts(Accounts)
    /// Genpass, audit, check-password, policy, keygen and upgrade: ToolMessages.swift.
    case tools(Tools)
    /// Check-password's feedback and crack times (zxcvbn), and the merchant name, personal data
    /// and v2 backups: StrengthMessages.swift.
    case strength(Strength)
    /// Fleet: enrol, list, prune, verify and its errors: FleetMessages.swift.
    case fleet(Fleet)
    /// Account show, exports, tables, Excel CSV, frame kinds, and what the user commands say:
    /// OutputMessages.swift.
    case output(Output)
    /// Details of damage and of session ends (DetailText): DetailMessages.swift.
    case details(Details)

    /// English, then Simplified Chinese.
    public var text: (en: String, zh: String) {
        switch self {
        case .common(let m): m.text
        case .backup(let m): m.text
        case .session(let m): m.text
        case .records(let m): m.text
        case .passwordPolicy(let m): m.text
        case .status(let m): m.text
        case .recovery(let m): m.text
        case .help(let m): m.text
        case .commands(let m): m.text
        case .accounts(let m): m.text
        case .tools(let m): m.text
        case .strength(let m): m.text
        case .fleet(let m): m.text
        case .output(let m): m.text
        case .details(let m): m.text
        }
    }
}

extension Msg: CaseIterable {
    /// Every message, area by area.
    public static var allCases: [Msg] {
        var all: [Msg] = []
        all += Common.allCases.map(Msg.common)
        all += Backup.allCases.map(Msg.backup)
        all += Session.allCases.map(Msg.session)
        all += Records.allCases.map(Msg.records)
        all += PasswordPolicy.allCases.map(Msg.passwordPolicy)
        all += Status.allCases.map(Msg.status)
        all += Recovery.allCases.map(Msg.recovery)
        all += Help.allCases.map(Msg.help)
        all += Commands.allCases.map(Msg.commands)
        all += Accounts.allCases.map(Msg.accounts)
        all += Tools.allCases.map(Msg.tools)
        all += Strength.allCases.map(Msg.strength)
        all += Fleet.allCases.map(Msg.fleet)
        all += Output.allCases.map(Msg.output)
        all += Details.allCases.map(Msg.details)
        return all
    }
}
