import FoundationEssentials
import Glibc

// A port of zxcvbn-python 4.4.28's scoring.py (MIT; (c) 2012-2013 Dropbox, Inc., 2016 Daniel
// Wolf): guesses per match, and the search for the sequence of non-overlapping matches that
// minimises  l! * Product(guesses) + 10000^(l-1).

enum StrengthScoring {
    static let bruteforceCardinality = 10.0
    static let minGuessesBeforeGrowingSequence = 10000.0
    static let minSubmatchGuessesSingleChar = 10.0
    static let minSubmatchGuessesMultiChar = 50.0
    static let minYearSpace = 20
    static let referenceYear = 2017

    struct Result {
        var guesses: Double
        var sequence: [StrengthMatch]
    }

    static func nCk(_ n0: Int, _ k: Int) -> Double {
        if k > n0 { return 0 }
        if k == 0 { return 1 }
        var r = 1.0
        var n = Double(n0)
        for d in 1...k {
            r *= n
            r /= Double(d)
            n -= 1
        }
        return r
    }

    static func factorial(_ n: Int) -> Double {
        var f = 1.0
        if n > 1 { for k in 2...n { f *= Double(k) } }
        return f
    }

    // MARK: - most guessable match sequence

    /// One entry of zxcvbn's optimal.m / .pi / .g at some k. `ref` >= 0 is an index into the
    /// matches; a negative `ref` is the bruteforce match that starts at -ref - 1.
    private struct Entry {
        var l: Int
        var g: Double
        var pi: Double
        var ref: Int
    }

    static func mostGuessableMatchSequence(_ password: [Unicode.Scalar], _ matchesIn: [StrengthMatch], excludeAdditive: Bool = false) -> Result {
        let n = password.count
        if n == 0 { return Result(guesses: 1, sequence: []) }

        var matches = matchesIn
        for k in matches.indices { estimateGuesses(&matches[k], passwordLength: n) }
        // matches_by_j, each sorted by i (stably).
        var byJ = [[Int]](repeating: [], count: n)
        for (idx, m) in matches.enumerated() { byJ[m.j].append(idx) }
        for k in 0..<n {
            byJ[k] = byJ[k].enumerated().sorted { (matches[$0.element].i, $0.offset) < (matches[$1.element].i, $1.offset) }.map(\.element)
        }
        let factorials: [Double] = (0...(n + 1)).map { factorial($0) }
        let additive: [Double] = (0...(n + 1)).map { excludeAdditive || $0 == 0 ? 0 : pow(minGuessesBeforeGrowingSequence, Double($0 - 1)) }

        // optimal[k]: the entries at k, in Python dict insertion order.
        var optimal = [[Entry]](repeating: [], count: n)

        func update(i: Int, j k: Int, guesses: Double, ref: Int, _ l: Int) {
            var pi = guesses
            if l > 1 {
                for e in optimal[i - 1] where e.l == l - 1 { pi *= e.pi; break }
            }
            let g = factorials[l] * pi + additive[l]
            for c in optimal[k] where c.l <= l && c.g <= g { return }
            if let idx = optimal[k].firstIndex(where: { $0.l == l }) {
                optimal[k][idx] = Entry(l: l, g: g, pi: pi, ref: ref)
            } else {
                optimal[k].append(Entry(l: l, g: g, pi: pi, ref: ref))
            }
        }

        func bruteforceGuesses(_ i: Int, _ j: Int) -> Double {
            let len = j - i + 1
            var g = pow(bruteforceCardinality, Double(len))
            g = max(g, len == 1 ? minSubmatchGuessesSingleChar + 1 : minSubmatchGuessesMultiChar + 1)
            // estimate_guesses' floor for submatches is below these minimums, so it never binds.
            return g
        }

        for k in 0..<n {
            for idx in byJ[k] {
                let m = matches[idx]
                if m.i > 0 {
                    for l in optimal[m.i - 1].map(\.l) { update(i: m.i, j: k, guesses: m.guesses, ref: idx, l + 1) }
                } else {
                    update(i: 0, j: k, guesses: m.guesses, ref: idx, 1)
                }
            }
            // bruteforce_update(k)
            update(i: 0, j: k, guesses: bruteforceGuesses(0, k), ref: -1, 1)
            if k >= 1 {
                for i in 1...k {
                    let g = bruteforceGuesses(i, k)
                    for e in optimal[i - 1] where e.ref >= 0 {
                        update(i: i, j: k, guesses: g, ref: -(i + 1), e.l + 1)
                    }
                }
            }
        }

        // unwind
        var sequence: [StrengthMatch] = []
        var k = n - 1
        var bestL = 0
        var bestG = Double.infinity
        for e in optimal[k] where e.g < bestG {
            bestL = e.l
            bestG = e.g
        }
        if bestL == 0 { bestL = optimal[k].first!.l; bestG = optimal[k].first!.g }
        var l = bestL
        while k >= 0 {
            let e = optimal[k].first { $0.l == l }!
            var m: StrengthMatch
            if e.ref >= 0 {
                m = matches[e.ref]
            } else {
                let i = -e.ref - 1
                m = StrengthMatch(pattern: .bruteforce, i: i, j: k, token: password[i...k])
                estimateGuesses(&m, passwordLength: n)
            }
            sequence.insert(m, at: 0)
            k = m.i - 1
            l -= 1
        }
        return Result(guesses: bestG, sequence: sequence)
    }

