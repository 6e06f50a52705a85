import FoundationEssentials
import Glibc

// The generator of random passwords and passphrases: alphabets, rejection sampling against the
// policy filter (with the entropy that counts only accepted strings), and passphrase draws. PINs
// are in PasswordGenerator+PINs.swift.

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
}
