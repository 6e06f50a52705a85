import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export transactions as CSV or JSON Lines, streaming (managers and admins).",
            discussion: "The output is the import format. A file is written under a temporary name (mode 0600) and renamed when complete.")

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @OptionGroup var filters: TxFilterOptions
        @Option(name: .long, help: "csv or jsonl.")
        var format: String = "csv"
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
        var output: String?
        @Flag(name: .long, help: "Replace an existing output file.")
        var force = false
        @Flag(name: .long, help: "CSV for Excel on Chinese Windows: UTF-8 with a byte order mark, CR LF line ends.")
        var excel = false

        func run() throws {
            try runReporting {
                guard let fmt = TxFormat(rawValue: format.lowercased()), fmt != .jsonArray else {
                    throw RecordError.invalid("unknown export format \"\(format)\"", hint: "use --format csv or --format jsonl")
                }
                if excel && fmt != .csv { throw RecordError.invalid("--excel shapes CSV, not \(fmt.rawValue)", hint: "use --format csv with --excel") }
                let f = try filters.filter()
                if let output, output != "-", FileManager.default.fileExists(atPath: output), !force {
                    throw RecordError.invalid("\(output) already exists; it was not changed", hint: "choose another name, or add --force to replace it")
                }
                let (v, s) = try auth.open(vault, access: .write)
                try Permission.readAllTransactions.require(s)
                guard let output, output != "-" else {
                    try v.exportTransactions(session: s, filter: f, format: fmt, to: OutputSink(fd: STDOUT_FILENO), export: true, excel: excel)
                    return
                }
                let tmp = output + ".partial-\(getpid())"
                let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
                if fd < 0 { throw VaultError.io(path: tmp, operation: "create", errno: errno) }
                var done = false
                defer { close(fd); if !done { unlink(tmp) } }
                let n = try v.exportTransactions(session: s, filter: f, format: fmt, to: OutputSink(fd: fd, path: tmp), export: true, excel: excel)
                guard fsync(fd) == 0 else { throw VaultError.io(path: tmp, operation: "sync", errno: errno) }
                guard rename(tmp, output) == 0 else { throw VaultError.io(path: output, operation: "rename the export to", errno: errno) }
                done = true
                Diagnostics.note("exported \(n) transaction\(n == 1 ? "" : "s") to \(output)")
            }
        }
    }
}
