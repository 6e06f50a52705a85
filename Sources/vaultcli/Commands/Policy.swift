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
                    for d in p.listing {
                        Out.line("\(d.key.padded(22))\(d.value.padded(8))\(d.limit.padded(22))\(d.source)")
                    }
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
