import Foundation
import XCTest
@testable import Vault

/// The ICU-free NFC, NFKC and case folding (UnicodeFolding) give Foundation's answers, scalar for
/// scalar: on every assigned scalar alone, and on random strings that mix combining marks,
/// Hangul, full-width forms and ligatures (where composition crosses scalar boundaries), except
/// where Foundation's own answer is provably not the Unicode normal form.
final class UnicodeFoldingTests: XCTestCase {
    func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    func foundationAnswer(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil).precomposedStringWithCompatibilityMapping
    }

    func ours(_ s: String) -> String { UnicodeFolding.nfkc(UnicodeFolding.fold(UnicodeFolding.nfkc(s))) }

    func testEveryAssignedScalarAgreesWithFoundation() {
        var checked = 0, failures: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            switch u.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            let s = String(u)
            checked += 1
            if !same(UnicodeFolding.nfc(s), s.precomposedStringWithCanonicalMapping) { failures.append("NFC U+\(String(v, radix: 16))") }
            if !same(UnicodeFolding.nfkc(s), s.precomposedStringWithCompatibilityMapping) { failures.append("NFKC U+\(String(v, radix: 16))") }
            if !same(ours(s), foundationAnswer(s)) { failures.append("answer U+\(String(v, radix: 16))") }
        }
        XCTAssertGreaterThan(checked, 150_000)
        XCTAssertEqual(failures, [], "\(failures.prefix(20))")
    }

    func testRandomMixedStringsAgreeWithFoundation() {
        // Ranges where composition and folding interact across scalars.
        let pools: [ClosedRange<UInt32>] = [0x41...0x7A, 0xC0...0x17F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x45F, 0x1100...0x11FF,
                                            0xAC00...0xAC40, 0x1E00...0x1EFF, 0x2160...0x217F, 0x3000...0x3010, 0xFB00...0xFB06,
                                            0xFF01...0xFF5E, 0x1D400...0x1D420, 0x0F71...0x0F81, 0x1F100...0x1F10A]
        var rng = SplitMix(seed: 0x5eed_2026)
        var failures: [String] = [], foundationWrong = 0
        for _ in 0..<20_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let pool = pools[Int(rng.next() % UInt64(pools.count))]
                if let u = Unicode.Scalar(pool.lowerBound + UInt32(rng.next() % UInt64(pool.count))) { s.append(u) }
            }
            let str = String(s)
            let hex = str.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            // Case folding maps scalars one by one: exactly Foundation's.
            if !same(UnicodeFolding.fold(str), str.folding(options: [.caseInsensitive], locale: nil)) { failures.append("fold " + hex) }
            let theirs = str.precomposedStringWithCompatibilityMapping
            if !same(UnicodeFolding.nfkc(str), theirs) {
                // Foundation (CoreFoundation's own tables) gets a few sequences wrong by Unicode's
                // definition: it composes U+1101 U+1176 (an archaic vowel outside the Hangul
                // composition range) into U+B098, and leaves some Tibetan and Greek sequences
                // out of canonical order. Only such provable errors may differ.
                let notNFC = !same(UnicodeFolding.nfc(theirs), theirs)
                let notEquivalent = !same(theirs.decomposedStringWithCanonicalMapping, str.decomposedStringWithCompatibilityMapping.decomposedStringWithCanonicalMapping)
                if notNFC || notEquivalent { foundationWrong += 1 } else { failures.append("NFKC " + hex) }
            }
        }
        XCTAssertEqual(failures, [], "\(failures.prefix(20))")
        XCTAssertLessThan(foundationWrong, 200, "Foundation's normalisation errors should be rare")
    }

    func testAnswerNormalizerExamples() {
        XCTAssertEqual(AnswerNormalizer.normalize("１２３４ＡＢｃ　张三"), "1234abc 张三")
        XCTAssertEqual(AnswerNormalizer.normalize("  Straße\tMÜNCHEN "), "strasse münchen")
        XCTAssertEqual(AnswerNormalizer.normalize("ﬁsh Ⅻ"), "fish xii")
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
