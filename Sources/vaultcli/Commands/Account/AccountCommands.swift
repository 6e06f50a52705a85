import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

/// Field options shared by add and edit.
struct AccountFieldOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.hService)))
    var service: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hUsername)))
    var username: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hAccountPhone), valueName: "phone"))
    var phone: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hAccountEmail), valueName: "address"))
    var email: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hNotes)))
    var notes: String?
    @Flag(name: .long, help: ArgumentHelp(tr(.hPin)))
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
        let blank = editing ? tr(.acBlankEdit) : tr(.acBlankAdd)
        if o.username == nil {
            o.username = try PersonalDataPrompt.ask(tr(editing ? .promptNewServiceUser : .promptServiceUser, blank),
                                                    clearable: editing) { try AccountContact.username($0) }
        }
        if o.phone == nil {
            o.phone = try PersonalDataPrompt.ask(tr(editing ? .promptNewBoundPhone : .promptAccountPhone, blank),
                                                 clearable: editing) { try AccountContact.phone($0) }
        }
        if o.email == nil {
            o.email = try PersonalDataPrompt.ask(tr(editing ? .promptNewBoundEmail : .promptAccountEmail, blank),
                                                 clearable: editing) { try AccountContact.email($0) }
        }
        return o
    }
}

extension VaultCLI.Account {
    struct AccountAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: tr(.hAccountAdd),
            discussion: PersonalDataPrompt.tradeOff + tr(.dHereAccountAdd))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hLabel)))
        var label: String?
        @OptionGroup var fields: AccountFieldOptions
        @OptionGroup var secret: SecretSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if label == nil && fields.json.source == nil { throw ValidationError(tr(.acGiveLabel)) }
            try fields.json.validate(stdinAlsoUsedBy: [(auth.password.passwordStdin, "--password-stdin"), (secret.secretStdin, "--secret-stdin")])
        }

        func run() throws {
            try runReporting {
                // Check the fields before asking for anything.
                var f = try fields.fields(label: label)
                guard let label = f.label else { throw RecordError.invalid(tr(.acNeedsLabel), hint: tr(.acNeedsLabelHint)) }
                if let p = f.phone, !p.isEmpty { _ = try AccountContact.phone(p) }
                if let e = f.email, !e.isEmpty { _ = try AccountContact.email(e) }
                // On a terminal, what no flag gave is asked now, before the password.
                f = try fields.prompted(f, editing: false)
                var pw: SecretBytes?
                if let user = auth.user { pw = try auth.password.read(prompt: tr(.promptPasswordFor, user)) }
                // Log in first (a one-time code, if any, is the line after the password), then the secret.
                let me = try open(vault, auth, password: pw, access: .write)
                let sec = try secret.read(label: label)
                let a = try me.accounts.add(f, secret: sec)
                if output.json { Out.json(AccountView.json(a, reveal: false)) } else { Out.line(tr(.acAdded, a.label, a.id.prefix(8))) }
            }
        }
    }

    struct AccountList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: tr(.hAccountList))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var output: JSONFlag
        @Flag(name: .long, help: ArgumentHelp(tr(.hAccountCSV)))
        var csv = false
        @Flag(name: .long, help: ArgumentHelp(tr(.hExcelWithCSV)))
        var excel = false

        func validate() throws {
            if csv && output.json { throw ValidationError(tr(.txChooseJsonOrCsv)) }
            if excel && !csv { throw ValidationError(tr(.excelNeedsCSV)) }
        }

        func run() throws {
            try runReporting {
                let me = try auth.open(vault, access: .read)
                let all = try me.accounts.list()
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
        static let configuration = CommandConfiguration(commandName: "find", abstract: tr(.hAccountFind),
            discussion: PersonalDataPrompt.tradeOff + tr(.dHereAccountFind))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hFindPhone))) var phone: String?
        @Option(name: .long, help: ArgumentHelp(tr(.rcEmailHelp))) var email: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hFindUsername))) var username: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var output: JSONFlag

        func validate() throws {
            try json.validate(stdinAlsoUsedBy: [(auth.password.passwordStdin, "--password-stdin")])
        }

        func run() throws {
            try runReporting {
                // Asked (or read from the JSON document) before the password and the vault.
                let f = try LookupFields.resolve([("phone", phone), ("email", email), ("username", username)], json: json, onlyOne: false, prompts: [
                    ("phone", tr(.promptFindPhone), { try AccountContact.phone($0) }),
                    ("email", tr(.promptFindEmail), { try AccountContact.email($0) }),
                    ("username", tr(.promptFindUsername), { $0 }),
                ])
                let phone = f["phone"], email = f["email"], username = f["username"]
                if let phone { _ = try AccountContact.phone(phone) }
                if let email { _ = try AccountContact.email(email) }
                let me = try auth.open(vault, access: .read)
                let found = try me.accounts.find(phone: phone, email: email, username: username)
                printAccounts(found, json: output.json)
                if found.isEmpty && !output.json { throw ExitCode(ExitStatus.failure.rawValue) }
            }
        }
    }

    struct AccountShow: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: tr(.hAccountShow))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp(tr(.hAccountLabel))) var label: String
        @Flag(name: .long, help: ArgumentHelp(tr(.hReveal))) var reveal = false
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let me = try auth.open(vault, access: reveal ? .write : .read)
                let a = try me.accounts.get(label: label)
                if reveal { try me.accounts.auditReveal(a, what: "secret") }
                // The secret goes from locked memory to standard output (SecretOut); no String holds it.
                if output.json { SecretOut.json(AccountView.json(a, reveal: reveal), secrets: [a.secret]); return }
                let w = [12, 0]
                var out: [SecretOut.Piece] = []
                for (k, val) in [(tr(.acShowLabel), SecretOut.Piece.text(a.label)), (tr(.acShowId), .text(a.id)), (tr(.acShowService), .text(a.service)),
                                 (tr(.acShowUsername), .text(a.username)), (tr(.acShowPhone), .text(a.phone ?? "-")), (tr(.acShowEmail), .text(a.email ?? "-")),
                                 (tr(.acShowSecret), reveal ? .secret(a.secret) : .text(MerchantAccount.mask + tr(.acRevealToShow))),
                                 (tr(.acShowSecretKind), .text(a.secretKind.rawValue)), (tr(.acShowNotes), .text(a.notes)),
                                 (tr(.acShowCreated), .text(tr(.acByWhom, LocalTime.string(a.createdAt), a.createdBy))),
                                 (tr(.acShowUpdated), .text(tr(.acByWhom, LocalTime.string(a.updatedAt), a.updatedBy)))] {
                    out += SecretOut.row([.text(k), val], widths: w)
                }
                SecretOut.write(out)
            }
        }
    }

    struct AccountHistory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: tr(.hAccountHistory))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp(tr(.hAccountLabel))) var label: String
        @Flag(name: .long, help: ArgumentHelp(tr(.hRevealHistory))) var reveal = false
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let me = try auth.open(vault, access: reveal ? .write : .read)
                let a = try me.accounts.get(label: label)
                if reveal { try me.accounts.auditReveal(a, what: "secret history") }
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
                let out = SecretOut.table([tr(.colTime), tr(.colBy), tr(.colField), tr(.colOld), tr(.colNew)], a.history.map { c in
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
            commandName: "edit", abstract: tr(.hAccountEdit),
            discussion: PersonalDataPrompt.tradeOff + tr(.dHereAccountEdit))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp(tr(.hAccountLabel))) var label: String
        @Option(name: .customLong("new-label"), help: ArgumentHelp(tr(.hNewLabel))) var newLabel: String?
        @OptionGroup var fields: AccountFieldOptions
        @Flag(name: .long, help: ArgumentHelp(tr(.hSetSecret))) var secret = false
        @OptionGroup var source: SecretSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            if (source.secretStdin || source.secretFile != nil) && !secret { throw ValidationError(tr(.acSecretNeedsFlag)) }
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
                        throw PersonalDataPrompt.Refused(message: tr(.acNothingNoTerminal),
                                                         hints: PersonalDataPrompt.noTerminalHints(flags: AccountFieldOptions.personalFlags + ["--notes", "--new-label", "--secret"],
                                                                                                   keys: AccountFieldOptions.personalKeys + ["notes", "label"]))
                    }
                    f = try fields.prompted(f, editing: true)
                }
                var pw: SecretBytes?
                if let user = auth.user { pw = try auth.password.read(prompt: tr(.promptPasswordFor, user)) }
                let me = try open(vault, auth, password: pw, access: .write)
                let sec = secret ? try source.read(label: label) : nil
                let a = try me.accounts.edit(label: label, f, secret: sec)
                if output.json { Out.json(AccountView.json(a, reveal: false)) } else { Out.line(tr(.acUpdated, a.label)) }
            }
        }
    }

    struct AccountRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: tr(.hAccountRemove),
            discussion: tr(.dAccountRemove))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp(tr(.hAccountLabel))) var label: String
        @Flag(name: .long, help: ArgumentHelp(tr(.hYes))) var yes = false

        func run() throws {
            try runReporting {
                if !yes {
                    guard let typed = try SecretInput.askTTY(tr(.promptRemoveAccount, label)) else {
                        throw SecretInput.Failure(message: tr(.acRemoveNoTerminal),
                                                  hints: [tr(.acRemoveYesHint, label)])
                    }
                    guard typed.trimmed(.whitespaces) == label else {
                        throw SecretInput.Failure(message: tr(.acLabelMismatch), hints: [tr(.acLabelMismatchHint, label)])
                    }
                }
                let me = try auth.open(vault, access: .write)
                try me.accounts.remove(label: label)
                Out.line(tr(.acRemoved, label))
            }
        }
    }
}

/// Opens with a password already read (so that the password and the secret can share stdin).
private func open(_ vault: VaultOptions, _ auth: SessionOptions, password: SecretBytes?, access: Vault.Access) throws -> Unlocked {
    if let user = auth.user, let password {
        return try Login.open(path: vault.path, name: user, password: password, codeFromStdin: auth.password.passwordStdin).1.unlocked
    }
    return try auth.open(vault, access: access)
}

private func printAccounts(_ all: [MerchantAccount], json: Bool) {
    if json { Out.json(all.map { AccountView.json($0, reveal: false) }); return }
    var out = Table.render([tr(.colLabel), tr(.colService), tr(.colUsername), tr(.colPhone), tr(.colEmail)],
                           all.map { a in [a.label, a.service, a.username, a.phone ?? "-", a.email ?? "-"] })
    out += tr(all.count == 1 ? .acCountOne : .acCountMany, all.count) + "\n"
    Out.raw(out)
}
