import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where fleet backups live: `rclone:REMOTE:PATH` (REMOTE as rclone's configuration names it;
/// its credentials stay in rclone's own configuration, never on vaultcli's argv).
public struct RcloneLocation: Sendable, Equatable {
    /// What rclone is given: `REMOTE:PATH`.
    public let root: String

    public static let scheme = "rclone:"

    public static func isLocation(_ s: String) -> Bool { s.hasPrefix(scheme) }

    public init(parsing s: String) throws {
        guard s.hasPrefix(Self.scheme) else { throw FleetError.badLocation("\"\(s)\" does not start with rclone:") }
        let rest = String(s.dropFirst(Self.scheme.count))
        guard !rest.isEmpty, rest.contains(":") else { throw FleetError.badLocation("\"\(s)\" names no remote (rclone:REMOTE:PATH)") }
        guard !rest.hasPrefix("-") else { throw FleetError.badLocation("a remote cannot start with -") }
        guard !rest.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw FleetError.badLocation("the location contains a control character")
        }
        var r = rest
        while r.hasSuffix("/") && !r.hasSuffix(":/") { r.removeLast() }
        root = r
    }

    public init(root: String) { self.root = root }

    /// `root/sub` without doubling the separator.
    public func child(_ sub: String) -> String {
        if root.hasSuffix(":") || root.hasSuffix("/") { return root + sub }
        return root + "/" + sub
    }

    /// The folder of every terminal: `vaultcli/v1/t`.
    public static let terminalsFolder = "vaultcli/v1/t"

    public var terminals: String { child(Self.terminalsFolder) }

    public func terminalFolder(_ terminalID: String) -> String { child(Self.terminalsFolder + "/" + terminalID) }

    public var description: String { Self.scheme + root }
}

/// Runs rclone as a child process (no shell): arguments as an array, stdin from a producer or
/// bytes, stdout to a consumer, stderr kept for the error message. rclone is `$VAULTCLI_RCLONE`
/// when set, else `rclone` from PATH.
public struct Rclone: Sendable {
    public var executable: String

    public init(executable: String? = nil) {
        if let e = executable { self.executable = e; return }
        if let e = getenv("VAULTCLI_RCLONE").map({ String(cString: $0) }), !e.isEmpty { self.executable = e } else { self.executable = "rclone" }
    }

    public struct Outcome: Sendable {
        public var status: Int32
        public var stderr: String
        public var ok: Bool { status == 0 }
        /// rclone's own words: its error lines, without the timestamps.
        public var says: String { Rclone.says(stderr) }
    }

