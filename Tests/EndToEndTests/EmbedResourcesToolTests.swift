import Foundation
import XCTest

/// The build tool that compiles Resources/ into the binary (Sources/embed-resources, run by
/// Plugins/EmbedResources) packs the word tables of word-tables.txt, and stops the build with
/// the line at fault when a list cannot be packed.
final class EmbedResourcesToolTests: XCTestCase {
    var tool: String {
        URL(fileURLWithPath: CLIHarness.binary).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("embed-resources-tool").path
    }

    func runTool(root: URL, files: [String]) throws -> (status: Int32, stderr: String, output: String) {
        let out = root.appendingPathComponent("out.swift")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [root.path, out.path] + files.map { root.appendingPathComponent($0).path }
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self), (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    func testPacksTablesAndRefusesListsItCannotPack() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: tool), "no \(tool)")
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("embed-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        try write("word-tables.txt", "# comment\n\nt a.txt b.txt\n")
        try write("a.txt", "bb\nab\naa\n")
        try write("b.txt", "abc\ncc\naa\n")
        let good = try runTool(root: root, files: ["a.txt", "b.txt", "word-tables.txt"])
        XCTAssertEqual(good.status, 0, good.stderr)
        // The lists are embedded as the table only. Its words sort by their bytes, each stored
        // once, front-coded (shared prefix length, rest length, rest): aa, ab, abc, bb, cc; each
        // followed by its records in list order, ((rank << 1 | list) << 1 | more) in one byte
        // (two lists: one bit): aa (a, rank 3, more), (b, 3); ab (a, 2); abc (b, 1); bb (a, 1);
        // cc (b, 2). One block, starting at 0.
        XCTAssertTrue(good.output.contains(#""a.txt": .wordList(table: "t", list: 0),"#), good.output)
        XCTAssertTrue(good.output.contains(#""b.txt": .wordList(table: "t", list: 1),"#), good.output)
        XCTAssertTrue(good.output.contains("\"t\": PackedWordTable("), good.output)
        XCTAssertTrue(good.output.contains("count: 5, listCounts: [3, 3], maxWordLengths: [2, 3]"), good.output)
        XCTAssertTrue(good.output.contains(#"blockSize: 16, blockStarts: "\u{0}\u{0}\u{0}","#), good.output)
        XCTAssertTrue(good.output.contains(#"listBits: 1, recordWidth: 1, words: "\u{0}\u{2}aa\r\u{e}\u{1}\u{1}b\u{8}\u{2}\u{1}c\u{6}\u{0}\u{2}bb\u{4}\u{0}\u{2}cc\n")"#), good.output)

        // A list that could not be rebuilt byte for byte from the table stops the build.
        for (text, fault) in [("bb\n\naa\n", "Resources/a.txt:2: an empty line"),
                              ("bb\naa\nbb\n", "Resources/a.txt:3: the word of line 1 again"),
                              ("bb\naa", "Resources/a.txt: the last line has no newline")] {
            try write("a.txt", text)
            let r = try runTool(root: root, files: ["a.txt", "b.txt", "word-tables.txt"])
            XCTAssertEqual(r.status, 1, text)
            XCTAssertTrue(r.stderr.contains(fault), r.stderr)
        }
        try write("a.txt", "bb\n")

        try write("b.txt", "aa\nCc\n")
        let upper = try runTool(root: root, files: ["a.txt", "b.txt", "word-tables.txt"])
        XCTAssertEqual(upper.status, 1)
        XCTAssertTrue(upper.stderr.contains("Resources/b.txt:2"), upper.stderr)
        XCTAssertTrue(upper.stderr.contains("ASCII words without upper-case letters"), upper.stderr)

        try write("b.txt", "aa\nc\u{E9}\n")
        XCTAssertEqual(try runTool(root: root, files: ["a.txt", "b.txt", "word-tables.txt"]).status, 1)

        try write("b.txt", "aa\n")
        try write("word-tables.txt", "t a.txt missing.txt\n")
        let missing = try runTool(root: root, files: ["a.txt", "b.txt", "word-tables.txt"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("word-tables.txt:1: no file Resources/missing.txt"), missing.stderr)
    }

    /// Large files that no table holds are compressed (when that saves a quarter or more); the
    /// lists the tables hold are embedded as their table; small or incompressible files stay as
    /// they are. (EmbeddedResourcesTests checks the unpacked bytes of the real resources.)
    func testCompressesLargeFilesTheTablesDoNotRead() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: tool), "no \(tool)")
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("embed-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = (0..<4000).map { "word\($0 % 97)x\n" }.joined()
        try Data("t list.txt\n".utf8).write(to: root.appendingPathComponent("word-tables.txt"))
        try Data((0..<4000).map { "word\($0)x\n" }.joined().utf8).write(to: root.appendingPathComponent("list.txt"))
        try Data(lines.utf8).write(to: root.appendingPathComponent("big.txt"))
        // Readings as hanzi-pinyin.txt holds them: a few syllables in an order with no repeats
        // for LZ77 to find; coded as words (mode 1, the first unit) they take the fewest units.
        let syllables = ["a", "ai", "an", "ba", "bei", "chang", "de", "fang", "guo", "hao", "jia", "li",
                         "ma", "ni", "shi", "wang", "xiang", "yi", "zhang", "zhong"]
        var x: UInt32 = 1
        let readings = (0..<3000).map { _ -> String in
            x = x &* 1_103_515_245 &+ 12345
            return syllables[Int(x >> 16) % syllables.count] + (x % 3 == 0 ? ",\(syllables[Int(x >> 8) % syllables.count])" : "") + "\n"
        }.joined()
        try Data(readings.utf8).write(to: root.appendingPathComponent("readings.txt"))
        try Data("small\n".utf8).write(to: root.appendingPathComponent("small.txt"))
        var noise = SystemRandomNumberGenerator()
        try Data((0..<40_000).map { _ in UInt8.random(in: 0...255, using: &noise) }).write(to: root.appendingPathComponent("noise.bin"))
        let r = try runTool(root: root, files: ["big.txt", "list.txt", "noise.bin", "readings.txt", "small.txt", "word-tables.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let entry = { (name: String) -> String in
            r.output.split(separator: "\n").first { $0.contains("\"\(name)\": ") }.map(String.init) ?? ""
        }
        XCTAssertTrue(entry("big.txt").contains(": .compressed(\""), entry("big.txt"))
        XCTAssertTrue(entry("big.txt").hasSuffix(", size: \(lines.utf8.count), utf8: true),"), entry("big.txt"))
        XCTAssertTrue(entry("readings.txt").contains(#": .compressed("\u{1}"#), String(entry("readings.txt").prefix(80)))
        XCTAssertTrue(entry("readings.txt").hasSuffix(", size: \(readings.utf8.count), utf8: true),"), String(entry("readings.txt").suffix(80)))
        XCTAssertTrue(entry("list.txt").hasSuffix(#": .wordList(table: "t", list: 0),"#), entry("list.txt"))
        XCTAssertTrue(entry("small.txt").contains(": .utf8(\"small\\n\")"), entry("small.txt"))
        XCTAssertTrue(entry("noise.bin").contains(": .base64(\""), String(entry("noise.bin").prefix(80)))
    }
}
