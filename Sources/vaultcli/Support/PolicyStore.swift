import FoundationEssentials
import Glibc
import Vault

/// Where the CLI gets the policy checker from: the policy stored in the vault.
enum PolicyStore {
    static func checker(_ vault: Vault) throws -> PasswordRuleChecker {
        try vault.policyChecker()
    }
}

enum PasswordFactory {
    /// A temporary password from the generator's defaults (passes the default policy).
    static func temporary() throws -> String {
        try PasswordGenerator().passwords(PasswordSpec(), count: 1)[0].value
    }
}
