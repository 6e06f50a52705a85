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
        static let configuration = CommandConfiguration(commandName: "show", abstract: tr(.hPolicyShow))
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
                    Out.line(tr(.colSetting).padded(kw) + tr(.colValue).padded(vw) + tr(.colAllowed).padded(lw) + tr(.colWhatItDoes))
                    for d in rows {
                        Out.line(d.key.padded(kw) + d.value.padded(vw) + d.limit.padded(lw) + d.meaning)
                    }
                    Out.line("")
                    Out.line(tr(.poChangeHint))
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: tr(.hPolicySet),
            discussion: tr(.dPolicySet))
        @Argument(help: ArgumentHelp(tr(.hPolicyKey))) var key: String
        @Argument(help: ArgumentHelp(tr(.hPolicyValue))) var value: String
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
