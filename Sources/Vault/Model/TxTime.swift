import FoundationEssentials
import Glibc

/// Fast, exact conversion between ISO 8601 text and Unix seconds (no Foundation formatter in
/// the hot path of import and export).
public enum TxTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(days z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public enum Parsed: Equatable { case instant(Int64), date(Int64) }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM` or
    /// no zone (then `localOffset` seconds east of UTC apply). Fractions of a second are dropped.
    public static func parse(_ s: String, localOffset: Int? = nil) throws -> Parsed {
        var u = Array(s.utf8)
        return try u.withUnsafeMutableBytes { try parse(UnsafeRawBufferPointer($0), localOffset: localOffset) }
    }

    static func parse(_ p: UnsafeRawBufferPointer, localOffset: Int?) throws -> Parsed {
        let n = p.count
        func bad() -> EntryError {
            .invalidTime(String(decoding: p, as: UTF8.self))
        }
        func num(_ at: Int, _ len: Int) throws -> Int {
            guard at + len <= n else { throw bad() }
            var v = 0
            for i in at..<(at + len) {
                let c = p[i]
                guard c >= 48, c <= 57 else { throw bad() }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        func lit(_ at: Int, _ c: Unicode.Scalar) throws {
            guard at < n, p[at] == UInt8(ascii: c) else { throw bad() }
        }
        let year = try num(0, 4); try lit(4, "-")
        let month = try num(5, 2); try lit(7, "-")
        let day = try num(8, 2)
        guard year >= 1970, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { throw bad() }
        let d = Int64(days(year: year, month: month, day: day)) * 86400
        if n == 10 { return .date(d - Int64(localOffset ?? 0)) }
        guard p[10] == UInt8(ascii: "T") || p[10] == UInt8(ascii: " ") || p[10] == UInt8(ascii: "t") else { throw bad() }
        let hh = try num(11, 2); try lit(13, ":")
        let mm = try num(14, 2)
        var i = 16, ss = 0
        if i < n, p[i] == UInt8(ascii: ":") {
            ss = try num(17, 2); i = 19
            if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < n, p[i] >= 48, p[i] <= 57 { i += 1 }
                guard i > start else { throw bad() }
            }
        }
        guard hh < 24, mm < 60, ss < 61 else { throw bad() }
        var offset: Int
        if i == n {
            offset = localOffset ?? 0
        } else if p[i] == UInt8(ascii: "Z") || p[i] == UInt8(ascii: "z") {
            guard i + 1 == n else { throw bad() }
            offset = 0
        } else if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            let sign = p[i] == UInt8(ascii: "+") ? 1 : -1
            let oh = try num(i + 1, 2)
            var om = 0
            if i + 3 < n, p[i + 3] == UInt8(ascii: ":") { om = try num(i + 4, 2); i += 6 } else if i + 3 < n { om = try num(i + 3, 2); i += 5 } else { i += 3 }
            guard i == n, oh <= 14, om < 60 else { throw bad() }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            throw bad()
        }
        return .instant(d + Int64(hh * 3600 + mm * 60 + min(ss, 59)) - Int64(offset))
    }

    /// Parses an instant; a bare date is midnight at `localOffset`.
    public static func instant(_ s: String, localOffset: Int? = nil) throws -> Int64 {
        switch try parse(s, localOffset: localOffset) { case .instant(let t), .date(let t): t }
    }

    /// `2026-11-22T10:15:00Z`, appended as bytes (no allocation per call beyond `out`).
    static func appendISO(_ t: Int64, to out: inout [UInt8]) {
        let days = Int(t >= 0 ? t / 86400 : (t - 86399) / 86400)
        var secs = Int(t - Int64(days) * 86400)
        let (y, m, d) = civil(days: days)
        func two(_ v: Int) { out.append(UInt8(48 + v / 10)); out.append(UInt8(48 + v % 10)) }
        out.append(UInt8(48 + (y / 1000) % 10)); out.append(UInt8(48 + (y / 100) % 10)); two(y % 100)
        out.append(UInt8(ascii: "-")); two(m); out.append(UInt8(ascii: "-")); two(d)
        out.append(UInt8(ascii: "T"))
        let hh = secs / 3600; secs %= 3600
        two(hh); out.append(UInt8(ascii: ":")); two(secs / 60); out.append(UInt8(ascii: ":")); two(secs % 60)
        out.append(UInt8(ascii: "Z"))
    }

    public static func iso(_ t: Int64) -> String {
        var b: [UInt8] = []; b.reserveCapacity(20)
        appendISO(t, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// The calendar day (YYYY-MM-DD) of `t` at `offset` seconds east of UTC.
    public static func day(_ t: Int64, offset: Int) -> String {
        let local = t + Int64(offset)
        let days = Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
        let (y, m, d) = civil(days: days)
        return zeroPadded(y, width: 4) + "-" + zeroPadded(m, width: 2) + "-" + zeroPadded(d, width: 2)
    }

    /// The day number (days since 1970-01-01) of `t` at `offset`.
    static func dayNumber(_ t: Int64, offset: Int) -> Int {
        let local = t + Int64(offset)
        return Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }

    static func dayString(_ day: Int) -> String {
        let (y, m, d) = civil(days: day)
        return zeroPadded(y, width: 4) + "-" + zeroPadded(m, width: 2) + "-" + zeroPadded(d, width: 2)
    }

    /// Parses `+08:00`, `-05:30`, `Z`, `+0800` as seconds east of UTC.
    public static func offset(_ s: String) throws -> Int {
        if s == "Z" || s == "UTC" || s == "utc" { return 0 }
        let u = Array(s.utf8)
        guard u.count == 6 || u.count == 5, u[0] == UInt8(ascii: "+") || u[0] == UInt8(ascii: "-") else {
            throw EntryError.utcOffset(text: s, tooFar: false)
        }
        let digits = u.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw EntryError.utcOffset(text: s, tooFar: false)
        }
        let d = digits.map { Int($0 - 48) }
        let h = d[0] * 10 + d[1], m = d[2] * 10 + d[3]
        guard h <= 14, m < 60 else { throw EntryError.utcOffset(text: s, tooFar: true) }
        return (u[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
    }

    /// This machine's current offset from UTC.
    /// (From the C library, which reads $TZ and /etc/localtime: FoundationEssentials alone
    /// knows no time zone but UTC.)
    public static var localOffset: Int {
        var t = time(nil)
        var tm = Glibc.tm()
        guard localtime_r(&t, &tm) != nil else { return 0 }
        return tm.tm_gmtoff
    }
}
