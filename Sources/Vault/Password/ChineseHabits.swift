import FoundationEssentials
import Glibc
import VaultCrypto

// The Chinese-habits layer of the strength estimate (issue 13, point 5): pinyin names, pinyin
// password words, love and lucky numbers, cities, payment brands and service hotlines. Its data
// is in Resources/chinese/ (see Resources/LICENSES.md) and loads the first time a password is
// checked, never for `genpass`.
//
// It sits on top of the zxcvbn port and leaves it alone: `StrengthEstimator.estimate` stays
// zxcvbn's English estimate (the oracle tests compare it with python3-zxcvbn), and its matches
// here are a pattern kind of their own (`chinese`), scored after zxcvbn's search.

/// A kind of Chinese password habit the checker recognises. `words` names it in plain words.
public enum ChineseHabit: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case name
    case word
    case number = "lucky-number"
    case place
    case brand
    case hotline

    /// What was found, for a refusal message (never the password's own text).
    public var words: String {
        switch self {
        case .name: "a Chinese name in pinyin (like zhangwei, wangfang or lixm)"
        case .word: "a common Chinese password word in pinyin (like woaini, laopo or baobei)"
        case .number: "a lucky number or love number (like 5201314, 1314, 520, 888 or 168)"
        case .place: "a Chinese city or province in pinyin (like beijing or shenzhen)"
        case .brand: "a payment, bank or shop brand (like Lakala, UnionPay, yinlian, Alipay, zhifubao, WeChat or weixin)"
        case .hotline: "a payment or bank service hotline (like 95016 or 95516)"
        }
    }

    /// The dictionary name the estimate's patterns carry.
    public var dictionaryName: String {
        switch self {
        case .name: "cn_names"
        case .word: "cn_words"
        case .number: "cn_numbers"
        case .place: "cn_places"
        case .brand: "cn_brands"
        case .hotline: "cn_hotlines"
        }
    }

    init?(dictionaryName: String) {
        guard let h = Self.allCases.first(where: { $0.dictionaryName == dictionaryName }) else { return nil }
        self = h
    }
}

/// The layer's data, parsed once (Resources/chinese/).
final class ChineseHabitData: @unchecked Sendable {
    /// Surnames in pinyin -> rank (1: the most common).
    let surnames: [String: Int]
    let longestSurname: Int
    /// Given-name syllables -> rank as the first and second syllable of a two-syllable given
    /// name, and as a one-syllable given name.
    let givenFirst: [String: Int]
    let givenSecond: [String: Int]
    let givenSingle: [String: Int]
    /// words.txt: entry -> its kind and its rank within the kind.
    let entries: [String: (habit: ChineseHabit, rank: Int)]
    let longestEntry: Int

    static let shared = ChineseHabitData()

