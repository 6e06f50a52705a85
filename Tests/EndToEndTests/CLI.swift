import Foundation
import XCTest

/// Runs the built `vaultcli` binary, as a user would, and captures everything it does.
///
/// The binary is found, in order: `$VAULTCLI_BIN`; next to the test bundle (SwiftPM puts the
/// test runner and the products in the same .build/<triple>/debug directory); the package's
/// `.build/debug/vaultcli`. Tests fail with a clear message when none exists.
enum CLI {
    struct Output: CustomStringConvertible {
        let status: Int32
        /// stdout as bytes (backups written to `-` are binary).
        let stdoutData: Data
        let stderr: String
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var stdoutText: String { stdout }
        /// Whether the process was killed for running past its time limit.
        let timedOut: Bool

        var description: String { "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

        /// stdout parsed as JSON (nil when it is not JSON).
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL? = {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["VAULTCLI_BIN"], fm.isExecutableFile(atPath: p) {
            return URL(fileURLWithPath: p)
        }
        var candidates: [URL] = []
        // The running test executable (Linux: .../debug/vaultcliPackageTests.xctest).
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent().appendingPathComponent("vaultcli"))
        for b in Bundle.allBundles {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("vaultcli"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/vaultcli"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `vaultcli args...` with `stdin` as its standard input (nil: /dev/null, never a
    /// terminal) and `env` added to this process's environment. Kills it after `timeout` seconds.
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:],
                    timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) -> Output {
        run(args, stdinData: stdin.map { Data($0.utf8) }, env: env, timeout: timeout, file: file, line: line)
    }

    /// Bytes on stdin (backups read from `-`).
    @discardableResult
    static func run(_ args: [String], stdin: Data?, env: [String: String] = [:]) -> Output {
        run(args, stdinData: stdin, env: env)
    }

    /// `executable` runs instead of vaultcli (e.g. /usr/bin/setsid with vaultcli as its argument).
    static func run(_ args: [String], stdinData stdin: Data?, env: [String: String] = [:], executable: URL? = nil,
                    timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line) -> Output {
        // A child that exits before reading all its stdin must not kill the test runner.
        _ = ignoreSIGPIPE
        guard let bin = executable ?? binary else {
            XCTFail("the vaultcli binary was not found; build it with `swift build` (or set VAULTCLI_BIN)", file: file, line: line)
            return Output(status: -1, stdoutData: Data(), stderr: "", timedOut: false)
        }
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment

        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        let inPipe: Pipe? = stdin == nil ? nil : Pipe()
        p.standardInput = inPipe ?? FileHandle(forReadingAtPath: "/dev/null")

        // Drain both pipes on their own threads so a chatty child never blocks on a full pipe.
        final class Captured: @unchecked Sendable {
            let lock = NSLock()
            var out = Data(), err = Data()
        }
        let group = DispatchGroup()
        let captured = Captured()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            group.enter()
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async {
                let d = handle.readDataToEndOfFile()
                captured.lock.lock(); if isOut { captured.out = d } else { captured.err = d }; captured.lock.unlock()
                group.leave()
            }
        }
        do {
            try p.run()
        } catch {
            XCTFail("cannot start \(bin.path): \(error)", file: file, line: line)
            return Output(status: -1, stdoutData: Data(), stderr: "", timedOut: false)
        }
        if let inPipe, let stdin {
            let handle = inPipe.fileHandleForWriting
            let data = stdin
            DispatchQueue.global().async {
                try? handle.write(contentsOf: data)
                try? handle.close()
            }
        }
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline { timedOut = true; p.terminate(); break }
            usleep(2_000)
        }
        p.waitUntilExit()
        group.wait()
        if timedOut { XCTFail("vaultcli \(args.joined(separator: " ")) ran longer than \(Int(timeout)) s", file: file, line: line) }
        return Output(status: p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus,
                      stdoutData: captured.out, stderr: String(decoding: captured.err, as: UTF8.self), timedOut: timedOut)
    }
}

/// The short form the lead asked for: `run(args, stdin:, env:)` -> (status, stdout, stderr).
func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
    let o = CLI.run(args, stdin: stdin, env: env)
    return (o.status, o.stdout, o.stderr)
}

extension XCTestCase {
    /// Asserts a usage error in vaultcli's voice: exit 64, nothing on stdout, an error line that
    /// contains `mentions`, and at least one hint.
    func assertUsageError(_ args: [String], mentions: String, stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let o = CLI.run(args, stdin: stdin, file: file, line: line)
        XCTAssertEqual(o.status, 64, "\(args): \(o)", file: file, line: line)
        XCTAssertEqual(o.stdout, "", "\(args): nothing on stdout", file: file, line: line)
        XCTAssertTrue(o.stderr.contains(mentions), "\(args): stderr should mention \"\(mentions)\": \(o.stderr)", file: file, line: line)
        if o.stderr.hasPrefix("vaultcli: error:") {
            XCTAssertTrue(o.stderr.contains("vaultcli: hint:"), "\(args): a hint is expected: \(o.stderr)", file: file, line: line)
        }
    }
}
