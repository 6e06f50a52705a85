import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

/// Who is acting: the session that `vaultcli unlock` started, or `--user NAME` with a password
/// for this one command.
///
/// With a session, the command does not run in this process at all: `VaultCLI.main` sends it
/// to the session agent (`SessionForward`), which runs it as the session's operator with the
/// keys it holds and answers with the exit status. No key ever leaves the agent.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.helpSessionUserOption), valueName: "name"))
    var user: String?

    @OptionGroup var password: PasswordSource

    func validate() throws {
        if user == nil && (password.passwordStdin || password.passwordFile != nil) {
            throw ValidationError(tr(.passwordOptionsNeedUser))
        }
    }

    /// Opens the vault and returns it unlocked by the acting session. A password is read before the vault's
    /// lock is taken, so typing it never blocks other commands.
    func open(_ vault: VaultOptions, access: Vault.Access) throws -> Unlocked {
        if let user {
            let pw = try password.read(prompt: tr(.promptPasswordFor, user))
            // A login records its outcome (lockout, audit), so it needs the write lock.
            return try Login.open(path: vault.path, name: user, password: pw, codeFromStdin: password.passwordStdin).1.unlocked
        }
        // Inside the agent: the session is the agent's own, never anything the request says.
        guard let job = AgentRunner.job else { throw SessionError.noSession(vaultPath: vault.path) }
        let v = try Vault.open(path: vault.path, access: access)
        guard v.header.vaultId == job.vaultId else {
            throw SessionError.requestRefused("its session is for vault \(job.vaultId), not for \(v.path) (vault \(v.header.vaultId))")
        }
        // The session still holds, with the keys its operator's envelope holds now.
        return v.unlocked(by: try v.sessionLogin(job.session).session)
    }
}

/// The commands a session can run: those that act through `SessionOptions`.
protocol SessionCommand: ParsableCommand {
    var vault: VaultOptions { get }
    var auth: SessionOptions { get }
}

extension VaultCLI.Tx.TxAdd: SessionCommand {}
extension VaultCLI.Tx.TxList: SessionCommand {}
extension VaultCLI.Tx.TxImport: SessionCommand {}
extension VaultCLI.Tx.TxExport: SessionCommand {}
extension VaultCLI.Tx.TxSummary: SessionCommand {}
extension VaultCLI.Account.AccountAdd: SessionCommand {}
extension VaultCLI.Account.AccountList: SessionCommand {}
extension VaultCLI.Account.AccountFind: SessionCommand {}
extension VaultCLI.Account.AccountShow: SessionCommand {}
extension VaultCLI.Account.AccountHistory: SessionCommand {}
extension VaultCLI.Account.AccountEdit: SessionCommand {}
extension VaultCLI.Account.AccountRemove: SessionCommand {}

/// Commands that ask for an operator's password on their own and, while a session of their vault
/// is live and they name no operator (`--user`, `--as`, a password option), run in the session
/// agent as the session's operator instead: operator management, `status`, `policy set`,
/// `audit list|verify`, `recover unlock`, and `verify` (which then authenticates with the
/// session's keys). The library's permission checks with the session's role decide what each
/// may do, as with `--user`. Commands that must re-prove the person are not among them: see
/// `ActorOptions.freshPasswordNeeded`.
protocol ActorSessionCommand: ParsableCommand {
    var vault: VaultOptions { get }
    /// The command names its operator or carries a password: it runs on its own, never in a session.
    var namesOperator: Bool { get }
}

extension ActorOptions {
    var namesOperator: Bool { user != nil || password.passwordStdin || password.passwordFile != nil }
}

extension VaultCLI.User.List: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Show: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Add: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Edit: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Disable: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Enable: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Remove: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.SetRole: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.User.Unlock: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.Status: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.Policy.Set: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.Recover.Unlock: ActorSessionCommand { var namesOperator: Bool { actor.namesOperator } }
extension VaultCLI.Audit.List: ActorSessionCommand {
    var namesOperator: Bool { actor.actor != nil || actor.password.passwordStdin || actor.password.passwordFile != nil }
}
extension VaultCLI.Audit.Verify: ActorSessionCommand {
    var namesOperator: Bool { actor.actor != nil || actor.password.passwordStdin || actor.password.passwordFile != nil }
}
extension VaultCLI.Verify: ActorSessionCommand {
    var namesOperator: Bool { user != nil || password.passwordStdin || password.passwordFile != nil }
}

