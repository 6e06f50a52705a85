import FoundationEssentials
import Glibc

/// The password policy of a vault: DESIGN.md "Default policy", with floors that `set` refuses
/// to go below. The stateless rules are checked by `PolicyChecker`; history, expiry, lockout
/// and first use are enforced by the operator code with the values kept here.
///
/// Floors and their sources (see docs/password-policy.md):
/// - minLength >= 8 (PCI DSS v4.0.1 8.3.6), at most 64 (NIST SP 800-63B: allow at least 64).
/// - letters, digits and a symbol are always required (merchants' requirement).
/// - the blocklist is always on (OWASP ASVS 4.0.3 2.1.7 / ASVS 5.0 6.2.4).
/// - personal data, dates, repeats, sequences and keyboard walks are always refused
///   (merchants' requirement; NIST SP 800-63B 5.1.1.2).
/// - history >= 4 (PCI DSS 8.3.7), at most 24.
/// - expiry 1...90 days (seed: at most 3 months; PCI DSS 8.3.9); warning 1...expiry days ahead.
/// - lockout after 1...10 failures (PCI DSS 8.3.4), for 30...1440 minutes (PCI DSS 8.3.4: >= 30).
/// - change on first use is always on (PCI DSS 8.3.5).
/// - minimum strength score 3 or 4 (vaultcli: zxcvbn score 3 is "safely unguessable" against
///   an offline attack on a slow hash; below that the blocklist alone is too thin a guard).
public struct PasswordPolicy: Codable, Equatable, Sendable {
    public var minLength: Int
    /// Always true: letters are required (floor). Kept as a field so `policy show` reads naturally.
    public var requireLetter: Bool
    public var requireDigit: Bool
    public var requireSymbol: Bool
    /// Optional extra: both an uppercase and a lowercase letter (off by default).
    public var requireMixedCase: Bool
    public var blocklist: Bool
    public var personalDataCheck: Bool
    public var patternCheck: Bool
    public var minStrengthScore: Int
    public var historyCount: Int
    public var expiryDays: Int
    public var expiryWarningDays: Int
    public var lockoutThreshold: Int
    public var lockoutMinutes: Int
    public var changeOnFirstUse: Bool
    /// Whether recovery questions alone may recover an admin's password (off: an admin needs a
    /// recovery code or the offline recovery key). Questions always work for cashiers and managers.
    public var adminRecoveryByQuestions: Bool
    /// `vaultcli status` says the backup is overdue when the last good one is older than this
    /// many days (0: never overdue).
    public var backupMaxAgeDays: Int
    /// Business hours in local time, "HH:MM-HH:MM" (may wrap past midnight), or "off". Logins
    /// outside them are listed by `vaultcli status`.
    public var businessHours: String

    /// The longest password the checker accepts, in Unicode scalars.
    public static let maxPasswordLength = 256

    public static let `default` = PasswordPolicy()

    public init() {
        minLength = 12
        requireLetter = true
        requireDigit = true
        requireSymbol = true
        requireMixedCase = false
        blocklist = true
        personalDataCheck = true
        patternCheck = true
        minStrengthScore = 3
        historyCount = 4
        expiryDays = 90
        expiryWarningDays = 14
        lockoutThreshold = 10
        lockoutMinutes = 30
        changeOnFirstUse = true
        adminRecoveryByQuestions = false
        backupMaxAgeDays = 1
        businessHours = "off"
    }

