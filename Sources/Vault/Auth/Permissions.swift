import FoundationEssentials
import Glibc

/// The permission matrix (docs/PERMISSIONS.md is its written form; restore needs the backup's key, not a role). Data permissions are also
/// enforced by keys: a cashier's keyslot holds only the shared key, so admin-class data does not
/// decrypt for them whatever the code does.
public enum Permission: String, CaseIterable, Sendable {
    case addOperator = "add operators"
    case resetPassword = "reset another operator's password"
    case unlockOperator = "unlock a locked operator"
    case changeRole = "change an operator's role"
    case disableOperator = "disable or enable an operator"
    case removeOperator = "remove an operator"
    case listOperators = "list operators"
    case readAccounts = "read merchant accounts"
    case changeAccounts = "change merchant accounts"
    case addTransaction = "add transactions"
    case readOwnTransactions = "read own transactions"
    case readAllTransactions = "read, export and summarise all transactions"
    case backup = "back up"
    case changePolicy = "change the password policy"
    case readAudit = "read the audit log"
    case manageRecovery = "manage recovery material"

    /// Whether `role` has this permission, for an action on an operator of `target` role
    /// (where the permission is about other operators).
    public func allows(_ role: Role, target: Role? = nil) -> Bool {
        switch self {
        case .addOperator, .resetPassword, .disableOperator:
            // Admins for anyone; managers for cashiers only.
            return role == .admin || (role == .manager && (target ?? .admin) == .cashier)
        case .unlockOperator:
            // A format-2 unlock is authenticated with the operator's personal key, whose copy a
            // manager holds for cashiers only (issue 11: nothing of other managers' secrets).
            return role == .admin || (role == .manager && (target ?? .admin) == .cashier)
        case .changeRole, .removeOperator, .readAccounts, .changeAccounts, .changePolicy, .manageRecovery:
            return role == .admin
        case .listOperators, .readAllTransactions, .readAudit:
            return role != .cashier
        case .addTransaction, .readOwnTransactions, .backup:
            return true
        }
    }

    /// Throws a clear `permissionDenied` naming the permission.
    public func require(_ session: Session, target: Role? = nil) throws {
        guard allows(session.role, target: target) else {
            let what = target.map { "\(rawValue) (for a \($0.rawValue))" } ?? rawValue
            throw VaultError.permissionDenied(needed: what, role: session.role.rawValue)
        }
    }
}
