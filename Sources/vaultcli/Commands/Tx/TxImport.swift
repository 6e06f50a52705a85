import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: tr(.hTxImport),
            discussion: tr(.dTxImport))

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp(tr(.hImportFile), valueName: "file"), completion: .file())
        var input: String
        @Option(name: .long, help: ArgumentHelp(tr(.hImportFormat)))
        var format: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hBatchSize)))
        var batchSize: Int = 10_000
        @Option(name: .long, help: ArgumentHelp(tr(.hUTCOffsetImport), valueName: "+HH:MM"))
        var utcOffset: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hImportEncoding), valueName: "encoding"))
        var encoding: String = "auto"
        @Flag(name: .long, help: ArgumentHelp(tr(.hDryRun)))
        var dryRun = false
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (1...100_000).contains(batchSize) else { throw ValidationError(tr(.txBatchSize)) }
            if input == "-" && auth.password.passwordStdin { throw ValidationError(tr(.txStdinShared)) }
        }

        func run() throws {
            try runReporting {
                let fmt: TxImportFormat
                if let format {
                    guard let f = TxImportFormat(rawValue: format.lowercased()) else {
                        throw RecordError.invalid(tr(.imUnknownFormat, format), hint: tr(.formatHint))
                    }
                    fmt = f
                } else {
                    let lower = input.lowercased()
                    fmt = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") ? .jsonl : .csv
                }
                var options = TxImportOptions(format: fmt)
                options.batchRows = batchSize
                options.dryRun = dryRun
                options.localOffset = try utcOffset.map(TxTime.offset) ?? LocalTime.offset(at: Int64(Date().timeIntervalSince1970))
                options.encoding = try TxImportEncoding(name: encoding)
                let fd: Int32
                if input == "-" { fd = STDIN_FILENO } else {
                    fd = open(input, O_RDONLY | O_CLOEXEC)
                    if fd < 0 { throw VaultError.io(path: input, operation: "open", errno: errno) }
                }
                defer { if fd != STDIN_FILENO { close(fd) } }
                let me = try auth.open(vault, access: .write)
                let source = input == "-" ? tr(.srcStandardInput) : input
                let tty = Diagnostics.stderrIsTTY
                let r = try me.transactions.importRows(fd: fd, source: source, options: options,
                                                                      badRowError: { line, e in Diagnostics.write("vaultcli: " + tr(.txBadRow, line, DisplayText.sanitize(ErrorText.render(e).message)) + "\n") },
                                                                      progress: tty ? { p in Diagnostics.write("\rvaultcli: " + tr(.txProgress, p.rows, p.imported, p.duplicates)) } : nil)
                if tty { Diagnostics.write("\n") }
                if encoding == "auto" && r.encoding == .gb18030 {
                    Diagnostics.note(tr(.importReadAsGB, source))
                }
                if !r.ignoredColumns.isEmpty {
                    Diagnostics.warning(tr(r.ignoredColumns.count == 1 ? .txIgnoredOne : .txIgnoredMany, r.ignoredColumns.joined(separator: ", ")))
                }
                if output.json {
                    Out.json(["rows": r.rows, "imported": r.imported, "duplicates": r.duplicates, "bad_rows": r.badRows,
                              "batches_written": r.batchesWritten, "batches_refused": r.batchesRefused, "dry_run": dryRun])
                } else {
                    Out.line(tr(dryRun ? .txImportSummaryDry : .txImportSummary, r.rows, r.imported, r.duplicates, r.badRows))
                }
                if r.badRows > 0 {
                    throw RecordError.importRefused(badRows: r.badRows, refusedBatches: r.batchesRefused, imported: r.imported)
                }
            }
        }
    }
}
