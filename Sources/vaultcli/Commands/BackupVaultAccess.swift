import Foundation
import Vault

/// Where the backup commands meet the vault store. This is the one file the store's merge
/// changes: `source` hands out the store's `BackupSource` (snapshot under the vault's lock),
/// `defaultRecipients` the recipients the vault keeps (offline recovery key, head office), and
/// `validateRestored` the store's own check of a restored vault before it takes its place.
enum VaultBackupAccess {
    struct StoreMissing: UserFacingError {
        var message: String { "this build of vaultcli has no vault store to take a snapshot from" }
        var hints: [String] { ["build vaultcli from a branch that includes the vault store"] }
        var exitCode: ExitStatus { .failure }
    }

    static func source(vaultPath: String) throws -> BackupSource {
        throw StoreMissing()
    }

    static func defaultRecipients(vaultPath: String) throws -> [AgeRecipient] {
        []
    }

    /// Until the store is merged, the backup's own checks (age header MAC, every chunk, the
    /// container's size and SHA-256) are the checks a restored vault passes.
    static func validateRestored(tempPath: String) throws {}
}
