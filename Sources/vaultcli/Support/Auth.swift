import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

/// Options for commands run by a logged-in operator.
struct ActorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.helpUserOption), valueName: "name"))
    var user: String?

    @OptionGroup var password: PasswordSource

    func name() throws -> String {
        if let user, !user.isEmpty { return user }
        if let u = ProcessInfo.processInfo.environment["VAULTCLI_USER"], !u.isEmpty { return u }
        throw ValidationError(tr(.sayWhoYouAre))
    }
}

/// A login as the CLI holds it: what the login said (the session, the operator's profile, the
/// expiry warning) and the vault it unlocked. The `Unlocked` members are read through it
/// (`me.operators`, `me.accounts`; methods through `me.unlocked`, as `me.unlocked.verify()`),
/// so a command gets them once, from its login. (`LoginResult` stays the library's Sendable
/// outcome, which the session agent keeps.)
@dynamicMemberLookup
struct LoggedIn {
    let result: LoginResult
    let unlocked: Unlocked

    init(_ vault: Vault, _ result: LoginResult) {
        self.result = result
        unlocked = vault.unlocked(by: result.session)
    }

    var session: Session { result.session }
    var profile: OperatorProfile { result.profile }
    var expiresInDays: Int? { result.expiresInDays }

    subscript<T>(dynamicMember member: KeyPath<Unlocked, T>) -> T { unlocked[keyPath: member] }
}

/// Logs the operator in (password, lockout, expiry) and returns the session. Prints the expiry
/// warning on stderr.
///
/// Nobody types while the vault's lock is held: the password (and, through `beforeLock`, any
/// other secret the command needs) is read before the vault is opened for writing; a one-time
/// code, which is asked only once the password is known to be right, is read after that first
/// locked half of the login has released the lock, and the login then finishes under the lock
/// again, with the proof of the password the first half kept (no second Argon2id run).
enum Login {
    /// Reads the password first and only then opens the vault for writing (which takes its
    /// exclusive lock), so the lock is never held while a person types the password: a nightly
    /// backup or a till's session is not kept waiting by a prompt.
    /// `beforeLock` runs after the password is read and before the lock is taken: the place to
    /// read any other secret the command needs (a new password), so nobody types under the lock.
    static func open(_ vault: VaultOptions, name: String, password: PasswordSource, allowPasswordChange: Bool = false,
                     signIn: Bool = false, beforeLock: () throws -> Void = {}) throws -> (Vault, LoggedIn) {
        // Say "no vault" before asking for a password that could not be used.
        if !FileManager.default.fileExists(atPath: vault.path) {
            var st = stat()
            if lstat(vault.path, &st) != 0 { throw VaultError.noVault(path: vault.path) }
        }
        let pw = try password.read(prompt: tr(.promptPasswordFor, name))
        try beforeLock()
        return try open(path: vault.path, name: name, password: pw, codeFromStdin: password.passwordStdin,
                        allowPasswordChange: allowPasswordChange, signIn: signIn)
    }

    static func open(_ vault: VaultOptions, actor: ActorOptions, allowPasswordChange: Bool = false, signIn: Bool = false,
                     beforeLock: () throws -> Void = {}) throws -> (Vault, LoggedIn) {
        // In the session agent (an `ActorSessionCommand` naming no operator): the session's
        // operator, whose `unlock` was the login.
        if let job = AgentRunner.job { return try SessionLogin.open(vault, job: job, beforeLock: beforeLock) }
        return try open(vault, name: try actor.name(), password: actor.password, allowPasswordChange: allowPasswordChange, signIn: signIn,
                 beforeLock: beforeLock)
    }

    /// With a password already read: opens the vault for writing (a login records its outcome:
    /// lockout counter, audit event) and logs in. An operator who enrolled a one-time code is
    /// asked for it once the password is known to be right, with the lock released (the next
    /// stdin line when the password came from stdin, else the terminal); the vault is then
    /// opened for writing again and the login finishes there. Every outcome of the password
    /// (a wrong one counted, a lockout) is written before the lock is released, and nothing is
    /// shown before that; the code's outcome is written in the second half.
    static func open(path: String, name: String, password pw: SecretBytes, codeFromStdin: Bool,
                     allowPasswordChange: Bool = false, signIn: Bool = false) throws -> (Vault, LoggedIn) {
        var proof: PasswordProof?
        var code: Result<String, Error>?
        while true {
            // The vault (and its lock) lives only inside `attempt`: when it returns nil the lock is
            // already released.
            func attempt() throws -> (Vault, LoggedIn)? {
                let v = try Vault.open(path: path, access: .write)
                do {
                    return (v, LoggedIn(v, try run(v, name: name, password: pw, code: code, proof: proof,
                                                   allowPasswordChange: allowPasswordChange, signIn: signIn)))
                } catch let awaited as OneTimeCodeAwaited {
                    // Only the first half defers: the second one has the code.
                    guard code == nil else { throw OperatorError.oneTimeCode(name: Names.normalize(name), problem: .missing) }
                    proof = awaited.proof
                    return nil
                }
            }
            if let done = try attempt() { return done }
            // No lock is held here.
            code = Result { try readCode(name: Names.normalize(name), fromStdin: codeFromStdin) }
        }
    }

