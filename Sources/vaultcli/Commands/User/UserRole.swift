import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

// `vaultcli user role`, `disable`, `enable` and `remove`: an operator's role and status, with
// the key rotation a demotion or removal brings.

extension VaultCLI.User {
    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: tr(.hUserRole))
        @Argument(help: ArgumentHelp(tr(.hOperator))) var name: String
        @Argument(help: ArgumentHelp(tr(.hRole))) var role: Role
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func run() throws {
            var early: SecretBytes?
            try actor.run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: actor.password.passwordStdin) }) { v, me in
                let target = try v.operatorProfile(named: name, session: me.session)
                try Permission.changeRole.require(me.session, target: target.role)
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                           stdinFollows: actor.password.passwordStdin)
                let rotation = try v.setRole(session: me.session, name: target.name, role: role, temporaryPassword: pw, checker: try PolicyStore.checker(v))
                Out.line(tr(.roleChanged, target.name, roleName(role)))
                if let generated { Out.line(tr(.userTempPassword, generated)) }
                RotationReport.print(rotation)
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: tr(.hUserDisable),
            discussion: tr(.dUserDisable))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try v.setStatus(session: me.session, name: name, status: .disabled)
                Out.line(tr(.userDisabled, Names.normalize(name)))
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: tr(.hUserEnable),
            discussion: tr(.dUserEnable))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions
        func run() throws {
            var early: SecretBytes?
            try actor.run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: actor.password.passwordStdin) }) { v, me in
                let target = try v.operatorProfile(named: name, session: me.session)
                try Permission.disableOperator.require(me.session, target: target.role)
                guard target.status == .disabled else {
                    Out.line(tr(.userAlreadyEnabled, target.name))
                    return
                }
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: target.role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                           stdinFollows: actor.password.passwordStdin)
                try v.setStatus(session: me.session, name: target.name, status: .active, temporaryPassword: pw, checker: try PolicyStore.checker(v))
                Out.line(tr(.userEnabled, target.name))
                if let generated { Out.line(tr(.userTempPassword, generated)) }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: tr(.hUserRemove))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                let rotation = try v.removeOperator(session: me.session, name: name)
                Out.line(tr(.userRemoved, Names.normalize(name)))
                RotationReport.print(rotation)
            }
        }
    }
}
