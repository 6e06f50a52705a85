import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Unix stream sockets by path: the session agent's and rclone rcd's.
enum UnixSocket {
    /// The address of `path`; throws when the path does not fit `sun_path`.
    static func address(_ path: String) throws -> sockaddr_un {
        var a = sockaddr_un()
        a.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: a.sun_path) else {
            throw VaultError.input(.socketPathTooLong(path: path))
        }
        withUnsafeMutableBytes(of: &a.sun_path) { p in
            for (i, b) in bytes.enumerated() { p[i] = b }
            p[bytes.count] = 0
        }
        return a
    }

    /// A connected stream socket (close-on-exec) to `path`, or -1 and the errno of the step
    /// that failed (ENAMETOOLONG: the path does not fit `sun_path`).
    static func connect(_ path: String) -> (fd: Int32, errno: Int32) {
        guard var addr = try? address(path) else { return (-1, ENAMETOOLONG) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return (-1, errno) }
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if ok != 0 { let e = errno; close(fd); return (-1, e) }
        return (fd, 0)
    }

    /// Sends all of `bytes` (MSG_NOSIGNAL: a closed peer is an error, not a SIGPIPE); false
    /// when the connection broke.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = send(fd, bytes.baseAddress! + off, bytes.count - off, Int32(MSG_NOSIGNAL))
            if n < 0 { if errno == EINTR { continue }; return false }
            off += n
        }
        return true
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { sendAll(fd, $0) } }
}
