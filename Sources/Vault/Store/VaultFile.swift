import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The data keys a session holds, by class, plus the audit secret key when the role has it.
public final class KeyRing: @unchecked Sendable {
    var keys: [KeyClass: SecretBytes] = [:]
    var auditSecretKey: SecretBytes?
    /// Other keys a slot can carry, by payload id (17: the operator's personal key).
    var extra: [UInt8: SecretBytes] = [:]

    init() {}

    func key(_ c: KeyClass) -> SecretBytes? { keys[c] }
    public var classes: [KeyClass] { keys.keys.sorted() }
    func holdsAll() -> Bool { keys[.shared] != nil && keys[.manager] != nil && keys[.admin] != nil }
}

/// A frame to append.
struct PendingFrame {
    var kind: FrameKind
    var keyClass: KeyClass
    var subject: [UInt8] = FrameHeader.zeroSubject
    var body: [UInt8]
    /// Format v2: the signing key that vouches for the body (A.10).
    var signer: Signer = .none
    /// For `.sealed`: the body is already a sealed box (compaction copies it as it is).
    var preSealed = false
    /// An unsigned record of an AEAD class (accounts, key copies: they may hold secrets): the
    /// plaintext, built in locked memory and sealed from there; `body` is then empty.
    var lockedBody: SecretBytes? = nil

    var bodyCount: Int { lockedBody?.count ?? body.count }
}

extension PendingFrame {
    /// A record whose plaintext is in locked memory (never signed: FrameRules).
    init(kind: FrameKind, keyClass: KeyClass, subject: [UInt8], lockedBody: SecretBytes) {
        precondition(keyClass.isAEAD, "a locked body is sealed under a data key")
        self.init(kind: kind, keyClass: keyClass, subject: subject, body: [], lockedBody: lockedBody)
    }
}

/// One frame as read back, authenticated.
struct OpenedFrame {
    var offset: Int
    var header: FrameHeader
    /// The plaintext body (without its signature); nil when the reader holds no key for its class.
    var body: [UInt8]?
    /// A record read with `locked` (unsigned, AEAD class): the plaintext, decrypted straight into
    /// locked memory, instead of `body`.
    var lockedBody: SecretBytes? = nil
    /// For signed frames: the signature, already checked unless the read asked otherwise.
    var signature: [UInt8]? = nil
    var headerBytes: [UInt8] = []
}

/// What a full scan found.
public struct ScanReport: Sendable {
    public var frames = 0
    public var framesByKind: [String: Int] = [:]
    public var verifiedFrames = 0
    /// Frames whose class the reader holds no key for: structure and chain checked, contents not.
    public var unverifiableFrames = 0
    public var bytes = 0
    public var tornTailBytes = 0
    public var uncommittedFrames = 0
    /// What the scan noticed that is not damage (the CLI words each note in the user's language).
    public var notes: [ScanNote] = []
    /// The notes in the library's English (`verify --json` prints them as they are).
    public var problems: [String] { notes.map(\.english) }
}

/// Something a scan noticed that is not damage.
public enum ScanNote: Equatable, Sendable {
    /// An interrupted write left `bytes` bytes (`frames` incomplete frames) after the last
    /// complete frame: no acknowledged data, ignored, removed by the next write.
    case interruptedWrite(bytes: Int, frames: Int)

    public var english: String {
        switch self {
        case .interruptedWrite(let b, let f):
            "an interrupted write left \(b) bytes (\(f) incomplete frame(s)) after the last complete one; they held no acknowledged data and are ignored (the next write removes them)"
        }
    }
}

/// The vault file: header plus an append-only log of frames (docs/FORMAT.md).
///
/// Opening reads the header, the last frame (through its trailer), the latest index frame and
/// the live metadata frames it lists: the cost does not depend on how many data records the
/// vault holds. A full scan authenticates everything.
final class VaultFile {
    let path: String
    let file: PosixFile
    let writable: Bool
    private(set) var header: VaultHeader
    /// End of the last committed frame. Bytes past it (a torn or uncommitted tail) are ignored
    /// and, when writable, truncated before the next append.
    private(set) var endOffset: Int
    private(set) var lastLink: [UInt8]
    private(set) var indexOffset: UInt64
    /// Live metadata frames: (kind, subject) -> (offset, length).
    private(set) var meta: [MetaKey: (offset: Int, length: Int)] = [:]
    private(set) var garbageBytes: UInt64 = 0
    /// Bytes past `endOffset` that were found on open (torn write or uncommitted batch).
    private(set) var droppedTailBytes = 0
    private(set) var droppedTailFrames = 0
    /// What open found past the last committed frame, kept for reports after a write removed it.
    private(set) var tailFoundOnOpen = (bytes: 0, frames: 0)
    /// The verification keys signed frames are checked against. On open, those the settings
    /// record names (provisional); after unlock, those the operator's own envelope pins.
    private(set) var trust: TrustAnchor?
    /// Whether `trust` came from an unlocked envelope (not just from the file's settings).
    private(set) var trustPinned = false
    /// Format v2: the audit chain's current position and key (AuditChain).
    private(set) var auditChain: AuditChain?
    var isLegacy: Bool { header.version == FormatV1.legacyVersion }

