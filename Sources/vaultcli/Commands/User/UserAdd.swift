import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

// `vaultcli user add` and `vaultcli user edit`: a new operator with their role, contact and first
// password, and a change to an operator's bound phone number or e-mail address.

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
                let p = try me.operators.add(name: name, role: role, phone: phone, email: email, password: pw,
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
                let p = try me.operators.editContact(name: name ?? me.profile.name,
                                                                             phone: change(phone, clearPhone, asked.phone, j["phone"]),
                                                                             email: change(email, clearEmail, asked.email, j["email"]))
                if output.json { Out.json(p.json(lockout: try v.lockoutStatus(name: p.name))) } else {
                    Out.line(tr(.editDone, p.name, p.phone ?? "-", p.email ?? "-"))
                }
            }
        }
    }
}
