import FoundationEssentials
import Glibc
import Vault

/// Where the backup commands meet the vault store.
enum VaultBackupAccess {
    /// A snapshot taken under the vault's lock (needs no password).
    static func source(vaultPath: String) throws -> BackupSource {
        VaultSnapshotSource(path: vaultPath)
    }

    /// The recipients the vault keeps (offline recovery key, head office keys).
    static func defaultRecipients(vaultPath: String) throws -> [AgeRecipient] {
        try Vault.defaultBackupRecipients(path: vaultPath).map { try AgeRecipient.parse($0) }
    }

    /// The store's own check of a restored vault before it takes its place: header, format
    /// version, KDF floor, every frame's structure, the chain and the index.
    @discardableResult
    static func validateRestored(tempPath: String) throws -> VaultContents {
        try Vault.inspectFile(path: tempPath)
    }
}
