import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

/// Field options shared by add and edit.
struct AccountFieldOptions: ParsableArguments {
    @Option(name: .long, help: "The payment service (e.g. UnionPay merchant portal).")
    var service: String?
    @Option(name: .long, help: "The login user name at the service (shown by `ps`; see above).")
    var username: String?
    @Option(name: .long, help: ArgumentHelp("The bound phone: E.164 (+8613812345678) or an 11-digit China mobile. \"\" clears it.", valueName: "phone"))
    var phone: String?
    @Option(name: .long, help: ArgumentHelp("The bound e-mail address. \"\" clears it.", valueName: "address"))
    var email: String?
    @Option(name: .long, help: "Notes (no secrets, no card numbers).")
    var notes: String?
    @Flag(name: .long, help: "The secret is a PIN (4 to 12 digits).")
    var pin = false

    @OptionGroup var json: PersonalDataJSONOption

    static let jsonKeys = ["label", "service", "username", "phone", "email", "notes"]

    /// The fields from the flags, or from the JSON document (`--from-json`).
    func fields(label: String?) throws -> AccountFields {
        let j = try json.read(allowed: Self.jsonKeys, flags: ["label": label, "service": service, "username": username,
                                                              "phone": phone, "email": email, "notes": notes]) ?? [:]
        return AccountFields(label: label ?? j["label"], service: service ?? j["service"], username: username ?? j["username"],
                             phone: phone ?? j["phone"], email: email ?? j["email"], notes: notes ?? j["notes"], secretKind: pin ? .pin : nil)
    }

    /// Whether any field is given (by a flag or a JSON document).
    var anyGiven: Bool { service != nil || username != nil || phone != nil || email != nil || notes != nil || pin || json.source != nil }

    static let personalFlags = ["--username", "--phone", "--email"]
    static let personalKeys = ["username", "phone", "email"]

    /// On a terminal, asks for the personal data (the service's user name, the bound phone and
    /// e-mail) that no flag and no JSON document gave, each checked and asked again when refused.
    /// `editing`: Enter keeps the stored value and "-" clears it; adding: Enter leaves it empty.
    func prompted(_ f: AccountFields, editing: Bool) throws -> AccountFields {
        guard json.source == nil, PersonalDataPrompt.available else { return f }
        var o = f
        let blank = editing ? " (Enter keeps it, - clears it)" : " (Enter for none)"
        if o.username == nil {
            o.username = try PersonalDataPrompt.ask((editing ? "New user name at the service" : "User name at the service") + blank + ": ",
                                                    clearable: editing) { try AccountContact.username($0) }
        }
        if o.phone == nil {
            o.phone = try PersonalDataPrompt.ask((editing ? "New bound phone" : "Bound phone (+8613812345678 or 13812345678)") + blank + ": ",
                                                 clearable: editing) { try AccountContact.phone($0) }
        }
        if o.email == nil {
            o.email = try PersonalDataPrompt.ask((editing ? "New bound e-mail" : "Bound e-mail") + blank + ": ",
                                                 clearable: editing) { try AccountContact.email($0) }
        }
        return o
    }
}

