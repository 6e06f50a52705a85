import Foundation
import XCTest

/// The binary carries its data (word lists, strength data): copied into an empty directory, with
/// the build directory moved away, every command that needs data works as it does in place.
final class StandaloneBinaryTests: XCTestCase {
    func testCopiedBinaryRunsWithTheBuildDirectoryMovedAway() throws {
        let fm = FileManager.default
        let built = URL(fileURLWithPath: CLIHarness.binary).resolvingSymlinksInPath()
        let buildDir = built.deletingLastPathComponent()
        let alone = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vaultcli-alone-\(UUID().uuidString)")
        try fm.createDirectory(at: alone, withIntermediateDirectories: false)
        defer { try? fm.removeItem(at: alone) }
        let copy = alone.appendingPathComponent("vaultcli")
        try fm.copyItem(at: built, to: copy)

        // What the binary says in place, to compare with the copy's answers below.
        let probes = ["qwertyuiop123", "Jennifer1990!", "P@ssw0rd2026", "Washington-Smith-77", "v7#Qm2!xLp9@Rz", "correct-Horse-Staple-42"]
        var inPlace: [String: CLIResult] = [:]
        for p in probes { inPlace[p] = CLIHarness.run(["check-password", "--json"], stdin: Data((p + "\n").utf8)) }
        let effWords = Set(try String(contentsOf: CLI.packageRoot.appendingPathComponent("Sources/Vault/Resources/eff-long-wordlist.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init))

        // Move the build directory away (and back afterwards, whatever happens in between).
        let moved = buildDir.deletingLastPathComponent().appendingPathComponent(buildDir.lastPathComponent + ".moved-\(getpid())")
        try fm.moveItem(at: buildDir, to: moved)
        defer { try? fm.moveItem(at: moved, to: buildDir) }
        XCTAssertFalse(fm.fileExists(atPath: built.path))
        func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> CLIResult {
            var e = ["XDG_STATE_HOME": alone.appendingPathComponent("state").path]
            for (k, v) in env { e[k] = v }
            return CLIHarness.run(args, stdin: stdin.map { Data($0.utf8) }, env: e, executable: copy.path)
        }

        // check-password: the blocklist, the ranked dictionaries and the keyboard graphs.
        for p in probes {
            let r = run(["check-password", "--json"], stdin: p + "\n")
            XCTAssertEqual(r.status, inPlace[p]!.status, "\(p): \(r)")
            XCTAssertEqual(r.stdout, inPlace[p]!.stdout, p)
            XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        }
        let common = run(["check-password"], stdin: "P@ssw0rd2026\n")
        XCTAssertEqual(common.status, 13, "\(common)")
        XCTAssertTrue(common.stdout.contains("commonly used password"), common.stdout)

        // genpass: passwords (policy filter and strength), passphrases (EFF list), PINs.
        let pw = run(["genpass", "--count", "3"])
        XCTAssertEqual(pw.status, 0, "\(pw)")
        XCTAssertEqual(pw.stdout.split(separator: "\n").count, 3)
        let words = run(["genpass", "--words", "6", "--separator", " "])
        XCTAssertEqual(words.status, 0, "\(words)")
        let drawn = words.stdout.trimmingCharacters(in: .newlines).split(separator: " ").map(String.init)
        XCTAssertEqual(drawn.count, 6)
        XCTAssertTrue(drawn.allSatisfy(effWords.contains), "\(drawn)")
        XCTAssertEqual(run(["genpass", "--pin", "6"]).status, 0)

        // init and user add check passwords against the policy (blocklist, strength).
        let vault = alone.appendingPathComponent("vault").path
        let refused = run(["init", "--vault", vault, "--admin", "owner", "--password-stdin", "--terminal-id", "T-1"], stdin: "Password123!\n")
        XCTAssertEqual(refused.status, 13, "\(refused)")
        XCTAssertTrue(refused.stderr.contains("policy"), refused.stderr)
        let admin = "Correct-Horse-Battery-9"
        let made = run(["init", "--vault", vault, "--admin", "owner", "--password-stdin", "--terminal-id", "T-1"], stdin: admin + "\n")
        XCTAssertEqual(made.status, 0, "\(made)")
        let added = run(["user", "add", "lin", "--role", "cashier", "--vault", vault, "--user", "owner", "--password-stdin", "--generate"], stdin: admin + "\n")
        XCTAssertEqual(added.status, 0, "\(added)")
        let weak = run(["user", "add", "wu", "--role", "cashier", "--vault", vault, "--user", "owner", "--password-stdin"], stdin: admin + "\nqwertyuiop123\n")
        XCTAssertEqual(weak.status, 13, "\(weak)")
    }
}
