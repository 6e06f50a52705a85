import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Starts the agent: `/proc/self/exe agent` in a new session (setsid), its stdin a pipe that
/// carries the grant, its stdout a pipe on which it says "OK" once it listens, its stderr
/// /dev/null (so it never holds a caller's pipes open).
public enum SessionLauncher {
    public static func start(grant: SecretBytes, arguments: [String] = []) throws -> pid_t {
        guard let exe = AgentWire.executable(pid: nil) else {
            throw VaultError.io(path: "/proc/self/exe", operation: "find this program's path in", errno: errno)
        }
        var gp: [Int32] = [0, 0], rp: [Int32] = [0, 0]
        guard cloexecPipe(&gp), cloexecPipe(&rp) else {
            throw VaultError.io(path: "pipe", operation: "create", errno: errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, gp[0], 0)
        posix_spawn_file_actions_adddup2(&actions, rp[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var dflt = sigset_t()
        sigemptyset(&dflt)
        for s in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&dflt, s) }
        posix_spawnattr_setsigdefault(&attr, &dflt)
        // POSIX_SPAWN_SETSID (0x80) | POSIX_SPAWN_SETSIGMASK (0x08) | POSIX_SPAWN_SETSIGDEF (0x04)
        posix_spawnattr_setflags(&attr, Int16(0x80 | 0x08 | 0x04))
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(exe), strdup("agent")] + arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let env = ProcessInfo.processInfo.environment.filter { $0.key == "XDG_RUNTIME_DIR" || $0.key == "PATH" || $0.key == "HOME"
            // The test-only KDF knob (compiled out of release builds), so that the agent's warm-up
            // opens a test vault as its requests will.
            || $0.key == "VAULTCLI_INSECURE_TEST_KDF"
            // The debug-only probe (a no-op in release builds), so tests see the agent's work.
            || $0.key == "VAULTCLI_TEST_PROBE" }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in env { free(e) } }
        let rc = posix_spawn(&pid, exe, &actions, &attr, argv, env)
        close(gp[0]); close(rp[1])
        guard rc == 0 else {
            close(gp[1]); close(rp[0])
            throw VaultError.io(path: exe, operation: "start the session agent", errno: rc)
        }
        signal(SIGPIPE, SIG_IGN)
        let wrote = grant.withUnsafeBytes { p -> Bool in
            var off = 0
            while off < p.count {
                let n = write(gp[1], p.baseAddress! + off, p.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        close(gp[1])
        var answer: [UInt8] = []
        var b = [UInt8](repeating: 0, count: 512)
        while true {
            let n = b.withUnsafeMutableBytes { read(rp[0], $0.baseAddress!, 512) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            answer += b[0..<n]
            if answer.contains(0x0A) { break }
        }
        close(rp[0])
        let text = String(decoding: answer, as: UTF8.self).trimmed(.whitespacesAndNewlines)
        guard wrote, text == "OK" else {
            throw SessionError.refused(.didNotStart(detail: text.isEmpty ? nil : String(text.dropFirst(4))))
        }
        return pid
    }
}

/// pipe(2) with FD_CLOEXEC on both ends (pipe2 is not imported).
func cloexecPipe(_ fds: inout [Int32], nonBlocking: Bool = false) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }
    return true
}
