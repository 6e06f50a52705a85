import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The system calls the backup code reads and writes files through. Production code uses
/// `SystemIO`; tests swap in one that fails with ENOSPC or EIO after N bytes.
protocol BackupIO: Sendable {
    /// write(2): returns the byte count, or -1 with `errno` set.
    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int
    /// read(2): returns the byte count, 0 at end of file, or -1 with `errno` set.
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int
    /// fsync(2): 0, or -1 with `errno` set.
    func fsync(_ fd: Int32) -> Int32
}

struct SystemIO: BackupIO {
    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buf, count) }
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buf, count) }
    func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
}

/// Reads from a file descriptor into `buf`, retrying on EINTR. Returns 0 at end of file.
func readSome(_ io: BackupIO, fd: Int32, into buf: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
    guard buf.count > 0 else { return 0 }
    while true {
        let n = io.read(fd, buf.baseAddress!, buf.count)
        if n >= 0 { return n }
        if errno == EINTR { continue }
        throw BackupError.io(path: path, operation: "read", errno: errno)
    }
}

/// Writes all of `buf`, retrying on EINTR and short writes.
func writeAll(_ io: BackupIO, fd: Int32, _ buf: UnsafeRawBufferPointer, path: String) throws {
    try DurableFile.writeAll(fd, buf, path: path, style: .backup, write: io.write)
}

/// A source of bytes: fills the buffer with up to its size and returns the count, 0 at the end.
typealias ByteSource = (UnsafeMutableRawBufferPointer) throws -> Int
/// A sink of bytes: takes all of the buffer or throws.
typealias ByteSink = (UnsafeRawBufferPointer) throws -> Void

/// A read buffer over a `ByteSource`, with the look-ahead the age parser needs (peek a few
/// bytes, read a line, ensure a full chunk is buffered). One allocation, reused; no copies
/// beyond compaction.
final class InputBuffer {
    private let storage: UnsafeMutableRawPointer
    let capacity: Int
    private(set) var start = 0
    private(set) var end = 0
    private(set) var atEOF = false
    private let source: ByteSource
    private let wipe: Bool

    /// `wipe`: clear the buffer before it is released, because it held plaintext that is
    /// secret (what an encryptor reads). A buffer of ciphertext, armor or an age header needs
    /// no wiping.
    init(capacity: Int, wipe: Bool = true, source: @escaping ByteSource) {
        self.capacity = capacity
        self.storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        self.source = source
        self.wipe = wipe
    }

    deinit {
        if wipe { memset(storage, 0, capacity) }
        storage.deallocate()
    }

    var available: Int { end - start }
    var pointer: UnsafeMutableRawPointer { storage + start }

    /// Reads until at least `n` bytes are buffered or the source ends. Returns `available`.
    @discardableResult
    func fill(_ n: Int) throws -> Int {
        precondition(n <= capacity)
        if available >= n || atEOF { return available }
        if start + n > capacity {
            if available > 0 { memmove(storage, storage + start, available) }
            end = available
            start = 0
        }
        while available < n && !atEOF {
            let got = try source(UnsafeMutableRawBufferPointer(start: storage + end, count: capacity - end))
            if got == 0 { atEOF = true } else { end += got }
        }
        return available
    }

    func consume(_ n: Int) {
        precondition(n <= available)
        start += n
        if start == end { start = 0; end = 0 }
    }

    /// Copies out and consumes up to `buf.count` bytes.
    func read(into buf: UnsafeMutableRawBufferPointer) throws -> Int {
        if available == 0 {
            try fill(1)
            if available == 0 { return 0 }
        }
        let n = min(buf.count, available)
        buf.baseAddress!.copyMemory(from: pointer, byteCount: n)
        consume(n)
        return n
    }

    enum Line {
        /// A line ending in LF (included).
        case line([UInt8])
        /// The source ended; these are the bytes after the last LF (maybe none).
        case end([UInt8])
        /// No LF within `max` bytes.
        case tooLong
    }

    /// Reads one line of at most `max` bytes including its LF.
    func readLine(max: Int) throws -> Line {
        var scanned = 0
        while true {
            let avail = available
            if let i = memchr(pointer + scanned, 0x0A, avail - scanned) {
                let len = UnsafeMutableRawPointer(i) - pointer + 1
                if len > max { return .tooLong }
                let out = Array(UnsafeRawBufferPointer(start: pointer, count: len))
                consume(len)
                return .line(out)
            }
            scanned = avail
            if avail >= max { return .tooLong }
            if atEOF {
                let out = Array(UnsafeRawBufferPointer(start: pointer, count: avail))
                consume(avail)
                return .end(out)
            }
            try fill(Swift.min(avail + 4096, max, capacity))
            if available == avail && atEOF { continue }
        }
    }
}
