import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What needs looking at: passwords about to expire, the last backup, failed logins, off-hours logins, recovery codes (managers and admins).",
            discussion: """
            Exit status 0: nothing needs attention; 1: something does (each such line starts with "!"), so a timer \
            can raise an alarm. Counts cover the last 7 days. Set the limits with `vaultcli policy set \
            backup-max-age-days N` (default 1) and `vaultcli policy set business-hours 08:00-22:00` (local time; default off).
            """)
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            var needsAttention = false
            try actor.run(vault) { v, me in
                let r = try v.statusReport(session: me.session)
                needsAttention = !r.attention.isEmpty
                if output.json { Out.json(StatusText.json(r)) } else { for l in StatusText.lines(r) { Out.line(l) } }
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
        if s < 3600 { return "\(max(s / 60, 0)) min ago" }
        if s < 2 * 86400 { return "\(s / 3600) h ago" }
        return "\(s / 86400) days ago"
    }

    static func lines(_ r: StatusReport) -> [String] {
        let now = r.generatedAt
        var out: [String] = []
        func mark(_ bad: Bool) -> String { bad ? "! " : "  " }
        out.append("Passwords")
        if r.passwords.isEmpty { out.append("  none expired or due within the warning period") }
        for p in r.passwords {
            out.append(mark(true) + p.name.padded(16) + p.role.rawValue.padded(9) +
                       (p.expired ? "expired on \(local(p.expiresAt))" : "expires in \(p.daysLeft) day\(p.daysLeft == 1 ? "" : "s") (\(local(p.expiresAt)))"))
        }
        out.append("Backup")
        if let b = r.lastBackup {
            let overdue = r.attention.contains { if case .backupOverdue = $0 { true } else { false } }
            out.append(mark(overdue) + "last good backup \(local(b.time)) (\(ago(b.time, now: now))) to \(b.target)" +
                       (overdue ? "; overdue (more than \(r.backupMaxAgeDays) day\(r.backupMaxAgeDays == 1 ? "" : "s"))" : ""))
        } else {
            out.append(mark(true) + "no backup yet: run `vaultcli backup --to DIR` (see docs/backup-guide.md for the nightly timer)")
        }
        if let f = r.lastBackupFailure { out.append("  a backup failed after it: \(local(f.time)) to \(f.target)") }
        out.append("Failed logins, last \(r.windowDays) days")
        if r.failedLogins.isEmpty { out.append("  none") }
        for f in r.failedLogins {
            let bad = f.lockouts > 0 || f.failures >= StatusReport.failuresWorthAttention
            out.append(mark(bad) + f.name.padded(16) + "\(f.failures) failed" + (f.lockouts > 0 ? ", \(f.lockouts) lockout\(f.lockouts == 1 ? "" : "s")" : ""))
        }
        out.append("Logins outside business hours (\(r.businessHours)), last \(r.windowDays) days")
        if r.businessHours == "off" { out.append("  not checked: set them with `vaultcli policy set business-hours 08:00-22:00`") }
        else if r.offHoursLogins.isEmpty { out.append("  none") }
        for l in r.offHoursLogins { out.append(mark(true) + l.name.padded(16) + local(l.time)) }
        out.append("Recovery codes")
        let low = r.recoveryCodesLeft < StatusReport.lowRecoveryCodes
        out.append(mark(low) + "\(r.recoveryCodesLeft) left" + (low ? ": make new ones with `vaultcli recover codes --regenerate`" : ""))
        return out
    }

    /// One line for a login, or nil when nothing needs attention.
    static func short(_ r: StatusReport) -> String? {
        guard !r.attention.isEmpty else { return nil }
        var parts: [String] = []
        let expired = r.passwords.filter(\.expired).count, due = r.passwords.count - expired
        if expired > 0 { parts.append("\(expired) password\(expired == 1 ? "" : "s") expired") }
        if due > 0 { parts.append("\(due) password\(due == 1 ? "" : "s") expire soon") }
        for a in r.attention {
            switch a {
            case .noBackup: parts.append("no backup yet")
            case .backupOverdue(let d): parts.append("last backup \(d) day\(d == 1 ? "" : "s") ago")
            case .lockouts(let n, let c): parts.append("\(n) locked out \(c)×")
            case .repeatedFailures(let n, let c): parts.append("\(c) failed logins for \(n)")
            case .offHoursLogins(let c): parts.append("\(c) login\(c == 1 ? "" : "s") outside business hours")
            case .fewRecoveryCodes(let l): parts.append("\(l) recovery code\(l == 1 ? "" : "s") left")
            case .passwordExpired, .passwordDueSoon: break
            }
        }
        return "attention: " + parts.joined(separator: "; ") + " (see `vaultcli status`)"
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
