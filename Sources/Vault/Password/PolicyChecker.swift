import FoundationEssentials
import Glibc
import VaultCrypto

// The stateless password policy checker: the checks run in order over a password's scalars, the
// strength estimate they may call, and the character classes. The word checks (blocklist, personal
// data) are in PolicyChecker+Words.swift, the pattern checks (dates, repeats, sequences, keyboard
// walks) in PolicyChecker+Patterns.swift.

/// The stateless rules of the password policy. Thread-safe; the word lists load once.
public struct PolicyChecker: Sendable {
    public let policy: PasswordPolicy

    public init(policy: PasswordPolicy = .default) {
        self.policy = policy
    }

    /// Every rule the password breaks (empty when it passes), under the default policy.
    public static func check(password: SecretBytes, context: PersonalContext = PersonalContext(),
                             policy: PasswordPolicy = .default) -> [PolicyViolation] {
        PolicyChecker(policy: policy).check(password: password, context: context)
    }

    /// Every rule the password breaks (empty when it passes).
    public func check(password: SecretBytes, context: PersonalContext = PersonalContext()) -> [PolicyViolation] {
        evaluate(password: password, context: context).violations
    }

    /// The violations and the strength estimate together (check-password prints both).
    public func evaluate(password: SecretBytes, context: PersonalContext = PersonalContext()) -> (violations: [PolicyViolation], strength: StrengthEstimate) {
        let decoded: String? = password.withUnsafeBytes { buf in
            String(validating: buf, as: UTF8.self)
        }
        var scalars = Array((decoded ?? password.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }).unicodeScalars)
        defer { for k in scalars.indices { scalars[k] = "\0" } }
        var (v, strength) = violations(scalars: scalars, context: context, estimate: true)
        if decoded == nil || scalars.contains(where: { $0.properties.generalCategory == .control }) {
            v.insert(.notText, at: 0)
        }
        return (v, strength!)
    }

    /// The rules a generated password must pass, without the strength estimate
    /// (the generator checks that separately). Used by `PasswordGenerator`.
    func patternViolations(_ scalars: [Unicode.Scalar]) -> [PolicyViolation] {
        violations(scalars: scalars, context: PersonalContext(), estimate: false).0
    }

    func violations(scalars: [Unicode.Scalar], context: PersonalContext, estimate: Bool) -> ([PolicyViolation], StrengthEstimate?) {
        var out: [PolicyViolation] = []
        let p = policy

        // Length, in Unicode scalars (NIST 800-63B counts each code point as one character).
        if scalars.count < p.minLength { out.append(.tooShort(length: scalars.count, minimum: p.minLength)) }
        if scalars.count > PasswordPolicy.maxPasswordLength {
            out.append(.tooLong(length: scalars.count, maximum: PasswordPolicy.maxPasswordLength))
        }

        // Character classes.
        var missing: [CharacterClassRequirement] = []
        let hasLetter = scalars.contains { Self.isLetter($0) }
        let hasDigit = scalars.contains { Self.isDigit($0) }
        let hasSymbol = scalars.contains { Self.isSymbol($0) }
        if p.requireLetter && !hasLetter { missing.append(.letter) }
        if p.requireDigit && !hasDigit { missing.append(.digit) }
        if p.requireSymbol && !hasSymbol { missing.append(.symbol) }
        if p.requireMixedCase {
            if !scalars.contains(where: { $0.properties.isUppercase }) { missing.append(.uppercase) }
            if !scalars.contains(where: { $0.properties.isLowercase }) { missing.append(.lowercase) }
        }
        if !missing.isEmpty { out.append(.missingClasses(missing)) }

        let lower = StrengthMatching.lower(scalars)

        if p.blocklist && Self.isBlocklisted(lower) { out.append(.commonPassword) }

        if p.personalDataCheck {
            var kinds = Self.personalData(lower, context)
            let readings = ([lower] + Array(Self.unsubstituted(lower).prefix(4))).map { String(StrengthMatching.string($0).filter { !" -._/".contains($0) }) }
            for k in Self.chinesePersonalData(readings, context) where !kinds.contains(k) { kinds.append(k) }
            for k in kinds { out.append(.personalData(k)) }
        }

        if p.patternCheck {
            if Self.containsDate(scalars) { out.append(.date) }
            if Self.containsRepeat(lower) { out.append(.repeatedCharacters) }
            if Self.containsSequence(lower) { out.append(.sequence) }
            if Self.containsKeyboardWalk(scalars) { out.append(.keyboardWalk) }
        }

        var strength: StrengthEstimate? = nil
        if estimate {
            let (s, habits) = StrengthEstimator.estimateWithChineseHabits(scalars: scalars, userInputs: context.userInputs)
            if !habits.isEmpty && s.score < p.minStrengthScore { out.append(.chineseHabits(habits)) }
            if s.score < p.minStrengthScore { out.append(.tooGuessable(score: s.score, minimum: p.minStrengthScore)) }
            strength = s
        }
        return (out, strength)
    }

    // MARK: - classes

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.numericType == .decimal }
    static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic && !isDigit(s) }
    static func isSymbol(_ s: Unicode.Scalar) -> Bool {
        !isLetter(s) && !isDigit(s) && s.properties.generalCategory != .control
    }
}