extension VaultCLI.Account {
    struct AccountAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an account; asks for its secret.",
            discussion: PersonalDataPrompt.tradeOff + " Here that is --username, --phone and --email; on a terminal, those left out are asked for (Enter leaves one empty).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: "A unique label, e.g. unionpay-main (or \"label\" in --from-json).")
        var label: String?
        @OptionGroup var fields: AccountFieldOptions
        @OptionGroup var secret: SecretSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if label == nil && fields.json.source == nil { throw ValidationError("give the account's label with --label (or in --from-json)") }
            try fields.json.validate(stdinAlsoUsedBy: [(auth.password.passwordStdin, "--password-stdin"), (secret.secretStdin, "--secret-stdin")])
        }

        func run() throws {
            try runReporting {
                // Check the fields before asking for anything.
                var f = try fields.fields(label: label)
                guard let label = f.label else { throw RecordError.invalid("an account needs a label", hint: "give --label, or \"label\" in the JSON document") }
                if let p = f.phone, !p.isEmpty { _ = try AccountContact.phone(p) }
                if let e = f.email, !e.isEmpty { _ = try AccountContact.email(e) }
                // On a terminal, what no flag gave is asked now, before the password.
                f = try fields.prompted(f, editing: false)
                var pw: SecretBytes?
                if let user = auth.user { pw = try auth.password.read(prompt: "Password for \(user): ") }
                // Log in first (a one-time code, if any, is the line after the password), then the secret.
                let (v, s) = try open(vault, auth, password: pw, access: .write)
                let sec = try secret.read(label: label)
                let a = try v.addAccount(f, secret: sec, session: s)
                if output.json { Out.json(AccountView.json(a, reveal: false)) } else { Out.line("Added account \(a.label) (\(a.id.prefix(8)))") }
            }
        }
    }

    struct AccountList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts (never their secrets).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var output: JSONFlag
        @Flag(name: .long, help: "Print CSV (label, service, username, phone, email; cells that a spreadsheet would run as a formula start with ').")
        var csv = false
        @Flag(name: .long, help: "With --csv: UTF-8 with a byte order mark and CR LF line ends, which Excel on Chinese Windows opens.")
        var excel = false

        func validate() throws {
            if csv && output.json { throw ValidationError("choose one of --json and --csv") }
            if excel && !csv { throw ValidationError("--excel shapes CSV: give it with --csv") }
        }

        func run() throws {
            try runReporting {
                let (v, s) = try auth.open(vault, access: .read)
                let all = try v.accounts(session: s)
                if csv {
                    var out = (excel ? CSV.byteOrderMark : "") + CSV.row(["label", "service", "username", "phone", "email"], crlf: excel)
                    for a in all { out += CSV.row([a.label, a.service, a.username, a.phone ?? "", a.email ?? ""], crlf: excel) }
                    Out.raw(out)
                    return
                }
                printAccounts(all, json: output.json)
            }
        }
    }

    struct AccountFind: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "find", abstract: "Find accounts by bound phone, e-mail or user name.",
            discussion: PersonalDataPrompt.tradeOff + " Here that is --phone, --email and --username; on a terminal, with none given, each is asked for (Enter skips).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: "The bound phone number.") var phone: String?
        @Option(name: .long, help: "The bound e-mail address.") var email: String?
        @Option(name: .long, help: "The login user name.") var username: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var output: JSONFlag

        func validate() throws {
            try json.validate(stdinAlsoUsedBy: [(auth.password.passwordStdin, "--password-stdin")])
        }

        func run() throws {
            try runReporting {
                // Asked (or read from the JSON document) before the password and the vault.
                let f = try LookupFields.resolve([("phone", phone), ("email", email), ("username", username)], json: json, onlyOne: false, prompts: [
                    ("phone", "Bound phone (Enter to skip): ", { try AccountContact.phone($0) }),
                    ("email", "Bound e-mail (Enter to skip): ", { try AccountContact.email($0) }),
                    ("username", "User name at the service (Enter to skip): ", { $0 }),
                ])
                let phone = f["phone"], email = f["email"], username = f["username"]
                if let phone { _ = try AccountContact.phone(phone) }
                if let email { _ = try AccountContact.email(email) }
                let (v, s) = try auth.open(vault, access: .read)
                let found = try v.findAccounts(phone: phone, email: email, username: username, session: s)
                printAccounts(found, json: output.json)
                if found.isEmpty && !output.json { throw ExitCode(ExitStatus.failure.rawValue) }
            }
        }
    }

    struct AccountShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account; the secret stays hidden unless --reveal.")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: "The account's label.") var label: String
        @Flag(name: .long, help: "Print the secret (to standard output; the reveal is audited).") var reveal = false
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let (v, s) = try auth.open(vault, access: reveal ? .write : .read)
                let a = try v.account(label: label, session: s)
                if reveal { try v.auditReveal(a, session: s, what: "secret") }
                // The secret goes from locked memory to standard output (SecretOut); no String holds it.
                if output.json { SecretOut.json(AccountView.json(a, reveal: reveal), secrets: [a.secret]); return }
                let w = [12, 0]
                var out: [SecretOut.Piece] = []
                for (k, val) in [("label", SecretOut.Piece.text(a.label)), ("id", .text(a.id)), ("service", .text(a.service)), ("username", .text(a.username)),
                                 ("phone", .text(a.phone ?? "-")), ("email", .text(a.email ?? "-")),
                                 ("secret", reveal ? .secret(a.secret) : .text(MerchantAccount.mask + " (--reveal to show)")),
                                 ("secret kind", .text(a.secretKind.rawValue)), ("notes", .text(a.notes)),
                                 ("created", .text("\(LocalTime.string(a.createdAt)) by \(a.createdBy)")), ("updated", .text("\(LocalTime.string(a.updatedAt)) by \(a.updatedBy)"))] {
                    out += SecretOut.row([.text(k + ":"), val], widths: w)
                }
                SecretOut.write(out)
            }
        }
    }

    struct AccountHistory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "Every change of every field, with who and when (secrets masked unless --reveal).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: "The account's label.") var label: String
        @Flag(name: .long, help: "Show secret values (audited).") var reveal = false
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let (v, s) = try auth.open(vault, access: reveal ? .write : .read)
                let a = try v.account(label: label, session: s)
                if reveal { try v.auditReveal(a, session: s, what: "secret history") }
                if output.json {
                    // Revealed secrets stand in as placeholders, written from locked memory.
                    var secrets: [SecretBytes] = []
                    func value(_ p: SecretOut.Piece?) -> Any {
                        switch p {
                        case .none: return JSONNull()
                        case .text(let t): return t
                        case .secret(let s): secrets.append(s); return SecretOut.placeholder(secrets.count - 1)
                        }
                    }
                    let rows: [[String: Any]] = a.history.map { c in
                        ["time": AccountView.iso(c.time), "actor": c.actor, "field": c.field,
                         "old": value(AccountView.historyValue(c.field, c.old, c.oldSecret, reveal: reveal)),
                         "new": value(AccountView.historyValue(c.field, c.new, c.newSecret, reveal: reveal))]
                    }
                    SecretOut.json(rows, secrets: secrets)
                    return
                }
                let out = SecretOut.table(["TIME", "BY", "FIELD", "OLD", "NEW"], a.history.map { c in
                    [.text(LocalTime.string(c.time)), .text(c.actor), .text(c.field),
                     AccountView.historyValue(c.field, c.old, c.oldSecret, reveal: reveal) ?? .text("-"),
                     AccountView.historyValue(c.field, c.new, c.newSecret, reveal: reveal) ?? .text("-")]
                })
                SecretOut.write(out)
            }
        }
    }

    struct AccountEdit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an account's fields and/or its secret (--secret asks for the new one).",
            discussion: PersonalDataPrompt.tradeOff + " Here that is --username, --phone and --email; on a terminal, with no field, --new-label or --secret given, each is asked for (Enter keeps it, - clears it).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: "The account's label.") var label: String
        @Option(name: .customLong("new-label"), help: "A new label.") var newLabel: String?
        @OptionGroup var fields: AccountFieldOptions
        @Flag(name: .long, help: "Set a new secret (from the prompt, --secret-stdin or --secret-file).") var secret = false
        @OptionGroup var source: SecretSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if (source.secretStdin || source.secretFile != nil) && !secret { throw ValidationError("--secret-stdin and --secret-file need --secret") }
            try fields.json.validate(stdinAlsoUsedBy: [(auth.password.passwordStdin, "--password-stdin"), (source.secretStdin, "--secret-stdin")])
        }

        func run() throws {
            try runReporting {
                var f = try fields.fields(label: newLabel)
                if let p = f.phone, !p.isEmpty { _ = try AccountContact.phone(p) }
                if let e = f.email, !e.isEmpty { _ = try AccountContact.email(e) }
                // Nothing given: on a terminal ask for the personal data (before the password);
                // without one, say how to give it rather than log in to change nothing.
                if newLabel == nil && !fields.anyGiven && !secret {
                    guard PersonalDataPrompt.available else {
                        throw PersonalDataPrompt.Refused(message: "nothing to change was given, and there is no terminal to ask on",
                                                         hints: PersonalDataPrompt.noTerminalHints(flags: AccountFieldOptions.personalFlags + ["--notes", "--new-label", "--secret"],
                                                                                                   keys: AccountFieldOptions.personalKeys + ["notes", "label"]))
                    }
                    f = try fields.prompted(f, editing: true)
                }
                var pw: SecretBytes?
                if let user = auth.user { pw = try auth.password.read(prompt: "Password for \(user): ") }
                let (v, s) = try open(vault, auth, password: pw, access: .write)
                let sec = secret ? try source.read(label: label) : nil
                let a = try v.editAccount(label: label, f, secret: sec, session: s)
                if output.json { Out.json(AccountView.json(a, reveal: false)) } else { Out.line("Updated account \(a.label)") }
            }
        }
    }

    struct AccountRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove an account (the removal is audited).",
            discussion: "On a terminal it asks for the label again before anything is read or locked; --yes skips that (scripts must give it).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: "The account's label.") var label: String
        @Flag(name: .long, help: "Remove without asking for the label again.") var yes = false

        func run() throws {
            try runReporting {
                if !yes {
                    guard let typed = try SecretInput.askTTY("Remove account \(label)? Type its label again to confirm: ") else {
                        throw SecretInput.Failure(message: "account remove asks for the label again, and there is no terminal to ask; nothing was removed",
                                                  hints: ["add --yes to remove \(label) without asking"])
                    }
                    guard typed.trimmed(.whitespaces) == label else {
                        throw SecretInput.Failure(message: "the label typed does not match; nothing was removed", hints: ["run the command again and type \(label) exactly"])
                    }
                }
                let (v, s) = try auth.open(vault, access: .write)
                try v.removeAccount(label: label, session: s)
                Out.line("Removed account \(label)")
            }
        }
    }
}

/// Opens with a password already read (so that the password and the secret can share stdin).
private func open(_ vault: VaultOptions, _ auth: SessionOptions, password: SecretBytes?, access: Vault.Access) throws -> (Vault, Session) {
    if let user = auth.user, let password {
        let (v, r) = try Login.open(path: vault.path, name: user, password: password, codeFromStdin: auth.password.passwordStdin)
        return (v, r.session)
    }
    return try auth.open(vault, access: access)
}

private func printAccounts(_ all: [MerchantAccount], json: Bool) {
    if json { Out.json(all.map { AccountView.json($0, reveal: false) }); return }
    var out = Table.render(["LABEL", "SERVICE", "USERNAME", "PHONE", "EMAIL"],
                           all.map { a in [a.label, a.service, a.username, a.phone ?? "-", a.email ?? "-"] })
    out += "\(all.count) account\(all.count == 1 ? "" : "s")\n"
    Out.raw(out)
}
