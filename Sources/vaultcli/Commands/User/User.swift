import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: tr(.helpUser),
            discussion: tr(.dUser),
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
            commandName: "add", abstract: tr(.helpUserAdd),
            discussion: PersonalDataPrompt.tradeOff + tr(.dHerePhoneEmailJSON))
        @Argument(help: ArgumentHelp(tr(.hNewName))) var name: String
        @Option(help: ArgumentHelp(tr(.hRole))) var role: Role = .cashier
        @Option(help: ArgumentHelp(tr(.hBoundPhone))) var phone: String?
        @Option(help: ArgumentHelp(tr(.hBoundEmail))) var email: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var newPassword: NewPasswordOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            try json.validate(stdinAlsoUsedBy: [(actor.password.passwordStdin, "--password-stdin")])
            if json.usesStdin && !newPassword.generate && !newPassword.generateStrong && newPassword.newPasswordFile == nil {
                throw ValidationError(tr(.userFromJSONStdinNewPassword))
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
                    Out.line(tr(.userAdded, roleName(p.role), p.name))
                    if let generated { Out.line(tr(.userTempPassword, generated)) }
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: tr(.hUserList))
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
                    Out.raw(Table.render([tr(.userListHeaderName), tr(.userListHeaderRole), tr(.userListHeaderStatus),
                                          tr(.userListHeaderPhone), tr(.userListHeaderEmail)], rows.map { p, l in
                        [p.name, roleName(p.role), l.lockedUntil != nil ? tr(.statusLocked) : (p.status == .active ? tr(.statusActive) : tr(.statusDisabled)),
                         p.phone ?? "-", p.email ?? "-"]
                    }))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: tr(.hUserShow))
        @Argument(help: ArgumentHelp(tr(.hOperatorNameDefault))) var name: String?
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
                Out.line(tr(.showName, p.name))
                Out.line(tr(.showRole, roleName(p.role)))
                Out.line(tr(.showStatus, l.lockedUntil != nil ? tr(.showLockedUntil, LocalTime.string(l.lockedUntil!)) : (p.status == .active ? tr(.statusActive) : tr(.statusDisabled))))
                Out.line(tr(.showPhone, p.phone ?? "-"))
                Out.line(tr(.showEmail, p.email ?? "-"))
                Out.line(tr(.showCreated, LocalTime.string(p.createdAt)))
                Out.line(tr(.showPasswordChanged, LocalTime.string(p.passwordChangedAt), p.mustChangePassword ? tr(.showMustChange) : ""))
                Out.line(tr(.showFailedLogins, l.failures))
                Out.line(tr(.showOneTimeCodes, p.totpEnabled == true ? tr(.wordOn) : tr(.wordOff)))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: tr(.hUserPasswd),
            discussion: tr(.dUserPasswd))
        @Argument(help: ArgumentHelp(tr(.hOperatorDefault))) var name: String?
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
                    Out.line(tr(.passwdChanged, me.profile.name))
                    if let generated { Out.line(tr(.passwdNew, generated)) }
                } else {
                    let target = try v.operatorProfile(named: name!, session: me.session)
                    try Permission.resetPassword.require(me.session, target: target.role)
                    let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: target.role, checker: checker,
                                                               context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                               stdinFollows: actor.password.passwordStdin)
                    try v.resetPassword(session: me.session, name: target.name, newPassword: pw, checker: checker)
                    Out.line(tr(.passwdReset, target.name))
                    if let generated { Out.line(tr(.userTempPassword, generated)) }
                }
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: tr(.hUserRole))
        @Argument(help: ArgumentHelp(tr(.hOperator))) var name: String
        @Argument(help: ArgumentHelp(tr(.hRole))) var role: Role
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
                Out.line(tr(.roleChanged, target.name, roleName(role)))
                if let generated { Out.line(tr(.userTempPassword, generated)) }
                RotationReport.print(rotation)
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: tr(.hUserDisable),
            discussion: tr(.dUserDisable))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try v.setStatus(session: me.session, name: name, status: .disabled)
                Out.line(tr(.userDisabled, Names.normalize(name)))
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: tr(.hUserEnable),
            discussion: tr(.dUserEnable))
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
                    Out.line(tr(.userAlreadyEnabled, target.name))
                    return
                }
                let (pw, generated) = try early.map { ($0, nil) } ?? newPassword.read(for: target.name, role: target.role, checker: try PolicyStore.checker(v),
                                                           context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                                                           stdinFollows: actor.password.passwordStdin)
                try v.setStatus(session: me.session, name: target.name, status: .active, temporaryPassword: pw, checker: try PolicyStore.checker(v))
                Out.line(tr(.userEnabled, target.name))
                if let generated { Out.line(tr(.userTempPassword, generated)) }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: tr(.hUserRemove))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                let rotation = try v.removeOperator(session: me.session, name: name)
                Out.line(tr(.userRemoved, Names.normalize(name)))
                RotationReport.print(rotation)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(.hUserEditAbstract),
            discussion: tr(.dUserEdit) + PersonalDataPrompt.tradeOff + tr(.dHereUserEdit))
        @Argument(help: ArgumentHelp(tr(.hOperatorDefault))) var name: String?
        @Option(help: ArgumentHelp(tr(.hBoundPhone))) var phone: String?
        @Option(help: ArgumentHelp(tr(.hBoundEmail))) var email: String?
        @Flag(help: ArgumentHelp(tr(.hClearPhone))) var clearPhone = false
        @Flag(help: ArgumentHelp(tr(.hClearEmail))) var clearEmail = false
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if phone != nil && clearPhone { throw ValidationError(tr(.chooseOnePhone)) }
            if email != nil && clearEmail { throw ValidationError(tr(.chooseOneEmail)) }
            try json.validate(stdinAlsoUsedBy: [(actor.password.passwordStdin, "--password-stdin")])
            if phone == nil && email == nil && !clearPhone && !clearEmail && json.source == nil && !PersonalDataPrompt.available {
                throw ValidationError(tr(.editSayWhat))
            }
            // Checked before any password is asked for.
            do {
                if let phone { _ = try ContactValidation.phone(phone) }
                if let email { _ = try ContactValidation.email(email) }
            } catch let e as UserFacingError { throw ValidationError(ErrorText.render(e).message) }
        }

        func run() throws {
            // Nothing given, on a terminal: both are asked for now, before the password.
            var asked: (phone: String?, email: String?) = (nil, nil)
            if phone == nil && email == nil && !clearPhone && !clearEmail && json.source == nil {
                try runReporting {
                    asked = try PersonalDataPrompt.operatorContact(name: name ?? (try? actor.name()) ?? "you", phone: nil, email: nil, editing: true)
                    if asked.phone == nil && asked.email == nil {
                        throw PersonalDataPrompt.Refused(message: tr(.editNothingTyped), hints: [tr(.editNothingTypedHint)])
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
                    throw PersonalDataJSONOption.Failure(message: tr(.editJSONNeither),
                                                         hints: [tr(.editJSONExample)])
                }
                let p = try v.editContact(session: me.session, name: name ?? me.profile.name,
                                          phone: change(phone, clearPhone, asked.phone, j["phone"]),
                                          email: change(email, clearEmail, asked.email, j["email"]))
                if output.json { Out.json(p.json(lockout: try v.lockoutStatus(name: p.name))) } else {
                    Out.line(tr(.editDone, p.name, p.phone ?? "-", p.email ?? "-"))
                }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: tr(.hUserUnlock))
        @Argument var name: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        func run() throws {
            try actor.run(vault) { v, me in
                try v.unlockOperator(session: me.session, name: name)
                Out.line(tr(.userUnlocked, Names.normalize(name)))
            }
        }
    }
}

