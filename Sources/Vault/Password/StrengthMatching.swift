import FoundationEssentials
import Glibc

// A port of zxcvbn-python 4.4.28's matching.py (MIT; (c) 2012-2013 Dropbox, Inc., 2016 Daniel
// Wolf). The order in which matches are produced follows the Python code, because zxcvbn's
// search breaks ties by that order.

/// One pattern found in a password, as zxcvbn's match dictionaries.
struct StrengthMatch {
    /// `chinese`: the Chinese-habits layer's matches (ChineseHabits.swift), never made by omnimatch.
    enum Pattern: String { case dictionary, spatial, `repeat`, sequence, regex, date, bruteforce, chinese }

    var pattern: Pattern
    var i: Int
    var j: Int
    /// A slice of the password (shares its storage: cheap to make).
    var token: ArraySlice<Unicode.Scalar>

    // dictionary
    var matchedWord: String = ""
    var rank: Int = 0
    var dictionaryName: String = ""
    var reversed = false
    var l33t = false
    /// l33t substitutions in use: (substituted character, letter), in zxcvbn's order.
    var sub: [(Unicode.Scalar, Unicode.Scalar)] = []
    // spatial
    var graph: String = ""
    var turns = 0
    var shiftedCount = 0
    // repeat
    var baseToken: [Unicode.Scalar] = []
    var baseGuesses: Double = 0
    var baseMatches: [StrengthMatch] = []
    var repeatCount: Double = 0
    // sequence
    var sequenceName = ""
    var sequenceSpace = 0
    var ascending = false
    // regex
    var regexName = ""
    // date
    var separator: String = ""
    var year = 0
    var month = 0
    var day = 0

    /// Guesses for this match inside a password of the given length (filled by scoring).
    var guesses: Double = 0
    var guessesLog10: Double = 0
}

/// zxcvbn's ranked dictionaries as one lookup table: each word maps to its rank in each list
/// that has it (see WordTable).
final class RankedDictionaries: @unchecked Sendable {
    let names: [String]
    let table: WordTable
    var maxWordLength: Int { table.maxWordLength }

    init(_ lists: [(name: String, words: [String])]) {
        names = lists.map(\.name)
        table = WordTable(words: lists.map(\.words))
    }

    init(names: [String], texts: [[UInt8]]) {
        self.names = names
        table = WordTable(lists: texts)
    }

    init(names: [String], packed: PackedWordTable) {
        self.names = names
        table = WordTable(packed: packed)
    }

    /// The compiled-in lists, packed at build time (Resources/word-tables.txt): nothing is built
    /// when a password is first rated.
    static let shared: RankedDictionaries = {
        let names = PasswordData.lines("dictionaries", subdirectory: "zxcvbn")
        let packed = PackedWordTable.named("zxcvbn")
        guard packed.lists == names.map(PasswordData.dictionaryPath) else {
            fatalError("vaultcli was built with Resources/word-tables.txt out of step with zxcvbn/dictionaries.txt (\(packed.lists) against \(names)); rebuild it from a complete source tree")
        }
        return RankedDictionaries(names: names, packed: packed)
    }()
}

enum StrengthMatching {
    static let l33tTable: [(Unicode.Scalar, [Unicode.Scalar])] = [
        ("a", ["4", "@"]), ("b", ["8"]), ("c", ["(", "{", "[", "<"]), ("e", ["3"]), ("g", ["6", "9"]),
        ("i", ["1", "!", "|"]), ("l", ["1", "|", "7"]), ("o", ["0"]), ("s", ["$", "5"]), ("t", ["+", "7"]),
        ("x", ["%"]), ("z", ["2"]),
    ]

    static let dateMaxYear = 2050
    static let dateMinYear = 1000
    static let dateSplits: [Int: [(Int, Int)]] = [
        4: [(1, 2), (2, 3)],
        5: [(1, 3), (2, 3)],
        6: [(1, 2), (2, 4), (4, 5)],
        7: [(1, 3), (2, 3), (4, 5), (4, 6)],
        8: [(2, 4), (4, 6)],
    ]

