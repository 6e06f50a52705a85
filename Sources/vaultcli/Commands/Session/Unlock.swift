import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock",
            abstract: tr(.helpUnlock),
            discussion: """
            The unwrapped keys are held by a small agent process in locked memory (never on disk). It never hands \
            them out: later tx and account commands of the same user are run by the agent, as this operator and \
            within this operator's role. The session ends after 15 minutes without use (PCI DSS 8.2.8), \
            after 8 hours in all, or at once with `vaultcli lock`. Unlocking again replaces the session.
            """)

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: ArgumentHelp("The operator.", valueName: "name"))
        var user: String
        @Option(name: .long, help: ArgumentHelp("End the session after this many seconds without use (at most 900).", valueName: "seconds"))
        var idleTimeout: Int = SessionPolicy.maxIdleSeconds
        @Option(name: .long, help: ArgumentHelp("End the session after this many seconds in all (at most 28800).", valueName: "seconds"))
        var maxLifetime: Int = SessionPolicy.maxLifetimeSeconds
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (1...SessionPolicy.maxIdleSeconds).contains(idleTimeout) else {
                throw ValidationError("--idle-timeout must be 1 to \(SessionPolicy.maxIdleSeconds) seconds (PCI DSS 8.2.8: at most 15 minutes)")
            }
            guard (1...SessionPolicy.maxLifetimeSeconds).contains(maxLifetime) else {
                throw ValidationError("--max-lifetime must be 1 to \(SessionPolicy.maxLifetimeSeconds) seconds (8 hours)")
            }
        }

        func run() throws {
            try runReporting {
                let pw = try password.read(prompt: "Password for \(user): ")
                let s: Session, vid: String
                var grant: [UInt8]
                do {
                    let (v, r) = try Login.open(path: vault.path, name: user, password: pw, codeFromStdin: password.passwordStdin, signIn: true)
                    s = r.session
                    vid = v.header.vaultId
                    grant = v.sessionGrant(s, idleSeconds: idleTimeout, lifetimeSeconds: maxLifetime)
                }
                defer { wipe(&grant) }
                try SessionClient.lock(vaultId: vid)
                let agentPid = try SessionLauncher.start(grant: grant, arguments: ["--warm-up-vault", vault.path])
                let w = try Vault.open(path: vault.path, access: .write)
                try w.appendAudit([AuditEvent(actor: s.operatorName, action: "session.unlock", target: s.operatorName,
                                              detail: "idle timeout \(idleTimeout) s, max lifetime \(maxLifetime) s")])
                if output.json {
                    Out.json(["operator": s.operatorName, "role": s.role.rawValue, "vault_id": vid,
                              "idle_timeout_seconds": idleTimeout, "max_lifetime_seconds": maxLifetime, "agent_pid": Int(agentPid)])
                } else {
                    Out.line("Unlocked as \(s.operatorName) (\(s.role.rawValue)). The session ends after \(idleTimeout / 60 > 0 ? "\(idleTimeout / 60) min" : "\(idleTimeout) s") idle or \(maxLifetime / 3600 > 0 ? "\(maxLifetime / 3600) h" : "\(maxLifetime) s") in all; `vaultcli lock` ends it now.")
                }
            }
        }
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lock", abstract: tr(.helpLock))

        @OptionGroup var vault: VaultOptions

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .read)
                if try SessionClient.lock(vaultId: v.header.vaultId) {
                    Out.line("Locked: the session for \(v.path) has ended.")
                } else {
                    Out.line("No session was open for \(v.path).")
                }
            }
        }
    }

    struct Agent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agent",
            abstract: tr(.helpAgent), shouldDisplay: false)

        @Option(name: .long, help: .hidden)
        var warmUpVault: String?

        func run() throws {
            guard isatty(0) == 0 else {
                Diagnostics.error("`vaultcli agent` is started by `vaultcli unlock`", hints: ["run `vaultcli unlock --user NAME`"])
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            SessionAgentServer.serve(grantFD: 0, readyFD: 1, warmUp: { AgentRunner.warmUp(session: $0, vaultPath: warmUpVault) },
                                     runner: AgentRunner.run)
        }
    }
}
