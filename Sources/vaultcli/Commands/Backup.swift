import ArgumentParser
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Seal the vault into an age backup; verify or list backups.",
            subcommands: [BackupCreate.self, BackupVerify.self, BackupList.self],
            defaultSubcommand: BackupCreate.self
        )
    }

    struct BackupCreate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Back up the vault to a directory, a file, or stdout (-). Needs no password.",
            discussion: """
            A DIR gets vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age. The file is written next to its \
            final name, synced, read back from the device and compared, and only then renamed into \
            place. Examples:
              vaultcli backup --to /media/usb --keep 14
              vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age
            """
        )

        @OptionGroup var vault: VaultOptions

        @Option(name: .long, help: ArgumentHelp("A directory, a file, or - for stdout.", valueName: "dir|file|-"), completion: .directory)
        var to: String

        @Option(name: [.short, .customLong("recipient")], help: ArgumentHelp("An age recipient (age1...); repeatable.", valueName: "age1..."))
        var recipients: [String] = []

        @Option(name: [.customShort("R"), .customLong("recipients-file")], help: ArgumentHelp("A file of age1... recipients, one a line; repeatable.", valueName: "file"),
                completion: .file())
        var recipientsFiles: [String] = []

        @Flag(name: .long, help: "Seal with a passphrase (asked twice on the terminal, or --password-stdin / --password-file). It cannot be combined with recipients.")
        var passphrase = false

        @OptionGroup var secret: PasswordSource

        @Flag(name: [.short, .long], help: "Write ASCII armor instead of binary.")
        var armor = false

        @Option(name: .long, help: ArgumentHelp("Keep only the newest N backups of this terminal in DIR.", valueName: "n"))
        var keep: Int?

        @OptionGroup var json: JSONFlag

        func validate() throws {
            if let k = keep, k < 1 { throw ValidationError("--keep needs a number of at least 1") }
            if keep != nil && (to == "-" || !FileManager.default.fileExists(atPath: to)) && !isDir(to) {
                throw ValidationError("--keep applies only when --to names a directory")
            }
        }

        private func isDir(_ p: String) -> Bool {
            var st = stat()
            return stat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
        }

        func recipientList() throws -> [AgeRecipient] {
            var out = try recipients.map { try AgeRecipient.parse($0) }
            for f in recipientsFiles {
                let text: String
                do { text = try String(contentsOfFile: f, encoding: .utf8) } catch { throw BackupError.io(path: f, operation: "read", errno: ENOENT) }
                out += try AgeRecipient.parseFile(contents: text, path: f)
            }
            if passphrase {
                if !out.isEmpty { throw BackupError.passphraseNotAlone }
                return [.passphrase(try secret.readNew(prompt: "Backup passphrase: "))]
            }
            if out.isEmpty { out = try VaultBackupAccess.defaultRecipients(vaultPath: vault.path) }
            if out.isEmpty { throw BackupError.noRecipients }
            return out
        }

        func run() throws {
            try runReporting {
                let recipients = try recipientList()
                let target: BackupWriter.Target
                if to == "-" {
                    if !armor && Diagnostics.stdoutIsTTY { throw BackupError.refuseBinaryToTerminal }
                    target = .descriptor(STDOUT_FILENO, name: "standard output")
                } else if isDir(to) {
                    target = .directory(to)
                } else {
                    target = .file(to)
                }
                let progress = ProgressLine("backup:")
                let writer = BackupWriter(recipients: recipients, armor: armor, keep: keep, progress: progress.callback)
                let source = try VaultBackupAccess.source(vaultPath: vault.path)
                let result: BackupWriter.Result
                do { result = try writer.write(from: source, to: target) } catch {
                    progress.done()
                    try? Vault.auditBackup(path: vault.path, action: "backup.create", target: to, outcome: "failed")
                    throw error
                }
                progress.done()
                do {
                    try Vault.auditBackup(path: vault.path, action: "backup.create", target: result.path ?? "-",
                                          detail: "\(result.bytesWritten) bytes")
                } catch {
                    Diagnostics.warning("the backup is complete, but it could not be recorded in the audit log: \(error)")
                }
                if json.json && to != "-" {
                    Out.json(["path": result.path ?? "-", "bytes": result.bytesWritten, "removed": result.removed,
                              "terminal_id": result.manifest.terminalID, "created": result.manifest.created,
                              "vault_size": result.manifest.vaultSize])
                } else if let p = result.path {
                    Out.line("backup written: \(p) (\(result.bytesWritten) bytes, read back and checked)")
                    for r in result.removed { Out.line("removed old backup: \(r)") }
                } else {
                    Diagnostics.note("backup written to standard output (\(result.bytesWritten) bytes)")
                }
            }
        }
    }

    struct BackupVerify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Decrypt and check a whole backup without writing a vault; print what it holds."
        )

        @Argument(help: ArgumentHelp("The backup file, or - for stdin.", valueName: "file|-"), completion: .file())
        var file: String

        @OptionGroup var identity: IdentityOptions
        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let ids = try identity.load()
                let input = try openInput(file)
                defer { if input.close { close(input.fd) } }
                let progress = ProgressLine("verify:")
                // Decrypt into a private scratch directory, check the vault inside as a restore
                // would (structure, chain, index), count what it holds, then remove it.
                let scratch = FileManager.default.temporaryDirectory.path + "/vaultcli-verify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                guard mkdir(scratch, 0o700) == 0 else { throw BackupError.io(path: scratch, operation: "create", errno: errno) }
                defer { try? FileManager.default.removeItem(atPath: scratch) }
                var contents: VaultContents?
                let s: BackupReader.Summary
                do {
                    s = try BackupReader(identities: ids, progress: progress.callback)
                        .restore(from: input.fd, inputName: input.name, to: scratch + "/vault", force: false) { temp in
                            contents = try VaultBackupAccess.validateRestored(tempPath: temp)
                        }.summary
                } catch { progress.done(); throw error }
                progress.done()
                if json.json {
                    var j = summaryJSON(s, contents: contents)
                    j["ok"] = true
                    Out.json(j)
                } else { printSummary(s, verb: "backup OK", contents: contents) }
            }
        }
    }

    struct BackupList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the vaultcli backups in a directory, newest first (time from the file name)."
        )

        @Argument(help: ArgumentHelp("The directory.", valueName: "dir"), completion: .directory)
        var dir: String

        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let items = try BackupWriter.list(dir: dir)
                let f = ISOTime()
                if json.json {
                    Out.json(items.map { ["name": $0.name, "path": $0.path, "terminal_id": $0.terminalID, "created": f.string(from: $0.created), "size": $0.size] as [String: Any] })
                } else if items.isEmpty {
                    Diagnostics.note("no vaultcli backups in \(dir)")
                } else {
                    for i in items { Out.line("\(f.string(from: i.created))  \(String(i.size).padded(12))  \(i.name)") }
                }
            }
        }
    }
}
