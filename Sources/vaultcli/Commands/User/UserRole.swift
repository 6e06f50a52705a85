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
            try actor.run(vault, on: name, newPassword: newPassword) { v, me, target, early in
                try Permission.changeRole.require(me.session, target: target.role)
                let (pw, generated) = try newPassword.read(early: early, for: target, role: role, checker: try PolicyStore.checker(v),
                                                           stdinFollows: actor.password.passwordStdin)
                let rotation = try me.operators.setRole(name: target.name, role: role, temporaryPassword: pw, checker: try PolicyStore.checker(v))
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
                try me.operators.setStatus(name: name, status: .disabled)
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
            try actor.run(vault, on: name, newPassword: newPassword) { v, me, target, early in
                try Permission.disableOperator.require(me.session, target: target.role)
                guard target.status == .disabled else {
                    Out.line(tr(.userAlreadyEnabled, target.name))
                    return
                }
                let (pw, generated) = try newPassword.read(early: early, for: target, role: target.role, checker: try PolicyStore.checker(v),
                                                           stdinFollows: actor.password.passwordStdin)
                try me.operators.setStatus(name: target.name, status: .active, temporaryPassword: pw, checker: try PolicyStore.checker(v))
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
                let rotation = try me.operators.remove(name: name)
                Out.line(tr(.userRemoved, Names.normalize(name)))
                RotationReport.print(rotation)
            }
        }
    }
}