    /// Rows of a tab-separated resource, without comments and empty lines.
    static func rows(_ name: String) -> [[Substring]] {
        TestProbe.record("load chinese/\(name)")
        return PasswordData.text("chinese/\(name)").split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    /// Ranks from weights: the heaviest is 1; entries with no weight are left out.
    static func ranks(_ weights: [(String, Double)]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (k, (s, _)) in weights.filter({ $0.1 > 0 }).sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }).enumerated() {
            out[s] = k + 1
        }
        return out
    }

    init() {
        var s: [String: Int] = [:]
        for (k, r) in Self.rows("surnames.txt").enumerated() where s[String(r[0])] == nil { s[String(r[0])] = k + 1 }
        surnames = s
        longestSurname = s.keys.map(\.utf8.count).max() ?? 0

        let given = Self.rows("given-syllables.txt").filter { $0.count >= 4 }
        givenFirst = Self.ranks(given.map { (String($0[0]), Double($0[1]) ?? 0) })
        givenSecond = Self.ranks(given.map { (String($0[0]), Double($0[2]) ?? 0) })
        // A one-syllable given name: ranked by its frequency as a given-name character (ORCID),
        // with its count as a second syllable (scaled down) so that syllables ORCID lacks still rank.
        givenSingle = Self.ranks(given.map { (String($0[0]), (Double($0[3]) ?? 0) + (Double($0[2]) ?? 0) / 100) })

        var e: [String: (ChineseHabit, Int)] = [:]
        var counts: [ChineseHabit: Int] = [:]
        for r in Self.rows("words.txt") where r.count == 2 {
            let habit: ChineseHabit
            switch r[0] {
            case "word": habit = .word
            case "number": habit = .number
            case "place": habit = .place
            case "brand": habit = .brand
            case "hotline": habit = .hotline
            default: continue
            }
            counts[habit, default: 0] += 1
            let w = String(r[1]).lowercased()
            if e[w] == nil { e[w] = (habit, counts[habit]!) }
        }
        entries = e
        longestEntry = e.keys.map(\.utf8.count).max() ?? 0
    }

    /// Chinese characters (U+4E00...U+9FFF) -> their toneless pinyin readings, most usual first.
    /// Loaded only when a name written in Chinese characters is checked. hanzi-pinyin.txt has a
    /// line per character in code point order from U+4E00, the character implied by the line's
    /// place (issue 12: the binary's size), empty where there is no reading.
    static let hanzi: [Unicode.Scalar: [String]] = {
        TestProbe.record("load chinese/hanzi-pinyin.txt")
        let first: UInt32 = 0x4E00, last: UInt32 = 0x9FFF
        let lines = PasswordData.text("chinese/hanzi-pinyin.txt")
            .split(separator: "\n", omittingEmptySubsequences: false).drop(while: { $0.hasPrefix("#") })
        guard lines.count == Int(last - first) + 2, lines.last == "" else {
            fatalError("vaultcli was built with a damaged Resources/chinese/hanzi-pinyin.txt (it needs a line per character from U+4E00 to U+9FFF); rebuild it from a complete source tree")
        }
        var out: [Unicode.Scalar: [String]] = [:]
        out.reserveCapacity(lines.count)
        for (k, line) in lines.dropLast().enumerated() where !line.isEmpty {
            guard let c = Unicode.Scalar(first + UInt32(k)) else { continue }
            out[c] = line.split(separator: ",").map(String.init)
        }
        return out
    }()

    /// A text's Chinese characters read in pinyin (each by its most usual reading), other
    /// letters and digits kept and lower-cased; nil when it holds no Chinese character.
    static func pinyin(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { return nil }
        var out = ""
        for c in text.unicodeScalars {
            if let r = hanzi[c]?.first { out += r } else if c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) {
                out.unicodeScalars.append(StrengthMatching.lower(c))
            }
        }
        return out
    }

    /// The pinyin of every run of 2 or more consecutive Chinese characters in `text` (a shop
    /// called 王记面馆 gives wangji, wangjimian, ..., mianguan).
    static func pinyinRuns(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var out: [String] = []
        var k = 0
        while k < scalars.count {
            guard hanzi[scalars[k]] != nil else { k += 1; continue }
            var end = k
            while end < scalars.count, hanzi[scalars[end]] != nil { end += 1 }
            let readings = scalars[k..<end].map { hanzi[$0]!.first! }
            for i in 0..<readings.count {
                for j in (i + 1)..<readings.count where j - i < 8 { out.append(readings[i...j].joined()) }
            }
            k = end
        }
        return out
    }
}

enum ChineseMatching {
    /// Pinyin initials that stand for a syllable in abbreviations (zhangxm for 张小明).
    static let initials: Set<Unicode.Scalar> = Set("bpmfdtnlgkhjqxrzcsyw".unicodeScalars)

    /// The usual substitutions, undone for the Chinese matches (W0aini, Zh@ngwei): each l33t
    /// character and the letter it stands for ("1" and "|" read as i, or as l in a second reading).
    static let l33t: [Unicode.Scalar: Unicode.Scalar] = [
        "@": "a", "4": "a", "0": "o", "3": "e", "$": "s", "5": "s", "!": "i", "1": "i", "|": "i",
        "7": "t", "+": "t", "8": "b", "9": "g", "6": "g", "2": "z",
    ]

    /// Every Chinese-habit match in the password, as `chinese` matches. A match read through
    /// substitutions counts as l33t, its rank doubled for each substituted character.
    static func matches(_ password: [Unicode.Scalar], data d: ChineseHabitData = .shared) -> [StrengthMatch] {
        let lw = StrengthMatching.lower(password)
        var best: [Int: (habit: ChineseHabit, rank: Int, l33t: Bool)] = [:]   // key i * 1024 + j
        func put(_ i: Int, _ j: Int, _ h: ChineseHabit, _ rank: Int, _ l33t: Bool) {
            guard j >= i, j - i >= 1 else { return }
            let key = i * 1024 + j
            if let old = best[key], old.rank <= rank { return }
            best[key] = (h, max(rank, 1), l33t)
        }
        scan(lw, d) { put($0, $1, $2, $3, false) }
        if lw.contains(where: { l33t[$0] != nil }) {
            for oneAs in ["i", "l"] as [Unicode.Scalar] {
                let reading = lw.map { c -> Unicode.Scalar in (c == "1" || c == "|") ? oneAs : (l33t[c] ?? c) }
                scan(reading, d) { i, j, h, rank in
                    let subs = (i...j).filter { lw[$0] != reading[$0] }.count
                    // A token read through substitutions: it holds letters of its own, 4 or more characters.
                    guard subs > 0, j - i >= 3, lw[i...j].contains(where: { $0.value >= 97 && $0.value <= 122 }) else { return }
                    put(i, j, h, rank << min(subs, 24), true)
                }
            }
        }

        var out: [StrengthMatch] = []
        for (key, v) in best {
            let i = key / 1024, j = key % 1024
            var m = StrengthMatch(pattern: .chinese, i: i, j: j, token: password[i...j])
            m.matchedWord = StrengthMatching.string(lw[i...j])
            m.rank = v.rank
            m.dictionaryName = v.habit.dictionaryName
            m.l33t = v.l33t
            out.append(m)
        }
        out.sort { ($0.i, $0.j) < ($1.i, $1.j) }
        return out
    }

