import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: tr(.helpAudit),
            discussion: tr(.dAudit),
            subcommands: [List.self, Verify.self])
    }
}

/// The actor for audit commands, where --user is a filter.
struct AuditActor: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(tr(.helpUserOption), valueName: "name"))
    var actor: String?
    @OptionGroup var password: PasswordSource

    func name() throws -> String {
        if let actor, !actor.isEmpty { return actor }
        if let u = ProcessInfo.processInfo.environment["VAULTCLI_USER"], !u.isEmpty { return u }
        throw ValidationError(tr(.auSayWhoYouAre))
    }
}

/// Parses a date given as YYYY-MM-DD (local midnight, or UTC with --utc) or an ISO 8601 time
/// (one without a zone is local), on the calendar of `tx list --since`.
func parseTime(_ s: String) throws -> Date {
    guard let p = try? LocalTime.parse(s) else {
        throw ValidationError(tr(.auNotADate, s))
    }
    switch p { case .instant(let t), .date(let t): return Date(timeIntervalSince1970: TimeInterval(t)) }
}

extension VaultCLI.Audit {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: tr(.hAuditList))
        @Option(help: ArgumentHelp(tr(.hAuditUser))) var user: String?
        @Option(help: ArgumentHelp(tr(.hAuditSince))) var since: String?
        @Option(help: ArgumentHelp(tr(.hAuditAction))) var action: String?
        @Flag(help: ArgumentHelp(tr(.hAuditSummary))) var summary = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: AuditActor
        @OptionGroup var output: JSONFlag
        @Flag(name: .long, help: ArgumentHelp(tr(.hAuditCSV)))
        var csv = false
        @Flag(name: .long, help: ArgumentHelp(tr(.hExcelWithCSV)))
        var excel = false

        func validate() throws {
            if let since { _ = try parseTime(since) }
            if csv && output.json { throw ValidationError(tr(.txChooseJsonOrCsv)) }
            if excel && !csv { throw ValidationError(tr(.excelNeedsCSV)) }
        }

        func run() throws {
            try runReporting {
                let (_, me) = try AgentRunner.job.map { try SessionLogin.open(vault, job: $0) }
                    ?? Login.open(vault, name: try actor.name(), password: actor.password)
                try Permission.readAudit.require(me.session)
                let sinceDate = try since.map(parseTime)
                let u = user.map(Names.normalize)
                let events = try me.unlocked.auditEvents().filter { e in
                    (u == nil || e.actor == u || e.target == u) && (sinceDate == nil || e.time >= sinceDate!) &&
                        (action == nil || e.action.hasPrefix(action!))
                }
                let iso = ISOTime()
                if summary {
                    // "ok" and "failed…" outcomes are counted apart; the details of a failure
                    // (which kind of one-time-code problem, say) stay in the full list.
                    func kind(_ o: String) -> String { o.hasPrefix("ok") ? "ok" : o.hasPrefix("failed") ? "failed" : o.hasPrefix("refused") ? "refused" : o }
                    var counts: [String: (action: String, outcome: String, who: String, n: Int)] = [:]
                    for e in events {
                        let who = e.actor
                        let k = kind(e.outcome)
                        counts["\(e.action)\u{0}\(k)\u{0}\(who)", default: (e.action, k, who, 0)].n += 1
                    }
                    let rows = counts.values.sorted { ($0.action, $0.outcome, $0.who) < ($1.action, $1.outcome, $1.who) }
                    if output.json {
                        Out.json(rows.map { ["action": $0.action, "outcome": $0.outcome, "operator": $0.who, "count": $0.n] as [String: Any] })
                    } else {
                        Out.raw(Table.render([tr(.colAction), tr(.colOutcome), tr(.colOperator), tr(.colCount)],
                                             rows.map { [$0.action, $0.outcome, $0.who, String($0.n)] } + [[tr(.colTotal), "", "", String(events.count)]],
                                             right: [3]))
                    }
                } else if output.json {
                    Out.json(events.map { e -> [String: Any] in
                        var d: [String: Any] = ["time": iso.string(from: e.time), "actor": e.actor, "action": e.action, "target": e.target, "outcome": e.outcome]
                        if let x = e.detail { d["detail"] = x }
                        return d
                    })
                } else if csv {
                    // CSV is data: times stay UTC ISO 8601, as in --json.
                    var out = (excel ? CSV.byteOrderMark : "") + CSV.row(["time", "actor", "action", "target", "outcome", "detail"], crlf: excel)
                    for e in events { out += CSV.row([iso.string(from: e.time), e.actor, e.action, e.target, e.outcome, e.detail ?? ""], crlf: excel) }
                    Out.raw(out)
                } else {
                    Out.raw(Table.render([tr(.colTime), tr(.colActor), tr(.colAction), tr(.colTarget), tr(.colOutcome)], events.map { e in
                        [LocalTime.string(e.time), e.actor, e.action, e.target, e.outcome + (e.detail.map { " (\($0))" } ?? "")]
                    }))
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: tr(.hAuditVerify),
            discussion: tr(.dAuditVerify))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: AuditActor
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let (_, me) = try AgentRunner.job.map { try SessionLogin.open(vault, job: $0) }
                    ?? Login.open(vault, name: try actor.name(), password: actor.password)
                let session = me.session
                try Permission.readAudit.require(session)
                let events = try me.unlocked.auditEvents()
                if output.json {
                    Out.json(["ok": true, "events": events.count])
                } else {
                    Out.line(tr(.auIntact, events.count))
                }
            }
        }
    }
}
