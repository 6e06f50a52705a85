import FoundationEssentials
import Glibc

// The rules a password can break, each with its rule id and a message in plain words that never
// quotes the password, and the character classes a policy can require.

/// A character class a policy can require.
public enum CharacterClassRequirement: String, Sendable, Equatable, Codable {
    case letter, digit, symbol, uppercase, lowercase
}

/// One rule a password breaks. `message` is in plain words and never quotes the password.
public enum PolicyViolation: Sendable, Equatable, Hashable {
    case notText
    case tooShort(length: Int, minimum: Int)
    case tooLong(length: Int, maximum: Int)
    case missingClasses([CharacterClassRequirement])
    case commonPassword
    case personalData(PersonalDataKind)
    case date
    case repeatedCharacters
    case sequence
    case keyboardWalk
    case tooGuessable(score: Int, minimum: Int)
    /// Built from Chinese habits (pinyin names and words, love numbers, brands ...) that leave it
    /// below the minimum strength score (ChineseHabits.swift).
    case chineseHabits([ChineseHabit])
    /// Stateful (checked by the operator code against stored hashes): uniform wording here.
    case reusedPassword(historyCount: Int)

    /// A stable identifier for JSON and tests.
    public var rule: String {
        switch self {
        case .notText: "encoding"
        case .tooShort, .tooLong: "length"
        case .missingClasses: "character-classes"
        case .commonPassword: "blocklist"
        case .personalData: "personal-data"
        case .date: "date"
        case .repeatedCharacters: "repeats"
        case .sequence: "sequence"
        case .keyboardWalk: "keyboard-walk"
        case .tooGuessable: "strength"
        case .chineseHabits: "chinese-habits"
        case .reusedPassword: "history"
        }
    }

    public var message: String {
        switch self {
        case .notText:
            return "it is not valid UTF-8 text, or it contains control characters"
        case .tooShort(let n, let min):
            return "it is too short: \(n) character\(n == 1 ? "" : "s"), and at least \(min) are needed"
        case .tooLong(let n, let max):
            return "it is too long: \(n) characters, and at most \(max) are allowed"
        case .missingClasses(let c):
            let names = c.map { cls -> String in
                switch cls {
                case .letter: "a letter"
                case .digit: "a digit"
                case .symbol: "a symbol (such as ! # % or -)"
                case .uppercase: "an uppercase letter"
                case .lowercase: "a lowercase letter"
                }
            }
            return "it needs \(Self.list(names))"
        case .commonPassword:
            return "it is a commonly used password, or one with only small changes (capitals, digits or symbols added at the ends, @ for a, 0 for o and the like)"
        case .personalData(let k):
            return "it contains \(k.words)"
        case .date:
            return "it contains a date or a year (like 19900101, 900101, 0101 or 1990)"
        case .repeatedCharacters:
            return "it repeats a character or a short group of characters (like aaaa or 121212)"
        case .sequence:
            return "it contains a sequence (like 1234, 4321 or abcd)"
        case .keyboardWalk:
            return "it contains a keyboard pattern (like qwerty, asdf, zxcv or 1qaz)"
        case .tooGuessable(let s, let min):
            return "it is too easy to guess: its strength score is \(s) of 4, and at least \(min) is needed"
        case .reusedPassword(let n):
            return "it is one of your last \(n) passwords"
        case .chineseHabits(let h):
            return "it is built from what Chinese passwords often use, which attackers try first: \(Self.list(h.map(\.words)))"
        }
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
