import FoundationEssentials
import Glibc
import VaultCrypto

// Random numeric PINs: the PINs never generated (repeats, runs, dates, keypad patterns), the
// weakness check a stored PIN gets, and the draw with its entropy.

extension PasswordGenerator {
    // MARK: - PINs

    /// The PINs never generated: one digit repeated, a repeated pair or triple (1212, 123123),
    /// pairs (112233), runs up or down (123456, 987654, 890123), dates (DDMM, MMDD, YYYY for
    /// 1900-2099, DDMMYY, MMDDYY, YYMMDD, DDMMYYYY, MMDDYYYY, YYYYMMDD) and a list of well-known
    /// PINs (keypad lines, 520/1314 love numbers, 2580, 1004).
    public static func excludedPINs(length n: Int) -> Set<String> {
        var out = Set<String>()
        let digits = Array("0123456789")
        func add(_ s: String) { if s.count == n { out.insert(s) } }
        // Periodic: period 1, 2, 3 (and 4 for 8+).
        for period in [1, 2, 3, 4] where period < n && (period <= 2 || n >= 2 * period) {
            let total = Int(pow(10.0, Double(period)))
            for v in 0..<total {
                let unit = zeroPadded(v, width: period)
                add(String(String(repeating: unit, count: n / period + 1).prefix(n)))
            }
        }
        // Each digit doubled: 1122, 112233, 11223344.
        if n % 2 == 0 && n <= 8 {
            let half = n / 2
            let total = Int(pow(10.0, Double(half)))
            for v in 0..<total {
                let s = zeroPadded(v, width: half)
                add(s.map { "\($0)\($0)" }.joined())
            }
        }
        // Runs up and down, wrapping (7890123).
        for start in 0..<10 {
            for step in [1, -1, 2, -2] {
                add(String((0..<n).map { digits[((start + step * $0) % 10 + 10) % 10] }))
            }
        }
        // Dates.
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for m in 1...12 {
            for d in 1...days[m - 1] {
                switch n {
                case 4:
                    add(p2(m) + p2(d)); add(p2(d) + p2(m))
                case 6:
                    for y in 0..<100 { add(p2(d) + p2(m) + p2(y)); add(p2(m) + p2(d) + p2(y)); add(p2(y) + p2(m) + p2(d)) }
                case 8:
                    for y in 1900...2099 { add(p2(d) + p2(m) + "\(y)"); add(p2(m) + p2(d) + "\(y)"); add("\(y)" + p2(m) + p2(d)) }
                default:
                    break
                }
            }
        }
        if n == 4 { for y in 1900...2099 { add(String(y)) } }
        // Keypad patterns: rows, columns and diagonals, one after another (147258, 159357).
        for p in keypadPatterns(length: n) { add(p) }
        // Well-known PINs.
        for s in ["2580", "0852", "1379", "1397", "7913", "9731", "1470", "0741", "3690", "0963", "1004", "5683", "1478",
                  "3214", "7896", "1236", "6321", "9874", "1793", "3179", "1590", "0520", "1314", "5201", "2468", "1357",
                  "147258", "258369", "369258", "852963", "159753", "951753", "357159", "123321", "321123", "112233",
                  "121314", "131420", "147852", "159357", "654321", "666888", "888666", "168168", "518518", "520520",
                  "521521", "520131", "201314", "147369", "963852", "741852", "789456", "456123", "123654", "102030",
                  "5201314", "1314520", "13145201", "52013140", "12344321", "10203040", "11223344", "14725836",
                  "147258369", "123456789", "987654321", "1234567890", "0987654321", "123123123", "5201314520"] {
            add(s)
        }
        return out
    }

    /// The straight lines of a keypad, both ways: the rows, columns and diagonals of its 3x3
    /// block (123, 147, 159, ... and reversed), and the columns that run on to 0 (2580 on a
    /// phone or ATM, 7410 on a numeric keypad or calculator, where 0 sits under 1).
    static let keypadLines: [String] = {
        let forward = ["123", "456", "789", "147", "258", "369", "159", "357", "2580", "7410", "8520"]
        var out: [String] = []
        for l in forward { out.append(l); out.append(String(l.reversed())) }
        return out
    }()

    /// Every PIN of `n` digits that is keypad lines one after another (147258, 258369, 159357,
    /// 147258369, 25800852), optionally ending with 0, the key below the last row (1470, 3690,
    /// 7410, 1472583690).
    public static func keypadPatterns(length n: Int) -> Set<String> {
        var out = Set<String>()
        func extend(_ s: String) {
            if s.count == n { out.insert(s); return }
            if s.count > n { return }
            if !s.isEmpty && s.count + 1 == n { out.insert(s + "0") }
            for l in keypadLines where s.count + l.count <= n { extend(s + l) }
        }
        extend("")
        return out
    }

    /// Why a PIN (4 to 12 digits) is too easy to guess, or nil: the PINs `pins` never makes.
    public static func pinWeakness(_ pin: String) -> RecordProblem.PINWeakness? {
        guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return pinWeakness(length: pin.count) { $0 == pin }
    }

    /// `pinWeakness` for a PIN in locked memory: `matches` compares a candidate with it (in
    /// constant time, SecretBytes.equals(utf8:)), so no String is made of the PIN.
    public static func pinWeakness(_ pin: SecretBytes) -> RecordProblem.PINWeakness? {
        guard pin.allBytes({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return pinWeakness(length: pin.count) { pin.equals(utf8: $0) }
    }

    static func pinWeakness(length: Int, matches: (String) -> Bool) -> RecordProblem.PINWeakness? {
        guard PINSpec.lengthRange.contains(length) else { return nil }
        if keypadPatterns(length: length).contains(where: matches) { return .keypadPattern }
        if excludedPINs(length: length).contains(where: matches) { return .triedFirst }
        return nil
    }

    public static func pinEntropyBits(_ spec: PINSpec) throws -> Double {
        guard PINSpec.lengthRange.contains(spec.length) else {
            throw GeneratorError.outOfRange(what: "--pin", value: spec.length, range: PINSpec.lengthRange)
        }
        return log2(pow(10.0, Double(spec.length)) - Double(excludedPINs(length: spec.length).count))
    }

    public func pins(_ spec: PINSpec, count: Int = 1) throws -> [GeneratedSecret] {
        let bits = try Self.pinEntropyBits(spec)
        let excluded = Self.excludedPINs(length: spec.length)
        return (0..<count).map { _ in
            while true {
                let s = String((0..<spec.length).map { _ in Character(Unicode.Scalar(48 + random.uniform(10))!) })
                if !excluded.contains(s) { return GeneratedSecret(value: s, entropyBits: bits) }
            }
        }
    }
}