    // MARK: - guesses per match

    static func estimateGuesses(_ m: inout StrengthMatch, passwordLength: Int) {
        var minGuesses = 1.0
        if m.token.count < passwordLength {
            minGuesses = m.token.count == 1 ? minSubmatchGuessesSingleChar : minSubmatchGuessesMultiChar
        }
        let g: Double
        switch m.pattern {
        case .bruteforce: g = bruteforceGuesses(m)
        case .dictionary: g = dictionaryGuesses(m)
        case .spatial: g = spatialGuesses(m)
        case .repeat: g = m.baseGuesses * m.repeatCount
        case .sequence: g = sequenceGuesses(m)
        case .regex: g = Double(max(abs(m.year - referenceYear), minYearSpace))
        case .date: g = dateGuesses(m)
        case .chinese: g = Double(m.rank) * uppercaseVariations(Array(m.token))
        }
        m.guesses = max(g, minGuesses)
        m.guessesLog10 = log10(m.guesses)
    }

    static func bruteforceGuesses(_ m: StrengthMatch) -> Double {
        let guesses = pow(bruteforceCardinality, Double(m.token.count))
        let minGuesses = m.token.count == 1 ? minSubmatchGuessesSingleChar + 1 : minSubmatchGuessesMultiChar + 1
        return max(guesses, minGuesses)
    }

    static func dictionaryGuesses(_ m: StrengthMatch) -> Double {
        Double(m.rank) * uppercaseVariations(Array(m.token)) * l33tVariations(m) * (m.reversed ? 2 : 1)
    }

    static func isASCIIUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 65 && s.value <= 90 }
    static func isASCIILower(_ s: Unicode.Scalar) -> Bool { s.value >= 97 && s.value <= 122 }

    static func uppercaseVariations(_ word: [Unicode.Scalar]) -> Double {
        // ALL_LOWER ^[^A-Z]+$ or word.lower() == word
        if word.allSatisfy({ !isASCIIUpper($0) }) || StrengthMatching.lower(word) == word { return 1 }
        let n = word.count
        // START_UPPER ^[A-Z][^A-Z]+$ , END_UPPER ^[^A-Z]+[A-Z]$ , ALL_UPPER ^[^a-z]+$
        if n >= 2 && isASCIIUpper(word[0]) && word.dropFirst().allSatisfy({ !isASCIIUpper($0) }) { return 2 }
        if n >= 2 && isASCIIUpper(word[n - 1]) && word.dropLast().allSatisfy({ !isASCIIUpper($0) }) { return 2 }
        if word.allSatisfy({ !isASCIILower($0) }) { return 2 }
        let u = word.filter { $0.properties.isUppercase }.count
        let l = word.filter { $0.properties.isLowercase }.count
        var variations = 0.0
        if min(u, l) >= 1 { for i in 1...min(u, l) { variations += nCk(u + l, i) } }
        return variations
    }

    static func l33tVariations(_ m: StrengthMatch) -> Double {
        guard m.l33t else { return 1 }
        var variations = 1.0
        let chrs = StrengthMatching.lower(Array(m.token))
        for (subbed, unsubbed) in m.sub {
            let s = chrs.filter { $0 == subbed }.count
            let u = chrs.filter { $0 == unsubbed }.count
            if s == 0 || u == 0 {
                variations *= 2
            } else {
                let p = min(u, s)
                var possibilities = 0.0
                for i in 1...p { possibilities += nCk(u + s, i) }
                variations *= possibilities
            }
        }
        return variations
    }

    static func sequenceGuesses(_ m: StrengthMatch) -> Double {
        let first = m.token.first!
        var base: Double
        if ["a", "A", "z", "Z", "0", "1", "9"].contains(first) {
            base = 4
        } else if StrengthMatching.isDigit(first) {
            base = 10
        } else {
            base = 26
        }
        if !m.ascending { base *= 2 }
        return base * Double(m.token.count)
    }

    static func dateGuesses(_ m: StrengthMatch) -> Double {
        let yearSpace = max(abs(m.year - referenceYear), minYearSpace)
        var guesses = Double(yearSpace) * 365
        if !m.separator.isEmpty { guesses *= 4 }
        return guesses
    }

    static func spatialGuesses(_ m: StrengthMatch) -> Double {
        let isKeyboard = m.graph == "qwerty" || m.graph == "dvorak"
        let g = StrengthMatching.graph(isKeyboard ? "qwerty" : "keypad")
        let s = Double(g.startingPositions)
        let d = g.averageDegree
        var guesses = 0.0
        let len = m.token.count
        let t = m.turns
        if len >= 2 {
            for i in 2...len {
                let possibleTurns = min(t, i - 1) + 1
                if possibleTurns > 1 {
                    for j in 1..<possibleTurns {
                        guesses += nCk(i - 1, j - 1) * s * pow(d, Double(j))
                    }
                }
            }
        }
        if m.shiftedCount > 0 {
            let sh = m.shiftedCount
            let un = len - sh
            if sh == 0 || un == 0 {
                guesses *= 2
            } else {
                var shiftedVariations = 0.0
                for i in 1...min(sh, un) { shiftedVariations += nCk(sh + un, i) }
                guesses *= shiftedVariations
            }
        }
        return guesses
    }
}
