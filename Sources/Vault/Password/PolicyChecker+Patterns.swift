import FoundationEssentials
import Glibc

// The password policy's pattern checks: dates (with the day, month and year forms people type),
// repeats, sequences and keyboard walks.

extension PolicyChecker {
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
