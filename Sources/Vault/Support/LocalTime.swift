import FoundationEssentials
import Glibc

/// How times read in text: stored in UTC, shown in local time with its offset
/// (`2026-11-22 20:30:00+08:00`), or in UTC (`2026-11-22 12:30:00Z`) when the CLI's `--utc`
/// (or `VAULTCLI_UTC=1`) says so. The local zone is the C library's: `$TZ`, else
/// /etc/localtime (FoundationEssentials alone knows no zone but UTC). The same calendar
/// decides what a bare date such as `--since 2026-11-22` means and which day a record falls on
/// in `tx summary`, so a list, its bounds and a summary always agree. JSON stays UTC.
public enum LocalTime {
    public enum Mode: Sendable { case local, utc }

    /// Set once per command, before it runs (the CLI's `--utc`); UTC in between is never needed.
    nonisolated(unsafe) public static var mode: Mode = .local

    /// Seconds east of UTC at `t` in the local zone (0 under `--utc`).
    public static func offset(at t: Int64) -> Int {
        if mode == .utc { return 0 }
        return systemOffset(t)
    }

    static func systemOffset(_ t: Int64) -> Int {
        var tt = time_t(t)
        var tm = Glibc.tm()
        guard localtime_r(&tt, &tm) != nil else { return 0 }
        return tm.tm_gmtoff
    }

    /// `2026-11-22 20:30:00+08:00` (local) or `2026-11-22 12:30:00Z` (`--utc`).
    public static func string(_ t: Int64) -> String {
        var zone = Zone()
        var b: [UInt8] = []
        b.reserveCapacity(25)
        zone.append(t, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    public static func string(_ d: Date) -> String { string(Int64(d.timeIntervalSince1970.rounded(.down))) }

    /// The cells `string` takes: 25 local, 20 in UTC.
    public static var width: Int { mode == .utc ? 20 : 25 }

    /// The local calendar day of `t` (`YYYY-MM-DD`).
    public static func day(_ t: Int64) -> String { TxTime.day(t, offset: offset(at: t)) }

    /// The instant that local wall-clock seconds `naive` (seconds since 1970-01-01 00:00 on the
    /// local calendar) name (in a daylight-saving gap or a repeated hour, one of its neighbours).
    public static func instant(fromLocal naive: Int64) -> Int64 {
        if mode == .utc { return naive }
        let first = naive - Int64(systemOffset(naive))
        return naive - Int64(systemOffset(first))
    }

    /// Parses a time given on the command line: ISO 8601 with a zone as it says; a time
    /// without a zone, or a bare date (its midnight), on the local calendar.
    /// The ways a POS export writes times are read too (`2026/11/22`, `2026/11/22 20:30`).
    public static func parse(_ s: String) throws -> TxTime.Parsed {
        do { return try parseISO(s) } catch {
            guard let plain = TxImportText.normalizeTime(s), plain != s else { throw error }
            do { return try parseISO(plain) } catch _ { throw error }
        }
    }

    static func parseISO(_ s: String) throws -> TxTime.Parsed {
        // Parsed twice at two different "local" offsets: a text with a zone gives the same
        // instant both times, one without gives its local wall-clock seconds at offset 0.
        let naive = try TxTime.parse(s, localOffset: 0)
        let probe = try TxTime.parse(s, localOffset: 1)
        switch (naive, probe) {
        case (.instant(let a), .instant(let b)) where a == b: return .instant(a)
        case (.instant(let a), _): return .instant(instant(fromLocal: a))
        case (.date(let d), _): return .date(instant(fromLocal: d))
        }
    }

    /// The first instant of the local day after the one that starts at `dayStart`.
    public static func nextDay(after dayStart: Int64) -> Int64 {
        let naive = dayStart + Int64(offset(at: dayStart))
        return instant(fromLocal: naive + 86400)
    }

    /// Offsets for a stream of times (a table or summary of a million records): the local
    /// zone's offset, remembered for six-hour stretches in which it does not change.
    public struct Zone {
        let utc: Bool
        var lo: Int64 = 1, hi: Int64 = 0, off = 0

        public init() { utc = LocalTime.mode == .utc }

        @inline(__always)
        public mutating func offset(_ t: Int64) -> Int {
            if utc { return 0 }
            if t >= lo && t < hi { return off }
            return refill(t)
        }

        mutating func refill(_ t: Int64) -> Int {
            let span: Int64 = 6 * 3600
            let start = t >= 0 ? t - t % span : t - ((t % span) + span) % span
            let a = LocalTime.systemOffset(start), b = LocalTime.systemOffset(start + span - 1)
            // A change inside the stretch: no cache for it (a zone changes twice a year at most).
            guard a == b else { return LocalTime.systemOffset(t) }
            lo = start; hi = start + span; off = a
            return a
        }

        /// Appends `t` as `LocalTime.string` writes it.
        public mutating func append(_ t: Int64, to out: inout [UInt8]) {
            let o = offset(t)
            let local = t + Int64(o)
            let start = out.count
            TxTime.appendISO(local, to: &out)
            out[start + 10] = UInt8(ascii: " ")
            if utc { return }
            out.removeLast()  // the Z
            let a = abs(o) / 60
            out.append(o < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out.append(UInt8(48 + a / 600)); out.append(UInt8(48 + (a / 60) % 10)); out.append(UInt8(ascii: ":"))
            out.append(UInt8(48 + (a % 60) / 10)); out.append(UInt8(48 + a % 10))
        }

        /// The local day number (days since 1970-01-01) of `t`.
        @inline(__always)
        public mutating func dayNumber(_ t: Int64) -> Int { TxTime.dayNumber(t, offset: offset(t)) }
    }
}
