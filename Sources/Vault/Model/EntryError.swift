import FoundationEssentials

/// What is wrong with a value typed for a transaction or a filter (an amount, a currency, a
/// kind, a status, a time, a masked card number), as cases: the CLI words them in the user's
/// language; `message` and `hints` are the English words (import reports, the library's tests).
public enum EntryError: UserFacingError, Equatable {
    case amount(text: String, problem: AmountProblem)
    case unknownCurrency(String)
    case unknownKind(String)
    case unknownStatus(String)
    case invalidTime(String)
    case card(CardProblem)
    case phone(text: String, problem: PhoneProblem)
    case email(text: String, problem: EmailProblem)
    case operatorName(NameProblem)
    case terminalId(String)
    case utcOffset(text: String, tooFar: Bool)
    /// A row of a transaction import (CSV or JSON Lines) that cannot be read as a record.
    case row(RowProblem)

    public enum RowProblem: Equatable, Sendable {
        case fieldCount(fields: Int, header: Int)
        case idMissing, amountMissing, timeMissing, amountsDisagree
        case amountMinor(text: String, max: Int64)
        case noTimeOfDay(String)
        /// A 交易日期 (date) column whose text is not a date.
        case notADate(String)
        /// A row whose bytes are not UTF-8 (a GBK file imported without --encoding).
        case notUTF8
        case quoteNeverClosed(line: Int)
        case emptyInput(source: String, columns: String)
    }

    public enum NameProblem: Equatable, Sendable {
        case empty, tooLong
        /// The name (sanitised for display) and the offending character as U+XXXX.
        case character(name: String, codePoint: String)
    }

    public enum PhoneProblem: Equatable, Sendable { case characters, notE164, neitherForm }
    public enum EmailProblem: Equatable, Sendable { case notOneAt, localPart, domain }

    public enum AmountProblem: Equatable, Sendable {
        case empty
        case negative
        case tooManyDigits
        case decimalPlaces(currency: String, places: Int)
        case pointWithoutDigits
        case notPlainDecimal
        case aboveMaximum(String)
    }

    public enum CardProblem: Equatable, Sendable {
        case characters
        case notMasked
        case showsMoreThanFirst6Last4
        case showsMoreThanLast4
        case positions(Int)
    }

    public var message: String {
        switch self {
        case .amount(let t, let p):
            let why = switch p {
            case .empty: "it is empty"
            case .negative: "amounts are never negative; record a refund with --kind refund"
            case .tooManyDigits: "too large"
            case .decimalPlaces(let c, let n): "\(c) has \(n) decimal place\(n == 1 ? "" : "s")"
            case .pointWithoutDigits: "a decimal point must be followed by digits"
            case .notPlainDecimal: "use digits and at most one decimal point, e.g. 12.34"
            case .aboveMaximum(let m): "larger than the maximum of \(m)"
            }
            return "invalid amount \"\(t)\": \(why)"
        case .unknownCurrency(let c): return "unknown currency \"\(c)\": use an ISO 4217 code such as CNY, USD, EUR, HKD, JPY or KWD"
        case .unknownKind(let k): return "unknown kind \"\(k)\""
        case .unknownStatus(let s): return "unknown status \"\(s)\""
        case .invalidTime(let t): return "invalid time \"\(t)\": use ISO 8601, e.g. 2026-11-22T10:15:00Z, 2026-11-22T18:15:00+08:00 or 2026-11-22"
        case .card(let p):
            switch p {
            case .characters: return "the card number given may contain only digits and mask characters (* or X)"
            case .notMasked: return "the card number given is not masked"
            case .showsMoreThanFirst6Last4: return "the card number given shows more than the first 6 and last 4 digits"
            case .showsMoreThanLast4: return "the card number given shows more than the last 4 digits"
            case .positions(let n): return "the card number given has \(n) positions; a card number has 12 to 19"
            }
        case .phone(let s, let p):
            switch p {
            case .characters: return "the phone number \"\(s)\" may contain only digits, spaces, dashes and a leading +"
            case .notE164: return "the phone number \"\(s)\" is not E.164: + then 8 to 15 digits, not starting with 0"
            case .neitherForm: return "the phone number \"\(s)\" is neither E.164 (+ and country code) nor an 11-digit mainland China mobile number (1[3-9]xxxxxxxxx)"
            }
        case .operatorName(.empty): return "the operator name is empty"
        case .operatorName(.tooLong): return "the operator name is longer than 64 bytes"
        case .operatorName(.character(let n, let c)):
            return "the operator name \"\(n)\" contains \(c); a name may not hold spaces, control characters, or invisible or direction-changing characters; use letters, digits, '.', '-' or '_'"
        case .terminalId(let t): return "the terminal id \"\(t)\" must be 1 to 16 ASCII letters, digits, '-', '_' or '.'"
        case .utcOffset(let s, false): return "invalid UTC offset \"\(s)\": use +HH:MM, e.g. +08:00"
        case .utcOffset(let s, true): return "invalid UTC offset \"\(s)\": at most ±14:00"
        case .row(let r):
            switch r {
            case .fieldCount(let f, let h): return "\(f) fields, but the header has \(h)"
            case .idMissing: return "the id is missing"
            case .amountMissing: return "the amount is missing"
            case .timeMissing: return "the time is missing"
            case .amountsDisagree: return "amount and amount_minor disagree"
            case .amountMinor(let t, let m): return "amount_minor \"\(t)\" is not a whole number of minor units from 0 to \(m)"
            case .noTimeOfDay(let t): return "the time \"\(t)\" has no time of day"
            case .notADate(let d): return "the date \"\(d)\" is not a date such as 2026-11-22 or 2026/11/22"
            case .notUTF8: return "the row is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk)"
            case .quoteNeverClosed(let l): return "line \(l): a quoted field is never closed"
            case .emptyInput(let s, _): return "\(s) is empty: no header line"
            }
        case .email(let s, let p):
            switch p {
            case .notOneAt: return "the e-mail address \"\(s)\" must contain exactly one @"
            case .localPart: return "the e-mail address \"\(s)\" has an invalid part before the @"
            case .domain: return "the e-mail address \"\(s)\" has an invalid domain (expected something like shop.example.com)"
            }
        }
    }

    public var hints: [String] {
        switch self {
        case .amount, .unknownCurrency, .invalidTime, .operatorName, .terminalId, .utcOffset: []
        case .row(.quoteNeverClosed): ["check the quotes in the CSV file"]
        case .row(.emptyInput(_, let c)): ["the first line of a CSV import names the columns: \(c)"]
        case .row: []
        case .unknownKind: ["use sale, refund or void"]
        case .unknownStatus: ["use approved, declined, pending or reversed"]
        case .card(.characters): ["give a masked card number, e.g. 622588******1234"]
        case .card: ["at most the first 6 and the last 4 digits may be visible, e.g. 622588******1234 or ****1234"]
        case .phone(_, .characters): ["use E.164 (+8613812345678) or an 11-digit mainland China mobile number (13812345678)"]
        case .phone(_, .notE164): ["e.g. +8613812345678 or +14155550123"]
        case .phone(_, .neitherForm): ["add the country code, e.g. +8613812345678"]
        case .email: ["use an address such as shop@example.com"]
        }
    }

    public var exitCode: ExitStatus { .usage }
}
