import FoundationEssentials

/// The operators, as the unlocked operator may see and manage them: look-ups, add, role,
/// disable and enable, remove, unlock (OperatorManagement.swift), passwords
/// (PasswordChange.swift) and contact details (OperatorContact.swift).
public struct Operators {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
