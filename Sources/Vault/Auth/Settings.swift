import FoundationEssentials

/// The vault's signed settings, as an admin changes them: the password policy
/// (Password/VaultPolicy.swift) and the merchant's name (MerchantName.swift).
public struct Settings {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
