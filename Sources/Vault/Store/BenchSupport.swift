import Dispatch
import FoundationEssentials
import Glibc
import VaultCrypto

// Hooks for the benchmark target only.
extension Unlocked {
    /// Appends each record as its own frame (what a sequence of `tx add` produces), in one write.
    @_spi(Bench) public func appendSingleRecordFramesForBench(_ records: [[UInt8]]) throws {
        let frames = records.map { r -> PendingFrame in
            var w = ByteWriter(capacity: r.count + 8)
            w.u32(1); w.blob32(r)
            return PendingFrame(kind: .data, keyClass: .shared, body: w.bytes)
        }
        try vault.file.append(frames, keys: session.keys)
    }

    /// The anchor: the same frames' ciphertexts decrypted with raw libsodium calls, after the
    /// file is read into memory in the same chunking (no parsing, no chain, no checks).
    @_spi(Bench) public func rawDecryptAnchorForBench() throws -> Double {
        let path = vault.path
        let f = try VaultFile.open(path: path, writable: false)
        // Collect (offset, length) of the data frames first (not timed).
        var spans: [(Int, Int)] = []
        _ = try f.scan(keys: nil) { h, off, _ in if h.kind == .data { spans.append((off, h.length)) } }
        let key = session.keys.key(.shared)!
        let t0 = DispatchTime.now().uptimeNanoseconds
        let file = try PosixFile.openExisting(path, writable: false)
        let size = try file.size()
        var buf = [UInt8](repeating: 0, count: size)
        _ = try buf.withUnsafeMutableBytes { try file.read(into: $0, at: 0) }
        var out = [UInt8](repeating: 0, count: 1 << 21)
        try buf.withUnsafeBytes { p in
            for (off, len) in spans {
                let nonce = (p.baseAddress! + off + FormatV1.frameHeaderLength).assumingMemoryBound(to: UInt8.self)
                let ct = UnsafeRawBufferPointer(rebasing: p[(off + FormatV1.frameHeaderLength + 24)..<(off + len - FormatV1.trailerLength)])
                let ok = out.withUnsafeMutableBytes { o in
                    XChaCha20Poly1305.openRaw(out: o.baseAddress!.assumingMemoryBound(to: UInt8.self), nonce: nonce, ciphertext: ct, key: key,
                                              ad: UnsafeRawBufferPointer(rebasing: p[off..<(off + FormatV1.frameHeaderLength)]))
                }
                if !ok { throw VaultError.corrupt(path: path, part: "bench") }
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
}

extension Unlocked {
    /// Rewrites a metadata record (for the crash test: a batch with an index frame).
    @_spi(Bench) public func touchMetadataForCrashTest(i: Int) throws {
        var c = Vault.Change()
        try c.put(.settings, subject: Hash.blake2b(Array("crash-test".utf8), length: 16), keyClass: .admin, ["i": i])
        try vault.commit(c, keys: session.keys)
    }

    /// The value the crash test last committed, if any.
    @_spi(Bench) public func crashTestMetadata() throws -> Int? {
        try vault.record(.settings, [String: Int].self, subject: Hash.blake2b(Array("crash-test".utf8), length: 16), keys: session.keys)?["i"]
    }
}
