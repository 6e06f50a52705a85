import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

extension VaultFile {
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
