import ArgumentParser
import Vault

@main
struct VaultCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultcli",
        abstract: "An encrypted credential vault and backup tool for point-of-sale terminals.",
        discussion: "Secrets are never taken from the command line: they come from a TTY prompt, --password-stdin, or --password-file.",
        version: VaultVersion.string,
        subcommands: [
            Init.self,
            Info.self,
            Verify.self,
            LoginCommand.self,
            Status.self,
            User.self,
            Audit.self,
            Policy.self,
            Keygen.self,
            Upgrade.self,
            Rekey.self,
            Backup.self,
            Restore.self,
            GenPass.self,
            CheckPassword.self,
            Account.self,
            Tx.self,
            Unlock.self,
            Lock.self,
            Agent.self,
            Recover.self,
        ]
    )

    /// Core dumps are off before any command can unlock a vault.
    static func main() {
        ProcessHardening.disableCoreDumps()
        main(nil)
    }
}
