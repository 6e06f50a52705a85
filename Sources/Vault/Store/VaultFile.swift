import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The vault file: header plus an append-only log of frames (docs/FORMAT.md).
///
/// Opening reads the header, the last frame (through its trailer), the latest index frame and
/// the live metadata frames it lists: the cost does not depend on how many data records the
/// vault holds. A full scan authenticates everything.
final class VaultFile {
    // The properties without `private(set)` are set by the append and compaction extensions
    // (VaultFile+Append.swift, VaultFile+Compaction.swift) as well; nothing else sets them.
    let path: String
    let file: PosixFile
    let writable: Bool
    private(set) var header: VaultHeader
    /// End of the last committed frame. Bytes past it (a torn or uncommitted tail) are ignored
    /// and, when writable, truncated before the next append.
    var endOffset: Int
    var lastLink: [UInt8]
    var indexOffset: UInt64
    /// Live metadata frames: (kind, subject) -> (offset, length).
    var meta: [MetaKey: (offset: Int, length: Int)] = [:]
    var garbageBytes: UInt64 = 0
    /// Bytes past `endOffset` that were found on open (torn write or uncommitted batch).
    var droppedTailBytes = 0
    var droppedTailFrames = 0
    /// What open found past the last committed frame, kept for reports after a write removed it.
    private(set) var tailFoundOnOpen = (bytes: 0, frames: 0)
    /// The verification keys signed frames are checked against. On open, those the settings
    /// record names (provisional); after unlock, those the operator's own envelope pins.
    private(set) var trust: TrustAnchor?
    /// Whether `trust` came from an unlocked envelope (not just from the file's settings).
    private(set) var trustPinned = false
    /// Format v2: the audit chain's current position and key (AuditChain).
    var auditChain: AuditChain?
    var isLegacy: Bool { header.version == FormatV1.legacyVersion }

    struct MetaKey: Hashable { var kind: FrameKind; var subject: [UInt8] }

    init(path: String, file: PosixFile, writable: Bool, header: VaultHeader) {
        self.path = path; self.file = file; self.writable = writable; self.header = header
        endOffset = FormatV1.headerLength
        lastLink = header.anchorLink
        indexOffset = 0
    }

    // MARK: create

    /// Writes a new vault atomically (never replacing an existing file): header plus the
    /// first batch of frames.
    static func create(path: String, header: VaultHeader, frames: [PendingFrame], keys: KeyRing) throws {
        if FileSystem.exists(path) { throw VaultError.vaultExists(path: path) }
        try FileSystem.ensureDirectory(FileSystem.directory(of: path))
        try FileSystem.atomicWrite(path, replace: false) { f in
            let v = VaultFile(path: path, file: f, writable: true, header: header)
            if header.version != FormatV1.legacyVersion {
                guard let seed = keys.extra[KeyId.auditSeed] else { throw VaultError.permissionDenied(needed: "start the audit chain", role: "current") }
                v.auditChain = AuditChain(seq: 0, key: seed.unsafeCopyBytes())
            }
            try f.write(header.encode(), at: 0)
            try v.appendUnlocked(frames, keys: keys, sync: false)
        }
    }

    // MARK: open

    static func open(path: String, writable: Bool) throws -> VaultFile {
        let f = try PosixFile.openExisting(path, writable: writable)
        let size = try f.size()
        let hb = try f.read(count: FormatV1.headerLength, at: 0)
        let header = try VaultHeader.decode(hb, path: path)
        let v = VaultFile(path: path, file: f, writable: writable, header: header)
        try v.locateTail(fileSize: size)
        try v.loadIndex()
        try v.loadProvisionalTrust()
        return v
    }

