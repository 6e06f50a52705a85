import ArgumentParser
import Catalog
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
            abstract: tr(.helpCheckPassword),
            discussion: tr(.dCheckPassword) + "\n\n" + PersonalDataPrompt.tradeOff + tr(.dHereCheckPassword)
        )

        @OptionGroup var source: PasswordSource
        @OptionGroup var vault: VaultOptions

        @Option(name: .long, help: ArgumentHelp(tr(.hCpUser), valueName: "name"))
        var user: String?

        @Option(name: .long, help: ArgumentHelp(tr(.hCpPhone), valueName: "phone"))
        var phone: String?

        @Option(name: .long, help: ArgumentHelp(tr(.hCpEmail), valueName: "email"))
        var email: String?

        @Option(name: .long, help: ArgumentHelp(tr(.hCpBirthday), valueName: "date"))
        var birthday: String?

        @Option(name: .long, help: ArgumentHelp(tr(.hCpName), valueName: "name"))
        var name: [String] = []

        @Option(name: .customLong("terminal-id"), help: ArgumentHelp(tr(.hCpTerminal), valueName: "id"))
        var terminalId: String?

        @Option(name: .long, help: ArgumentHelp(tr(.hCpMerchant), valueName: "name"))
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
                    throw UsageError(message: tr(.cpJSONStdinNoTerminal), hints: [tr(.cpJSONStdinNoTerminalHint)])
                }
                let password = try SecretInput.read(stdin: !json.usesStdin && (source.passwordStdin || (!stdinIsTTY && source.passwordFile == nil)),
                                                    file: source.passwordFile, prompt: tr(.promptPasswordToCheck), confirm: false)
                let (violations, s) = PolicyChecker(policy: policy).evaluate(password: password, context: context)
                if output.json {
                    Out.json(Self.json(violations: violations, strength: s))
                } else {
                    Self.printText(violations: violations, strength: s)
                }
                if !violations.isEmpty {
                    if !output.json {
                        Diagnostics.error(tr(violations.count == 1 ? .cpBrokeOne : .cpBrokeMany, violations.count), hints: [tr(.cpBrokeHint)])
                    }
                    throw ExitCode(ExitStatus.policyRejected.rawValue)
                }
            }
        }

        static func parseBirthday(_ b: String) throws -> PersonalContext.Birthday {
            let parts = b.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
                  (1...12).contains(m), (1...31).contains(d), (1000...9999).contains(y) else {
                throw UsageError(message: tr(.cpNotADate, b), hints: [tr(.cpNotADateHint)])
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
                user = try PersonalDataPrompt.ask(tr(.cpAskUser)) { $0 }
                phone = try PersonalDataPrompt.ask(tr(.cpAskPhone)) { try ContactValidation.phone($0) }
                email = try PersonalDataPrompt.ask(tr(.cpAskEmail)) { try ContactValidation.email($0) }
                birthday = try PersonalDataPrompt.ask(tr(.cpAskBirthday)) { _ = try Self.parseBirthday($0); return $0 }
                if let n = try PersonalDataPrompt.ask(tr(.cpAskName), check: { $0 }) { names.append(n) }
                if !vaultHasMerchant {
                    merchant = try PersonalDataPrompt.ask(tr(.cpAskMerchant)) { $0 }
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
                Out.line(tr(.cpAccepted))
            } else {
                Out.line(tr(violations.count == 1 ? .cpRejectedOne : .cpRejectedMany, violations.count))
                for v in violations { Out.line("  - \(PolicyText.render(v))") }
            }
            Out.line(tr(.cpStrength, s.score, tr([Msg.cpScore0, .cpScore1, .cpScore2, .cpScore3, .cpScore4][s.score])))
            Out.line(tr(.cpGuesses, fixedPoint(s.guessesLog10, decimals: 1), fixedPoint(s.bits, decimals: 1)))
            Out.line(tr(.cpOnline, StrengthText.time(s.secondsAt1e4)))
            Out.line(tr(.cpOffline, StrengthText.time(s.secondsAt1e10)))
            Out.line(tr(.cpAdvice, StrengthText.advice(s)))
        }
    }
}
