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
    struct Fleet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fleet",
            abstract: tr(.helpFleet),
            discussion: tr(.flDiscussion),
            subcommands: [Enrol.self, List.self, Prune.self, Verify.self, Backfill.self]
        )
    }
}

/// What head office names on every fleet command: the bucket and the roster.
struct FleetTarget: ParsableArguments {
    @Argument(help: ArgumentHelp(tr(.hFleetRemote), valueName: "rclone:remote:path"))
    var remote: String

    @Option(name: .long, help: ArgumentHelp(tr(.hFleetRoster), valueName: "file"),
            completion: .file())
    var roster: String

    func location() throws -> RcloneLocation { try RcloneLocation(parsing: remote) }

    func loadRoster() throws -> FleetRoster {
        let text: String
        do { text = try String(contentsOfFile: roster, encoding: .utf8) } catch { throw BackupError.io(path: roster, operation: "read", errno: ENOENT) }
        return try FleetRoster.parse(text, path: roster)
    }
}

/// Head office's identity must be in a file nobody else can read.
func checkPrivateIdentityFiles(_ paths: [String]) throws {
    for p in paths {
        var st = stat()
        guard stat(p, &st) == 0 else { throw BackupError.io(path: p, operation: "read", errno: errno) }
        if st.st_mode & 0o077 != 0 { throw FleetError.identityFileExposed(path: p) }
    }
}

func humanBytes(_ n: Int64) -> String {
    if n < 1_000_000 { return "\(fixedPoint(Double(n) / 1e3, decimals: 1)) kB" }
    if n < 1_000_000_000 { return "\(fixedPoint(Double(n) / 1e6, decimals: 1)) MB" }
    return "\(fixedPoint(Double(n) / 1e9, decimals: 2)) GB"
}

func humanAge(_ t: TimeInterval) -> String {
    let s = Int(max(0, t))
    if s < 3600 { return "\(s / 60)m" }
    if s < 172_800 { return "\(s / 3600)h\(zeroPadded((s % 3600) / 60, width: 2))m" }
    return "\(s / 86400)d\(s % 86400 / 3600)h"
}

