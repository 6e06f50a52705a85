import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// One rclone process for a whole fleet backup: `rclone rcd`, its remote-control API on a Unix
/// socket in a private (0700) directory, spoken to over HTTP/1.1. Listing, reading, the
/// streamed upload and the read-backs are calls into that one process, in order, so a backup
/// starts rclone once instead of once per step (docs/FORMAT.md C.4).
///
/// The socket takes no password (`--rc-no-auth`): only this user can reach the directory, and
/// this user can run rclone with the same configuration anyway. Where util-linux's `setpriv` is
/// there, rclone is started under `setpriv --pdeathsig KILL`, so it dies with vaultcli even if
/// vaultcli is killed; otherwise `stop()` (always called) ends it.
final class RcloneServer {
    let rclone: Rclone
    let dir: String
    let socketPath: String
    private(set) var pid: pid_t = 0
    private let drain = Drain()
    private let drained = DispatchSemaphore(value: 0)
    private var stopped = false

    private final class Drain: @unchecked Sendable {
        let lock = Lock()
        var bytes: [UInt8] = []
        func append(_ b: ArraySlice<UInt8>) { lock.withLock { if bytes.count < 1 << 20 { bytes += b } } }
        func text(from: Int = 0) -> String { lock.withLock { String(decoding: bytes[min(from, bytes.count)...], as: UTF8.self) } }
        var count: Int { lock.withLock { bytes.count } }
    }

    /// Flags for every backup: write-once uploads; one attempt (a retried conditional PUT would
    /// be refused as "exists"); no HEAD after an upload (the read-back is vaultcli's own); and a
    /// backup of up to 64 MiB held by rclone until it ends and sent as one PUT, whose ETag is the
    /// MD5 the one-request read-back compares (larger ones go as a multipart upload and are
    /// read back by a download).
    static let backupFlags = ["--header-upload", "If-None-Match: *", "--retries", "1", "--s3-no-head", "--s3-no-head-object",
                              "--streaming-upload-cutoff", "64Mi"]

    /// Starts `rclone rcd`; it answers once `ready()` has waited for it, which every call does
    /// first, so the caller can do its own work while rclone reads its configuration.
    init(rclone: Rclone, flags: [String]) throws {
        self.rclone = rclone
        Self.removeStaleSockets()
        dir = try FleetScratch.make()
        socketPath = dir + "/rc"
        guard socketPath.utf8.count < 100 else {
            FleetScratch.remove(dir)
            throw FleetError.remote(operation: "start", target: "rclone rcd", says: "the temporary directory's path is too long for a socket (set TMPDIR to a shorter one)")
        }
        signal(SIGPIPE, SIG_IGN)
        let args = ["rcd", "--rc-addr", "unix://" + socketPath, "--rc-no-auth", "--rc-serve", "--rc-serve-no-modtime"] + flags
        do { try spawn(args) } catch { FleetScratch.remove(dir); throw error }
    }

    private var isReady = false

    /// Waits until rclone answers on its socket (it reads its configuration first).
    func ready() throws {
        if isReady { return }
        var waited = 0.0
        while true {
            if let fd = try? connectSocket() { close(fd); break }
            var st: Int32 = 0
            if pid > 0, waitpid(pid, &st, WNOHANG) == pid {
                pid = 0
                drained.wait()
                stop()
                throw FleetError.remote(operation: "start", target: "rclone rcd", says: Rclone.says(drain.text()))
            }
            if stopped || waited > 60 {
                stop()
                throw FleetError.remote(operation: "start", target: "rclone rcd", says: "it did not answer within 60 s")
            }
            usleep(waited < 1 ? 2_000 : 20_000)
            waited += waited < 1 ? 0.002 : 0.02
        }
        isReady = true
    }

    deinit { stop() }

    /// A backup killed outright (SIGKILL) cannot remove its socket's directory; the next one
    /// does: a `vaultcli-fleet-*` directory of this user's, 0700, more than a minute old, that
    /// holds nothing but a socket `rc` nobody listens on any more.
    static func removeStaleSockets() {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        let now = time(nil)
        for n in names where n.hasPrefix("vaultcli-fleet-") && n.utf8.count == 21 {
            let d = base + "/" + n, sock = d + "/rc"
            var st = stat()
            guard lstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == getuid(), st.st_mode & 0o777 == 0o700,
                  now - st.st_mtim.tv_sec > 60 else { continue }
            guard (try? FileManager.default.contentsOfDirectory(atPath: d)) == ["rc"], lstat(sock, &st) == 0, (st.st_mode & S_IFMT) == S_IFSOCK,
                  sock.utf8.count < 100 else { continue }
            let (fd, e) = Self.connectUnix(sock)
            if fd >= 0 { close(fd) }
            if fd < 0 && e == ECONNREFUSED {
                unlink(sock)
                rmdir(d)
            }
        }
    }

