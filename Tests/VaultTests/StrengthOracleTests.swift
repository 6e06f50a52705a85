import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// vaultcli's estimator against the real zxcvbn (issue 4, item 3).
final class StrengthOracleTests: XCTestCase {
    struct Expected {
        let score: Int
        let log10Guesses: Double
        let password: String
    }

    static func loadExpected() throws -> [Expected] {
        let text = try String(contentsOf: Fixtures.url("zxcvbn-oracle/expected.tsv"), encoding: .utf8)
        return try parseTSV(text)
    }

    static func parseTSV(_ text: String) throws -> [Expected] {
        try text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let s = Int(parts[0]), let g = Double(parts[1]) else {
                throw NSError(domain: "oracle", code: 1, userInfo: [NSLocalizedDescriptionKey: "bad line: \(line)"])
            }
            return Expected(score: s, log10Guesses: g, password: String(parts[2]))
        }
    }

    func testScoresAgreeWithZxcvbn() throws {
        let expected = try Self.loadExpected()
        let corpus = try String(contentsOf: Fixtures.url("zxcvbn-oracle/corpus.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        XCTAssertGreaterThanOrEqual(corpus.count, 10_000, "the oracle corpus must hold at least 10,000 passwords")
        XCTAssertEqual(corpus, expected.map(\.password), "expected.tsv is stale: run scripts/zxcvbn-oracle.py")

        var equal = 0, withinOne = 0, guessesClose = 0
        var mismatches: [String] = []
        for e in expected {
            let est = StrengthEstimator.estimate(e.password)
            if est.score == e.score { equal += 1 }
            if abs(est.score - e.score) <= 1 { withinOne += 1 }
            if abs(est.guessesLog10 - e.log10Guesses) < 0.01 { guessesClose += 1 }
            else if mismatches.count < 25 {
                mismatches.append(String(format: "  %@  zxcvbn %d (10^%.3f)  vaultcli %d (10^%.3f)",
                                         e.password, e.score, e.log10Guesses, est.score, est.guessesLog10))
            }
        }
        let n = Double(expected.count)
        let eqPct = 100 * Double(equal) / n, w1Pct = 100 * Double(withinOne) / n, gPct = 100 * Double(guessesClose) / n
        print(String(format: "zxcvbn oracle: %d passwords; score equal %.2f%% (bar 85%%), within one %.2f%% (bar 98%%); guesses within 1%% of zxcvbn's: %.2f%%",
                     expected.count, eqPct, w1Pct, gPct))
        if !mismatches.isEmpty { print("first guesses mismatches:\n" + mismatches.joined(separator: "\n")) }
        XCTAssertGreaterThanOrEqual(eqPct, 85)
        XCTAssertGreaterThanOrEqual(w1Pct, 98)
    }

    /// Regenerates a sample of the expected scores live from Python, so the fixture cannot
    /// drift from the real zxcvbn without a failure. Runs where /usr/bin/python3 has zxcvbn (CI).
    func testFixtureMatchesLiveZxcvbn() throws {
        let python = "/usr/bin/python3"
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import zxcvbn"]
        check.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: python), (try? check.run()) != nil else {
            throw XCTSkip("no \(python): the live zxcvbn comparison needs Debian's python3-zxcvbn")
        }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { throw XCTSkip("\(python) has no zxcvbn module (apt-get install python3-zxcvbn)") }

        let expected = try Self.loadExpected()
        // A fixed stride through the corpus plus a random part, about 400 passwords.
        var sample = stride(from: 0, to: expected.count, by: 53).map { expected[$0] }
        for _ in 0..<200 { sample.append(expected[Int(SecureRandom.uniform(UInt32(expected.count)))]) }

        let script = Fixtures.root.deletingLastPathComponent().appendingPathComponent("scripts/zxcvbn-oracle.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script, "-"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        let input = sample.map(\.password).joined(separator: "\n") + "\n"
        DispatchQueue.global().async {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let live = try Self.parseTSV(String(decoding: out, as: UTF8.self))
        XCTAssertEqual(live.count, sample.count)
        for (e, l) in zip(sample, live) {
            XCTAssertEqual(e.password, l.password)
            XCTAssertEqual(e.score, l.score, "fixture score for a corpus entry differs from live zxcvbn: regenerate expected.tsv")
            XCTAssertEqual(e.log10Guesses, l.log10Guesses, accuracy: 0.0001)
        }
        print("zxcvbn oracle: \(live.count) sampled fixture rows match live /usr/bin/python3 zxcvbn")
    }
}
