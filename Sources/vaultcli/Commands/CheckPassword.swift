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
            discussion: tr(.dCheckPassword)
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

        @OptionGroup var output: JSONFlag

        struct UsageError: UserFacingError {
            let message: String
            let hints: [String]
            var exitCode: ExitStatus { .usage }
        }

        static let scoreWords = ["too guessable", "very guessable", "somewhat guessable", "safely unguessable", "very unguessable"]

        func run() throws {
            try runReporting {
                var context = try personalContext()
                let stdinIsTTY = isatty(STDIN_FILENO) == 1
                let password = try SecretInput.read(stdin: source.passwordStdin || (!stdinIsTTY && source.passwordFile == nil),
                                                    file: source.passwordFile, prompt: tr(.promptPasswordToCheck), confirm: false)
                // The vault's policy and terminal id when there is a vault, else the default policy.
                var policy = PasswordPolicy.default
                if FileManager.default.fileExists(atPath: vault.path) {
                    let v = try Vault.open(path: vault.path, access: .read)
                    policy = try v.passwordPolicy()
                    if context.terminalId == nil { context.terminalId = v.header.terminalId }
                }
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

        func personalContext() throws -> PersonalContext {
            var bday: PersonalContext.Birthday?
            if let b = birthday {
                let parts = b.split(separator: "-").compactMap { Int($0) }
                guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]), (1000...9999).contains(parts[0]) else {
                    throw UsageError(message: tr(.cpNotADate, b), hints: [tr(.cpNotADateHint)])
                }
                bday = .init(year: parts[0], month: parts[1], day: parts[2])
            }
            return PersonalContext(username: user, phone: phone, email: email, birthday: bday, otherNames: name,
                                   terminalId: terminalId, merchantName: merchant)
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
            Out.line(tr(.cpOnline, StrengthEstimate.displayTime(s.secondsAt1e4)))
            Out.line(tr(.cpOffline, StrengthEstimate.displayTime(s.secondsAt1e10)))
            Out.line(tr(.cpAdvice, s.advice))
        }
    }
}