    private final class Drain: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    /// Runs `rclone args`. `producer` writes the child's stdin (then it is closed); `input`
    /// is written as stdin instead; `consumer` receives stdout as it arrives (when it throws,
    /// the child is stopped and the error rethrown after it exits).
    public func run(_ args: [String], input: [UInt8]? = nil, producer: ((Int32) throws -> Void)? = nil,
                    consumer: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        var inP: [Int32] = [-1, -1], outP: [Int32] = [-1, -1], errP: [Int32] = [-1, -1]
        func closeAll() { for fd in inP + outP + errP where fd >= 0 { close(fd) } }
        let wantsInput = input != nil || producer != nil
        if wantsInput && !cloexecPipe(&inP) { throw VaultError.io(path: "pipe", operation: "create", errno: errno) }
        if consumer != nil && !cloexecPipe(&outP) { let e = errno; closeAll(); throw VaultError.io(path: "pipe", operation: "create", errno: e) }
        if !cloexecPipe(&errP) { let e = errno; closeAll(); throw VaultError.io(path: "pipe", operation: "create", errno: e) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if wantsInput { posix_spawn_file_actions_adddup2(&actions, inP[0], 0) } else { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        if consumer != nil { posix_spawn_file_actions_adddup2(&actions, outP[1], 1) } else { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, errP[1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = Self.withSpawnAttributes { attr in posix_spawnp(&pid, executable, &actions, attr, argv, environ) }
        // The child's ends belong to the child now.
        if inP[0] >= 0 { close(inP[0]); inP[0] = -1 }
        if outP[1] >= 0 { close(outP[1]); outP[1] = -1 }
        close(errP[1]); errP[1] = -1
        guard rc == 0 else { closeAll(); throw FleetError.rcloneMissing(executable: executable, errno: rc) }

        let drain = Drain()
        let done = DispatchSemaphore(value: 0)
        let errFD = errP[0]
        errP[0] = -1
        DispatchQueue.global().async {
            var buf = [UInt8](repeating: 0, count: 16384)
            while true {
                let n = buf.withUnsafeMutableBytes { read(errFD, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                if drain.bytes.count < 1 << 20 { drain.bytes += buf[0..<n] }
            }
            close(errFD)
            done.signal()
        }
        var failure: Error? = nil
        if wantsInput {
            let w = inP[1]
            inP[1] = -1
            if let producer {
                do { try producer(w) } catch { failure = error }
            } else if let input {
                _ = input.withUnsafeBytes { p -> Bool in
                    var off = 0
                    while off < p.count {
                        let n = write(w, p.baseAddress! + off, p.count - off)
                        if n < 0 { if errno == EINTR { continue }; return false }
                        off += n
                    }
                    return true
                }
            }
            close(w)
        }
        if let consumer {
            let r = outP[0]
            outP[0] = -1
            var buf = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buf.withUnsafeMutableBytes { read(r, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                do { try buf.withUnsafeBytes { try consumer(UnsafeRawBufferPointer(rebasing: $0[0..<n])) } } catch {
                    failure = error
                    kill(pid, SIGTERM)
                    break
                }
            }
            close(r)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        done.wait()
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        if let failure { throw failure }
        return Outcome(status: code, stderr: String(decoding: drain.bytes, as: UTF8.self))
    }

    /// The spawn attributes of every rclone child (`run` and `RcloneServer`): SIGPIPE back to
    /// its default action in the child (vaultcli ignores SIGPIPE, and an ignored signal stays
    /// ignored across exec).
    static func withSpawnAttributes<R>(_ body: (UnsafePointer<posix_spawnattr_t>) throws -> R) rethrows -> R {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var dflt = sigset_t()
        sigemptyset(&dflt)
        sigaddset(&dflt, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &dflt)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF))
        return try withUnsafePointer(to: &attr) { try body($0) }
    }

    /// Runs and throws `FleetError.remote` with rclone's words unless it succeeded.
    @discardableResult
    public func check(_ operation: String, _ target: String, _ args: [String], input: [UInt8]? = nil,
                      producer: ((Int32) throws -> Void)? = nil, consumer: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> Outcome {
        let o = try run(args, input: input, producer: producer, consumer: consumer)
        guard o.ok else { throw FleetError.remote(operation: operation, target: target, says: o.says) }
        return o
    }

    /// The whole stdout of a command that succeeded.
    public func output(_ operation: String, _ target: String, _ args: [String]) throws -> [UInt8] {
        var out: [UInt8] = []
        try check(operation, target, args, consumer: { out += $0 })
        return out
    }

    /// rclone's error lines without their timestamps (at most a few, at most ~800 characters).
    static func says(_ stderr: String) -> String {
        var lines: [String] = []
        for raw in stderr.split(separator: "\n") {
            var l = String(raw)
            // "2026/12/02 04:27:55 ERROR : ..." -> "ERROR : ..."
            let parts = l.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count == 10, parts[0].filter({ $0 == "/" }).count == 2, parts[1].count == 8 { l = String(parts[2]) }
            l = l.trimmed(.whitespaces)
            if l.isEmpty { continue }
            if l.hasPrefix("ERROR") || l.hasPrefix("CRITICAL") || l.hasPrefix("Failed") || l.hasPrefix("NOTICE: Failed") || l.contains("error") {
                if !lines.contains(l) { lines.append(l) }
            }
        }
        if lines.isEmpty, let last = stderr.split(separator: "\n").last { lines = [String(last)] }
        var s = lines.suffix(2).joined(separator: "; ")
        if s.isEmpty { s = "rclone failed without a message" }
        if s.count > 800 { s = String(s.prefix(800)) + "…" }
        return s
    }
}
