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

/// Parses a date given as YYYY-MM-DD (UTC midnight) or an ISO 8601 time.
func parseTime(_ s: String) throws -> Date {
    let iso = ISOTime()
    if let d = iso.date(from: s) { return d }
    if let d = UTCTime.day(s) { return d }
    throw ValidationError(tr(.auNotADate, s))
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

        func validate() throws {
            if let since { _ = try parseTime(since) }
            if csv && output.json { throw ValidationError(tr(.txChooseJsonOrCsv)) }
        }

        func run() throws {
            try runReporting {
                let (v, me) = try AgentRunner.job.map { try SessionLogin.open(vault, job: $0) }
                    ?? Login.open(vault, name: try actor.name(), password: actor.password)
                try Permission.readAudit.require(me.session)
                let sinceDate = try since.map(parseTime)
                let u = user.map(Names.normalize)
                let events = try v.auditEvents(session: me.session).filter { e in
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
                        Out.line(tr(.colAction).padded(22) + tr(.colOutcome).padded(10) + tr(.colOperator).padded(16) + tr(.colCount))
                        for r in rows { Out.line(r.action.padded(22) + r.outcome.padded(10) + r.who.padded(16) + String(r.n)) }
                        Out.line(tr(.colTotal).padded(48) + String(events.count))
                    }
                } else if output.json {
                    Out.json(events.map { e -> [String: Any] in
                        var d: [String: Any] = ["time": iso.string(from: e.time), "actor": e.actor, "action": e.action, "target": e.target, "outcome": e.outcome]
                        if let x = e.detail { d["detail"] = x }
                        return d
                    })
                } else if csv {
                    var out = CSV.row(["time", "actor", "action", "target", "outcome", "detail"])
                    for e in events { out += CSV.row([iso.string(from: e.time), e.actor, e.action, e.target, e.outcome, e.detail ?? ""]) }
                    Out.raw(out)
                } else {
                    for e in events {
                        Out.line("\(iso.string(from: e.time))  \(Out.text(e.actor).padded(12))\(Out.text(e.action).padded(18))\(Out.text(e.target).padded(12))\(Out.text(e.outcome))\(e.detail.map { "  (\(Out.text($0)))" } ?? "")")
                    }
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
                let (v, me) = try AgentRunner.job.map { try SessionLogin.open(vault, job: $0) }
                    ?? Login.open(vault, name: try actor.name(), password: actor.password)
                let session = me.session
                try Permission.readAudit.require(session)
                let events = try v.auditEvents(session: session)
                if output.json {
                    Out.json(["ok": true, "events": events.count])
                } else {
                    Out.line(tr(.auIntact, events.count))
                }
            }
        }
    }
}