    private func spawn(_ args: [String]) throws {
        var errP: [Int32] = [-1, -1]
        guard cloexecPipe(&errP) else { throw VaultError.io(path: "pipe", operation: "create", errno: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errP[1], 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var dflt = sigset_t()
        sigemptyset(&dflt)
        sigaddset(&dflt, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &dflt)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))
        var rc: Int32 = ENOENT
        for wrapper in [["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"], []] {
            if !wrapper.isEmpty && access(wrapper[0], X_OK) != 0 { continue }
            let argv: [UnsafeMutablePointer<CChar>?] = (wrapper + [rclone.executable] + args).map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            let envp: [UnsafeMutablePointer<CChar>?] = Self.environment().map { strdup($0) } + [nil]
            defer { for e in envp { free(e) } }
            rc = posix_spawnp(&pid, argv[0]!, &actions, &attr, argv, envp)
            if rc == 0 { break }
        }
        close(errP[1])
        guard rc == 0 else { close(errP[0]); throw FleetError.rcloneMissing(executable: rclone.executable, errno: rc) }
        let errFD = errP[0]
        let drain = self.drain, drained = self.drained
        DispatchQueue.global().async {
            var buf = [UInt8](repeating: 0, count: 16384)
            while true {
                let n = buf.withUnsafeMutableBytes { Glibc.read(errFD, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                drain.append(buf[0..<n])
            }
            close(errFD)
            drained.signal()
        }
    }

    /// vaultcli's environment for rclone, plus Go's collector settings unless the caller set
    /// them: `GOGC=off` with a soft limit (`GOMEMLIMIT`), so rclone does not collect garbage
    /// while it starts (its packages allocate about 13 MB at start-up; with the default GOGC
    /// that is three collections, about a fifth of its start-up CPU) and collects only when
    /// its heap nears the limit, as a big backup held for one PUT (up to 64 MiB) makes it.
    static func environment() -> [String] {
        var out: [String] = []
        var i = 0
        while let e = environ[i] { out.append(String(cString: e)); i += 1 }
        if !out.contains(where: { $0.hasPrefix("GOGC=") }) { out.append("GOGC=off") }
        if !out.contains(where: { $0.hasPrefix("GOMEMLIMIT=") }) { out.append("GOMEMLIMIT=" + goMemLimit) }
        return out
    }

    static let goMemLimit = "160MiB"

    /// Ends rclone and removes the socket's directory.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if pid > 0 {
            kill(pid, SIGTERM)
            var st: Int32 = 0
            while waitpid(pid, &st, 0) < 0 && errno == EINTR {}
            pid = 0
            drained.wait()
        }
        FleetScratch.remove(dir)
    }

    /// What rclone said on its standard error (its log) since `from` bytes, for error messages.
    func log(from: Int = 0) -> String { drain.text(from: from) }
    var logMark: Int { drain.count }

    // MARK: HTTP/1.1 over the socket, one connection per request ("Connection: close").

    private func connectSocket() throws -> Int32 {
        let (fd, e) = Self.connectUnix(socketPath)
        if fd < 0 { throw VaultError.io(path: socketPath, operation: "connect to", errno: e) }
        return fd
    }

    /// A connected Unix stream socket to `path` (which fits sun_path: callers keep it short),
    /// or -1 and the errno of the step that failed (socket or connect).
    static func connectUnix(_ path: String) -> (fd: Int32, errno: Int32) {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return (-1, errno) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { p in
            for (i, b) in bytes.enumerated() { p[i] = b }
            p[bytes.count] = 0
        }
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if ok != 0 { let e = errno; close(fd); return (-1, e) }
        return (fd, 0)
    }

    struct Response {
        var status: Int
        var body: [UInt8]
    }

