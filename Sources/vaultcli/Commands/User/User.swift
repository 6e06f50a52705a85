import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

// `vaultcli user`: the command group, an operator's profile as JSON, roles as arguments, and what
// a key rotation (after a removal or demotion) tells the admin. The subcommands are in
// UserAdd.swift, UserList.swift, UserPassword.swift, UserRole.swift and UserTotp.swift.

extension VaultCLI {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: tr(.helpUser),
            discussion: tr(.dUser),
            subcommands: [Add.self, List.self, Show.self, Edit.self, Passwd.self, SetRole.self, Disable.self, Enable.self, Remove.self, Unlock.self, Totp.self])
    }
}

extension OperatorProfile {
    func json(lockout: (failures: Int, lockedUntil: Date?)) -> [String: Any] {
        let iso = ISOTime()
        var d: [String: Any] = ["name": name, "role": role.rawValue, "status": lockout.lockedUntil != nil ? "locked" : status.rawValue,
                                "created": iso.string(from: createdAt), "password_changed": iso.string(from: passwordChangedAt),
                                "must_change_password": mustChangePassword, "failed_logins": lockout.failures,
                                "one_time_codes": totpEnabled ?? false]
        d["phone"] = phone ?? JSONNull()
        d["email"] = email ?? JSONNull()
        if let u = lockout.lockedUntil { d["locked_until"] = iso.string(from: u) }
        return d
    }
}

extension Role: ExpressibleByArgument {}

extension ActorOptions {
    /// The shape of a command that gives another operator a new password: the password is read
    /// before the vault's lock is taken when it is typed (not generated), then the actor logs in
    /// and `body` runs with the target's profile and that early password.
    func run(_ vault: VaultOptions, on name: String, newPassword: NewPasswordOptions,
             _ body: (Vault, LoggedIn, OperatorProfile, SecretBytes?) throws -> Void) throws {
        var early: SecretBytes?
        try run(vault, beforeLock: { early = try newPassword.readBeforeLock(for: name, vault: vault, stdinFollows: password.passwordStdin) }) { v, me in
            try body(v, me, try me.operators.profile(named: name), early)
        }
    }
}

extension NewPasswordOptions {
    /// The new password of `target`: the one read before the vault's lock was taken, or else one
    /// read or generated now (for `role`, checked against the policy and the target's personal
    /// data).
    func read(early: SecretBytes?, for target: OperatorProfile, role: Role?, checker: PasswordRuleChecker,
              stdinFollows: Bool) throws -> (SecretBytes, generated: String?) {
        if let early { return (early, nil) }
        return try read(for: target.name, role: role, checker: checker,
                        context: PersonalContext(username: target.name, phone: target.phone, email: target.email),
                        stdinFollows: stdinFollows)
    }
}

/// What a key rotation tells the admin: the keys changed, and new recovery codes when the old
/// ones had to go (shown once, like at init).
enum RotationReport {
    static func print(_ r: RotationOutcome?) {
        guard let r else { return }
        Out.line(tr(.rotationDone))
        if !r.recoveryCodes.isEmpty {
            Out.line(tr(.rotationCodes))
            RecoveryKitPrinter.print(r.recoveryCodes)
        }
    }
}