extension VaultCLI.Fleet {
    struct Enrol: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enrol",
            abstract: tr(.hFleetEnrol),
            discussion: tr(.dFleetEnrol)
        )
        @Option(name: .long, help: ArgumentHelp(tr(.hFleetEnrolRemote), valueName: "rclone:remote:path"))
        var remote: String

        @Option(name: [.short, .customLong("recipient")], help: ArgumentHelp(tr(.hFleetRecipient), valueName: "age1..."))
        var recipients: [String] = []

        @Option(name: [.customShort("R"), .customLong("recipients-file")], help: ArgumentHelp(tr(.hFleetRecipientsFile), valueName: "file"), completion: .file())
        var recipientsFiles: [String] = []

        @Flag(name: .customLong("new-key"), help: ArgumentHelp(tr(.hFleetNewKey)))
        var newKey = false

        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var json: JSONFlag

        func validate() throws {
            guard RcloneLocation.isLocation(remote) else { throw ValidationError(tr(.flRemoteForm)) }
            if recipients.isEmpty && recipientsFiles.isEmpty { throw ValidationError(tr(.flNameRecipients)) }
        }

        func run() throws {
            var all = recipients
            for f in recipientsFiles {
                let text: String
                do { text = try String(contentsOfFile: f, encoding: .utf8) } catch { throw ValidationError(tr(.flCannotRead, f)) }
                for line in text.split(separator: "\n") {
                    let t = line.trimmed(.whitespaces)
                    if t.isEmpty || t.hasPrefix("#") { continue }
                    all.append(t)
                }
            }
            try actor.run(vault) { v, me in
                let e = try me.backups.enrolFleet(remote: remote, recipients: all, newKey: newKey)
                if json.json {
                    Out.json(["terminal_id": e.terminalID, "vault_id": e.vaultID, "remote": e.remote, "recipients": e.recipients,
                              "signing_public_key": "ed25519:" + lowerHex(e.signingPublicKey), "roster_line": e.rosterLine])
                } else {
                    Out.line(tr(.flEnrolled, Out.text(e.terminalID), Out.text(e.remote), e.recipients.count))
                    Out.line(tr(.flAddRosterLine))
                    Out.line(e.rosterLine)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: tr(.hFleetList),
            discussion: tr(.dFleetList)
        )
        @OptionGroup var target: FleetTarget
        @Option(name: .customLong("late-after"), help: ArgumentHelp(tr(.hLateAfter), valueName: "hours"))
        var lateAfter: Double = 26
        @Option(name: .customLong("old-recipient"), help: ArgumentHelp(tr(.hOldRecipient), valueName: "age1..."))
        var oldRecipients: [String] = []
        @OptionGroup var json: JSONFlag

        func run() throws {
            try runReporting {
                let inspector = FleetInspector(location: try target.location(), roster: try target.loadRoster(), lateAfter: lateAfter * 3600)
                let objects = try inspector.listing()
                let report = try inspector.report(objects)
                let now = inspector.now
                let old = Set(oldRecipients)
                if json.json {
                    Out.json([
                        "remote": target.remote, "objects": report.objects, "needs_attention": report.needsAttention,
                        "terminals": report.terminals.map { s -> [String: Any] in
                            [
                                "terminal_id": s.terminal, "state": s.state.rawValue, "count": s.count, "bytes": s.bytes,
                                "newest": s.newest.map { n -> [String: Any] in
                                    ["object": n.objectName, "seq": n.seq, "created": ISO8601.string(n.created), "size": n.size,
                                     "age_seconds": Int(now.timeIntervalSince(n.created)), "recipients": n.recipients,
                                     "sealed_to_old_recipient": !old.isDisjoint(with: n.recipients)]
                                } ?? JSONNull(),
                                "incomplete": s.incomplete,
                                "refused": s.refused.map { ["object": $0.name, "reason": $0.reason.description] },
                                "needs_attention": s.needsAttention,
                            ]
                        },
                        "unknown_prefixes": report.unknown.map { ["terminal_id": $0.terminal, "objects": $0.objects] },
                    ])
                } else {
                    let rows = report.terminals.map { s -> [String] in
                        var note: [String] = []
                        if !s.refused.isEmpty { note.append(tr(.flRefused, s.refused.count, s.refused[0].name, FleetDetailText.manifest(s.refused[0].reason))) }
                        if !s.incomplete.isEmpty { note.append(tr(.flIncomplete, s.incomplete.count)) }
                        if let n = s.newest, !old.isDisjoint(with: n.recipients) { note.append(tr(.flOldRecipient)) }
                        return [s.terminal, s.state.rawValue, s.newest.map { LocalTime.string($0.created) } ?? "-",
                                s.newest.map { humanAge(now.timeIntervalSince($0.created)) } ?? "-", "\(s.count)", humanBytes(s.bytes), note.joined(separator: "; ")]
                    }
                    let head = [tr(.colTerminal), tr(.colState), tr(.colNewestVerified), tr(.colAge), tr(.colCount), tr(.colBytes), tr(.colNote)]
                    Out.raw(Table.render(head, rows, right: [4, 5]))
                    for u in report.unknown { Out.line(tr(.flNotInRoster, Out.text(u.terminal), u.objects)) }
                    let bad = report.terminals.filter { $0.needsAttention }.count
                    Out.line(tr(.flListSummary, report.terminals.count, report.objects, bad))
                }
                if report.needsAttention { throw ExitCode(ExitStatus.failure.rawValue) }
            }
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: tr(.hFleetPrune),
            discussion: tr(.dFleetPrune)
        )
        @OptionGroup var target: FleetTarget
        @Option(name: .customLong("keep-daily"), help: ArgumentHelp(tr(.hKeepDaily), valueName: "n"))
        var keepDaily: Int = 7
        @Option(name: .customLong("keep-weekly"), help: ArgumentHelp(tr(.hKeepWeekly), valueName: "n"))
        var keepWeekly: Int = 4
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.hFleetDryRun)))
        var dryRun = false
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if keepDaily < 0 || keepWeekly < 0 { throw ValidationError(tr(.flKeepAtLeast0)) }
        }

        func run() throws {
            try runReporting {
                let inspector = FleetInspector(location: try target.location(), roster: try target.loadRoster())
                let objects = try inspector.listing()
                let report = try inspector.report(objects)
                let plan = inspector.prunePlan(objects, report: report, keepDaily: keepDaily, keepWeekly: keepWeekly)
                if !dryRun { try inspector.delete(plan) }
                if json.json {
                    Out.json(["deleted": dryRun ? [] : plan, "would_delete": dryRun ? plan : [], "objects_before": objects.count])
                } else {
                    for p in plan { Out.line(tr(dryRun ? .flWouldDelete : .flDeleted, Out.text(p))) }
                    Out.line(tr(dryRun ? .flWouldDeleteCount : .flDeletedCount, plan.count, objects.count))
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: tr(.hFleetVerify),
            discussion: tr(.dFleetVerify)
        )
        @OptionGroup var target: FleetTarget
        @Option(name: [.short, .customLong("identity")], help: ArgumentHelp(tr(.hFleetIdentity), valueName: "file"), completion: .file())
        var identities: [String] = []
        @Option(name: .long, help: ArgumentHelp(tr(.hFleetTerminal), valueName: "id"))
        var terminal: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hFleetSample), valueName: "percent"))
        var sample: String?
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if identities.isEmpty { throw ValidationError(tr(.flNameIdentity)) }
            if let s = sample, samplePercent(s) == nil { throw ValidationError(tr(.flSampleRange)) }
        }

        func samplePercent(_ s: String) -> Double? {
            let t = s.hasSuffix("%") ? String(s.dropLast()) : s
            guard let v = Double(t), v > 0, v <= 100 else { return nil }
            return v
        }

        func run() throws {
            try runReporting {
                try checkPrivateIdentityFiles(identities)
                var ids: [AgeIdentity] = []
                for p in identities { ids += try AgeKeyFile.read(path: p) }
                var roster = try target.loadRoster()
                if let t = terminal {
                    guard let k = roster.key(for: t) else { throw ValidationError(tr(.flNotInRosterFile, t, target.roster)) }
                    roster = FleetRoster(terminals: [(t, k)])
                }
                let inspector = FleetInspector(location: try target.location(), roster: roster)
                let objects = try inspector.listing()
                let report = try inspector.report(objects)
                let fraction = sample.flatMap(samplePercent).map { $0 / 100 } ?? 1
                let checker = FleetVerifier(inspector: inspector, identities: ids)
                let results = try checker.verify(objects, report: report, fraction: fraction)
                let failed = results.filter { !$0.ok }
                if json.json {
                    Out.json(["checked": results.count, "failed": failed.count,
                              "results": results.map { ["terminal_id": $0.terminal, "object": $0.name, "ok": $0.ok, "problem": ($0.problem.map { $0 as Any }) ?? JSONNull()] as [String: Any] }])
                } else {
                    for r in results {
                        Out.line("\(r.ok ? tr(.flOk) : tr(.flFailed)) \(Out.text(r.terminal))/\(Out.text(r.name))\(r.problem.map { ": " + $0 } ?? "")")
                    }
                    Out.line(tr(.flChecked, results.count, failed.count))
                }
                if !failed.isEmpty { throw ExitCode(ExitStatus.corrupt.rawValue) }
            }
        }
    }
}

