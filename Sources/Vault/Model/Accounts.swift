import FoundationEssentials
import Glibc
import VaultCrypto

/// A merchant's payment-service account (admin-only data: sealed under the admin key, which a
/// cashier's or a manager's keyslot never holds).
public struct Account: Codable, Sendable, Equatable {
    public enum SecretKind: String, Codable, Sendable { case password, pin }

    /// One change of one field. Secret values are kept (under the admin key) so that an admin
    /// can see earlier ones with --reveal; every display masks them otherwise. The secret's
    /// values are in `oldSecret`/`newSecret` (locked memory, the record's secret part), never
    /// in `old`/`new`.
    public struct Change: Codable, Sendable, Equatable {
        public var time: Date
        public var actor: String
        public var field: String
        public var old: String?
        public var new: String?
        public var oldSecret: SecretBytes?
        public var newSecret: SecretBytes?

        public init(time: Date, actor: String, field: String, old: String? = nil, new: String? = nil,
                    oldSecret: SecretBytes? = nil, newSecret: SecretBytes? = nil) {
            self.time = time; self.actor = actor; self.field = field; self.old = old; self.new = new
            self.oldSecret = oldSecret; self.newSecret = newSecret
        }

        enum CodingKeys: String, CodingKey { case time, actor, field, old, new, oldSecret, newSecret }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            time = try c.decode(Date.self, forKey: .time)
            actor = try c.decode(String.self, forKey: .actor)
            field = try c.decode(String.self, forKey: .field)
            oldSecret = try c.decodeIfPresent(SecretBytes.self, forKey: .oldSecret)
            newSecret = try c.decodeIfPresent(SecretBytes.self, forKey: .newSecret)
            if Account.secretFields.contains(field) {
                // A record written before the secret part kept the secret's values as text here:
                // they move into locked memory at once.
                if oldSecret == nil { oldSecret = try c.decodeIfPresent(SecretBytes.self, forKey: .old) }
                if newSecret == nil { newSecret = try c.decodeIfPresent(SecretBytes.self, forKey: .new) }
                old = nil; new = nil
            } else {
                old = try c.decodeIfPresent(String.self, forKey: .old)
                new = try c.decodeIfPresent(String.self, forKey: .new)
            }
        }
    }

    public var id: String
    public var label: String
    public var service: String
    public var username: String
    public var phone: String?
    public var email: String?
    /// The password or PIN, in locked memory (sodium_malloc); encoded in the record's secret
    /// part. A record written before that kept it as JSON text, which still reads.
    public var secret: SecretBytes
    public var secretKind: SecretKind
    public var notes: String
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String
    public var history: [Change]

    public static let secretFields: Set<String> = ["secret"]
    public static let mask = "********"
}

/// The fields an add or an edit sets. nil leaves a field as it is; "" clears an optional one.
public struct AccountFields: Sendable {
    public var label: String?
    public var service: String?
    public var username: String?
    public var phone: String?
    public var email: String?
    public var notes: String?
    public var secretKind: Account.SecretKind?
    public init(label: String? = nil, service: String? = nil, username: String? = nil, phone: String? = nil, email: String? = nil,
                notes: String? = nil, secretKind: Account.SecretKind? = nil) {
        self.label = label; self.service = service; self.username = username; self.phone = phone; self.email = email
        self.notes = notes; self.secretKind = secretKind
    }
}

/// Bound phone numbers and e-mail addresses: the rules operators use (E.164 or a mainland
/// China mobile number; a practical RFC 5322 subset).
/// Bound phone numbers and e-mail addresses of accounts: the same rules as operators'
/// (`ContactValidation`), plus the forms a stored number may take.
public enum AccountContact {
    public static func phone(_ s: String) throws -> String { try ContactValidation.phone(s) }
    public static func email(_ s: String) throws -> String { try ContactValidation.email(s) }
    /// The login user name at the service, as an add or an edit keeps it (trimmed; at most 128
    /// bytes; no control character or card number).
    public static func username(_ s: String) throws -> String { try text(s, field: .username, max: 128) }

    static func text(_ s: String, field: RecordProblem.Field, max: Int, required: Bool = false) throws -> String {
        let t = s.trimmed(.whitespaces)
        if required && t.isEmpty { throw RecordError.rule(.fieldEmpty(.account, field)) }
        guard t.utf8.count <= max else { throw RecordError.rule(.fieldTooLong(.account, field, maxBytes: max)) }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && (field != .notes || $0 != "\n") }) else {
            throw RecordError.rule(.fieldControl(.account, field))
        }
        try CardGuard.check(t, field: "account's \(field.rawValue)")
        return t
    }

    /// The forms under which a number may have been stored (a China mobile with or without +86).
    static func phoneKeys(_ normalized: String) -> Set<String> {
        if normalized.hasPrefix("+86"), normalized.count == 14 { return [normalized, String(normalized.dropFirst(3))] }
        if !normalized.hasPrefix("+") { return [normalized, "+86" + normalized] }
        return [normalized]
    }
}

extension Account {
    /// The fields in display (and history) order.
    static let fieldOrder = ["label", "service", "username", "phone", "email", "secret_kind", "secret", "notes"]

    /// A field's value as text; nil for the secret (kept only as SecretBytes) and for an unset one.
    func value(of field: String) -> String? {
        switch field {
        case "label": label
        case "service": service
        case "username": username
        case "phone": phone
        case "email": email
        case "secret_kind": secretKind.rawValue
        case "notes": notes
        default: nil
        }
    }
}

/// `recover username` looks up merchant accounts bound to the proven phone or e-mail here
/// (admin keys only: accounts are admin-class records).
public struct MerchantAccountDirectory: BoundAccountDirectory {
    public init() {}
    public func usernames(boundTo contact: RecoveryContact, as unlocked: Unlocked) throws -> [String] {
        try unlocked.accounts.find(phone: contact.kind == .phone ? contact.value : nil,
                                   email: contact.kind == .email ? contact.value : nil,
                                   username: nil).map(\.username).sorted()
    }
}
