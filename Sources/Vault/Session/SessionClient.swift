import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The client side: what commands use to reach the session of a vault.
public enum SessionClient {
    private static func connect(_ path: String) -> Int32? {
        let fd = UnixSocket.connect(path).fd
        guard fd >= 0 else { return nil }
        AgentWire.setTimeout(fd, seconds: 5)
        return fd
    }

    private static func request(_ path: String, _ req: [UInt8]) -> (answer: [UInt8]?, connected: Bool) {
        guard let fd = connect(path) else { return (nil, false) }
        defer { close(fd) }
        guard UnixSocket.sendAll(fd, AgentWire.message(req)) else { return (nil, true) }
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