extension Role: ExpressibleByArgument {}

extension VaultCLI.User {
    struct Totp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: tr(.hUserTotp),
            discussion: tr(.dUserTotp),
            subcommands: [Enable.self, Confirm.self, Disable.self])

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "enable",
                abstract: tr(.hTotpEnable),
                discussion: tr(.dTotpEnable))
            @Option(help: ArgumentHelp(tr(.hTotpAlgorithm)))
            var algorithm: String = "sha1"
            @Flag(help: ArgumentHelp(tr(.hQRForce))) var qr = false
            @Flag(help: ArgumentHelp(tr(.hQRInvert))) var qrInvert = false
            @Option(name: .customLong("qr-png"), help: ArgumentHelp(tr(.hQRPNG)))
            var qrPNG: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            @OptionGroup var output: JSONFlag

            func validate() throws {
                guard TOTPAlgorithm(rawValue: algorithm.uppercased().replacing("-", with: "")) != nil else {
                    throw ValidationError(tr(.totpUnknownAlgorithm, algorithm))
                }
                if let qrPNG, FileManager.default.fileExists(atPath: qrPNG) {
                    throw ValidationError(tr(.totpPNGExists, qrPNG))
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
                        Out.line(tr(.totpScan, alg.displayName, me.session.operatorName))
                        if qr || isatty(STDOUT_FILENO) == 1 {
                            for l in code.terminalLines(inverted: qrInvert) { Out.line(l) }
                        }
                        SecretOut.write([.text(tr(.totpTypeKey)), .secret(secret), .text("\n  uri:    "), .secret(uri), .text("\n")])
                        if let qrPNG { Out.line(tr(.totpPNG, qrPNG)) }
                    }
                }
            }
        }

        struct Confirm: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "confirm",
                abstract: tr(.hTotpConfirm),
                discussion: tr(.dTotpConfirm))
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                // The code is read with the password, before the vault's lock is taken.
                var code: SecretBytes?
                try actor.run(vault, beforeLock: {
                    code = actor.password.passwordStdin
                        ? try SecretInput.readLine(fd: STDIN_FILENO, source: tr(.srcStdinAppCode))
                        : try SecretInput.readTTY(prompt: tr(.promptCodeFromApp), confirm: false)
                }) { v, me in
                    try v.confirmTOTP(session: me.session, code: code!.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
                    Out.line(tr(.totpOn, me.profile.name))
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "disable", abstract: tr(.hTotpDisable))
            @Argument(help: ArgumentHelp(tr(.hOperatorDefault))) var name: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                try actor.run(vault) { v, me in
                    let target = name ?? me.profile.name
                    try v.disableTOTP(session: me.session, name: target)
                    Out.line(tr(.totpOff, Names.normalize(target)))
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
        Out.line(tr(.rotationDone))
        if !r.recoveryCodes.isEmpty {
            Out.line(tr(.rotationCodes))
            RecoveryKitPrinter.print(r.recoveryCodes)
        }
    }
}
