import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recover",
            abstract: tr(.helpRecover),
            discussion: """
            Answers and codes are never taken from the command line: they are asked on the terminal \
            without echo, or read one per line from standard input with --stdin. docs/RECOVERY.md says \
            which way to take in which situation.
            """,
            subcommands: [Password.self, Username.self, Setup.self, Codes.self, Unlock.self])
    }
}

/// How the secrets of a recovery are given.
struct RecoverySecretOptions: ParsableArguments {
    @Flag(name: .long, help: "Read the answers (one per question, empty to skip) or the recovery code from standard input, one per line (`recover password`: the new password is the line after them).")
    var stdin = false

    @Flag(name: .long, help: "Prove who you are with a one-time recovery code instead of the recovery questions.")
    var code = false
}

extension VaultCLI.Recover {
    // MARK: recover password

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Choose a new password after answering your recovery questions, or with a recovery code or the offline recovery key.",
            discussion: """
            Questions alone recover a cashier's or a manager's password; an admin needs --code or \
            --identity FILE (unless `policy set admin-recovery-by-questions on`). The new password \
            must pass the full policy, including the history. Five wrong attempts lock recovery \
            (not login) for that operator for an hour.
            """)
        @Option(name: .long, help: ArgumentHelp("The operator whose password was forgotten.", valueName: "name"))
        var user: String
        @OptionGroup var secrets: RecoverySecretOptions
        @Option(name: .long, help: ArgumentHelp("Prove who you are with the offline recovery key (an identity file from `vaultcli keygen --add-to-vault`).", valueName: "file"),
                completion: .file())
        var identity: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func validate() throws {
            if secrets.code && identity != nil { throw ValidationError("choose one of --code and --identity") }
        }

        func run() throws {
            try runReporting {
                let method: RecoveryMethod = identity != nil ? .recoveryKey : secrets.code ? .code : .questions
                // Nobody types under the vault's lock: the challenge (its questions, or a
                // refusal) comes from a brief locked look at the vault, the proof and the new
                // password are read with no lock held, and the recovery runs under the lock,
                // with the same questions (else nothing is tried or counted).
                let (questions, required) = try {
                    let v = try Vault.open(path: vault.path, access: .write)
                    return try v.passwordRecoveryChallenge(user: user, method: method)
                }()
                let proof: RecoveryProof
                switch method {
                case .recoveryKey:
                    let ids = try AgeKeyFile.read(path: identity!)
                    guard case .x25519(let sk)? = ids.first(where: { if case .x25519 = $0 { true } else { false } }) else {
                        throw RecoveryError.noRecoveryKey
                    }
                    proof = .recoveryKey(sk)
                case .code:
                    let src = try RecoveryInput.open(stdin: secrets.stdin)
                    defer { RecoveryInput.close(src) }
                    proof = .code(try RecoveryInput.line("Recovery code: ", from: src, allowEmpty: false, what: "the recovery code")!)
                case .questions:
                    let src = try RecoveryInput.open(stdin: secrets.stdin)
                    defer { RecoveryInput.close(src) }
                    proof = .answers(try RecoveryInput.answers(questions, required: required, from: src))
                }
                // A new password typed at the terminal (or from a file) is read now too; one on
                // stdin is the line after the proof, read once the proof holds, as before.
                let early = secrets.stdin ? nil : try newPassword.readBeforeLock(for: user, vault: vault, stdinFollows: false)
                let v = try Vault.open(path: vault.path, access: .write)
                let again = try v.passwordRecoveryChallenge(user: user, method: method)
                guard again.questions == questions, again.required == required else {
                    throw RecoveryError.invalidSetup("the recovery questions changed while you answered; nothing was tried or counted: run the command again")
                }
                var generated: String?
                let outcome = try v.recoverPassword(user: user, proof: proof, newPassword: {
                    if let early { return early }
                    let (pw, g) = try newPassword.read(for: Names.normalize(user), stdinFollows: secrets.stdin)
                    generated = g
                    return pw
                }, checker: try PolicyStore.checker(v))
                Out.line("Password of \(outcome.name) recovered by \(outcome.method.rawValue); log in with the new password.")
                if let generated { Out.line("New password: \(generated)") }
                if outcome.oneTimeCodesCleared {
                    Out.line("One-time codes are now off for \(outcome.name); turn them on again with a new phone: `vaultcli user totp enable --user \(outcome.name)`.")
                }
                if let left = outcome.codesLeft {
                    Out.line("That recovery code is now used up; \(left) left.")
                    if left <= 3 { Diagnostics.warning("only \(left) recovery code\(left == 1 ? "" : "s") left; an admin can print new ones with `vaultcli recover codes --regenerate`") }
                }
            }
        }
    }

    // MARK: recover username

    struct Username: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "username",
            abstract: "Find the operator names (and account usernames) bound to a phone number or e-mail address, after proof.",
            discussion: """
            Proof is the recovery questions of the operator the phone or e-mail belongs to, or a \
            recovery code (--code). Before proof, every phone or address gets the same prompts and \
            the same answer, so nothing tells whether it is bound.

            """ + PersonalDataPrompt.tradeOff + " Here that is --phone and --email; on a terminal, with neither given, the phone (or the e-mail) is asked for.")
        @Option(name: .long, help: "The bound phone number (E.164, or an 11-digit mainland China mobile number).") var phone: String?
        @Option(name: .long, help: "The bound e-mail address.") var email: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var secrets: RecoverySecretOptions
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if phone != nil && email != nil { throw ValidationError("give only one of --phone and --email") }
            try json.validate(stdinAlsoUsedBy: [(secrets.stdin, "--stdin")])
        }

        func run() throws {
            try runReporting {
                // The phone or e-mail: a flag, the JSON document ({"phone": …} or {"email": …}),
                // or on a terminal a prompt; so it need not go on argv.
                let f = try LookupFields.resolve([("phone", phone), ("email", email)], json: json, onlyOne: true, prompts: [
                    ("phone", "Bound phone number (Enter to give an e-mail address instead): ", { s in _ = try RecoveryContact(phone: s); return s }),
                    ("email", "Bound e-mail address: ", { s in _ = try RecoveryContact(email: s); return s }),
                ])
                let contact = try f["phone"].map { try RecoveryContact(phone: $0) } ?? RecoveryContact(email: f["email"]!)
                let method: RecoveryMethod = secrets.code ? .code : .questions
                // The challenge from a brief locked look; the proof read with no lock held; the
                // check under the lock, against the same questions (else nothing is tried).
                let first = try {
                    let v = try Vault.open(path: vault.path, access: .write)
                    return try v.usernameRecoveryChallenge(contact: contact, method: method)
                }()
                let proof: RecoveryProof = try {
                    let src = try RecoveryInput.open(stdin: secrets.stdin)
                    defer { RecoveryInput.close(src) }
                    return secrets.code
                        ? .code(try RecoveryInput.line("Recovery code: ", from: src, allowEmpty: false, what: "the recovery code")!)
                        : .answers(try RecoveryInput.answers(first.questions, required: first.required, from: src))
                }()
                let v = try Vault.open(path: vault.path, access: .write)
                let c = try v.usernameRecoveryChallenge(renewing: first)
                guard c.questions == first.questions, c.required == first.required else {
                    throw RecoveryError.invalidSetup("the recovery questions changed while you answered; nothing was tried or counted: run the command again")
                }
                let r = try v.recoverUsername(c, proof: proof, accounts: AccountDirectory.current)
                if output.json {
                    var d: [String: Any] = [contact.kind.rawValue: contact.value, "operators": r.operators]
                    d["accounts"] = r.accountUsernames ?? JSONNull()
                    Out.json(d)
                    return
                }
                Out.line("Bound to \(contact.described):")
                for n in r.operators { Out.line("  operator: \(n)") }
                for a in r.accountUsernames ?? [] { Out.line("  account username: \(a)") }
                if r.accountUsernames == nil && AccountDirectory.current != nil {
                    Out.line("  (account usernames are shown only after proof with admin keys: a recovery code or an admin's answers)")
                }
            }
        }
    }

    // MARK: recover setup

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup",
            abstract: "Set up your recovery questions (you log in with your password first).",
            discussion: """
            Choose 3 to 6 questions with --question: a number from the built-in list (shown by \
            --list), or your own question's text. Any --required of them (default 2) will recover \
            your password. Answers are asked twice on the terminal without echo; with \
            --password-stdin they follow your password, one per line (or use --answers-stdin). \
            Answers ignore case, full- and half-width forms and extra spaces, and must not be \
            shorter than 3 characters, your user name, your password or a common password.
            """)
        @Flag(name: .long, help: "List the built-in questions and exit.") var list = false
        @Option(name: .long, help: ArgumentHelp("A question: a built-in number, or your own text (repeat 3 to 6 times).", valueName: "n|text"))
        var question: [String] = []
        @Option(name: .long, help: "How many right answers recover the password (2 to the number of questions).")
        var required: Int = RecoveryQuestionLimits.defaultRequired
        @Flag(name: .long, help: "Read the answers from standard input, one per line, in question order.")
        var answersStdin = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func validate() throws {
            if answersStdin && actor.password.passwordStdin {
                throw ValidationError("--password-stdin already reads the answers from standard input after the password; drop --answers-stdin")
            }
        }

        func run() throws {
            try runReporting {
                if list {
                    for e in RecoveryQuestionCatalog.builtin { Out.line("\(String(e.id).padded(3)) \(e.en)\n    \(e.zh)") }
                    return
                }
                let name = try actor.name()
                // Nobody types under the vault's lock: the password is read before it is taken, and
                // the login (one-time code included, Login.open) releases it before the questions
                // and answers are asked. The vault is then opened for writing again, and the
                // session checked against it, as the session agent does for each command.
                if !FileManager.default.fileExists(atPath: vault.path) { throw VaultError.noVault(path: vault.path) }
                let pw = try actor.password.read(prompt: "Password for \(name): ")
                let me: LoginResult = try {
                    let (_, me) = try Login.open(path: vault.path, name: name, password: pw, codeFromStdin: actor.password.passwordStdin)
                    return me
                }()
                let stdinAnswers = answersStdin || actor.password.passwordStdin
                var chosen = question
                if chosen.isEmpty {
                    guard !stdinAnswers else {
                        throw ValidationError("choose the questions with --question (see `vaultcli recover setup --list`)")
                    }
                    chosen = try Self.chooseOnTerminal()
                }
                let texts = try chosen.map { q -> String in
                    if let n = Int(q.trimmed(.whitespaces)) {
                        guard let e = RecoveryQuestionCatalog.entry(id: n) else {
                            throw RecoveryError.invalidSetup("there is no built-in question \(n) (1 to \(RecoveryQuestionCatalog.builtin.count))")
                        }
                        return e.text
                    }
                    return q
                }
                let src = try RecoveryInput.open(stdin: stdinAnswers)
                defer { RecoveryInput.close(src) }
                var answers: [SecretBytes] = []
                for (i, q) in texts.enumerated() {
                    RecoveryInput.show("\(i + 1). \(q)\n", on: src)
                    let a = try RecoveryInput.line("   Answer: ", from: src, allowEmpty: false, what: "the answer to question \(i + 1)")!
                    if case .terminal = src {
                        let again = try RecoveryInput.line("   Repeat the answer: ", from: src, allowEmpty: false, what: "the answer to question \(i + 1)")!
                        guard AnswerNormalizer.same(a, again) else {
                            throw RecoveryError.invalidSetup("the two answers to question \(i + 1) differ; nothing was changed")
                        }
                    }
                    answers.append(a)
                }
                let v = try Vault.open(path: vault.path, access: .write)
                try v.checkSessionStillValid(me.session)
                try v.setUpRecoveryQuestions(session: me.session, password: pw, questions: texts, answers: answers, required: required)
                Out.line("Recovery questions set for \(me.profile.name): any \(required) of the \(texts.count) answers recover the password.")
            }
        }

        /// Lets the operator pick questions on the terminal (the choice is not secret).
        static func chooseOnTerminal() throws -> [String] {
            guard let tty = TerminalDevice() else {
                throw ValidationError("choose the questions with --question (see `vaultcli recover setup --list`)")
            }
            func say(_ s: String) { tty.write(s) }
            say("Built-in questions:\n")
            for e in RecoveryQuestionCatalog.builtin { say("\(String(e.id).padded(3)) \(e.en)\n    \(e.zh)\n") }
            say("Type a number, or your own question, one per line; an empty line ends the list (3 to 6 questions).\n")
            var out: [String] = []
            var pending = Data()
            while out.count < RecoveryQuestionLimits.maxQuestions {
                say("Question \(out.count + 1): ")
                pending.removeAll()
                while true {
                    guard let b = tty.readByte(), b != 0x0A else { break }
                    pending.append(b)
                }
                let line = String(decoding: pending, as: UTF8.self).trimmed(.whitespacesAndNewlines)
                if line.isEmpty { break }
                out.append(line)
            }
            return out
        }
    }

    // MARK: recover codes

    struct Codes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "codes",
            abstract: "Show how many recovery codes are left, or print ten new ones (admins, --regenerate).",
            discussion: "--regenerate revokes every unused code and prints ten new ones once. Keep them offline, apart from the terminal.")
        @Flag(name: .long, help: "Replace every recovery code with ten new ones (admins).") var regenerate = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                if !regenerate {
                    let v = try Vault.open(path: vault.path, access: .read)
                    let left = try v.recoveryCodesLeft()
                    if output.json { Out.json(["codes_left": left]) } else {
                        Out.line("\(left) of \(RecoveryCodes.count) recovery codes left.")
                        if left == 0 { Diagnostics.warning("no recovery code is left; an admin can print new ones with `vaultcli recover codes --regenerate`") }
                    }
                    return
                }
                let (v, me) = try Login.open(vault, actor: actor)
                try Permission.manageRecovery.require(me.session)
                let codes = try v.regenerateRecoveryCodes(session: me.session)
                if output.json {
                    Out.json(["recovery_codes": codes.map(\.grouped)])
                } else {
                    Out.line("New recovery codes; every older code no longer works.")
                    RecoveryKitPrinter.print(codes)
                }
            }
        }
    }

    // MARK: recover unlock

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Clear an operator's recovery lockout after wrong answers or codes (admins).")
        @Argument(help: "The operator.") var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                try v.clearRecoveryLock(session: me.session, name: name)
                Out.line("Recovery for \(Names.normalize(name)) is unlocked.")
            }
        }
    }
}

/// Prints a recovery kit: the codes, numbered and grouped, with the advice that goes with them.
enum RecoveryKitPrinter {
    static func print(_ codes: [RecoveryCode]) {
        Out.line(tr(.kitTitle))
        for (i, c) in codes.enumerated() { Out.line("  \(String(i + 1).padded(3))\(c.grouped)") }
        Out.line(tr(.kitKeepOffline))
        Out.line(tr(.kitAnyOne))
    }
}

/// The accounts feature's lookup for `recover username`.
enum AccountDirectory {
    static let current: BoundAccountDirectory? = MerchantAccountDirectory()
}
