import FoundationEssentials
import Glibc

/// Detects full card numbers (PANs) anywhere in text, and validates masked card numbers.
///
/// A PAN is 13 to 19 digits that pass the Luhn check, written as one run of digits or as
/// groups of at most 6 digits separated by single spaces or dashes (4-4-4-4, 4-6-5, ...).
/// Full-width digits (０-９) count as digits.
public enum CardGuard {
    /// Throws `fullCardNumber` when `value` holds a PAN.
    public static func check(_ value: String, field: String) throws {
        var u = Array(value.utf8)
        try u.withUnsafeMutableBytes { try check(UnsafeRawBufferPointer($0), field: field) }
    }

    static func check(_ p: UnsafeRawBufferPointer, field: String) throws {
        if let pan = findPAN(p) {
            throw RecordError.fullCardNumber(field: field, masked: maskForMessage(pan), digits: pan.count)
        }
    }

    /// Quick reject: fewer than 13 digits in the whole text cannot hold a PAN.
    @inline(__always) static func mayHoldPAN(_ p: UnsafeRawBufferPointer) -> Bool {
        var digits = 0
        for b in p where (b >= 48 && b <= 57) || b >= 0x80 { digits += 1 }
        return digits >= 13
    }

    /// The digits of the first PAN found, or nil.
    ///
    /// Text is split into chains of digit groups joined by single separators; each chain is
    /// checked as it ends (`scanChain`). The digits of a chain and where its groups end are kept
    /// in scratch space on the stack, so a check allocates nothing unless it finds a PAN.
    static func findPAN(_ p: UnsafeRawBufferPointer) -> [UInt8]? {
        guard mayHoldPAN(p) else { return nil }
        let n = p.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { digits in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1) { ends in
                // The chain so far: digits[0..<nd]; its closed groups end at ends[0..<ng]; the
                // open group is digits[groupStart..<nd].
                var nd = 0, ng = 0, groupStart = 0
                func digit(at i: Int) -> (UInt8, Int)? {
                    let b = p[i]
                    if b >= 48 && b <= 57 { return (b - 48, 1) }
                    // U+FF10..U+FF19: EF BC 90..99
                    if b == 0xEF, i + 2 < n, p[i + 1] == 0xBC, p[i + 2] >= 0x90, p[i + 2] <= 0x99 { return (p[i + 2] - 0x90, 3) }
                    return nil
                }
                func endChain() -> [UInt8]? {
                    if nd > groupStart { ends[ng] = nd; ng += 1 }
                    defer { nd = 0; ng = 0; groupStart = 0 }
                    return scanChain(UnsafeBufferPointer(digits), ends: UnsafeBufferPointer(rebasing: ends[0..<ng]))
                }
                var i = 0
                while i < n {
                    let c = p[i]
                    if c >= 48 && c <= 57 {
                        digits[nd] = c - 48; nd += 1; i += 1
                        continue
                    }
                    if let (d, w) = digit(at: i) {
                        digits[nd] = d; nd += 1; i += w
                        continue
                    }
                    let b = p[i]
                    let isSep = b == UInt8(ascii: " ") || b == UInt8(ascii: "-")
                    if isSep, nd > groupStart, i + 1 < n, digit(at: i + 1) != nil {
                        ends[ng] = nd; ng += 1; groupStart = nd
                        i += 1
                        continue
                    }
                    if let hit = endChain() { return hit }
                    i += 1
                }
                return endChain()
            }
        }
    }

    /// Checks every run of consecutive groups in a chain: group k is digits[ends[k-1]..<ends[k]]
    /// (from 0 for the first). A single group counts when it has 13-19 digits; a run of groups
    /// of at most 6 digits each counts once it has 13 (up to 19).
    private static func scanChain(_ digits: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) -> [UInt8]? {
        @inline(__always) func start(_ k: Int) -> Int { k == 0 ? 0 : ends[k - 1] }
        for s in ends.indices {
            let a = start(s)
            let len = ends[s] - a
            if (13...19).contains(len), luhn(digits, a..<ends[s]) { return Array(digits[a..<ends[s]]) }
            guard len <= 6 else { continue }
            var e = s + 1
            var accEnd = ends[s]
            while e < ends.count, ends[e] - start(e) <= 6, accEnd - a + (ends[e] - start(e)) <= 19 {
                accEnd = ends[e]
                if accEnd - a >= 13, luhn(digits, a..<accEnd) { return Array(digits[a..<accEnd]) }
                e += 1
            }
        }
        return nil
    }

    private static func luhn(_ d: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var sum = 0, k = 0, j = r.upperBound - 1
        while j >= r.lowerBound {
            var v = Int(d[j])
            if k % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
            k += 1; j -= 1
        }
        return sum % 10 == 0
    }

    static func luhn(_ d: [UInt8]) -> Bool {
        var sum = 0
        for (k, x) in d.reversed().enumerated() {
            var v = Int(x)
            if k % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return sum % 10 == 0
    }

    private static func maskForMessage(_ d: [UInt8]) -> String {
        let s = d.map { String($0) }
        return s.prefix(6).joined() + String(repeating: "*", count: d.count - 10) + s.suffix(4).joined()
    }

    /// Validates a masked card number and returns its canonical form (mask characters as `*`,
    /// spaces and dashes removed). At most the first 6 and the last 4 digits may be visible:
    /// `622588******1234` (12 to 19 positions), or a short form of masks then the last 4 digits
    /// (`****1234`). A full card number is refused as such.
    public static func maskedCard(_ s: String) throws -> String {
        try check(s, field: "card field")
        var out: [UInt8] = []
        for ch in s.unicodeScalars {
            switch ch {
            case " ", "-": continue
            case "0"..."9": out.append(UInt8(ch.value))
            case "*", "x", "X", "#", "\u{2022}": out.append(UInt8(ascii: "*"))
            default:
                throw EntryError.card(.characters)
            }
        }
        let n = out.count
        let masks = out.filter { $0 == UInt8(ascii: "*") }.count
        guard masks > 0 else {
            throw EntryError.card(.notMasked)
        }
        if (12...19).contains(n) {
            for i in 6..<(n - 4) where out[i] != UInt8(ascii: "*") {
                throw EntryError.card(.showsMoreThanFirst6Last4)
            }
        } else if n >= 5 && n < 12 {
            // Short form: masks, then at most the last 4 digits.
            let firstDigit = out.firstIndex { $0 != UInt8(ascii: "*") } ?? n
            guard n - firstDigit <= 4, out[firstDigit...].allSatisfy({ $0 != UInt8(ascii: "*") }) else {
                throw EntryError.card(.showsMoreThanLast4)
            }
        } else {
            throw EntryError.card(.positions(n))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
