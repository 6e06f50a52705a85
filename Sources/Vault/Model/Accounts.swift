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

extension Vault {
    /// A label whose UTS #39 skeleton (ignoring case) is another label's is refused.
    private func refuseLookalike(_ label: String, among labels: [String]) throws {
        if let twin = labels.first(where: { $0.lowercased() != label.lowercased() && Confusables.key($0) == Confusables.key(label) }) {
            throw RecordError.rule(.labelLookalike(label, existing: twin))
        }
    }

    private func text(_ s: String, field: RecordProblem.Field, max: Int, required: Bool = false) throws -> String {
        try AccountContact.text(s, field: field, max: max, required: required)
    }

    /// The secret checked in place (UTF-8 text, a PIN's digits, its length), and a copy of it
    /// in locked memory for the record: no String is made of it.
    private func checkedSecret(_ s: SecretBytes, kind: Account.SecretKind) throws -> SecretBytes {
        guard s.count > 0, s.isValidUTF8 else {
            throw RecordError.rule(.secretEmpty)
        }
        if kind == .pin {
            guard (4...12).contains(s.count), s.allBytes({ $0 >= 48 && $0 <= 57 }) else {
                throw RecordError.rule(.pinDigits)
            }
            if let why = PasswordGenerator.pinWeakness(s) {
                throw RecordError.rule(.pinWeak(why))
            }
        }
        guard s.count <= 1024 else { throw RecordError.rule(.secretTooLong(maxBytes: 1024)) }
        return try s.prefix(s.count)
    }

    /// Every account (admins only; the records are sealed under the admin key).
    public func accounts(session: Session) throws -> [Account] {
        try Permission.readAccounts.require(session)
        return try records(.account, Account.self, keys: session.keys).map(\.value).sorted { $0.label.lowercased() < $1.label.lowercased() }
    }

    public func account(label: String, session: Session) throws -> Account {
        let all = try accounts(session: session)
        let l = Names.normalize(label).lowercased()
        guard let a = all.first(where: { $0.label.lowercased() == l || $0.id == label }) else {
            throw RecordError.noAccount(label: label)
        }
        return a
    }

    private func checkedFields(_ f: AccountFields) throws -> AccountFields {
        var o = f
        if let l = f.label {
            let n = Names.normalize(try text(l, field: .label, max: 64, required: true))
            if let bad = Names.invisibleOrControl(n.replacing(" ", with: "")) {
                throw RecordError.rule(.labelInvisible(codePoint: Names.codePoint(bad)))
            }
            o.label = n
        }
        if let s = f.service { o.service = try text(s, field: .service, max: 64) }
        if let u = f.username { o.username = try text(u, field: .username, max: 128) }
        if let p = f.phone { o.phone = p.isEmpty ? "" : try AccountContact.phone(p) }
        if let e = f.email { o.email = e.isEmpty ? "" : try AccountContact.email(e) }
        if let n = f.notes { o.notes = try text(n, field: .notes, max: 2048) }
        return o
    }

    /// Adds an account. Labels are unique, ignoring case.
    @discardableResult
    public func addAccount(_ fields: AccountFields, secret: SecretBytes, session: Session, now: Date = Date()) throws -> Account {
        try Permission.changeAccounts.require(session)
        let f = try checkedFields(fields)
        guard let label = f.label else { throw RecordError.rule(.labelMissing) }
        let kind = f.secretKind ?? .password
        let sec = try checkedSecret(secret, kind: kind)
        let labels = try accounts(session: session).map(\.label)
        if labels.contains(where: { $0.lowercased() == label.lowercased() }) {
            throw RecordError.rule(.labelExists(label, editHint: true))
        }
        try refuseLookalike(label, among: labels)
        let id = SecureRandom.bytes(16)
        var a = Account(id: id.hexString, label: label, service: f.service ?? "", username: f.username ?? "",
                        phone: f.phone.flatMap { $0.isEmpty ? nil : $0 }, email: f.email.flatMap { $0.isEmpty ? nil : $0 },
                        secret: sec, secretKind: kind, notes: f.notes ?? "", createdAt: now, createdBy: session.operatorName,
                        updatedAt: now, updatedBy: session.operatorName, history: [])
        for field in Account.fieldOrder {
            if Account.secretFields.contains(field) {
                a.history.append(Account.Change(time: now, actor: session.operatorName, field: field, newSecret: a.secret))
            } else if let value = a.value(of: field), value != "" {
                a.history.append(Account.Change(time: now, actor: session.operatorName, field: field, new: value))
            }
        }
        var c = Change()
        try c.put(.account, subject: id, keyClass: .admin, a)
        try c.audit(AuditEvent(time: now, actor: session.operatorName, action: "account.add", target: label,
                               detail: "fields: " + a.history.map(\.field).joined(separator: ",")))
        try commit(c, keys: session.keys)
        return a
    }