extension VaultCLI.Fleet {
    /// Test-only (a debug build with the test KDF knob; hidden): writes a terminal's earlier
    /// nights as complete, chained, signed backups into a local tree, which the simulation
    /// uploads in one `rclone copy` (scripts/fleet-sim.sh).
    struct Backfill: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backfill",
            abstract: "Test-only: stage earlier nights' backups of this terminal in a local tree.",
            shouldDisplay: false
        )
        @Option(name: .long, help: ArgumentHelp("The local directory of the tree (vaultcli/v1/t/<terminal>/...).", valueName: "dir"))
        var out: String
        @Option(name: .long, help: ArgumentHelp("Backups at these Unix times, comma-separated, oldest first.", valueName: "t1,t2,..."))
        var times: String
        @Option(name: .long, help: ArgumentHelp("Where the tree will be uploaded (rclone:REMOTE:PATH): the newest staged manifest becomes the terminal's chain tip.", valueName: "rclone:remote:path"))
        var remote: String?
        @OptionGroup var vault: VaultOptions

        func run() throws {
            try runReporting {
                let ts = times.split(separator: ",").compactMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
                guard !ts.isEmpty, ts.count == times.split(separator: ",").count else { throw ValidationError("--times takes Unix seconds, comma-separated") }
                let root = try remote.map { try RcloneLocation(parsing: $0).root }
                let n = try FleetUploader.stageHistory(vaultPath: vault.path, times: ts, into: out, root: root, source: try VaultBackupAccess.source(vaultPath: vault.path))
                Out.line("staged \(n) backups")
            }
        }
    }
}

/// `fleet verify`'s work: per terminal, every manifest (signature and chain) and a sample of
/// the backups (digest, decryption, the vault inside).
struct FleetVerifier {
    var inspector: FleetInspector
    var identities: [AgeIdentity]

    struct Result { var terminal: String; var name: String; var ok: Bool; var problem: String? }

