import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Read and check the audit log (managers and admins).",
            discussion: "Here --user filters by operator; say who you are with --as NAME (or $VAULTCLI_USER).",
            subcommands: [List.self, Verify.self])
    }
}

/// The actor for audit commands, where --user is a filter.
struct AuditActor: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("The operator running the command. Default: $VAULTCLI_USER.", valueName: "name"))
    var actor: String?
    @OptionGroup var password: PasswordSource

    func name() throws -> String {
        if let actor, !actor.isEmpty { return actor }
        if let u = ProcessInfo.processInfo.environment["VAULTCLI_USER"], !u.isEmpty { return u }
        throw ValidationError("say who you are with --as NAME (or set $VAULTCLI_USER)")
    }
}

/// Parses a date given as YYYY-MM-DD (UTC midnight) or an ISO 8601 time.
func parseTime(_ s: String) throws -> Date {
    let iso = ISOTime()
    if let d = iso.date(from: s) { return d }
    if let d = UTCTime.day(s) { return d }
    throw ValidationError("\"\(s)\" is not a date: use YYYY-MM-DD or an ISO 8601 time like 2026-11-22T10:00:00Z")
}

extension VaultCLI.Audit {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List audit events, oldest first.")
        @Option(help: "Only events whose actor or target is this operator.") var user: String?
        @Option(help: "Only events at or after this time (YYYY-MM-DD or ISO 8601).") var since: String?
        @Option(help: "Only events whose action starts with this (e.g. login, user.add).") var action: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: AuditActor
        @OptionGroup var output: JSONFlag

        func validate() throws { if let since { _ = try parseTime(since) } }

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .write)
                let me = try Login.run(v, name: try actor.name(), password: actor.password)
                try Permission.readAudit.require(me.session)
                let sinceDate = try since.map(parseTime)
                let u = user.map(Names.normalize)
                let events = try v.auditEvents(session: me.session).filter { e in
                    (u == nil || e.actor == u || e.target == u) && (sinceDate == nil || e.time >= sinceDate!) &&
                        (action == nil || e.action.hasPrefix(action!))
                }
                let iso = ISOTime()
                if output.json {
                    Out.json(events.map { e -> [String: Any] in
                        var d: [String: Any] = ["time": iso.string(from: e.time), "actor": e.actor, "action": e.action, "target": e.target, "outcome": e.outcome]
                        if let x = e.detail { d["detail"] = x }
                        return d
                    })
                } else {
                    for e in events {
                        Out.line("\(iso.string(from: e.time))  \(e.actor.padded(12))\(e.action.padded(18))\(e.target.padded(12))\(e.outcome)\(e.detail.map { "  (\($0))" } ?? "")")
                    }
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the audit chain: a removed, reordered or edited event is detected.",
            discussion: "Exit status 0: intact; 6: the chain is broken (the message says where).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: AuditActor
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .write)
                let session = try Login.run(v, name: try actor.name(), password: actor.password).session
                try Permission.readAudit.require(session)
                let events = try v.auditEvents(session: session)
                if output.json {
                    Out.json(["ok": true, "events": events.count])
                } else {
                    Out.line("audit chain intact: \(events.count) events")
                }
            }
        }
    }
}
