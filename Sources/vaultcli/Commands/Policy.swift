import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Show or change the password policy (changing needs an admin).",
            subcommands: [Show.self, Set.self])
    }
}

extension VaultCLI.Policy {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every policy setting, its floor and where the floor comes from (no password needed).")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .read)
                let p = try v.passwordPolicy()
                if output.json {
                    Out.json(p.listing.map { ["key": $0.key, "value": $0.value, "limit": $0.limit, "source": $0.source, "meaning": $0.meaning] })
                } else {
                    // A table in plain words: what each setting does, its value, what it may be
                    // set to, and why the limit is there.
                    // The explanations run on (never cut): they are what the table is for.
                    Out.raw(Table.render(["SETTING", "VALUE", "ALLOWED", "WHAT IT DOES"],
                                         p.listing.map { [$0.key, $0.value, $0.limit, $0.meaning] }, cutLast: false))
                    Out.line("")
                    Out.line("Change one with `vaultcli policy set SETTING VALUE --user ADMIN`; why each limit is there: `vaultcli policy show --json` (\"source\") or docs/password-policy.md.")
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change one setting (admins), e.g. `vaultcli policy set min-length 14`.",
            discussion: "Values beyond the floors (PCI DSS v4.0.1 8.3, ASVS, NIST 800-63B) are refused.")
        @Argument(help: "The setting (see `vaultcli policy show`).") var key: String
        @Argument(help: "The new value: a number, or on/off.") var value: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                let p = try v.setPolicy(session: me.session, key: key, value: value)
                let d = p.listing.first { $0.key == key }
                Out.line("\(key) = \(d?.value ?? value)")
            }
        }
    }
}
