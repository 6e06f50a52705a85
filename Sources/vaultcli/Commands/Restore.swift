import ArgumentParser
import Catalog
import Dispatch
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

extension VaultCLI {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: tr(.helpRestore),
            discussion: tr(.dRestore)
        )

        @Argument(help: ArgumentHelp(tr(.hRestoreFile), valueName: "file|-|rclone:remote:path"), completion: .file())
        var file: String

        @Option(name: .long, help: ArgumentHelp(tr(.hRoster), valueName: "file"),
                completion: .file())
        var roster: String?

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions

        @Flag(name: .long, help: ArgumentHelp(tr(.hForce)))
        var force = false

        @Flag(name: .customLong("replace-vault"),
              help: ArgumentHelp(tr(.hReplaceVault)))
        var replaceVault = false

        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                if RcloneLocation.isLocation(file) { try checkPrivateIdentityFiles(identity.identities) }
                let ids = try identity.load()
                let remote = try RemoteInput.open(file, roster: roster)
                let input = try remote?.input ?? openInput(file)
                defer { if input.close { close(input.fd) } }
                let progress = ProgressLine(tr(.progressRestore))
                let r: BackupReader.RestoreResult
                var contents: VaultContents?
                do {
                    // No other vaultcli may write to the vault while it is replaced.
                    r = try Vault.withExclusiveLock(path: vault.path) {
                        try BackupReader(identities: ids, progress: progress.callback)
                            .restore(from: input.fd, inputName: input.name, to: vault.path,
                                     replace: replaceVault ? .anyVault : force ? .sameVault : .nothing,
                                     identify: { try Vault.identify(path: $0) }) { temp in
                                try remote?.checkComplete()
                                let c = try VaultBackupAccess.validateRestored(tempPath: temp)
                                contents = c
                                return c.restored
                            }
                    }
                } catch {
                    progress.done()
                    if let e = remote?.finish() { throw e }
                    throw error
                }
                if let e = remote?.finish() { throw e }
                if remote != nil && roster == nil {
                    Diagnostics.note(tr(.rsNoRoster))
                }
                progress.done()
                // An older copy is now in place on purpose: admins' last-seen records of this
                // vault start afresh (else their next login would report a rollback).
                Vault.forgetLastSeen(vaultIdHex: r.summary.manifest.vaultID, directory: VaultLocation.stateDirectory())
                do {
                    try Vault.auditBackup(path: r.vaultPath, action: "backup.restore", target: input.name,
                                          detail: "backup of \(r.summary.manifest.created)")
                } catch {
                    Diagnostics.warning(tr(.rsAuditNotRecorded, error))
                }
                if json.json {
                    var j = summaryJSON(r.summary, contents: contents)
                    j["vault"] = r.vaultPath
                    j["moved_aside"] = r.movedAside ?? JSONNull()
                    j["replaced_vault_id"] = r.replaced?.vaultId ?? JSONNull()
                    j["replaced_terminal_id"] = r.replaced?.terminalId ?? JSONNull()
                    Out.json(j)
                } else {
                    printSummary(r.summary, verb: tr(.sumVerbRestored, r.vaultPath), contents: contents)
                    if let a = r.movedAside {
                        if let old = r.replaced, old != r.restored {
                            Out.line(tr(.rsReplaced, old.vaultId, old.terminalId, a))
                        } else if r.replaced == nil {
                            Out.line(tr(.rsMovedUnidentified, a))
                        } else {
                            Out.line(tr(.rsMovedPrevious, a))
                        }
                    }
                }
            }
        }
    }
}

/// A fleet backup streamed from the object store by `rclone cat` into the restore, hashed on
/// the way; with a roster, its manifest is checked first and its SHA-256 and size before the
/// restored vault takes the place of anything.
final class RemoteInput: @unchecked Sendable {
    let input: (fd: Int32, name: String, close: Bool)
    let sink = SHA256Sink()
    let expected: FleetManifest?
    let done = DispatchSemaphore(value: 0)
    var failure: Error?
    var finished = false

    private init(input: (fd: Int32, name: String, close: Bool), expected: FleetManifest?) {
        self.input = input
        self.expected = expected
    }

    static func open(_ file: String, roster: String?) throws -> RemoteInput? {
        guard RcloneLocation.isLocation(file) else {
            if roster != nil { throw ValidationError(tr(.rsRosterOnlyRclone)) }
            return nil
        }
        let loc = try RcloneLocation(parsing: file)
        guard loc.root.hasSuffix(".age") else { throw FleetError.badLocation(tr(.rsNotBackupObject, file)) }
        let rclone = Rclone()
        var expected: FleetManifest? = nil
        if let roster {
            let parts = loc.root.split(separator: "/")
            guard parts.count >= 3, parts.dropLast(2).joined(separator: "/").hasSuffix(RcloneLocation.terminalsFolder) else {
                throw FleetError.badLocation(tr(.rsNotFleetBackup, file))
            }
            let terminal = String(parts[parts.count - 2])
            let text: String
            do { text = try String(contentsOfFile: roster, encoding: .utf8) } catch { throw BackupError.io(path: roster, operation: "read", errno: ENOENT) }
            guard let key = try FleetRoster.parse(text, path: roster).key(for: terminal) else {
                throw FleetError.manifestRefused(name: file, reason: tr(.rsNotInRoster, terminal))
            }
            let mpath = String(loc.root.dropLast(4)) + ".manifest"
            let name = String(mpath.split(separator: "/").last ?? "")
            let bytes = try rclone.output("read", mpath, ["cat", mpath])
            let m = try FleetManifest.verify(bytes, name: name, expectedSigner: key)
            guard m.terminalID == terminal else { throw FleetError.manifestRefused(name: name, reason: tr(.rsNamesTerminal, m.terminalID, terminal)) }
            expected = m
        }
        var p: [Int32] = [0, 0]
        guard pipe(&p) == 0 else { throw BackupError.io(path: "pipe", operation: "create", errno: errno) }
        _ = fcntl(p[0], F_SETFD, FD_CLOEXEC); _ = fcntl(p[1], F_SETFD, FD_CLOEXEC)
        let r = RemoteInput(input: (p[0], file, false), expected: expected)
        let w = p[1]
        let target = loc.root
        DispatchQueue.global().async {
            do {
                try rclone.check("download", target, ["cat", target], consumer: { b in
                    r.sink.update(b)
                    var off = 0
                    while off < b.count {
                        let n = write(w, b.baseAddress! + off, b.count - off)
                        if n < 0 { if errno == EINTR { continue }; throw BackupError.io(path: "the restore", operation: "feed", errno: errno) }
                        off += n
                    }
                })
            } catch { r.failure = error }
            close(w)
            r.done.signal()
        }
        return r
    }

    /// Called once the backup was read to its end: the download must have succeeded and, with a
    /// roster, match the signed manifest.
    func checkComplete() throws {
        if let e = finish() { throw e }
        if let m = expected, sink.bytes != m.size || !constantTimeEqual(sink.digest(), m.sha256) {
            throw FleetError.manifestRefused(name: input.name, reason: tr(.flBytesNotSigned))
        }
    }

    /// Waits for rclone; its failure, if any.
    @discardableResult
    func finish() -> Error? {
        if !finished {
            // The reader may have stopped early: closing our end makes the feeding thread's
            // write fail, which stops rclone.
            close(input.fd)
            done.wait()
            finished = true
        }
        return failure
    }
}
