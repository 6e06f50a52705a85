import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Tx: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tx",
            abstract: "Transaction records: add, list, import, export, summarise.",
            discussion: """
            Amounts are exact decimals in the currency's minor units (CNY 12.34 is stored as 1234), never floating point. \
            Cards are masked PANs only (at most the first 6 and last 4 digits); a full card number anywhere is refused. \
            A cashier adds records and sees their own; managers and admins see, export and summarise all.
            """,
            subcommands: [TxAdd.self, TxList.self, TxImport.self, TxExport.self, TxSummary.self])
    }
}

/// The filters shared by list, export and summary.
struct TxFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("From this date or time on (ISO 8601; a date, or a time without a zone, is on the local calendar, or UTC with --utc).", valueName: "time"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Up to this time, or to the end of this date (inclusive).", valueName: "time"))
    var until: String?
    @Option(name: .customLong("operator"), help: ArgumentHelp("Only this operator's records.", valueName: "name"))
    var operatorName: String?
    @Option(name: .long, help: ArgumentHelp("Only this kind: sale, refund or void (repeatable).", valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only this status: approved, declined, pending or reversed (repeatable).", valueName: "status"))
    var status: [String] = []
    @Option(name: .long, help: ArgumentHelp("Only this currency (ISO 4217).", valueName: "code"))
    var currency: String?
    @Option(name: .long, help: ArgumentHelp("Only amounts of at least this much (a decimal, in each record's currency).", valueName: "amount"))
    var min: String?
    @Option(name: .long, help: ArgumentHelp("Only amounts of at most this much.", valueName: "amount"))
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
            throw RecordError.invalid("--since \(since!) is not before --until \(until!)", hint: "swap the two bounds")
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