    func verify(_ objects: [FleetObject], report: FleetReport, fraction: Double) throws -> [Result] {
        var results: [Result] = []
        var byTerminal: [String: [FleetObject]] = [:]
        for o in objects { byTerminal[o.terminal, default: []].append(o) }
        for s in report.terminals {
            let key = inspector.roster.key(for: s.terminal)!
            let objs = byTerminal[s.terminal] ?? []
            let names = Set(objs.map { $0.name })
            let bases = objs.compactMap { FleetManifest.parseName($0.name) }.filter { $0.isManifest && names.contains($0.base + ".age") }.sorted { $0.seq < $1.seq }
            if bases.isEmpty { continue }
            let manifests = try inspector.fetch(bases.map { s.terminal + "/" + $0.base + ".manifest" })
            // Signatures and the chain, over every manifest.
            var verified: [Int: (FleetManifest, [UInt8])] = [:]
            var problems: [String: String] = [:]
            for b in bases {
                guard let bytes = manifests[s.terminal + "/" + b.base + ".manifest"] else { problems[b.base] = tr(.flNoManifest); continue }
                do {
                    let m = try FleetManifest.verify(bytes, name: b.base + ".manifest", expectedSigner: key)
                    if m.terminalID != s.terminal { problems[b.base] = tr(.flManifestNames, m.terminalID); continue }
                    verified[m.seq] = (m, bytes)
                } catch let e as FleetError { problems[b.base] = ErrorText.render(e).message }
            }
            for (seq, (m, _)) in verified {
                if let (_, prevBytes) = verified[seq - 1], m.previous.map({ constantTimeEqual($0, FleetManifest.hash(prevBytes)) }) != true {
                    problems[m.baseName] = tr(.flChainBroken, seq - 1)
                }
            }
            // The sample: at least one, always the newest verified.
            let candidates = bases.map { $0.base }.filter { problems[$0] == nil }
            var chosen = Set<String>()
            if let n = s.newest { chosen.insert(n.baseName) }
            let want = max(1, Int((Double(candidates.count) * fraction).rounded(.up)))
            for c in candidates.shuffled() where chosen.count < want { chosen.insert(c) }
            let downloads = try inspector.fetchFiles(chosen.sorted().map { s.terminal + "/" + $0 + ".age" })
            defer { FleetScratch.remove(downloads.dir) }
            for base in bases.map({ $0.base }) {
                if let p = problems[base] { results.append(Result(terminal: s.terminal, name: base + ".age", ok: false, problem: p)); continue }
                guard chosen.contains(base) else { continue }
                guard let (m, _) = verified.values.first(where: { $0.0.baseName == base }) else { continue }
                let path = downloads.dir + "/d/" + s.terminal + "/" + base + ".age"
                results.append(Result(terminal: s.terminal, name: base + ".age", ok: true, problem: nil))
                if let p = check(path: path, manifest: m) {
                    results[results.count - 1].ok = false
                    results[results.count - 1].problem = p
                }
            }
        }
        return results
    }

    /// Digest and size, then a full decryption and the vault inside checked as a restore would.
    func check(path: String, manifest m: FleetManifest) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return tr(.flNotDownloaded) }
        defer { close(fd) }
        let sink = SHA256Sink()
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            buf.withUnsafeBytes { sink.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        guard sink.bytes == m.size, constantTimeEqual(sink.digest(), m.sha256) else { return tr(.flBytesNotSigned) }
        lseek(fd, 0, SEEK_SET)
        let scratch = (try? FleetScratch.make()) ?? "/nonexistent"
        defer { FleetScratch.remove(scratch) }
        do {
            let s = try BackupReader(identities: identities)
                .restore(from: fd, inputName: path, to: scratch + "/vault", replace: .nothing, identify: { try Vault.identify(path: $0) }) { temp in
                    try VaultBackupAccess.validateRestored(tempPath: temp).restored
                }.summary
            if s.manifest.terminalID != m.terminalID || s.manifest.vaultID != m.vaultID {
                return tr(.flVaultInside, s.manifest.terminalID, s.manifest.vaultID)
            }
        } catch let e as UserFacingError { return ErrorText.render(e).message } catch { return "\(error)" }
        return nil
    }
}

extension FleetInspector {
    /// Downloads objects into a private directory the caller removes (`dir/d/<path>`).
    func fetchFiles(_ paths: [String]) throws -> (dir: String, count: Int) {
        let dir = try FleetScratch.make()
        guard !paths.isEmpty else { return (dir, 0) }
        let list = dir + "/files"
        try FleetScratch.write(list, Array((paths.joined(separator: "\n") + "\n").utf8))
        try rclone.check("download", location.terminals, ["copy", "--files-from-raw", list, "--no-traverse", "--transfers", "8",
                                                           location.terminals, dir + "/d"])
        return (dir, paths.count)
    }
}
