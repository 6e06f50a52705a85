import XCTest

final class CLIVersionTests: XCTestCase {
    func testVersionMatchesLibrary() throws {
        let r = CLI.run(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }
}