    /// Decoding re-checks every floor, so a stored policy can never be weaker than the floors.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var p = PasswordPolicy()
        p.minLength = try c.decode(Int.self, forKey: .minLength)
        p.requireLetter = try c.decode(Bool.self, forKey: .requireLetter)
        p.requireDigit = try c.decode(Bool.self, forKey: .requireDigit)
        p.requireSymbol = try c.decode(Bool.self, forKey: .requireSymbol)
        p.requireMixedCase = try c.decode(Bool.self, forKey: .requireMixedCase)
        p.blocklist = try c.decode(Bool.self, forKey: .blocklist)
        p.personalDataCheck = try c.decode(Bool.self, forKey: .personalDataCheck)
        p.patternCheck = try c.decode(Bool.self, forKey: .patternCheck)
        p.minStrengthScore = try c.decode(Int.self, forKey: .minStrengthScore)
        p.historyCount = try c.decode(Int.self, forKey: .historyCount)
        p.expiryDays = try c.decode(Int.self, forKey: .expiryDays)
        p.expiryWarningDays = try c.decode(Int.self, forKey: .expiryWarningDays)
        p.lockoutThreshold = try c.decode(Int.self, forKey: .lockoutThreshold)
        p.lockoutMinutes = try c.decode(Int.self, forKey: .lockoutMinutes)
        p.changeOnFirstUse = try c.decode(Bool.self, forKey: .changeOnFirstUse)
        // Added with recovery (issue 7): policies stored before it read as off.
        p.adminRecoveryByQuestions = try c.decodeIfPresent(Bool.self, forKey: .adminRecoveryByQuestions) ?? false
        // Added with `vaultcli status`: policies stored before it read as the defaults.
        p.backupMaxAgeDays = try c.decodeIfPresent(Int.self, forKey: .backupMaxAgeDays) ?? 1
        p.businessHours = try c.decodeIfPresent(String.self, forKey: .businessHours) ?? "off"
        do { try p.validate() } catch let e as PolicyError {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: e.message))
        }
        self = p
    }

    /// Throws the first setting that is beyond its floor or ceiling.
    public func validate() throws {
        for s in Self.settings {
            try s.check(s.get(self), self)
        }
    }

    /// Sets one value by its `policy set` key (for example `min-length`, `history`), refusing
    /// values beyond the floors and ceilings with a message naming the limit and its source.
    public mutating func set(key: String, value: String) throws {
        guard let s = Self.settings.first(where: { $0.key == key.lowercased() }) else {
            throw PolicyError.unknownKey(key, known: Self.settings.map(\.key) + ["merchant-name"])
        }
        let v: PolicySettingValue
        switch s.kind {
        case .int:
            guard let n = Int(value.trimmed(.whitespaces)) else {
                throw PolicyError.invalidValue(key: s.key, value: value, expected: "a whole number")
            }
            v = .int(n)
        case .text:
            v = .text(value.trimmed(.whitespaces).lowercased())
        case .bool:
            switch value.lowercased() {
            case "on", "true", "yes", "1": v = .bool(true)
            case "off", "false", "no", "0": v = .bool(false)
            default: throw PolicyError.invalidValue(key: s.key, value: value, expected: "on or off")
            }
        }
        var copy = self
        s.set(&copy, v)
        try s.check(v, copy)
        if s.key == "expiry-days" && copy.expiryWarningDays > copy.expiryDays {
            copy.expiryWarningDays = copy.expiryDays
        }
        self = copy
    }

    /// Every setting as `policy show` lists it: key, current value, limit and source.
    public var listing: [PolicySettingDescription] {
        Self.settings.map { s in
            PolicySettingDescription(key: s.key, value: s.get(self).description, limit: s.limit, source: s.source, meaning: s.meaning)
        }
    }

    // MARK: - The settings table

    struct Setting: Sendable {
        enum Kind { case int, bool, text }
        let key: String
        let kind: Kind
        let meaning: String
        let limit: String
        let source: String
        let get: @Sendable (PasswordPolicy) -> PolicySettingValue
        let set: @Sendable (inout PasswordPolicy, PolicySettingValue) -> Void
        let check: @Sendable (PolicySettingValue, PasswordPolicy) throws -> Void
    }

    static func intSetting(_ key: String, _ kp: WritableKeyPath<PasswordPolicy, Int> & Sendable, meaning: String,
                           min: Int, max: @escaping @Sendable (PasswordPolicy) -> Int, maxText: String,
                           minSource: String, maxSource: String) -> Setting {
        Setting(key: key, kind: .int, meaning: meaning, limit: "\(min)...\(maxText)",
                source: minSource == maxSource ? minSource : "\(minSource); \(maxSource)",
                get: { .int($0[keyPath: kp]) },
                set: { p, v in if case .int(let n) = v { p[keyPath: kp] = n } },
                check: { v, p in
                    guard case .int(let n) = v else { return }
                    if n < min { throw PolicyError.belowFloor(key: key, value: n, floor: min, source: minSource) }
                    let hi = max(p)
                    if n > hi { throw PolicyError.aboveCeiling(key: key, value: n, ceiling: hi, source: maxSource) }
                })
    }

    static func mandatorySetting(_ key: String, _ kp: WritableKeyPath<PasswordPolicy, Bool> & Sendable, meaning: String, source: String) -> Setting {
        Setting(key: key, kind: .bool, meaning: meaning, limit: "always on", source: source,
                get: { .bool($0[keyPath: kp]) },
                set: { p, v in if case .bool(let b) = v { p[keyPath: kp] = b } },
                check: { v, _ in
                    if case .bool(false) = v { throw PolicyError.cannotDisable(key: key, source: source) }
                })
    }

    static let settings: [Setting] = [
        intSetting("min-length", \.minLength, meaning: "minimum password length in characters",
                   min: 8, max: { _ in 64 }, maxText: "64",
                   minSource: "PCI DSS v4.0.1 8.3.6 (at least 8 characters where 12 is not supported; vaultcli default 12)",
                   maxSource: "NIST SP 800-63B 5.1.1.2 (passwords up to 64 characters must be allowed)"),
        mandatorySetting("require-letter", \.requireLetter, meaning: "at least one letter",
                         source: "merchants' requirement (letters, digits and special characters); PCI DSS v4.0.1 8.3.6"),
        mandatorySetting("require-digit", \.requireDigit, meaning: "at least one digit",
                         source: "merchants' requirement (letters, digits and special characters); PCI DSS v4.0.1 8.3.6"),
        mandatorySetting("require-symbol", \.requireSymbol, meaning: "at least one symbol (not a letter or digit)",
                         source: "merchants' requirement (letters, digits and special characters)"),
        Setting(key: "require-mixed-case", kind: .bool, meaning: "both an uppercase and a lowercase letter (optional extra)",
                limit: "on or off", source: "vaultcli (optional)",
                get: { .bool($0.requireMixedCase) },
                set: { p, v in if case .bool(let b) = v { p.requireMixedCase = b } },
                check: { _, _ in }),
        mandatorySetting("blocklist", \.blocklist, meaning: "refuse the 30,000 most common passwords and simple variants",
                         source: "OWASP ASVS 5.0 6.2.4 (at least the top 3,000); NIST SP 800-63B 5.1.1.2"),
        mandatorySetting("personal-data", \.personalDataCheck, meaning: "refuse the user name, phone, email name, birthday and other names",
                         source: "merchants' requirement; NIST SP 800-63B 5.1.1.2 (context-specific words)"),
        mandatorySetting("patterns", \.patternCheck, meaning: "refuse dates, repeats (aaaa), sequences (1234, abcd) and keyboard walks (qwer, 1qaz)",
                         source: "merchants' requirement; NIST SP 800-63B 5.1.1.2 (repetitive or sequential characters)"),
        intSetting("min-strength-score", \.minStrengthScore, meaning: "minimum zxcvbn-style strength score (0-4)",
                   min: 3, max: { _ in 4 }, maxText: "4",
                   minSource: "vaultcli (a strength score of at least 3)", maxSource: "the score scale ends at 4"),
        intSetting("history", \.historyCount, meaning: "how many previous passwords cannot be reused",
                   min: 4, max: { _ in 24 }, maxText: "24",
                   minSource: "PCI DSS v4.0.1 8.3.7 (not any of the last four)", maxSource: "vaultcli (history kept per operator)"),
        intSetting("expiry-days", \.expiryDays, meaning: "days before a password must be changed",
                   min: 1, max: { _ in 90 }, maxText: "90",
                   minSource: "merchants' requirement (changed at least every 3 months); PCI DSS v4.0.1 8.3.9",
                   maxSource: "merchants' requirement (changed at least every 3 months); PCI DSS v4.0.1 8.3.9"),
        intSetting("expiry-warning-days", \.expiryWarningDays, meaning: "days ahead of expiry that login warns",
                   min: 1, max: { $0.expiryDays }, maxText: "expiry-days",
                   minSource: "vaultcli (a warning must come before expiry)", maxSource: "vaultcli (cannot warn before the password was set)"),
        intSetting("lockout-threshold", \.lockoutThreshold, meaning: "failed logins in a row that lock the operator",
                   min: 1, max: { _ in 10 }, maxText: "10",
                   minSource: "PCI DSS v4.0.1 8.3.4 (not more than 10 attempts)", maxSource: "PCI DSS v4.0.1 8.3.4 (not more than 10 attempts)"),
        intSetting("lockout-minutes", \.lockoutMinutes, meaning: "minutes an operator stays locked (or until `user unlock`)",
                   min: 30, max: { _ in 1440 }, maxText: "1440",
                   minSource: "PCI DSS v4.0.1 8.3.4 (locked for at least 30 minutes)", maxSource: "vaultcli (at most one day; admins can unlock sooner)"),
        mandatorySetting("change-on-first-use", \.changeOnFirstUse, meaning: "a password set by an admin must be changed at first login",
                         source: "PCI DSS v4.0.1 8.3.5"),
        Setting(key: "admin-recovery-by-questions", kind: .bool,
                meaning: "recovery questions alone may recover an admin's password (off: a recovery code or the recovery key is needed)",
                limit: "on or off", source: "vaultcli (default off)",
                get: { .bool($0.adminRecoveryByQuestions) },
                set: { p, v in if case .bool(let b) = v { p.adminRecoveryByQuestions = b } },
                check: { _, _ in }),
        intSetting("backup-max-age-days", \.backupMaxAgeDays,
                   meaning: "days after the last good backup that `vaultcli status` calls it overdue (0: never)",
                   min: 0, max: { _ in 365 }, maxText: "365",
                   minSource: "vaultcli (default 1: a nightly backup)", maxSource: "vaultcli (at most a year)"),
        Setting(key: "business-hours", kind: .text,
                meaning: "opening hours in local time, HH:MM-HH:MM or off; `vaultcli status` lists logins outside them",
                limit: "HH:MM-HH:MM or off", source: "vaultcli (default off)",
                get: { .text($0.businessHours) },
                set: { p, v in if case .text(let t) = v { p.businessHours = t } },
                check: { v, _ in
                    guard case .text(let t) = v, t != "off" else { return }
                    if BusinessHours(t) == nil {
                        throw PolicyError.invalidValue(key: "business-hours", value: t, expected: "HH:MM-HH:MM in local time (for example 08:00-22:00), or off")
                    }
                }),
    ]
}

