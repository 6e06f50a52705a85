import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

@main
struct VaultCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaultcli",
        abstract: tr(.helpRootAbstract),
        discussion: tr(.helpRootDiscussion),
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

    /// Shown in --help; taken off the command line before parsing (LanguageSetup).
    @OptionGroup var language: LanguageOption

    /// Core dumps are off before any command can unlock a vault. A session command without
    /// --user is sent to the session agent, which runs it with the keys it holds (the keys never
    /// come to this process); everything else runs here.
    static func main() {
        ProcessHardening.disableCoreDumps()
        // The language first: help text and every message depend on it (takes --lang off);
        // then --utc, which may stand anywhere on the line too.
        let arguments = TimeOption.apply(LanguageSetup.apply(Array(CommandLine.arguments.dropFirst())))
        // The common case at a till (`tx add` in a live session) goes to the agent unparsed: the
        // agent parses it (usage errors come back from there in the same words).
        if let status = SessionForward.forwardIfLive(arguments) { Glibc.exit(status) }
        // `genpass` in its plain spellings skips building the parser for the whole command tree
        // (issue 12: its start-up); every other spelling, --help included, goes to the parser.
        if arguments.first == "genpass", let options = leanGenPass(arguments.dropFirst()) {
            do { try GenPass.run(options) } catch { exit(withError: error) }
            Glibc.exit(0)
        }
        var command: ParsableCommand
        do { command = try parseAsRoot(arguments) } catch { exitLocalized(error) }
        if let sc = command as? SessionCommand, sc.auth.user == nil {
            Glibc.exit(SessionForward.run(arguments: arguments, vault: sc.vault))
        }
        // A command that would ask who you are runs as the session's operator while its vault's
        // session is live; without one it runs here as before (asking for --user and a password).
        if let ac = command as? ActorSessionCommand, !ac.namesOperator, SessionForward.isLive(vaultPath: ac.vault.path) {
            Glibc.exit(SessionForward.run(arguments: arguments, vault: ac.vault))
        }
        do { try command.run() } catch { exitLocalized(error) }
        Glibc.exit(0)
    }

    /// GenPassOptions.lean, except that debug builds (the tests) can choose the parser:
    /// VAULTCLI_GENPASS_PARSER=full sends every genpass to swift-argument-parser, and =lean
    /// makes an invocation the lean parser does not take exit 70, so that GenPassLeanParserTests
    /// can show both which invocations take the lean path and that both paths answer alike.
    static func leanGenPass(_ args: ArraySlice<String>) -> GenPassOptions? {
        #if VAULTCLI_TESTING
        switch getenv("VAULTCLI_GENPASS_PARSER").map({ String(cString: $0) }) {
        case "full"?:
            return nil
        case "lean"?:
            guard let o = GenPassOptions.lean(args) else {
                Diagnostics.error("VAULTCLI_GENPASS_PARSER=lean: the lean parser does not take these arguments")
                Glibc.exit(70)
            }
            return o
        default:
            break
        }
        #endif
        return GenPassOptions.lean(args)
    }
}
