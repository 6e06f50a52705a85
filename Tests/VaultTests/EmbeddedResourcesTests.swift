import Foundation
import XCTest
@testable import Vault

/// Every file under Sources/Vault/Resources is compiled into the library, byte for byte, and
/// nothing else is: a data file added there later is embedded with no code change.
final class EmbeddedResourcesTests: XCTestCase {
    func testEveryResourceFileIsEmbeddedByteForByte() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Vault/Resources")
        var onDisk: [String] = []
        let walk = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]))
        for case let url as URL in walk where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            onDisk.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        XCTAssertTrue(onDisk.contains("zxcvbn/adjacency_graphs.json"), "\(onDisk)")
        XCTAssertEqual(EmbeddedResources.paths, onDisk.sorted())
        for path in onDisk {
            let bytes = try Array(Data(contentsOf: root.appendingPathComponent(path)))
            XCTAssertEqual(EmbeddedResources.bytes(path), bytes, path)
            if let text = String(validating: bytes, as: UTF8.self) {
                XCTAssertEqual(EmbeddedResources.text(path), text, path)
            }
        }
        XCTAssertNil(EmbeddedResources.bytes("no-such-file.txt"))
    }

    /// The large files no table holds are stored compressed, through both of unpack's paths
    /// (the test above compares what they unpack to): Huffman codes over an LZ77 stream (mode 0:
    /// confusables.txt), and over bytes and words (mode 1: the readings of hanzi-pinyin.txt).
    func testLargeFilesAreStoredCompressedInBothModes() throws {
        let modes: [String: Int?] = ["unicode/confusables.txt": 0, "chinese/hanzi-pinyin.txt": 1, "unicode/nfkd-compat.txt": nil,
                     "unicode/case-folding.txt": nil]
        for (path, mode) in modes {
            guard case .compressed(let units, let size, true)? = EmbeddedResources.files[path] else {
                XCTFail("\(path) is not stored compressed")
                continue
            }
            if let mode { XCTAssertEqual(units.withUTF8Buffer { $0.first }, UInt8(mode), path) }
            XCTAssertLessThan(units.utf8CodeUnitCount, size, path)
        }
    }

    func testDataLoadsFromTheEmbeddedFiles() {
        XCTAssertEqual(PasswordData.effWords.count, 7776)
        XCTAssertEqual(PasswordData.commonPasswords.count, 30000)
        XCTAssertEqual(PasswordData.rankedDictionaries.map(\.name),
                       ["passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film", "male_names"])
        XCTAssertEqual(PasswordData.adjacencyGraphs.map(\.name), ["qwerty", "dvorak", "keypad", "mac_keypad"])
        let qwerty = PasswordData.adjacencyGraphs[0].graph
        XCTAssertEqual(qwerty["a"]?.count, 6)
        XCTAssertEqual(qwerty["a"]?[0], nil)
        XCTAssertEqual(qwerty["a"]?[1], "qQ")
    }
}

/// The adjacency graphs are read without JSONDecoder (start-up cost); they are what JSONDecoder
/// reads, and the reader refuses what is not JSON of the shapes it knows.
final class GraphJSONTests: XCTestCase {
    func testGraphsAreWhatJSONDecoderReads() throws {
        struct Entry: Decodable {
            let name: String
            let graph: [String: [String?]]
        }
        let json = try XCTUnwrap(EmbeddedResources.bytes("zxcvbn/adjacency_graphs.json"))
        let decoded = try JSONDecoder().decode([Entry].self, from: Data(json))
        let graphs = PasswordData.adjacencyGraphs
        XCTAssertEqual(graphs.map(\.name), decoded.map(\.name))
        for (g, d) in zip(graphs, decoded) {
            XCTAssertEqual(g.graph.count, d.graph.count, g.name)
            for (k, v) in d.graph { XCTAssertEqual(g.graph[Character(k)], v, "\(g.name) \(k)") }
        }
    }

    /// The graphs StrengthMatching uses, packed at build time, are the JSON file's graphs.
    func testPackedGraphsAreTheFilesGraphs() {
        let fromJSON = PasswordData.adjacencyGraphs
        XCTAssertEqual(StrengthMatching.graphs.map(\.name), fromJSON.map(\.name))
        for (g, j) in zip(StrengthMatching.graphs, fromJSON) {
            XCTAssertEqual(g.startingPositions, j.graph.count, g.name)
            XCTAssertEqual(g.adjacency.count, j.graph.count, g.name)
            var degreeSum = 0.0
            for (k, v) in j.graph {
                XCTAssertEqual(g.adjacency[k.unicodeScalars.first!]?.map { $0.map { String(String.UnicodeScalarView($0)) } }, v, "\(g.name) \(k)")
                degreeSum += Double(v.filter { $0 != nil }.count)
            }
            XCTAssertEqual(g.averageDegree, degreeSum / Double(j.graph.count), g.name)
        }
        XCTAssertEqual(StrengthMatching.graph("qwerty").adjacency["a"]?.count, 6)
        XCTAssertEqual(StrengthMatching.graph("keypad").adjacency["5"]?.count, 8)
    }

