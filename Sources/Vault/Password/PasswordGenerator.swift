import FoundationEssentials
import Glibc

/// A source of uniform integers. The product uses libsodium's `randombytes_uniform` (no modulo
/// bias); tests can plug in a biased source to prove the uniformity test can fail.
public protocol UniformRandomSource: Sendable {
    /// A uniformly distributed integer in `0 ..< upperBound`.
    func uniform(_ upperBound: UInt32) -> UInt32
}

public struct SodiumRandomSource: UniformRandomSource {
    public init() {}
    public func uniform(_ upperBound: UInt32) -> UInt32 { SecureRandom.uniform(upperBound) }
}

/// The character classes of generated passwords.
public enum CharacterClass: String, CaseIterable, Sendable, Codable {
    case upper, lower, digits, symbols

    public var characters: [Unicode.Scalar] {
        switch self {
        case .upper: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
        case .lower: Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        case .digits: Array("0123456789".unicodeScalars)
        case .symbols: Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)
        }
    }

    /// Characters that are easy to misread: 0 O 1 l I |.
    public static let ambiguous: Set<Unicode.Scalar> = ["0", "O", "1", "l", "I", "|"]
}

/// What to generate: a random password.
public struct PasswordSpec: Sendable, Equatable {
    public var length: Int = 20
    /// The chosen classes, in the canonical order upper, lower, digits, symbols.
    public var classes: [CharacterClass] = CharacterClass.allCases
    public var excludeAmbiguous = false
    /// Further characters never to use.
    public var exclude: Set<Unicode.Scalar> = []
    /// Every chosen class appears at least once (candidates without one are drawn again).
    public var requireEach = true
    /// Draw again when a candidate breaks the policy's pattern rules (common password, date,
    /// repeat, sequence, keyboard walk) or its strength rule. Applies only when the result is
    /// meant to meet the policy: letters, digits and symbols all required, length >= 8.
    public var policyFilter = true

    public static let lengthRange = 1...1024

    public init() {}

    public init(length: Int = 20, classes: [CharacterClass] = CharacterClass.allCases, excludeAmbiguous: Bool = false,
                exclude: Set<Unicode.Scalar> = [], requireEach: Bool = true, policyFilter: Bool = true) {
        self.length = length
        self.classes = classes
        self.excludeAmbiguous = excludeAmbiguous
        self.exclude = exclude
        self.requireEach = requireEach
        self.policyFilter = policyFilter
    }
}

/// What to generate: a passphrase from the EFF long wordlist (7,776 words).
public struct PassphraseSpec: Sendable, Equatable {
    public var words: Int = 6
    public var separator: String = "-"
    /// Each word starts with a capital letter.
    public var capitalize = false
    /// One random digit after one randomly chosen word.
    public var withNumber = false

    public static let wordsRange = 1...64

    public init(words: Int = 6, separator: String = "-", capitalize: Bool = false, withNumber: Bool = false) {
        self.words = words
        self.separator = separator
        self.capitalize = capitalize
        self.withNumber = withNumber
    }
}

/// What to generate: a numeric PIN that is none of the common PINs.
public struct PINSpec: Sendable, Equatable {
    public var length: Int = 6
    public static let lengthRange = 4...12
    public init(length: Int = 6) { self.length = length }
}

/// One generated secret and the entropy of the distribution it was drawn from.
public struct GeneratedSecret: Sendable, Equatable {
    public let value: String
    public let entropyBits: Double
}

/// Errors of bad generator settings; each says what to do instead.
public enum GeneratorError: UserFacingError, Equatable {
    case outOfRange(what: String, value: Int, range: ClosedRange<Int>)
    case noClasses
    case tooShortForClasses(length: Int, classes: Int)
    case classEmptied(CharacterClass)
    case nothingLeft
    case separatorHasLetters
    case separatorHasDigits
    case separatorHasControl
    case separatorTooLong(Int)
    case filterRejectsEverything

    public var message: String {
        switch self {
        case .outOfRange(let w, let v, let r): "\(w) must be between \(r.lowerBound) and \(r.upperBound), not \(v)"
        case .noClasses: "no character class is chosen, so there is nothing to draw from"
        case .tooShortForClasses(let n, let k): "a password of \(n) character\(n == 1 ? "" : "s") cannot hold one of each of the \(k) chosen classes"
        case .classEmptied(let c): "every character of the \(c.rawValue) class is excluded, but that class is chosen"
        case .nothingLeft: "every character is excluded"
        case .separatorHasLetters: "the separator contains letters, which would make word boundaries ambiguous"
        case .separatorHasDigits: "the separator contains digits, which --with-number also adds"
        case .separatorHasControl: "the separator contains control characters"
        case .separatorTooLong(let n): "the separator is \(n) characters long; at most 8 are allowed"
        case .filterRejectsEverything: "almost every candidate breaks the password policy's pattern rules with these settings"
        }
    }

