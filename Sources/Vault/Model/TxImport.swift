import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

public enum TxImportFormat: String, Sendable, CaseIterable { case csv, jsonl }

public struct TxImportOptions: Sendable {
    public var format: TxImportFormat
    /// Rows per batch (each batch is one frame: all of it is written, or none).
    public var batchRows: Int = 10_000
    /// Check everything, write nothing.
    public var dryRun = false
    /// Seconds east of UTC for times written without a zone.
    public var localOffset: Int = 0
    /// The input's text encoding (`auto`: UTF-8, or GB18030 when its text is not UTF-8).
    public var encoding: TxImportEncoding = .auto
    public init(format: TxImportFormat) { self.format = format }
}

public struct TxImportResult: Sendable {
    public var rows = 0
    public var imported = 0
    public var duplicates = 0
    public var badRows = 0
    public var batchesWritten = 0
    public var batchesRefused = 0
    public var ignoredColumns: [String] = []
    /// The encoding the input was read in (`auto` when it held nothing but ASCII).
    public var encoding: TxImportEncoding = .auto
}

extension Transactions {
    /// Imports transactions from CSV or JSON Lines on `fd`, streaming. Rows are grouped into
    /// batches; each batch is one frame written whole or not at all. A batch with a bad row is
    /// refused whole and every bad row is reported through `badRow(line, reason)`. Ids already
    /// in the vault (or earlier in the input) are skipped, so a re-import adds nothing.
    public func importRows(fd: Int32, source: String, options: TxImportOptions,
                           badRow: (Int, String) -> Void, progress: ((TxImportResult) -> Void)? = nil) throws -> TxImportResult {
        try importRows(fd: fd, source: source, options: options,
                       badRowError: { badRow($0, $1.message) }, progress: progress)
    }

    /// The same, with each bad row's error as the library's case (the CLI words it).
    public func importRows(fd: Int32, source: String, options: TxImportOptions,
                           badRowError badRow: (Int, UserFacingError) -> Void, progress: ((TxImportResult) -> Void)? = nil) throws -> TxImportResult {
        try Permission.addTransaction.require(session)
        var known = try existingIdHashes()
        var result = TxImportResult()
        let reader = try LineReader(fd: fd, source: source, encoding: options.encoding)
        var csv = CSVRowParser()
        var jsonl = JSONLRowParser()
        var builder = TxRowBuilder(session: session, defaultTerminal: vault.header.terminalId, localOffset: options.localOffset)
        var row = TxRow()
        var haveHeader = options.format == .jsonl
        var pendingRecord: [UInt8] = []
        var pendingLine = 0
        // The current batch: the body of one data frame (DataLog.batchBody), built in place.
        var batch = DataLog.BatchBody()
        var batchIds = Set<Int>()
        var batchBad = false
        var batchFirstLine = 0, batchRows = 0
        let maxBytes = DataLog.maxBatchBytes - 4096

        func flush(lastLine: Int) throws {
            defer {
                batch.reset(); batchIds.removeAll(keepingCapacity: true)
                batchBad = false; batchRows = 0; batchFirstLine = 0
            }
            guard batchRows > 0 else { return }
            if batchBad { result.batchesRefused += 1; return }
            if batch.count > 0 && !options.dryRun {
                let event = AuditEvent(actor: session.operatorName, action: "tx.import", target: "\(source) lines \(batchFirstLine)-\(lastLine)",
                                       detail: "\(batch.count) added")
                try vault.unlocked(by: session).appendDataBatch(batch.finished(), keyClass: .shared, audit: [event])
            }
            if batch.count > 0 { result.batchesWritten += 1 }
            result.imported += batch.count
            known.formUnion(batchIds)
            progress?(result)
        }

        func handle(line: Int, _ fill: (inout TxRow) throws -> Void) throws {
            if batchRows == 0 { batchFirstLine = line }
            batchRows += 1
            result.rows += 1
            do {
                try fill(&row)
                // The record goes in at the end of the batch, checked (fast path, or `build`);
                // a duplicate is taken out again.
                batch.beginRecord()
                if !builder.fastEncode(row, into: &batch.bytes) {
                    TxCodec.encode(try builder.build(row), into: &batch.bytes)
                }
                let hv = row.with(.id) { p in TxIds.hash(p!) }
                if known.contains(hv) || batchIds.contains(hv) {
                    batch.dropRecord()
                    result.duplicates += 1
                } else {
                    batchIds.insert(hv)
                    batch.endRecord()
                }
            } catch let e as UserFacingError {
                batch.dropRecord()
                batchBad = true; result.badRows += 1
                badRow(line, e)
            }
            if batchRows >= options.batchRows || batch.bytes.count >= maxBytes - 1024 { try flush(lastLine: line) }
        }

        while true {
            var got = false
            let more = try reader.next { p in
                got = true
                let line = reader.lineNumber
                switch options.format {
                case .jsonl:
                    if p.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    try handle(line: line) { r in try jsonl.row(p, into: &r) }
                case .csv:
                    if pendingRecord.isEmpty {
                        if p.isEmpty { return }
                        pendingLine = line
                        pendingRecord.append(contentsOf: p)
                    } else {
                        pendingRecord.append(0x0A); pendingRecord.append(contentsOf: p)
                    }
                    guard CSVRowParser.quotesBalanced(pendingRecord) else {
                        if pendingRecord.count > LineReader.maxLine {
                            throw EntryError.row(.quoteNeverClosed(line: pendingLine))
                        }
                        return
                    }
                    defer { pendingRecord.removeAll(keepingCapacity: true) }
                    if !haveHeader {
                        do { try csv.header(pendingRecord) } catch let e as RowError {
                            throw RecordError.rule(.csvHeader(line: pendingLine, e.problem))
                        }
                        haveHeader = true
                        return
                    }
                    try handle(line: pendingLine) { r in try csv.row(pendingRecord, into: &r) }
                }
            }
            _ = got
            if !more { break }
        }
        if !pendingRecord.isEmpty {
            try handle(line: pendingLine) { _ in throw RecordError.rule(.quoteNotClosedAtEnd) }
        }
        if options.format == .csv && !haveHeader {
            throw EntryError.row(.emptyInput(source: source, columns: TxRender.columns.joined(separator: ",")))
        }
        try flush(lastLine: reader.lineNumber)
        result.ignoredColumns = (csv.extraNames + jsonl.extraKeys.sorted())
        result.encoding = reader.encoding
        return result
    }
}
