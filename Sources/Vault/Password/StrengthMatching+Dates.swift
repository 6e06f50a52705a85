import FoundationEssentials
import Glibc

// The strength estimator's date matcher: dates with and without separators, and the day, month and
// year readings of their digits. Ported from zxcvbn-python 4.4.28's matching.py (MIT; (c)
// 2012-2013 Dropbox, Inc., 2016 Daniel Wolf).

extension StrengthMatching {
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
