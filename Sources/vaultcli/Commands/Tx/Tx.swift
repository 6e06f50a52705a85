import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Tx: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tx",
            abstract: tr(.helpTx),
            discussion: tr(.dTx),
            subcommands: [TxAdd.self, TxList.self, TxImport.self, TxExport.self, TxSummary.self])
    }
}

/// The filters shared by list, export and summary.
struct TxFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.hSince), valueName: "time"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hUntil), valueName: "time"))
    var until: String?
    @Option(name: .customLong("operator"), help: ArgumentHelp(tr(.hOperatorFilter), valueName: "name"))
    var operatorName: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hKindFilter), valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp(tr(.hStatusFilter), valueName: "status"))
    var status: [String] = []
    @Option(name: .long, help: ArgumentHelp(tr(.hCurrencyFilter), valueName: "code"))
    var currency: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hMin), valueName: "amount"))
    var min: String?
    @Option(name: .long, help: ArgumentHelp(tr(.hMax), valueName: "amount"))
    var max: String?

    func filter(defaultStatuses: Set<Transaction.Status> = []) throws -> TxFilter {
        var f = TxFilter()
        // The local calendar (LocalTime): a date is local midnight, with daylight saving.
        if let since { switch try LocalTime.parse(since) { case .instant(let t), .date(let t): f.since = t } }
        if let until {
            switch try LocalTime.parse(until) {
            case .date(let d): f.until = LocalTime.nextDay(after: d)
            case .instant(let t): f.until = t + 1
            }
        }
        if let s = f.since, let u = f.until, s >= u {
            throw RecordError.invalid(tr(.txSinceUntil, since!, until!), hint: tr(.txSwapBounds))
        }
        f.operatorName = operatorName
        f.kinds = Set(try kind.map(Transaction.Kind.init(name:)))
        f.statuses = status.isEmpty ? defaultStatuses : Set(try status.map(Transaction.Status.init(name:)))
        if let currency { f.currency = try Currency(code: currency) }
        if let min { f.min = try AmountBound(min) }
        if let max { f.max = try AmountBound(max) }
        return f
    }
}