    struct Graph {
        let name: String
        let adjacency: [Unicode.Scalar: [[Unicode.Scalar]?]]
        let startingPositions: Int
        let averageDegree: Double
    }

    /// The graphs of Resources/zxcvbn/adjacency_graphs.json (PasswordData.adjacencyGraphs), from
    /// their form packed at build time (PackedAdjacencyGraphs: ASCII lines, no JSON to parse).
    static let graphs: [Graph] = PackedAdjacencyGraphs.all.map { entry in
        var adj: [Unicode.Scalar: [[Unicode.Scalar]?]] = [:]
        var degreeSum = 0.0
        entry.lines.withUTF8Buffer { text in
            for line in text.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                let neighbours = fields.dropFirst().map { f in f.isEmpty ? nil : f.map { Unicode.Scalar($0) } }
                adj[Unicode.Scalar(fields[0][fields[0].startIndex])] = neighbours
                degreeSum += Double(neighbours.filter { $0 != nil }.count)
            }
        }
        return Graph(name: entry.name, adjacency: adj, startingPositions: adj.count,
                     averageDegree: degreeSum / Double(adj.count))
    }

    static func graph(_ name: String) -> Graph { graphs.first { $0.name == name }! }

    // MARK: - helpers

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII {
            if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
            return s
        }
        let m = s.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : s
    }

    static func lower(_ a: [Unicode.Scalar]) -> [Unicode.Scalar] { a.map(lower) }

    static func string(_ a: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: a)
        return String(v)
    }

    static func string(_ a: [Unicode.Scalar]) -> String { string(a[...]) }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Stable sort by (i, j), as Python's sorted(key=lambda x: (x['i'], x['j'])).
    static func sortByIJ(_ m: [StrengthMatch]) -> [StrengthMatch] {
        m.enumerated().sorted { a, b in
            (a.element.i, a.element.j, a.offset) < (b.element.i, b.element.j, b.offset)
        }.map(\.element)
    }

    // MARK: - omnimatch

    static func omnimatch(_ password: [Unicode.Scalar], dictionaries: RankedDictionaries, userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        matches += dictionaryMatch(password, dictionaries, userInputs)
        matches += reverseDictionaryMatch(password, dictionaries, userInputs)
        matches += l33tMatch(password, dictionaries, userInputs)
        matches += spatialMatch(password)
        matches += repeatMatch(password, dictionaries, userInputs)
        matches += sequenceMatch(password)
        matches += regexMatch(password)
        matches += dateMatch(password)
        return sortByIJ(matches)
    }

    // MARK: - dictionary

    static func dictionaryMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        let n = password.count
        let lowered = lower(password)
        let userMax = userInputs.keys.map { $0.unicodeScalars.count }.max() ?? 0
        let maxLen = max(d.maxWordLength, userMax)
        for i in 0..<n {
            // Once no dictionary word starts with lowered[i...j], none is longer either: the
            // dictionaries are not looked up again from i (user inputs still are).
            var dictionaryWordsAhead = true
            for j in i..<min(n, i + maxLen) {
                var hits: [(name: String, rank: Int)] = []
                if dictionaryWordsAhead && j - i + 1 <= d.maxWordLength {
                    let r = d.table.lookup(lowered[i...j])
                    if let entries = r.entries {
                        for e in entries { hits.append((d.names[e.dict], e.rank)) }
                    }
                    dictionaryWordsAhead = r.extends
                }
                if !dictionaryWordsAhead && hits.isEmpty && userInputs.isEmpty { break }
                // The word itself is made only when it is needed: for a hit or the user inputs.
                guard !hits.isEmpty || !userInputs.isEmpty else { continue }
                let word = string(lowered[i...j])
                if let r = userInputs[word] { hits.append(("user_inputs", r)) }
                for h in hits {
                    var m = StrengthMatch(pattern: .dictionary, i: i, j: j, token: password[i...j])
                    m.matchedWord = word
                    m.rank = h.rank
                    m.dictionaryName = h.name
                    matches.append(m)
                }
            }
        }
        // dictionary order within one (i, j): the table lists entries in dictionary order.
        return sortByIJ(matches)
    }

    static func reverseDictionaryMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        let rev = Array(password.reversed())
        var matches = dictionaryMatch(rev, d, userInputs)
        let n = password.count
        for k in matches.indices {
            matches[k].reversed = true
            let (i, j) = (n - 1 - matches[k].j, n - 1 - matches[k].i)
            matches[k].i = i
            matches[k].j = j
            matches[k].token = password[i...j]
        }
        return sortByIJ(matches)
    }

    // MARK: - l33t

    static func relevantL33tSubtable(_ password: [Unicode.Scalar]) -> [(Unicode.Scalar, [Unicode.Scalar])] {
        let chars = Set(password)
        var out: [(Unicode.Scalar, [Unicode.Scalar])] = []
        for (letter, subs) in l33tTable {
            let relevant = subs.filter { chars.contains($0) }
            if !relevant.isEmpty { out.append((letter, relevant)) }
        }
        return out
    }

    /// enumerate_l33t_subs, including its dedup. Each sub is an ordered list of (l33t char, letter).
    static func enumerateL33tSubs(_ table: [(Unicode.Scalar, [Unicode.Scalar])]) -> [[(Unicode.Scalar, Unicode.Scalar)]] {
        var subs: [[(Unicode.Scalar, Unicode.Scalar)]] = [[]]
        func dedup(_ subs: [[(Unicode.Scalar, Unicode.Scalar)]]) -> [[(Unicode.Scalar, Unicode.Scalar)]] {
            var deduped: [[(Unicode.Scalar, Unicode.Scalar)]] = []
            var members = Set<String>()
            for sub in subs {
                // assoc = [(letter, l33t)], sorted; label "letter,l33t-..."
                let assoc = sub.map { (String($0.1), String($0.0)) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                let label = assoc.map { "\($0.0),\($0.1)" }.joined(separator: "-")
                if !members.contains(label) {
                    members.insert(label)
                    deduped.append(sub)
                }
            }
            return deduped
        }
        for (firstKey, l33tChars) in table {
            var next: [[(Unicode.Scalar, Unicode.Scalar)]] = []
            for l33tChr in l33tChars {
                for sub in subs {
                    if let dup = sub.firstIndex(where: { $0.0 == l33tChr }) {
                        var alternative = sub
                        alternative.remove(at: dup)
                        alternative.append((l33tChr, firstKey))
                        next.append(sub)
                        next.append(alternative)
                    } else {
                        var ext = sub
                        ext.append((l33tChr, firstKey))
                        next.append(ext)
                    }
                }
            }
            subs = dedup(next)
        }
        // Convert to dicts: a later pair for the same l33t char overwrites the earlier value
        // but keeps the key's first position (Python dict semantics).
        return subs.map { sub in
            var out: [(Unicode.Scalar, Unicode.Scalar)] = []
            for (l, c) in sub {
                if let k = out.firstIndex(where: { $0.0 == l }) { out[k].1 = c } else { out.append((l, c)) }
            }
            return out
        }
    }

    static func l33tMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        for sub in enumerateL33tSubs(relevantL33tSubtable(password)) {
            if sub.isEmpty { break }
            var map: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (l, c) in sub { map[l] = c }
            let subbed = password.map { map[$0] ?? $0 }
            for var m in dictionaryMatch(subbed, d, userInputs) {
                let token = password[m.i...m.j]
                if string(lower(Array(token))) == m.matchedWord { continue }
                let tokenSet = Set(token)
                m.sub = sub.filter { tokenSet.contains($0.0) }
                m.l33t = true
                m.token = token
                matches.append(m)
            }
        }
        return sortByIJ(matches.filter { $0.token.count > 1 })
    }

    // MARK: - spatial

    static let shiftedChars: Set<Unicode.Scalar> = Set("~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?".unicodeScalars)

    static func spatialMatch(_ password: [Unicode.Scalar]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        for g in graphs { matches += spatialMatchHelper(password, g) }
        return sortByIJ(matches)
    }

    static func spatialMatchHelper(_ password: [Unicode.Scalar], _ graph: Graph) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        let n = password.count
        var i = 0
        let shiftAware = graph.name == "qwerty" || graph.name == "dvorak"
        while i < n - 1 {
            var j = i + 1
            var lastDirection: Int? = nil
            var turns = 0
            var shiftedCount = shiftAware && shiftedChars.contains(password[i]) ? 1 : 0
            while true {
                let prev = password[j - 1]
                var found = false
                var foundDirection = -1
                var curDirection = -1
                let adjacents = graph.adjacency[prev] ?? []
                if j < n {
                    let cur = password[j]
                    for adj in adjacents {
                        curDirection += 1
                        if let adj, let idx = adj.firstIndex(of: cur) {
                            found = true
                            foundDirection = curDirection
                            if idx == 1 { shiftedCount += 1 }
                            if lastDirection != foundDirection {
                                turns += 1
                                lastDirection = foundDirection
                            }
                            break
                        }
                    }
                }
                if found {
                    j += 1
                } else {
                    if j - i > 2 {
                        var m = StrengthMatch(pattern: .spatial, i: i, j: j - 1, token: password[i..<j])
                        m.graph = graph.name
                        m.turns = turns
                        m.shiftedCount = shiftedCount
                        matches.append(m)
                    }
                    i = j
                    break
                }
            }
        }
        return matches
    }

    // MARK: - repeat

    /// Python re semantics of `(.+)\1+` (greedy) and `(.+?)\1+` (lazy) searched from `pos`:
    /// the leftmost start that has any repeat, the longest (greedy) or shortest (lazy) unit
    /// there, then as many copies as follow.
    static func repeatSearch(_ s: [Unicode.Scalar], from pos: Int, greedy: Bool) -> (start: Int, length: Int, unit: Int)? {
        let n = s.count
        var p = pos
        while p < n {
            let maxUnit = (n - p) / 2
            if maxUnit >= 1 {
                let units: [Int] = greedy ? Array(stride(from: maxUnit, through: 1, by: -1)) : Array(1...maxUnit)
                for u in units where s[p..<(p + u)] == s[(p + u)..<(p + 2 * u)] {
                    var end = p + 2 * u
                    while end + u <= n && s[end..<(end + u)] == s[p..<(p + u)] { end += u }
                    return (p, end - p, u)
                }
            }
            p += 1
        }
        return nil
    }

    /// `^(.+?)\1+$`: the shortest unit whose copies make up the whole string.
    static func shortestPeriod(_ s: ArraySlice<Unicode.Scalar>) -> Int {
        let n = s.count
        let a = Array(s)
        for u in 1...max(1, n / 2) where n % u == 0 {
            var ok = true
            for k in u..<n where a[k] != a[k % u] { ok = false; break }
            if ok { return u }
        }
        return n
    }

    static func repeatMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        var lastIndex = 0
        let n = password.count
        while lastIndex < n {
            guard let g = repeatSearch(password, from: lastIndex, greedy: true),
                  let l = repeatSearch(password, from: lastIndex, greedy: false) else { break }
            let start: Int, length: Int
            let base: [Unicode.Scalar]
            if g.length > l.length {
                start = g.start; length = g.length
                let whole = password[g.start..<(g.start + g.length)]
                base = Array(whole.prefix(shortestPeriod(whole)))
            } else {
                start = l.start; length = l.length
                base = Array(password[l.start..<(l.start + l.unit)])
            }
            let i = start, j = start + length - 1
            let baseAnalysis = StrengthScoring.mostGuessableMatchSequence(
                base, omnimatch(base, dictionaries: d, userInputs: userInputs))
            var m = StrengthMatch(pattern: .repeat, i: i, j: j, token: password[i...j])
            m.baseToken = base
            m.baseGuesses = baseAnalysis.guesses
            m.baseMatches = baseAnalysis.sequence
            m.repeatCount = Double(length) / Double(base.count)
            matches.append(m)
            lastIndex = j + 1
        }
        return matches
    }

    // MARK: - sequence

    static let maxDelta = 5

    static func sequenceMatch(_ password: [Unicode.Scalar]) -> [StrengthMatch] {
        let n = password.count
        if n <= 1 { return [] }
        var result: [StrengthMatch] = []
        func update(_ i: Int, _ j: Int, _ delta: Int) {
            guard j - i > 1 || abs(delta) == 1 else { return }
            guard abs(delta) > 0 && abs(delta) <= maxDelta else { return }
            let token = password[i...j]
            var m = StrengthMatch(pattern: .sequence, i: i, j: j, token: token)
            if token.allSatisfy({ $0.value >= 97 && $0.value <= 122 }) {
                m.sequenceName = "lower"; m.sequenceSpace = 26
            } else if token.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) {
                m.sequenceName = "upper"; m.sequenceSpace = 26
            } else if token.allSatisfy(isDigit) {
                m.sequenceName = "digits"; m.sequenceSpace = 10
            } else {
                m.sequenceName = "unicode"; m.sequenceSpace = 26
            }
            m.ascending = delta > 0
            result.append(m)
        }
        var i = 0
        var lastDelta: Int? = nil
        for k in 1..<n {
            let delta = Int(password[k].value) - Int(password[k - 1].value)
            if lastDelta == nil { lastDelta = delta }
            if delta == lastDelta { continue }
            let j = k - 1
            update(i, j, lastDelta!)
            i = j
            lastDelta = delta
        }
        update(i, n - 1, lastDelta!)
        return result
    }

    // MARK: - regex (recent_year: 19\d\d|200\d|201\d)

    static func regexMatch(_ password: [Unicode.Scalar]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        let n = password.count
        var p = 0
        while p + 4 <= n {
            let a = password[p], b = password[p + 1], c = password[p + 2], e = password[p + 3]
            let is19 = a == "1" && b == "9" && isDigit(c) && isDigit(e)
            let is200 = a == "2" && b == "0" && c == "0" && isDigit(e)
            let is201 = a == "2" && b == "0" && c == "1" && isDigit(e)
            if is19 || is200 || is201 {
                var m = StrengthMatch(pattern: .regex, i: p, j: p + 3, token: password[p...(p + 3)])
                m.regexName = "recent_year"
                m.year = Int(string(m.token))!
                matches.append(m)
                p += 4
            } else {
                p += 1
            }
        }
        return matches
    }

    // MARK: - date

    static func dateMatch(_ password: [Unicode.Scalar]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        let n = password.count
        func int(_ s: ArraySlice<Unicode.Scalar>) -> Int { s.reduce(0) { $0 * 10 + Int($1.value - 48) } }

        if n >= 4 {
            for i in 0..<(n - 3) {
                for j in (i + 3)..<(i + 8) {
                    if j >= n { break }
                    let token = password[i...j]
                    guard token.allSatisfy(isDigit) else { continue }
                    var candidates: [(year: Int, month: Int, day: Int)] = []
                    for (k, l) in dateSplits[token.count]! {
                        let t0 = token.startIndex
                        if let dmy = mapIntsToDMY([int(token[t0..<(t0 + k)]), int(token[(t0 + k)..<(t0 + l)]), int(token[(t0 + l)...])]) {
                            candidates.append(dmy)
                        }
                    }
                    guard !candidates.isEmpty else { continue }
                    var best = candidates[0]
                    var minDistance = abs(candidates[0].year - StrengthScoring.referenceYear)
                    for c in candidates.dropFirst() {
                        let dist = abs(c.year - StrengthScoring.referenceYear)
                        if dist < minDistance { best = c; minDistance = dist }
                    }
                    var m = StrengthMatch(pattern: .date, i: i, j: j, token: token)
                    m.separator = ""
                    m.year = best.year; m.month = best.month; m.day = best.day
                    matches.append(m)
                }
            }
        }

        // ^(\d{1,4})([\s/\\_.-])(\d{1,2})\2(\d{1,4})$ over every substring of length 6...10
        if n >= 6 {
            for i in 0..<(n - 5) {
                for j in (i + 5)..<(i + 10) {
                    if j >= n { break }
                    let token = password[i...j]
                    guard let parts = splitSeparatedDate(Array(token)),
                          let dmy = mapIntsToDMY([parts.0, parts.2, parts.3]) else { continue }
                    var m = StrengthMatch(pattern: .date, i: i, j: j, token: token)
                    m.separator = String(parts.1)
                    m.year = dmy.year; m.month = dmy.month; m.day = dmy.day
                    matches.append(m)
                }
            }
        }

        let filtered = matches.enumerated().filter { (idx, m) in
            !matches.enumerated().contains { (oidx, o) in oidx != idx && o.i <= m.i && o.j >= m.j }
        }.map(\.element)
        return sortByIJ(filtered)
    }

    static let dateSeparators: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "/", "\\", "_", ".", "-"]

    /// Every way the regex can match: \d{1,4} sep \d{1,2} sep \d{1,4}, with the same separator.
    static func splitSeparatedDate(_ t: [Unicode.Scalar]) -> (Int, Unicode.Scalar, Int, Int)? {
        // The first digit run is maximal (the separator is not a digit), so the parse is unique.
        var k = 0
        while k < t.count && isDigit(t[k]) { k += 1 }
        guard k >= 1 && k <= 4 && k < t.count, dateSeparators.contains(t[k]) else { return nil }
        let sep = t[k]
        var m = k + 1
        while m < t.count && isDigit(t[m]) { m += 1 }
        guard m - (k + 1) >= 1 && m - (k + 1) <= 2 && m < t.count && t[m] == sep else { return nil }
        let rest = t[(m + 1)...]
        guard rest.count >= 1 && rest.count <= 4 && rest.allSatisfy(isDigit) else { return nil }
        func int<S: Sequence>(_ s: S) -> Int where S.Element == Unicode.Scalar { s.reduce(0) { $0 * 10 + Int($1.value - 48) } }
        return (int(t[0..<k]), sep, int(t[(k + 1)..<m]), int(rest))
    }

    static func mapIntsToDMY(_ ints: [Int]) -> (year: Int, month: Int, day: Int)? {
        if ints[1] > 31 || ints[1] <= 0 { return nil }
        var over12 = 0, over31 = 0, under1 = 0
        for v in ints {
            if (99 < v && v < dateMinYear) || v > dateMaxYear { return nil }
            if v > 31 { over31 += 1 }
            if v > 12 { over12 += 1 }
            if v <= 0 { under1 += 1 }
        }
        if over31 >= 2 || over12 == 3 || under1 >= 2 { return nil }
        let splits: [(Int, [Int])] = [(ints[2], [ints[0], ints[1]]), (ints[0], [ints[1], ints[2]])]
        for (y, rest) in splits where dateMinYear <= y && y <= dateMaxYear {
            if let dm = mapIntsToDM(rest) { return (y, dm.month, dm.day) }
            return nil
        }
        for (y, rest) in splits {
            if let dm = mapIntsToDM(rest) { return (twoToFourDigitYear(y), dm.month, dm.day) }
        }
        return nil
    }

    static func mapIntsToDM(_ ints: [Int]) -> (day: Int, month: Int)? {
        for (d, m) in [(ints[0], ints[1]), (ints[1], ints[0])] where 1 <= d && d <= 31 && 1 <= m && m <= 12 {
            return (d, m)
        }
        return nil
    }

    static func twoToFourDigitYear(_ y: Int) -> Int {
        if y > 99 { return y }
        if y > 50 { return y + 1900 }
        return y + 2000
    }
}
