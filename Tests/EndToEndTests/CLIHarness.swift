import Foundation
import XCTest

/// The backup tests' entry point into the shared harness (Harness.swift).
enum CLI {
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, env: [String: String] = [:]) throws -> CLIResult {
        CLIHarness.run(arguments, stdin: stdin, env: env)
    }
}

final class CLIVersionTests: XCTestCase {
    func testVersionMatchesLibrary() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }
}
