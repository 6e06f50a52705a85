import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: tr(.helpUpgrade))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try runReporting {
                // A brief shared read says whether there is anything to do; the password is then
                // read before the vault's lock is taken (Login.open), and the format checked again.
                let legacy = try Vault.open(path: vault.path, access: .read).isLegacyFormat
                guard legacy else {
                    Out.line(tr(.upAlready))
                    return
                }
                let (v, login) = try Login.open(vault, actor: actor)
                guard v.isLegacyFormat else {
                    Out.line(tr(.upAlready))
                    return
                }
                let (_, outcome) = try v.upgradeIfLegacy(login.result)
                if let outcome { UpgradeReport.print(outcome) }
            }
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rekey",
            abstract: tr(.helpRekey),
            discussion: tr(.dRekey))
        @Flag(name: .long, help: ArgumentHelp(tr(.hRenewRecovery))) var renewRecovery = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                let progress = ProgressLine(tr(.progressRekey))
                defer { progress.done() }
                let r = try me.rotation.rotate(renewRecovery: renewRecovery, reason: "rekey",
                                                                       progress: progress.enabled ? { done, total in progress.update(Int64(done), of: Int64(total)) } : nil)
                RotationReport.print(r)
            }
        }
    }
}

/// What an upgrade tells the admin.
enum UpgradeReport {
    static func print(_ o: UpgradeOutcome) {
        Out.line(tr(.upMoved, o.operators))
        Out.line(tr(.upKeptAt, o.keptAt))
        Out.line(tr(.upCodesRenewed))
        RecoveryKitPrinter.print(o.recoveryCodes)
    }
}
