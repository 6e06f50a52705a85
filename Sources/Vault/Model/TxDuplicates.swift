import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// Duplicate detection for an import: ids already in the vault, or earlier in the input, are
// skipped (by a hash of the id), so a re-import adds nothing.

extension Transactions {
    /// Hashes of every transaction id in the vault (per-process random SipHash key), built by
    /// streaming once: 1,000,000 ids take about 16 MiB.
    func existingIdHashes() throws -> Set<Int> {
        var set = Set<Int>()
        set.reserveCapacity(Swift.max(1024, vault.file.endOffset / 80))
        try vault.unlocked(by: session).forEachData { p in
            guard TxCodec.isTransaction(p) else { return }
            let v: TxCodec.View
            do { v = try TxCodec.view(p) } catch { throw VaultError.corrupt(path: vault.path, part: "a transaction record does not decode") }
            set.insert(TxIds.hash(v.id))
        }
        return set
    }
}

enum TxIds {
    /// A 64-bit SipHash of an id under this process's random key (Swift's Hasher).
    @inline(__always) static func hash(_ p: UnsafeRawBufferPointer) -> Int {
        var h = Hasher()
        h.combine(bytes: p)
        return h.finalize()
    }
}
