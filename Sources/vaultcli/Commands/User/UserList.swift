import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

// `vaultcli user list` and `vaultcli user show`: the operators, with their role, status and
// lockout, as text or JSON.

extension VaultCLI.User {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: tr(.hUserList))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try actor.run(vault) { v, me in
                try Permission.listOperators.require(me.session)
                let ops = try me.operators.list()
                let rows = try ops.map { ($0, try v.lockoutStatus(name: $0.name)) }
                if output.json {
                    Out.json(rows.map { $0.0.json(lockout: $0.1) })
                } else {
                    Out.raw(Table.render([tr(.userListHeaderName), tr(.userListHeaderRole), tr(.userListHeaderStatus),
                                          tr(.userListHeaderPhone), tr(.userListHeaderEmail)], rows.map { p, l in
                        [p.name, roleName(p.role), l.lockedUntil != nil ? tr(.statusLocked) : (p.status == .active ? tr(.statusActive) : tr(.statusDisabled)),
                         p.phone ?? "-", p.email ?? "-"]
                    }))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: tr(.hUserShow))
        @Argument(help: ArgumentHelp(tr(.hOperatorNameDefault))) var name: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try actor.run(vault) { v, me in
                let target = name ?? me.profile.name
                if Names.normalize(target) != me.profile.name { try Permission.listOperators.require(me.session) }
                let p = try me.operators.profile(named: target)
                let l = try v.lockoutStatus(name: p.name)
                if output.json { Out.json(p.json(lockout: l)); return }
                Out.line(tr(.showName, p.name))
                Out.line(tr(.showRole, roleName(p.role)))
                Out.line(tr(.showStatus, l.lockedUntil != nil ? tr(.showLockedUntil, LocalTime.string(l.lockedUntil!)) : (p.status == .active ? tr(.statusActive) : tr(.statusDisabled))))
                Out.line(tr(.showPhone, p.phone ?? "-"))
                Out.line(tr(.showEmail, p.email ?? "-"))
                Out.line(tr(.showCreated, LocalTime.string(p.createdAt)))
                Out.line(tr(.showPasswordChanged, LocalTime.string(p.passwordChangedAt), p.mustChangePassword ? tr(.showMustChange) : ""))
                Out.line(tr(.showFailedLogins, l.failures))
                Out.line(tr(.showOneTimeCodes, p.totpEnabled == true ? tr(.wordOn) : tr(.wordOff)))
            }
        }
    }
}
