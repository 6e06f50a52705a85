import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

extension VaultFile {
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

    func appendUnlocked(_ frames: [PendingFrame], removing: [(FrameKind, [UInt8])] = [], keys: KeyRing, sync: Bool) throws {
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
}
