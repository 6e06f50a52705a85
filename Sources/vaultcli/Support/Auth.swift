import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

/// Options for commands run by a logged-in operator.
struct ActorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The operator running the command. Default: $VAULTCLI_USER.", valueName: "name"))
    var user: String?

    @OptionGroup var password: PasswordSource

    func name() throws -> String {
        if let user, !user.isEmpty { return user }
        if let u = ProcessInfo.processInfo.environment["VAULTCLI_USER"], !u.isEmpty { return u }
        throw ValidationError("say who you are with --user NAME (or set $VAULTCLI_USER)")
    }
}

/// Logs the operator in (password, lockout, expiry) and returns the session. Prints the expiry
/// warning on stderr.
enum Login {
    static func run(_ vault: Vault, actor: ActorOptions, allowPasswordChange: Bool = false) throws -> LoginResult {
        try run(vault, name: try actor.name(), password: actor.password, allowPasswordChange: allowPasswordChange)
    }

    static func run(_ vault: Vault, name: String, password: PasswordSource, allowPasswordChange: Bool = false) throws -> LoginResult {
        try run(vault, name: name, password: try password.read(prompt: "Password for \(name): "),
                codeFromStdin: password.passwordStdin, allowPasswordChange: allowPasswordChange)
    }

    /// With a password already read. The vault must be open for writing: a login records its
    /// outcome (lockout counter, audit event). An operator who enrolled a one-time code is asked
    /// for it after the password: the next stdin line when the password came from stdin, else
    /// the terminal.
    static func run(_ vault: Vault, name: String, password pw: SecretBytes, codeFromStdin: Bool,
                    allowPasswordChange: Bool = false) throws -> LoginResult {
        let checker = try PolicyStore.checker(vault)
        let code: () throws -> String = {
            let c = codeFromStdin
                ? try SecretInput.readLine(fd: STDIN_FILENO, source: "standard input (the line after the password: the one-time code)")
                : try SecretInput.readTTY(prompt: "One-time code for \(name): ", confirm: false)
            return c.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        }
        let r = try vault.login(user: name, password: pw, rules: checker.accountRules, allowPasswordChange: allowPasswordChange,
                                oneTimeCode: code)
        // Admins: the vault must continue what this admin last saw (not an older copy put back).
        if r.session.role == .admin {
            let dir = VaultLocation.stateDirectory()
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try vault.checkLastSeen(session: r.session, statePath: dir + "/" + vault.lastSeenFileName(session: r.session))
        }
        if let d = r.expiresInDays {
            Diagnostics.warning("the password of \(r.profile.name) expires in \(d) day\(d == 1 ? "" : "s"); change it with `vaultcli user passwd`")
        }
        return r
    }
}

/// Reads a new password for an operator: a 0600 file, the next stdin line (after the actor's),
/// a TTY prompt asked twice, or generated.
struct NewPasswordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the new password from a file of mode 0600.", valueName: "path"), completion: .file())
    var newPasswordFile: String?

    @Flag(name: .long, help: "Generate a strong temporary password and print it once on stdout.")
    var generate = false

    func validate() throws {
        if generate && newPasswordFile != nil { throw ValidationError("choose one of --generate and --new-password-file") }
    }

    /// `stdinFollows`: the actor's password came from stdin, so the new one is the next line.
    func read(for name: String, stdinFollows: Bool) throws -> (SecretBytes, generated: String?) {
        if generate {
            let g = try PasswordFactory.temporary()
            return (try SecretBytes(utf8: g), g)
        }
        if let f = newPasswordFile { return (try SecretInput.readFile(f), nil) }
        if stdinFollows { return (try SecretInput.readLine(fd: STDIN_FILENO, source: "standard input (second line: the new password)"), nil) }
        return (try SecretInput.readTTY(prompt: "New password for \(name): ", confirm: true), nil)
    }
}

extension ActorOptions {
    /// The common shape of an operator's command: open the vault for writing (a login records
    /// its outcome), log in, run `body`; errors in the documented voice.
    func run(_ vault: VaultOptions, allowPasswordChange: Bool = false, _ body: (Vault, LoginResult) throws -> Void) throws {
        try runReporting {
            let v = try Vault.open(path: vault.path, access: .write)
            var login = try Login.run(v, actor: self, allowPasswordChange: allowPasswordChange)
            // A format-v1 vault moves to v2 at its first admin command (others are told to ask one).
            if v.isLegacyFormat {
                let (l, outcome) = try v.upgradeIfLegacy(login)
                login = l
                if let outcome { UpgradeReport.print(outcome) }
            }
            try body(v, login)
        }
    }
}
