import FoundationEssentials

/// What needs attention in the vault, as the unlocked operator may see it (StatusReport.swift).
public struct VaultStatus {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
