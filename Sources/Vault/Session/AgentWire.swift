import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The wire protocol: one request, one answer, per connection (docs/SESSIONS.md, "Wire format").
/// No request returns key material: the agent does the work and answers with an exit status.
enum AgentWire {
    /// op 1 was GET (the keys) in the first protocol; it is refused with a clear answer.
    static let retiredGet: UInt8 = 1, lock: UInt8 = 2, status: UInt8 = 3, run: UInt8 = 4
    static let ok: UInt8 = 0, wrongVault: UInt8 = 1, refused: UInt8 = 2
    /// The version of the RUN request this build speaks.
    static let runVersion: UInt8 = 2
    /// The largest message either side accepts.
    static let maxMessage = 1 << 16
    /// A RUN request carries the client's stdin, stdout, stderr and working directory, and
    /// optionally its terminal.
    static let runDescriptors = 4...5

    /// Sends a u32-length-prefixed message with `fds` attached (SCM_RIGHTS) to its first byte.
    static func sendMessage(_ fd: Int32, _ body: [UInt8], fds: [Int32]) -> Bool {
        let msg = message(body)
        guard !fds.isEmpty else { return UnixSocket.sendAll(fd, msg) }
        // struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; } then the ints (LP64).
        let dataLen = fds.count * 4
        var control = [UInt8](repeating: 0, count: 16 + ((dataLen + 7) & ~7))
        var w = ByteWriter()
        w.u64(UInt64(16 + dataLen)); w.u32(UInt32(SOL_SOCKET)); w.u32(UInt32(SCM_RIGHTS))
        for f in fds { w.u32(UInt32(bitPattern: f)) }
        control.replaceSubrange(0..<w.bytes.count, with: w.bytes)
        var first = min(msg.count, 4)
        let sent: Int = msg.withUnsafeBytes { mp in
            control.withUnsafeMutableBytes { cp in
                var iov = iovec(iov_base: UnsafeMutableRawPointer(mutating: mp.baseAddress!), iov_len: msg.count)
                return withUnsafeMutablePointer(to: &iov) { iovp in
                    var h = msghdr()
                    h.msg_iov = iovp; h.msg_iovlen = 1
                    h.msg_control = cp.baseAddress; h.msg_controllen = cp.count
                    while true {
                        let n = Glibc.sendmsg(fd, &h, Int32(MSG_NOSIGNAL))
                        if n < 0 && errno == EINTR { continue }
                        return n
                    }
                }
            }
        }
        guard sent > 0 else { return false }
        first = sent
        return first == msg.count || UnixSocket.sendAll(fd, Array(msg[first...]))
    }

    enum ReadFailure: Error { case closed, tooLarge(Int), tooManyDescriptors }

    /// Reads a u32-length-prefixed message (at most 64 KiB). Descriptors attached to it
    /// (SCM_RIGHTS) are returned close-on-exec in `fds`; the caller owns and closes them.
    static func readMessage(_ fd: Int32, fds: inout [Int32]) -> Result<[UInt8], ReadFailure> {
        var truncated = false
        func receive(_ buf: UnsafeMutableRawBufferPointer) -> Int {
            var control = [UInt8](repeating: 0, count: 16 + 8 * 4)
            var iov = iovec(iov_base: buf.baseAddress, iov_len: buf.count)
            let (n, flags, clen): (Int, Int32, Int) = control.withUnsafeMutableBytes { cp in
                withUnsafeMutablePointer(to: &iov) { iovp in
                    var h = msghdr()
                    h.msg_iov = iovp; h.msg_iovlen = 1
                    h.msg_control = cp.baseAddress; h.msg_controllen = cp.count
                    let n = Glibc.recvmsg(fd, &h, Int32(MSG_CMSG_CLOEXEC))
                    return (n, h.msg_flags, Int(h.msg_controllen))
                }
            }
            var off = 0
            while off + 16 <= clen {
                var r = ByteReader(Array(control[off..<off + 16]))
                let len = Int((try? r.u64()) ?? 0), level = Int32(bitPattern: (try? r.u32()) ?? 0), type = Int32(bitPattern: (try? r.u32()) ?? 0)
                guard len >= 16, off + len <= clen else { break }
                if level == SOL_SOCKET && type == SCM_RIGHTS {
                    var d = off + 16
                    while d + 4 <= off + len {
                        var rr = ByteReader(Array(control[d..<d + 4]))
                        fds.append(Int32(bitPattern: (try? rr.u32()) ?? 0))
                        d += 4
                    }
                }
                off += (len + 7) & ~7
            }
            if flags & Int32(MSG_CTRUNC) != 0 { truncated = true }
            return n
        }
        func exactly(_ n: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: n)
            var off = 0
            while off < n {
                let r = out.withUnsafeMutableBytes { receive(UnsafeMutableRawBufferPointer(rebasing: $0[off...])) }
                if r < 0 { if errno == EINTR { continue }; return nil }
                if r == 0 { return nil }
                off += r
            }
            return out
        }
        guard let len = exactly(4) else { return .failure(.closed) }
        if truncated || fds.count > runDescriptors.upperBound { return .failure(.tooManyDescriptors) }
        let n = Int(UInt32(len[0]) | UInt32(len[1]) << 8 | UInt32(len[2]) << 16 | UInt32(len[3]) << 24)
        guard n <= maxMessage else { return .failure(.tooLarge(n)) }
        if n == 0 { return .success([]) }
        guard let body = exactly(n) else { return .failure(.closed) }
        if truncated || fds.count > runDescriptors.upperBound { return .failure(.tooManyDescriptors) }
        return .success(body)
    }

    /// Reads a message that carries no descriptors (any that came are closed).
    static func readMessage(_ fd: Int32) -> [UInt8]? {
        var fds: [Int32] = []
        defer { for f in fds { close(f) } }
        if case .success(let b) = readMessage(fd, fds: &fds) { return b }
        return nil
    }

    static func message(_ b: [UInt8]) -> [UInt8] {
        var w = ByteWriter(capacity: b.count + 4)
        w.u32(UInt32(b.count)); w.raw(b)
        return w.bytes
    }

    static func refusal(_ reason: SessionRefusal) -> [UInt8] { message([refused] + Array(reason.description.utf8)) }

    static func setTimeout(_ fd: Int32, seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The peer's pid and uid (SO_PEERCRED).
    static func peer(_ fd: Int32) -> (pid: Int32, uid: UInt32)? {
        var cred = (Int32(0), UInt32(0), UInt32(0))  // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        var len = socklen_t(MemoryLayout.size(ofValue: cred))
        guard getsockopt(fd, SOL_SOCKET, 17 /* SO_PEERCRED */, &cred, &len) == 0 else { return nil }
        return (cred.0, cred.1)
    }

    /// The executable of a process, as the kernel names it.
    static func executable(pid: Int32?) -> String? {
        let link = pid.map { "/proc/\($0)/exe" } ?? "/proc/self/exe"
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink(link, &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
