import Foundation
import XCTest

typealias CLIResult = CLI.Output

/// The runner (CLI.swift) with the test environment: the test-only KDF knob, a short lock
/// wait, no vault from the caller's environment.
enum CLIHarness {
    static var binary: String {
        guard let b = CLI.binary else { fatalError("the vaultcli binary was not found; run `swift build` first") }
        return b.path
    }

    /// Admins' last-seen records (LastSeen.swift) go here, not into the caller's home.
    static let stateHome = NSTemporaryDirectory() + "vaultcli-e2e-state-\(getpid())"

    static func environment(_ extra: [String: String]) -> [String: String] {
        // COLUMNS empty: no table width limit from the caller's shell (a test sets one to test it).
        var env = ["VAULTCLI_INSECURE_TEST_KDF": "yes-tests-only", "VAULTCLI_LOCK_TIMEOUT_MS": "400", "VAULTCLI_VAULT": "",
                   "XDG_STATE_HOME": stateHome, "COLUMNS": "", "VAULTCLI_UTC": ""]
        for (k, v) in extra { env[k] = v }
        return env
    }

    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, env: [String: String] = [:], executable: String? = nil) -> CLIResult {
        CLI.run(args, stdinData: stdin, env: environment(env), executable: executable.map { URL(fileURLWithPath: $0) })
    }
}

/// Base class for end-to-end tests: a temp dir and a vault path in it.
class EndToEndTestCase: XCTestCase {
    var dir: String!
    var vault: String { dir + "/vault" }
    let adminPassword = "Correct-Horse-Battery-9"

    override func setUp() {
        super.setUp()
        dir = NSTemporaryDirectory() + "vaultcli-e2e-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
        super.tearDown()
    }

    @discardableResult
    func vaultcli(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> CLIResult {
        CLIHarness.run(args, stdin: stdin.map { Data($0.utf8) }, env: env)
    }

    func initVault(admin: String = "admin", password: String? = nil, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        let r = vaultcli(["init", "--vault", vault, "--admin", admin, "--password-stdin", "--terminal-id", "T-0017"] + extra, stdin: (password ?? adminPassword) + "\n")
        XCTAssertEqual(r.status, 0, "init failed: \(r.stderr)", file: file, line: line)
    }

    func assertError(_ r: CLIResult, status: Int32, contains: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, "stderr: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: "), "stderr: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(contains), "expected \"\(contains)\" in: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("vaultcli: hint: ") || status == 64, "no hint in: \(r.stderr)", file: file, line: line)
    }

    /// Holds the vault's exclusive lock from another process (util-linux flock) for `seconds`.
    /// Returns once the lock is held (the holder touches a marker file under the lock), so a
    /// slow machine cannot start the next command before the holder has the lock.
    func holdLock(seconds: Int) throws -> Process {
        let marker = dir + "/.lock-held-\(UUID().uuidString)"
        // The shell opens the lock file, flock(1) locks that open file, and the shell becomes
        // `sleep`: one process holds the lock, so terminating it lets go at once.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\" && flock -x 9 && touch \"$1\" && exec sleep \(seconds)", vault + ".lock", marker]
        try holder.run()
        while !FileManager.default.fileExists(atPath: marker) {
            guard holder.isRunning else { throw XCTSkip("flock(1) could not take the lock") }
            usleep(5_000)
        }
        return holder
    }

    /// Runs vaultcli with the debug-only probe on (VAULTCLI_TEST_PROBE, Sources/Vault/Testing):
    /// returns the result and the probe's lines (KDF runs, reads of the vault file, lock waits).
    func probed(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> (CLIResult, [String]) {
        let file = dir + "/probe-\(UUID().uuidString)"
        var e = env
        e["VAULTCLI_TEST_PROBE"] = file
        let r = vaultcli(args, stdin: stdin, env: e)
        let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        try? FileManager.default.removeItem(atPath: file)
        return (r, lines)
    }

    /// Mounts a tmpfs at `path` (root is needed; the test is skipped where mounting is not
    /// allowed) and returns a closure that unmounts it.
    func mountTmpfs(_ path: String, options: String) throws -> () -> Void {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let m = Process()
        m.executableURL = URL(fileURLWithPath: "/bin/mount")
        m.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", path]
        m.standardError = FileHandle.nullDevice
        try m.run(); m.waitUntilExit()
        guard m.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        return { let u = Process(); u.executableURL = URL(fileURLWithPath: "/bin/umount"); u.arguments = [path]; try? u.run(); u.waitUntilExit() }
    }
}

/// Format v2 erases superseded metadata in place (a later audit event erases the audit-chain
/// state it supersedes), so "the vault as it was" is compared with erased frames masked.
/// `candidate` with every frame that it marks erased (signer byte 0xFF) replaced by the
/// bytes of the same frame in `original`, when both frames have the same length and kind.
func maskingErasedFrames(_ candidate: Data, like original: Data) -> Data {
    var out = Data(candidate)
    var off = 128  // the file header
    while off + 52 <= out.count, off + 52 <= original.count {
        let len = out[out.startIndex + off ..< out.startIndex + off + 4].enumerated()
            .reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard len >= 52, off + len <= out.count else { break }
        let o = original.startIndex + off, c = out.startIndex + off
        if out[c + 6] == 0xFF, off + len <= original.count, original[o + 4] == out[c + 4] {
            out.replaceSubrange(c ..< c + len, with: original[o ..< o + len])
        }
        off += len
    }
    return out
}

/// The repository's root (for scripts/ and fixtures/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// scripts/faultfs.c, the LD_PRELOAD shim that fails or kills the k-th write or fsync, built
/// once per test process with gcc (installed by `scripts/deps.sh test`).
enum FaultShim {
    static let path: String? = {
        let out = NSTemporaryDirectory() + "vaultcli-faultfs-\(getpid()).so"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gcc", "-shared", "-fPIC", "-O2", "-o", out, repositoryRoot + "/scripts/faultfs.c", "-ldl"]
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? out : nil
    }()

    /// The environment that loads the shim for files under `dir`: `mode` (kill, torn, enospc,
    /// eio) at operation `at`; or, with `countInto`, only counting.
    static func environment(dir: String, mode: String? = nil, at: Int = 0, sticky: Bool = false, countInto: String? = nil) throws -> [String: String] {
        guard let path else { throw XCTSkip("gcc could not build scripts/faultfs.c (run scripts/deps.sh test)") }
        var e = ["LD_PRELOAD": path, "FAULTFS_DIR": dir]
        if let mode { e["FAULTFS_MODE"] = mode; e["FAULTFS_AT"] = String(at) }
        if sticky { e["FAULTFS_STICKY"] = "1" }
        if let countInto { e["FAULTFS_COUNT"] = countInto }
        return e
    }
}
