import ArgumentParser
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Restore the vault from a backup (a file, or - for stdin).",
            discussion: """
            Everything is decrypted and checked before the restored vault takes the place of \
            anything: a truncated or tampered backup leaves nothing behind. An existing vault is \
            refused unless --force (a backup of the same vault: same vault id and terminal id) or \
            --replace-vault (a backup of another vault, or a file that is no vault); either first \
            moves it to <vault>.before-restore-<UTC time>, never deleted.
            """
        )

        @Argument(help: ArgumentHelp("The backup file, or - for stdin.", valueName: "file|-"), completion: .file())
        var file: String

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions

        @Flag(name: .long, help: "Replace an existing vault with a backup of the same vault (it is moved aside, never deleted).")
        var force = false

        @Flag(name: .customLong("replace-vault"),
              help: "Replace an existing vault even with a backup of another vault, or a file that cannot be identified (moved aside, never deleted).")
        var replaceVault = false

        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let ids = try identity.load()
                let input = try openInput(file)
                defer { if input.close { close(input.fd) } }
                let progress = ProgressLine("restore:")
                let r: BackupReader.RestoreResult
                var contents: VaultContents?
                do {
                    // No other vaultcli may write to the vault while it is replaced.
                    r = try Vault.withExclusiveLock(path: vault.path) {
                        try BackupReader(identities: ids, progress: progress.callback)
                            .restore(from: input.fd, inputName: input.name, to: vault.path,
                                     replace: replaceVault ? .anyVault : force ? .sameVault : .nothing,
                                     identify: { try Vault.identify(path: $0) }) { temp in
                                let c = try VaultBackupAccess.validateRestored(tempPath: temp)
                                contents = c
                                return c.restored
                            }
                    }
                } catch { progress.done(); throw error }
                progress.done()
                // An older copy is now in place on purpose: admins' last-seen records of this
                // vault start afresh (else their next login would report a rollback).
                Vault.forgetLastSeen(vaultIdHex: r.summary.manifest.vaultID, directory: VaultLocation.stateDirectory())
                do {
                    try Vault.auditBackup(path: r.vaultPath, action: "backup.restore", target: input.name,
                                          detail: "backup of \(r.summary.manifest.created)")
                } catch {
                    Diagnostics.warning("the vault is restored, but the restore could not be recorded in its audit log: \(error)")
                }
                if json.json {
                    var j = summaryJSON(r.summary, contents: contents)
                    j["vault"] = r.vaultPath
                    j["moved_aside"] = r.movedAside ?? JSONNull()
                    j["replaced_vault_id"] = r.replaced?.vaultId ?? JSONNull()
                    j["replaced_terminal_id"] = r.replaced?.terminalId ?? JSONNull()
                    Out.json(j)
                } else {
                    printSummary(r.summary, verb: "restored to \(r.vaultPath)", contents: contents)
                    if let a = r.movedAside {
                        if let old = r.replaced, old != r.restored {
                            Out.line("  replaced vault \(old.vaultId) (terminal \(old.terminalId)); it was moved to \(a)")
                        } else if r.replaced == nil {
                            Out.line("  the previous file (not identified as a vault) was moved to \(a)")
                        } else {
                            Out.line("  the previous vault was moved to \(a)")
                        }
                    }
                }
            }
        }
    }
}
