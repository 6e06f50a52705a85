import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(.helpStatus),
            discussion: tr(.stDiscussion))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            var needsAttention = false
            try actor.run(vault) { v, me in
                let r = try me.status.report()
                let merchant = try v.merchantName()
                needsAttention = !r.attention.isEmpty
                if output.json {
                    var d = StatusText.json(r)
                    d["merchant_name"] = merchant.map { $0 as Any } ?? JSONNull()
                    Out.json(d)
                } else {
                    Out.line(merchant.map { tr(.stMerchant, Out.text($0)) } ?? tr(.stMerchantNone))
                    for l in StatusText.lines(r) { Out.line(l) }
                }
            }
            if needsAttention { throw ExitCode(ExitStatus.failure.rawValue) }
        }
    }
}

/// How a status report reads, in full (`vaultcli status`) and in one line (at an admin's or
/// manager's login).
enum StatusText {
    /// Local time with its offset ($TZ, /etc/localtime), or UTC with --utc (LocalTime).
    static func local(_ d: Date) -> String { LocalTime.string(d) }

    static func ago(_ d: Date, now: Date) -> String {
        let s = Int(now.timeIntervalSince(d))
        if s < 3600 { return tr(.stMinAgo, max(s / 60, 0)) }
        if s < 2 * 86400 { return tr(.stHoursAgo, s / 3600) }
        return tr(.stDaysAgo, s / 86400)
    }

    static func lines(_ r: StatusReport) -> [String] {
        let now = r.generatedAt
        var out: [String] = []
        func mark(_ bad: Bool) -> String { bad ? "! " : "  " }
        out.append(tr(.stPasswords))
        if r.passwords.isEmpty { out.append(tr(.stPasswordsNone)) }
        for p in r.passwords {
            out.append(mark(true) + p.name.padded(16) + roleName(p.role).padded(9) +
                       (p.expired ? tr(.stExpiredOn, local(p.expiresAt)) : tr(p.daysLeft == 1 ? .stExpiresInOne : .stExpiresInMany, p.daysLeft, local(p.expiresAt))))
        }
        out.append(tr(.stBackup))
        if let b = r.lastBackup {
            let overdue = r.attention.contains { if case .backupOverdue = $0 { true } else { false } }
            out.append(mark(overdue) + tr(.stLastGood, local(b.time), ago(b.time, now: now), b.target) +
                       (overdue ? tr(r.backupMaxAgeDays == 1 ? .stOverdueOne : .stOverdueMany, r.backupMaxAgeDays) : ""))
        } else {
            out.append(mark(true) + tr(.stNoBackup))
        }
        if let f = r.lastBackupFailure { out.append(tr(.stBackupFailedAfter, local(f.time), f.target)) }
        out.append(tr(.stFailedLogins, r.windowDays))
        if r.failedLogins.isEmpty { out.append(tr(.stNone)) }
        for f in r.failedLogins {
            let bad = f.lockouts > 0 || f.failures >= StatusReport.failuresWorthAttention
            out.append(mark(bad) + f.name.padded(16) + tr(.stFailedCount, f.failures) + (f.lockouts > 0 ? tr(f.lockouts == 1 ? .stLockoutsOne : .stLockoutsMany, f.lockouts) : ""))
        }
        out.append(tr(.stOffHours, r.businessHours == "off" ? tr(.stHoursNotSet) : r.businessHours, r.windowDays))
        if r.businessHours == "off" { out.append(tr(.stOffHoursNotChecked)) }
        else if r.offHoursLogins.isEmpty { out.append(tr(.stNone)) }
        for l in r.offHoursLogins { out.append(mark(true) + l.name.padded(16) + local(l.time)) }
        out.append(tr(.stRecoveryCodes))
        let low = r.recoveryCodesLeft < StatusReport.lowRecoveryCodes
        out.append(mark(low) + tr(.stCodesLeft, r.recoveryCodesLeft) + (low ? tr(.stCodesLow) : ""))
        return out
    }

    /// One line for a login, or nil when nothing needs attention.
    static func short(_ r: StatusReport) -> String? {
        guard !r.attention.isEmpty else { return nil }
        var parts: [String] = []
        let expired = r.passwords.filter(\.expired).count, due = r.passwords.count - expired
        if expired > 0 { parts.append(tr(expired == 1 ? .atPasswordsExpiredOne : .atPasswordsExpiredMany, expired)) }
        if due > 0 { parts.append(tr(due == 1 ? .atPasswordsDueOne : .atPasswordsDueMany, due)) }
        for a in r.attention {
            switch a {
            case .noBackup: parts.append(tr(.atNoBackup))
            case .backupOverdue(let d): parts.append(tr(d == 1 ? .atBackupOverdueOne : .atBackupOverdueMany, d))
            case .lockouts(let n, let c): parts.append(tr(.atLockouts, n, c))
            case .repeatedFailures(let n, let c): parts.append(tr(.atRepeatedFailures, c, n))
            case .offHoursLogins(let c): parts.append(tr(c == 1 ? .atOffHoursOne : .atOffHoursMany, c))
            case .fewRecoveryCodes(let l): parts.append(tr(l == 1 ? .atCodesLeftOne : .atCodesLeftMany, l))
            case .passwordExpired, .passwordDueSoon: break
            }
        }
        return tr(.atLine, parts.joined(separator: tr(.atSeparator)))
    }

    static func json(_ r: StatusReport) -> [String: Any] {
        var d: [String: Any] = [
            "needs_attention": !r.attention.isEmpty,
            "window_days": r.windowDays,
            "passwords": r.passwords.map { ["name": $0.name, "role": $0.role.rawValue, "expires": ISO8601.string($0.expiresAt),
                                            "days_left": $0.daysLeft, "expired": $0.expired] as [String: Any] },
            "backup_max_age_days": r.backupMaxAgeDays,
            "failed_logins": r.failedLogins.map { ["name": $0.name, "failures": $0.failures, "lockouts": $0.lockouts] as [String: Any] },
            "business_hours": r.businessHours,
            "off_hours_logins": r.offHoursLogins.map { ["name": $0.name, "time": ISO8601.string($0.time)] },
            "recovery_codes_left": r.recoveryCodesLeft,
        ]
        d["last_backup"] = r.lastBackup.map { ["time": ISO8601.string($0.time), "target": $0.target] } ?? JSONNull()
        d["last_backup_failure"] = r.lastBackupFailure.map { ["time": ISO8601.string($0.time), "target": $0.target] } ?? JSONNull()
        d["attention"] = r.attention.map { a -> String in
            switch a {
            case .passwordExpired(let n): "password-expired:\(n)"
            case .passwordDueSoon(let n, let d): "password-due:\(n):\(d)"
            case .noBackup: "no-backup"
            case .backupOverdue(let d): "backup-overdue:\(d)"
            case .lockouts(let n, let c): "lockouts:\(n):\(c)"
            case .repeatedFailures(let n, let c): "failed-logins:\(n):\(c)"
            case .offHoursLogins(let c): "off-hours-logins:\(c)"
            case .fewRecoveryCodes(let l): "few-recovery-codes:\(l)"
            }
        }
        return d
    }
}
