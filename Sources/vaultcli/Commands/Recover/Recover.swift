import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

extension VaultCLI {
    struct Recover: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recover",
            abstract: tr(.helpRecover),
            discussion: tr(.rcDiscussion),
            subcommands: [Password.self, Username.self, Setup.self, Codes.self, Unlock.self])
    }
}

/// How the secrets of a recovery are given.
struct RecoverySecretOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(tr(.rcStdinHelp)))
    var stdin = false

    @Flag(name: .long, help: ArgumentHelp(tr(.rcCodeHelp)))
    var code = false
}

extension VaultCLI.Recover {
    // MARK: recover password

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: tr(.rcPasswordAbstract),
            discussion: tr(.rcPasswordDiscussion))
        @Option(name: .long, help: ArgumentHelp(tr(.rcUserHelp), valueName: "name"))
        var user: String
        @OptionGroup var secrets: RecoverySecretOptions
        @Option(name: .long, help: ArgumentHelp(tr(.rcIdentityHelp), valueName: "file"),
                completion: .file())
        var identity: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func validate() throws {
            if secrets.code && identity != nil { throw ValidationError(tr(.rcChooseCodeOrIdentity)) }
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
                    proof = .code(try RecoveryInput.line(tr(.promptRecoveryCode), from: src, allowEmpty: false, what: tr(.whatRecoveryCode))!)
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
                    throw RecoveryError.invalidSetup(tr(.rcQuestionsChanged))
                }
                var generated: String?
                let outcome = try v.recoverPassword(user: user, proof: proof, newPassword: {
                    if let early { return early }
                    let (pw, g) = try newPassword.read(for: Names.normalize(user), stdinFollows: secrets.stdin)
                    generated = g
                    return pw
                }, checker: try PolicyStore.checker(v))
                Out.line(tr(.rcRecovered, outcome.name, ErrorText.method(outcome.method.rawValue)))
                if let generated { Out.line(tr(.passwdNew, generated)) }
                if outcome.oneTimeCodesCleared {
                    Out.line(tr(.rcTotpOff, outcome.name))
                }
                if let left = outcome.codesLeft {
                    Out.line(tr(.rcCodeUsedUp, left))
                    if left <= 3 { Diagnostics.warning(tr(left == 1 ? .rcFewCodesOne : .rcFewCodesMany, left)) }
                }
            }
        }
    }

    // MARK: recover username

    struct Username: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "username",
            abstract: tr(.rcUsernameAbstract),
            discussion: tr(.dRecoverUsername) + PersonalDataPrompt.tradeOff + tr(.dHereRecoverUsername))
        @Option(name: .long, help: ArgumentHelp(tr(.rcPhoneHelp))) var phone: String?
        @Option(name: .long, help: ArgumentHelp(tr(.rcEmailHelp))) var email: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var secrets: RecoverySecretOptions
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if phone != nil && email != nil { throw ValidationError(tr(.rcOnlyOneContact)) }
            try json.validate(stdinAlsoUsedBy: [(secrets.stdin, "--stdin")])
        }

        func run() throws {
            try runReporting {
                // The phone or e-mail: a flag, the JSON document ({"phone": …} or {"email": …}),
                // or on a terminal a prompt; so it need not go on argv.
                let f = try LookupFields.resolve([("phone", phone), ("email", email)], json: json, onlyOne: true, prompts: [
                    ("phone", tr(.promptBoundPhone), { s in _ = try RecoveryContact(phone: s); return s }),
                    ("email", tr(.promptBoundEmail), { s in _ = try RecoveryContact(email: s); return s }),
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
                        ? .code(try RecoveryInput.line(tr(.promptRecoveryCode), from: src, allowEmpty: false, what: tr(.whatRecoveryCode))!)
                        : .answers(try RecoveryInput.answers(first.questions, required: first.required, from: src))
                }()
                let v = try Vault.open(path: vault.path, access: .write)
                let c = try v.usernameRecoveryChallenge(renewing: first)
                guard c.questions == first.questions, c.required == first.required else {
                    throw RecoveryError.invalidSetup(tr(.rcQuestionsChanged))
                }
                let r = try v.recoverUsername(c, proof: proof, accounts: AccountDirectory.current)
                if output.json {
                    var d: [String: Any] = [contact.kind.rawValue: contact.value, "operators": r.operators]
                    d["accounts"] = r.accountUsernames ?? JSONNull()
                    Out.json(d)
                    return
                }
                Out.line(tr(.rcBoundTo, contact.described))
                for n in r.operators { Out.line(tr(.rcBoundOperator, n)) }
                for a in r.accountUsernames ?? [] { Out.line(tr(.rcBoundAccount, a)) }
                if r.accountUsernames == nil && AccountDirectory.current != nil {
                    Out.line(tr(.rcAccountsAfterProof))
                }
            }
        }
    }

    // MARK: recover setup

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup",
            abstract: tr(.rcSetupAbstract),
            discussion: tr(.rcSetupDiscussion))
        @Flag(name: .long, help: ArgumentHelp(tr(.rcListHelp))) var list = false
        @Option(name: .long, help: ArgumentHelp(tr(.rcQuestionHelp), valueName: "n|text"))
        var question: [String] = []
        @Option(name: .long, help: ArgumentHelp(tr(.rcRequiredHelp)))
        var required: Int = RecoveryQuestionLimits.defaultRequired
        @Flag(name: .long, help: ArgumentHelp(tr(.rcAnswersStdinHelp)))
        var answersStdin = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func validate() throws {
            if answersStdin && actor.password.passwordStdin {
                throw ValidationError(tr(.rcDropAnswersStdin))
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
                let pw = try actor.password.read(prompt: tr(.promptPasswordFor, name))
                let me: LoginResult = try {
                    let (_, me) = try Login.open(path: vault.path, name: name, password: pw, codeFromStdin: actor.password.passwordStdin)
                    return me.result
                }()
                let stdinAnswers = answersStdin || actor.password.passwordStdin
                var chosen = question
                if chosen.isEmpty {
                    guard !stdinAnswers else {
                        throw ValidationError(tr(.rcChooseQuestions))
                    }
                    chosen = try Self.chooseOnTerminal()
                }
                let texts = try chosen.map { q -> String in
                    if let n = Int(q.trimmed(.whitespaces)) {
                        guard let e = RecoveryQuestionCatalog.entry(id: n) else {
                            throw RecoveryError.invalidSetup(tr(.rcNoBuiltin, n, RecoveryQuestionCatalog.builtin.count))
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
                    let a = try RecoveryInput.line(tr(.promptAnswer), from: src, allowEmpty: false, what: tr(.whatAnswerTo, i + 1))!
                    if case .terminal = src {
                        let again = try RecoveryInput.line(tr(.promptRepeatAnswer), from: src, allowEmpty: false, what: tr(.whatAnswerTo, i + 1))!
                        guard AnswerNormalizer.same(a, again) else {
                            throw RecoveryError.invalidSetup(tr(.rcAnswersDiffer, i + 1))
                        }
                    }
                    answers.append(a)
                }
                let v = try Vault.open(path: vault.path, access: .write)
                try v.checkSessionStillValid(me.session)
                try v.unlocked(by: me.session).recovery.setUpQuestions(password: pw, questions: texts, answers: answers, required: required)
                Out.line(tr(.rcQuestionsSet, me.profile.name, required, texts.count))
            }
        }

        /// Lets the operator pick questions on the terminal (the choice is not secret).
        static func chooseOnTerminal() throws -> [String] {
            guard let tty = TerminalDevice() else {
                throw ValidationError(tr(.rcChooseQuestions))
            }
            func say(_ s: String) { tty.write(s) }
            say(tr(.rcBuiltinQuestions) + "\n")
            for e in RecoveryQuestionCatalog.builtin { say("\(String(e.id).padded(3)) \(e.en)\n    \(e.zh)\n") }
            say(tr(.rcTypeQuestions) + "\n")
            var out: [String] = []
            var pending = Data()
            while out.count < RecoveryQuestionLimits.maxQuestions {
                say(tr(.rcQuestionN, out.count + 1))
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
            abstract: tr(.rcCodesAbstract),
            discussion: tr(.rcCodesDiscussion))
        @Flag(name: .long, help: ArgumentHelp(tr(.rcRegenerateHelp))) var regenerate = false
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                if !regenerate {
                    let v = try Vault.open(path: vault.path, access: .read)
                    let left = try v.recoveryCodesLeft()
                    if output.json { Out.json(["codes_left": left]) } else {
                        Out.line(tr(.rcCodesLeft, left, RecoveryCodes.count))
                        if left == 0 { Diagnostics.warning(tr(.rcNoCodeLeft)) }
                    }
                    return
                }
                let (_, me) = try Login.open(vault, actor: actor)
                try Permission.manageRecovery.require(me.session)
                let codes = try me.recovery.regenerateCodes()
                if output.json {
                    try RecoveryKitPrinter.json([:], codes)
                } else {
                    Out.line(tr(.rcNewCodes))
                    RecoveryKitPrinter.print(codes)
                }
            }
        }
    }

    // MARK: recover unlock

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: tr(.rcUnlockAbstract))
        @Argument(help: ArgumentHelp(tr(.argOperator))) var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                try me.recovery.clearLock(name: name)
                Out.line(tr(.rcUnlocked, Names.normalize(name)))
            }
        }
    }
}

/// Prints a recovery kit: the codes, numbered and grouped, with the advice that goes with them.
enum RecoveryKitPrinter {
    /// The codes go from locked memory straight to standard output (SecretOut).
    static func print(_ codes: [RecoveryCode]) {
        Out.line(tr(.kitTitle))
        for (i, c) in codes.enumerated() {
            guard let g = try? c.groupedSecret() else {
                Diagnostics.error(tr(.kitCodeNotShown, i + 1), hints: [tr(.kitCodeNotShownHint)])
                continue
            }
            SecretOut.write([.text("  \(String(i + 1).padded(3))"), .secret(g), .text("\n")])
        }
        Out.line(tr(.kitKeepOffline))
        Out.line(tr(.kitAnyOne))
    }

    /// `value` with "recovery_codes" added, each code written from locked memory.
    static func json(_ value: [String: Any], _ codes: [RecoveryCode]) throws {
        var v = value
        v["recovery_codes"] = codes.indices.map { SecretOut.placeholder($0) }
        SecretOut.json(v, secrets: try codes.map { try $0.groupedSecret() })
    }
}

/// The accounts feature's lookup for `recover username`.
enum AccountDirectory {
    static let current: BoundAccountDirectory? = MerchantAccountDirectory()
}
