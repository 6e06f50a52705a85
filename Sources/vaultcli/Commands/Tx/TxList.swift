import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: tr(.helpTxList))

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var filters: TxFilterOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hLimit)))
        var limit: Int?
        @Flag(name: .long, help: ArgumentHelp(tr(.hJSONArray)))
        var json = false
        @Flag(name: .long, help: ArgumentHelp(tr(.hCSV)))
        var csv = false
        @Flag(name: .long, help: ArgumentHelp(tr(.hExcelWithCSV)))
        var excel = false

        func validate() throws {
            if json && csv { throw ValidationError(tr(.txChooseJsonOrCsv)) }
            if excel && !csv { throw ValidationError(tr(.excelNeedsCSV)) }
            if let limit, limit < 1 { throw ValidationError(tr(.txLimitAtLeastOne)) }
        }

        func run() throws {
            try runReporting {
                var f = try filters.filter()
                f.limit = limit
                let me = try auth.open(vault, access: .read)
                let sink = OutputSink(fd: STDOUT_FILENO)
                if json || csv {
                    try me.transactions.render(filter: f, format: json ? .jsonArray : .csv, to: sink, export: false, excel: excel)
                    return
                }
                // The table: times in local time (or --utc), cut to Table.limit like every table.
                var layout = TxRender.Layout(limit: Table.limit, title: TxColumnTitle.text)
                if Lang.current == .zhHans {
                    layout.kindWords = TxWords.kinds
                    layout.statusWords = TxWords.statuses
                }
                try sink.write(TxRender.tableHeader(layout, title: TxColumnTitle.text))
                let n = try me.transactions.listTable(filter: f, to: sink, layout: layout)
                try sink.write(tr(n == 1 ? .txCountOne : .txCountMany, n) + (me.session.role == .cashier ? tr(.txYoursOnly) : "") + "\n")
                try sink.flush()
            }
        }
    }
}

/// A transaction's kind and status in zh-Hans text tables: the glossary's words, each of which
/// `tx import` also reads back (TxColumn.kindWords, statusWords). CSV and JSON keep the names.
enum TxWords {
    static var kinds: [Transaction.Kind: String] {
        [.sale: tr(.txKindSale), .refund: tr(.txKindRefund), .void: tr(.txKindVoid)]
    }
    static var statuses: [Transaction.Status: String] {
        [.approved: tr(.txStatusApproved), .declined: tr(.txStatusDeclined), .pending: tr(.txStatusPending), .reversed: tr(.txStatusReversed)]
    }
}

/// The `tx list` column titles (the library's, which are the English ones) in the catalog's language.
enum TxColumnTitle {
    static func text(_ title: String) -> String {
        switch title {
        case "TIME": tr(.colTime)
        case "ID": tr(.colId)
        case "KIND": tr(.colKind)
        case "AMOUNT": tr(.colAmount)
        case "CUR": tr(.colCurrency)
        case "CARD": tr(.colCard)
        case "OPERATOR": tr(.colOperator)
        case "STATUS": tr(.colStatus)
        case "REFERENCE": tr(.colReference)
        default: title
        }
    }
}
