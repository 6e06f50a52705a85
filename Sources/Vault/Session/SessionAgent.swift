import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Sessions (docs/SESSIONS.md): `vaultcli unlock` hands an operator's unwrapped keys to a small
/// agent process that keeps them in locked, non-dumpable memory and runs session commands for
/// processes of the same user (over a Unix socket), as that operator, until the session is
/// locked, stays idle for 15 minutes, or reaches 8 hours. Keys never leave the agent and never
/// touch the disk.
public enum SessionPolicy {
    /// PCI DSS v4.0.1 8.2.8: re-authenticate after 15 minutes idle.
    public static let maxIdleSeconds = 15 * 60
    /// At most 8 hours in all.
    public static let maxLifetimeSeconds = 8 * 3600
}

public enum SessionError: UserFacingError, Equatable {
    case noSession(vaultPath: String)
    case ended(reason: String)
    case agentGone
    case refused(SessionRefusal)
    case insecureDirectory(String)
    case operatorChanged(String)
    /// The agent ran nothing: the request asked for something a session does not do.
    case requestRefused(String)

    public var message: String {
        switch self {
        case .noSession(let p): "no session is open for the vault at \(p), and no --user was given"
        case .ended(let r): "the session ended: \(r)"
        case .agentGone: "the session agent is not running any more (it was stopped or crashed); the session is over"
        case .refused(let s): "the session agent refused: \(s)"
        case .insecureDirectory(let s): "refusing the session directory: \(s)"
        case .operatorChanged(let s): "the session is no longer valid: \(s)"
        case .requestRefused(let s): "the session agent refused the request: \(s)"
        }
    }

    public var hints: [String] {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged:
            ["start a session with `vaultcli unlock --user NAME`, or give --user NAME to this command (it asks for the password)"]
        case .refused: ["run `vaultcli lock`, then `vaultcli unlock --user NAME` with this vaultcli"]
        case .insecureDirectory: ["the directory must belong to you and have mode 0700; remove it and try again"]
        case .requestRefused: ["a session runs the commands its operator's role allows, as that operator; changing a password, one-time codes or recovery material, or acting as someone else, takes --user NAME (it asks for the password)"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged: .authenticationFailed
        case .refused, .insecureDirectory, .requestRefused: .permissionDenied
        }
    }
}

/// What `unlock` hands the agent it starts (through a pipe), and, with an empty key payload,
/// what a STATUS request answers.
struct SessionGrant {
    var vaultId: [UInt8]
    var operatorName: String
    var role: Role
    var operatorId: [UInt8]
    var idleSeconds: Int
    var lifetimeSeconds: Int
    var keyPayload: [UInt8]

    func encode() -> [UInt8] {
        var w = ByteWriter()
        w.raw(Array("VCSG1".utf8))
        w.raw(vaultId)
        w.string16(operatorName)
        w.u8(role.code)
        w.raw(operatorId)
        w.u32(UInt32(idleSeconds)); w.u32(UInt32(lifetimeSeconds))
        w.blob16(keyPayload)
        return w.bytes
    }

    static func decode(_ b: [UInt8]) throws -> SessionGrant {
        var r = ByteReader(b)
        guard try r.array(5) == Array("VCSG1".utf8) else { throw ByteReader.Truncated() }
        let vid = try r.array(16)
        let name = try r.string16()
        guard let role = Role(code: try r.u8()) else { throw ByteReader.Truncated() }
        let op = try r.array(16)
        let idle = Int(try r.u32()), life = Int(try r.u32())
        let payload = try r.blob16()
        guard r.atEnd else { throw ByteReader.Truncated() }
        return SessionGrant(vaultId: vid, operatorName: name, role: role, operatorId: op, idleSeconds: idle, lifetimeSeconds: life, keyPayload: payload)
    }

