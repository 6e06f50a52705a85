import Foundation

/// Typed metadata records on top of the frame log: each is a `record` frame with a subject id,
/// superseded by the next frame with the same subject.
extension Vault {
    /// A change to apply in one atomic append (one write, one fsync).
    public struct Change {
        var frames: [PendingFrame] = []
        var removals: [(FrameKind, [UInt8])] = []
        public init() {}

        /// Writes (or replaces) a record.
        mutating func put<T: Encodable>(_ type: RecordType, subject: [UInt8], keyClass: KeyClass, _ value: T) throws {
            frames.append(PendingFrame(kind: .record, keyClass: keyClass, subject: subject, body: try RecordCodec.encode(type, value)))
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
        let ordered = change.frames.filter { !$0.kind.isMeta } + change.frames.filter { $0.kind.isMeta }
        try file.append(ordered, removing: change.removals, keys: keys)
        try compactIfWorthIt(keys: keys)
    }

    /// Reads one record; nil when absent. Throws permissionDenied when the keys do not open it.
    func record<T: Decodable>(_ type: RecordType, _ as: T.Type, subject: [UInt8], keys: KeyRing?) throws -> T? {
        guard let f = try file.readMeta(.record, subject: subject, keys: keys) else { return nil }
        guard let body = f.body else { throw VaultError.permissionDenied(needed: "read \(f.header.keyClass) data", role: "current") }
        return try RecordCodec.decode(type, T.self, from: body, path: path)
    }

    /// Every live record of a type that the keys can open (records of other classes are skipped).
    func records<T: Decodable>(_ type: RecordType, _ as: T.Type, keys: KeyRing?) throws -> [(subject: [UInt8], value: T)] {
        var out: [([UInt8], T)] = []
        for s in file.metaSubjects(.record) {
            guard let f = try file.readMeta(.record, subject: s, keys: keys), let body = f.body,
                  RecordCodec.type(of: body) == type else { continue }
            out.append((s, try RecordCodec.decode(type, T.self, from: body, path: path)))
        }
        return out
    }

    /// Public metadata of a kind (e.g. lockout counters), by subject.
    func publicMeta(_ kind: FrameKind, subject: [UInt8]) throws -> [UInt8]? {
        try file.readMeta(kind, subject: subject, keys: nil)?.body
    }

    /// Compacts when superseded frames outweigh live metadata by far (and the keys allow it).
    func compactIfWorthIt(keys: KeyRing) throws {
        guard keys.holdsAll(), file.garbageBytes > 1 << 20,
              file.garbageBytes > UInt64(file.endOffset) / 2 else { return }
        _ = try file.compact(keys: keys)
        // The file was replaced: re-open our view of it.
        try reopen()
    }
}
