import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: tr(.helpPolicy),
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
                    let rows = p.listing
                    let kw = max(7, rows.map { $0.key.count }.max() ?? 0) + 2
                    let vw = max(5, rows.map { $0.value.count }.max() ?? 0) + 2
                    let lw = max(11, rows.map { $0.limit.count }.max() ?? 0) + 2
                    Out.line("SETTING".padded(kw) + "VALUE".padded(vw) + "ALLOWED".padded(lw) + "WHAT IT DOES")
                    for d in rows {
                        Out.line(d.key.padded(kw) + d.value.padded(vw) + d.limit.padded(lw) + d.meaning)
                    }
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
