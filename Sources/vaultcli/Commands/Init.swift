import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: tr(.helpInit),
            discussion: tr(.dInit) + PersonalDataPrompt.tradeOff + tr(.dHerePhoneEmailJSON) + tr(.dInitMerchant))

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hInitAdmin)))
        var admin: String = "admin"
        @Option(name: .long, help: ArgumentHelp(tr(.hInitTerminal)))
        var terminalId: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hInitKdf)))
        var kdfTargetMs: Int = 500
        @Option(help: ArgumentHelp(tr(.hInitPhone)))
        var phone: String?
        @Option(help: ArgumentHelp(tr(.hInitEmail)))
        var email: String?
        @Option(name: .customLong("merchant-name"), help: ArgumentHelp(tr(.hInitMerchant), valueName: "name"))
        var merchantName: String?
        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (100...10_000).contains(kdfTargetMs) else { throw ValidationError(tr(.initKdfRange)) }
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
                        merchant = try PersonalDataPrompt.ask(tr(.initAskMerchant)) {
                            try Names.validateMerchantName($0)
                        }
                    }
                }
                let context = PersonalContext(username: admin, phone: phone, email: email, terminalId: terminalId ?? Names.defaultTerminalId(),
                                              merchantName: merchant)
                let pw = try password.readNew(prompt: tr(.promptNewPasswordFor, admin)) { VaultPolicyChecker(policy: .default).violations($0, context: context) }
                let violations = VaultPolicyChecker(policy: .default).violations(pw, context: context)
                if !violations.isEmpty { throw OperatorError.policy(violations: violations) }
                if Diagnostics.stderrIsTTY { Diagnostics.note(tr(.initCalibrating, kdfTargetMs)) }
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
                    Out.line(tr(.initCreated, s.path))
                    Out.line(tr(.initVaultId, s.vaultId))
                    Out.line(tr(.initTerminalId, s.terminalId))
                    Out.line(tr(.initAdmin, s.admin))
                    if let m = s.merchantName { Out.line(tr(.initMerchant, Out.text(m))) }
                    Out.line(tr(.initKDF, s.kdf.summary))
                    Out.line()
                    RecoveryKitPrinter.print(s.recoveryCodes)
                    let me = Names.normalize(admin)
                    Out.line()
                    Out.line(tr(.initNextSteps))
                    Out.line(tr(.initStep1))
                    Out.line("       vaultcli keygen -o recovery-key.txt --add-to-vault --user \(me)")
                    Out.line(tr(.initStep2))
                    Out.line("       vaultcli recover setup --user \(me)")
                    Out.line(tr(.initStep3))
                    Out.line("       vaultcli backup --to /media/usb --keep 14 --require-mount")
                    if phone == nil && email == nil {
                        Out.line(tr(.initBindContact, me))
                    }
                }
            }
        }
    }
}

