import FoundationEssentials
import Glibc

/// Append-only data records (transactions) and audit events.
///
/// A data frame holds a batch: u32 count, then per record a u32 length and the bytes. One
/// `append` writes one frame with one write and one fsync, whatever the vault's size.
extension Unlocked {
    /// Appends data records under `keyClass` (the session must hold that key). Returns the
    /// frame's offset.
    public func appendData(_ records: [[UInt8]], keyClass: KeyClass = .shared, audit: [AuditEvent] = []) throws {
        guard !records.isEmpty else { return }
        if vault.file.isLegacy { throw VaultError.needsUpgrade(path: vault.path) }
        var frames: [PendingFrame] = []
        var batch = ByteWriter(capacity: 1 << 16)
        var count: UInt32 = 0
        func flush() {
            guard count > 0 else { return }
            var w = ByteWriter(capacity: batch.bytes.count + 4)
            w.u32(count); w.raw(batch.bytes)
            frames.append(PendingFrame(kind: .data, keyClass: keyClass, body: w.bytes))
            batch = ByteWriter(capacity: 1 << 16); count = 0
        }
        for r in records {
            if batch.bytes.count + r.count > DataLog.maxBatchBytes { flush() }
            batch.blob32(r); count += 1
        }
        flush()
        frames += try audit.map { try DataLog.auditFrame($0) }
        try vault.file.append(frames, keys: session.keys)
    }

    /// Appends one data frame whose body is already a batch (`DataLog.BatchBody`): the same
    /// frame `appendData` writes for those records, so it must fit in one frame (a larger one
    /// is refused as too large).
    func appendDataBatch(_ body: [UInt8], keyClass: KeyClass, audit: [AuditEvent] = []) throws {
        if vault.file.isLegacy { throw VaultError.needsUpgrade(path: vault.path) }
        var frames = [PendingFrame(kind: .data, keyClass: keyClass, body: body)]
        frames += try audit.map { try DataLog.auditFrame($0) }
        try vault.file.append(frames, keys: session.keys)
    }

    /// Streams every data record the session can read, in order, authenticating each frame
    /// and the chain on the way. The buffer is valid only during the call.
    @discardableResult
    public func forEachData(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> ScanReport {
        try vault.file.scan(keys: session.keys) { h, off, plain in
            guard h.kind == .data, let plain else { return }
            try DataLog.forEachRecord(in: plain, at: off, path: self.vault.path, body)
        }
    }

    /// Every audit event, in order (needs the audit key: managers and admins).
    public func auditEvents() throws -> [AuditEvent] {
        guard session.canReadAudit else { throw VaultError.permissionDenied(needed: "read the audit log", role: session.role.rawValue) }
        var out: [AuditEvent] = []
        try vault.file.scan(keys: session.keys) { h, _, plain in
            guard h.kind == .audit, let plain else { return }
            out.append(try RecordCodec.decode(.auditEvent, AuditEvent.self, from: Array(plain), path: self.vault.path))
        }
        return out
    }
}

extension Vault {
    /// Appends audit events. Needs no key: events are sealed to the vault's audit public key.
    public func appendAudit(_ events: [AuditEvent]) throws {
        try file.append(try events.map { try DataLog.auditFrame($0) }, keys: KeyRing())
    }
}

enum DataLog {
    static let maxBatchBytes = 1 << 20

    /// A data frame's body built in place, record by record: u32 count, then per record a u32
    /// length and the bytes (as `appendData` lays them out).
    struct BatchBody {
        var bytes: [UInt8] = []
        private(set) var count = 0
        private var recordStart = -1

        init() {
            bytes.reserveCapacity(DataLog.maxBatchBytes)
            reset()
        }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: [0, 0, 0, 0])
            count = 0
            recordStart = -1
        }

        /// Starts a record: its bytes are appended to `bytes` next.
        mutating func beginRecord() {
            recordStart = bytes.count
            bytes.append(contentsOf: [0, 0, 0, 0])
        }

        mutating func endRecord() {
            precondition(recordStart >= 0)
            DataLog.putLE32(&bytes, at: recordStart, UInt32(bytes.count - recordStart - 4))
            count += 1
            recordStart = -1
        }

        /// Takes out the record begun last (nothing when none is open).
        mutating func dropRecord() {
            guard recordStart >= 0 else { return }
            bytes.removeSubrange(recordStart...)
            recordStart = -1
        }

        /// The finished body.
        mutating func finished() -> [UInt8] {
            precondition(recordStart < 0)
            DataLog.putLE32(&bytes, at: 0, UInt32(count))
            return bytes
        }
    }

    @inline(__always) static func putLE32(_ b: inout [UInt8], at i: Int, _ v: UInt32) {
        b[i] = UInt8(truncatingIfNeeded: v); b[i + 1] = UInt8(truncatingIfNeeded: v >> 8)
        b[i + 2] = UInt8(truncatingIfNeeded: v >> 16); b[i + 3] = UInt8(truncatingIfNeeded: v >> 24)
    }

    static func auditFrame(_ e: AuditEvent) throws -> PendingFrame {
        PendingFrame(kind: .audit, keyClass: .sealed, body: try RecordCodec.encode(.auditEvent, e))
    }

    static func forEachRecord(in plain: UnsafeRawBufferPointer, at offset: Int, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard plain.count >= 4 else { throw VaultError.corrupt(path: path, part: "data frame at offset \(offset) (malformed batch)") }
        let n = Int(readLE32(plain.baseAddress!, 0))
        var p = 4
        for _ in 0..<n {
            guard p + 4 <= plain.count else { throw VaultError.corrupt(path: path, part: "data frame at offset \(offset) (malformed batch)") }
            let len = Int(readLE32(plain.baseAddress!, p))
            p += 4
            guard len <= plain.count - p else { throw VaultError.corrupt(path: path, part: "data frame at offset \(offset) (malformed batch)") }
            try body(UnsafeRawBufferPointer(rebasing: plain[p..<(p + len)]))
            p += len
        }
        guard p == plain.count else { throw VaultError.corrupt(path: path, part: "data frame at offset \(offset) (trailing bytes)") }
    }
}
