import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

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

    /// A temporary password a cashier can read aloud and type on a touchscreen: four words from
    /// the EFF list and a digit, joined by dashes (about 52 bits; it is changed at first login),
    /// drawn until it passes the vault's policy for that operator.
    static func readable(checker: PasswordRuleChecker, context: PersonalContext) throws -> String {
        let g = PasswordGenerator()
        for _ in 0..<50 {
            let candidate = try g.passphrases(PassphraseSpec(words: 4, separator: "-", capitalize: false, withNumber: true), count: 1)[0].value
            if checker.violations(try SecretBytes(utf8: candidate), context: context).isEmpty { return candidate }
        }
        // A policy no four-word draw meets (say min-length above 40): the strong form instead.
        return try temporary()
    }
}
