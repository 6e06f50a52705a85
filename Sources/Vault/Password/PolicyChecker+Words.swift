import FoundationEssentials
import Glibc

// The password policy's word checks: the blocklist of common passwords (with the usual
// substitutions undone and digits and symbols stripped from the ends) and the person's own data
// (name, phone, e-mail, birthday, terminal id, merchant name).

extension PolicyChecker {
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
}
