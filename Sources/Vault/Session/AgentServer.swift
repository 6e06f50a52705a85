import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the agent's self-pipe, for its signal handler.
nonisolated(unsafe) private var agentSignalPipe: Int32 = -1

/// The agent process (`vaultcli agent`, started by `vaultcli unlock`; never by hand).
public enum SessionAgentServer {
    /// Makes this process unfit for core dumps and for ptrace by other processes of the same
    /// user: RLIMIT_CORE 0 and PR_SET_DUMPABLE 0.
    public static func harden() {
        var rl = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &rl)
        // prctl is variadic in C and does not import; call it through its symbol.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") {
            let prctl = unsafeBitCast(sym, to: Prctl.self)
            _ = prctl(4 /* PR_SET_DUMPABLE */, 0, 0, 0, 0)
        }
    }

    /// Whether this process is non-dumpable (for tests and `unlock`'s check).
    public static func isDumpable() -> Bool {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return true }
        return unsafeBitCast(sym, to: Prctl.self)(3 /* PR_GET_DUMPABLE */, 0, 0, 0, 0) != 0
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(7 /* CLOCK_BOOTTIME: counts time suspended too */, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Reads the grant from `grantFD`, listens, writes "OK" to `readyFD`, and serves until the
    /// session ends. Never returns.
    public static func serve(grantFD: Int32, readyFD: Int32) -> Never {
        harden()
        signal(SIGPIPE, SIG_IGN)
        func fail(_ s: String) -> Never {
            _ = writePipe(readyFD, Array("ERR \(s)\n".utf8))
            exit(1)
        }
        // Close everything inherited but our pipes and the standard descriptors.
        for fd in 3..<1024 where fd != grantFD && fd != readyFD { close(Int32(fd)) }

        // 1. The grant.
        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(grantFD, $0.baseAddress!, 4096) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            raw += chunk[0..<n]
            if raw.count > 1 << 16 { fail("the grant is too large") }
        }
        wipe(&chunk)
        // Keep the descriptor number taken (by /dev/null) so the socket never lands on 0-2.
        let devnull = open("/dev/null", O_RDWR)
        if devnull >= 0 { dup2(devnull, grantFD); if devnull != grantFD && devnull != readyFD { close(devnull) } }
        guard let grant = try? SessionGrant.decode(raw) else { wipe(&raw); fail("malformed grant") }
        wipe(&raw)
        var payload = grant.keyPayload
        guard let keys = try? Keyslot.decodePayload(payload) else { wipe(&payload); fail("malformed key payload") }
        wipe(&payload)
        let vaultHex = grant.vaultId.hexString
        let idle = Double(min(grant.idleSeconds, SessionPolicy.maxIdleSeconds))
        let lifetime = Double(min(grant.lifetimeSeconds, SessionPolicy.maxLifetimeSeconds))
        let ownExe = AgentWire.executable(pid: nil)

        // 2. The socket.
        let sockPath: String, notePath: String
        do { sockPath = try SessionPaths.socket(vaultId: vaultHex); notePath = try SessionPaths.endedNote(vaultId: vaultHex) } catch {
            fail((error as? UserFacingError)?.message ?? "\(error)")
        }
        unlink(sockPath)
        unlink(notePath)
        let lfd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard lfd >= 0 else { fail("socket: \(String(cString: strerror(errno)))") }
        guard var addr = try? AgentWire.makeAddress(sockPath) else { fail("socket path too long") }
        let old = umask(0o177)
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(lfd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        umask(old)
        guard rc == 0 else { fail("bind \(sockPath): \(String(cString: strerror(errno)))") }
        chmod(sockPath, 0o600)
        guard listen(lfd, 16) == 0 else { fail("listen: \(String(cString: strerror(errno)))") }

        // 3. Signals end the session cleanly (SIGKILL cannot be caught; clients then find a
        // socket with nobody behind it and say so).
        var sp: [Int32] = [0, 0]
        guard cloexecPipe(&sp, nonBlocking: true) else { fail("pipe") }
        agentSignalPipe = sp[1]
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
            signal(sig) { _ in var b: UInt8 = 1; _ = write(agentSignalPipe, &b, 1) }
        }

        // 4. Ready.
        _ = writePipe(readyFD, Array("OK\n".utf8))
        if let nullFD = Optional(open("/dev/null", O_RDWR)), nullFD >= 0 {
            dup2(nullFD, readyFD); dup2(nullFD, 2)
            if nullFD > 2 && nullFD != lfd { close(nullFD) }
        }
        _ = chdir("/")

        let started = now()
        var lastUsed = started
        func end(_ reason: String) -> Never {
            unlink(sockPath)
            keys.keys.removeAll()       // SecretBytes deinit: sodium_memzero + sodium_free
            keys.auditSecretKey = nil
            let fd = open(notePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                let when = ISO8601.string(Date())
                _ = writePipe(fd, Array("\(reason) (at \(when)); the keys were wiped from memory\n".utf8))
                close(fd)
            }
            exit(0)
        }

        while true {
            let t = now()
            if t - started >= lifetime { end("it reached its limit of \(Int(lifetime / 60)) minutes in all") }
            if t - lastUsed >= idle { end("it was idle for more than \(Int(idle / 60)) minutes (PCI DSS 8.2.8)") }
            let wait = min(started + lifetime, lastUsed + idle) - t
            var fds = [pollfd(fd: lfd, events: Int16(POLLIN), revents: 0), pollfd(fd: sp[0], events: Int16(POLLIN), revents: 0)]
            let r = poll(&fds, 2, Int32(max(1, min(wait * 1000 + 5, 60_000))))
            if r < 0 { if errno == EINTR { continue }; end("the agent failed (poll)") }
            if fds[1].revents != 0 { end("the session agent was stopped by a signal") }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let cfd = accept(lfd, nil, nil)
            if cfd < 0 { continue }
            AgentWire.setTimeout(cfd, seconds: 2)
            // Same user, and the same vaultcli executable as this agent.
            guard let peer = AgentWire.peer(cfd), peer.uid == getuid() else {
                _ = AgentWire.writeAll(cfd, AgentWire.message([AgentWire.refused] + Array("the client is another user".utf8)))
                close(cfd); continue
            }
            guard var req = AgentWire.readMessage(cfd), let op = req.first else { close(cfd); continue }
            defer { wipe(&req) }
            if op == AgentWire.lock {
                _ = AgentWire.writeAll(cfd, AgentWire.message([AgentWire.ok]))
                close(cfd)
                end("it was locked with `vaultcli lock`")
            }
            let remaining = Int(started + lifetime - now())
            let idleLeft = Int(lastUsed + idle - now())
            if op == AgentWire.status {
                let info = SessionGrant(vaultId: grant.vaultId, operatorName: grant.operatorName, role: grant.role, operatorId: grant.operatorId,
                                        idleSeconds: max(0, idleLeft), lifetimeSeconds: max(0, remaining), keyPayload: []).encode()
                _ = AgentWire.writeAll(cfd, AgentWire.message([AgentWire.ok] + info))
                close(cfd); continue
            }
            guard op == AgentWire.get, req.count == 17 else { close(cfd); continue }
            let peerExe = AgentWire.executable(pid: peer.pid)
            guard let ownExe, peerExe == ownExe else {
                _ = AgentWire.writeAll(cfd, AgentWire.message([AgentWire.refused] + Array("the client is not the vaultcli that started this session (\(peerExe ?? "unknown"))".utf8)))
                close(cfd); continue
            }
            guard Array(req[1...]) == grant.vaultId else {
                _ = AgentWire.writeAll(cfd, AgentWire.message([AgentWire.wrongVault]))
                close(cfd); continue
            }
            lastUsed = now()
            var p = Keyslot.encodePayload(keys: keys, role: grant.role)
            var answer = [AgentWire.ok] + SessionGrant(vaultId: grant.vaultId, operatorName: grant.operatorName, role: grant.role,
                                                       operatorId: grant.operatorId, idleSeconds: Int(idle), lifetimeSeconds: max(0, remaining),
                                                       keyPayload: p).encode()
            var msg = AgentWire.message(answer)
            _ = AgentWire.writeAll(cfd, msg)
            wipe(&p); wipe(&answer); wipe(&msg)
            close(cfd)
        }
    }
}

/// write(2) of a whole buffer to a pipe or file (send(2) works only on sockets).
func writePipe(_ fd: Int32, _ b: [UInt8]) -> Bool {
    var off = 0
    return b.withUnsafeBytes { p in
        while off < p.count {
            let n = write(fd, p.baseAddress! + off, p.count - off)
            if n < 0 { if errno == EINTR { continue }; return false }
            off += n
        }
        return true
    }
}
