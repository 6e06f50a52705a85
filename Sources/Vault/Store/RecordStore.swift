import FoundationEssentials
import Glibc

/// Typed metadata records on top of the frame log: each is a `record` frame with a subject id,
/// superseded by the next frame with the same subject.
extension Vault {
    /// A change to apply in one atomic append (one write, one fsync).
    public struct Change {
        var frames: [PendingFrame] = []
        var removals: [(FrameKind, [UInt8])] = []
        public init() {}

        /// Writes (or replaces) a record; `signer` for the types that need one (FrameRules).
        mutating func put<T: Encodable>(_ type: RecordType, subject: [UInt8], keyClass: KeyClass, signer: Signer = .none, _ value: T) throws {
            if keyClass.isAEAD && signer == .none {
                // Sealed under a data key: may hold secrets, so built and sealed in locked memory.
                frames.append(PendingFrame(kind: .record, keyClass: keyClass, subject: subject, lockedBody: try RecordCodec.encodeLocked(type, value)))
            } else {
                frames.append(PendingFrame(kind: .record, keyClass: keyClass, subject: subject, body: try RecordCodec.encode(type, value), signer: signer))
            }
        }
        /// Writes a record whose body is already encoded (envelopes: `u16 type ‖ sealed bytes`).
        mutating func putEncoded(subject: [UInt8], body: [UInt8]) {
            frames.append(PendingFrame(kind: .record, keyClass: .none, subject: subject, body: body))
        }
        mutating func remove(subject: [UInt8]) { removals.append((.record, subject)) }
        mutating func audit(_ e: AuditEvent) throws { frames.append(try DataLog.auditFrame(e)) }
        mutating func putSlot(_ s: Keyslot) { frames.append(PendingFrame(kind: .slot, keyClass: .none, subject: s.id, body: s.encode())) }
        mutating func removeSlot(_ id: [UInt8]) { removals.append((.slot, id)) }
        mutating func putPublic(_ kind: FrameKind, subject: [UInt8], body: [UInt8]) {
            frames.append(PendingFrame(kind: kind, keyClass: .none, subject: subject, body: body))
        }
        mutating func removePublic(_ kind: FrameKind, subject: [UInt8]) { removals.append((kind, subject)) }
        var isEmpty: Bool { frames.isEmpty && removals.isEmpty }
    }

    /// Commits a change: audit events first, then records, then the new index.
    func commit(_ change: Change, keys: KeyRing) throws {
        guard !change.isEmpty else { return }
        // A v1 vault takes audit events and lockout counters (no key needed) and nothing else.
        if file.isLegacy, change.frames.contains(where: { $0.kind != .audit && $0.kind != .lockout }) || change.removals.contains(where: { $0.0 != .lockout }) {
            throw VaultError.needsUpgrade(path: path)
        }
        let ordered = change.frames.filter { !$0.kind.isMeta } + change.frames.filter { $0.kind.isMeta }
        try file.append(ordered, removing: change.removals, keys: keys)
        try compactIfWorthIt(keys: keys)
    }

    /// Reads one record; nil when absent. Throws permissionDenied when the keys do not open it.
    /// A record sealed under a data key (accounts, key copies: those that may hold secrets) is
    /// decrypted straight into locked memory and decoded from there; public and signed records
    /// (no secrets) are read as ordinary bytes.
    func record<T: Decodable>(_ type: RecordType, _ as: T.Type, subject: [UInt8], keys: KeyRing?) throws -> T? {
        guard let f = try file.readMeta(.record, subject: subject, keys: keys, locked: true) else { return nil }
        try FrameRules.checkRecord(type, header: f.header, version: file.header.version, offset: f.offset, path: path)
        if let locked = f.lockedBody { return try RecordCodec.decode(type, T.self, locked: locked, path: path) }
        guard let body = f.body else { throw VaultError.permissionDenied(needed: "read \(f.header.keyClass) data", role: "current") }
        return try RecordCodec.decode(type, T.self, from: body, path: path)
    }

    /// Every live record of a type that the keys can open (records of other classes are skipped).
    func records<T: Decodable>(_ type: RecordType, _ as: T.Type, keys: KeyRing?) throws -> [(subject: [UInt8], value: T)] {
        var out: [([UInt8], T)] = []
        for s in file.metaSubjects(.record) {
            guard let f = try file.readMeta(.record, subject: s, keys: keys, locked: true) else { continue }
            if let locked = f.lockedBody {
                guard RecordCodec.type(of: locked) == type else { continue }
                try FrameRules.checkRecord(type, header: f.header, version: file.header.version, offset: f.offset, path: path)
                out.append((s, try RecordCodec.decode(type, T.self, locked: locked, path: path)))
            } else if let body = f.body, RecordCodec.type(of: body) == type {
                try FrameRules.checkRecord(type, header: f.header, version: file.header.version, offset: f.offset, path: path)
                out.append((s, try RecordCodec.decode(type, T.self, from: body, path: path)))
            }
        }
        return out
    }

    /// A record's raw body (envelopes), checked against its type's rules; nil when absent.
    func encodedRecord(_ type: RecordType, subject: [UInt8]) throws -> [UInt8]? {
        guard let f = try file.readMeta(.record, subject: subject, keys: nil) else { return nil }
        guard let body = f.body, RecordCodec.type(of: body) == type else { throw VaultError.corrupt(path: path, part: "\(type) record (unexpected type)") }
        try FrameRules.checkRecord(type, header: f.header, version: file.header.version, offset: f.offset, path: path)
        return body
    }

    /// Public metadata of a kind (e.g. lockout counters), by subject.
    func publicMeta(_ kind: FrameKind, subject: [UInt8]) throws -> [UInt8]? {
        try file.readMeta(kind, subject: subject, keys: nil)?.body
    }

    /// Compacts when superseded frames outweigh live metadata by far (and the keys allow it).
    func compactIfWorthIt(keys: KeyRing) throws {
        guard keys.holdsAll(), Self.forceCompaction || (file.garbageBytes > 1 << 20 &&
              file.garbageBytes > UInt64(file.endOffset) / 2) else { return }
        // The commit before this is durable already; compaction is housekeeping. If it fails (a
        // full or failing disk), its temp file is gone and the vault is as the commit left it:
        // the command still succeeded, and a later commit tries again.
        _ = try? file.compact(keys: keys)
        // The file may have been replaced (even when only the final directory sync failed):
        // re-open our view of it.
        try reopen()
    }

    /// Test-only (debug builds): `VAULTCLI_TEST_COMPACT=always` compacts after every commit
    /// made with every key, so the crash campaign can kill compactions.
    static var forceCompaction: Bool {
        #if VAULTCLI_TESTING
        return ProcessInfo.processInfo.environment["VAULTCLI_TEST_COMPACT"] == "always"
        #else
        return false
        #endif
    }
}
