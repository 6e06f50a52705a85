import FoundationEssentials
import Glibc

// The strength estimator's pattern matchers: spatial (keyboard graphs), repeats, sequences and the
// recent-year regex. Ported from zxcvbn-python 4.4.28's matching.py (MIT; (c) 2012-2013 Dropbox,
// Inc., 2016 Daniel Wolf).

extension StrengthMatching {
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
}
