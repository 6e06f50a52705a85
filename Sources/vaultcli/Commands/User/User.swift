import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Manage operators: add, list, show, passwd, role, disable, enable, remove, unlock.",
            discussion: """
            --user NAME (or $VAULTCLI_USER) is the operator running the command; their password comes from the \
            terminal, --password-stdin (first line) or --password-file. A new password for another operator comes \
            from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate.
            """,
            subcommands: [Add.self, List.self, Show.self, Edit.self, Passwd.self, SetRole.self, Disable.self, Enable.self, Remove.self, Unlock.self, Totp.self])
    }
}

extension OperatorProfile {
    func json(lockout: (failures: Int, lockedUntil: Date?)) -> [String: Any] {
        let iso = ISOTime()
        var d: [String: Any] = ["name": name, "role": role.rawValue, "status": lockout.lockedUntil != nil ? "locked" : status.rawValue,
                                "created": iso.string(from: createdAt), "password_changed": iso.string(from: passwordChangedAt),
                                "must_change_password": mustChangePassword, "failed_logins": lockout.failures,
                                "one_time_codes": totpEnabled ?? false]
        d["phone"] = phone ?? JSONNull()
        d["email"] = email ?? JSONNull()
        if let u = lockout.lockedUntil { d["locked_until"] = iso.string(from: u) }
        return d
    }
}