    /// Finds the entries of words.txt and the names in a lower-cased password (or a reading of
    /// it) and reports each as (i, j, kind, rank).
    static func scan(_ lw: [Unicode.Scalar], _ d: ChineseHabitData, _ add: (Int, Int, ChineseHabit, Int) -> Void) {
        let n = lw.count
        // Entries of words.txt.
        for i in 0..<n {
            for len in 2...max(2, d.longestEntry) where i + len <= n {
                if let e = d.entries[StrengthMatching.string(lw[i..<(i + len)])] { add(i, i + len - 1, e.habit, e.rank) }
            }
        }

        // Names: syllables of ASCII letters.
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.value >= 97 && c.value <= 122 }
        func syllables(_ table: [String: Int], at p: Int, maxLength: Int = 6) -> [(end: Int, rank: Int)] {
            var out: [(Int, Int)] = []
            var len = 1
            while len <= maxLength && p + len <= n && isLetter(lw[p + len - 1]) {
                if let r = table[StrengthMatching.string(lw[p..<(p + len)])] { out.append((p + len, r)) }
                len += 1
            }
            return out
        }
        /// Given names starting at p: (end, rank), one or two syllables, or one or two initials.
        func givenNames(at p: Int, initialsToo: Bool) -> [(end: Int, rank: Int)] {
            var out: [(Int, Int)] = []
            for g in syllables(d.givenSingle, at: p) { out.append(g) }
            for g1 in syllables(d.givenFirst, at: p) {
                for g2 in syllables(d.givenSecond, at: g1.end) { out.append((g2.end, g1.rank * g2.rank)) }
            }
            if initialsToo && p < n && initials.contains(lw[p]) {
                out.append((p + 1, 21))
                if p + 1 < n && initials.contains(lw[p + 1]) { out.append((p + 2, 21 * 21)) }
            }
            return out
        }
        for i in 0..<n where isLetter(lw[i]) {
            for s in syllables(d.surnames, at: i, maxLength: d.longestSurname) {
                // A surname alone (3 letters or more), then surname + given name.
                if s.end - i >= 3 { add(i, s.end - 1, .name, s.rank) }
                for g in givenNames(at: s.end, initialsToo: true) where g.end - i >= 4 {
                    add(i, g.end - 1, .name, s.rank * g.rank)
                }
            }
            for g in givenNames(at: i, initialsToo: false) {
                // A two-syllable given name alone (xiaoming) ...
                if g.end - i >= 4 && d.givenSingle[StrengthMatching.string(lw[i..<g.end])] == nil { add(i, g.end - 1, .name, 4 * g.rank) }
                // ... or written before the surname (weizhang, xiaomingli).
                for s in syllables(d.surnames, at: g.end, maxLength: d.longestSurname) {
                    add(i, s.end - 1, .name, 2 * g.rank * s.rank)
                }
            }
        }

    }
}

