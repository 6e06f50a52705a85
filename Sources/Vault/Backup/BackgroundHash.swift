import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// BLAKE2b-256 of a byte stream, computed on another thread so that hashing the vault's
/// bytes overlaps decrypting and writing them (the restore of a container version 1, whose
/// trailer is this digest; version 2 has none).
///
/// `update` copies the bytes into one of two 4 MiB buffers and returns; a full buffer is
/// hashed on a serial queue while the caller fills the other. The copy (a memcpy, tens of
/// GB/s) is what keeps the lifetimes simple: the caller's buffer is free again as soon as
/// `update` returns. At most two buffers exist, whatever the stream's size.
final class BackgroundBLAKE2b: @unchecked Sendable {
    static let bufferSize = 4 << 20
    private var state = Hash.BLAKE2bStream(length: 32)
    private let queue = DispatchQueue(label: "vaultcli.blake2b")
    /// Buffers not being filled or hashed. The producer always holds one.
    private let free = DispatchSemaphore(value: 2)
    private let buffers: [UnsafeMutableRawPointer]
    private var current = 0
    private var filled = 0
    private var digest: [UInt8]? = nil

    init() {
        buffers = (0..<2).map { _ in UnsafeMutableRawPointer.allocate(byteCount: Self.bufferSize, alignment: 64) }
        free.wait()
    }

    func update(_ data: UnsafeRawBufferPointer) {
        precondition(digest == nil, "update after finalize")
        guard let base = data.baseAddress else { return }
        var off = 0
        while off < data.count {
            let n = min(data.count - off, Self.bufferSize - filled)
            (buffers[current] + filled).copyMemory(from: base + off, byteCount: n)
            filled += n
            off += n
            if filled == Self.bufferSize { submit() }
        }
    }

    private func submit() {
        let i = current, n = filled
        queue.async { [self] in
            state.update(UnsafeRawBufferPointer(start: buffers[i], count: n))
            free.signal()
        }
        current ^= 1
        filled = 0
        // Buffers are handed out in order and the queue is FIFO: this waits for the older one.
        free.wait()
    }

    /// Waits for the queue, hashes what is left, returns the 32-byte digest. Idempotent.
    func finalize() -> [UInt8] {
        if let d = digest { return d }
        queue.sync {}
        state.update(UnsafeRawBufferPointer(start: buffers[current], count: filled))
        filled = 0
        var done = Hash.BLAKE2bStream(length: 32)
        swap(&done, &state)
        let d = done.finalize()
        digest = d
        return d
    }

    deinit {
        // Queued work holds a reference to self, so none is pending here. The buffers held
        // vault bytes (no secret in memory: the vault file is on disk as it is): not wiped.
        free.signal()
        for b in buffers { b.deallocate() }
    }
}
