import FoundationEssentials
import Glibc
import VaultCrypto

// What the generator is asked for and what it hands back: the source of uniform integers, the
// character classes, the password, passphrase and PIN specs, a generated secret with its entropy,
// and the errors of bad settings.

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
