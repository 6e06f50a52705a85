import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

// `vaultcli user passwd` and `vaultcli user unlock`: a new password (one's own, or a temporary one
// set for another operator), and the end of a lockout.

extension VaultCLI.User {
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: tr(.hUserPasswd),
            discussion: tr(.dUserPasswd))
        @Argument(help: ArgumentHelp(tr(.hOperatorDefault))) var name: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func run() throws {
            try runReporting {
                let actorName = try actor.name()
                let own = name == nil || Names.normalize(name!) == Names.normalize(actorName)
                var early: SecretBytes?
                let (v, me) = try Login.open(vault, actor: actor, allowPasswordChange: own, beforeLock: {
                    early = try newPassword.readBeforeLock(for: name ?? actorName, vault: vault, stdinFollows: actor.password.passwordStdin)
                })
                let checker = try PolicyStore.checker(v)
                if own {
                    let (pw, generated) = try newPassword.read(early: early, for: me.profile, role: nil, checker: checker,
                                                               stdinFollows: actor.password.passwordStdin)
                    try me.operators.changeOwnPassword(newPassword: pw, checker: checker)
                    Out.line(tr(.passwdChanged, me.profile.name))
                    if let generated { Out.line(tr(.passwdNew, generated)) }
                } else {
                    let target = try me.operators.profile(named: name!)
                    try Permission.resetPassword.require(me.session, target: target.role)
                    let (pw, generated) = try newPassword.read(early: early, for: target, role: target.role, checker: checker,
                                                               stdinFollows: actor.password.passwordStdin)
                    try me.operators.resetPassword(name: target.name, newPassword: pw, checker: checker)
                    Out.line(tr(.passwdReset, target.name))
                    if let generated { Out.line(tr(.userTempPassword, generated)) }
                }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: tr(.hUserUnlock))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try me.operators.unlock(name: name)
                Out.line(tr(.userUnlocked, Names.normalize(name)))
            }
        }
    }
}
