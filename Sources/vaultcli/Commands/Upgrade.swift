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
                    Out.line("The vault is already in format version 2; nothing to do.")
                    return
                }
                let (v, login) = try Login.open(vault, actor: actor)
                guard v.isLegacyFormat else {
                    Out.line("The vault is already in format version 2; nothing to do.")
                    return
                }
                let (_, outcome) = try v.upgradeIfLegacy(login)
                if let outcome { UpgradeReport.print(outcome) }
            }
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rekey",
            abstract: tr(.helpRekey),
            discussion: "Operators keep their passwords. With --renew-recovery the recovery codes are replaced too and printed once, and the offline recovery key's slot is re-wrapped.")
        @Flag(name: .long, help: "Also replace the recovery codes (do this when an admin who saw them is gone).") var renewRecovery = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                let progress = ProgressLine("rekey:")
                defer { progress.done() }
                let r = try v.rotateKeys(session: me.session, renewRecovery: renewRecovery, reason: "rekey",
                                         progress: progress.enabled ? { done, total in progress.update(Int64(done), of: Int64(total)) } : nil)
                RotationReport.print(r)
            }
        }
    }
}

/// What an upgrade tells the admin.
enum UpgradeReport {
    static func print(_ o: UpgradeOutcome) {
        Out.line("The vault was moved to format version 2 (\(o.operators) operators keep their passwords); every key was replaced.")
        Out.line("The format-v1 file is kept at \(o.keptAt); delete it once a new backup is made.")
        Out.line("The recovery codes were renewed: the old ones no longer work.")
        RecoveryKitPrinter.print(o.recoveryCodes)
    }
}