extension StrengthEstimator {
    /// The estimate with the Chinese-habits layer, and the habits it found in the password.
    ///
    /// zxcvbn's estimate comes first, unchanged. Then the Chinese matches join zxcvbn's, and the
    /// cheapest split of the password is searched again as an attacker who tries these habits
    /// in combination would: the product of the pieces' guesses times the ways to order them
    /// (l!), without zxcvbn's allowance of 10^4 guesses for each extra piece (a guessing
    /// grammar trained on Chinese leaks tries name + symbol + love number early). When that
    /// split uses a Chinese match and needs fewer guesses, it is the estimate.
    public static func estimateWithChineseHabits(_ password: SecretBytes, userInputs: [String] = []) -> (estimate: StrengthEstimate, habits: [ChineseHabit]) {
        var scalars = password.withUnsafeBytes { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
        defer { for k in scalars.indices { scalars[k] = "\0" } }
        return estimateWithChineseHabits(scalars: scalars, userInputs: userInputs)
    }

    /// The same, for a password given as text (tests and tools).
    public static func estimateWithChineseHabits(_ password: String, userInputs: [String] = []) -> (estimate: StrengthEstimate, habits: [ChineseHabit]) {
        estimateWithChineseHabits(scalars: Array(password.unicodeScalars), userInputs: userInputs)
    }

    static func estimateWithChineseHabits(scalars: [Unicode.Scalar], userInputs: [String]) -> (estimate: StrengthEstimate, habits: [ChineseHabit]) {
        let pw = Array(scalars.prefix(maxLength))
        var inputs: [String: Int] = [:]
        for (idx, w) in userInputs.enumerated() { inputs[w.lowercased()] = idx + 1 }
        let english = StrengthMatching.omnimatch(pw, dictionaries: .shared, userInputs: inputs)
        var result = StrengthScoring.mostGuessableMatchSequence(pw, english)
        var habits: [ChineseHabit] = []
        let chinese = ChineseMatching.matches(pw)
        if !chinese.isEmpty {
            let all = StrengthMatching.sortByIJ(english + chinese)
            let layered = StrengthScoring.mostGuessableMatchSequence(pw, all, excludeAdditive: true)
            let found = Set(layered.sequence.filter { $0.pattern == .chinese }.compactMap { ChineseHabit(dictionaryName: $0.dictionaryName) })
            if !found.isEmpty && layered.guesses < result.guesses {
                result = layered
                habits = ChineseHabit.allCases.filter { found.contains($0) }
            }
        }
        let score = StrengthEstimate.score(guesses: result.guesses)
        let fb = StrengthFeedback.feedback(score: score, sequence: result.sequence)
        let estimate = StrengthEstimate(
            guesses: result.guesses, score: score,
            patterns: result.sequence.map {
                .init(kind: $0.pattern.rawValue,
                      dictionary: $0.pattern == .dictionary || $0.pattern == .chinese ? $0.dictionaryName : "",
                      length: $0.token.count, guesses: $0.guesses, l33t: $0.l33t, reversed: $0.reversed)
            },
            warning: fb.warning, suggestions: fb.suggestions)
        return (estimate, habits)
    }
}

extension PolicyChecker {
    /// Personal data the Chinese layer adds: the terminal's id, the merchant's (shop's) name,
    /// and the pinyin of names written in Chinese characters (an operator 王芳 who picks
    /// Wangfang@520). `texts` are the password's readings (lower-cased, substitutions undone).
    static func chinesePersonalData(_ texts: [String], _ ctx: PersonalContext) -> [PersonalDataKind] {
        var found: [PersonalDataKind] = []
        func compact(_ s: String) -> String { String(s.lowercased().filter { !" -._/'&".contains($0) }) }
        func contains(_ w: String, min: Int = 3) -> Bool {
            let c = compact(w)
            return c.count >= min && texts.contains { $0.contains(c) }
        }
        if let t = ctx.terminalId?.trimmed(.whitespaces), !t.isEmpty {
            let digits = String(t.filter { $0.isASCII && $0.isNumber })
            let core = String(compact(t).drop(while: { $0 == "0" }))
            if contains(t) || (digits.count >= 4 && contains(digits, min: 4)) || (core.count >= 4 && contains(core, min: 4)) {
                found.append(.terminalId)
            }
        }
        if let m = ctx.merchantName?.trimmed(.whitespaces), !m.isEmpty {
            var forms = [m]
            forms += m.split(whereSeparator: { " -._/'&,()".contains($0) }).map(String.init).filter { $0.count >= 4 }
            if let p = ChineseHabitData.pinyin(m) { forms.append(p) }
            forms += ChineseHabitData.pinyinRuns(m).filter { $0.count >= 4 }
            if forms.contains(where: { contains($0, min: 4) }) { found.append(.merchantName) }
        }
        func hanziForms(_ s: String?) -> [String] {
            guard let s, let p = ChineseHabitData.pinyin(s) else { return [] }
            return [p] + ChineseHabitData.pinyinRuns(s)
        }
        if hanziForms(ctx.username).contains(where: { contains($0, min: 4) }) {
            found.append(.username)
        }
        if ctx.otherNames.contains(where: { hanziForms($0).contains(where: { contains($0, min: 4) }) }) { found.append(.name) }
        return found
    }
}
