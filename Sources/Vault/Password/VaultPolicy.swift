import FoundationEssentials
import Glibc
import VaultCrypto

/// The policy a vault keeps. It is a public record: login needs the lockout and expiry rules
/// before any key is unwrapped. Its values are checked against the floors whenever it is read,
/// so an edited file cannot weaken it below them.
enum PolicySubjects {
    static let policy = Hash.blake2b(Array("vaultcli password policy".utf8), length: 16)
}

extension Vault {
    /// The vault's policy (the defaults until an admin changes it).
    public func passwordPolicy() throws -> PasswordPolicy {
        guard let p = try record(.policy, PasswordPolicy.self, subject: PolicySubjects.policy, keys: nil) else {
            // Format v2 writes the policy at init: a missing one was removed.
            if !file.isLegacy { throw VaultError.corrupt(path: path, part: "the password policy record is missing") }
            return .default
        }
        do { try p.validate() } catch {
            throw VaultError.corrupt(path: path, part: "the stored password policy is below the floors (\(error))")
        }
        return p
    }

    public func policyChecker() throws -> VaultPolicyChecker {
        VaultPolicyChecker(policy: try passwordPolicy(), terminalId: file.header.terminalId, merchantName: try merchantName())
    }
}

extension Settings {
    /// Changes one policy setting (admins). Refuses values beyond the floors.
    public func setPolicy(key: String, value: String, now: Date = Date()) throws -> PasswordPolicy {
        try Permission.changePolicy.require(session)
        var p = try vault.passwordPolicy()
        let before = p
        try p.set(key: key, value: value)
        try p.validate()
        guard p != before else { return p }
        var change = Change()
        try change.put(.policy, subject: PolicySubjects.policy, keyClass: .none, signer: .admin, p)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "policy.set", target: key, detail: value))
        try vault.commit(change, keys: session.keys)
        return p
    }
}
