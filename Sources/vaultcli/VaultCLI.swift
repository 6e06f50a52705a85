import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

@main
struct VaultCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultcli",
        abstract: "An encrypted credential vault and backup tool for point-of-sale terminals.",
        discussion: """
        Secrets are never taken from the command line: they come from a TTY prompt, --password-stdin, or --password-file. \
        Times are shown in local time with its offset ($TZ, else /etc/localtime); --utc anywhere on the command line \
        (or VAULTCLI_UTC=1) shows UTC instead, and makes dates and days UTC ones. JSON is always UTC. Tables are cut \
        to $COLUMNS, else to the terminal's width (never when writing to a file or a pipe).
        """,
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
            Fleet.self,
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

    /// Core dumps are off before any command can unlock a vault. A session command without
    /// --user is sent to the session agent, which runs it with the keys it holds (the keys never
    /// come to this process); everything else runs here.
    static func main() {
        ProcessHardening.disableCoreDumps()
        let arguments = TimeOption.apply(Array(CommandLine.arguments.dropFirst()))
        // The common case at a till (`tx add` in a live session) goes to the agent unparsed: the
        // agent parses it (usage errors come back from there in the same words).
        if let status = SessionForward.forwardIfLive(arguments) { Glibc.exit(status) }
        var command: ParsableCommand
        do { command = try parseAsRoot(arguments) } catch { exit(withError: error) }
        if let sc = command as? SessionCommand, sc.auth.user == nil {
            Glibc.exit(SessionForward.run(arguments: arguments, vault: sc.vault))
        }
        // A command that would ask who you are runs as the session's operator while its vault's
        // session is live; without one it runs here as before (asking for --user and a password).
        if let ac = command as? ActorSessionCommand, !ac.namesOperator, SessionForward.isLive(vaultPath: ac.vault.path) {
            Glibc.exit(SessionForward.run(arguments: arguments, vault: ac.vault))
        }
        do { try command.run() } catch { exit(withError: error) }
        Glibc.exit(0)
    }
}
