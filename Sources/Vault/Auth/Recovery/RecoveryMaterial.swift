import FoundationEssentials

/// The vault's recovery material, as the unlocked operator manages it: recovery codes
/// (RecoveryCodes.swift), the recovery lock (RecoveryLockout.swift), their own recovery
/// questions (RecoveryQuestions.swift) and offline recovery keys (Backup/VaultSnapshot.swift).
public struct RecoveryMaterial {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
