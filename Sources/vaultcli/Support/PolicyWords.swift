import Catalog
import Vault

/// `policy show`'s "what it does" and "allowed" columns in the user's language, by setting key
/// (the keys, values and `--json` stay as the library words them).
enum PolicyWords {
    static func meaning(key: String, english: String) -> String {
        let m: Msg? = switch key {
        case "min-length": .pmMinLength
        case "require-letter": .pmRequireLetter
        case "require-digit": .pmRequireDigit
        case "require-symbol": .pmRequireSymbol
        case "require-mixed-case": .pmRequireMixedCase
        case "blocklist": .pmBlocklist
        case "personal-data": .pmPersonalData
        case "patterns": .pmPatterns
        case "min-strength-score": .pmMinStrength
        case "history": .pmHistory
        case "expiry-days": .pmExpiryDays
        case "expiry-warning-days": .pmExpiryWarningDays
        case "lockout-threshold": .pmLockoutThreshold
        case "lockout-minutes": .pmLockoutMinutes
        case "change-on-first-use": .pmChangeOnFirstUse
        case "admin-recovery-by-questions": .pmAdminRecoveryByQuestions
        case "backup-max-age-days": .pmBackupMaxAgeDays
        case "business-hours": .pmBusinessHours
        case "merchant-name": .pmMerchantName
        default: nil
        }
        return m.map { tr($0) } ?? english
    }

    /// "8...64" stays; the worded limits are translated.
    static func limit(_ english: String) -> String {
        switch english {
        case "always on": tr(.plAlwaysOn)
        case "on or off": tr(.plOnOrOff)
        case "HH:MM-HH:MM or off": tr(.plBusinessHours)
        case "1-64 characters, or \"\" for none": tr(.plMerchantName)
        default: english
        }
    }
}

/// check-password's text output: zxcvbn's feedback (the port's fixed English sentences) and
/// crack times in the user's language. `--json` keeps the English.
enum StrengthText {
    static let sentences: [String: Msg] = [
        "This is a top-10 common password.": .sfTop10,
        "This is a top-100 common password.": .sfTop100,
        "This is a very common password.": .sfVeryCommon,
        "This is similar to a commonly used password.": .sfSimilarCommon,
        "A word by itself is easy to guess.": .sfWordAlone,
        "Names and surnames by themselves are easy to guess.": .sfNamesAlone,
        "Common names and surnames are easy to guess.": .sfNamesCommon,
        "Capitalization doesn't help very much.": .sfCapitalization,
        "All-uppercase is almost as easy to guess as all-lowercase.": .sfAllUppercase,
        "Reversed words aren't much harder to guess.": .sfReversed,
        "Predictable substitutions like '@' instead of 'a' don't help very much.": .sfSubstitutions,
        "Straight rows of keys are easy to guess.": .sfStraightRows,
        "Short keyboard patterns are easy to guess.": .sfShortKeyboard,
        "Use a longer keyboard pattern with more turns.": .sfLongerKeyboard,
        "Repeats like \"aaa\" are easy to guess.": .sfRepeatsOne,
        "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".": .sfRepeatsMany,
        "Avoid repeated words and characters.": .sfAvoidRepeats,
        "Sequences like \"abc\" or \"6543\" are easy to guess.": .sfSequences,
        "Avoid sequences.": .sfAvoidSequences,
        "Recent years are easy to guess.": .sfRecentYears,
        "Avoid recent years.": .sfAvoidRecentYears,
        "Avoid years that are associated with you.": .sfAvoidYearsYours,
        "Dates are often easy to guess.": .sfDates,
        "Avoid dates and years that are associated with you.": .sfAvoidDates,
        "Chinese names, pinyin words, love and lucky numbers, brands and hotlines are easy to guess.": .sfChinese,
        "Add several random characters; a name, word or number that means something to you is tried first.": .sfChineseAdd,
        "Use a few words, avoid common phrases.": .sfFewWords,
        "No need for symbols, digits, or uppercase letters.": .sfNoNeedSymbols,
        "Add another word or two. Uncommon words are better.": .sfAnotherWord,
    ]

    static func sentence(_ s: String) -> String { sentences[s].map { tr($0) } ?? s }

    /// `StrengthEstimate.advice` in the user's language (English: the library's words).
    static func advice(_ e: StrengthEstimate) -> String {
        guard Lang.current == .zhHans else { return e.advice }
        if e.score >= 4 { return tr(.sfStrong) }
        if e.score == 3 { return tr(.sfGood) }
        return ([e.warning] + e.suggestions.prefix(1)).filter { !$0.isEmpty }.map(sentence).joined()
    }

    /// `StrengthEstimate.displayTime` in the user's language (English: the library's words).
    static func time(_ seconds: Double) -> String {
        guard Lang.current == .zhHans else { return StrengthEstimate.displayTime(seconds) }
        let minute = 60.0, hour = minute * 60, day = hour * 24, month = day * 31, year = month * 12, century = year * 100
        func n(_ x: Double) -> Int { Int(x.rounded(.toNearestOrEven)) }
        if seconds < 1 { return tr(.stLessThanSecond) }
        if seconds < minute { return tr(.stSeconds, n(seconds)) }
        if seconds < hour { return tr(.stMinutes, n(seconds / minute)) }
        if seconds < day { return tr(.stHours, n(seconds / hour)) }
        if seconds < month { return tr(.stDays, n(seconds / day)) }
        if seconds < year { return tr(.stMonths, n(seconds / month)) }
        if seconds < century { return tr(.stYears, n(seconds / year)) }
        return tr(.stCenturies)
    }
}
