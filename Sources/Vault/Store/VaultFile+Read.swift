import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

extension VaultFile {
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
    func sealedBox(_ payload: ArraySlice<UInt8>, offset: Int) throws -> [UInt8] {
        if isLegacy { return Array(payload) }
        guard let (_, box, _) = AuditChain.split(payload) else { throw corrupt("audit event frame at offset \(offset) (too short)") }
        return Array(box)
    }

    func describe(_ k: FrameKind) -> String {
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
}
