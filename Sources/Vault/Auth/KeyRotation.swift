import FoundationEssentials

/// Key rotation, as an admin runs it (`vaultcli rekey`; after a demotion or a removal):
/// Rotation.swift.
public struct KeyRotation {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
