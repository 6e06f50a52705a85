import FoundationEssentials
import Glibc

/// What an owner should look at today (`vaultcli status`): passwords about to expire, the last
/// good backup, failed logins and lockouts, logins outside business hours, and recovery codes
/// left. Read from the operators' state and the audit log with an admin's or manager's keys.
public struct StatusReport: Sendable {
    public struct PasswordDue: Sendable, Equatable {
        public let name: String
        public let role: Role
        public let expiresAt: Date
        /// Whole days left (negative once expired).
        public let daysLeft: Int
        public let expired: Bool
    }

    public struct Backup: Sendable, Equatable {
        public let time: Date
        public let target: String
    }

    public struct FailedLogins: Sendable, Equatable {
        /// The operator, or "(unknown)" for names that are not operators.
        public let name: String
        public let failures: Int
        public let lockouts: Int
    }

    public struct OffHoursLogin: Sendable, Equatable {
        public let name: String
        public let time: Date
    }

    /// What needs attention, for an alarm (the CLI exits 1 when this is not empty).
    public enum Attention: Sendable, Equatable {
        case passwordExpired(name: String)
        case passwordDueSoon(name: String, days: Int)
        case noBackup
        case backupOverdue(days: Int)
        case lockouts(name: String, count: Int)
        case repeatedFailures(name: String, count: Int)
        case offHoursLogins(count: Int)
        case fewRecoveryCodes(left: Int)
    }

    public let generatedAt: Date
    /// The window the audit-based counts cover.
    public let windowDays: Int
    public let passwords: [PasswordDue]
    public let lastBackup: Backup?
    public let lastBackupFailure: Backup?
    public let backupMaxAgeDays: Int
    public let failedLogins: [FailedLogins]
    public let businessHours: String
    public let offHoursLogins: [OffHoursLogin]
    public let recoveryCodesLeft: Int
    public let attention: [Attention]

    /// A failed login counts toward attention from this many in the window.
    public static let failuresWorthAttention = 3
    /// Fewer recovery codes than this left is worth saying.
    public static let lowRecoveryCodes = 3
}

extension Vault {
}

extension VaultStatus {
    /// The status report (admins and managers: it reads the audit log).
    public func report(now: Date = Date(), windowDays: Int = 7) throws -> StatusReport {
        try Permission.readAudit.require(session)
        let policy = try vault.passwordPolicy()
        let day: TimeInterval = 86400
        var attention: [StatusReport.Attention] = []

        // Passwords: expired, or due within the warning period.
        var due: [StatusReport.PasswordDue] = []
        for p in try vault.unlocked(by: session).operators.list() where p.status == .active {
            let expires = p.passwordChangedAt.addingTimeInterval(Double(policy.expiryDays) * day)
            let left = Int((expires.timeIntervalSince(now) / day).rounded(.down))
            if expires <= now {
                due.append(.init(name: p.name, role: p.role, expiresAt: expires, daysLeft: min(left, -1), expired: true))
                attention.append(.passwordExpired(name: p.name))
            } else if left < policy.expiryWarningDays {
                due.append(.init(name: p.name, role: p.role, expiresAt: expires, daysLeft: left, expired: false))
                attention.append(.passwordDueSoon(name: p.name, days: left))
            }
        }
        due.sort { $0.expiresAt < $1.expiresAt }

        let events = try vault.unlocked(by: session).auditEvents()
        // The last good backup, and the last failed one after it.
        var lastBackup: StatusReport.Backup?
        var lastFailure: StatusReport.Backup?
        for e in events where e.action == "backup.create" {
            if e.outcome == "ok" { lastBackup = .init(time: e.time, target: e.target); lastFailure = nil }
            else { lastFailure = .init(time: e.time, target: e.target) }
        }
        if let b = lastBackup {
            let age = Int((now.timeIntervalSince(b.time) / day).rounded(.down))
            if policy.backupMaxAgeDays > 0 && now.timeIntervalSince(b.time) > Double(policy.backupMaxAgeDays) * day {
                attention.append(.backupOverdue(days: age))
            }
        } else {
            attention.append(.noBackup)
        }

        // Failed logins and lockouts in the window, by operator ("login" and "auth" alike).
        let since = now.addingTimeInterval(-Double(windowDays) * day)
        var failures: [String: (Int, Int)] = [:]
        var offHours: [StatusReport.OffHoursLogin] = []
        let hours = BusinessHours(policy.businessHours)
        for e in events where e.time >= since && e.time <= now {
            let who = e.actor == "(unknown)" ? "(unknown)" : (e.target.isEmpty ? e.actor : e.target)
            if (e.action == "login" || e.action == "auth") && e.outcome.hasPrefix("failed") {
                failures[who, default: (0, 0)].0 += 1
            } else if e.action == "lockout" {
                failures[who, default: (0, 0)].1 += 1
            } else if e.action == "login" && e.outcome.hasPrefix("ok"), let hours, !hours.contains(e.time) {
                offHours.append(.init(name: e.actor, time: e.time))
            }
        }
        let failed = failures.map { StatusReport.FailedLogins(name: $0.key, failures: $0.value.0, lockouts: $0.value.1) }
            .sorted { ($0.lockouts, $0.failures, $1.name) > ($1.lockouts, $1.failures, $0.name) }
        for f in failed {
            if f.lockouts > 0 { attention.append(.lockouts(name: f.name, count: f.lockouts)) }
            else if f.failures >= StatusReport.failuresWorthAttention { attention.append(.repeatedFailures(name: f.name, count: f.failures)) }
        }
        if !offHours.isEmpty { attention.append(.offHoursLogins(count: offHours.count)) }

        let codes = try vault.recoveryCodesLeft()
        if codes < StatusReport.lowRecoveryCodes { attention.append(.fewRecoveryCodes(left: codes)) }

        return StatusReport(generatedAt: now, windowDays: windowDays, passwords: due, lastBackup: lastBackup,
                            lastBackupFailure: lastFailure, backupMaxAgeDays: policy.backupMaxAgeDays, failedLogins: failed,
                            businessHours: policy.businessHours, offHoursLogins: offHours, recoveryCodesLeft: codes,
                            attention: attention)
    }
}