public enum PolicySettingValue: Equatable, Sendable, CustomStringConvertible {
    case int(Int)
    case bool(Bool)
    case text(String)
    public var description: String {
        switch self {
        case .int(let n): String(n)
        case .bool(let b): b ? "on" : "off"
        case .text(let t): t
        }
    }
}

/// One line of `policy show`.
public struct PolicySettingDescription: Equatable, Sendable {
    public let key: String
    public let value: String
    /// The allowed range, e.g. "8...64" or "always on".
    public let limit: String
    public let source: String
    public let meaning: String
}

/// Errors of `policy set` and of a stored policy that breaks a floor.
public enum PolicyError: UserFacingError, Equatable {
    case unknownKey(String, known: [String])
    case invalidValue(key: String, value: String, expected: String)
    case belowFloor(key: String, value: Int, floor: Int, source: String)
    case aboveCeiling(key: String, value: Int, ceiling: Int, source: String)
    case cannotDisable(key: String, source: String)

    public var message: String {
        switch self {
        case .unknownKey(let k, _): "there is no policy setting called \"\(k)\""
        case .invalidValue(let k, let v, let e): "\"\(v)\" is not a valid value for \(k): expected \(e)"
        case .belowFloor(let k, let v, let f, let s): "\(k) cannot be set to \(v): the floor is \(f) (\(s))"
        case .aboveCeiling(let k, let v, let c, let s): "\(k) cannot be set to \(v): the most allowed is \(c) (\(s))"
        case .cannotDisable(let k, let s): "\(k) cannot be turned off: it is required (\(s))"
        }
    }

