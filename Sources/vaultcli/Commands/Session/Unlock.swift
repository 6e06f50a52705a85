import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

extension VaultCLI {
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock",
            abstract: tr(.helpUnlock),
            discussion: tr(.unDiscussion))

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: ArgumentHelp(tr(.unUserHelp), valueName: "name"))
        var user: String
        @Option(name: .long, help: ArgumentHelp(tr(.unIdleHelp), valueName: "seconds"))
        var idleTimeout: Int = SessionPolicy.maxIdleSeconds
        @Option(name: .long, help: ArgumentHelp(tr(.unLifetimeHelp), valueName: "seconds"))
        var maxLifetime: Int = SessionPolicy.maxLifetimeSeconds
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (1...SessionPolicy.maxIdleSeconds).contains(idleTimeout) else {
                throw ValidationError(tr(.unIdleRange, SessionPolicy.maxIdleSeconds))
            }
            guard (1...SessionPolicy.maxLifetimeSeconds).contains(maxLifetime) else {
                throw ValidationError(tr(.unLifetimeRange, SessionPolicy.maxLifetimeSeconds))
            }
        }

        func run() throws {
            try runReporting {
                let pw = try password.read(prompt: tr(.promptPasswordFor, user))
                let s: Session, vid: String
                let grant: SecretBytes
                do {
                    let (v, r) = try Login.open(path: vault.path, name: user, password: pw, codeFromStdin: password.passwordStdin, signIn: true)
                    s = r.session
                    vid = v.header.vaultId
                    grant = try v.sessionGrant(s, idleSeconds: idleTimeout, lifetimeSeconds: maxLifetime)
                }
                try SessionClient.lock(vaultId: vid)
                let agentPid = try SessionLauncher.start(grant: grant, arguments: ["--warm-up-vault", vault.path])
                let w = try Vault.open(path: vault.path, access: .write)
                try w.appendAudit([AuditEvent(actor: s.operatorName, action: "session.unlock", target: s.operatorName,
                                              detail: "idle timeout \(idleTimeout) s, max lifetime \(maxLifetime) s")])
                if output.json {
                    Out.json(["operator": s.operatorName, "role": s.role.rawValue, "vault_id": vid,
                              "idle_timeout_seconds": idleTimeout, "max_lifetime_seconds": maxLifetime, "agent_pid": Int(agentPid)])
                } else {
                    Out.line(tr(.unUnlocked, s.operatorName, roleName(s.role), idleTimeout / 60 > 0 ? tr(.unMinutes, idleTimeout / 60) : tr(.unSeconds, idleTimeout),
                                maxLifetime / 3600 > 0 ? tr(.unHours, maxLifetime / 3600) : tr(.unSeconds, maxLifetime)))
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
                    Out.line(tr(.unLocked, v.path))
                } else {
                    Out.line(tr(.unNoSession, v.path))
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
                Diagnostics.error(tr(.unAgentDirect), hints: [tr(.unAgentDirectHint)])
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            SessionAgentServer.serve(grantFD: 0, readyFD: 1, warmUp: { AgentRunner.warmUp(session: $0, vaultPath: warmUpVault) },
                                     runner: AgentRunner.run)
        }
    }
}