    /// Decodes a grant read into locked memory, in place: the keys are copied from there into
    /// SecretBytes of their own (the grant returned has an empty `keyPayload`).
    static func decodeLocked(_ raw: UnsafeRawBufferPointer) throws -> (SessionGrant, KeyRing) {
        var r = RawReader(raw)
        guard Array(try r.take(5)) == Array("VCSG1".utf8) else { throw ByteReader.Truncated() }
        let vid = Array(try r.take(16))
        guard let name = String(validating: try r.take(Int(try r.u16())), as: UTF8.self) else { throw ByteReader.Truncated() }
        guard let role = Role(code: try r.u8()) else { throw ByteReader.Truncated() }
        let op = Array(try r.take(16))
        let idle = Int(try r.u32()), life = Int(try r.u32())
        let keys = try Keyslot.decodePayload(raw: try r.take(Int(try r.u16())))
        guard r.atEnd else { throw ByteReader.Truncated() }
        return (SessionGrant(vaultId: vid, operatorName: name, role: role, operatorId: op, idleSeconds: idle, lifetimeSeconds: life, keyPayload: []), keys)
    }
}

/// Where sessions live: `$XDG_RUNTIME_DIR/vaultcli/`, else `/tmp/vaultcli-$UID/` (mode 0700,
/// owned by the user); one socket per vault, named after the vault id.
public enum SessionPaths {
    public static func directory() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let base: String
        if let x = env["XDG_RUNTIME_DIR"], !x.isEmpty, x.hasPrefix("/") { base = x + "/vaultcli" } else { base = "/tmp/vaultcli-\(getuid())" }
        if mkdir(base, 0o700) != 0 && errno != EEXIST { throw VaultError.io(path: base, operation: "create the session directory", errno: errno) }
        var st = stat()
        guard lstat(base, &st) == 0 else { throw VaultError.io(path: base, operation: "inspect", errno: errno) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw SessionError.insecureDirectory("\(base) is not a directory") }
        guard st.st_uid == getuid() else { throw SessionError.insecureDirectory("\(base) belongs to another user") }
        guard st.st_mode & 0o077 == 0 else { throw SessionError.insecureDirectory("\(base) can be used by others (mode \(String(st.st_mode & 0o777, radix: 8)))") }
        return base
    }

    public static func socket(vaultId: String) throws -> String { try directory() + "/\(vaultId).sock" }
    public static func endedNote(vaultId: String) throws -> String { try directory() + "/\(vaultId).ended" }
}

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

    static func makeAddress(_ path: String) throws -> sockaddr_un {
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

    static func writeAll(_ fd: Int32, _ b: [UInt8]) -> Bool {
        var off = 0
        return b.withUnsafeBytes { p in
            while off < p.count {
                let n = Glibc.send(fd, p.baseAddress! + off, p.count - off, Int32(MSG_NOSIGNAL))
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
    }

    /// Sends a u32-length-prefixed message with `fds` attached (SCM_RIGHTS) to its first byte.
    static func sendMessage(_ fd: Int32, _ body: [UInt8], fds: [Int32]) -> Bool {
        let msg = message(body)
        guard !fds.isEmpty else { return writeAll(fd, msg) }
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
        return first == msg.count || writeAll(fd, Array(msg[first...]))
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

/// A command for the agent to run as the session's operator: a session command's arguments
/// (`tx add --amount 3.00`, `account show LABEL`, ...) and the environment it reads. The
/// client's stdin, stdout, stderr and working directory travel with it as descriptors.
public struct SessionRequest: Sendable {
    public var arguments: [String]
    public var environment: [String: String]

    public init(arguments: [String], environment: [String: String]) {
        self.arguments = arguments; self.environment = environment
    }

    /// The environment variables a session command reads (vault path, state directory, lock
    /// wait, time zone, locale); nothing else is sent.
    public static func environmentToSend(_ env: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        let names: Set<String> = ["HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TZ", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES",
                                  "LC_TIME", "LC_NUMERIC", "PATH", "TMPDIR", "TERM", "COLUMNS", "NO_COLOR"]
        return env.filter { names.contains($0.key) || $0.key.hasPrefix("VAULTCLI_") }
    }

    /// `u8 op 4 | u8 version | vault id (16) | u16 count, u16-length arguments | u16 count, u16-length "NAME=value"`.
    func encode(vaultId: [UInt8]) throws -> [UInt8] {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let size = 22 + (arguments + env).reduce(0) { $0 + 2 + $1.utf8.count }
        guard size <= AgentWire.maxMessage, arguments.count < 1 << 16, env.count < 1 << 16 else {
            throw VaultError.input(.requestTooLong(bytes: size, max: AgentWire.maxMessage))
        }
        var w = ByteWriter(capacity: size)
        w.u8(AgentWire.run); w.u8(AgentWire.runVersion); w.raw(vaultId)
        w.u16(UInt16(arguments.count)); for a in arguments { w.string16(a) }
        w.u16(UInt16(env.count)); for e in env { w.string16(e) }
        return w.bytes
    }

    enum DecodeFailure: Error { case version(UInt8), malformed }

    /// Parses a RUN request (after the op byte): the vault id it names, and the request.
    static func decode(_ b: ArraySlice<UInt8>) throws(DecodeFailure) -> (vaultId: [UInt8], request: SessionRequest) {
        var r = ByteReader(Array(b))
        do {
            let v = try r.u8()
            guard v == AgentWire.runVersion else { throw DecodeFailure.version(v) }
            let vid = try r.array(16)
            var args: [String] = []
            for _ in 0..<Int(try r.u16()) {
                let a = try r.blob16()
                guard let s = String(validating: a, as: UTF8.self), !s.utf8.contains(0) else { throw DecodeFailure.malformed }
                args.append(s)
            }
            var env: [String: String] = [:]
            for _ in 0..<Int(try r.u16()) {
                let e = try r.blob16()
                guard let s = String(validating: e, as: UTF8.self), !s.utf8.contains(0), let eq = s.firstIndex(of: "="),
                      eq != s.startIndex else { throw DecodeFailure.malformed }
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            guard r.atEnd else { throw DecodeFailure.malformed }
            return (vid, SessionRequest(arguments: args, environment: env))
        } catch let e as DecodeFailure {
            throw e
        } catch {
            throw .malformed
        }
    }
}

/// What the agent hands the command runner for one request, in the process that runs it.
public struct SessionJob {
    /// The session's operator and keys, as `unlock` established them (never from the request).
    public let session: Session
    /// The vault this session belongs to (hex).
    public let vaultId: String
    public let request: SessionRequest
    /// The client's terminal, when it sent one (for prompts).
    public let terminalFD: Int32?
}

/// The client side: what commands use to reach the session of a vault.
public enum SessionClient {
    private static func connect(_ path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = (try? AgentWire.makeAddress(path)) ?? sockaddr_un()
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        if rc != 0 { close(fd); return nil }
        AgentWire.setTimeout(fd, seconds: 5)
        return fd
    }

    private static func request(_ path: String, _ req: [UInt8]) -> (answer: [UInt8]?, connected: Bool) {
        guard let fd = connect(path) else { return (nil, false) }
        defer { close(fd) }
        guard AgentWire.writeAll(fd, AgentWire.message(req)) else { return (nil, true) }
        return (AgentWire.readMessage(fd), true)
    }

    /// The agent's note says when the session ended in UTC (`(at 2026-11-22T12:30:00Z)`); it
    /// is shown in the reader's local time (LocalTime).
    static func localTimeInNote(_ note: String) -> String {
        guard let open = note.firstRange(of: "(at "), let close = note[open.upperBound...].firstIndex(of: ")"),
              let when = ISO8601.date(String(note[open.upperBound..<close])) else { return note }
        return String(note[..<open.upperBound]) + LocalTime.string(when) + String(note[close...])
    }

    /// The socket of `vaultId`'s session, or why there is none.
    private static func liveSocket(vaultId: String, vaultPath: String) throws -> String {
        let sock = try SessionPaths.socket(vaultId: vaultId)
        guard FileSystem.exists(sock) else {
            if let note = try? String(contentsOfFile: try SessionPaths.endedNote(vaultId: vaultId), encoding: .utf8), !note.isEmpty {
                throw SessionError.ended(reason: localTimeInNote(note.trimmed(.whitespacesAndNewlines)))
            }
            throw SessionError.noSession(vaultPath: vaultPath)
        }
        return sock
    }

    /// Asks the agent of `vaultId` to run `request` as the session's operator, on this
    /// process's stdin, stdout, stderr, working directory and terminal. Returns the command's
    /// exit status. The agent writes the command's output itself; no key comes back.
    public static func run(vaultId: String, vaultPath: String, request: SessionRequest) throws -> Int32 {
        let sock = try liveSocket(vaultId: vaultId, vaultPath: vaultPath)
        guard let vid = [UInt8](hexString: vaultId) else { throw SessionError.noSession(vaultPath: vaultPath) }
        let body = try request.encode(vaultId: vid)
        guard let fd = connect(sock) else {
            // A socket with no agent behind it: the agent was killed. Clean up.
            unlink(sock)
            throw SessionError.agentGone
        }
        defer { close(fd) }
        // O_PATH (010000000): a handle on the directory that works even where it is not readable.
        let cwd = open(".", 0o10000000 | O_DIRECTORY | O_CLOEXEC)
        guard cwd >= 0 else { throw VaultError.io(path: ".", operation: "open the working directory", errno: errno) }
        defer { close(cwd) }
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        defer { if tty >= 0 { close(tty) } }
        var fds: [Int32] = [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO, cwd]
        if tty >= 0 { fds.append(tty) }
        guard AgentWire.sendMessage(fd, body, fds: fds) else { throw SessionError.agentGone }
        // The command may run for a long time (an export of a million records): no time limit.
        var tv = timeval(tv_sec: 0, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard let a = AgentWire.readMessage(fd), let status = a.first else {
            throw SessionError.ended(reason: "the session agent stopped while it ran this command (locked, timed out or killed); the command may not have finished")
        }
        switch status {
        case AgentWire.ok:
            var r = ByteReader(Array(a.dropFirst()))
            guard let code = try? r.u32(), r.atEnd else { throw SessionError.refused(.malformedAnswer) }
            return Int32(bitPattern: code)
        case AgentWire.wrongVault:
            throw SessionError.refused(.otherVault)
        default:
            throw SessionError.refused(SessionRefusal(wire: String(decoding: a.dropFirst(), as: UTF8.self)))
        }
    }

    /// Whether an agent's socket exists for `vaultId` (it may still turn out to be dead).
    public static func isLive(vaultId: String) -> Bool {
        guard let sock = try? SessionPaths.socket(vaultId: vaultId) else { return false }
        return FileSystem.exists(sock)
    }

    /// Ends the session of `vaultId` at once. Returns false when none was running.
    @discardableResult
    public static func lock(vaultId: String) throws -> Bool {
        let sock = try SessionPaths.socket(vaultId: vaultId)
        guard FileSystem.exists(sock) else { return false }
        let (answer, connected) = request(sock, [AgentWire.lock])
        if !connected { unlink(sock); return false }
        if let a = answer, a.first == AgentWire.refused {
            throw SessionError.refused(SessionRefusal(wire: String(decoding: a.dropFirst(), as: UTF8.self)))
        }
        // Wait (briefly) for the agent to remove its socket.
        for _ in 0..<100 where FileSystem.exists(sock) { usleep(10_000) }
        return true
    }

    /// Who holds the session, and its remaining times (no keys).
    public static func status(vaultId: String) throws -> (name: String, role: Role, idleLeft: Int, lifeLeft: Int)? {
        let sock = try SessionPaths.socket(vaultId: vaultId)
        guard FileSystem.exists(sock) else { return nil }
        let (answer, _) = request(sock, [AgentWire.status])
        guard let a = answer, a.first == AgentWire.ok, let g = try? SessionGrant.decode(Array(a[1...])) else { return nil }
        return (g.operatorName, g.role, g.idleSeconds, g.lifetimeSeconds)
    }
}

extension Session {
    /// What the agent needs to serve this session.
    /// Built in locked memory (the same bytes as `SessionGrant.encode`): the keys go from their
    /// own SecretBytes to this buffer, which is written to the agent's pipe from there.
    func grant(vaultId: [UInt8], idleSeconds: Int, lifetimeSeconds: Int) throws -> SecretBytes {
        let payload = try Keyslot.encodePayloadLocked(keys: keys, role: role)
        let name = Array(operatorName.utf8)
        let count = 5 + vaultId.count + 2 + name.count + 1 + operatorId.count + 8 + 2 + payload.count
        return try SecretBytes.build(count: count) { w in
            w.raw(Array("VCSG1".utf8))
            w.raw(vaultId)
            w.u16(UInt16(name.count)); w.raw(name)
            w.u8(role.code)
            w.raw(operatorId)
            w.u32(UInt32(idleSeconds)); w.u32(UInt32(lifetimeSeconds))
            w.u16(UInt16(payload.count))
            payload.withUnsafeBytes { w.raw($0) }
        }
    }
}

extension Vault {
    /// The grant that `unlock` sends to a new agent.
    public func sessionGrant(_ s: Session, idleSeconds: Int, lifetimeSeconds: Int) throws -> SecretBytes {
        try s.grant(vaultId: file.header.vaultId, idleSeconds: idleSeconds, lifetimeSeconds: lifetimeSeconds)
    }

    /// Checks that a session from the agent still matches an operator slot of this vault (same
    /// operator, same role): a removed or demoted operator's session stops working.
    /// What a command run in a live session gets in place of a login: the session (still
    /// valid: `checkSessionStillValid`) with the keys its operator's envelope holds now, and
    /// the operator's profile as the vault has it now. The session keeps only the operator's
    /// personal key's worth of trust: after a key rotation (an operator removed or demoted since
    /// `unlock`) the envelope, which the rotation re-sealed, gives the new keys, exactly as a
    /// login would. No password is checked and nothing is written: `unlock` was the login.
    public func sessionLogin(_ s: Session) throws -> LoginResult {
        guard !file.isLegacy, let pk = s.personalKey else {
            try checkSessionStillValid(s)
            return LoginResult(session: s, profile: try unlocked(by: s).operators.profile(named: s.operatorName), expiresInDays: nil)
        }
        guard let slot = try operatorSlot(named: s.operatorName), slot.operatorId == s.operatorId, slot.role == s.role else {
            throw SessionError.operatorChanged("the operator \(s.operatorName) was removed, renamed or changed role since the session began")
        }
        let ring = KeyRing()
        ring.personalKey = pk
        let (fresh, env, signed) = try session(from: slot, ring: ring)
        // Disabled since? (Read with the keys of now: a rotation re-sealed the profiles.)
        try checkSessionStillValid(fresh)
        var profile = signed
        profile.passwordChangedAt = env.passwordChangedAt
        profile.mustChangePassword = env.mustChangePassword
        profile.slotId = env.slotId
        profile.totpEnabled = env.totpSecret != nil
        return LoginResult(session: fresh, profile: profile, expiresInDays: nil)
    }

    public func checkSessionStillValid(_ s: Session) throws {
        let slots = try keyslots()
        guard slots.contains(where: { $0.type == .operatorPassword && $0.operatorId == s.operatorId && $0.role == s.role && $0.name == s.operatorName }) else {
            throw SessionError.operatorChanged("the operator \(s.operatorName) was removed, renamed or changed role since the session began")
        }
        // An operator disabled since the session began loses it at once.
        if let p = try record(.operatorProfile, OperatorProfile.self, subject: s.operatorId, keys: s.keys), p.status == .disabled {
            throw OperatorError.disabled(name: p.name)
        }
    }
}

extension Vault {
    /// The vault id (hex) from the header alone, without taking the lock: what a client needs to
    /// find the session's socket. The agent opens and checks the whole vault itself.
    public static func sessionVaultId(path: String) throws -> String {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { throw VaultError.noVault(path: path) }
            throw VaultError.io(path: path, operation: "inspect", errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw VaultError.symlinkRefused(path: path) }
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw VaultError.io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var b = [UInt8](repeating: 0, count: FormatV1.headerLength)
        var got = 0
        while got < b.count {
            let n = b.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: path, operation: "read", errno: errno) }
            if n == 0 { break }
            got += n
        }
        return try VaultHeader.decode(Array(b[0..<got]), path: path).vaultId.hexString
    }
}