    func testReaderRefusesMalformedJSON() {
        XCTAssertEqual(GraphJSON.parse(Array(#" [ "a\"\\\/\u00e9", null, {"k": []} ] "#.utf8)),
                       .array([.string("a\"\\/\u{E9}"), .null, .object([.init(key: "k", value: .array([]))])]))
        for bad in ["", "[", "[1]", "[true]", "{\"a\" null}", "[\"a\",]", "[\"a\"] x", "\"\\q\"", "\"\u{1}\"", "nul", "{\"a\":null,}",
                    String(repeating: "[", count: 40) + String(repeating: "]", count: 40)] {
            XCTAssertNil(GraphJSON.parse(Array(bad.utf8)), bad)
        }
    }
}

/// WordTable answers as the [String: [(list, rank)]] dictionary and Set<String> it replaced.
final class WordTableTests: XCTestCase {
    func testRankedDictionariesMatchTheStringDictionary() {
        var reference: [String: [(dict: Int, rank: Int)]] = [:]
        var maxLen = 0
        for (d, list) in PasswordData.rankedDictionaries.enumerated() {
            var seen: [String: Int] = [:]
            for (idx, w) in list.words.enumerated() { seen[w] = idx + 1 }
            for (w, r) in seen { reference[w, default: []].append((d, r)); maxLen = max(maxLen, w.unicodeScalars.count) }
        }
        let shared = RankedDictionaries.shared
        XCTAssertEqual(shared.names, PasswordData.rankedDictionaries.map(\.name))
        XCTAssertEqual(shared.maxWordLength, maxLen)
        XCTAssertEqual(shared.table.count, reference.count)
        for (w, entries) in reference {
            let got = shared.table[w]
            XCTAssertEqual(got?.map(\.dict), entries.map(\.dict), w)
            XCTAssertEqual(got?.map(\.rank), entries.map(\.rank), w)
        }
        for miss in ["", "zzzzqqqq", "passwordx", "Password", "pass word"] { XCTAssertNil(shared.table[miss], miss) }
    }

    func testBlocklistMatchesTheLowerCasedSet() {
        let reference = Set(PasswordData.commonPasswords.map { $0.lowercased() })
        let table = PasswordData.blocklist
        XCTAssertEqual(table.count, reference.count)
        for w in reference { XCTAssertTrue(table.contains(w), w) }
        XCTAssertEqual(PolicyChecker.longestBlocklisted, reference.map { $0.unicodeScalars.count }.max())
        for miss in ["PASSWORD", "correct-horse-battery-staple", "zzzzqqqq", ""] { XCTAssertFalse(table.contains(miss), miss) }
    }

    /// The tables packed at build time (Resources/word-tables.txt) answer as tables built at run
    /// time from the same embedded text, hits and misses alike.
    func testPackedTablesAnswerAsTablesBuiltFromTheText() {
        XCTAssertEqual(PasswordData.effWordCount, 7776)
        XCTAssertEqual(PasswordData.effWords, PasswordData.lines("eff-long-wordlist"))
        XCTAssertEqual(PasswordData.effWord(0), "abacus")
        XCTAssertEqual(PasswordData.effWord(7775), "zoom")

        let packed = PackedWordTable.named("zxcvbn")
        XCTAssertEqual(packed.lists, PasswordData.rankedDictionaries.map { PasswordData.dictionaryPath($0.name) })
        let texts = packed.lists.map { PasswordData.bytes($0) }
        let built = WordTable(lists: texts)
        let table = RankedDictionaries.shared.table
        XCTAssertEqual(table.count, built.count)
        XCTAssertEqual(table.maxWordLength, built.maxWordLength)
        let blockBuilt = WordTable(lists: [texts[0]], lowercase: true)
        XCTAssertEqual(PasswordData.blocklist.count, blockBuilt.count)
        XCTAssertEqual(PasswordData.blocklist.maxWordLength, blockBuilt.maxWordLength)

        // Misses next to words (a letter less, a letter more, the last letter changed) and at
        // both ends of the sort order; every 37th word of each list, and its neighbours.
        var probes = ["", "\u{0}", "\u{1}", "!", "0", "~", "~~~~~~~~", "zzzzzzzzzzzzzzzzzzzzzzzzzzzz", "a\nb", "password\n",
                      "\u{7F}", "p\u{E4}ssword", "\u{212A}", "passwor", "passwordd", "Password"]
        for (d, list) in PasswordData.rankedDictionaries.enumerated() {
            for (k, w) in list.words.enumerated() where k % 37 == 0 || k == list.words.count - 1 {
                probes += [w, String(w.dropLast()), w + "a", w + "~", String(w.dropLast()) + "~", " " + w, w.uppercased()]
                if d == 0 { probes.append(w + "\n" + w) }
            }
        }
        for p in probes {
            XCTAssertEqual(table[p]?.map(\.dict), built[p]?.map(\.dict), p)
            XCTAssertEqual(table[p]?.map(\.rank), built[p]?.map(\.rank), p)
            XCTAssertEqual(PasswordData.blocklist.contains(p), blockBuilt.contains(p), p)
        }
    }

    func testDuplicatesListOrderCaseAndCanonicalEquivalence() {
        let t = WordTable(words: [["a", "b", "a", "Été"], ["b", "e\u{301}t\u{E9}", "", "c"]])
        XCTAssertEqual(t["a"]!.map(\.rank), [3])
        XCTAssertEqual(t["b"]!.map(\.dict), [0, 1])
        XCTAssertEqual(t["b"]!.map(\.rank), [2, 1])
        XCTAssertEqual(t["c"]!.map(\.rank), [3], "empty lines are not counted")
        XCTAssertEqual(t["\u{E9}t\u{E9}"]!.map(\.dict), [1], "NFC and NFD spellings are one word")
        XCTAssertNil(t["\u{E9}t\u{E9}".uppercased()])
        XCTAssertEqual(t["Été"]!.map(\.dict), [0])
        let lower = WordTable(words: [["Été", "ABC"]], lowercase: true)
        XCTAssertTrue(lower.contains("e\u{301}t\u{E9}"))
        XCTAssertTrue(lower.contains("abc"))
        XCTAssertFalse(lower.contains("ABC"))
        XCTAssertEqual(lower.maxWordLength, 3)
    }
}
