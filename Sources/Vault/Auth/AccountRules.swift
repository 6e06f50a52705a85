import FoundationEssentials
import Glibc
import VaultCrypto

// The password rules an operator's account carries beyond the stateless policy (history, expiry,
// first-use change, lockout), and the checker a vault hands the operator code: the stored policy
// plus the vault's own personal data (terminal id, merchant name).

/// The stateful password rules the operator code enforces (the stateless ones are in the policy
/// checker): history, expiry, first-use change, lockout.
public struct AccountRules: Sendable, Equatable {
    public var historyCount = 4
    public var expiryDays = 90
    public var warnDays = 14
    public var lockoutThreshold = 10
    public var lockoutMinutes = 30
    public var mustChangeAfterReset = true
    public init() {}

    public init(_ p: PasswordPolicy) {
        historyCount = p.historyCount
        expiryDays = p.expiryDays
        warnDays = p.expiryWarningDays
        lockoutThreshold = p.lockoutThreshold
        lockoutMinutes = p.lockoutMinutes
        mustChangeAfterReset = p.changeOnFirstUse
    }
}

/// The vault's policy checker: the stateless rules of `PolicyChecker` plus the account rules.
public struct VaultPolicyChecker: PasswordRuleChecker {
    public let policy: PasswordPolicy
    /// The vault's terminal id: refused in every password set in the vault (personal data).
    public let terminalId: String?
    /// The merchant's (shop's) name the vault keeps: refused in every password set in the vault.
    public let merchantName: String?
    public init(policy: PasswordPolicy, terminalId: String? = nil, merchantName: String? = nil) {
        self.policy = policy; self.terminalId = terminalId; self.merchantName = merchantName
    }
    public var accountRules: AccountRules { AccountRules(policy) }
    public func violations(_ password: SecretBytes, context: PersonalContext) -> [PolicyViolation] {
        var ctx = context
        if ctx.terminalId == nil { ctx.terminalId = terminalId }
        if ctx.merchantName == nil { ctx.merchantName = merchantName }
        return PolicyChecker(policy: policy).check(password: password, context: ctx)
    }
}

/// Checks a new password against the stateless policy rules; returns every failing rule in
/// plain words (empty when it passes). The vault passes its stored policy.
public protocol PasswordRuleChecker: Sendable {
    func violations(_ password: SecretBytes, context: PersonalContext) -> [PolicyViolation]
    var accountRules: AccountRules { get }
}
