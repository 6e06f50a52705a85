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
