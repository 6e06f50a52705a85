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
            place. --to names a directory that must exist (a missing one is exit 9: the USB stick is \
            not there); a single file is --to NAME.age or -o FILE. With --require-mount (as the \
            shipped timer uses) the directory must be a mount point on another device than the \
            vault's, so an empty mount point never sends the backup to the internal disk. Examples:
              vaultcli backup --to /media/usb --keep 14 --require-mount
              vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age
            A chain's terminal enrolled with `vaultcli fleet enrol` uploads through rclone with \
            --to rclone:REMOTE:PATH: the backup, sealed to head office, goes to \
            vaultcli/v1/t/<terminal>/<time>-<seq>.age, is read back and compared, and only then \
            gets its signed manifest (docs/fleet.md).
            """
        )

        @OptionGroup var vault: VaultOptions

        @Option(name: .long, help: ArgumentHelp("An existing directory (the USB stick), a file named *.age, - for stdout, or rclone:REMOTE:PATH (an enrolled fleet terminal).", valueName: "dir|file.age|-|rclone:remote:path"),
                completion: .directory)
        var to: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the backup to exactly this file.", valueName: "file"), completion: .file())
        var output: String?

        @Flag(name: .long, help: "Refuse a --to directory that is not a mount point, or that is on the same device as the vault (an unplugged stick's empty mount point).")
        var requireMount = false

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

        @Option(name: .long, help: ArgumentHelp("Keep only the newest N backups of this vault in DIR: files whose authenticated marker names this vault (never by file name alone).", valueName: "n"))
        var keep: Int?

        @OptionGroup var json: JSONFlag

        func validate() throws {
            if let k = keep, k < 1 { throw ValidationError("--keep needs a number of at least 1") }
            switch (to, output) {
            case (nil, nil): throw ValidationError("say where the backup goes: --to DIR (the USB stick), --to NAME.age, -o FILE, or --to - for stdout")
            case (.some, .some): throw ValidationError("choose one of --to and -o/--output")
            default: break
            }
            if let to, RcloneLocation.isLocation(to) {
                if keep != nil { throw ValidationError("--keep does not apply to a fleet remote: head office prunes with `vaultcli fleet prune`") }
                if requireMount || armor || passphrase || !recipients.isEmpty || !recipientsFiles.isEmpty {
                    throw ValidationError("a fleet backup (--to rclone:...) is sealed to the head-office recipients set by `vaultcli fleet enrol`; --recipient, --recipients-file, --passphrase, --armor and --require-mount do not apply")
                }
            }
            if keep != nil && (output != nil || to == "-" || to.map(isFileName) == true) {
                throw ValidationError("--keep applies only when --to names a directory")
            }
            if requireMount && (output != nil || to == "-" || to.map(isFileName) == true) {
                throw ValidationError("--require-mount applies only when --to names a directory")
            }
        }

        /// `--to NAME.age` (or .age.asc with armor) names a file; anything else names a directory.
        private func isFileName(_ p: String) -> Bool {
            !p.hasSuffix("/") && !isDir(p) && (p.hasSuffix(".age") || p.hasSuffix(".asc"))
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

        /// `--to rclone:REMOTE:PATH`: upload, read back, then the signed manifest (docs/fleet.md).
        func fleetBackup(_ to: String) throws {
            let location = try RcloneLocation(parsing: to)
            let progress = ProgressLine("backup:")
            let r: FleetUploader.Result
            do {
                r = try FleetUploader(progress: progress.callback).backup(vaultPath: vault.path, to: location, source: try VaultBackupAccess.source(vaultPath: vault.path))
            } catch {
                progress.done()
                try? Vault.auditBackup(path: vault.path, action: "backup.create", target: to, outcome: "failed")
                throw error
            }
            progress.done()
            for s in r.skipped { Diagnostics.warning("\(s) under this terminal's prefix is not signed by this terminal's key; it was skipped (tell head office)") }
            do {
                try Vault.auditBackup(path: vault.path, action: "backup.create", target: RcloneLocation.scheme + r.objectPath, detail: "\(r.manifest.size) bytes, seq \(r.manifest.seq)")
            } catch {
                Diagnostics.warning("the backup is complete, but it could not be recorded in the audit log: \(error)")
            }
            if json.json {
                Out.json(["path": RcloneLocation.scheme + r.objectPath, "manifest": RcloneLocation.scheme + r.manifestPath, "bytes": r.manifest.size,
                          "seq": r.manifest.seq, "sha256": lowerHex(r.manifest.sha256), "terminal_id": r.manifest.terminalID,
                          "vault_id": r.manifest.vaultID, "created": ISO8601.string(r.manifest.created), "recipients": r.manifest.recipients])
            } else {
                Out.line("backup written: \(Out.text(RcloneLocation.scheme + r.objectPath)) (\(r.manifest.size) bytes, seq \(r.manifest.seq), read back and checked; manifest signed)")
            }
        }

        func run() throws {
            try runReporting {
                // Where it goes is settled before any passphrase is asked.
                let target: BackupWriter.Target
                let to = self.to ?? ""
                if RcloneLocation.isLocation(to) { return try fleetBackup(to) }
                if let output {
                    target = .file(output)
                } else if to == "-" {
                    if !armor && Diagnostics.stdoutIsTTY { throw BackupError.refuseBinaryToTerminal }
                    target = .descriptor(STDOUT_FILENO, name: "standard output")
                } else if isFileName(to) {
                    target = .file(to)
                } else {
                    // A directory was meant: it must be there (never a file made in its place),
                    // and with --require-mount it must be a mounted device of its own.
                    try BackupTargetCheck.directory(to, vaultPath: vault.path, requireMount: requireMount)
                    target = .directory(to)
                }
                let recipients = try recipientList()
                let progress = ProgressLine("backup:")
                let writer = BackupWriter(recipients: recipients, armor: armor, keep: keep, progress: progress.callback)
                let source = try VaultBackupAccess.source(vaultPath: vault.path)
                let result: BackupWriter.Result
                do { result = try writer.write(from: source, to: target) } catch {
                    progress.done()
                    try? Vault.auditBackup(path: vault.path, action: "backup.create", target: output ?? to, outcome: "failed")
                    throw error
                }
                progress.done()
                if keep != nil && !result.marked {
                    Diagnostics.note("--keep deleted nothing: this backup carries no marker of the vault (\(result.noMarkerReason ?? "unknown reason")), and --keep deletes only backups whose authenticated marker names this vault")
                }
                for r in result.suspicious {
                    Diagnostics.warning("\(r) claims to be a backup of this vault, but its marker does not verify or is dated after this backup; it was not deleted (check where it came from)")
                }
                do {
                    try Vault.auditBackup(path: vault.path, action: "backup.create", target: result.path ?? "-",
                                          detail: "\(result.bytesWritten) bytes")
                } catch {
                    Diagnostics.warning("the backup is complete, but it could not be recorded in the audit log: \(error)")
                }
                if json.json && (output != nil || to != "-") {
                    Out.json(["path": result.path ?? "-", "bytes": result.bytesWritten, "removed": result.removed,
                              "terminal_id": result.manifest.terminalID, "vault_id": result.manifest.vaultID,
                              "created": result.manifest.created, "vault_size": result.manifest.vaultSize,
                              "marked": result.marked, "no_marker_reason": result.noMarkerReason ?? JSONNull(),
                              "kept_unmarked": result.keptUnmarked, "suspicious": result.suspicious])
                } else if let p = result.path {
                    Out.line("backup written: \(p) (\(result.bytesWritten) bytes, read back and checked)")
                    for r in result.removed { Out.line("removed old backup: \(r)") }
                    for r in result.keptUnmarked { Out.line("not removed (no marker of this vault; --keep never deletes such files): \(r)") }
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
                        .restore(from: input.fd, inputName: input.name, to: scratch + "/vault", replace: .nothing,
                                 identify: { try Vault.identify(path: $0) }) { temp in
                            let c = try VaultBackupAccess.validateRestored(tempPath: temp)
                            contents = c
                            return c.restored
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
                    Out.raw(Table.render(["CREATED", "BYTES", "FILE"], items.map { [LocalTime.string($0.created), String($0.size), $0.name] }, right: [1]))
                }
            }
        }
    }
}

/// Checks a backup directory the way a shop's USB stick needs: it exists and is a directory
/// (a missing one means the stick is not there: never a file written in its place), and with
/// `requireMount` it is a mount point on another device than the vault's (an empty mount point
/// would send the backup to the internal disk).
enum BackupTargetCheck {
    struct Refused: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .io }
    }

    static func directory(_ dir: String, vaultPath: String, requireMount: Bool) throws {
        var st = stat()
        guard stat(dir, &st) == 0 else {
            let e = errno
            if e == ENOENT || e == ENOTDIR {
                throw Refused(message: "no such directory: \(dir): is the USB stick plugged in and mounted?",
                              hints: ["plug the stick in (`lsblk` shows it, `findmnt \(dir)` shows where it is mounted) and run the backup again",
                                      "to write one file instead, give --to NAME.age or -o FILE"])
            }
            throw BackupError.io(path: dir, operation: "inspect", errno: e)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw Refused(message: "\(dir) is not a directory",
                          hints: ["give the USB stick's directory with --to DIR, or a new file with --to NAME.age or -o FILE"])
        }
        guard requireMount else { return }
        var parent = stat()
        let parentPath = dir.hasSuffix("/") ? dir + ".." : dir + "/.."
        guard stat(parentPath, &parent) == 0 else { throw BackupError.io(path: parentPath, operation: "inspect", errno: errno) }
        let isMountPoint = st.st_dev != parent.st_dev || st.st_ino == parent.st_ino
        if !isMountPoint {
            throw Refused(message: "\(dir) is not a mount point: the USB stick is not mounted there, so the backup would land on this terminal's own disk",
                          hints: ["plug the stick in and check with `findmnt \(dir)`; then run the backup again"])
        }
        var v = stat()
        let vaultDir = vaultPath.lastIndex(of: "/").map { String(vaultPath[..<$0]) } ?? "."
        if stat(vaultDir.isEmpty ? "." : vaultDir, &v) == 0 && v.st_dev == st.st_dev {
            throw Refused(message: "\(dir) is on the same device as the vault: a backup there is lost with the terminal",
                          hints: ["back up to a USB stick or another disk, mounted at its own directory"])
        }
    }
}
