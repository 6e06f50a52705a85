import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

extension BackupWriter {
    /// The read-back's buffer: a multiple of any logical block size, 4096-aligned for O_DIRECT.
    static let readBackBufferSize = 4 << 20
    /// The read-back runs behind the writer in segments of this size (a multiple of the buffer).
    static let readBackSegmentSize = 16 << 20

    /// How the last read-back read the file (for tests).
    enum ReadBackMode: Equatable { case direct, buffered }

    /// Reads a synced file back whole and compares its length and keyed digest with what was
    /// written (see `ReadBack`).
    @discardableResult
    func readBack(_ path: String, expectedLength: Int64, expectedTag: [UInt8], key: SecretBytes) throws -> ReadBackMode {
        let r = try ReadBack(path: path, key: key, io: io)
        r.dropCache(from: 0)
        return try r.finish(expectedLength: expectedLength, expectedTag: expectedTag)
    }
}

/// Reads a file back from the device, from the start and in order, into a keyed digest.
/// O_DIRECT where the file system allows it, so the bytes come from the device and not from
/// the page cache; where it does not (tmpfs: EINVAL), buffered reads of ranges whose clean
/// pages POSIX_FADV_DONTNEED dropped first.
final class ReadBack: @unchecked Sendable {
    private let path: String
    private let io: BackupIO
    private let fd: Int32
    private let direct = LinuxIO.oDirect
    private var mode = BackupWriter.ReadBackMode.direct
    /// What the read-back is reported as: buffered only if the device was never read directly.
    private var reported = BackupWriter.ReadBackMode.direct
    private let digest: Poly1305Stream
    private let buf = UnsafeMutableRawBufferPointer.allocate(byteCount: BackupWriter.readBackBufferSize, alignment: 4096)
    private var total: Int64 = 0
    private var atEOF = false

    init(path: String, key: SecretBytes, io: BackupIO) throws {
        self.path = path
        self.io = io
        var fd = direct != 0 ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | direct) : -1
        if fd < 0 {
            if direct != 0 && errno != EINVAL {
                buf.deallocate()
                throw BackupError.io(path: path, operation: "reopen for the read-back check", errno: errno)
            }
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if fd < 0 {
                buf.deallocate()
                throw BackupError.io(path: path, operation: "reopen for the read-back check", errno: errno)
            }
            mode = .buffered
            reported = .buffered
        }
        self.fd = fd
        do { digest = try Poly1305Stream(key: key) } catch {
            close(fd)
            buf.deallocate()
            throw error
        }
    }

    deinit {
        close(fd)
        buf.deallocate()
    }

    /// Drops the clean (synced) pages from `offset` on (`length` 0: to the end), so that a
    /// buffered read of them comes from the device. Harmless for O_DIRECT.
    func dropCache(from offset: Int64, length: Int64 = 0) {
        _ = posix_fadvise(fd, off_t(offset), off_t(length), POSIX_FADV_DONTNEED)
    }

    /// Reads on until `limit` bytes in all were read (a multiple of the buffer size) or the
    /// file ends; nil: to the end of the file.
    func read(upTo limit: Int64?) throws {
        while !atEOF {
            var want = buf.count
            if let limit {
                if total >= limit { return }
                want = min(want, Int(limit - total))
            }
            let n: Int
            if mode == .direct {
                // A full aligned length each time: the last read returns the short tail.
                let r = io.read(fd, buf.baseAddress!, want)
                if r < 0 {
                    if errno == EINTR { continue }
                    if errno == EINVAL && total == 0 { fallBackToBuffered(); reported = .buffered; continue }
                    throw BackupError.io(path: path, operation: "read", errno: errno)
                }
                n = r
            } else {
                n = try readSome(io, fd: fd, into: UnsafeMutableRawBufferPointer(rebasing: buf[0..<want]), path: path)
            }
            if n == 0 { atEOF = true; break }
            digest.update(UnsafeRawBufferPointer(rebasing: buf[0..<n]))
            total += Int64(n)
            if mode == .direct && n % 512 != 0 {
                // A short, unaligned read is the end of the file; one more read confirms it
                // (O_DIRECT needs an aligned offset, so that one goes through the page cache).
                fallBackToBuffered()
            }
        }
    }

    private func fallBackToBuffered() {
        // Clear O_DIRECT on the open descriptor (the file offset is unchanged by the failed read).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~direct)
        mode = .buffered
    }

    /// Reads the rest and compares the length and the digest. Call once, after the final fsync.
    func finish(expectedLength: Int64, expectedTag: [UInt8]) throws -> BackupWriter.ReadBackMode {
        try read(upTo: nil)
        let tag = digest.finalize()
        guard total == expectedLength, constantTimeEqual(tag, expectedTag) else { throw BackupError.readBackMismatch(path: path) }
        return reported
    }
}
