import FoundationEssentials
import VaultCrypto

/// The merchant's payment-service accounts, as the unlocked operator sees them (admin keys:
/// the records are sealed under the admin key).
public struct Accounts {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}

extension Accounts {
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
    public func list() throws -> [Account] {
        try Permission.readAccounts.require(session)
        return try vault.records(.account, Account.self, keys: session.keys).map(\.value).sorted { $0.label.lowercased() < $1.label.lowercased() }
    }

    public func get(label: String) throws -> Account {
        let all = try list()
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
    public func add(_ fields: AccountFields, secret: SecretBytes, now: Date = Date()) throws -> Account {
        try Permission.changeAccounts.require(session)
        let f = try checkedFields(fields)
        guard let label = f.label else { throw RecordError.rule(.labelMissing) }
        let kind = f.secretKind ?? .password
        let sec = try checkedSecret(secret, kind: kind)
        let labels = try list().map(\.label)
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
        try vault.commit(c, keys: session.keys)
        return a
    }

    /// Changes some fields and/or the secret; records each change in the account's history.
    @discardableResult
    public func edit(label: String, _ fields: AccountFields, secret: SecretBytes?, now: Date = Date()) throws -> Account {
        try Permission.changeAccounts.require(session)
        var a = try get(label: label)
        let before = a
        let f = try checkedFields(fields)
        if let l = f.label, l.lowercased() != a.label.lowercased(),
           try list().contains(where: { $0.label.lowercased() == l.lowercased() }) {
            throw RecordError.rule(.labelExists(l, editHint: false))
        }
        if let l = f.label { try refuseLookalike(l, among: try list().filter { $0.id != a.id }.map(\.label)) }
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
        try vault.commit(c, keys: session.keys)
        return a
    }

    public func remove(label: String, now: Date = Date()) throws {
        try Permission.changeAccounts.require(session)
        let a = try get(label: label)
        var c = Change()
        c.remove(subject: [UInt8](hexString: a.id)!)
        try c.audit(AuditEvent(time: now, actor: session.operatorName, action: "account.remove", target: a.label))
        try vault.commit(c, keys: session.keys)
    }

    /// Accounts bound to a phone number, an e-mail address or a user name.
    public func find(phone: String?, email: String?, username: String?) throws -> [Account] {
        let keys = try phone.map { AccountContact.phoneKeys(try AccountContact.phone($0)) }
        let mail = try email.map { try AccountContact.email($0).lowercased() }
        let user = username?.lowercased()
        return try list().filter { a in
            (keys == nil || a.phone.map { keys!.contains($0) } == true)
                && (mail == nil || a.email?.lowercased() == mail)
                && (user == nil || a.username.lowercased() == user)
        }
    }

    /// Notes that an admin looked at a secret (show --reveal, history --reveal).
    public func auditReveal(_ a: Account, what: String) throws {
        try vault.appendAudit([AuditEvent(actor: session.operatorName, action: "account.reveal", target: a.label, detail: what)])
    }
}
