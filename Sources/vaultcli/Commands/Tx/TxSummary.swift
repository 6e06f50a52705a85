import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxSummary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: tr(.hTxSummary))

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var filters: TxFilterOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hUTCOffsetSummary), valueName: "+HH:MM"))
        var utcOffset: String?
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let f = try filters.filter(defaultStatuses: [.approved])
                let offset = try utcOffset.map(TxTime.offset)
                let me = try auth.open(vault, access: .read)
                let sum = try me.transactions.summarize(filter: f, utcOffset: offset)
                func money(_ m: Int128, _ c: Currency) -> String { Money.format(m, exponent: c.exponent) }
                if output.json {
                    Out.json([
                        "records": sum.records,
                        "utc_offset_seconds": sum.utcOffset,
                        "groups": sum.groups.map { g in
                            ["day": g.day, "operator": g.operatorName, "kind": g.kind.name, "currency": g.currency.code,
                             "count": g.count, "total": money(g.total, g.currency), "total_minor": "\(g.total)"] as [String: Any]
                        },
                        "currencies": sum.currencies.map { c in
                            var kinds: [String: Any] = [:]
                            for (k, v) in c.byKind { kinds[k.name] = ["count": v.count, "total": money(v.total, c.currency)] }
                            return ["currency": c.currency.code, "count": c.count, "by_kind": kinds, "net": money(c.net, c.currency)] as [String: Any]
                        },
                    ] as [String: Any])
                    return
                }
                let kinds = Lang.current == .zhHans ? TxWords.kinds : [:]
                var out = Table.render([tr(.colDay), tr(.colOperator), tr(.colKind), tr(.colCurrency), tr(.colCount), tr(.colTotal)],
                                       sum.groups.map { g in [g.day, g.operatorName, kinds[g.kind] ?? g.kind.name, g.currency.code, "\(g.count)", money(g.total, g.currency)] },
                                       right: [4, 5])
                out += "\n"
                for c in sum.currencies {
                    let parts = Transaction.Kind.allCases.compactMap { k in
                        c.byKind[k].map { "\(kinds[k] ?? k.name) \($0.count) = \(money($0.total, c.currency))" }
                    }
                    out += tr(.txSumCurrency, c.currency.code, c.count, parts.joined(separator: tr(.txSumSeparator)), money(c.net, c.currency)) + "\n"
                }
                out += tr(sum.records == 1 ? .txSumRecordsOne : .txSumRecordsMany, sum.records) + (me.session.role == .cashier ? tr(.txSumYoursOnly) : "") + "\n"
                Out.raw(out)
            }
        }
    }
}
