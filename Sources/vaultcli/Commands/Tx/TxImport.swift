import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import transactions from CSV or JSON Lines (a file, or - for standard input).",
            discussion: """
            CSV has a header row naming the columns (id,time,amount,currency,kind,card,reference,operator,terminal,status; \
            id, time and amount are required; amount_minor may replace amount), in English or Chinese (交易时间, 金额, 币种, \
            类型, 卡号, 参考号, 操作员, 终端号, 状态 …), or a POS settlement export's (交易日期 + 交易时间; 参考号 as the id): \
            see docs/import.md. UTF-8 with or without a byte order mark, or GBK/GB18030 (--encoding). JSON Lines has one flat object per line with \
            the same keys; numbers are read as exact decimal text. Rows are written in batches: a batch is written whole or, \
            if any of its rows is bad, not at all; every bad row is reported as `line N: reason`. Ids already in the vault \
            are skipped, so importing the same file twice adds nothing.
            """)

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Argument(help: ArgumentHelp("The file to import, or - for standard input.", valueName: "file"), completion: .file())
        var input: String
        @Option(name: .long, help: "csv or jsonl (default: from the file name; csv for -).")
        var format: String?
        @Option(name: .long, help: "Rows per batch (each batch is all or nothing).")
        var batchSize: Int = 10_000
        @Option(name: .long, help: ArgumentHelp("UTC offset for times written without a zone. Default: this machine's (UTC with --utc).", valueName: "+HH:MM"))
        var utcOffset: String?
        @Option(name: .long, help: ArgumentHelp("The file's text encoding: utf-8, gbk (GB18030, as Excel on Chinese Windows saves CSV) or auto (UTF-8, else GB18030).", valueName: "encoding"))
        var encoding: String = "auto"
        @Flag(name: .long, help: "Check every row and report, but write nothing.")
        var dryRun = false
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard (1...100_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1 to 100000") }
            if input == "-" && auth.password.passwordStdin { throw ValidationError("--password-stdin cannot share standard input with `import -`; use --password-file") }
        }

        func run() throws {
            try runReporting {
                let fmt: TxImportFormat
                if let format {
                    guard let f = TxImportFormat(rawValue: format.lowercased()) else {
                        throw RecordError.invalid("unknown import format \"\(format)\"", hint: "use --format csv or --format jsonl")
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
                let (v, s) = try auth.open(vault, access: .write)
                let source = input == "-" ? "standard input" : input
                let tty = Diagnostics.stderrIsTTY
                let r = try v.importTransactions(fd: fd, source: source, options: options, session: s,
                    badRow: { line, reason in Diagnostics.write("vaultcli: line \(line): \(reason)\n") },
                    progress: tty ? { p in Diagnostics.write("\rvaultcli: \(p.rows) rows read, \(p.imported) imported, \(p.duplicates) duplicates") } : nil)
                if tty { Diagnostics.write("\n") }
                if encoding == "auto" && r.encoding == .gb18030 {
                    Diagnostics.note("\(source) was read as GB18030 (GBK): its text is not UTF-8")
                }
                if !r.ignoredColumns.isEmpty {
                    Diagnostics.warning("ignored column\(r.ignoredColumns.count == 1 ? "" : "s") \(r.ignoredColumns.joined(separator: ", ")) (checked for card numbers, not stored)")
                }
                let verb = dryRun ? "would import" : "imported"
                if output.json {
                    Out.json(["rows": r.rows, "imported": r.imported, "duplicates": r.duplicates, "bad_rows": r.badRows,
                              "batches_written": r.batchesWritten, "batches_refused": r.batchesRefused, "dry_run": dryRun])
                } else {
                    Out.line("\(r.rows) rows read: \(verb) \(r.imported), skipped \(r.duplicates) already in the vault, \(r.badRows) bad")
                }
                if r.badRows > 0 {
                    throw RecordError.importRefused(badRows: r.badRows, refusedBatches: r.batchesRefused, imported: r.imported)
                }
            }
        }
    }
}
