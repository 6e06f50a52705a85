import Foundation
import XCTest

/// Issue 16 point 4: files a command writes for a person (a transaction export, an age key
/// file) are 0600, leave no temporary file, and their directory is synced after the name is
/// made (the debug-only probe records each directory fsync that succeeded).
final class DurableWritesE2ETests: EndToEndTestCase {
    private func mode(_ path: String) -> mode_t {
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0, path)
        return st.st_mode & 0o7777
    }

    private func syncedDirectories(_ lines: [String]) -> [String] {
        lines.filter { $0.hasPrefix("sync directory ") }.map { String($0.dropFirst("sync directory ".count)) }
    }

    func testTxExportSyncsItsDirectoryAndLeavesNoTemp() throws {
        initVault()
        let exports = dir + "/exports"
        XCTAssertEqual(mkdir(exports, 0o755), 0)
        let out = exports + "/tx.csv"
        let auth = ["--vault", vault, "--user", "admin", "--password-stdin"]
        var (r, lines) = probed(["tx", "export", "--output", out] + auth, stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(syncedDirectories(lines).contains(exports), "\(lines)")
        XCTAssertEqual(mode(out), 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: exports), ["tx.csv"])

        // --force over a file someone made 0644: replaced by a 0600 one, directory synced again.
        XCTAssertEqual(chmod(out, 0o644), 0)
        (r, lines) = probed(["tx", "export", "--output", out, "--force"] + auth, stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(syncedDirectories(lines).contains(exports), "\(lines)")
        XCTAssertEqual(mode(out), 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: exports), ["tx.csv"])
    }

    func testKeygenSyncsItsDirectoryAndNeverReplaces() throws {
        let keys = dir + "/keys"
        XCTAssertEqual(mkdir(keys, 0o755), 0)
        let key = keys + "/backup-key.txt"
        let (r, lines) = probed(["keygen", "-o", key])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("age1"), r.stdout)
        XCTAssertEqual(syncedDirectories(lines), [keys], "\(lines)")
        XCTAssertEqual(mode(key), 0o600)
        let first = try Data(contentsOf: URL(fileURLWithPath: key))
        XCTAssertTrue(String(decoding: first, as: UTF8.self).contains("AGE-SECRET-KEY-1"))

        let (again, againLines) = probed(["keygen", "-o", key])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertEqual(syncedDirectories(againLines), [])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: key)), first)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: keys), ["backup-key.txt"])
    }
}