    private static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = send(fd, bytes.baseAddress! + off, bytes.count - off, Int32(MSG_NOSIGNAL))
            if n < 0 { if errno == EINTR { continue }; return false }
            off += n
        }
        return true
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { sendAll(fd, $0) } }

    /// Reads a response: the status, then the body (by Content-Length, chunked, or to the end),
    /// handed to `consumer` when the status is 200, else kept for the error message.
    private func readResponse(_ fd: Int32, consumer: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> Response {
        var buf: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        func fill() throws -> Bool {
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
                if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: socketPath, operation: "read from", errno: errno) }
                if n == 0 { return false }
                buf += chunk[0..<n]
                return true
            }
        }
        // Head.
        var headEnd: Int? = nil
        while headEnd == nil {
            if let r = Self.find(buf, [13, 10, 13, 10]) { headEnd = r; break }
            guard buf.count < 65536, try fill() else {
                throw FleetError.remote(operation: "talk to", target: "rclone rcd", says: "it closed the connection without an answer" + lastLogLine())
            }
        }
        let head = String(decoding: buf[0..<headEnd!], as: UTF8.self)
        buf.removeFirst(headEnd! + 4)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw FleetError.remote(operation: "talk to", target: "rclone rcd", says: "its answer is not HTTP")
        }
        var length: Int? = nil
        var chunked = false
        for l in lines.dropFirst() {
            guard let c = l.firstIndex(of: ":") else { continue }
            let name = l[..<c].lowercased()
            let value = l[l.index(after: c)...].trimmed(.whitespaces)
            if name == "content-length" { length = Int(value) }
            if name == "transfer-encoding" && value.lowercased().contains("chunked") { chunked = true }
        }
        var kept: [UInt8] = []
        func deliver(_ b: ArraySlice<UInt8>) throws {
            if b.isEmpty { return }
            if status == 200, let consumer { try b.withUnsafeBytes { try consumer($0) } } else if kept.count < 1 << 20 { kept += b }
        }
        /// Hands the next `count` body bytes to `deliver`, reading more as needed.
        func pass(_ count: Int) throws {
            var left = count
            while left > 0 {
                if buf.isEmpty { guard try fill() else { throw truncated() } }
                let take = min(left, buf.count)
                try deliver(buf[0..<take])
                buf.removeFirst(take)
                left -= take
            }
        }
        if chunked {
            while true {
                var lineEnd = Self.find(buf, [13, 10])
                while lineEnd == nil { guard try fill() else { throw truncated() }; lineEnd = Self.find(buf, [13, 10]) }
                let sizeText = String(decoding: buf[0..<lineEnd!], as: UTF8.self).split(separator: ";").first.map { $0.trimmed(.whitespaces) } ?? ""
                guard let size = Int(sizeText, radix: 16), size >= 0 else { throw truncated() }
                buf.removeFirst(lineEnd! + 2)
                if size == 0 { break }
                try pass(size)
                while buf.count < 2 { guard try fill() else { throw truncated() } }
                buf.removeFirst(2)
            }
        } else if let length {
            try pass(length)
        } else {
            try deliver(buf[...])
            buf.removeAll()
            while try fill() { try deliver(buf[...]); buf.removeAll() }
        }
        return Response(status: status, body: kept)
    }

    private func truncated() -> FleetError {
        .remote(operation: "talk to", target: "rclone rcd", says: "its answer was cut short" + lastLogLine())
    }

    private func lastLogLine(from: Int = 0) -> String {
        let s = Rclone.says(log(from: from))
        return s == "rclone failed without a message" ? "" : " (" + s + ")"
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Percent-encodes a URL path or query component (RFC 3986 unreserved and "/" stay).
    static func escape(_ s: String, keepSlash: Bool) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || c == "-" || c == "." || c == "_" || c == "~" || (keepSlash && c == "/") {
                out.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// An error answer of the API: `{"error": "..."}` (rclone's own words).
    private func failure(_ operation: String, _ target: String, _ r: Response) -> FleetError {
        struct E: Decodable { var error: String }
        if let e = try? JSONDecoder().decode(E.self, from: Data(r.body)) {
            return .remote(operation: operation, target: target, says: Rclone.says("ERROR : " + e.error))
        }
        let text = String(decoding: r.body.prefix(800), as: UTF8.self).trimmed(.whitespacesAndNewlines)
        return .remote(operation: operation, target: target, says: "HTTP \(r.status)" + (text.isEmpty ? "" : ": " + text))
    }

    /// Calls an API method with JSON parameters; the answer's JSON body.
    func call<P: Encodable>(_ method: String, _ params: P, operation: String, target: String) throws -> [UInt8] {
        try ready()
        let body = Array(try JSONEncoder().encode(params))
        let fd = try connectSocket()
        defer { close(fd) }
        let head = "POST /\(method) HTTP/1.1\r\nHost: rclone\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        guard Self.sendAll(fd, Array(head.utf8) + body) else {
            throw FleetError.remote(operation: operation, target: target, says: "the connection to rclone rcd broke" + lastLogLine())
        }
        var out: [UInt8] = []
        let r = try readResponse(fd, consumer: { out += $0 })
        guard r.status == 200 else { throw failure(operation, target, r) }
        return out
    }

    /// Streams `fs`/`path` (GET through `--rc-serve`) into `consumer`: one request to the store.
    func read(fs: String, path: String, operation: String, target: String, consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        try ready()
        let mark = logMark
        let fd = try connectSocket()
        defer { close(fd) }
        let url = "/" + Self.escape("[" + fs + "]", keepSlash: false) + "/" + Self.escape(path, keepSlash: true)
        let head = "GET \(url) HTTP/1.1\r\nHost: rclone\r\nConnection: close\r\n\r\n"
        guard Self.sendAll(fd, Array(head.utf8)) else {
            throw FleetError.remote(operation: operation, target: target, says: "the connection to rclone rcd broke" + lastLogLine())
        }
        let r = try withoutActuallyEscaping(consumer) { c in try readResponse(fd, consumer: c) }
        guard r.status == 200 else {
            // rclone serves a failed read as 404 and logs the store's own words: those are what count.
            usleep(20_000)
            let said = Rclone.says(log(from: mark))
            if said != "rclone failed without a message" { throw FleetError.remote(operation: operation, target: target, says: said) }
            if r.status == 404 { throw FleetError.remote(operation: operation, target: target, says: "it is not there (404)") }
            throw failure(operation, target, r)
        }
    }

    func readAll(fs: String, path: String, operation: String, target: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try read(fs: fs, path: path, operation: operation, target: target, consumer: { out += $0 })
        return out
    }

    /// One object uploaded as `fs`/`folder`/`name` (operations/uploadfile, which streams it
    /// into the store as it arrives): the bytes go as HTTP chunks of one multipart part; when
    /// the connection breaks (rclone refused early), sending stops and rclone's answer is what
    /// `finish` reports.
    final class Upload {
        let fd: Int32
        let server: RcloneServer
        let operation: String, target: String
        var broken = false
        let boundary: String

        init(server: RcloneServer, fs: String, folder: String, name: String, operation: String, target: String) throws {
            self.server = server
            self.operation = operation
            self.target = target
            boundary = "vaultcli-" + SecureRandom.bytes(12).hexString
            try server.ready()
            fd = try server.connectSocket()
            let query = "fs=" + RcloneServer.escape(fs, keepSlash: false) + "&remote=" + RcloneServer.escape(folder, keepSlash: false)
            let head = "POST /operations/uploadfile?\(query) HTTP/1.1\r\nHost: rclone\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            let part = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            if !RcloneServer.sendAll(fd, Array(head.utf8)) { broken = true }
            _ = chunk(Array(part.utf8))
        }

        deinit { close(fd) }

        /// Sends `bytes` as one HTTP chunk; false once the connection is broken.
        @discardableResult
        func chunk(_ bytes: UnsafeRawBufferPointer) -> Bool {
            if broken { return false }
            if bytes.count == 0 { return true }
            if !RcloneServer.sendAll(fd, Array((String(bytes.count, radix: 16) + "\r\n").utf8)) || !RcloneServer.sendAll(fd, bytes)
                || !RcloneServer.sendAll(fd, [13, 10]) { broken = true }
            return !broken
        }

        @discardableResult
        func chunk(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { chunk($0) } }

        /// Ends the body (unless `abandon`), then reads rclone's answer: nil when the upload
        /// succeeded, else the error with rclone's words.
        func finish(abandon: Bool = false) -> FleetError? {
            if abandon {
                // Closing mid-body: rclone sees a truncated request and abandons the upload.
                shutdown(fd, Int32(SHUT_RDWR))
                return nil
            }
            if !broken {
                _ = chunk(Array("\r\n--\(boundary)--\r\n".utf8))
                if !broken && !RcloneServer.sendAll(fd, Array("0\r\n\r\n".utf8)) { broken = true }
            }
            do {
                let r = try server.readResponse(fd, consumer: nil)
                if r.status == 200 { return broken ? .remote(operation: operation, target: target, says: "the connection to rclone rcd broke") : nil }
                return server.failure(operation, target, r)
            } catch let e as FleetError {
                return e
            } catch {
                return .remote(operation: operation, target: target, says: "\(error)")
            }
        }
    }
}
