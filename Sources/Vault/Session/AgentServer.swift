import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

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
    ///
    /// Each RUN request is run by `runner` in a child process (fork): it gets the session (the
    /// keys stay in memory, never on the wire), the request, and the client's descriptors as its
    /// stdin, stdout, stderr and working directory, and returns the command's exit status,
    /// which goes back to the client. A request that crashes or hangs ends only its child.
    /// `warmUp` runs once, before the agent says it is ready, with the session.
    public static func serve(grantFD: Int32, readyFD: Int32, warmUp: (Session) -> Void = { _ in },
                             runner: @escaping (SessionJob) -> Int32) -> Never {
        harden()
        signal(SIGPIPE, SIG_IGN)
        func fail(_ s: String) -> Never {
            _ = writePipe(readyFD, Array("ERR \(s)\n".utf8))
            exit(1)
        }
        // Close everything inherited but our pipes and the standard descriptors.
        for fd in 3..<1024 where fd != grantFD && fd != readyFD { close(Int32(fd)) }

        // 1. The grant, read straight into locked memory (it carries the keys) and decoded
        // from there: each key is copied from it into a SecretBytes of its own.
        let cap = (1 << 16) + 1
        guard let rawGrant = try? SecretBytes(count: cap) else { fail("no memory for the grant") }
        var got = 0
        rawGrant.withUnsafeMutableBytes { buf in
            while got < cap {
                let n = Glibc.read(grantFD, buf.baseAddress! + got, cap - got)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
        }
        if got > 1 << 16 { fail("the grant is too large") }
        TestProbe.record("grant locked bytes=\(got)")
        // Keep the descriptor number taken (by /dev/null) so the socket never lands on 0-2.
        let devnull = open("/dev/null", O_RDWR)
        if devnull >= 0 { dup2(devnull, grantFD); if devnull != grantFD && devnull != readyFD { close(devnull) } }
        let decoded = try? rawGrant.withUnsafeBytes { try SessionGrant.decodeLocked(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
        // The keys are in SecretBytes of their own now; `serve` never returns, so the grant's
        // buffer is wiped here rather than on release.
        rawGrant.wipeNow()
        guard let (grant, keys) = decoded else { fail("malformed grant") }
        let session = Session(operatorName: grant.operatorName, role: grant.role, operatorId: grant.operatorId, keys: keys)
        // Before serving: fill the caches every forked child inherits (see AgentRunner.warmUp).
        warmUp(session)
        let vaultHex = grant.vaultId.hexString
        let idle = Double(min(grant.idleSeconds, SessionPolicy.maxIdleSeconds))
        let lifetime = Double(min(grant.lifetimeSeconds, SessionPolicy.maxLifetimeSeconds))

        // 2. The socket.
        let sockPath: String, notePath: String
        do { sockPath = try SessionPaths.socket(vaultId: vaultHex); notePath = try SessionPaths.endedNote(vaultId: vaultHex) } catch {
            fail((error as? UserFacingError)?.message ?? "\(error)")
        }
        unlink(sockPath)
        unlink(notePath)
        let lfd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard lfd >= 0 else { fail("socket: \(String(cString: strerror(errno)))") }
        guard var addr = try? UnixSocket.address(sockPath) else { fail("socket path too long") }
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
        /// Requests being run: child pid -> the connection to its client (kept to notice a client
        /// that went away; the child then ends).
        var running: [pid_t: Int32] = [:]
        func reap() {
            while true {
                var st: Int32 = 0
                let pid = waitpid(-1, &st, WNOHANG)
                guard pid > 0 else { break }
                if let c = running.removeValue(forKey: pid) { close(c) }
                lastUsed = now()
            }
        }
        func end(_ reason: String) -> Never {
            unlink(sockPath)
            // A command still running holds a copy of the keys: it ends with the session.
            for pid in running.keys { kill(pid, SIGKILL) }
            keys.keys.removeAll()       // SecretBytes deinit: sodium_memzero + sodium_free
            keys.auditSecretKey = nil
            keys.extra.removeAll()
            let fd = open(notePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                let when = ISO8601.string(Date())
                _ = writePipe(fd, Array("\(reason) (at \(when)); the keys were wiped from memory\n".utf8))
                close(fd)
            }
            for pid in running.keys { var st: Int32 = 0; waitpid(pid, &st, 0) }
            exit(0)
        }
        func answer(_ cfd: Int32, _ msg: [UInt8]) {
            _ = UnixSocket.sendAll(cfd, msg)
            // Discard what the client sent and we did not read (a refused request): closing with
            // unread data would reset the connection and lose the answer on the client's side.
            var sink = [UInt8](repeating: 0, count: 65536)
            for _ in 0..<64 where sink.withUnsafeMutableBytes({ recv(cfd, $0.baseAddress!, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
            close(cfd)
        }

        while true {
            reap()
            let t = now()
            if t - started >= lifetime { end("it reached its limit of \(Int(lifetime / 60)) minutes in all") }
            // The idle clock runs from the start or the end of the last command, whichever is
            // later: a command left waiting that long (a prompt nobody answers, an input that
            // never ends) ends with the session.
            if t - lastUsed >= idle { end("it was idle for more than \(Int(idle / 60)) minutes (PCI DSS 8.2.8)") }
            let wait = min(started + lifetime, lastUsed + idle, running.isEmpty ? .infinity : t + 1) - t
            var fds = [pollfd(fd: lfd, events: Int16(POLLIN), revents: 0), pollfd(fd: sp[0], events: Int16(POLLIN), revents: 0)]
            let children = Array(running)
            for (_, c) in children { fds.append(pollfd(fd: c, events: Int16(0x2000 /* POLLRDHUP */), revents: 0)) }
            let r = poll(&fds, nfds_t(fds.count), Int32(max(1, min(wait * 1000 + 5, 60_000))))
            if r < 0 { if errno == EINTR { continue }; end("the agent failed (poll)") }
            if fds[1].revents != 0 { end("the session agent was stopped by a signal") }
            // A client that went away (Ctrl-C, killed): its command ends, as it would have in
            // the client's own process.
            for (i, (pid, _)) in children.enumerated() where fds[2 + i].revents != 0 { kill(pid, SIGKILL) }
            guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
            let cfd = accept(lfd, nil, nil)
            if cfd < 0 { continue }
            AgentWire.setTimeout(cfd, seconds: 2)
            // Only the same user (SO_PEERCRED).
            guard let peer = AgentWire.peer(cfd), peer.uid == getuid() else {
                answer(cfd, AgentWire.refusal(.otherUser))
                continue
            }
            var passed: [Int32] = []
            let read = AgentWire.readMessage(cfd, fds: &passed)
            defer { for f in passed { close(f) } }
            let req: [UInt8]
            switch read {
            case .success(let b): req = b
            case .failure(.tooLarge(let n)):
                answer(cfd, AgentWire.refusal(.tooLarge(bytes: n, max: AgentWire.maxMessage))); continue
            case .failure(.tooManyDescriptors):
                answer(cfd, AgentWire.refusal(.tooManyDescriptors)); continue
            case .failure(.closed):
                close(cfd); continue
            }
            guard let op = req.first else { answer(cfd, AgentWire.refusal(.emptyRequest)); continue }
            switch op {
            case AgentWire.lock:
                answer(cfd, AgentWire.message([AgentWire.ok]))
                end("it was locked with `vaultcli lock`")
            case AgentWire.status:
                let info = SessionGrant(vaultId: grant.vaultId, operatorName: grant.operatorName, role: grant.role, operatorId: grant.operatorId,
                                        idleSeconds: max(0, Int(lastUsed + idle - now())), lifetimeSeconds: max(0, Int(started + lifetime - now())),
                                        keyPayload: []).encode()
                answer(cfd, AgentWire.message([AgentWire.ok] + info))
            case AgentWire.retiredGet:
                answer(cfd, AgentWire.refusal(.neverHandsOutKeys))
            case AgentWire.run:
                let vid: [UInt8], request: SessionRequest
                do { (vid, request) = try SessionRequest.decode(req.dropFirst()) } catch {
                    switch error {
                    case .version(let v): answer(cfd, AgentWire.refusal(.protocolVersion(request: Int(v), agent: Int(AgentWire.runVersion))))
                    case .malformed: answer(cfd, AgentWire.refusal(.malformedRequest))
                    }
                    continue
                }
                guard vid == grant.vaultId else { answer(cfd, AgentWire.message([AgentWire.wrongVault])); continue }
                guard AgentWire.runDescriptors.contains(passed.count) else {
                    answer(cfd, AgentWire.refusal(.missingDescriptors)); continue
                }
                guard running.count < 8 else { answer(cfd, AgentWire.refusal(.busy(commands: 8))); continue }
                lastUsed = now()
                let pid = fork()
                if pid < 0 { answer(cfd, AgentWire.refusal(.cannotStart(reason: String(cString: strerror(errno))))); continue }
                if pid == 0 {
                    // The child: becomes the client's command, then answers with its status.
                    close(lfd); close(sp[0]); close(sp[1])
                    for (_, c) in running { close(c) }
                    for s in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] { signal(s, SIG_DFL) }
                    for i in 0..<3 { dup2(passed[i], Int32(i)) }
                    _ = fchdir(passed[3])
                    let tty: Int32? = passed.count > 4 ? passed[4] : nil
                    for f in passed.prefix(4) where f > 2 { close(f) }
                    clearenv()
                    for (k, v) in request.environment { setenv(k, v, 1) }
                    tzset()
                    AgentWire.setTimeout(cfd, seconds: 0)
                    let code = runner(SessionJob(session: session, vaultId: vaultHex, request: request, terminalFD: tty))
                    fflush(nil)
                    var w = ByteWriter(); w.u8(AgentWire.ok); w.u32(UInt32(bitPattern: code))
                    _ = UnixSocket.sendAll(cfd, AgentWire.message(w.bytes))
                    _exit(0)
                }
                running[pid] = cfd
            default:
                answer(cfd, AgentWire.refusal(.unknownRequest(op: Int(op))))
            }
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