    /// Changes some fields and/or the secret; records each change in the account's history.
    @discardableResult
    public func editAccount(label: String, _ fields: AccountFields, secret: SecretBytes?, session: Session, now: Date = Date()) throws -> Account {
        try Permission.changeAccounts.require(session)
        var a = try account(label: label, session: session)
        let before = a
        let f = try checkedFields(fields)
        if let l = f.label, l.lowercased() != a.label.lowercased(),
           try accounts(session: session).contains(where: { $0.label.lowercased() == l.lowercased() }) {
            throw RecordError.rule(.labelExists(l, editHint: false))
        }
        if let l = f.label { try refuseLookalike(l, among: try accounts(session: session).filter { $0.id != a.id }.map(\.label)) }
        if let v = f.label { a.label = v }
        if let v = f.service { a.service = v }
        if let v = f.username { a.username = v }
        if let v = f.phone { a.phone = v.isEmpty ? nil : v }
        if let v = f.email { a.email = v.isEmpty ? nil : v }
        if let v = f.notes { a.notes = v }
        if let k = f.secretKind { a.secretKind = k }
        if let secret { a.secret = try checkedSecret(secret, kind: a.secretKind) } else if f.secretKind == .pin {
            _ = try checkedSecret(a.secret, kind: .pin)
        }
        var changed: [String] = []
        for field in Account.fieldOrder {
            if Account.secretFields.contains(field) {
                // Compared in constant time, in locked memory.
                guard before.secret != a.secret else { continue }
                a.history.append(Account.Change(time: now, actor: session.operatorName, field: field, oldSecret: before.secret, newSecret: a.secret))
            } else {
                let old = before.value(of: field), new = a.value(of: field)
                guard old != new else { continue }
                a.history.append(Account.Change(time: now, actor: session.operatorName, field: field, old: old, new: new))
            }
            changed.append(field)
        }
        guard !changed.isEmpty else {
            throw RecordError.rule(.nothingToChange)
        }
        a.updatedAt = now; a.updatedBy = session.operatorName
        var c = Change()
        try c.put(.account, subject: [UInt8](hexString: a.id)!, keyClass: .admin, a)
        try c.audit(AuditEvent(time: now, actor: session.operatorName, action: "account.edit", target: a.label, detail: "fields: " + changed.joined(separator: ",")))
        try commit(c, keys: session.keys)
        return a
    }

    public func removeAccount(label: String, session: Session, now: Date = Date()) throws {
        try Permission.changeAccounts.require(session)
        let a = try account(label: label, session: session)
        var c = Change()
        c.remove(subject: [UInt8](hexString: a.id)!)
        try c.audit(AuditEvent(time: now, actor: session.operatorName, action: "account.remove", target: a.label))
        try commit(c, keys: session.keys)
    }

    /// Accounts bound to a phone number, an e-mail address or a user name.
    public func findAccounts(phone: String?, email: String?, username: String?, session: Session) throws -> [Account] {
        let keys = try phone.map { AccountContact.phoneKeys(try AccountContact.phone($0)) }
        let mail = try email.map { try AccountContact.email($0).lowercased() }
        let user = username?.lowercased()
        return try accounts(session: session).filter { a in
            (keys == nil || a.phone.map { keys!.contains($0) } == true)
                && (mail == nil || a.email?.lowercased() == mail)
                && (user == nil || a.username.lowercased() == user)
        }
    }

    /// Notes that an admin looked at a secret (show --reveal, history --reveal).
    public func auditReveal(_ a: Account, session: Session, what: String) throws {
        try appendAudit([AuditEvent(actor: session.operatorName, action: "account.reveal", target: a.label, detail: what)])
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
    public func usernames(boundTo contact: RecoveryContact, vault: Vault, session: Session) throws -> [String] {
        try vault.findAccounts(phone: contact.kind == .phone ? contact.value : nil,
                               email: contact.kind == .email ? contact.value : nil,
                               username: nil, session: session).map(\.username).sorted()
    }
}
