import Foundation
import XCTest

/// Runs the built `vaultcli` binary and captures stdout, stderr and the exit code together.
struct CLIResult {
    var stdout: Data
    var stderr: String
    var status: Int32
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

enum CLI {
    /// The products directory (where XCTest bundles and the vaultcli binary live).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("vaultcli") }

    /// Runs vaultcli with `arguments`, feeding `stdin` and an environment (the parent's plus `env`).
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, env: [String: String] = [:], cwd: URL? = nil) throws -> CLIResult {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        if let cwd { p.currentDirectoryURL = cwd }
        // Files rather than pipes: no threads, no deadlock on large outputs.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vaultcli-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in"), outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        try (stdin ?? Data()).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        let out = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return CLIResult(stdout: out, stderr: String(decoding: errData, as: UTF8.self), status: p.terminationStatus)
    }
}

final class CLIVersionTests: XCTestCase {
    func testVersionMatchesLibrary() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }
}
