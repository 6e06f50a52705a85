import ArgumentParser
import Catalog
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: tr(.helpBackup),
            subcommands: [BackupCreate.self, BackupVerify.self, BackupList.self],
            defaultSubcommand: BackupCreate.self
        )
    }

    struct BackupCreate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: tr(.helpBackupCreate),
            discussion: tr(.dBackupCreate)
        )

        @OptionGroup var vault: VaultOptions

        @Option(name: .long, help: ArgumentHelp(tr(.hBackupTo), valueName: "dir|file.age|-|rclone:remote:path"),
                completion: .directory)
        var to: String?

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp(tr(.hBackupOutput), valueName: "file"), completion: .file())
        var output: String?

        @Flag(name: .long, help: ArgumentHelp(tr(.hRequireMount)))
        var requireMount = false

        @Option(name: [.short, .customLong("recipient")], help: ArgumentHelp(tr(.hRecipient), valueName: "age1..."))
        var recipients: [String] = []

        @Option(name: [.customShort("R"), .customLong("recipients-file")], help: ArgumentHelp(tr(.hRecipientsFile), valueName: "file"),
                completion: .file())
        var recipientsFiles: [String] = []

        @Flag(name: .long, help: ArgumentHelp(tr(.hPassphrase)))
        var passphrase = false

        @OptionGroup var secret: PasswordSource

        @Flag(name: [.short, .long], help: ArgumentHelp(tr(.hArmor)))
        var armor = false

        @Option(name: .long, help: ArgumentHelp(tr(.hKeep), valueName: "n"))
        var keep: Int?

        @OptionGroup var json: JSONFlag

        func validate() throws {
            if let k = keep, k < 1 { throw ValidationError(tr(.bkKeepAtLeastOne)) }
            switch (to, output) {
            case (nil, nil): throw ValidationError(tr(.bkSayWhere))
            case (.some, .some): throw ValidationError(tr(.bkChooseToOrOutput))
            default: break
            }
            if let to, RcloneLocation.isLocation(to) {
                if keep != nil { throw ValidationError(tr(.bkKeepFleet)) }
                if requireMount || armor || passphrase || !recipients.isEmpty || !recipientsFiles.isEmpty {
                    throw ValidationError(tr(.bkFleetOptions))
                }
            }
            if keep != nil && (output != nil || to == "-" || to.map(isFileName) == true) {
                throw ValidationError(tr(.bkKeepOnlyDirectory))
            }
            if requireMount && (output != nil || to == "-" || to.map(isFileName) == true) {
                throw ValidationError(tr(.bkRequireMountOnlyDirectory))
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
                return [.passphrase(try secret.readNew(prompt: tr(.promptBackupPassphrase)))]
            }
            if out.isEmpty { out = try VaultBackupAccess.defaultRecipients(vaultPath: vault.path) }
            if out.isEmpty { throw BackupError.noRecipients }
            return out
        }

        /// `--to rclone:REMOTE:PATH`: upload, read back, then the signed manifest (docs/fleet.md).
        func fleetBackup(_ to: String) throws {
            let location = try RcloneLocation(parsing: to)
            let progress = ProgressLine(tr(.progressBackup))
            let r: FleetUploader.Result
            do {
                r = try FleetUploader(progress: progress.callback).backup(vaultPath: vault.path, to: location, source: try VaultBackupAccess.source(vaultPath: vault.path))
            } catch {
                progress.done()
                try? Vault.auditBackup(path: vault.path, action: "backup.create", target: to, outcome: "failed")
                throw error
            }
            progress.done()
            for s in r.skipped { Diagnostics.warning(tr(.bkFleetSkipped, s)) }
            do {
                try Vault.auditBackup(path: vault.path, action: "backup.create", target: RcloneLocation.scheme + r.objectPath, detail: "\(r.manifest.size) bytes, seq \(r.manifest.seq)")
            } catch {
                Diagnostics.warning(tr(.bkAuditNotRecorded, error))
            }
            if json.json {
                Out.json(["path": RcloneLocation.scheme + r.objectPath, "manifest": RcloneLocation.scheme + r.manifestPath, "bytes": r.manifest.size,
                          "seq": r.manifest.seq, "sha256": lowerHex(r.manifest.sha256), "terminal_id": r.manifest.terminalID,
                          "vault_id": r.manifest.vaultID, "created": ISO8601.string(r.manifest.created), "recipients": r.manifest.recipients])
            } else {
                Out.line(tr(.bkFleetWritten, Out.text(RcloneLocation.scheme + r.objectPath), r.manifest.size, r.manifest.seq))
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
                    target = .descriptor(STDOUT_FILENO, name: tr(.srcStandardOutput))
                } else if isFileName(to) {
                    target = .file(to)
                } else {
                    // A directory was meant: it must be there (never a file made in its place),
                    // and with --require-mount it must be a mounted device of its own.
                    try BackupTargetCheck.directory(to, vaultPath: vault.path, requireMount: requireMount)
                    target = .directory(to)
                }
                let recipients = try recipientList()
                let progress = ProgressLine(tr(.progressBackup))
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
                    Diagnostics.note(tr(.bkKeepDeletedNothing, result.noMarkerReason.map(ErrorText.detail) ?? tr(.unknownReason)))
                }
                for r in result.suspicious {
                    Diagnostics.warning(tr(.bkSuspicious, r))
                }
                do {
                    try Vault.auditBackup(path: vault.path, action: "backup.create", target: result.path ?? "-",
                                          detail: "\(result.bytesWritten) bytes")
                } catch {
                    Diagnostics.warning(tr(.bkAuditNotRecorded, error))
                }
                if json.json && (output != nil || to != "-") {
                    Out.json(["path": result.path ?? "-", "bytes": result.bytesWritten, "removed": result.removed,
                              "terminal_id": result.manifest.terminalID, "vault_id": result.manifest.vaultID,
                              "created": result.manifest.created, "vault_size": result.manifest.vaultSize,
                              "marked": result.marked, "no_marker_reason": result.noMarkerReason ?? JSONNull(),
                              "kept_unmarked": result.keptUnmarked, "suspicious": result.suspicious])
                } else if let p = result.path {
                    Out.line(tr(.bkWritten, p, result.bytesWritten))
                    for r in result.removed { Out.line(tr(.bkRemovedOld, r)) }
                    for r in result.keptUnmarked { Out.line(tr(.bkNotRemovedUnmarked, r)) }
                } else {
                    Diagnostics.note(tr(.bkWrittenStdout, result.bytesWritten))
                }
            }
        }
    }

    struct BackupVerify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: tr(.hBackupVerify)
        )

        @Argument(help: ArgumentHelp(tr(.hBackupFileOrStdin), valueName: "file|-"), completion: .file())
        var file: String

        @OptionGroup var identity: IdentityOptions
        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let ids = try identity.load()
                let input = try openInput(file)
                defer { if input.close { close(input.fd) } }
                let progress = ProgressLine(tr(.progressVerify))
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
                } else { printSummary(s, verb: tr(.sumVerbOK), contents: contents) }
            }
        }
    }

    struct BackupList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: tr(.hBackupList)
        )

        @Argument(help: ArgumentHelp(tr(.hDirectory), valueName: "dir"), completion: .directory)
        var dir: String

        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let items = try BackupWriter.list(dir: dir)
                let f = ISOTime()
                if json.json {
                    Out.json(items.map { ["name": $0.name, "path": $0.path, "terminal_id": $0.terminalID, "created": f.string(from: $0.created), "size": $0.size] as [String: Any] })
                } else if items.isEmpty {
                    Diagnostics.note(tr(.bkListNone, dir))
                } else {
                    Out.raw(Table.render([tr(.colCreated), tr(.colBytes), tr(.colFile)], items.map { [LocalTime.string($0.created), String($0.size), $0.name] }, right: [1]))
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
                throw Refused(message: tr(.bkNoSuchDirectory, dir), hints: [tr(.bkNoSuchDirectoryHint1, dir), tr(.bkNoSuchDirectoryHint2)])
            }
            throw BackupError.io(path: dir, operation: "inspect", errno: e)
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw Refused(message: tr(.bkNotADirectory, dir), hints: [tr(.bkNotADirectoryHint)])
        }
        guard requireMount else { return }
        var parent = stat()
        let parentPath = dir.hasSuffix("/") ? dir + ".." : dir + "/.."
        guard stat(parentPath, &parent) == 0 else { throw BackupError.io(path: parentPath, operation: "inspect", errno: errno) }
        let isMountPoint = st.st_dev != parent.st_dev || st.st_ino == parent.st_ino
        if !isMountPoint {
            throw Refused(message: tr(.bkNotAMountPoint, dir), hints: [tr(.bkNotAMountPointHint, dir)])
        }
        var v = stat()
        let vaultDir = vaultPath.lastIndex(of: "/").map { String(vaultPath[..<$0]) } ?? "."
        if stat(vaultDir.isEmpty ? "." : vaultDir, &v) == 0 && v.st_dev == st.st_dev {
            throw Refused(message: tr(.bkSameDevice, dir), hints: [tr(.bkSameDeviceHint)])
        }
    }
}
