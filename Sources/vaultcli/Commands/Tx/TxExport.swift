import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: tr(.hTxExport),
            discussion: tr(.dTxExport))

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var filters: TxFilterOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hExportFormat)))
        var format: String = "csv"
        @Option(name: .shortAndLong, help: ArgumentHelp(tr(.hExportOutput), valueName: "file"), completion: .file())
        var output: String?
        @Flag(name: .long, help: ArgumentHelp(tr(.hExportForce)))
        var force = false
        @Flag(name: .long, help: ArgumentHelp(tr(.hExcelExport)))
        var excel = false

        func run() throws {
            try runReporting {
                guard let fmt = TxFormat(rawValue: format.lowercased()), fmt != .jsonArray else {
                    throw RecordError.invalid(tr(.exUnknownFormat, format), hint: tr(.formatHint))
                }
                if excel && fmt != .csv { throw RecordError.invalid(tr(.excelNotCSV, fmt.rawValue), hint: tr(.excelNotCSVHint)) }
                let f = try filters.filter()
                if let output, output != "-", FileManager.default.fileExists(atPath: output), !force {
                    throw RecordError.invalid(tr(.exExists, output), hint: tr(.exExistsHint))
                }
                let me = try auth.open(vault, access: .write)
                try Permission.readAllTransactions.require(me.session)
                guard let output, output != "-" else {
                    try me.transactions.render(filter: f, format: fmt, to: OutputSink(fd: STDOUT_FILENO), export: true, excel: excel)
                    return
                }
                // A 0600 temporary file next to the output, synced, renamed over it, and the
                // directory synced; removed on any failure.
                let n = try PrivateFile.replace(output, renameOperation: "rename the export to") { fd, tmp in
                    try me.transactions.render(filter: f, format: fmt, to: OutputSink(fd: fd, path: tmp), export: true, excel: excel)
                }
                Diagnostics.note(tr(n == 1 ? .txExportedOne : .txExportedMany, n, output))
            }
        }
    }
}
