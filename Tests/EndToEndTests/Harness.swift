import Foundation
import XCTest

/// Runs the built `vaultcli` binary and captures stdout, stderr and the exit status.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
    var stdoutText: String { stdout }
}

enum CLIHarness {
    /// The `vaultcli` built next to this test bundle.
    static let binary: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vaultcli").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vaultcli").path,
            Bundle.main.bundleURL.appendingPathComponent("vaultcli").path,
        ]
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
        fatalError("the vaultcli binary was not found next to the tests (looked at \(candidates)); run `swift build` first")
    }()

    /// Environment for tests: the test-only KDF knob, a short lock wait, no TTY.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["VAULTCLI_INSECURE_TEST_KDF"] = "yes-tests-only"
        env["VAULTCLI_LOCK_TIMEOUT_MS"] = "400"
        env.removeValue(forKey: "VAULTCLI_VAULT")
        for (k, v) in extra { env[k] = v }
        return env.filter { !$0.value.isEmpty || extra[$0.key] == nil }
    }

    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, env: [String: String] = [:], binary: String = binary) -> CLIResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = environment(env)
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try! p.run()
        let input = inPipe.fileHandleForWriting
        DispatchQueue.global().async {
            if let stdin { input.write(stdin) }
            try? input.close()
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let out = Box(), err = Box()
        let g = DispatchGroup()
        g.enter(); DispatchQueue.global().async { out.data = outPipe.fileHandleForReading.readDataToEndOfFile(); g.leave() }
        g.enter(); DispatchQueue.global().async { err.data = errPipe.fileHandleForReading.readDataToEndOfFile(); g.leave() }
        p.waitUntilExit()
        g.wait()
        return CLIResult(status: p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus,
                         stdout: String(decoding: out.data, as: UTF8.self), stderr: String(decoding: err.data, as: UTF8.self), stdoutData: out.data)
    }

    @discardableResult
    static func run(_ args: [String], stdin: String, env: [String: String] = [:]) -> CLIResult {
        run(args, stdin: Data(stdin.utf8), env: env)
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
}
