import Foundation
import XCTest

/// The bars of issue 16 on the source tree itself (read through #filePath): no Swift file in
/// Sources over 400 lines; only the crypto target imports CSodium; and every target imports only
/// what docs/ARCHITECTURE.md's table ("Allowed imports") allows it.
final class ArchitectureTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let maxLines = 400
    /// The one target that may import CSodium.
    static let cryptoTarget = "VaultCrypto"

    /// Files allowed over the bar for now: none. (A listed file that is no longer over the bar,
    /// or is gone, fails the test, so an entry cannot outlive its split.)
    static let pending: Set<String> = []

    /// Every Swift file under `folder` (relative to the package root), by relative path.
    static func swiftFiles(under folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder).path
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if rel.hasSuffix(".swift") { out.append(folder + "/" + rel) }
        }
        return out.sorted()
    }

    static func text(_ rel: String) throws -> String {
        try String(contentsOfFile: root.appendingPathComponent(rel).path, encoding: .utf8)
    }

    /// The modules a Swift file imports (`import X`, `@testable import X`, `internal import X`,
    /// `import struct X.Y` ... all give X).
    static func imports(of source: String) -> Set<String> {
        var out: Set<String> = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var words = raw.split(separator: " ").map(String.init)
            while let w = words.first, w.hasPrefix("@") || ["internal", "package", "public", "private", "fileprivate"].contains(w) {
                words.removeFirst()
            }
            guard words.first == "import", words.count >= 2 else { continue }
            var name = words[1]
            if ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(name), words.count >= 3 { name = words[2] }
            out.insert(String(name.split(separator: ".").first ?? ""))
        }
        return out
    }

    /// docs/ARCHITECTURE.md's "Allowed imports" table: target -> modules it may import.
    static func allowedImports() throws -> [String: Set<String>] {
        let doc = try text("docs/ARCHITECTURE.md")
        var inTable = false
        var out: [String: Set<String>] = [:]
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inTable = line.contains("Allowed imports"); continue }
            guard inTable, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            func names(_ cell: String) -> [String] {
                cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }
            guard let target = names(cells[1]).first else { continue }
            out[target] = Set(names(cells[2]))
        }
        return out
    }

    func testNoSwiftFileInSourcesIsOverTheBar() throws {
        var over: [String] = []
        for f in try Self.swiftFiles(under: "Sources") {
            let n = try Self.text(f).split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let isPending = Self.pending.contains(f)
            if n > Self.maxLines && !isPending { over.append("\(f): \(n) lines") }
            if n <= Self.maxLines && isPending { over.append("\(f): \(n) lines, no longer over the bar: remove it from `pending`") }
        }
        for f in Self.pending where !FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(f).path) {
            over.append("\(f) is gone: remove it from `pending`")
        }
        XCTAssertEqual(over, [], "Swift files in Sources over \(Self.maxLines) lines (split them, one idea per file)")
    }

    func testOnlyTheCryptoTargetImportsCSodium() throws {
        var offenders: [String] = []
        for f in try Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests") where !f.hasPrefix("Sources/\(Self.cryptoTarget)/") {
            if Self.imports(of: try Self.text(f)).contains("CSodium") { offenders.append(f) }
        }
        XCTAssertEqual(offenders, [], "only \(Self.cryptoTarget) may import CSodium; use its Swift API")
        // And the package gives CSodium to no other target.
        let manifest = try Self.text("Package.swift")
        let dependents = manifest.split(separator: "\n").filter { $0.contains("dependencies:") && $0.contains("\"CSodium\"") }
        XCTAssertEqual(dependents.count, 1, "Package.swift: exactly one target depends on CSodium: \(dependents)")
    }

    func testEveryTargetImportsOnlyWhatArchitectureAllows() throws {
        let allowed = try Self.allowedImports()
        XCTAssertEqual(allowed[Self.cryptoTarget]?.contains("CSodium"), true, "the table is not where the test reads it")
        var problems: [String] = []
        for f in try Self.swiftFiles(under: "Sources") {
            let target = String(f.split(separator: "/")[1])
            guard let may = allowed[target] else {
                problems.append("\(f): target \(target) has no row in docs/ARCHITECTURE.md's table")
                continue
            }
            for m in Self.imports(of: try Self.text(f)).subtracting(may).sorted() {
                problems.append("\(f) imports \(m), which docs/ARCHITECTURE.md does not allow \(target)")
            }
        }
        XCTAssertEqual(problems, [])
    }

    /// The checks themselves: a file over the bar, a CSodium import and an import outside the
    /// table are found (so the tests above cannot pass by reading nothing).
    func testTheChecksSeeWhatTheyLookFor() throws {
        XCTAssertEqual(Self.imports(of: "internal import CSodium\n@testable import Vault\nimport struct Glibc.stat\n// import Nope"),
                       ["CSodium", "Vault", "Glibc"])
        let files = try Self.swiftFiles(under: "Sources")
        XCTAssertTrue(files.contains("Sources/\(Self.cryptoTarget)/Sodium.swift"), "the source tree was not found at \(Self.root.path)")
        XCTAssertTrue(Self.imports(of: try Self.text("Sources/\(Self.cryptoTarget)/Sodium.swift")).contains("CSodium"))
        let allowed = try Self.allowedImports()
        XCTAssertEqual(allowed["vaultcli"]?.contains("CSodium"), false)
    }
}
