import FoundationEssentials
import Glibc
import VaultCrypto

/// A zxcvbn-style password strength estimate (a port of zxcvbn-python 4.4.28, MIT licence).
///
/// It never holds or returns the password's text: only the kinds and lengths of the patterns
/// it found, so it can be printed.
public struct StrengthEstimate: Sendable, Equatable {
    /// The estimated number of guesses an attacker needs.
    public let guesses: Double
    /// log2(guesses).
    public var bits: Double { log2(guesses) }
    public var guessesLog10: Double { log10(guesses) }
    /// 0 (too guessable) ... 4 (very unguessable), at zxcvbn's thresholds 1e3, 1e6, 1e8, 1e10.
    public let score: Int
    /// Seconds to crack at 10^4 guesses per second (an attacker online and throttled, or
    /// offline against a slow hash).
    public var secondsAt1e4: Double { guesses / 1e4 }
    /// Seconds to crack at 10^10 guesses per second (offline, fast hash).
    public var secondsAt1e10: Double { guesses / 1e10 }
    /// The patterns of the cheapest decomposition, in order.
    public let patterns: [Pattern]
    /// zxcvbn's warning (may be empty) and suggestions.
    public let warning: String
    public let suggestions: [String]

    public struct Pattern: Sendable, Equatable {
        /// dictionary, spatial, repeat, sequence, regex, date or bruteforce.
        public let kind: String
        /// For dictionary matches: passwords, english_wikipedia, female_names, surnames,
        /// us_tv_and_film, male_names or user_inputs; otherwise empty.
        public let dictionary: String
        public let length: Int
        public let guesses: Double
        public let l33t: Bool
        public let reversed: Bool
    }

    /// One line of advice.
    public var advice: String {
        if score >= 4 { return "Strong: no change needed." }
        if score == 3 { return "Good; a few more random characters or another uncommon word would make it very strong." }
        let parts = [warning] + suggestions.prefix(1)
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// zxcvbn's display_time: "less than a second", "3 hours", "centuries".
    public static func displayTime(_ seconds: Double) -> String {
        let minute = 60.0, hour = minute * 60, day = hour * 24, month = day * 31, year = month * 12, century = year * 100
        func unit(_ base: Double, _ name: String) -> String {
            let n = Int(base.rounded(.toNearestOrEven))
            return "\(n) \(name)\(n == 1 ? "" : "s")"
        }
        if seconds < 1 { return "less than a second" }
        if seconds < minute { return unit(seconds, "second") }
        if seconds < hour { return unit(seconds / minute, "minute") }
        if seconds < day { return unit(seconds / hour, "hour") }
        if seconds < month { return unit(seconds / day, "day") }
        if seconds < year { return unit(seconds / month, "month") }
        if seconds < century { return unit(seconds / year, "year") }
        return "centuries"
    }

    /// guesses_to_score.
    public static func score(guesses: Double) -> Int {
        let delta = 5.0
        if guesses < 1e3 + delta { return 0 }
        if guesses < 1e6 + delta { return 1 }
        if guesses < 1e8 + delta { return 2 }
        if guesses < 1e10 + delta { return 3 }
        return 4
    }
}

public enum StrengthEstimator {
    /// Passwords longer than this are rated on their first `maxLength` characters, as zxcvbn's
    /// authors advise: its search grows with the cube of the length in the worst case, and 100
    /// characters that are not one long pattern are already far beyond score 4. Rating a prefix
    /// can only underestimate the strength, never overstate it.
    public static let maxLength = 100

