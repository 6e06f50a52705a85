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
