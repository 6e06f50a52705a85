import Dispatch
import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `ReadBack` behind the writer on a serial queue: each submitted segment is written
/// to the device and waited for (sync_file_range: data only; the final fsync adds the
/// metadata and the device cache flush), its pages dropped, and then read back.
final class ReadBackPipeline: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    private let readBack: ReadBack
    private let queue = DispatchQueue(label: "vaultcli.readback")
    private let lock = Lock()
    private var failure: Error?
    private var stopped = false
    /// The end of the last segment submitted (writer thread only).
    private var submitted: Int64 = 0

    init(fd: Int32, path: String, readBack: ReadBack) {
        self.fd = fd
        self.path = path
        self.readBack = readBack
    }

    private var error: Error? { lock.withLock { failure } }

    /// Hands [last end, `end`) to the reader, if non-empty; throws a failure the reader met.
    func submit(upTo end: Int64) throws {
        if let e = error { throw e }
        guard end > submitted else { return }
        let start = submitted
        submitted = end
        queue.async { [self] in
            guard lock.withLock({ failure == nil && !stopped }) else { return }
            do {
                if LinuxIO.syncRange(fd, offset: start, length: end - start) != 0 {
                    throw BackupError.io(path: path, operation: "sync", errno: errno)
                }
                readBack.dropCache(from: start, length: end - start)
                try readBack.read(upTo: end)
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// After the final fsync: waits for the reader, reads back the rest, compares.
    func finish(expectedLength: Int64, expectedTag: [UInt8]) throws {
        queue.sync {}
        if let e = error { throw e }
        readBack.dropCache(from: submitted)
        _ = try readBack.finish(expectedLength: expectedLength, expectedTag: expectedTag)
    }

    /// Stops the reader after the segment in hand and waits for it (on every exit path).
    func stop() {
        lock.withLock { stopped = true }
        queue.sync {}
    }
}
