import FoundationEssentials
import Glibc

/// An ISO 4217 currency: its alphabetic code and its minor-unit exponent.
///
/// Amounts are integers in minor units everywhere (never floating point). "12.34" CNY is 1234;
/// "500" JPY is 500; "1.234" KWD is 1234.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let exponent: Int
    /// The three code letters, for the binary record.
    let bytes: (UInt8, UInt8, UInt8)

    public static let cny = Currency(known: "CNY")

    private init(known code: String) {
        self.code = code
        self.exponent = Currency.exponents[code]!
        let u = Array(code.utf8)
        bytes = (u[0], u[1], u[2])
    }

    public init(code raw: String) throws {
        let c = raw.uppercased()
        guard Currency.exponents[c] != nil else {
            throw EntryError.unknownCurrency(raw)
        }
        self.init(known: c)
    }

    /// From the three stored bytes (nil when they are not a known code).
    init?(bytes a: UInt8, _ b: UInt8, _ c: UInt8) {
        let code = String(decoding: [a, b, c], as: UTF8.self)
        guard Currency.exponents[code] != nil else { return nil }
        self.init(known: code)
    }

    public var description: String { code }
    public static func == (l: Currency, r: Currency) -> Bool { l.code == r.code }
    public func hash(into h: inout Hasher) { h.combine(code) }

    /// ISO 4217 active codes and their minor units (the list in force in 2024).
    static let exponents: [String: Int] = {
        var m: [String: Int] = [:]
        let two = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC \
        CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS \
        KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB \
        PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD \
        TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWL
        """
        for c in two.split(separator: " ") { m[String(c)] = 2 }
        for c in ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"] { m[c] = 0 }
        for c in ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"] { m[c] = 3 }
        return m
    }()
}

/// Parsing and printing amounts as exact decimals.
public enum Money {
    /// The largest amount one record may hold, in minor units (10^15 - 1), so that totals over
    /// millions of records stay exact in 128-bit sums.
    public static let maxMinor: Int64 = 999_999_999_999_999

    /// Parses a non-negative decimal amount ("12.34", "12", "0.5") in `currency`'s minor units.
    /// Refuses more decimal places than the currency has (unless they are zeros), signs,
    /// exponents, and anything that is not plain digits.
    public static func parse(_ s: String, currency: Currency) throws -> Int64 {
        var u = Array(s.utf8)
        return try u.withUnsafeMutableBytes { try parse(UnsafeRawBufferPointer($0), currency: currency) }
    }

    static func parse(_ p: UnsafeRawBufferPointer, currency: Currency) throws -> Int64 {
        var intPart: Int64 = 0, frac: Int64 = 0
        var i = 0, intDigits = 0, fracDigits = 0
        let n = p.count
        func bad(_ why: EntryError.AmountProblem) -> EntryError {
            .amount(text: String(decoding: p, as: UTF8.self), problem: why)
        }
        guard n > 0 else { throw bad(.empty) }
        if p[0] == UInt8(ascii: "-") { throw bad(.negative) }
        while i < n, p[i] >= 48, p[i] <= 57 {
            if intDigits >= 16 { throw bad(.tooManyDigits) }
            intPart = intPart * 10 + Int64(p[i] - 48); i += 1; intDigits += 1
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] >= 48, p[i] <= 57 {
                if fracDigits < currency.exponent {
                    frac = frac * 10 + Int64(p[i] - 48)
                } else if p[i] != 48 {
                    throw bad(.decimalPlaces(currency: currency.code, places: currency.exponent))
                }
                fracDigits += 1; i += 1
            }
            if fracDigits == 0 { throw bad(.pointWithoutDigits) }
        }
        guard i == n, intDigits > 0 || fracDigits > 0 else { throw bad(.notPlainDecimal) }
        for _ in min(fracDigits, currency.exponent)..<currency.exponent { frac *= 10 }
        var scale: Int64 = 1
        for _ in 0..<currency.exponent { scale *= 10 }
        let (m, o1) = intPart.multipliedReportingOverflow(by: scale)
        let (v, o2) = m.addingReportingOverflow(frac)
        guard !o1, !o2, v <= maxMinor else { throw bad(.aboveMaximum(format(maxMinor, currency: currency))) }
        return v
    }

    /// Prints minor units as a decimal with the currency's exponent ("1234" CNY -> "12.34").
    public static func format(_ minor: Int64, currency: Currency) -> String {
        format(Int128(minor), exponent: currency.exponent)
    }

    public static func format(_ minor: Int128, exponent: Int) -> String {
        let neg = minor < 0
        var digits = String(neg ? -minor : minor)
        if exponent == 0 { return (neg ? "-" : "") + digits }
        while digits.count <= exponent { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -exponent)
        return (neg ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }
}

/// An exact decimal bound for amount filters (`--min 10.5`): compared against each record in
/// that record's own currency, without floating point.
public struct AmountBound: Sendable, Equatable {
    let mantissa: Int128
    let scale: Int
    public let text: String

    public init(_ s: String) throws {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !s.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !(parts[0].isEmpty && (parts.count < 2 || parts[1].isEmpty)),
              parts[0].count <= 16, (parts.count < 2 || (parts[1].count <= 6 && !parts[1].isEmpty)) else {
            throw EntryError.amount(text: s, problem: .notPlainDecimal)
        }
        let joined = parts.joined()
        mantissa = Int128(joined)!
        scale = parts.count == 2 ? parts[1].count : 0
        text = s
    }

    /// -1, 0 or 1 as `minor` (in a currency of `exponent`) is below, equal to or above the bound.
    func compare(minor: Int64, exponent: Int) -> Int {
        // minor / 10^exponent  vs  mantissa / 10^scale
        var l = Int128(minor), r = mantissa
        for _ in 0..<scale { l *= 10 }
        for _ in 0..<exponent { r *= 10 }
        return l < r ? -1 : (l == r ? 0 : 1)
    }
}
