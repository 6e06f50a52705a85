import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct LoginCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: tr(.helpLogin),
            discussion: tr(.dLogin))
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let (_, r) = try Login.open(vault, actor: actor, signIn: true)
                // Admins and managers hear, in one line, what `vaultcli status` would flag.
                var attention: String?
                if r.session.role != .cashier, let report = try? r.status.report() {
                    // --json speaks English in every language (it does not change with --lang).
                    attention = output.json ? Lang.rendering(.en) { StatusText.short(report) } : StatusText.short(report)
                }
                if output.json {
                    var d: [String: Any] = ["ok": true, "user": r.profile.name, "role": r.profile.role.rawValue]
                    d["password_expires_in_days"] = r.expiresInDays ?? JSONNull()
                    d["attention"] = attention ?? JSONNull()
                    Out.json(d)
                } else {
                    Out.line(tr(.loggedInAs, r.profile.name, roleName(r.profile.role)))
                    if let attention { Diagnostics.note(attention) }
                }
            }
        }
    }
}
