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

    private func spawn(_ args: [String]) throws {
        var errP: [Int32] = [-1, -1]
        guard cloexecPipe(&errP) else { throw VaultError.io(path: "pipe", operation: "create", errno: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errP[1], 2)
        var rc: Int32 = ENOENT
        Rclone.withSpawnAttributes { attr in
            for wrapper in [["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"], []] {
                if !wrapper.isEmpty && access(wrapper[0], X_OK) != 0 { continue }
                let argv: [UnsafeMutablePointer<CChar>?] = (wrapper + [rclone.executable] + args).map { strdup($0) } + [nil]
                defer { for a in argv { free(a) } }
                let envp: [UnsafeMutablePointer<CChar>?] = Self.environment().map { strdup($0) } + [nil]
                defer { for e in envp { free(e) } }
                rc = posix_spawnp(&pid, argv[0]!, &actions, attr, argv, envp)
                if rc == 0 { break }
            }
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
}