    /// The one-time code: the next stdin line when the password came from stdin, else the
    /// terminal (a failure here is a missing code, counted by the login that follows).
    static func readCode(name: String, fromStdin: Bool) throws -> String {
        let c = fromStdin
            ? try SecretInput.readLine(fd: STDIN_FILENO, source: tr(.srcStdinCode))
            : try SecretInput.readTTY(prompt: tr(.promptOneTimeCodeFor, name), confirm: false)
        return c.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// One locked half of a login. `code` nil: a code, if the operator needs one, is deferred
    /// (`OneTimeCodeAwaited`); else it is the code read in between.
    /// `signIn` is true for `vaultcli login` and `unlock` (audited as "login"); a command that
    /// checks the password of the operator running it is audited as "auth".
    private static func run(_ vault: Vault, name: String, password pw: SecretBytes, code: Result<String, Error>?, proof: PasswordProof?,
                            allowPasswordChange: Bool, signIn: Bool) throws -> LoginResult {
        let checker = try PolicyStore.checker(vault)
        let oneTimeCode: () throws -> String = {
            guard let code else { throw OneTimeCodeDeferred() }
            return try code.get()
        }
        // Where the audit log stands before this login writes its own event: the last-seen check
        // judges the vault as the login found it, so that event cannot fill a rolled-back gap.
        let mark = vault.lastSeenMark()
        let r = try vault.login(user: name, password: pw, rules: checker.accountRules, allowPasswordChange: allowPasswordChange,
                                oneTimeCode: oneTimeCode, auditAction: signIn ? "login" : "auth", proof: proof)
        // Admins: the vault must continue what this admin last saw (not an older copy put back).
        if r.session.role == .admin {
            let dir = VaultLocation.stateDirectory()
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let me = vault.unlocked(by: r.session)
            try me.checkLastSeen(statePath: dir + "/" + me.lastSeenFileName, before: mark)
        }
        if let d = r.expiresInDays {
            Diagnostics.warning(tr(d == 1 ? .expiresInDay : .expiresInDays, r.profile.name, d))
        }
        return r
    }
}

/// Reads a new password for an operator: a 0600 file, the next stdin line (after the actor's),
/// a TTY prompt asked twice, or generated.
struct NewPasswordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.hNewPasswordFile), valueName: "path"), completion: .file())
    var newPasswordFile: String?

    @Flag(name: .long, help: ArgumentHelp(tr(.hGenerate)))
    var generate = false

    @Flag(name: .long, help: ArgumentHelp(tr(.hGenerateStrong)))
    var generateStrong = false

    func validate() throws {
        if [generate, generateStrong, newPasswordFile != nil].filter({ $0 }).count > 1 {
            throw ValidationError(tr(.chooseOneGenerate))
        }
    }

    /// The new password when it is typed or read (not generated), read before the vault's lock
    /// is taken: a file, the next stdin line, or a terminal prompt that asks again when the
    /// vault's policy refuses it (the policy comes from a brief shared read of the vault). nil
    /// for --generate and --generate-strong, which need the target's role and are made later.
    func readBeforeLock(for name: String, vault: VaultOptions, stdinFollows: Bool) throws -> SecretBytes? {
        if generate || generateStrong { return nil }
        if let f = newPasswordFile { return try SecretInput.readFile(f) }
        if stdinFollows { return try SecretInput.readLine(fd: STDIN_FILENO, source: tr(.srcStdinNewPassword)) }
        let checker: PasswordRuleChecker = try {
            let v = try Vault.open(path: vault.path, access: .read)
            return try PolicyStore.checker(v)
        }()
        let ctx = PersonalContext(username: Names.normalize(name))
        return try SecretInput.readNewTTY(prompt: tr(.promptNewPasswordFor, Names.normalize(name))) { checker.violations($0, context: ctx) }
    }

    /// `stdinFollows`: the actor's password came from stdin, so the new one is the next line.
    /// `role` and `checker` pick and check a generated one.
    func read(for name: String, role: Role? = nil, checker: PasswordRuleChecker? = nil, context: PersonalContext? = nil,
              stdinFollows: Bool) throws -> (SecretBytes, generated: String?) {
        if generateStrong || (generate && (role != .cashier || checker == nil)) {
            // Managers' and admins' temporary passwords, and your own new one, are random.
            let g = try PasswordFactory.temporary()
            return (try SecretBytes(utf8: g), g)
        }
        if generate, let checker {
            let g = try PasswordFactory.readable(checker: checker, context: context ?? PersonalContext(username: name))
            return (try SecretBytes(utf8: g), g)
        }
        if let f = newPasswordFile { return (try SecretInput.readFile(f), nil) }
        if stdinFollows { return (try SecretInput.readLine(fd: STDIN_FILENO, source: tr(.srcStdinNewPassword)), nil) }
        // At a terminal a refused password is asked again (three tries), with the rules it broke.
        let ctx = context ?? PersonalContext(username: name)
        return (try SecretInput.readNewTTY(prompt: tr(.promptNewPasswordFor, name)) { checker?.violations($0, context: ctx) ?? [] }, nil)
    }
}

extension ActorOptions {
    /// The common shape of an operator's command: open the vault for writing (a login records
    /// its outcome), log in, run `body`; errors in the documented voice.
    func run(_ vault: VaultOptions, allowPasswordChange: Bool = false, beforeLock: () throws -> Void = {},
             _ body: (Vault, LoggedIn) throws -> Void) throws {
        try runReporting {
            var (v, login) = try Login.open(vault, actor: self, allowPasswordChange: allowPasswordChange, beforeLock: beforeLock)
            // A format-v1 vault moves to v2 at its first admin command (others are told to ask one).
            if v.isLegacyFormat {
                let (l, outcome) = try v.upgradeIfLegacy(login.result)
                login = LoggedIn(v, l)
                if let outcome { UpgradeReport.print(outcome) }
            }
            try body(v, login)
        }
    }
}
