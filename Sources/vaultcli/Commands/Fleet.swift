import ArgumentParser
import Dispatch
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Fleet: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fleet",
            abstract: "A chain's backups on one object store, through rclone: enrol a terminal; list, prune and verify at head office.",
            discussion: "See docs/fleet.md. Terminals upload with `vaultcli backup --to rclone:REMOTE:PATH`.",
            subcommands: [Enrol.self, List.self, Prune.self, Verify.self, Backfill.self]
        )
    }
}

/// What head office names on every fleet command: the bucket and the roster.
struct FleetTarget: ParsableArguments {
    @Argument(help: ArgumentHelp("Where the fleet's backups are, as rclone:REMOTE:PATH (credentials stay in rclone's own configuration).", valueName: "rclone:remote:path"))
    var remote: String

    @Option(name: .long, help: ArgumentHelp("Head office's roster: `<terminal id> ed25519:<hex>` a line, as `vaultcli fleet enrol` prints it.", valueName: "file"),
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
            abstract: "Enrol this terminal (admins): the remote, head office's recipients, and the terminal's signing key.",
            discussion: """
            Prints the roster line head office adds to its roster. The signing key is kept in the \
            vault (an admin-signed record) and made once; --new-key replaces it (head office must \
            then update the roster). Example:
              vaultcli fleet enrol --remote rclone:hq-s3:fleet-backups --recipient age1... --user admin
            """
        )
        @Option(name: .long, help: ArgumentHelp("Where backups go: rclone:REMOTE:PATH.", valueName: "rclone:remote:path"))
        var remote: String

        @Option(name: [.short, .customLong("recipient")], help: ArgumentHelp("A head-office age recipient (age1...); repeatable.", valueName: "age1..."))
        var recipients: [String] = []

        @Option(name: [.customShort("R"), .customLong("recipients-file")], help: ArgumentHelp("A file of age1... recipients, one a line.", valueName: "file"), completion: .file())
        var recipientsFiles: [String] = []

        @Flag(name: .customLong("new-key"), help: "Make a new signing key even if the terminal has one.")
        var newKey = false

        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var json: JSONFlag

        func validate() throws {
            guard RcloneLocation.isLocation(remote) else { throw ValidationError("--remote must be rclone:REMOTE:PATH") }
            if recipients.isEmpty && recipientsFiles.isEmpty { throw ValidationError("name head office's recipients with --recipient age1... or --recipients-file FILE") }
        }