    /// Format v2: reads the settings record, checks that it is signed by the admin key it names
    /// and that the header says the same, and trusts its keys until an unlock pins them.
    private func loadProvisionalTrust() throws {
        guard !isLegacy else { return }
        guard let e = meta[MetaKey(kind: .record, subject: VaultSettings.subject)] else {
            throw corrupt("the vault settings record is missing")
        }
        let raw = try readFrame(at: e.offset, keys: nil, verifySignature: false)
        guard raw.header.signer == .admin, let body = raw.body, let sig = raw.signature else { throw corrupt("vault settings (not signed by the admin key)") }
        let settings = try RecordCodec.decode(.vaultSettings, VaultSettings.self, from: body, path: path)
        guard let t = settings.trust else { throw corrupt("vault settings (malformed keys)") }
        trust = t
        try checkSignature(sig, header: raw.header, headerBytes: raw.headerBytes, body: body, offset: e.offset)
        guard settings.matches(header) else { throw corrupt("file header (it differs from the admin-signed settings)") }
        guard let ce = meta[MetaKey(kind: .record, subject: AuditChain.subject)],
              let body = try readFrame(at: ce.offset, keys: nil).body, let chain = AuditChain.decode(body) else {
            throw corrupt("the audit chain record is missing or malformed")
        }
        auditChain = chain
        try dropUncommittedAuditEvents(committed: chain)
    }

    /// A batch that carries audit events commits them together with the audit-chain record and
    /// a new index, after them. A batch torn after some of its events but before that index
    /// leaves whole event frames whose sequence numbers the committed chain record has not
    /// reached (seq >= its next number): they belong to the uncommitted tail, like a torn frame.
    /// (Events after the index that the chain has reached are committed: a compaction writes
    /// the index first and the events after it.)
    private func dropUncommittedAuditEvents(committed chain: AuditChain) throws {
        var end = endOffset
        var dropped = 0
        while let (off, h) = try frameEnding(at: end), h.kind == .audit, off > Int(indexOffset) {
            let p = try file.read(count: AuditChain.prefixBytes, at: off + FormatV1.frameHeaderLength)
            guard p.count == AuditChain.prefixBytes else { break }
            let seq = p.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            guard seq >= chain.seq else { break }
            end = off
            dropped += 1
        }
        guard dropped > 0 else { return }
        droppedTailFrames += dropped
        droppedTailBytes += endOffset - end
        tailFoundOnOpen = (droppedTailBytes, droppedTailFrames)
        endOffset = end
        lastLink = try file.read(count: 16, at: end - FormatV1.trailerLength - 16)
    }

    /// Pins the verification keys an unlocked envelope holds. They must be the keys the file
    /// names: a settings record signed by another key is tampering.
    func pin(_ t: TrustAnchor) throws {
        guard !isLegacy else { return }
        guard trust == t else { throw corrupt("vault settings (signed by a key your keyslot does not trust)") }
        trustPinned = true
    }

    /// Checks a frame signature against the trusted key for its signer.
    func checkSignature(_ sig: [UInt8], header h: FrameHeader, headerBytes: [UInt8], body: [UInt8], offset: Int) throws {
        guard let pk = trust?.key(for: h.signer) else { throw corrupt("signed frame at offset \(offset) (no verification key)") }
        let ok = headerBytes.withUnsafeBytes { hb in body.withUnsafeBytes { bb in
            Ed25519.verify(sig, message: FrameSignature.message(vaultId: header.vaultId, header: hb, body: bb), publicKey: pk)
        } }
        guard ok else { throw corrupt("\(describe(h.kind)) frame at offset \(offset) (signature does not verify)") }
    }

    func corrupt(_ part: String) -> VaultError { .corrupt(path: path, part: part) }

    /// Reads the frame header whose trailer ends at `end`, or nil if the trailer is not valid.
    private func frameEnding(at end: Int) throws -> (offset: Int, header: FrameHeader)? {
        guard end - FormatV1.headerLength >= FormatV1.minFrameLength else { return nil }
        let t = try file.read(count: FormatV1.trailerLength, at: end - FormatV1.trailerLength)
        guard t.count == 8, Array(t[4..<8]) == FormatV1.trailerMagic else { return nil }
        let len = Int(UInt32(t[0]) | UInt32(t[1]) << 8 | UInt32(t[2]) << 16 | UInt32(t[3]) << 24)
        guard len >= FormatV1.minFrameLength, len <= end - FormatV1.headerLength else { return nil }
        let hb = try file.read(count: FormatV1.frameHeaderLength, at: end - len)
        guard let h = try? hb.withUnsafeBytes({ try FrameHeader.decode($0) }), h.length == len else { return nil }
        return (end - len, h)
    }

