import Foundation
import XCTest
@testable import Vault

/// `--json` output is written by JSONText (FoundationEssentials has no JSONSerialization): it must
/// be byte for byte what JSONSerialization wrote with [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes].
final class JSONTextTests: XCTestCase {
    func foundation(_ v: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: v, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The same value twice: with NSNull for Foundation and JSONNull for JSONText.
    struct Pair { var ours: Any; var theirs: Any }

    func testKnownShapes() {
        let ours: [String: Any] = ["b": 1, "a_b": [1.0, 2.5, 1e-7, 1e21, 0.1, -3.0, 123456789.125], "a1": "x/y\"\\\u{1}\u{1f}\n\t\u{7f}é中\u{2028}",
                                   "A": true, "a10": JSONNull(), "a9": [String: Any](), "e": [Any](), "n": ["z": 1, "Z": 2, "y_z": 3, "y1": 4, "yz": 5],
                                   "i": Int64(-5), "u": UInt64.max, "f": Float(0.1), "list": [["k": "v"]], "s": ["x", "y"]]
        var theirs = ours
        theirs["a10"] = NSNull()
        XCTAssertEqual(JSONText.render(ours), foundation(theirs))
        XCTAssertEqual(JSONText.render([Any]()), foundation([Any]()))
    }

    func testRandomValuesMatchJSONSerialization() {
        var rng = SystemRandomNumberGenerator()
        let keys = ["id", "ID", "Id", "a", "A", "a_b", "a-b", "a.b", "a b", "a:b", "a/b", "a$", "a1", "a2", "a10", "a01", "b", "z", "Z", "_x", "1", "10", "2",
                    "created", "created_at", "createdAt", "vault_id", "vault", "vaultid", "kdf", "kdf_memory_kib", "x9y", "x10y", "名字", "字"]
        func string() -> String {
            let pool: [Unicode.Scalar] = ["a", "Z", "/", "\\", "\"", "\n", "\r", "\t", "\u{0}", "\u{1b}", "\u{7f}", "é", "中", "\u{2028}", "😀", " ", "'"]
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &rng) { s.append(pool.randomElement(using: &rng)!) }
            return String(s)
        }
        func value(_ depth: Int) -> Pair {
            switch Int.random(in: 0...(depth > 2 ? 5 : 7), using: &rng) {
            case 0: let s = string(); return Pair(ours: s, theirs: s)
            case 1: let i = Int.random(in: -1_000_000...1_000_000, using: &rng); return Pair(ours: i, theirs: i)
            case 2:
                let d = [Double.random(in: -1e6...1e6, using: &rng), Double(Int.random(in: -100...100, using: &rng)), Double.random(in: 0...1e-5, using: &rng),
                         Double.random(in: 1e15...1e25, using: &rng), 0.1, 100.0].randomElement(using: &rng)!
                return Pair(ours: d, theirs: d)
            case 3: let b = Bool.random(using: &rng); return Pair(ours: b, theirs: b)
            case 4: return Pair(ours: JSONNull(), theirs: NSNull())
            case 5: let u = UInt64.random(in: 0...UInt64.max, using: &rng); return Pair(ours: u, theirs: u)
            case 6:
                var o: [Any] = [], t: [Any] = []
                for _ in 0..<Int.random(in: 0...4, using: &rng) { let p = value(depth + 1); o.append(p.ours); t.append(p.theirs) }
                return Pair(ours: o, theirs: t)
            default:
                var o: [String: Any] = [:], t: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0...8, using: &rng) {
                    let k = keys.randomElement(using: &rng)!, p = value(depth + 1)
                    o[k] = p.ours; t[k] = p.theirs
                }
                return Pair(ours: o, theirs: t)
            }
        }
        for _ in 0..<2000 {
            var o: [String: Any] = [:], t: [String: Any] = [:]
            for _ in 0..<Int.random(in: 1...10, using: &rng) {
                let k = keys.randomElement(using: &rng)!, p = value(1)
                o[k] = p.ours; t[k] = p.theirs
            }
            let mine = JSONText.render(o), theirs = foundation(t)
            if mine != theirs { XCTFail("JSONText:\n\(mine)\nJSONSerialization:\n\(theirs)"); return }
        }
    }
}
