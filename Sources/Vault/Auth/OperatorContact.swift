import FoundationEssentials

/// A change to an operator's bound phone or e-mail (`user edit`, `init --phone --email`).
public enum ContactChange: Sendable, Equatable {
    case keep
    case clear
    case set(String)
}

extension Operators {
    /// Binds or clears an operator's phone and e-mail (what `recover username` finds them by).
    /// Admins edit anyone, themselves included; managers edit cashiers. The profile stays signed
    /// by the writer's role key, so an operator whose profile only a higher role may sign (a
    /// cashier, a manager) asks that role. Audited with the fields changed, never their values.
    public func editContact(name: String, phone: ContactChange, email: ContactChange,
                            now: Date = Date()) throws -> OperatorProfile {
        if vault.file.isLegacy {
            throw OperatorError.refused(.legacyFormat)
        }
        let shown = try profile(named: name)
        let own = shown.id.bytes == session.operatorId
        if !own || Vault.profileSigner(writer: session.keys, role: shown.role) == nil {
            if own {
                throw VaultError.permissionDenied(needed: "change your own phone or e-mail (a \(shown.role.rawValue)'s profile is signed by \(shown.role == .cashier ? "a manager or an admin" : "an admin"))",
                                                  role: session.role.rawValue)
            }
            try Permission.addOperator.require(session, target: shown.role)
        }
        let opId = shown.id.bytes
        guard var p = try vault.signedProfile(operatorId: opId, keys: session.keys) else {
            throw OperatorError.unknownOperator(name: Names.normalize(name))
        }
        var changed: [String] = []
        switch phone {
        case .keep: break
        case .clear: if p.phone != nil { p.phone = nil; changed.append("phone cleared") }
        case .set(let s):
            let v = try ContactValidation.phone(s)
            if p.phone != v { p.phone = v; changed.append("phone") }
        }
        switch email {
        case .keep: break
        case .clear: if p.email != nil { p.email = nil; changed.append("e-mail cleared") }
        case .set(let s):
            let v = try ContactValidation.email(s)
            if p.email != v { p.email = v; changed.append("e-mail") }
        }
        guard !changed.isEmpty else { return shown }
        var change = Change()
        try Vault.putProfile(p, writer: session.keys, change: &change)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.edit", target: p.name, detail: changed.joined(separator: ", ")))
        try vault.commit(change, keys: session.keys)
        return try profile(named: p.name)
    }
}