extension VaultCLI.User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an operator (admins: any role; managers: cashiers).",
            discussion: PersonalDataPrompt.tradeOff + " Here that is --phone and --email (JSON keys \"phone\", \"email\"); on a terminal, those left out are asked for (Enter leaves one unbound).")
        @Argument(help: "The new operator's name.") var name: String
        @Option(help: "admin, manager or cashier.") var role: Role = .cashier
        @Option(help: "Bound phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (shown by `ps`; see above).") var phone: String?
        @Option(help: "Bound e-mail address (shown by `ps`; see above).") var email: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            try json.validate(stdinAlsoUsedBy: [(actor.password.passwordStdin, "--password-stdin")])
            if json.usesStdin && !newPassword.generate && !newPassword.generateStrong && newPassword.newPasswordFile == nil {
                throw ValidationError("--from-json - reads standard input, so the new password cannot: use --generate, --generate-strong or --new-password-file")
            }
        }

        func run() throws {
            var early: SecretBytes?
            // On a terminal, a phone or e-mail that no flag and no document gives is asked first,
            // before any password (and before the vault's lock is taken).
            var asked: (phone: String?, email: String?) = (phone, email)
            if json.source == nil && PersonalDataPrompt.available {
                try runReporting { asked = try PersonalDataPrompt.operatorContact(name: name, phone: phone, email: email, editing: false) }
            }
            try actor.run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: actor.password.passwordStdin) }) { v, me in
                // Personal data from the JSON document, when given (stdin carries nothing else then).
                let j = try json.read(allowed: ["phone", "email"], flags: ["phone": phone, "email": email]) ?? [:]
                let phone = asked.phone ?? j["phone"], email = asked.email ?? j["email"]
                try Permission.addOperator.require(me.session, target: role)
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: name, role: role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: name, phone: phone, email: email),
                                                           stdinFollows: actor.password.passwordStdin)
                let p = try v.addOperator(session: me.session, name: name, role: role, phone: phone, email: email, password: pw,
                                          checker: try PolicyStore.checker(v))
                if output.json {
                    var d = p.json(lockout: (0, nil))
                    if let generated { d["temporary_password"] = generated }
                    Out.json(d)
                } else {
                    Out.line("Added \(p.role.rawValue) \(p.name); the password must be changed at first login.")
                    if let generated { Out.line("Temporary password: \(generated)") }
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List operators (managers and admins).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try actor.run(vault) { v, me in
                try Permission.listOperators.require(me.session)
                let ops = try v.operators(session: me.session)
                let rows = try ops.map { ($0, try v.lockoutStatus(name: $0.name)) }
                if output.json {
                    Out.json(rows.map { $0.0.json(lockout: $0.1) })
                } else {
                    Out.raw(Table.render(["NAME", "ROLE", "STATUS", "PHONE", "EMAIL"], rows.map { p, l in
                        [p.name, p.role.rawValue, l.lockedUntil != nil ? "locked" : p.status.rawValue, p.phone ?? "-", p.email ?? "-"]
                    }))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one operator (yourself, or anyone for managers and admins).")
        @Argument(help: "The operator's name (default: yourself).") var name: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try actor.run(vault) { v, me in
                let target = name ?? me.profile.name
                if Names.normalize(target) != me.profile.name { try Permission.listOperators.require(me.session) }
                let p = try v.operatorProfile(named: target, session: me.session)
                let l = try v.lockoutStatus(name: p.name)
                if output.json { Out.json(p.json(lockout: l)); return }
                Out.line("name:             \(p.name)")
                Out.line("role:             \(p.role.rawValue)")
                Out.line("status:           \(l.lockedUntil != nil ? "locked until \(LocalTime.string(l.lockedUntil!))" : p.status.rawValue)")
                Out.line("phone:            \(p.phone ?? "-")")
                Out.line("email:            \(p.email ?? "-")")
                Out.line("created:          \(LocalTime.string(p.createdAt))")
                Out.line("password changed: \(LocalTime.string(p.passwordChangedAt))\(p.mustChangePassword ? " (must be changed at next login)" : "")")
                Out.line("failed logins:    \(l.failures)")
                Out.line("one-time codes:   \(p.totpEnabled == true ? "on" : "off")")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Change your password, or reset another operator's (admins: anyone; managers: cashiers).",
            discussion: "With --password-stdin, the first line is your current password and the second the new one.")
        @Argument(help: "The operator (default: yourself).") var name: String?
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func run() throws {
            try runReporting {
                let actorName = try actor.name()
                let own = name == nil || Names.normalize(name!) == Names.normalize(actorName)
                var early: SecretBytes?
                let (v, me) = try Login.open(vault, actor: actor, allowPasswordChange: own, beforeLock: {
                    early = try newPassword.readBeforeLock(for: name ?? actorName, vault: vault, stdinFollows: actor.password.passwordStdin)
                })
                let checker = try PolicyStore.checker(v)
                if own {
                    let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: me.profile.name, checker: checker,
                                                               context: PersonalContext(username: me.profile.name, phone: me.profile.phone, email: me.profile.email),
                                                               stdinFollows: actor.password.passwordStdin)
                    try v.changeOwnPassword(session: me.session, newPassword: pw, checker: checker)
                    Out.line("Password of \(me.profile.name) changed.")
                    if let generated { Out.line("New password: \(generated)") }
                } else {
                    let target = try v.operatorProfile(named: name!, session: me.session)
                    try Permission.resetPassword.require(me.session, target: target.role)
                    let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: target.role, checker: checker,
                                                               context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                               stdinFollows: actor.password.passwordStdin)
                    try v.resetPassword(session: me.session, name: target.name, newPassword: pw, checker: checker)
                    Out.line("Password of \(target.name) reset; it must be changed at first login.")
                    if let generated { Out.line("Temporary password: \(generated)") }
                }
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Change an operator's role (admins). The operator gets a temporary password, since their keyslot is re-issued with the new role's keys.")
        @Argument(help: "The operator.") var name: String
        @Argument(help: "admin, manager or cashier.") var role: Role
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions

        func run() throws {
            var early: SecretBytes?
            try actor.run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: actor.password.passwordStdin) }) { v, me in
                let target = try v.operatorProfile(named: name, session: me.session)
                try Permission.changeRole.require(me.session, target: target.role)
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                           stdinFollows: actor.password.passwordStdin)
                let rotation = try v.setRole(session: me.session, name: target.name, role: role, temporaryPassword: pw, checker: try PolicyStore.checker(v))
                Out.line("\(target.name) is now \(role.rawValue); the temporary password must be changed at first login.")
                if let generated { Out.line("Temporary password: \(generated)") }
                RotationReport.print(rotation)
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable an operator (admins: anyone; managers: cashiers).",
            discussion: "Their password slot, recovery questions and key envelope are erased from the vault file: their password opens nothing afterwards. `vaultcli user enable NAME` gives them a new temporary password. Disabling does not replace keys they have seen; `vaultcli user remove` or `vaultcli rekey` does.")
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try v.setStatus(session: me.session, name: name, status: .disabled)
                Out.line("\(Names.normalize(name)) is disabled; their password no longer opens the vault.")
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Enable a disabled operator, with a new temporary password (admins: anyone; managers: cashiers).",
            discussion: "The temporary password comes from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate; it must be changed at first login.")
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions
        func run() throws {
            var early: SecretBytes?
            try actor.run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: actor.password.passwordStdin) }) { v, me in
                let target = try v.operatorProfile(named: name, session: me.session)
                try Permission.disableOperator.require(me.session, target: target.role)
                guard target.status == .disabled else {
                    Out.line("\(target.name) is already enabled.")
                    return
                }
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: target.role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                           stdinFollows: actor.password.passwordStdin)
                try v.setStatus(session: me.session, name: target.name, status: .active, temporaryPassword: pw, checker: try PolicyStore.checker(v))
                Out.line("\(target.name) is enabled; the temporary password must be changed at first login.")
                if let generated { Out.line("Temporary password: \(generated)") }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an operator and their keyslot (admins).")
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                let rotation = try v.removeOperator(session: me.session, name: name)
                Out.line("\(Names.normalize(name)) was removed.")
                RotationReport.print(rotation)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bind or clear an operator's phone and e-mail (admins: anyone, themselves included; managers: cashiers).",
            discussion: "`vaultcli recover username --phone` and `--email` find operators by these. The change is audited (which fields, not their values). "
                + PersonalDataPrompt.tradeOff + " Here that is --phone and --email (JSON keys \"phone\", \"email\"; \"\" clears one); on a terminal, with none of --phone, --email, --clear-phone, --clear-email or --from-json, both are asked for (Enter keeps one, - clears it).")
        @Argument(help: "The operator (default: yourself).") var name: String?
        @Option(help: "Bound phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (shown by `ps`; see above).") var phone: String?
        @Option(help: "Bound e-mail address (shown by `ps`; see above).") var email: String?
        @Flag(help: "Remove the bound phone.") var clearPhone = false
        @Flag(help: "Remove the bound e-mail.") var clearEmail = false
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if phone != nil && clearPhone { throw ValidationError("choose one of --phone and --clear-phone") }
            if email != nil && clearEmail { throw ValidationError("choose one of --email and --clear-email") }
            try json.validate(stdinAlsoUsedBy: [(actor.password.passwordStdin, "--password-stdin")])
            if phone == nil && email == nil && !clearPhone && !clearEmail && json.source == nil && !PersonalDataPrompt.available {
                throw ValidationError("say what to change: --phone, --email, --clear-phone, --clear-email, or the keys \"phone\" and \"email\" in --from-json FILE or --from-json - (standard input, which keeps them out of `ps` and shell history); on a terminal, with none of these, it asks")
            }
            // Checked before any password is asked for.
            do {
                if let phone { _ = try ContactValidation.phone(phone) }
                if let email { _ = try ContactValidation.email(email) }
            } catch let e as UserFacingError { throw ValidationError(e.message) }
        }

        func run() throws {
            // Nothing given, on a terminal: both are asked for now, before the password.
            var asked: (phone: String?, email: String?) = (nil, nil)
            if phone == nil && email == nil && !clearPhone && !clearEmail && json.source == nil {
                try runReporting {
                    asked = try PersonalDataPrompt.operatorContact(name: name ?? (try? actor.name()) ?? "you", phone: nil, email: nil, editing: true)
                    if asked.phone == nil && asked.email == nil {
                        throw PersonalDataPrompt.Refused(message: "nothing to change was typed; nothing was changed", hints: ["type a new phone or e-mail, or - to clear one"])
                    }
                }
            }
            func change(_ flag: String?, _ clear: Bool, _ typed: String?, _ doc: String?) -> ContactChange {
                if clear { return .clear }
                guard let v = flag ?? typed ?? doc else { return .keep }
                return v.isEmpty ? .clear : .set(v)
            }
            try actor.run(vault) { v, me in
                let j = try json.read(allowed: ["phone", "email"], flags: ["phone": phone ?? (clearPhone ? "" : nil), "email": email ?? (clearEmail ? "" : nil)]) ?? [:]
                if json.source != nil && j.isEmpty {
                    throw PersonalDataJSONOption.Failure(message: "the JSON document gives neither \"phone\" nor \"email\"; nothing was changed",
                                                         hints: ["e.g. {\"phone\": \"13812345678\"}; \"\" clears one"])
                }
                let p = try v.editContact(session: me.session, name: name ?? me.profile.name,
                                          phone: change(phone, clearPhone, asked.phone, j["phone"]),
                                          email: change(email, clearEmail, asked.email, j["email"]))
                if output.json { Out.json(p.json(lockout: try v.lockoutStatus(name: p.name))) } else {
                    Out.line("\(p.name): phone \(p.phone ?? "-"), e-mail \(p.email ?? "-")")
                }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Clear an operator's failed-login count and lock (admins and managers).")
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try v.unlockOperator(session: me.session, name: name)
                Out.line("\(Names.normalize(name)) is unlocked.")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

extension VaultCLI.User {
    struct Totp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: "One-time codes (TOTP, RFC 6238) as a second factor at login.",
            discussion: "`enable` shows a new secret as a QR code for an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, oathtool …); `confirm` turns it on with a code from the app; `disable` turns it off. Codes are 6 digits every 30 s, with HMAC-SHA-1 by default as every app expects.",
            subcommands: [Enable.self, Confirm.self, Disable.self])

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "enable",
                abstract: "Show a new secret (a QR code and its otpauth:// URI) to add to an authenticator app.",
                discussion: "The QR code is drawn when the output is a terminal (or with --qr); --qr-png writes it as a PNG image (mode 0600: it holds the secret). Nothing changes at login until `vaultcli user totp confirm`.")
            @Option(help: "The HMAC of the codes: sha1 (every app; the default), sha256 or sha512 (some apps ignore these and show wrong codes).")
            var algorithm: String = "sha1"
            @Flag(help: "Draw the QR code even when the output is not a terminal.") var qr = false
            @Flag(help: "Draw the QR code dark-on-light, for terminals with a light background.") var qrInvert = false
            @Option(name: .customLong("qr-png"), help: "Also write the QR code as a PNG image to this new file (mode 0600).")
            var qrPNG: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            @OptionGroup var output: JSONFlag

            func validate() throws {
                guard TOTPAlgorithm(rawValue: algorithm.uppercased().replacing("-", with: "")) != nil else {
                    throw ValidationError("unknown --algorithm \"\(algorithm)\": use sha1 (the default, which every authenticator app reads), sha256 or sha512")
                }
                if let qrPNG, FileManager.default.fileExists(atPath: qrPNG) {
                    throw ValidationError("\(qrPNG) already exists; choose another file name for --qr-png (the QR code holds the secret, so vaultcli never overwrites a file with it)")
                }
            }

            func run() throws {
                let alg = TOTPAlgorithm(rawValue: algorithm.uppercased().replacing("-", with: ""))!
                try actor.run(vault) { v, me in
                    let (secret, uri) = try v.beginTOTPEnrollment(session: me.session, algorithm: alg)
                    // The secret and its URI are printed from locked memory (SecretOut).
                    let code = try QRCode(uri)
                    if let qrPNG { try PrivateFile.create(qrPNG, bytes: code.png()) }
                    if output.json {
                        var j: [String: Any] = ["secret": SecretOut.placeholder(0), "uri": SecretOut.placeholder(1), "algorithm": alg.rawValue,
                                                "digits": TOTP.digits, "period": Int(TOTP.period)]
                        if let qrPNG { j["qr_png"] = qrPNG }
                        SecretOut.json(j, secrets: [secret, uri])
                    } else {
                        Out.line("Scan this with your authenticator app (\(alg.displayName), 6 digits, 30 s), then run `vaultcli user totp confirm --user \(me.session.operatorName)`:")
                        if qr || isatty(STDOUT_FILENO) == 1 {
                            for l in code.terminalLines(inverted: qrInvert) { Out.line(l) }
                        }
                        SecretOut.write([.text("  or type the key: "), .secret(secret), .text("\n  uri:    "), .secret(uri), .text("\n")])
                        if let qrPNG { Out.line("  QR code image: \(qrPNG) (it holds the secret: delete it once scanned)") }
                    }
                }
            }
        }

        struct Confirm: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "confirm",
                abstract: "Turn one-time codes on with the current code from the app.",
                discussion: "The code is read after the password: the next stdin line with --password-stdin, else a prompt.")
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                // The code is read with the password, before the vault's lock is taken.
                var code: SecretBytes?
                try actor.run(vault, beforeLock: {
                    code = actor.password.passwordStdin
                        ? try SecretInput.readLine(fd: STDIN_FILENO, source: "standard input (the code from the app)")
                        : try SecretInput.readTTY(prompt: "Code from the app: ", confirm: false)
                }) { v, me in
                    try v.confirmTOTP(session: me.session, code: code!.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
                    Out.line("One-time codes are on for \(me.profile.name): login now asks for one after the password.")
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "disable", abstract: "Turn one-time codes off (your own; admins: anyone; managers: cashiers).")
            @Argument(help: "The operator (default: yourself).") var name: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                try actor.run(vault) { v, me in
                    let target = name ?? me.profile.name
                    try v.disableTOTP(session: me.session, name: target)
                    Out.line("One-time codes are off for \(Names.normalize(target)).")
                }
            }
        }
    }
}

/// What a key rotation tells the admin: the keys changed, and new recovery codes when the old
/// ones had to go (shown once, like at init).
enum RotationReport {
    static func print(_ r: RotationOutcome?) {
        guard let r else { return }
        Out.line("Every key of the vault was replaced; the old keys open nothing in it now.")
        if !r.recoveryCodes.isEmpty {
            Out.line("The recovery codes were replaced too (an admin who could see them lost the role):")
            RecoveryKitPrinter.print(r.recoveryCodes)
        }
    }
}
