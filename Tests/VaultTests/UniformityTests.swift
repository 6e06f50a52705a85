import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Chi-square tests of the generator's output (issue 4, item 4): 1,000,000 characters per class
/// set, overall and per position, and 1,000,000 passphrase words. The family of tests is judged
/// at p = 0.001 overall (Bonferroni: each test at 0.001 / the number of tests), so a correct
/// generator fails this file about once in a thousand runs, not once in a dozen.
final class UniformityTests: XCTestCase {
    /// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let pLow = 0.02425
        if p < pLow {
            let q = sqrt(-2 * log(p))
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p <= 1 - pLow {
            let q = p - 0.5, r = q * q
            return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        return -normalQuantile(1 - p)
    }

    /// The chi-square critical value for `df` degrees of freedom at upper-tail probability
    /// `alpha`, by the Wilson-Hilferty normal approximation (good to a fraction of a percent for
    /// df >= 10; for df = 7,775 the plain normal approximation df + z*sqrt(2 df) agrees closely).
    static func chiSquareCritical(df: Int, alpha: Double) -> Double {
        let z = normalQuantile(1 - alpha)
        let k = Double(df)
        let t = 1 - 2 / (9 * k) + z * sqrt(2 / (9 * k))
        return k * t * t * t
    }

    static func chiSquare(observed: [Int], expected: [Double]) -> Double {
        zip(observed, expected).reduce(0) { $0 + pow(Double($1.0) - $1.1, 2) / $1.1 }
    }

    func testCriticalValuesAgainstTables() {
        // Published chi-square table values at p = 0.001.
        XCTAssertEqual(Self.chiSquareCritical(df: 10, alpha: 0.001), 29.588, accuracy: 29.588 * 0.01)
        XCTAssertEqual(Self.chiSquareCritical(df: 100, alpha: 0.001), 149.449, accuracy: 149.449 * 0.005)
        XCTAssertEqual(Self.normalQuantile(0.999), 3.0902, accuracy: 1e-4)
    }

    struct Case {
        let name: String
        let spec: PasswordSpec
    }

    /// Exact probability of each alphabet character at any one position, for a generator that
    /// is uniform over the acceptable strings (with every class required, classes with fewer
    /// characters are a little more likely per character).
    static func expectedProbabilities(_ spec: PasswordSpec) throws -> [Unicode.Scalar: Double] {
        let a = try PasswordGenerator.alphabets(spec)
        let s = a.reduce(0) { $0 + $1.1.count }
        var out: [Unicode.Scalar: Double] = [:]
        for (idx, cls) in a.enumerated() {
            let p: Double
            if spec.requireEach {
                let others = a.enumerated().filter { $0.offset != idx }.map { $0.element.1.count }
                let num = PasswordGenerator.coverageRatio(length: spec.length - 1, requiredSizes: others, alphabetSize: s)
                let den = PasswordGenerator.coverageRatio(length: spec.length, requiredSizes: a.map { $0.1.count }, alphabetSize: s)
                p = num / (Double(s) * den)
            } else {
                p = 1 / Double(s)
            }
            for c in cls.1 { out[c] = p }
        }
        return out
    }

    func testCharactersAreUniformPerClassSetAndPosition() throws {
        let cases = [
            Case(name: "all 94, no class rule, 20 long", spec: PasswordSpec(length: 20, requireEach: false, policyFilter: false)),
            Case(name: "all 94, every class, 20 long", spec: PasswordSpec(length: 20, policyFilter: false)),
            Case(name: "lower+digits, no ambiguous, every class, 8 long", spec: PasswordSpec(length: 8, classes: [.lower, .digits], excludeAmbiguous: true, policyFilter: false)),
            Case(name: "upper+symbols with exclusions, every class, 5 long", spec: PasswordSpec(length: 5, classes: [.upper, .symbols], exclude: Set("QXZ\\\"'`".unicodeScalars), policyFilter: false)),
        ]
        let tests = cases.reduce(0) { $0 + 1 + $1.spec.length } + 2 + 6 // + passphrase tests below
        let alpha = 0.001 / Double(tests)
        let gen = PasswordGenerator()
        for c in cases {
            let probs = try Self.expectedProbabilities(c.spec)
            XCTAssertEqual(probs.values.reduce(0, +), 1, accuracy: 1e-9, "\(c.name): marginals must sum to 1")
            let chars = probs.keys.sorted { $0.value < $1.value }
            let index = Dictionary(uniqueKeysWithValues: chars.enumerated().map { ($1, $0) })
            let n = (1_000_000 + c.spec.length - 1) / c.spec.length
            var total = [Int](repeating: 0, count: chars.count)
            var perPosition = [[Int]](repeating: [Int](repeating: 0, count: chars.count), count: c.spec.length)
            for r in try gen.passwords(c.spec, count: n) {
                for (pos, ch) in r.value.unicodeScalars.enumerated() {
                    let k = index[ch]!
                    total[k] += 1
                    perPosition[pos][k] += 1
                }
            }
            let expectedTotal = chars.map { probs[$0]! * Double(n * c.spec.length) }
            let critical = Self.chiSquareCritical(df: chars.count - 1, alpha: alpha)
            let x2 = Self.chiSquare(observed: total, expected: expectedTotal)
            print(String(format: "uniformity [%@]: %d characters, chi2 = %.1f, df = %d, critical = %.1f", c.name, n * c.spec.length, x2, chars.count - 1, critical))
            XCTAssertLessThan(x2, critical, "\(c.name): overall")
            var worst = 0.0
            for pos in 0..<c.spec.length {
                let x = Self.chiSquare(observed: perPosition[pos], expected: chars.map { probs[$0]! * Double(n) })
                worst = max(worst, x)
                XCTAssertLessThan(x, critical, "\(c.name): position \(pos)")
            }
            print(String(format: "uniformity [%@]: worst position chi2 = %.1f", c.name, worst))
        }

        // Passphrase words: 1,000,000 words over 7,776 categories, overall and per position.
        let spec = PassphraseSpec(words: 6)
        let draws = 1_000_000 / 6 + 1
        var words = [Int](repeating: 0, count: 7776)
        var perPos = [[Int]](repeating: [Int](repeating: 0, count: 7776), count: 6)
        for _ in 0..<draws {
            for (pos, k) in gen.passphraseDraw(spec).indices.enumerated() {
                words[k] += 1
                perPos[pos][k] += 1
            }
        }
        let critical = Self.chiSquareCritical(df: 7775, alpha: alpha)
        let normalApprox = 7775 + Self.normalQuantile(1 - alpha) * sqrt(2 * 7775.0)
        XCTAssertEqual(critical, normalApprox, accuracy: normalApprox * 0.01)
        let x2 = Self.chiSquare(observed: words, expected: [Double](repeating: Double(draws * 6) / 7776, count: 7776))
        print(String(format: "uniformity [passphrase words]: %d words, chi2 = %.1f, df = 7775, critical = %.1f", draws * 6, x2, critical))
        XCTAssertLessThan(x2, critical)
        for pos in 0..<6 {
            let x = Self.chiSquare(observed: perPos[pos], expected: [Double](repeating: Double(draws) / 7776, count: 7776))
            XCTAssertLessThan(x, critical, "passphrase word position \(pos)")
        }
    }

    /// The test has teeth: a source with modulo bias (a random byte mod n) fails it.
    func testModuloBiasIsDetected() {
        struct ModuloBiased: UniformRandomSource {
            func uniform(_ upperBound: UInt32) -> UInt32 { UInt32(SecureRandom.bytes(1)[0]) % upperBound }
        }
        let gen = PasswordGenerator(random: ModuloBiased())
        let spec = PasswordSpec(length: 20, requireEach: false, policyFilter: false)
        var counts = [Unicode.Scalar: Int]()
        for r in try! gen.passwords(spec, count: 10_000) { for c in r.value.unicodeScalars { counts[c, default: 0] += 1 } }
        let observed = (CharacterClass.allCases.flatMap(\.characters)).map { counts[$0] ?? 0 }
        let x2 = Self.chiSquare(observed: observed, expected: [Double](repeating: 200_000 / 94, count: 94))
        print(String(format: "uniformity [modulo-biased source, 200,000 characters]: chi2 = %.1f", x2))
        XCTAssertGreaterThan(x2, Self.chiSquareCritical(df: 93, alpha: 0.001))
    }
}