        func run() throws {
            var all = recipients
            for f in recipientsFiles {
                let text: String
                do { text = try String(contentsOfFile: f, encoding: .utf8) } catch { throw ValidationError("cannot read \(f)") }
                for line in text.split(separator: "\n") {
                    let t = line.trimmed(.whitespaces)
                    if t.isEmpty || t.hasPrefix("#") { continue }
                    all.append(t)
                }
            }
            try actor.run(vault) { v, me in
                let e = try v.enrolFleet(session: me.session, remote: remote, recipients: all, newKey: newKey)
                if json.json {
                    Out.json(["terminal_id": e.terminalID, "vault_id": e.vaultID, "remote": e.remote, "recipients": e.recipients,
                              "signing_public_key": "ed25519:" + lowerHex(e.signingPublicKey), "roster_line": e.rosterLine])
                } else {
                    Out.line("terminal \(Out.text(e.terminalID)) enrolled: backups go to \(Out.text(e.remote)), sealed to \(e.recipients.count) head-office recipient(s)")
                    Out.line("add this line to head office's roster:")
                    Out.line(e.rosterLine)
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Per terminal: the newest verified backup, its age, count and bytes; OK, LATE or MISSING.",
            discussion: "One listing of the bucket, then only the newest manifests. Exit 1 when any terminal needs attention (LATE, MISSING, a refused object, or a prefix the roster does not know)."
        )
        @OptionGroup var target: FleetTarget
        @Option(name: .customLong("late-after"), help: ArgumentHelp("A terminal whose newest verified backup is older than this many hours is LATE.", valueName: "hours"))
        var lateAfter: Double = 26
        @Option(name: .customLong("old-recipient"), help: ArgumentHelp("A recipient being retired: name the terminals whose newest backup is still sealed to it.", valueName: "age1..."))
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
                                "refused": s.refused.map { ["object": $0.name, "reason": $0.reason] },
                                "needs_attention": s.needsAttention,
                            ]
                        },
                        "unknown_prefixes": report.unknown.map { ["terminal_id": $0.terminal, "objects": $0.objects] },
                    ])
                } else {
                    let rows = report.terminals.map { s -> [String] in
                        var note: [String] = []
                        if !s.refused.isEmpty { note.append("\(s.refused.count) refused (\(s.refused[0].name): \(s.refused[0].reason))") }
                        if !s.incomplete.isEmpty { note.append("\(s.incomplete.count) incomplete") }
                        if let n = s.newest, !old.isDisjoint(with: n.recipients) { note.append("sealed to an old recipient") }
                        return [s.terminal, s.state.rawValue, s.newest.map { ISO8601.string($0.created) } ?? "-",
                                s.newest.map { humanAge(now.timeIntervalSince($0.created)) } ?? "-", "\(s.count)", humanBytes(s.bytes), note.joined(separator: "; ")]
                    }
                    let head = ["TERMINAL", "STATE", "NEWEST VERIFIED", "AGE", "COUNT", "BYTES", "NOTE"]
                    var widths = head.indices.map { i in ([head] + rows).map { DisplayText.sanitize($0[i]).count }.max() ?? 0 }
                    widths[4] = -widths[4]; widths[5] = -widths[5]; widths[6] = 0
                    Out.line(String(Table.row(head, widths: widths).dropLast()))
                    for r in rows { Out.line(String(Table.row(r, widths: widths).dropLast())) }
                    for u in report.unknown { Out.line("not in the roster: prefix \(Out.text(u.terminal)) (\(u.objects) objects)") }
                    let bad = report.terminals.filter { $0.needsAttention }.count
                    Out.line("\(report.terminals.count) terminals, \(report.objects) objects; \(bad) need attention")
                }
                if report.needsAttention { throw ExitCode(ExitStatus.failure.rawValue) }
            }
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: "Delete old backups by a daily/weekly rule, from one listing, without a lock.",
            discussion: "Never deletes a terminal's newest verified backup, nor an object whose manifest was refused (left for a person to look at)."
        )
        @OptionGroup var target: FleetTarget
        @Option(name: .customLong("keep-daily"), help: ArgumentHelp("Keep the newest backup of each of the last N days that have one.", valueName: "n"))
        var keepDaily: Int = 7
        @Option(name: .customLong("keep-weekly"), help: ArgumentHelp("Keep the newest backup of each of the last N weeks that have one.", valueName: "n"))
        var keepWeekly: Int = 4
        @Flag(name: .customLong("dry-run"), help: "Say what would be deleted; delete nothing.")
        var dryRun = false
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if keepDaily < 0 || keepWeekly < 0 { throw ValidationError("--keep-daily and --keep-weekly take numbers of at least 0") }
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
                    for p in plan { Out.line((dryRun ? "would delete " : "deleted ") + Out.text(p)) }
                    Out.line("\(dryRun ? "would delete" : "deleted") \(plan.count) of \(objects.count) objects")
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Download backups, check signature, chain and digest, decrypt with head office's identity and check the vault inside.",
            discussion: "--sample 10% checks a random tenth of each terminal's backups (at least one, always the newest), as restic's check --read-data-subset does."
        )
        @OptionGroup var target: FleetTarget
        @Option(name: [.short, .customLong("identity")], help: ArgumentHelp("Head office's identity file (AGE-SECRET-KEY-1..., mode 0600); repeatable.", valueName: "file"), completion: .file())
        var identities: [String] = []
        @Option(name: .long, help: ArgumentHelp("Only this terminal.", valueName: "id"))
        var terminal: String?
        @Option(name: .long, help: ArgumentHelp("Check this share of each terminal's backups, e.g. 10%.", valueName: "percent"))
        var sample: String?
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if identities.isEmpty { throw ValidationError("name head office's identity with --identity FILE") }
            if let s = sample, samplePercent(s) == nil { throw ValidationError("--sample takes a percentage from 0.1% to 100%, e.g. 10%") }
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
                    guard let k = roster.key(for: t) else { throw ValidationError("terminal \(t) is not in the roster \(target.roster)") }
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
                        Out.line("\(r.ok ? "ok    " : "FAILED") \(Out.text(r.terminal))/\(Out.text(r.name))\(r.problem.map { ": " + $0 } ?? "")")
                    }
                    Out.line("\(results.count) backups checked, \(failed.count) failed")
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
                guard let bytes = manifests[s.terminal + "/" + b.base + ".manifest"] else { problems[b.base] = "its manifest could not be downloaded"; continue }
                do {
                    let m = try FleetManifest.verify(bytes, name: b.base + ".manifest", expectedSigner: key)
                    if m.terminalID != s.terminal { problems[b.base] = "its manifest names terminal \(m.terminalID)"; continue }
                    verified[m.seq] = (m, bytes)
                } catch let e as FleetError { problems[b.base] = e.message }
            }
            for (seq, (m, _)) in verified {
                if let (_, prevBytes) = verified[seq - 1], m.previous.map({ constantTimeEqual($0, FleetManifest.hash(prevBytes)) }) != true {
                    problems[m.baseName] = "the chain is broken: its prev is not the hash of manifest seq \(seq - 1)"
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
        guard fd >= 0 else { return "it could not be downloaded" }
        defer { close(fd) }
        let sink = SHA256Sink()
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            buf.withUnsafeBytes { sink.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        guard sink.bytes == m.size, constantTimeEqual(sink.digest(), m.sha256) else { return "its bytes are not the ones the manifest signs (size or SHA-256)" }
        lseek(fd, 0, SEEK_SET)
        let scratch = (try? FleetScratch.make()) ?? "/nonexistent"
        defer { FleetScratch.remove(scratch) }
        do {
            let s = try BackupReader(identities: identities)
                .restore(from: fd, inputName: path, to: scratch + "/vault", replace: .nothing, identify: { try Vault.identify(path: $0) }) { temp in
                    try VaultBackupAccess.validateRestored(tempPath: temp).restored
                }.summary
            if s.manifest.terminalID != m.terminalID || s.manifest.vaultID != m.vaultID {
                return "the vault inside is terminal \(s.manifest.terminalID) / vault \(s.manifest.vaultID), not the manifest's"
            }
        } catch let e as UserFacingError { return e.message } catch { return "\(error)" }
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