    /// Finds the end of the last committed frame. Fast path: through the trailers from the end.
    /// After a crash, a forward scan tells a torn tail from damage.
    private func locateTail(fileSize: Int) throws {
        var end = fileSize
        if frameEnding(atSafely: end) == nil {
            end = try forwardScanForTail(fileSize: fileSize)
        }
        // Metadata frames after the last index (or data) frame are an uncommitted batch.
        var dropped = 0
        while let (off, h) = try frameEnding(at: end), h.kind.isMeta {
            end = off; dropped += 1
        }
        droppedTailFrames += dropped
        droppedTailBytes = fileSize - end
        tailFoundOnOpen = (droppedTailBytes, droppedTailFrames)
        guard let (lastOff, lastHeader) = try frameEnding(at: end) else {
            if end == FormatV1.headerLength { throw corrupt("the log holds no committed frame (no index)") }
            throw corrupt("frame trailer at offset \(end - 8)")
        }
        endOffset = end
        let tag = try file.read(count: 16, at: end - FormatV1.trailerLength - 16)
        lastLink = tag
        indexOffset = lastHeader.kind == .index ? UInt64(lastOff) : lastHeader.indexOffset
    }

    private func frameEnding(atSafely end: Int) -> (offset: Int, header: FrameHeader)? {
        (try? frameEnding(at: end)) ?? nil
    }

    /// Walks frame headers from the start; returns the end of the last structurally complete
    /// frame. A tail that is shorter than its frame, or all zeroes, is torn; anything else
    /// that fails its checks is damage.
    private func forwardScanForTail(fileSize: Int) throws -> Int {
        var off = FormatV1.headerLength
        var tornFrames = 0
        while off < fileSize {
            let remaining = fileSize - off
            let hb = try file.read(count: min(remaining, FormatV1.frameHeaderLength), at: off)
            if remaining < FormatV1.frameHeaderLength { tornFrames += 1; break }
            let h: FrameHeader
            do { h = try hb.withUnsafeBytes { try FrameHeader.decode($0) } } catch {
                if try isAllZero(from: off, to: fileSize) { break }
                throw corrupt("frame at offset \(off): \(error)")
            }
            if h.length > remaining { tornFrames += 1; break }
            let t = try file.read(count: 8, at: off + h.length - 8)
            let len = Int(UInt32(t[0]) | UInt32(t[1]) << 8 | UInt32(t[2]) << 16 | UInt32(t[3]) << 24)
            guard Array(t[4..<8]) == FormatV1.trailerMagic, len == h.length else {
                throw corrupt("frame trailer at offset \(off + h.length - 8)")
            }
            off += h.length
        }
        droppedTailFrames = tornFrames
        return off
    }

    private func isAllZero(from: Int, to: Int) throws -> Bool {
        var off = from
        while off < to {
            let chunk = try file.read(count: min(1 << 16, to - off), at: off)
            if chunk.contains(where: { $0 != 0 }) { return false }
            off += chunk.count
        }
        return true
    }

    private func loadIndex() throws {
        guard indexOffset >= UInt64(FormatV1.headerLength), indexOffset < UInt64(endOffset) else {
            throw corrupt("index pointer \(indexOffset) is outside the log")
        }
        let f = try readFrame(at: Int(indexOffset), keys: nil)
        guard f.header.kind == .index, let body = f.body else { throw corrupt("index frame at offset \(indexOffset)") }
        let idx: IndexBody
        do { idx = try IndexBody.decode(body) } catch { throw corrupt("index frame at offset \(indexOffset) (malformed body)") }
        meta = [:]
        for e in idx.entries {
            guard e.offset >= UInt64(FormatV1.headerLength), e.offset < indexOffset else {
                throw corrupt("index entry points outside the log (offset \(e.offset))")
            }
            let hb = try file.read(count: FormatV1.frameHeaderLength, at: Int(e.offset))
            guard hb.count == FormatV1.frameHeaderLength,
                  let h = try? hb.withUnsafeBytes({ try FrameHeader.decode($0) }),
                  h.kind == e.kind, h.subject == e.subject
            else { throw corrupt("metadata frame at offset \(e.offset) does not match the index") }
            guard !h.erased else { throw corrupt("the index lists an erased frame (offset \(e.offset)) as live") }
            meta[MetaKey(kind: e.kind, subject: e.subject)] = (Int(e.offset), h.length)
        }
        garbageBytes = idx.garbageBytes
    }
}