    public var hints: [String] {
        switch self {
        case .unknownKey(_, let known): ["the settings are: \(known.joined(separator: ", "))"]
        case .invalidValue: ["see `vaultcli policy show` for each setting and its range"]
        case .belowFloor(_, _, let f, _): ["choose \(f) or more"]
        case .aboveCeiling(_, _, let c, _): ["choose \(c) or less"]
        case .cannotDisable: ["the rule stays on; other settings can be made stricter"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .unknownKey, .invalidValue: .usage
        case .belowFloor, .aboveCeiling, .cannotDisable: .policyRejected
        }
    }
}

/// Opening hours, "HH:MM-HH:MM" in local time; the end may be before the start (open past
/// midnight).
public struct BusinessHours: Equatable, Sendable {
    public let start: Int
    public let end: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Self.minutes(parts[0]), let b = Self.minutes(parts[1]), a != b else { return nil }
        start = a; end = b
    }

    static func minutes(_ s: Substring) -> Int? {
        let hm = String(s).trimmed(.whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    /// Whether a time falls inside the hours, in local time ($TZ, /etc/localtime).
    public func contains(_ date: Date) -> Bool {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = Glibc.tm()
        localtime_r(&t, &tm)
        let m = Int(tm.tm_hour) * 60 + Int(tm.tm_min)
        return start < end ? (m >= start && m < end) : (m >= start || m < end)
    }
}
