import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a vault and its first admin; print the recovery kit (ten one-time recovery codes) once.",
            discussion: "The admin's password is asked twice on the terminal without echo, or read from --password-stdin or --password-file. An existing vault is never overwritten. "
                + PersonalDataPrompt.tradeOff + " Here that is --phone and --email (JSON keys \"phone\", \"email\"); on a terminal, those left out are asked for (Enter leaves one unbound). "
                + "The merchant's (shop's) name (--merchant-name, JSON key \"merchant-name\", or asked on a terminal) is kept in the vault, shown by `info` and `status`, and refused inside every password (as typed, and its pinyin); an admin changes it later with `vaultcli policy set merchant-name NAME`.")

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: "The first admin's operator name.")
        var admin: String = "admin"
        @Option(name: .long, help: "This terminal's id (1-16 ASCII letters, digits, - _ .). Default: the host name.")
        var terminalId: String?
        @Option(name: .long, help: "Calibrate Argon2id to take about this many milliseconds (never below m=19 MiB, t=2).")
        var kdfTargetMs: Int = 500
        @Option(help: "The admin's phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (`recover username` finds her by it; shown by `ps`, see above).")
        var phone: String?
        @Option(help: "The admin's e-mail address (`recover username` finds her by it; shown by `ps`, see above).")
        var email: String?
        @Option(name: .customLong("merchant-name"), help: ArgumentHelp("The merchant's (shop's) name, as on its sign or receipts, e.g. 王记面馆: passwords built from it are refused.", valueName: "name"))
        var merchantName: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (100...10_000).contains(kdfTargetMs) else { throw ValidationError("--kdf-target-ms must be between 100 and 10000") }
            try json.validate(stdinAlsoUsedBy: [(password.passwordStdin, "--password-stdin")])
        }

        /// Every flag is checked before a password is asked for.
        func checkFlags() throws {
            try Names.validateOperatorName(admin)
            _ = try Names.validateTerminalId(terminalId ?? Names.defaultTerminalId())
            if let phone { _ = try ContactValidation.phone(phone) }
            if let email { _ = try ContactValidation.email(email) }
            if let merchantName { _ = try Names.validateMerchantName(merchantName) }
        }

        func run() throws {
            try runReporting {
                let path = vault.path
                // Refuse before asking for anything.
                if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    throw VaultError.vaultExists(path: path)
                }
                try checkFlags()
                // The admin's phone and e-mail: flags, the JSON document, or (on a terminal) a prompt.
                let j = try json.read(allowed: ["phone", "email", "merchant-name"],
                                      flags: ["phone": phone, "email": email, "merchant-name": merchantName]) ?? [:]
                var phone = self.phone ?? j["phone"], email = self.email ?? j["email"]
                var merchant = try (self.merchantName ?? j["merchant-name"]).map { try Names.validateMerchantName($0) }
                if let p = phone { phone = try ContactValidation.phone(p) }
                if let e = email { email = try ContactValidation.email(e) }
                if json.source == nil && PersonalDataPrompt.available {
                    (phone, email) = try PersonalDataPrompt.operatorContact(name: Names.normalize(admin), phone: phone, email: email, editing: false)
                    if merchant == nil {
                        merchant = try PersonalDataPrompt.ask("The shop's (merchant's) name, as on its sign or receipts (Enter for none): ") {
                            try Names.validateMerchantName($0)
                        }
                    }
                }
                let context = PersonalContext(username: admin, phone: phone, email: email, terminalId: terminalId ?? Names.defaultTerminalId(),
                                              merchantName: merchant)
                let pw = try password.readNew(prompt: "New password for \(admin): ") { VaultPolicyChecker(policy: .default).violations($0, context: context) }
                let violations = VaultPolicyChecker(policy: .default).violations(pw, context: context)
                if !violations.isEmpty { throw OperatorError.policy(violations: violations) }
                if Diagnostics.stderrIsTTY { Diagnostics.note("calibrating the key derivation to about \(kdfTargetMs) ms...") }
                let kdf = try KDFPolicy.calibrate(targetMilliseconds: kdfTargetMs)
                let s = try Vault.initialize(path: path, adminName: admin, password: pw, kdf: kdf,
                                             terminalId: terminalId ?? Names.defaultTerminalId(), recoveryCodes: RecoveryCodes.count,
                                             phone: phone, email: email, merchantName: merchant)
                if output.json {
                    try RecoveryKitPrinter.json(["path": s.path, "vault_id": s.vaultId, "admin": s.admin, "terminal_id": s.terminalId,
                                                 "kdf": ["algorithm": "argon2id", "memory_kib": Int(s.kdf.memoryKiB), "iterations": Int(s.kdf.iterations), "parallelism": 1],
                                                 "merchant_name": s.merchantName.map { $0 as Any } ?? JSONNull()] as [String: Any],
                                                s.recoveryCodes)
                } else {
                    Out.line("Created vault \(s.path)")
                    Out.line("  vault id:    \(s.vaultId)")
                    Out.line("  terminal id: \(s.terminalId)")
                    Out.line("  admin:       \(s.admin)")
                    if let m = s.merchantName { Out.line("  merchant:    \(m)") }
                    Out.line("  key derivation: \(s.kdf.summary)")
                    Out.line()
                    RecoveryKitPrinter.print(s.recoveryCodes)
                    let me = Names.normalize(admin)
                    Out.line()
                    Out.line("Next steps:")
                    Out.line("  1. An offline recovery key, kept off this terminal (it also opens every backup):")
                    Out.line("       vaultcli keygen -o recovery-key.txt --add-to-vault --user \(me)")
                    Out.line("  2. Recovery questions, for a forgotten password:")
                    Out.line("       vaultcli recover setup --user \(me)")
                    Out.line("  3. A nightly backup to a USB stick (docs/backup-guide.md has the timer):")
                    Out.line("       vaultcli backup --to /media/usb --keep 14 --require-mount")
                    if phone == nil && email == nil {
                        Out.line("  Bind your phone or e-mail so `vaultcli recover username` can find you: vaultcli user edit --user \(me) (it asks for both)")
                    }
                }
            }
        }
    }
}

