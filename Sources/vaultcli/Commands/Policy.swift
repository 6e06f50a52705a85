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
                // The policy's settings, then the merchant's name (kept in the signed vault
                // settings; every password check refuses passwords built from it).
                let rows: [(key: String, value: String, limit: String, source: String, meaning: String)] =
                    p.listing.map { ($0.key, $0.value, $0.limit, $0.source, $0.meaning) }
                    + [("merchant-name", try v.merchantName() ?? "", "1-64 characters, or \"\" for none",
                        "NIST SP 800-63B 5.1.1.2 (context-specific words); PCI DSS v4.0.1 8.3.6",
                        "The shop's name (as on its sign or receipts): passwords that contain it, or its pinyin, are refused.")]
                if output.json {
                    Out.json(rows.map { ["key": $0.key, "value": $0.value, "limit": $0.limit, "source": $0.source, "meaning": $0.meaning] })
                } else {
                    // A table in plain words: what each setting does, its value, what it may be
                    // set to, and why the limit is there.
                    // The explanations run on (never cut): they are what the table is for.
                    Out.raw(Table.render([tr(.colSetting), tr(.colValue), tr(.colAllowed), tr(.colWhatItDoes)],
                                         rows.map { [$0.key, $0.value, PolicyWords.limit($0.limit), PolicyWords.meaning(key: $0.key, english: $0.meaning)] }, cutLast: false))
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
            discussion: tr(.dPolicySet) + " " + tr(.dPolicySetMerchant))
        @Argument(help: ArgumentHelp(tr(.hPolicyKey))) var key: String
        @Argument(help: ArgumentHelp(tr(.hPolicyValue))) var value: String
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            try actor.run(vault) { v, me in
                if key == "merchant-name" {
                    let m = try me.settings.setMerchantName(name: value.trimmed(.whitespaces).isEmpty ? nil : value)
                    Out.line(m.map { "merchant-name = \(Out.text($0))" } ?? tr(.poMerchantCleared))
                    return
                }
                let p = try me.settings.setPolicy(key: key, value: value)
                let d = p.listing.first { $0.key == key }
                Out.line("\(key) = \(d?.value ?? value)")
            }
        }
    }
}