/// Inside the session agent: the login of a command run as the session's operator.
enum SessionLogin {
    /// The session's own operator, never one the request names; `$VAULTCLI_USER` naming another
    /// operator is refused rather than ignored (the person meant someone else).
    static func open(_ vault: VaultOptions, job: SessionJob, access: Vault.Access = .write,
                     beforeLock: () throws -> Void = {}) throws -> (Vault, LoggedIn) {
        if let e = getenv("VAULTCLI_USER"), case let u = String(cString: e), !u.isEmpty,
           Names.normalize(u) != job.session.operatorName {
            throw SessionError.requestRefused("the session acts as \(job.session.operatorName) (\(job.session.role.rawValue)), but $VAULTCLI_USER names \(Names.normalize(u)); unset VAULTCLI_USER to act as \(job.session.operatorName), or give --user \(Names.normalize(u)) to act as \(Names.normalize(u)) with that password")
        }
        try beforeLock()
        let v = try Vault.open(path: vault.path, access: access)
        guard v.header.vaultId == job.vaultId else {
            throw SessionError.requestRefused("its session is for vault \(job.vaultId), not for \(v.path) (vault \(v.header.vaultId))")
        }
        let r = try v.sessionLogin(job.session)
        // Admins: the vault must continue what this admin last saw (as at a login).
        if r.session.role == .admin {
            let dir = VaultLocation.stateDirectory()
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let me = v.unlocked(by: r.session)
            try me.checkLastSeen(statePath: dir + "/" + me.lastSeenFileName)
        }
        return (v, LoggedIn(v, r))
    }
}

/// The client half: sends a session command to the agent of its vault, with this process's
/// stdin, stdout, stderr, working directory and terminal, and returns the command's status.
enum SessionForward {
    static func run(arguments: [String], vault: VaultOptions) -> Int32 {
        run(arguments: arguments, vaultPath: vault.path)
    }

    static func run(arguments: [String], vaultPath path: String) -> Int32 {
        var status: Int32 = 0
        do {
            try runReporting {
                let id = try Vault.sessionVaultId(path: path)
                status = try SessionClient.run(vaultId: id, vaultPath: path,
                                               request: SessionRequest(arguments: arguments, environment: SessionRequest.environmentToSend()))
            }
        } catch let e as ExitCode {
            return e.rawValue
        } catch {
            return ExitStatus.failure.rawValue
        }
        return status
    }
}

extension SessionForward {
    /// Whether a session of the vault at `path` is live (its agent answers).
    static func isLive(vaultPath path: String) -> Bool {
        guard let id = try? Vault.sessionVaultId(path: path) else { return false }
        return SessionClient.isLive(vaultId: id)
    }

    /// What a session runs, for the agent's refusal.
    static let sessionCommandList = "`tx add|list|import|export|summary`, `account add|list|find|show|history|edit|remove`, `user list|show|add|edit|disable|enable|remove|role|unlock`, `status`, `policy set`, `audit list|verify`, `recover unlock` and `verify`"

    /// The subcommands of `SessionCommand`, by command word.
    static let sessionCommands: [String: Set<String>] = [
        "tx": ["add", "list", "import", "export", "summary"],
        "account": ["add", "list", "find", "show", "history", "edit", "remove"],
    ]

    /// When `arguments` are plainly a session command without --user (its words alone say so)
    /// and the session of its vault is live, sends it to the agent unparsed and returns the
    /// status. Nil otherwise: the command is then parsed here as usual (help, usage errors and
    /// "no session" are reported here, in that order). Anything unusual (`--`, help, a repeated
    /// --vault, any operator or password option) takes the usual way.
    static func forwardIfLive(_ arguments: [String]) -> Int32? {
        guard arguments.count >= 2, let subs = sessionCommands[arguments[0]], subs.contains(arguments[1]) else { return nil }
        var vault: String?, vaults = 0
        for (i, a) in arguments.enumerated().dropFirst(2) {
            if a == "--" || a == "-h" || a == "--help" || a == "--version" || a.hasPrefix("--user") || a.hasPrefix("--password") { return nil }
            if a == "--vault" {
                guard i + 1 < arguments.count else { return nil }
                vault = arguments[i + 1]; vaults += 1
            } else if a.hasPrefix("--vault=") {
                vault = String(a.dropFirst(8)); vaults += 1
            }
        }
        guard vaults <= 1 else { return nil }
        let path = VaultLocation.resolve(explicit: vault)
        guard let id = try? Vault.sessionVaultId(path: path), SessionClient.isLive(vaultId: id) else { return nil }
        return run(arguments: arguments, vaultPath: path)
    }
}

