import FoundationEssentials
import Glibc

/// What is known about the person whose password is checked. None of it is secret.
public struct PersonalContext: Sendable, Equatable {
    public struct Birthday: Sendable, Equatable, Hashable {
        public let year: Int
        public let month: Int
        public let day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year; self.month = month; self.day = day
        }
    }

    public var username: String?
    public var phone: String?
    public var email: String?
    public var birthday: Birthday?
    /// Other names an attacker would try: the real name, the shop's name, a pet's name.
    public var otherNames: [String]
    /// The vault's terminal id (printed on the terminal and on every receipt).
    public var terminalId: String?
    /// The merchant's (shop's) name, in Chinese characters or Latin letters.
    public var merchantName: String?

    public init(username: String? = nil, phone: String? = nil, email: String? = nil,
                birthday: Birthday? = nil, otherNames: [String] = [],
                terminalId: String? = nil, merchantName: String? = nil) {
        self.username = username
        self.phone = phone
        self.email = email
        self.birthday = birthday
        self.otherNames = otherNames
        self.terminalId = terminalId
        self.merchantName = merchantName
    }

    /// The phone's digits only ("+86 138-1234-5678" -> "8613812345678").
    var phoneDigits: String { (phone ?? "").filter { $0.isASCII && $0.isNumber } }

    /// The email's local part, lower-cased.
    var emailLocalPart: String? {
        guard let e = email?.lowercased(), let at = e.lastIndex(of: "@") else { return email?.lowercased() }
        return String(e[..<at])
    }

    /// Words for the strength estimator's user_inputs dictionary.
    var userInputs: [String] {
        var out: [String] = []
        if let u = username { out.append(u) }
        if let e = email { out.append(e) }
        if let l = emailLocalPart { out.append(l) }
        let d = phoneDigits
        if !d.isEmpty {
            out.append(d)
            for n in 4...8 where d.count > n { out.append(String(d.suffix(n))) }
            if d.count > 11 { out.append(String(d.suffix(11))) }
        }
        out += otherNames
        if let t = terminalId { out.append(t) }
        if let m = merchantName { out.append(m) }
        if let b = birthday {
            out += PolicyChecker.dateForms(year: b.year, month: b.month, day: b.day)
        }
        return out.filter { !$0.isEmpty }
    }
}

/// Which piece of personal data a password contains.
public enum PersonalDataKind: String, Sendable, Equatable, Codable {
    case username
    case phone
    case phoneDigits = "phone-digits"
    case emailName = "email-name"
    case birthday
    case name
    case terminalId = "terminal-id"
    case merchantName = "merchant-name"

