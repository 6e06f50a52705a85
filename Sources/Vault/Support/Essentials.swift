import FoundationEssentials
import Glibc

// Small local replacements for the parts of full Foundation vaultcli used, so that the binary
// links FoundationEssentials alone: no FoundationInternationalization and no ICU data, which
// were most of the binary's size (issue 12). Each keeps the behaviour of what it replaces.

/// The characters `trimmed(_:)` removes, as Foundation's CharacterSet names them.
public enum TrimmedCharacters: Sendable {
    /// General category Zs and U+0009 (CharacterSet.whitespaces).
    case whitespaces
    /// Those and U+000A to U+000D, U+0085, U+2028, U+2029 (CharacterSet.whitespacesAndNewlines).
    case whitespacesAndNewlines

    func contains(_ u: Unicode.Scalar) -> Bool {
        if u == "\t" || u.properties.generalCategory == .spaceSeparator { return true }
        guard self == .whitespacesAndNewlines else { return false }
        switch u.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without `set` at either end (Foundation's `trimmingCharacters(in:)`).
    public func trimmed(_ set: TrimmedCharacters) -> String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !set.contains($0) }), let last = s.lastIndex(where: { !set.contains($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s[first...last])
        return String(out)
    }
}

/// Times as ISO 8601 text in UTC, whole seconds: `2026-11-22T20:30:00Z` (what
/// ISO8601DateFormatter wrote with its default options).
public enum ISO8601 {
    public static func string(_ date: Date) -> String { date.ISO8601Format() }

    public static func date(_ text: String) -> Date? { try? Date.ISO8601FormatStyle().parse(text) }
}

/// Integers as decimal text padded with zeros to `width` digits (printf's `%0Nd`).
public func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value.magnitude)
    let pad = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
    return (value < 0 ? "-" : "") + pad + digits
}

/// Bytes as lower-case hexadecimal, two digits each (printf's `%02x`).
public func lowerHex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}

/// Whether Foundation's CharacterSet.alphanumerics holds the scalar: general categories L*, M*, N*.
func isFoundationAlphanumeric(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
         .nonspacingMark, .spacingMark, .enclosingMark,
         .decimalNumber, .letterNumber, .otherNumber:
        return true
    default:
        return false
    }
}

/// UTC calendar fields, and back.
public enum UTCTime {
    /// `yyyyMMdd'T'HHmmss'Z'`.
    static func compact(_ date: Date) -> String {
        var t = time_t(floor(date.timeIntervalSince1970))
        var tm = Glibc.tm()
        gmtime_r(&t, &tm)
        return zeroPadded(Int(tm.tm_year) + 1900, width: 4) + zeroPadded(Int(tm.tm_mon) + 1, width: 2) + zeroPadded(Int(tm.tm_mday), width: 2)
            + "T" + zeroPadded(Int(tm.tm_hour), width: 2) + zeroPadded(Int(tm.tm_min), width: 2) + zeroPadded(Int(tm.tm_sec), width: 2) + "Z"
    }

    /// The time a `compact` text names, or nil unless it is exactly one (a real date and time).
    static func parseCompact(_ s: String) -> Date? {
        let b = Array(s.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        func num(_ r: Range<Int>) -> Int32? {
            var v: Int32 = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int32(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let mo = num(4..<6), let d = num(6..<8), let h = num(9..<11), let mi = num(11..<13), let se = num(13..<15) else { return nil }
        var tm = Glibc.tm()
        tm.tm_year = y - 1900; tm.tm_mon = mo - 1; tm.tm_mday = d; tm.tm_hour = h; tm.tm_min = mi; tm.tm_sec = se
        let t = timegm(&tm)
        let date = Date(timeIntervalSince1970: TimeInterval(t))
        return compact(date) == s ? date : nil
    }
}

/// `x` with `decimals` digits after the point, rounded as printf's `%.Nf` rounds.
public func fixedPoint(_ x: Double, decimals: Int) -> String {
    var buf = [CChar](repeating: 0, count: 512)
    let n = withVaList([x]) { vsnprintf(&buf, buf.count, "%.\(decimals)f", $0) }
    guard n >= 0 && Int(n) < buf.count else { return String(x) }
    return String(decoding: buf[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

extension UTCTime {
    /// Midnight UTC of a `YYYY-MM-DD` day (month and day may have one digit), or nil unless
    /// the text names a real day.
    public static func day(_ s: String) -> Date? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return parseCompact(parts[0] + zeroPadded(m, width: 2) + zeroPadded(d, width: 2) + "T000000Z")
    }
}

/// What the release link (Package.swift, vaultcli's linker settings) binds the Swift runtime's
/// `_swift_stdlib_getScalarName` to, so that the Unicode name tables behind it (0.55 MB, a
/// thirtieth of the stripped binary) are left out (issue 12: the installed binary <= 16 MB). It
/// writes no name and answers 0, the runtime's answer for a scalar without one, so
/// `Unicode.Scalar.Properties.name` is nil in the release binary. The only caller linked in is
/// _StringProcessing's `\N{NAME}` regex matching; vaultcli compiles no regex, and nothing of ours,
/// FoundationEssentials' or swift-argument-parser's reads `properties.name` (measured from the
/// link: `objdump -d` shows one caller). Debug builds (the tests) keep the real tables.
@_cdecl("vaultcli_no_scalar_name")
public func vaultcliNoScalarName(_ scalar: UInt32, _ buffer: UnsafeMutablePointer<UInt8>?, _ capacity: Int) -> Int { 0 }
