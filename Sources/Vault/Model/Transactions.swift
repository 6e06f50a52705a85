import FoundationEssentials

/// The transaction records, as the unlocked operator may read and write them (a cashier sees
/// their own): add, list, export, summarise (TxStore.swift) and import (TxImport.swift).
public struct Transactions {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
