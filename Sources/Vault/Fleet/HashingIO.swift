import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// SHA-256 of everything written to one descriptor, as the backup writer writes it; the bytes
/// go on through `send` (an HTTP chunk to rclone rcd, or a file).
final class HashingIO: BackupIO, @unchecked Sendable {
    let target: Int32
    let sha = SHA256Hasher()
    var bytes: Int64 = 0
    let send: ((UnsafeRawBufferPointer) -> Bool)?
    /// The store's checksum of what was sent (MD5, see StoreMD5), when libcrypto is there.
    let md5: StoreMD5?
    init(target: Int32, send: ((UnsafeRawBufferPointer) -> Bool)? = nil, md5: StoreMD5? = nil) {
        self.target = target
        self.send = send
        self.md5 = md5
    }
    func write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
        guard fd == target else { return Glibc.write(fd, buf, count) }
        let n: Int
        if let send {
            if !send(UnsafeRawBufferPointer(start: buf, count: count)) { errno = EPIPE; return -1 }
            n = count
        } else {
            n = Glibc.write(fd, buf, count)
        }
        if n > 0 {
            md5?.update(UnsafeRawBufferPointer(start: buf, count: n))
            sha.update(UnsafeRawBufferPointer(start: buf, count: n))
            bytes += Int64(n)
        }
        return n
    }
    func read(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buf, count) }
    func fsync(_ fd: Int32) -> Int32 { fd == target && send != nil ? 0 : Glibc.fsync(fd) }
    func digest() -> [UInt8] { sha.digest() }
}