/// The agent half: runs one request in the agent's child process (SessionAgentServer.serve).
enum AgentRunner {
    /// The request being run, in the agent's child; nil everywhere else.
    nonisolated(unsafe) static var job: SessionJob?

    /// Runs once in the agent, before it serves: parses each session command so that the Swift
    /// runtime's type and conformance caches and the parser's own are warm, and every child forked
    /// for a request inherits them instead of filling them again (most of a `tx add`'s CPU in the
    /// agent, otherwise). Opens the session's vault for reading and checks the session as a
    /// command would (same caches), and reads nothing else. Touches nothing that depends on the
    /// client (time zone, environment, its files); a failure here is ignored (each request checks
    /// for itself).
    static func warmUp(session: Session, vaultPath: String?) {
        if let vaultPath {
            // Never wait for a writer here: unlock is waiting for the agent to say it is ready.
            setenv("VAULTCLI_LOCK_TIMEOUT_MS", "0", 1)
            // The same check each request makes (sessionLogin: the envelope, the signed
            // profile, still valid), so its decoders' type caches are warm in every child too.
            if let v = try? Vault.open(path: vaultPath, access: .read) { _ = try? v.sessionLogin(session) }
            unsetenv("VAULTCLI_LOCK_TIMEOUT_MS")
        }
        for args in [["tx", "add", "--amount", "1"], ["tx", "list", "--json"], ["tx", "import", "-"], ["tx", "export"], ["tx", "summary"],
                     ["account", "add", "--label", "x"], ["account", "list"], ["account", "find", "--username", "x"], ["account", "show", "x"],
                     ["account", "history", "x"], ["account", "edit", "x"], ["account", "remove", "x"]] {
            if let c = try? VaultCLI.parseAsRoot(args), let sc = c as? SessionCommand { _ = sc.auth.user }
        }
        for args in [["user", "list"], ["status"], ["audit", "list"], ["verify"]] {
            if let c = try? VaultCLI.parseAsRoot(args), let ac = c as? ActorSessionCommand { _ = ac.namesOperator }
        }
    }

    static func run(_ job: SessionJob) -> Int32 {
        // The client's language (its environment is this child's now; --lang came as $VAULTCLI_LANG).
        Lang.current = LanguageSetup.fromEnvironment()
        do {
            var command = try VaultCLI.parseAsRoot(TimeOption.apply(job.request.arguments))
            let namesOperator: Bool
            if let sc = command as? SessionCommand {
                namesOperator = sc.auth.user != nil || sc.auth.password.passwordStdin || sc.auth.password.passwordFile != nil
            } else if let ac = command as? ActorSessionCommand {
                namesOperator = ac.namesOperator
            } else {
                let what = job.request.arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
                throw SessionError.requestRefused("a session runs only \(SessionForward.sessionCommandList), not `\(what)`; changing a password, one-time codes or recovery material asks for the password every time (give --user NAME)")
            }
            // The session acts as its own operator; a request cannot name another one.
            if namesOperator {
                throw SessionError.requestRefused("the session acts as \(job.session.operatorName) (\(job.session.role.rawValue)); a request cannot name an operator or carry a password (--user, --as, --password-stdin, --password-file)")
            }
            AgentRunner.job = job
            SecretInput.terminalFD = job.terminalFD
            try command.run()
            return ExitStatus.ok.rawValue
        } catch let e as SessionError {
            let (message, hints) = ErrorText.render(e)
            Diagnostics.error(message, hints: hints)
            return e.exitCode.rawValue
        } catch {
            let code = VaultCLI.exitCode(for: error).rawValue
            let text = ParserText.localize(VaultCLI.fullMessage(for: error))
            if !text.isEmpty {
                if code == 0 { print(text) } else { Diagnostics.write(text.hasSuffix("\n") ? text : text + "\n") }
            }
            return code
        }
    }
}
