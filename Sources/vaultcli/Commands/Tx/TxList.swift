import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List transactions in the order they were recorded (streaming; a cashier sees their own).")

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var filters: TxFilterOptions
        @Option(name: .long, help: "Stop after this many records.")
        var limit: Int?
        @Flag(name: .long, help: "Print one JSON array.")
        var json = false
        @Flag(name: .long, help: "Print CSV (the import format).")
        var csv = false
        @Flag(name: .long, help: "With --csv: UTF-8 with a byte order mark and CR LF line ends, which Excel on Chinese Windows opens.")
        var excel = false

        func validate() throws {
            if json && csv { throw ValidationError("choose one of --json and --csv") }
            if excel && !csv { throw ValidationError("--excel shapes CSV: give it with --csv") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            try runReporting {
                var f = try filters.filter()
                f.limit = limit
                let (v, s) = try auth.open(vault, access: .read)
                let sink = OutputSink(fd: STDOUT_FILENO)
                if json || csv {
                    try v.exportTransactions(session: s, filter: f, format: json ? .jsonArray : .csv, to: sink, export: false, excel: excel)
                    return
                }
                // The table: times in local time (or --utc), cut to Table.limit like every table.
                let layout = TxRender.Layout(limit: Table.limit)
                try sink.write(TxRender.tableHeader(layout))
                let n = try v.listTransactionsTable(session: s, filter: f, to: sink, layout: layout)
                try sink.write("\(n) transaction\(n == 1 ? "" : "s")\(s.role == .cashier ? " (yours only: a cashier sees their own)" : "")\n")
                try sink.flush()
            }
        }
    }
}
