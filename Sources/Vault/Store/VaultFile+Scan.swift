import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

extension VaultFile {
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
                          HMACSHA256.verify(tag: Array(mac), key: ex.key, message: Array(Derivation.auditMAC.utf8) + header.vaultId + u64LE(seq) + Array(box)) else {
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
}