    /// Rates a password. `userInputs` are words an attacker who knows the user would try first
    /// (user name, email, phone, names), matched like zxcvbn's user_inputs dictionary.
    public static func estimate(_ password: SecretBytes, userInputs: [String] = []) -> StrengthEstimate {
        var scalars = password.withUnsafeBytes { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
        defer { for k in scalars.indices { scalars[k] = "\0" } }
        return estimate(scalars: scalars, userInputs: userInputs)
    }

    /// Rates a password given as text (for tests and the oracle; prefer the SecretBytes form).
    public static func estimate(_ password: String, userInputs: [String] = []) -> StrengthEstimate {
        estimate(scalars: Array(password.unicodeScalars), userInputs: userInputs)
    }

    /// Loads the dictionaries now (about 100,000 words) instead of at the first estimate.
    public static func preload() { _ = RankedDictionaries.shared; _ = StrengthMatching.graphs }

    static func estimate(scalars: [Unicode.Scalar], userInputs: [String]) -> StrengthEstimate {
        let pw = Array(scalars.prefix(maxLength))
        var inputs: [String: Int] = [:]
        for (idx, w) in userInputs.enumerated() { inputs[w.lowercased()] = idx + 1 }
        let matches = StrengthMatching.omnimatch(pw, dictionaries: .shared, userInputs: inputs)
        let result = StrengthScoring.mostGuessableMatchSequence(pw, matches)
        let score = StrengthEstimate.score(guesses: result.guesses)
        let fb = StrengthFeedback.feedback(score: score, sequence: result.sequence)
        return StrengthEstimate(
            guesses: result.guesses, score: score,
            patterns: result.sequence.map {
                .init(kind: $0.pattern.rawValue, dictionary: $0.pattern == .dictionary ? $0.dictionaryName : "",
                      length: $0.token.count, guesses: $0.guesses, l33t: $0.l33t, reversed: $0.reversed)
            },
            warning: fb.warning, suggestions: fb.suggestions)
    }
}

/// A port of zxcvbn's feedback.py.
enum StrengthFeedback {
    static func feedback(score: Int, sequence: [StrengthMatch]) -> (warning: String, suggestions: [String]) {
        if sequence.isEmpty {
            return ("", ["Use a few words, avoid common phrases.", "No need for symbols, digits, or uppercase letters."])
        }
        if score > 2 { return ("", []) }
        var longest = sequence[0]
        for m in sequence.dropFirst() where m.token.count > longest.token.count { longest = m }
        let extra = "Add another word or two. Uncommon words are better."
        if var fb = matchFeedback(longest, isSoleMatch: sequence.count == 1) {
            fb.suggestions.insert(extra, at: 0)
            return fb
        }
        return ("", [extra])
    }

    static func matchFeedback(_ m: StrengthMatch, isSoleMatch: Bool) -> (warning: String, suggestions: [String])? {
        switch m.pattern {
        case .dictionary: return dictionaryFeedback(m, isSoleMatch: isSoleMatch)
        case .spatial:
            return (m.turns == 1 ? "Straight rows of keys are easy to guess." : "Short keyboard patterns are easy to guess.",
                    ["Use a longer keyboard pattern with more turns."])
        case .repeat:
            return (m.baseToken.count == 1 ? "Repeats like \"aaa\" are easy to guess."
                        : "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
                    ["Avoid repeated words and characters."])
        case .sequence:
            return ("Sequences like \"abc\" or \"6543\" are easy to guess.", ["Avoid sequences."])
        case .regex:
            return ("Recent years are easy to guess.", ["Avoid recent years.", "Avoid years that are associated with you."])
        case .date:
            return ("Dates are often easy to guess.", ["Avoid dates and years that are associated with you."])
        case .chinese:
            return ("Chinese names, pinyin words, love and lucky numbers, brands and hotlines are easy to guess.",
                    ["Add several random characters; a name, word or number that means something to you is tried first."])
        case .bruteforce:
            return nil
        }
    }

    static func dictionaryFeedback(_ m: StrengthMatch, isSoleMatch: Bool) -> (warning: String, suggestions: [String]) {
        var warning = ""
        switch m.dictionaryName {
        case "passwords":
            if isSoleMatch && !m.l33t && !m.reversed {
                warning = m.rank <= 10 ? "This is a top-10 common password."
                    : m.rank <= 100 ? "This is a top-100 common password." : "This is a very common password."
            } else if m.guessesLog10 <= 4 {
                warning = "This is similar to a commonly used password."
            }
        case "english":
            if isSoleMatch { warning = "A word by itself is easy to guess." }
        case "surnames", "male_names", "female_names":
            warning = isSoleMatch ? "Names and surnames by themselves are easy to guess." : "Common names and surnames are easy to guess."
        default:
            break
        }
        var suggestions: [String] = []
        let w = Array(m.token)
        let startUpper = w.count >= 2 && StrengthScoring.isASCIIUpper(w[0]) && w.dropFirst().allSatisfy { !StrengthScoring.isASCIIUpper($0) }
        let allUpper = w.allSatisfy { !StrengthScoring.isASCIILower($0) }
        if startUpper {
            suggestions.append("Capitalization doesn't help very much.")
        } else if allUpper && StrengthMatching.lower(w) != w {
            suggestions.append("All-uppercase is almost as easy to guess as all-lowercase.")
        }
        if m.reversed && m.token.count >= 4 { suggestions.append("Reversed words aren't much harder to guess.") }
        if m.l33t { suggestions.append("Predictable substitutions like '@' instead of 'a' don't help very much.") }
        return (warning, suggestions)
    }
}
