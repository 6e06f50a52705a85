import ArgumentParser
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    /// `vaultcli check-password`: the policy verdict and a zxcvbn-style strength estimate.
    struct CheckPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-password",
            abstract: "Rate a password against the password policy and estimate its strength.",
            discussion: """
            The password is read from standard input when it is not a terminal (one line), from \
            --password-file, or else asked for on the terminal without echo. It is never printed.

            The policy is the vault's (--vault, $VAULTCLI_VAULT, or the default path) when one exists, \
            else the default policy; the vault's terminal id and merchant's name count as personal data. \
            Exit status: 0 when the password passes the policy, 13 when it breaks a rule (every broken \
            rule is listed), 64 for bad usage.
            """ + "\n\n" + PersonalDataPrompt.tradeOff + """
             Here that is --user, --phone, --email, --birthday, --name and --merchant (JSON keys "user", \
            "phone", "email", "birthday", "name", "terminal-id", "merchant"); on a terminal, with none of \
            them and no --from-json, each is asked for (Enter skips it). With --from-json -, the password \
            comes from --password-file or the terminal.
            """
        )

        @OptionGroup var source: PasswordSource
        @OptionGroup var vault: VaultOptions

        @Option(name: .long, help: ArgumentHelp("The user name the password is for (shown by `ps`; see above).", valueName: "name"))
        var user: String?

        @Option(name: .long, help: ArgumentHelp("The user's bound phone number (shown by `ps`; see above).", valueName: "phone"))
        var phone: String?

        @Option(name: .long, help: ArgumentHelp("The user's bound email address (shown by `ps`; see above).", valueName: "email"))
        var email: String?

        @Option(name: .long, help: ArgumentHelp("The user's birthday, YYYY-MM-DD (shown by `ps`; see above).", valueName: "date"))
        var birthday: String?

        @Option(name: .long, help: ArgumentHelp("Another name linked to the user (real name, shop); repeatable (shown by `ps`; see above).", valueName: "name"))
        var name: [String] = []

        @Option(name: .customLong("terminal-id"), help: ArgumentHelp("The terminal's id (default: the vault's, when there is a vault).", valueName: "id"))
        var terminalId: String?

        @Option(name: .long, help: ArgumentHelp("The merchant's (shop's) name, in Chinese characters or letters (default: the vault's, when it keeps one).", valueName: "name"))
        var merchant: String?

        @OptionGroup var json: PersonalDataJSONOption
        @OptionGroup var output: JSONFlag

        func validate() throws {
            try json.validate(stdinAlsoUsedBy: [(source.passwordStdin, "--password-stdin")])
        }

        struct UsageError: UserFacingError {
            let message: String
            let hints: [String]
            var exitCode: ExitStatus { .usage }
        }

        static let scoreWords = ["too guessable", "very guessable", "somewhat guessable", "safely unguessable", "very unguessable"]

        func run() throws {
            try runReporting {
                // The vault's policy, terminal id and merchant's name when there is a vault, else
                // the default policy.
                var policy = PasswordPolicy.default
                var vaultTerminal: String?, vaultMerchant: String?
                if FileManager.default.fileExists(atPath: vault.path) {
                    let v = try Vault.open(path: vault.path, access: .read)
                    policy = try v.passwordPolicy()
                    vaultTerminal = v.header.terminalId
                    vaultMerchant = try v.merchantName()
                }
                var context = try personalContext(vaultHasMerchant: vaultMerchant != nil)
                if context.terminalId == nil { context.terminalId = vaultTerminal }
                if context.merchantName == nil { context.merchantName = vaultMerchant }
                let stdinIsTTY = isatty(STDIN_FILENO) == 1
                if json.usesStdin && source.passwordFile == nil && !SecretInput.terminalAvailable {
                    throw UsageError(message: "--from-json - takes standard input, and there is no terminal to ask for the password on",
                                     hints: ["give the password with --password-file PATH (mode 0600), or the JSON document with --from-json FILE"])
                }
                let password = try SecretInput.read(stdin: !json.usesStdin && (source.passwordStdin || (!stdinIsTTY && source.passwordFile == nil)),
                                                    file: source.passwordFile, prompt: "Password to check: ", confirm: false)
                let (violations, s) = PolicyChecker(policy: policy).evaluate(password: password, context: context)
                if output.json {
                    Out.json(Self.json(violations: violations, strength: s))
                } else {
                    Self.printText(violations: violations, strength: s)
                }
                if !violations.isEmpty {
                    if !output.json {
                        Diagnostics.error("the password breaks the policy (\(violations.count) rule\(violations.count == 1 ? "" : "s"))",
                                          hints: ["choose another, or let `vaultcli genpass` make one"])
                    }
                    throw ExitCode(ExitStatus.policyRejected.rawValue)
                }
            }
        }

        static func parseBirthday(_ b: String) throws -> PersonalContext.Birthday {
            let parts = b.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
                  (1...12).contains(m), (1...31).contains(d), (1000...9999).contains(y) else {
                throw UsageError(message: "\"\(b)\" is not a date in the form YYYY-MM-DD", hints: ["for example --birthday 1990-03-14"])
            }
            return .init(year: y, month: m, day: d)
        }

        /// The personal data to check against: flags, the JSON document (`--from-json`), or, on a
        /// terminal with neither, a prompt for each (Enter skips), so none of it need go on argv.
        func personalContext(vaultHasMerchant: Bool) throws -> PersonalContext {
            let flags: [String: String?] = ["user": user, "phone": phone, "email": email, "birthday": birthday,
                                            "name": name.first, "terminal-id": terminalId, "merchant": merchant]
            let j = try json.read(allowed: ["user", "phone", "email", "birthday", "name", "terminal-id", "merchant"], flags: flags) ?? [:]
            var user = self.user ?? j["user"], phone = self.phone ?? j["phone"], email = self.email ?? j["email"]
            var birthday = self.birthday ?? j["birthday"], names = self.name + (j["name"].map { [$0] } ?? [])
            var merchant = self.merchant ?? j["merchant"]
            let anyGiven = flags.values.contains { $0 != nil } || json.source != nil
            if !anyGiven && PersonalDataPrompt.available {
                // Optional context: Enter skips each; a refused answer is asked again.
                user = try PersonalDataPrompt.ask("User name the password is for (Enter to skip): ") { $0 }
                phone = try PersonalDataPrompt.ask("Their phone (+8613812345678 or 13812345678; Enter to skip): ") { try ContactValidation.phone($0) }
                email = try PersonalDataPrompt.ask("Their e-mail (Enter to skip): ") { try ContactValidation.email($0) }
                birthday = try PersonalDataPrompt.ask("Their birthday, YYYY-MM-DD (Enter to skip): ") { _ = try Self.parseBirthday($0); return $0 }
                if let n = try PersonalDataPrompt.ask("Another name linked to them, e.g. a real name (Enter to skip): ", check: { $0 }) { names.append(n) }
                if !vaultHasMerchant {
                    merchant = try PersonalDataPrompt.ask("The shop's (merchant's) name (Enter to skip): ") { $0 }
                }
            }
            return PersonalContext(username: user, phone: phone, email: email, birthday: try birthday.map(Self.parseBirthday), otherNames: names,
                                   terminalId: terminalId ?? j["terminal-id"], merchantName: merchant)
        }

        static func json(violations: [PolicyViolation], strength s: StrengthEstimate) -> [String: Any] {
            [
                "accepted": violations.isEmpty,
                "violations": violations.map { ["rule": $0.rule, "message": $0.message] },
                "strength": [
                    "score": s.score,
                    "score_words": scoreWords[s.score],
                    "guesses": s.guesses,
                    "guesses_log10": (s.guessesLog10 * 1000).rounded() / 1000,
                    "bits": (s.bits * 100).rounded() / 100,
                    "crack_times_seconds": [
                        "online_throttled_1e4_per_second": s.secondsAt1e4,
                        "offline_fast_hashing_1e10_per_second": s.secondsAt1e10,
                    ],
                    "crack_times_display": [
                        "online_throttled_1e4_per_second": StrengthEstimate.displayTime(s.secondsAt1e4),
                        "offline_fast_hashing_1e10_per_second": StrengthEstimate.displayTime(s.secondsAt1e10),
                    ],
                    "warning": s.warning,
                    "suggestions": s.suggestions,
                    "advice": s.advice,
                    "patterns": s.patterns.map { p -> [String: Any] in
                        var d: [String: Any] = ["pattern": p.kind, "length": p.length, "guesses": p.guesses]
                        if !p.dictionary.isEmpty { d["dictionary"] = p.dictionary }
                        if p.l33t { d["l33t"] = true }
                        if p.reversed { d["reversed"] = true }
                        return d
                    },
                ] as [String: Any],
            ]
        }

        static func printText(violations: [PolicyViolation], strength s: StrengthEstimate) {
            if violations.isEmpty {
                Out.line("policy: accepted")
            } else {
                Out.line("policy: rejected, \(violations.count) rule\(violations.count == 1 ? "" : "s") broken:")
                for v in violations { Out.line("  - \(v.message)") }
            }
            Out.line("strength: \(s.score) of 4 (\(scoreWords[s.score]))")
            Out.line("  guesses: about 10^\(fixedPoint(s.guessesLog10, decimals: 1)) (\(fixedPoint(s.bits, decimals: 1)) bits)")
            Out.line("  time to crack online, throttled (10^4 guesses/s): \(StrengthEstimate.displayTime(s.secondsAt1e4))")
            Out.line("  time to crack offline, fast hash (10^10 guesses/s): \(StrengthEstimate.displayTime(s.secondsAt1e10))")
            Out.line("advice: \(s.advice)")
        }
    }
}