    struct MetaKey: Hashable { var kind: FrameKind; var subject: [UInt8] }

    private init(path: String, file: PosixFile, writable: Bool, header: VaultHeader) {
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

    private func corrupt(_ part: String) -> VaultError { .corrupt(path: path, part: part) }

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

    // MARK: read

    /// Reads and authenticates one frame. `keys == nil` reads public frames only. A signed
    /// frame's signature is checked against the trusted key (unless `verifySignature` is false,
    /// which only the settings bootstrap uses) and removed from the body.
    /// With `locked`, an unsigned record frame of an AEAD class (the types that may hold secrets:
    /// accounts, key copies) is decrypted straight into locked memory (`lockedBody`).
    func readFrame(at offset: Int, keys: KeyRing?, verifySignature: Bool = true, locked: Bool = false) throws -> OpenedFrame {
        let hb = try file.read(count: FormatV1.frameHeaderLength, at: offset)
        guard hb.count == FormatV1.frameHeaderLength else { throw corrupt("frame at offset \(offset) is cut short") }
        let h: FrameHeader
        do { h = try hb.withUnsafeBytes { try FrameHeader.decode($0) } } catch { throw corrupt("frame at offset \(offset): \(error)") }
        guard offset + h.length <= endOffset else { throw corrupt("frame at offset \(offset) runs past the log") }
        guard !h.erased else { throw corrupt("frame at offset \(offset) was erased but is read as live") }
        let all = try file.read(count: h.length, at: offset)
        guard all.count == h.length else { throw corrupt("frame at offset \(offset) is cut short") }
        if locked && h.kind == .record && h.keyClass.isAEAD && h.signer == .none {
            let plain = try all.withUnsafeBytes { try openBodyLocked($0, header: h, offset: offset, keys: keys) }
            return OpenedFrame(offset: offset, header: h, body: nil, lockedBody: plain, headerBytes: hb)
        }
        var f = try all.withUnsafeBytes { p in
            let body = try openBody(p, header: h, offset: offset, keys: keys)
            return OpenedFrame(offset: offset, header: h, body: body, headerBytes: hb)
        }
        if h.signer != .none, let plain = f.body {
            guard plain.count >= Ed25519.signatureBytes else { throw corrupt("signed frame at offset \(offset) (too short for its signature)") }
            let sig = Array(plain[(plain.count - Ed25519.signatureBytes)...])
            let body = Array(plain[..<(plain.count - Ed25519.signatureBytes)])
            if verifySignature { try checkSignature(sig, header: h, headerBytes: hb, body: body, offset: offset) }
            f.body = body
            f.signature = sig
        }
        return f
    }

    /// Authenticates a whole frame (header already decoded) and returns its plaintext, or nil
    /// when no key for its class is held (AEAD classes) or for sealed events without the audit key.
    private func openBody(_ p: UnsafeRawBufferPointer, header h: FrameHeader, offset: Int, keys: KeyRing?) throws -> [UInt8]? {
        let L = h.length
        guard Array(p[(L - 4)..<L]) == FormatV1.trailerMagic, Int(readLE32(p.baseAddress!, L - 8)) == L else {
            throw corrupt("frame trailer at offset \(offset + L - 8)")
        }
        let hdr = UnsafeRawBufferPointer(rebasing: p[0..<FormatV1.frameHeaderLength])
        let payloadEnd = L - FormatV1.trailerLength - 16
        switch h.keyClass {
        case .none, .sealed:
            let tag = Hash.blake2b(UnsafeRawBufferPointer(rebasing: p[0..<payloadEnd]), length: 16)
            guard tag.elementsEqual(p[payloadEnd..<(payloadEnd + 16)]) else {
                throw corrupt("\(describe(h.kind)) frame at offset \(offset) (checksum mismatch)")
            }
            let payload = Array(p[FormatV1.frameHeaderLength..<payloadEnd])
            if h.keyClass == .none { return payload }
            guard let sk = keys?.auditSecretKey else { return nil }
            do { return try SealedBox.open(try sealedBox(payload[...], offset: offset), publicKey: header.auditPublicKey, secretKey: sk) } catch let e as VaultError { throw e } catch {
                throw corrupt("\(describe(h.kind)) frame at offset \(offset) (sealed box does not open)")
            }
        case .shared, .manager, .admin:
            guard let key = keys?.key(h.keyClass) else { return nil }
            if h.kind == .record && h.signer == .none { TestProbe.record("plaintext ordinary record at=\(offset)") }
            let nonceAt = FormatV1.frameHeaderLength
            let ctStart = nonceAt + XChaCha20Poly1305.nonceBytes
            let ctEnd = L - FormatV1.trailerLength
            var out = [UInt8](repeating: 0, count: ctEnd - ctStart - 16)
            let ok = out.withUnsafeMutableBytes { o in
                XChaCha20Poly1305.openRaw(out: o.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                          nonce: (p.baseAddress! + nonceAt).assumingMemoryBound(to: UInt8.self),
                                          ciphertext: UnsafeRawBufferPointer(rebasing: p[ctStart..<ctEnd]), key: key, ad: hdr)
            }
            guard ok else { throw corrupt("\(describe(h.kind)) frame at offset \(offset) (authentication failed)") }
            return out
        }
    }

    /// An AEAD-class frame's plaintext, decrypted straight into locked memory; nil when no key
    /// for its class is held.
    private func openBodyLocked(_ p: UnsafeRawBufferPointer, header h: FrameHeader, offset: Int, keys: KeyRing?) throws -> SecretBytes? {
        let L = h.length
        guard Array(p[(L - 4)..<L]) == FormatV1.trailerMagic, Int(readLE32(p.baseAddress!, L - 8)) == L else {
            throw corrupt("frame trailer at offset \(offset + L - 8)")
        }
        guard let key = keys?.key(h.keyClass) else { return nil }
        let hdr = UnsafeRawBufferPointer(rebasing: p[0..<FormatV1.frameHeaderLength])
        let nonceAt = FormatV1.frameHeaderLength
        let ctStart = nonceAt + XChaCha20Poly1305.nonceBytes
        let ctEnd = L - FormatV1.trailerLength
        var ok = false
        let out = try SecretBytes(count: ctEnd - ctStart - 16) { o in
            ok = XChaCha20Poly1305.openRaw(out: o.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                           nonce: (p.baseAddress! + nonceAt).assumingMemoryBound(to: UInt8.self),
                                           ciphertext: UnsafeRawBufferPointer(rebasing: p[ctStart..<ctEnd]), key: key, ad: hdr)
        }
        guard ok else { throw corrupt("\(describe(h.kind)) frame at offset \(offset) (authentication failed)") }
        TestProbe.record("plaintext locked record at=\(offset)")
        return out
    }

    /// The sealed box inside an audit payload: the whole payload in v1, between the sequence
    /// number and the MAC in v2.
    private func sealedBox(_ payload: ArraySlice<UInt8>, offset: Int) throws -> [UInt8] {
        if isLegacy { return Array(payload) }
        guard let (_, box, _) = AuditChain.split(payload) else { throw corrupt("audit event frame at offset \(offset) (too short)") }
        return Array(box)
    }

    private func describe(_ k: FrameKind) -> String {
        switch k {
        case .index: "index"
        case .slot: "keyslot"
        case .record: "record"
        case .data: "data"
        case .audit: "audit event"
        case .lockout: "lockout counter"
        }
    }

    /// Reads a live metadata frame. A signed frame must also sit where it was signed: its
    /// previous link (covered by the signature) must be the tag of the frame just before it, so
    /// a signed frame copied from an older copy of the file is refused without a full scan.
    func readMeta(_ kind: FrameKind, subject: [UInt8], keys: KeyRing?, locked: Bool = false) throws -> OpenedFrame? {
        guard let e = meta[MetaKey(kind: kind, subject: subject)] else { return nil }
        let f = try readFrame(at: e.offset, keys: keys, locked: locked)
        guard f.header.kind == kind, f.header.subject == subject else { throw corrupt("metadata frame at offset \(e.offset) does not match the index") }
        if f.header.signer != .none {
            let before = e.offset == FormatV1.headerLength ? header.anchorLink
                : try file.read(count: 16, at: e.offset - FormatV1.trailerLength - 16)
            guard before == f.header.prevLink else {
                throw corrupt("signed \(describe(kind)) frame at offset \(e.offset) (not where it was signed: copied from another file or an older copy)")
            }
        }
        return f
    }

    /// Subjects of the live metadata frames of a kind.
    func metaSubjects(_ kind: FrameKind) -> [[UInt8]] {
        meta.keys.filter { $0.kind == kind }.map(\.subject).sorted { $0.lexicographicallyPrecedes($1) }
    }

    // MARK: scan

    /// Reads every committed frame in order, checking structure, the chain of links, the index
    /// frames against the metadata they list, and authenticating every body the keys allow.
    /// `visit` gets each frame's plaintext (nil when not held) through a buffer valid only
    /// during the call. Throws `corrupt` at the first failure.
    func scan(keys: KeyRing?, visit: (FrameHeader, Int, UnsafeRawBufferPointer?) throws -> Void = { _, _, _ in },
              progress: ((Int) -> Void)? = nil) throws -> ScanReport {
        var report = ScanReport()
        var link = header.anchorLink
        var off = FormatV1.headerLength
        let chunkSize = 8 << 20
        var buf = [UInt8](repeating: 0, count: chunkSize)
        var bufStart = off, bufLen = 0
        var plain = [UInt8](repeating: 0, count: 1 << 16)
        defer { wipe(&plain) }
        // Record frames' plaintexts (accounts, key copies: they may hold secrets) go to locked
        // memory instead, wiped when the scan ends; data frames (transactions) use `plain`.
        var lockedPlain: SecretBytes? = nil
        var metaSeen: [Int: MetaKey] = [:]
        var erasedSeen: [Int: MetaKey] = [:]
        // With the audit seed (admins), every event's MAC is checked along the chain.
        var expected: AuditChain? = (isLegacy ? nil : keys?.extra[KeyId.auditSeed]).map { AuditChain(seq: 0, key: $0.unsafeCopyBytes()) }
        var lastIndex = 0
        /// Checks a record's class/signer rules and a signed frame's signature, then visits the
        /// body without its signature.
        func deliver(_ h: FrameHeader, _ off: Int, _ hdr: UnsafeRawBufferPointer, _ plain: UnsafeRawBufferPointer?) throws {
            guard let plain else { try visit(h, off, nil); return }
            var body = plain
            if h.signer != .none {
                guard plain.count >= Ed25519.signatureBytes else { throw corrupt("signed frame at offset \(off) (too short for its signature)") }
                body = UnsafeRawBufferPointer(rebasing: plain[0..<(plain.count - Ed25519.signatureBytes)])
                try checkSignature(Array(plain[(plain.count - Ed25519.signatureBytes)...]), header: h, headerBytes: Array(hdr), body: Array(body), offset: off)
            }
            if h.kind == .record {
                guard body.count >= 2, let t = RecordType(rawValue: UInt16(body[0]) | UInt16(body[1]) << 8) else {
                    throw corrupt("record at offset \(off) (unknown record type)")
                }
                try FrameRules.checkRecord(t, header: h, version: header.version, offset: off, path: path)
            }
            try visit(h, off, body)
        }
        while off < endOffset {
            // Make sure the frame header is in the buffer.
            if off + FormatV1.frameHeaderLength > bufStart + bufLen {
                progress?(off)
                bufStart = off
                bufLen = try buf.withUnsafeMutableBytes { try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<min(chunkSize, endOffset - off)]), at: off) }
            }
            guard off + FormatV1.frameHeaderLength <= bufStart + bufLen else { throw corrupt("frame at offset \(off) is cut short") }
            let h: FrameHeader
            do { h = try buf.withUnsafeBytes { try FrameHeader.decode(UnsafeRawBufferPointer(rebasing: $0[(off - bufStart)...])) } } catch {
                throw corrupt("frame at offset \(off): \(error)")
            }
            guard off + h.length <= endOffset else { throw corrupt("frame at offset \(off) runs past the log") }
            if off + h.length > bufStart + bufLen {
                if h.length > chunkSize { buf = [UInt8](repeating: 0, count: h.length) }
                bufStart = off
                let cap = buf.count
                bufLen = try buf.withUnsafeMutableBytes { try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<min(cap, endOffset - off)]), at: off) }
                guard off + h.length <= bufStart + bufLen else { throw corrupt("frame at offset \(off) is cut short") }
            }
            guard h.prevLink == link else {
                throw corrupt("chain broken at frame offset \(off): a frame before it was removed, reordered or changed")
            }
            if h.erased {
                erasedSeen[off] = MetaKey(kind: h.kind, subject: h.subject)
            } else if h.kind.isMeta {
                metaSeen[off] = MetaKey(kind: h.kind, subject: h.subject)
            }
            // Every frame points to the latest index written before it (0 before the first).
            guard h.indexOffset == UInt64(lastIndex) else {
                throw corrupt("frame at offset \(off) points to index \(h.indexOffset), expected \(lastIndex)")
            }
            let L = h.length
            try buf.withUnsafeBytes { whole in
                let p = UnsafeRawBufferPointer(rebasing: whole[(off - bufStart)..<(off - bufStart + L)])
                guard Array(p[(L - 4)..<L]) == FormatV1.trailerMagic, Int(readLE32(p.baseAddress!, L - 8)) == L else {
                    throw corrupt("frame trailer at offset \(off + L - 8)")
                }
                let payloadEnd = L - FormatV1.trailerLength - 16
                let hdr = UnsafeRawBufferPointer(rebasing: p[0..<FormatV1.frameHeaderLength])
                if h.erased {
                    // Only its place in the chain is left: the body is zeros by design.
                    link = Array(p[payloadEnd..<(payloadEnd + 16)])
                    report.verifiedFrames += 1
                    return
                }
                var verified = false
                var plainView: UnsafeRawBufferPointer? = nil
                switch h.keyClass {
                case .none, .sealed:
                    let tag = Hash.blake2b(UnsafeRawBufferPointer(rebasing: p[0..<payloadEnd]), length: 16)
                    guard tag.elementsEqual(p[payloadEnd..<(payloadEnd + 16)]) else {
                        throw corrupt("\(describe(h.kind)) frame at offset \(off) (checksum mismatch)")
                    }
                    verified = true
                    if h.keyClass == .none {
                        plainView = UnsafeRawBufferPointer(rebasing: p[FormatV1.frameHeaderLength..<payloadEnd])
                    }
                    if h.kind == .index {
                        let idx: IndexBody
                        do { idx = try IndexBody.decode(Array(p[FormatV1.frameHeaderLength..<payloadEnd])) } catch {
                            throw corrupt("index frame at offset \(off) (malformed body)")
                        }
                        for e in idx.entries {
                            // A frame erased later was live when an earlier index listed it.
                            if off != Int(indexOffset), let er = erasedSeen[Int(e.offset)], er.kind == e.kind, er.subject == e.subject { continue }
                            guard let seen = metaSeen[Int(e.offset)], seen.kind == e.kind, seen.subject == e.subject else {
                                throw corrupt("index frame at offset \(off) lists a metadata frame that is not there (offset \(e.offset))")
                            }
                        }
                    }
                case .shared, .manager, .admin:
                    if let key = keys?.key(h.keyClass) {
                        let nonceAt = FormatV1.frameHeaderLength
                        let ctStart = nonceAt + XChaCha20Poly1305.nonceBytes
                        let ctEnd = L - FormatV1.trailerLength
                        let n = ctEnd - ctStart - 16
                        func open(_ o: UnsafeMutableRawBufferPointer) -> Bool {
                            XChaCha20Poly1305.openRaw(out: o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                                      nonce: (p.baseAddress! + nonceAt).assumingMemoryBound(to: UInt8.self),
                                                      ciphertext: UnsafeRawBufferPointer(rebasing: p[ctStart..<ctEnd]), key: key,
                                                      ad: UnsafeRawBufferPointer(rebasing: p[0..<FormatV1.frameHeaderLength]))
                        }
                        if h.kind == .record {
                            if (lockedPlain?.count ?? -1) < n { lockedPlain = try SecretBytes(count: Swift.max(n, 4096)) }
                            let lp = lockedPlain!
                            guard lp.withUnsafeMutableBytes(open) else { throw corrupt("\(describe(h.kind)) frame at offset \(off) (authentication failed)") }
                            TestProbe.record("plaintext locked record at=\(off) scan")
                            verified = true
                            try lp.withUnsafeBytes { try deliver(h, off, hdr, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                        } else {
                            if plain.count < n { plain = [UInt8](repeating: 0, count: n) }
                            guard plain.withUnsafeMutableBytes(open) else { throw corrupt("\(describe(h.kind)) frame at offset \(off) (authentication failed)") }
                            verified = true
                            try plain.withUnsafeBytes { try deliver(h, off, hdr, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                        }
                        link = Array(p[payloadEnd..<(payloadEnd + 16)])
                        report.verifiedFrames += 1
                        return
                    }
                }
                if h.kind == .audit, var ex = expected {
                    guard let (seq, box, mac) = AuditChain.split(Array(p[FormatV1.frameHeaderLength..<payloadEnd])[...]), seq == ex.seq,
                          HMACSHA256.verify(tag: Array(mac), key: ex.key, message: Array("vaultcli v2 audit".utf8) + header.vaultId + u64LE(seq) + Array(box)) else {
                        throw corrupt("audit event frame at offset \(off) (its place in the audit chain does not verify: an event before it was removed or changed, or it was forged)")
                    }
                    ex = ex.next
                    expected = ex
                }
                if verified { report.verifiedFrames += 1 } else { report.unverifiableFrames += 1 }
                link = Array(p[payloadEnd..<(payloadEnd + 16)])
                do {
                    if h.keyClass == .sealed, let sk = keys?.auditSecretKey {
                        var opened: [UInt8]
                        do { opened = try SealedBox.open(try sealedBox(Array(p[FormatV1.frameHeaderLength..<payloadEnd])[...], offset: off), publicKey: header.auditPublicKey, secretKey: sk) } catch let e as VaultError { throw e } catch {
                            throw corrupt("audit event frame at offset \(off) (sealed box does not open)")
                        }
                        defer { wipe(&opened) }
                        try opened.withUnsafeBytes { try visit(h, off, $0) }
                    } else {
                        try deliver(h, off, hdr, plainView)
                    }
                }
            }
            if h.kind == .index { lastIndex = off }
            report.frames += 1
            report.framesByKind[describe(h.kind), default: 0] += 1
            off += L
        }
        if lastIndex != Int(indexOffset) { throw corrupt("the latest index frame is not the one the log points to") }
        if let expected, expected != auditChain {
            throw corrupt("audit chain (the vault says \(auditChain?.seq ?? 0) events were written, \(expected.seq) are there: events were removed from the end)")
        }
        report.bytes = endOffset
        report.tornTailBytes = tailFoundOnOpen.bytes
        report.uncommittedFrames = tailFoundOnOpen.frames
        return report
    }

    // MARK: append

    /// Appends frames (and, when any are metadata, a new index) with one write and one fsync.
    /// The caller holds the exclusive lock. A torn or uncommitted tail is truncated first.
    func append(_ frames: [PendingFrame], removing: [(FrameKind, [UInt8])] = [], keys: KeyRing) throws {
        precondition(writable)
        if droppedTailBytes > 0 {
            try file.truncate(to: endOffset)
            try file.sync()
            droppedTailBytes = 0
            droppedTailFrames = 0
        }
        try appendUnlocked(frames, removing: removing, keys: keys, sync: true)
    }

    private func appendUnlocked(_ frames: [PendingFrame], removing: [(FrameKind, [UInt8])] = [], keys: KeyRing, sync: Bool) throws {
        var out: [UInt8] = []
        out.reserveCapacity(frames.reduce(0) { $0 + $1.bodyCount + 160 } + 256 + meta.count * 25)
        var link = lastLink
        var newMeta = meta
        var garbage = garbageBytes
        var metaChanged = !removing.isEmpty
        var superseded: [(offset: Int, length: Int)] = []
        var chain = auditChain
        for (k, s) in removing {
            if let old = newMeta.removeValue(forKey: MetaKey(kind: k, subject: s)) { garbage += UInt64(old.length); superseded.append(old) }
        }
        var frames = frames
        if !isLegacy && frames.contains(where: { $0.kind == .audit && !$0.preSealed }) {
            // The events advance the audit chain; its new position is committed with them.
            for i in frames.indices where frames[i].kind == .audit && !frames[i].preSealed {
                guard let c = chain else { throw corrupt("the audit chain record is missing") }
                let box = try SealedBox.seal(frames[i].body, to: header.auditPublicKey)
                frames[i].body = u64LE(c.seq) + box + c.mac(vaultId: header.vaultId, box: box)
                frames[i].preSealed = true
                chain = c.next
            }
            frames.append(PendingFrame(kind: .record, keyClass: .none, subject: AuditChain.subject, body: chain!.encode()))
        }
        for f in frames {
            let off = endOffset + out.count
            let bytes = try sealFrame(f, prevLink: link, indexOffset: indexOffset, keys: keys)
            link = Array(bytes[(bytes.count - FormatV1.trailerLength - 16)..<(bytes.count - FormatV1.trailerLength)])
            if f.kind.isMeta {
                metaChanged = true
                let key = MetaKey(kind: f.kind, subject: f.subject)
                if let old = newMeta[key] {
                    garbage += UInt64(old.length)
                    if old.offset < endOffset { superseded.append(old) }
                }
                newMeta[key] = (off, bytes.count)
            }
            out += bytes
        }
        var newIndexOffset = indexOffset
        if metaChanged || indexOffset == 0 {
            if indexOffset != 0, let oldIdx = try? frameLength(at: Int(indexOffset)) { garbage += UInt64(oldIdx) }
            let entries = newMeta.map { IndexBody.Entry(kind: $0.key.kind, subject: $0.key.subject, offset: UInt64($0.value.offset)) }
                .sorted { ($0.offset) < ($1.offset) }
            let body = IndexBody(entries: entries, garbageBytes: garbage).encode()
            let off = endOffset + out.count
            let bytes = try sealFrame(PendingFrame(kind: .index, keyClass: .none, body: body), prevLink: link, indexOffset: indexOffset, keys: keys)
            link = Array(bytes[(bytes.count - FormatV1.trailerLength - 16)..<(bytes.count - FormatV1.trailerLength)])
            out += bytes
            newIndexOffset = UInt64(off)
        }
        do {
            try file.write(out, at: endOffset)
            if sync { try file.sync() }
        } catch {
            // A failed append (a full or failing disk) leaves no torn tail behind: the file goes
            // back to its last good length. (On the vault itself only; a rewrite's temp file is
            // removed whole.) If even that fails, the next open finds the torn tail.
            if sync { _ = try? file.truncate(to: endOffset); _ = try? file.sync() }
            throw error
        }
        endOffset += out.count
        lastLink = link
        auditChain = chain
        meta = newMeta
        garbageBytes = garbage
        indexOffset = newIndexOffset
        if !isLegacy && !superseded.isEmpty {
            // Only once the new index is durable. A crash between the two syncs leaves the old
            // frames superseded (never read again) until the next compaction drops them.
            do {
                try erase(superseded)
                if sync { try file.sync() }
            } catch VaultError.io(_, _, let e) {
                throw VaultError.savedButNotErased(path: path, errno: e)
            }
        }
    }

    private func frameLength(at offset: Int) throws -> Int {
        let hb = try file.read(count: FormatV1.frameHeaderLength, at: offset)
        return try hb.withUnsafeBytes { try FrameHeader.decode($0) }.length
    }

    /// Encodes and seals one frame. A signed frame's plaintext is the body followed by its
    /// Ed25519 signature (A.10), then sealed by its key class as any other.
    func sealFrame(_ f: PendingFrame, prevLink: [UInt8], indexOffset: UInt64, keys: KeyRing) throws -> [UInt8] {
        let sigLen = f.signer == .none ? 0 : Ed25519.signatureBytes
        let plainLen = f.bodyCount + sigLen
        let bodyLen: Int
        switch f.keyClass {
        case .none: bodyLen = plainLen + 16
        case .shared, .manager, .admin: bodyLen = FormatV1.aeadOverhead + plainLen
        case .sealed: bodyLen = -1
        }
        var sealedPayload: [UInt8] = []
        if f.keyClass == .sealed {
            sealedPayload = f.preSealed ? f.body : try SealedBox.seal(f.body, to: header.auditPublicKey)
        }
        let length = FormatV1.frameHeaderLength + (bodyLen >= 0 ? bodyLen : sealedPayload.count + 16) + FormatV1.trailerLength
        guard length <= FormatV1.maxFrameLength else { throw VaultError.tooLarge(what: "a record of \(f.bodyCount) bytes") }
        if f.signer != .none && isLegacy { throw VaultError.unsupportedVersion(found: Int(header.version), supported: Int(FormatV1.version)) }
        let h = FrameHeader(length: length, kind: f.kind, keyClass: f.keyClass, signer: f.signer, indexOffset: indexOffset, prevLink: prevLink, subject: f.subject).encode()
        var plain = f.body
        if f.signer != .none {
            guard let sk = keys.signingKey(f.signer) else {
                throw VaultError.permissionDenied(needed: "sign as \(f.signer == .admin ? "an admin" : "a manager")", role: "current operator's")
            }
            let msg = h.withUnsafeBytes { hb in f.body.withUnsafeBytes { bb in FrameSignature.message(vaultId: header.vaultId, header: hb, body: bb) } }
            plain += try Ed25519.sign(msg, secretKey: sk)
        }
        var out = h
        out.reserveCapacity(length)
        switch f.keyClass {
        case .shared, .manager, .admin:
            guard let key = keys.key(f.keyClass) else {
                throw VaultError.permissionDenied(needed: "write \(f.keyClass) data", role: "current operator's")
            }
            if let lb = f.lockedBody {
                precondition(f.signer == .none, "a locked body is never signed")
                TestProbe.record("seal locked record type=\(lb.withUnsafeBytes { $0.count >= 2 ? Int($0[0]) | Int($0[1]) << 8 : -1 })")
                out += try lb.withUnsafeBytes { try XChaCha20Poly1305.seal($0, key: key, ad: h) }
            } else {
                if f.kind == .record && f.signer == .none {
                    TestProbe.record("seal ordinary record type=\(RecordCodec.type(of: f.body).map { Int($0.rawValue) } ?? -1)")
                }
                out += try XChaCha20Poly1305.seal(plain, key: key, ad: h)
            }
        case .none:
            out += plain
            out += Hash.blake2b(out, length: 16)
        case .sealed:
            out += sealedPayload
            out += Hash.blake2b(out, length: 16)
        }
        var w = ByteWriter(capacity: 8)
        w.u32(UInt32(length)); w.raw(FormatV1.trailerMagic)
        out += w.bytes
        assert(out.count == length)
        return out
    }

    /// Erases superseded metadata frames in place (format v2): the signer byte becomes the
    /// erased marker and the body becomes zeros, while the header, the tag (this frame's link)
    /// and the trailer stay, so the chain still holds. A revoked keyslot is then gone from the
    /// file, not just from the index. The caller syncs.
    private func erase(_ frames: [(offset: Int, length: Int)]) throws {
        for (off, len) in frames {
            let hb = try file.read(count: FormatV1.frameHeaderLength, at: off)
            guard var h = try? hb.withUnsafeBytes({ try FrameHeader.decode($0) }), h.length == len, h.kind.isMeta else {
                throw corrupt("frame at offset \(off) (cannot be erased: it is not the superseded frame the index named)")
            }
            if h.erased { continue }
            h.erased = true
            try file.write(h.encode(), at: off)
            let bodyLen = len - FormatV1.frameHeaderLength - FormatV1.trailerLength - 16
            if bodyLen > 0 { try file.write([UInt8](repeating: 0, count: bodyLen), at: off + FormatV1.frameHeaderLength) }
        }
    }

    // MARK: compaction

    /// Rewrites the vault without superseded frames, atomically (temp file, fsync, rename, fsync
    /// of the directory). Needs every data key, since each kept frame is re-sealed into the new
    /// chain. Returns the bytes reclaimed.
    func compact(keys: KeyRing) throws -> Int {
        try rewrite(keys: keys)
    }

    /// Writes the vault anew, atomically: the header, the live metadata in one batch (with
    /// `replacing` applied: a frame for a (kind, subject), or nil to drop it), then every data
    /// and audit frame in order, re-sealed into the new chain. With `rotateTo`, everything is
    /// sealed under those new keys (audit events re-sealed to the new audit key) behind the new
    /// header: the old keys then open nothing in the file. Returns the bytes reclaimed.
    /// Wipes the plaintexts of frames once sealed (transactions and audit events re-sealed by a
    /// rewrite: they hold no secret, but they are not left in freed memory either).
    private func wipeBodies(_ frames: inout [PendingFrame]) {
        for i in frames.indices where !frames[i].preSealed { wipe(&frames[i].body) }
        frames.removeAll(keepingCapacity: true)
    }

    func rewrite(keys: KeyRing, rotateTo: (header: VaultHeader, keys: KeyRing)? = nil, replacing: [MetaKey: PendingFrame?] = [:],
                 appending: [PendingFrame] = [], progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        guard keys.holdsAll() else { throw VaultError.permissionDenied(needed: "compact the vault", role: "current") }
        let before = endOffset
        var bytesOut = 0
        TestProbe.record("rewrite\(rotateTo == nil ? "" : " rotate")")
        let newHeader = rotateTo?.header ?? header
        let sealKeys = rotateTo?.keys ?? keys
        try FileSystem.atomicWrite(path, replace: true) { f in
            let nv = VaultFile(path: path, file: f, writable: true, header: newHeader)
            var replacing = replacing
            if let rk = rotateTo?.keys {
                // New keys, new audit chain: every event is re-sealed and re-MACed from the new seed.
                guard let seed = rk.extra[KeyId.auditSeed] else { throw VaultError.permissionDenied(needed: "start the audit chain", role: "current") }
                nv.auditChain = AuditChain(seq: 0, key: seed.unsafeCopyBytes())
                replacing[MetaKey(kind: .record, subject: AuditChain.subject)] = .some(nil)
            } else {
                nv.auditChain = auditChain
            }
            try f.write(newHeader.encode(), at: 0)
            // First the live metadata, in one batch (one index frame).
            var metaFrames: [PendingFrame] = []
            for (key, e) in meta.sorted(by: { $0.value.offset < $1.value.offset }) {
                if let r = replacing[key] {
                    if let r { metaFrames.append(r) }
                    continue
                }
                // Records under a data key (they may hold secrets) are decrypted into locked
                // memory and re-sealed from there; the rest hold no secret.
                let fr = try readFrame(at: e.offset, keys: keys, locked: true)
                if let lb = fr.lockedBody {
                    metaFrames.append(PendingFrame(kind: key.kind, keyClass: fr.header.keyClass, subject: key.subject, lockedBody: lb))
                    continue
                }
                guard let body = fr.body else { throw VaultError.permissionDenied(needed: "compact the vault", role: "current") }
                metaFrames.append(PendingFrame(kind: key.kind, keyClass: fr.header.keyClass, subject: key.subject, body: body, signer: fr.header.signer))
            }
            for (key, r) in replacing where meta[key] == nil { if let r { metaFrames.append(r) } }
            try nv.appendUnlocked(metaFrames, keys: sealKeys, sync: false)
            // Then every data and audit frame, in order, re-sealed into the new chain.
            var kept: [PendingFrame] = []
            var batchBytes = 0
            let total = endOffset
            _ = try scan(keys: keys, visit: { h, off, body in
                guard h.kind == .data || h.kind == .audit else { return }
                if h.keyClass == .sealed && rotateTo == nil {
                    let raw = try self.file.read(count: h.length, at: off)
                    kept.append(PendingFrame(kind: h.kind, keyClass: .sealed, subject: h.subject,
                                             body: Array(raw[FormatV1.frameHeaderLength..<(h.length - FormatV1.trailerLength - 16)]), preSealed: true))
                } else {
                    guard let body else { throw VaultError.permissionDenied(needed: "compact the vault", role: "current") }
                    kept.append(PendingFrame(kind: h.kind, keyClass: h.keyClass, subject: h.subject, body: Array(body)))
                }
                batchBytes += h.length
                if batchBytes > 4 << 20 {
                    try nv.appendUnlocked(kept, keys: sealKeys, sync: false)
                    wipeBodies(&kept); batchBytes = 0
                }
            }, progress: progress.map { p in { p($0, total) } })
            if !kept.isEmpty { try nv.appendUnlocked(kept, keys: sealKeys, sync: false) }
            wipeBodies(&kept)
            // Frames that belong to the same atomic change (an upgrade's audit event).
            if !appending.isEmpty { try nv.appendUnlocked(appending, keys: sealKeys, sync: false) }
            bytesOut = nv.endOffset
        }
        return before - bytesOut
    }
}

/// A u64 in little-endian bytes.
func u64LE(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