    public var hints: [String] {
        switch self {
        case .outOfRange(let w, _, let r): ["choose \(w) from \(r.lowerBound) to \(r.upperBound)"]
        case .noClasses: ["choose at least one with --classes upper,lower,digits,symbols"]
        case .tooShortForClasses(_, let k): ["use --length \(k) or more, choose fewer classes, or add --no-require-each"]
        case .classEmptied(let c): ["exclude fewer characters, or leave \(c.rawValue) out of --classes"]
        case .nothingLeft: ["exclude fewer characters"]
        case .separatorHasLetters: ["use symbols, a space or nothing as the separator, e.g. --separator -"]
        case .separatorHasDigits: ["use a separator without digits, or drop --with-number"]
        case .separatorHasControl, .separatorTooLong: ["use a short separator such as - . _ or a space"]
        case .filterRejectsEverything: ["use a longer --length or more characters"]
        }
    }

    public var exitCode: ExitStatus { .usage }
}

/// Generates passwords, passphrases and PINs. Every symbol is drawn with `uniform` (libsodium's
/// randombytes_uniform in the product), so there is no modulo bias; rejection sampling keeps the
/// output uniform over the acceptable strings, and the entropy reported counts only those.
public struct PasswordGenerator: Sendable {
    public let random: any UniformRandomSource

    public init(random: any UniformRandomSource = SodiumRandomSource()) {
        self.random = random
    }

    // MARK: - passwords

    /// The alphabet of each chosen class after exclusions, checking the spec.
    public static func alphabets(_ spec: PasswordSpec) throws -> [(CharacterClass, [Unicode.Scalar])] {
        guard PasswordSpec.lengthRange.contains(spec.length) else {
            throw GeneratorError.outOfRange(what: "--length", value: spec.length, range: PasswordSpec.lengthRange)
        }
        let classes = CharacterClass.allCases.filter { spec.classes.contains($0) }
        guard !classes.isEmpty else { throw GeneratorError.noClasses }
        var out: [(CharacterClass, [Unicode.Scalar])] = []
        for c in classes {
            let chars = c.characters.filter { !spec.exclude.contains($0) && !(spec.excludeAmbiguous && CharacterClass.ambiguous.contains($0)) }
            if chars.isEmpty {
                if spec.requireEach { throw GeneratorError.classEmptied(c) }
                continue
            }
            out.append((c, chars))
        }
        guard !out.isEmpty else { throw GeneratorError.nothingLeft }
        if spec.requireEach && spec.length < out.count {
            throw GeneratorError.tooShortForClasses(length: spec.length, classes: out.count)
        }
        return out
    }

    /// Whether the policy filter applies (the result is meant to meet the policy).
    static func filterApplies(_ spec: PasswordSpec, _ alphabets: [(CharacterClass, [Unicode.Scalar])]) -> Bool {
        let cs = Set(alphabets.map(\.0))
        return spec.policyFilter && spec.requireEach && spec.length >= 8 && cs.contains(.digits) && cs.contains(.symbols)
            && (cs.contains(.upper) || cs.contains(.lower))
    }

    /// N(length) / S^length: the share of all strings over the alphabet (S characters) that hold
    /// at least one character of each required class, by inclusion-exclusion over the classes.
    public static func coverageRatio(length: Int, requiredSizes: [Int], alphabetSize: Int) -> Double {
        let k = requiredSizes.count
        var sum = 0.0
        for mask in 0..<(1 << k) {
            var missing = 0
            var bits = 0
            for t in 0..<k where mask & (1 << t) != 0 { missing += requiredSizes[t]; bits += 1 }
            let term = pow(Double(alphabetSize - missing) / Double(alphabetSize), Double(length))
            sum += bits % 2 == 0 ? term : -term
        }
        return sum
    }

    /// log2 of the number of strings the generator can produce (before the policy filter):
    /// S^n when classes are not required, else the inclusion-exclusion count.
    public static func classEntropyBits(_ spec: PasswordSpec) throws -> Double {
        let a = try alphabets(spec)
        let s = a.reduce(0) { $0 + $1.1.count }
        var bits = Double(spec.length) * log2(Double(s))
        if spec.requireEach {
            bits += log2(coverageRatio(length: spec.length, requiredSizes: a.map { $0.1.count }, alphabetSize: s))
        }
        return bits
    }

    /// One candidate: uniform over all strings that hold each required class.
    func candidate(_ spec: PasswordSpec, _ a: [(CharacterClass, [Unicode.Scalar])], _ alphabet: [Unicode.Scalar]) -> [Unicode.Scalar] {
        while true {
            var s: [Unicode.Scalar] = []
            s.reserveCapacity(spec.length)
            for _ in 0..<spec.length { s.append(alphabet[Int(random.uniform(UInt32(alphabet.count)))]) }
            if !spec.requireEach { return s }
            let present = Set(s)
            if a.allSatisfy({ cls in cls.1.contains(where: present.contains) }) { return s }
        }
    }

