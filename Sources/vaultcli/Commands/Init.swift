import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a vault and its first admin; print the recovery kit (ten one-time recovery codes) once.",
            discussion: "The admin's password is asked twice on the terminal without echo, or read from --password-stdin or --password-file. An existing vault is never overwritten.")

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: "The first admin's operator name.")
        var admin: String = "admin"
        @Option(name: .long, help: "This terminal's id (1-16 ASCII letters, digits, - _ .). Default: the host name.")
        var terminalId: String?
        @Option(name: .long, help: "Calibrate Argon2id to take about this many milliseconds (never below m=19 MiB, t=2).")
        var kdfTargetMs: Int = 500
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (100...10_000).contains(kdfTargetMs) else { throw ValidationError("--kdf-target-ms must be between 100 and 10000") }
        }

        func run() throws {
            try runReporting {
                let path = vault.path
                // Refuse before asking for anything.
                if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    throw VaultError.vaultExists(path: path)
                }
                let pw = try password.readNew(prompt: "New password for \(admin): ")
                let violations = VaultPolicyChecker(policy: .default).violations(pw, context: PersonalContext(username: admin))
                if !violations.isEmpty { throw OperatorError.policy(violations: violations) }
                if Diagnostics.stderrIsTTY { Diagnostics.note("calibrating the key derivation to about \(kdfTargetMs) ms...") }
                let kdf = try KDFPolicy.calibrate(targetMilliseconds: kdfTargetMs)
                let s = try Vault.initialize(path: path, adminName: admin, password: pw, kdf: kdf,
                                             terminalId: terminalId ?? Names.defaultTerminalId(), recoveryCodes: RecoveryCodes.count)
                if output.json {
                    Out.json(["path": s.path, "vault_id": s.vaultId, "admin": s.admin, "terminal_id": s.terminalId,
                              "kdf": ["algorithm": "argon2id", "memory_kib": Int(s.kdf.memoryKiB), "iterations": Int(s.kdf.iterations), "parallelism": 1],
                              "recovery_codes": s.recoveryCodes.map(\.grouped)])
                } else {
                    Out.line("Created vault \(s.path)")
                    Out.line("  vault id:    \(s.vaultId)")
                    Out.line("  terminal id: \(s.terminalId)")
                    Out.line("  admin:       \(s.admin)")
                    Out.line("  key derivation: \(s.kdf.summary)")
                    Out.line()
                    RecoveryKitPrinter.print(s.recoveryCodes)
                }
            }
        }
    }
}

