import FoundationEssentials
import Glibc

// What is known about the person whose password is checked (name, phone, e-mail, birthday, the
// vault's terminal id and merchant name), and the kinds of personal data a password can be refused
// for containing.

/// What is known about the person whose password is checked. None of it is secret.
public struct PersonalContext: Sendable, Equatable {
    public struct Birthday: Sendable, Equatable, Hashable {
        public let year: Int
        public let month: Int
        public let day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year; self.month = month; self.day = day
        }
    }

    public var username: String?
    public var phone: String?
    public var email: String?
    public var birthday: Birthday?
    /// Other names an attacker would try: the real name, the shop's name, a pet's name.
    public var otherNames: [String]
    /// The vault's terminal id (printed on the terminal and on every receipt).
    public var terminalId: String?
    /// The merchant's (shop's) name, in Chinese characters or Latin letters.
    public var merchantName: String?

    public init(username: String? = nil, phone: String? = nil, email: String? = nil,
                birthday: Birthday? = nil, otherNames: [String] = [],
                terminalId: String? = nil, merchantName: String? = nil) {
        self.username = username
        self.phone = phone
        self.email = email
        self.birthday = birthday
        self.otherNames = otherNames
        self.terminalId = terminalId
        self.merchantName = merchantName
    }

    /// The phone's digits only ("+86 138-1234-5678" -> "8613812345678").
    var phoneDigits: String { (phone ?? "").filter { $0.isASCII && $0.isNumber } }

    /// The email's local part, lower-cased.
    var emailLocalPart: String? {
        guard let e = email?.lowercased(), let at = e.lastIndex(of: "@") else { return email?.lowercased() }
        return String(e[..<at])
    }

    /// Words for the strength estimator's user_inputs dictionary.
    var userInputs: [String] {
        var out: [String] = []
        if let u = username { out.append(u) }
        if let e = email { out.append(e) }
        if let l = emailLocalPart { out.append(l) }
        let d = phoneDigits
        if !d.isEmpty {
            out.append(d)
            for n in 4...8 where d.count > n { out.append(String(d.suffix(n))) }
            if d.count > 11 { out.append(String(d.suffix(11))) }
        }
        out += otherNames
        if let t = terminalId { out.append(t) }
        if let m = merchantName { out.append(m) }
        if let b = birthday {
            out += PolicyChecker.dateForms(year: b.year, month: b.month, day: b.day)
        }
        return out.filter { !$0.isEmpty }
    }
}

/// Which piece of personal data a password contains.
public enum PersonalDataKind: String, Sendable, Equatable, Codable {
    case username
    case phone
    case phoneDigits = "phone-digits"
    case emailName = "email-name"
    case birthday
    case name
    case terminalId = "terminal-id"
    case merchantName = "merchant-name"

    var words: String {
        switch self {
        case .username: "your user name"
        case .phone: "your phone number"
        case .phoneDigits: "digits of your phone number (4 to 8 of its last digits)"
        case .emailName: "the name part of your email address"
        case .birthday: "your birthday"
        case .name: "a name linked to you"
        case .terminalId: "the terminal's id"
        case .merchantName: "the shop's (merchant's) name"
        }
    }
}