    /// Whether the policy filter refuses a candidate.
    static func filterRejects(_ s: [Unicode.Scalar], withStrength: Bool) -> Bool {
        let checker = PolicyChecker(policy: .default)
        if !checker.patternViolations(s).filter({ $0.rule != "length" && $0.rule != "character-classes" }).isEmpty { return true }
        if withStrength && StrengthEstimator.estimate(scalars: s, userInputs: []).score < PasswordPolicy.default.minStrengthScore { return true }
        return false
    }

    /// Random passwords. Returns each with the entropy of the distribution.
    ///
    /// When the policy filter applies, the entropy is log2 of the class-complete count, less
    /// log2 of (1 - u), where u is a 99.9%-confidence upper bound on the share of candidates the
    /// filter rejects, estimated from `filterSamples` unfiltered draws (see docs/password-policy.md).
    /// A caller that does not show the entropy passes `estimateEntropy: false` to skip those
    /// draws (most of genpass's run time): `entropyBits` is then the count before the filter, an
    /// upper bound. Either way a filter that refuses everything ends in `filterRejectsEverything`.
    public func passwords(_ spec: PasswordSpec, count: Int = 1, filterSamples: Int = 2000, estimateEntropy: Bool = true) throws -> [GeneratedSecret] {
        let a = try Self.alphabets(spec)
        let alphabet = a.flatMap(\.1)
        var bits = try Self.classEntropyBits(spec)
        let filtered = Self.filterApplies(spec, a)
        if filtered && estimateEntropy {
            var rejected = 0
            for _ in 0..<filterSamples where Self.filterRejects(candidate(spec, a, alphabet), withStrength: false) { rejected += 1 }
            let upper = Self.wilsonUpperBound(successes: rejected, trials: filterSamples, z: 3.0902)
            if upper >= 0.99 { throw GeneratorError.filterRejectsEverything }
            bits += log2(1 - upper)
        }
        var out: [GeneratedSecret] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            var attempts = 0
            while true {
                let c = candidate(spec, a, alphabet)
                attempts += 1
                if filtered && Self.filterRejects(c, withStrength: spec.length <= 40) {
                    if attempts > 10_000 { throw GeneratorError.filterRejectsEverything }
                    continue
                }
                out.append(GeneratedSecret(value: StrengthMatching.string(c), entropyBits: bits))
                break
            }
        }
        return out
    }

    /// The upper end of the Wilson score interval for a binomial proportion.
    static func wilsonUpperBound(successes: Int, trials: Int, z: Double) -> Double {
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = p + z2 / (2 * n)
        let margin = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n))
        return min(1, (centre + margin) / (1 + z2 / n))
    }

    // MARK: - passphrases

    public static func validate(_ spec: PassphraseSpec) throws {
        guard PassphraseSpec.wordsRange.contains(spec.words) else {
            throw GeneratorError.outOfRange(what: "--words", value: spec.words, range: PassphraseSpec.wordsRange)
        }
        let sep = spec.separator.unicodeScalars
        if sep.count > 8 { throw GeneratorError.separatorTooLong(sep.count) }
        if sep.contains(where: { $0.properties.isAlphabetic }) { throw GeneratorError.separatorHasLetters }
        if sep.contains(where: { $0.properties.generalCategory == .control }) { throw GeneratorError.separatorHasControl }
        if spec.withNumber && sep.contains(where: { $0.properties.numericType != nil }) { throw GeneratorError.separatorHasDigits }
    }

    /// log2 of the number of passphrases: words x log2(7776), plus log2(10 x words) for the
    /// number. Distinct draws give distinct strings: the EFF long list is prefix-free and the
    /// separator holds no letters (nor digits with --with-number).
    public static func passphraseEntropyBits(_ spec: PassphraseSpec) throws -> Double {
        try validate(spec)
        var bits = Double(spec.words) * log2(Double(PasswordData.effWordCount))
        if spec.withNumber { bits += log2(10 * Double(spec.words)) }
        return bits
    }

    /// The index of each word (for the uniformity test) and the passphrase.
    func passphraseDraw(_ spec: PassphraseSpec) -> (indices: [Int], value: String) {
        let n = PasswordData.effWordCount
        var indices: [Int] = []
        var words: [String] = []
        for _ in 0..<spec.words {
            let k = Int(random.uniform(UInt32(n)))
            let word = PasswordData.effWord(k)
            indices.append(k)
            words.append(spec.capitalize ? word.prefix(1).uppercased() + word.dropFirst() : word)
        }
        if spec.withNumber {
            let w = Int(random.uniform(UInt32(spec.words)))
            words[w] += String(random.uniform(10))
        }
        return (indices, words.joined(separator: spec.separator))
    }

    public func passphrases(_ spec: PassphraseSpec, count: Int = 1) throws -> [GeneratedSecret] {
        let bits = try Self.passphraseEntropyBits(spec)
        return (0..<count).map { _ in GeneratedSecret(value: passphraseDraw(spec).value, entropyBits: bits) }
    }

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