    var words: String {
        switch self {
        case .username: "your user name"
        case .phone: "your phone number"
        case .phoneDigits: "digits of your phone number (4 to 8 of its last digits)"
        case .emailName: "the name part of your email address"
        case .birthday: "your birthday"
        case .name: "a name linked to you"
        case .terminalId: "the terminal's id"
        case .merchantName: "the shop's (merchant's) name"
        }
    }
}

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

    // MARK: - blocklist

    /// The usual substitutions, undone. "1" and "|" can stand for "l" or "i": both are tried.
    static let substitutions: [Unicode.Scalar: [Unicode.Scalar]] = [
        "@": ["a"], "4": ["a"], "0": ["o"], "1": ["l", "i"], "|": ["l", "i"], "!": ["i"], "$": ["s"], "5": ["s"],
        "3": ["e"], "7": ["t"], "+": ["t"], "8": ["b"], "9": ["g"], "6": ["g"], "2": ["z"],
    ]

    /// Every reading of `s` with the substitutions undone (capped at 64 readings).
    static func unsubstituted(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = [[]]
        out[0].reserveCapacity(s.count)
        for c in s {
            let options = substitutions[c] ?? [c]
            if options.count == 1 || out.count * options.count > 64 {
                for k in out.indices { out[k].append(options[0]) }
            } else {
                out = out.flatMap { prefix in options.map { prefix + [$0] } }
            }
        }
        return out
    }

    /// Strips leading and trailing characters that are not letters.
    static func stripEnds(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = s.firstIndex(where: isASCIIOrOtherLetter), let last = s.lastIndex(where: isASCIIOrOtherLetter) else { return [] }
        return Array(s[first...last])
    }

    static func isASCIIOrOtherLetter(_ s: Unicode.Scalar) -> Bool { isLetter(s) }

    static var longestBlocklisted: Int { PasswordData.blocklist.maxWordLength }

    static func isBlocklisted(_ lower: [Unicode.Scalar]) -> Bool {
        let list = PasswordData.blocklist
        // Stripping only shortens the ends: a core longer than every entry cannot match.
        if stripEnds(lower).count > longestBlocklisted { return false }
        func hit(_ s: [Unicode.Scalar], whole: Bool) -> Bool {
            // A core left after stripping must be 4+ characters to count: "a" or "abc" inside
            // random characters is not a common password.
            guard whole || s.count >= 4 else { return false }
            return list.contains(StrengthMatching.string(s))
        }
        if hit(lower, whole: true) { return true }
        // Strip the ends, then undo the substitutions (P@ssw0rd2026 -> p@ssw0rd -> password).
        let stripped = stripEnds(lower)
        if hit(stripped, whole: stripped.count == lower.count) { return true }
        for u in unsubstituted(stripped) where hit(u, whole: false) { return true }
        // Undo first, then strip ($ecret1 -> secretl -> ...; hell0! -> hello).
        for u in unsubstituted(lower) {
            if hit(u, whole: false) { return true }
            if hit(stripEnds(u), whole: false) { return true }
        }
        // Digits and symbols only at one end: strip them from that end alone too
        // (password1 -> the 1 may be a digit, not an l).
        var trimmed = lower
        while let l = trimmed.last, !isLetter(l) { trimmed.removeLast() }
        for u in unsubstituted(trimmed) where hit(stripEnds(u), whole: false) || hit(u, whole: false) { return true }
        return false
    }

    // MARK: - personal data

    static func personalData(_ lower: [Unicode.Scalar], _ ctx: PersonalContext) -> [PersonalDataKind] {
        var found: [PersonalDataKind] = []
        let readings = [lower] + Array(unsubstituted(lower).prefix(4))
        let texts = readings.map { StrengthMatching.string($0) }
        let compact = String(StrengthMatching.string(lower).filter { !" -._/".contains($0) })
        func contains(_ word: String?, min: Int = 3) -> Bool {
            guard let w = word?.lowercased(), w.count >= min else { return false }
            let wc = String(w.filter { !" -._/".contains($0) })
            return texts.contains { $0.contains(w) || (wc.count >= min && $0.contains(wc)) } || compact.contains(w) || compact.contains(wc)
        }
        if contains(ctx.username) { found.append(.username) }

        let digits = ctx.phoneDigits
        if digits.count >= 4 {
            let pwDigitsRuns = [StrengthMatching.string(lower), compact]
            // The whole number, or the national number (the last 11 digits, or all but a country code).
            var whole = false
            for n in stride(from: digits.count, through: 9, by: -1) {
                let tail = String(digits.suffix(n))
                if pwDigitsRuns.contains(where: { $0.contains(tail) }) { whole = true; break }
            }
            if whole {
                found.append(.phone)
            } else {
                for n in 4...8 where digits.count >= n {
                    let tail = String(digits.suffix(n))
                    if pwDigitsRuns.contains(where: { $0.contains(tail) }) { found.append(.phoneDigits); break }
                }
            }
        }

        if let local = ctx.emailLocalPart {
            var words = [local, local.filter { !".-_+".contains($0) }]
            words += local.split(whereSeparator: { ".-_+".contains($0) }).map(String.init).filter { $0.count >= 4 }
            if words.contains(where: { contains($0) }) { found.append(.emailName) }
        }

        if let b = ctx.birthday {
            let forms = dateForms(year: b.year, month: b.month, day: b.day)
            let digitsOnly = String(StrengthMatching.string(lower).filter { $0.isASCII && $0.isNumber })
            if forms.contains(where: { f in f.count >= 4 && (compact.contains(f) || (f.count >= 6 && digitsOnly.contains(f))) }) {
                found.append(.birthday)
            }
        }

        if ctx.otherNames.contains(where: { contains($0) }) { found.append(.name) }
        return found
    }

    /// How people write a date: 19900101, 01011990, 900101, 010190, 0101, 1990.
    static func dateForms(year: Int, month: Int, day: Int) -> [String] {
        func p2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y4 = String(year), y2 = p2(year % 100), m = p2(month), d = p2(day)
        let mu = String(month), du = String(day)
        return [y4 + m + d, d + m + y4, m + d + y4, y2 + m + d, d + m + y2, m + d + y2,
                y4 + mu + du, du + mu + y4, mu + du + y4, m + d, d + m, y4]
    }

    // MARK: - dates

    static func validDayMonth(day: Int, month: Int) -> Bool {
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1]
    }

    static func isYear(_ y: Int) -> Bool { y >= 1900 && y <= 2099 }

    /// Whether a run of digits reads as a date or a year.
    static func digitRunIsDate(_ r: [Int]) -> Bool {
        func num(_ a: ArraySlice<Int>) -> Int { a.reduce(0) { $0 * 10 + $1 } }
        let n = r.count
        switch n {
        case 4:
            let a = num(r[0..<2]), b = num(r[2..<4])
            return isYear(num(r[...])) || validDayMonth(day: b, month: a) || validDayMonth(day: a, month: b)
        case 6:
            let a = num(r[0..<2]), b = num(r[2..<4]), c = num(r[4..<6])
            // yymmdd, ddmmyy, mmddyy
            return validDayMonth(day: c, month: b) || validDayMonth(day: a, month: b) || validDayMonth(day: b, month: a)
        case 8:
            let y1 = num(r[0..<4]), m1 = num(r[4..<6]), d1 = num(r[6..<8])
            let y2 = num(r[4..<8]), a = num(r[0..<2]), b = num(r[2..<4])
            return (isYear(y1) && validDayMonth(day: d1, month: m1))
                || (isYear(y2) && (validDayMonth(day: a, month: b) || validDayMonth(day: b, month: a)))
        default:
            return false
        }
    }

    static func containsDate(_ s: [Unicode.Scalar]) -> Bool {
        // Maximal runs of ASCII digits.
        var runs: [(start: Int, digits: [Int])] = []
        var k = 0
        while k < s.count {
            if StrengthMatching.isDigit(s[k]) {
                let start = k
                var d: [Int] = []
                while k < s.count && StrengthMatching.isDigit(s[k]) { d.append(Int(s[k].value - 48)); k += 1 }
                runs.append((start, d))
            } else {
                k += 1
            }
        }
        for (_, r) in runs {
            switch r.count {
            case 4, 6, 8:
                if digitRunIsDate(r) { return true }
            case 5, 7:
                // A year at either end (19905, 2024123).
                func num(_ a: ArraySlice<Int>) -> Int { a.reduce(0) { $0 * 10 + $1 } }
                if isYear(num(r.prefix(4))) || isYear(num(r.suffix(4))) { return true }
            case 9...:
                // A full date inside a longer run (13819900101).
                for i in 0...(r.count - 8) where digitRunIsDate(Array(r[i..<(i + 8)])) {
                    let y1 = r[i..<(i + 4)].reduce(0) { $0 * 10 + $1 }
                    if isYear(y1) { return true }
                }
            default:
                break
            }
        }
        // Dates with separators: 1990-01-01, 01/01/1990, 1.1.90.
        for i in s.indices {
            for len in 5...10 where i + len <= s.count {
                guard let parts = StrengthMatching.splitSeparatedDate(Array(s[i..<(i + len)])) else { continue }
                let (a, _, b, c) = parts
                if (isYear(a) || a <= 99) && validDayMonth(day: c, month: b) { return true }
                if (isYear(c) || c <= 99) && (validDayMonth(day: a, month: b) || validDayMonth(day: b, month: a)) { return true }
            }
        }
        return false
    }

    // MARK: - repeats, sequences, keyboard walks

    /// aaaa (4 of a kind), or a group of 2 or 3 characters repeated to 6 or more (121212, abcabc).
    static func containsRepeat(_ s: [Unicode.Scalar]) -> Bool {
        let n = s.count
        for period in 1...3 {
            let need = period == 1 ? 4 : 6
            guard n >= need else { continue }
            var run = period
            for k in period..<n {
                if s[k] == s[k - period] {
                    run += 1
                    if run >= need { return true }
                } else {
                    run = period
                }
            }
        }
        return false
    }

    /// Four or more letters or digits in a row going up or down by one: 1234, 4321, abcd, dcba.
    static func containsSequence(_ s: [Unicode.Scalar]) -> Bool {
        func kind(_ c: Unicode.Scalar) -> Int {
            if StrengthMatching.isDigit(c) { return 1 }
            if c.value >= 97 && c.value <= 122 { return 2 }
            return 0
        }
        guard s.count >= 4 else { return false }
        var run = 1
        var lastDelta = 0
        for k in 1..<s.count {
            let delta = Int(s[k].value) - Int(s[k - 1].value)
            if abs(delta) == 1 && kind(s[k]) != 0 && kind(s[k]) == kind(s[k - 1]) {
                run = (delta == lastDelta) ? run + 1 : 2
                lastDelta = delta
                if run >= 4 { return true }
            } else {
                run = 1
                lastDelta = 0
            }
        }
        return false
    }

    /// Keyboard walks on a qwerty keyboard or a numeric keypad: a straight line of 4 or more
    /// keys (qwer, asdf, zxcv, 1qaz, 7410), a straight line of 3 keys across the rows (qaz,
    /// wsx, edc), or any walk of 6 or more keys.
    static func containsKeyboardWalk(_ s: [Unicode.Scalar]) -> Bool {
        for graphName in ["qwerty", "keypad"] {
            let g = StrengthMatching.graph(graphName)
            let n = s.count
            var i = 0
            while i < n - 1 {
                var j = i + 1
                var directions: [Int] = []
                while j < n {
                    let adj = g.adjacency[s[j - 1]] ?? []
                    guard let dir = adj.firstIndex(where: { $0?.contains(s[j]) ?? false }) else { break }
                    directions.append(dir)
                    j += 1
                }
                let length = j - i
                if length >= 3 {
                    // Look for a straight stretch inside the walk.
                    var straight = 1
                    for (k, d) in directions.enumerated() {
                        straight = (k > 0 && directions[k - 1] == d) ? straight + 1 : 1
                        let keys = straight + 1
                        if keys >= 4 { return true }
                        // Across the rows (not left/right: index 0 and 3 in zxcvbn's qwerty graph).
                        if keys >= 3 && graphName == "qwerty" && d != 0 && d != 3 {
                            let letters = s[(i + k - 1)...(i + k + 1)].allSatisfy { Self.isLetter($0) }
                            if letters { return true }
                        }
                    }
                    if length >= 6 { return true }
                }
                i = max(j, i + 1)
            }
        }
        return false
    }
}
