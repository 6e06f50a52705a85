import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Sessions (docs/SESSIONS.md): `vaultcli unlock` hands an operator's unwrapped keys to a small
/// agent process that keeps them in locked, non-dumpable memory and serves them over a Unix
/// socket to vaultcli processes of the same user, until the session is locked, stays idle for
/// 15 minutes, or reaches 8 hours. Keys never touch the disk.
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
    case refused(String)
    case insecureDirectory(String)
    case operatorChanged(String)

    public var message: String {
        switch self {
        case .noSession(let p): "no session is open for the vault at \(p), and no --user was given"
        case .ended(let r): "the session ended: \(r)"
        case .agentGone: "the session agent is not running any more (it was stopped or crashed); the session is over"
        case .refused(let s): "the session agent refused: \(s)"
        case .insecureDirectory(let s): "refusing the session directory: \(s)"
        case .operatorChanged(let s): "the session is no longer valid: \(s)"
        }
    }

    public var hints: [String] {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged:
            ["start a session with `vaultcli unlock --user NAME`, or give --user NAME to this command (it asks for the password)"]
        case .refused: ["run `vaultcli lock`, then `vaultcli unlock --user NAME` with this vaultcli"]
        case .insecureDirectory: ["the directory must belong to you and have mode 0700; remove it and try again"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged: .authenticationFailed
        case .refused, .insecureDirectory: .permissionDenied
        }
    }
}

/// What the agent holds and hands out (the wire form of a session).
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

/// The wire protocol: one request, one answer, per connection.
enum AgentWire {
    static let get: UInt8 = 1, lock: UInt8 = 2, status: UInt8 = 3
    static let ok: UInt8 = 0, wrongVault: UInt8 = 1, refused: UInt8 = 2

    static func makeAddress(_ path: String) throws -> sockaddr_un {
        var a = sockaddr_un()
        a.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: a.sun_path) else {
            throw VaultError.invalidInput("the session socket path \(path) is too long")
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

    /// Reads a u32-length-prefixed message (at most 64 KiB).
    static func readMessage(_ fd: Int32) -> [UInt8]? {
        func exactly(_ n: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: n)
            var off = 0
            while off < n {
                let r = out.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress! + off, n - off, 0) }
                if r < 0 { if errno == EINTR { continue }; return nil }
                if r == 0 { return nil }
                off += r
            }
            return out
        }
        guard let len = exactly(4) else { return nil }
        let n = Int(UInt32(len[0]) | UInt32(len[1]) << 8 | UInt32(len[2]) << 16 | UInt32(len[3]) << 24)
        guard n <= 1 << 16 else { return nil }
        return n == 0 ? [] : exactly(n)
    }

    static func message(_ b: [UInt8]) -> [UInt8] {
        var w = ByteWriter(capacity: b.count + 4)
        w.u32(UInt32(b.count)); w.raw(b)
        return w.bytes
    }

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

/// The client side: what commands use to find the session for a vault.
public enum SessionClient {
    public enum Lookup {
        case session(Session, idleSeconds: Int, remainingSeconds: Int)
        case none(SessionError)
    }

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

    /// Asks the agent of `vaultId` for its keys.
    public static func fetch(vaultId: String, vaultPath: String) throws -> Lookup {
        let sock = try SessionPaths.socket(vaultId: vaultId)
        guard FileSystem.exists(sock) else {
            if let note = try? String(contentsOfFile: try SessionPaths.endedNote(vaultId: vaultId), encoding: .utf8), !note.isEmpty {
                return .none(.ended(reason: note.trimmed(.whitespacesAndNewlines)))
            }
            return .none(.noSession(vaultPath: vaultPath))
        }
        guard let vid = [UInt8](hexString: vaultId) else { return .none(.noSession(vaultPath: vaultPath)) }
        let (answer, connected) = request(sock, [AgentWire.get] + vid)
        guard connected else {
            // A socket with no agent behind it: the agent was killed. Clean up.
            unlink(sock)
            return .none(.agentGone)
        }
        guard var a = answer, !a.isEmpty else { return .none(.agentGone) }
        defer { wipe(&a) }
        switch a[0] {
        case AgentWire.ok:
            let g = try SessionGrant.decode(Array(a[1...]))
            var payload = g.keyPayload
            defer { wipe(&payload) }
            let keys = try Keyslot.decodePayload(payload)
            let s = Session.restored(operatorName: g.operatorName, role: g.role, operatorId: g.operatorId, keys: keys)
            return .session(s, idleSeconds: g.idleSeconds, remainingSeconds: g.lifetimeSeconds)
        case AgentWire.wrongVault:
            return .none(.refused("it holds a session for another vault"))
        default:
            return .none(.refused(String(decoding: a.dropFirst(), as: UTF8.self)))
        }
    }

    /// Ends the session of `vaultId` at once. Returns false when none was running.
    @discardableResult
    public static func lock(vaultId: String) throws -> Bool {
        let sock = try SessionPaths.socket(vaultId: vaultId)
        guard FileSystem.exists(sock) else { return false }
        let (answer, connected) = request(sock, [AgentWire.lock])
        if !connected { unlink(sock); return false }
        if let a = answer, a.first == AgentWire.refused {
            throw SessionError.refused(String(decoding: a.dropFirst(), as: UTF8.self))
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
    /// A session rebuilt from the agent's keys (no password was typed in this process).
    static func restored(operatorName: String, role: Role, operatorId: [UInt8], keys: KeyRing) -> Session {
        Session(operatorName: operatorName, role: role, operatorId: operatorId, keys: keys)
    }

    /// What the agent needs to serve this session.
    func grant(vaultId: [UInt8], idleSeconds: Int, lifetimeSeconds: Int) -> [UInt8] {
        var payload = Keyslot.encodePayload(keys: keys, role: role)
        defer { wipe(&payload) }
        return SessionGrant(vaultId: vaultId, operatorName: operatorName, role: role, operatorId: operatorId,
                            idleSeconds: idleSeconds, lifetimeSeconds: lifetimeSeconds, keyPayload: payload).encode()
    }
}

extension Vault {
    /// The grant that `unlock` sends to a new agent.
    public func sessionGrant(_ s: Session, idleSeconds: Int, lifetimeSeconds: Int) -> [UInt8] {
        s.grant(vaultId: file.header.vaultId, idleSeconds: idleSeconds, lifetimeSeconds: lifetimeSeconds)
    }

    /// Checks that a session from the agent still matches an operator slot of this vault (same
    /// operator, same role): a removed or demoted operator's session stops working.
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
