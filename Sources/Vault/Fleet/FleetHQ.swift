import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Head office's roster (docs/fleet.md): one terminal a line, `<terminal id> ed25519:<64 hex>`,
/// as `vaultcli fleet enrol` prints it; blank lines and `#` comments are ignored.
public struct FleetRoster: Sendable {
    public var terminals: [(id: String, key: [UInt8])]

    public init(terminals: [(id: String, key: [UInt8])]) { self.terminals = terminals }

    public func key(for id: String) -> [UInt8]? { terminals.first { $0.id == id }?.key }

    public static func parse(_ text: String, path: String) throws -> FleetRoster {
        var out: [(String, [UInt8])] = []
        var seen = Set<String>()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let h = line.firstIndex(of: "#") { line = line[..<h] }
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if f.isEmpty { continue }
            guard f.count == 2 else { throw FleetError.rosterInvalid(path: path, line: i + 1, reason: .form) }
            let id = String(f[0])
            guard Self.isTerminalID(id) else { throw FleetError.rosterInvalid(path: path, line: i + 1, reason: .notATerminalID(id)) }
            guard f[1].hasPrefix("ed25519:"), let k = [UInt8](hexString: String(f[1].dropFirst(8))), k.count == 32 else {
                throw FleetError.rosterInvalid(path: path, line: i + 1, reason: .keyMalformed)
            }
            guard seen.insert(id).inserted else { throw FleetError.rosterInvalid(path: path, line: i + 1, reason: .listedTwice(terminal: id)) }
            out.append((id, k))
        }
        return FleetRoster(terminals: out)
    }

    public static func isTerminalID(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 16 && s.unicodeScalars.allSatisfy { $0.isASCII && (isFoundationAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-") }
    }
}

/// What head office knows about one terminal after one listing.
public struct FleetTerminalStatus: Sendable {
    public enum State: String, Sendable { case ok = "OK", late = "LATE", missing = "MISSING" }
    public var terminal: String
    public var state: State
    /// The newest backup whose manifest verifies under the roster's key and whose object is
    /// there with the manifest's size.
    public var newest: FleetManifest?
    /// Complete backups (an object and its manifest) under the prefix, and their bytes.
    public var count: Int = 0
    public var bytes: Int64 = 0
    /// Objects without their other half (an upload killed before its manifest).
    public var incomplete: [String] = []
    /// Manifests that were examined and refused (forged, another terminal's, damaged), with why.
    public var refused: [(name: String, reason: ManifestProblem)] = []
    public var needsAttention: Bool { state != .ok || !refused.isEmpty }
}

public struct FleetReport: Sendable {
    public var terminals: [FleetTerminalStatus]
    /// Prefixes under `vaultcli/v1/t/` that the roster does not list, with their object count.
    public var unknown: [(terminal: String, objects: Int)]
    public var objects: Int
    public var needsAttention: Bool { terminals.contains { $0.needsAttention } || !unknown.isEmpty }
}

/// Head office's view of a bucket: one listing, then only the manifests it needs.
public struct FleetInspector {
    public var location: RcloneLocation
    public var roster: FleetRoster
    public var rclone: Rclone
    /// A terminal whose newest verified backup is older than this is LATE.
    public var lateAfter: TimeInterval
    public var now: Date

    public init(location: RcloneLocation, roster: FleetRoster, rclone: Rclone = Rclone(), lateAfter: TimeInterval = 26 * 3600, now: Date = Date()) {
        self.location = location
        self.roster = roster
        self.rclone = rclone
        self.lateAfter = lateAfter
        self.now = now
    }

    public func listing() throws -> [FleetObject] { try location.list(location.terminals, rclone: rclone) }

    /// Downloads the named objects (paths under `vaultcli/v1/t/`) in one rclone run into a
    /// private temporary directory; returns their bytes by path.
    public func fetch(_ paths: [String]) throws -> [String: [UInt8]] {
        guard !paths.isEmpty else { return [:] }
        let dir = try FleetScratch.make()
        defer { FleetScratch.remove(dir) }
        let list = dir + "/files"
        try FleetScratch.write(list, Array((paths.joined(separator: "\n") + "\n").utf8))
        try rclone.check("download", location.terminals, ["copy", "--files-from-raw", list, "--no-traverse", "--transfers", "16", "--checkers", "16",
                                                           location.terminals, dir + "/d"])
        var out: [String: [UInt8]] = [:]
        for p in paths {
            if let b = FleetScratch.read(dir + "/d/" + p) { out[p] = b }
        }
        return out
    }

    /// Per terminal: the newest verified backup, counts, and what was refused.
    public func report(_ objects: [FleetObject]) throws -> FleetReport {
        var byTerminal: [String: [FleetObject]] = [:]
        for o in objects { byTerminal[o.terminal, default: []].append(o) }
        var statuses: [String: FleetTerminalStatus] = [:]
        // Sizes by name, per terminal (no search per object: 90 nights of 500 terminals).
        var sizes: [String: [String: Int64]] = [:]
        // Candidates newest first, per terminal; manifests fetched a few at a time per terminal.
        var pending: [String: [(name: String, seq: Int, size: Int64?)]] = [:]
        for (id, _) in roster.terminals {
            let objs = byTerminal[id] ?? []
            var ages: [String: Int64] = [:], mans: [String: Int] = [:], manSizes: [String: Int64] = [:]
            var s = FleetTerminalStatus(terminal: id, state: .missing)
            var named: [String: Int64] = [:]
            for o in objs {
                named[o.name] = o.size
                guard let p = FleetManifest.parseName(o.name) else { continue }
                if p.isManifest { mans[p.base] = p.seq; manSizes[p.base] = o.size } else { ages[p.base] = o.size }
            }
            sizes[id] = named
            for (base, size) in ages {
                if let m = manSizes[base] { s.count += 1; s.bytes += size + m } else { s.incomplete.append(base + ".age") }
            }
            for base in mans.keys where ages[base] == nil { s.incomplete.append(base + ".manifest") }
            s.incomplete.sort()
            statuses[id] = s
            pending[id] = mans.map { (name: $0.key + ".manifest", seq: $0.value, size: ages[$0.key]) }.sorted { $0.seq > $1.seq }
        }
        let keys = Dictionary(roster.terminals.map { ($0.id, $0.key) }, uniquingKeysWith: { a, _ in a })
        // Round one fetches each terminal's newest manifest only (it nearly always verifies);
        // the rare terminal whose newest is refused gets four more a round.
        var batch = 1
        while true {
            var want: [String] = []
            for (id, cands) in pending where statuses[id]?.newest == nil {
                for c in cands.prefix(batch) { want.append(id + "/" + c.name) }
            }
            if want.isEmpty { break }
            let got = try fetch(want)
            for (id, cands) in pending where statuses[id]?.newest == nil {
                let key = keys[id]!
                for c in cands.prefix(batch) {
                    guard statuses[id]?.newest == nil else { break }
                    guard let bytes = got[id + "/" + c.name] else { statuses[id]!.refused.append((c.name, .notDownloaded)); continue }
                    do {
                        let m = try FleetManifest.verify(bytes, name: c.name, expectedSigner: key)
                        guard m.terminalID == id else { throw FleetError.manifestRefused(name: c.name, reason: .namesTerminal(named: m.terminalID, expected: id)) }
                        guard let size = c.size else { throw FleetError.manifestRefused(name: c.name, reason: .objectMissing) }
                        guard size == m.size else { throw FleetError.manifestRefused(name: c.name, reason: .objectSize(actual: size, manifest: m.size)) }
                        statuses[id]!.newest = m
                    } catch let e as FleetError {
                        if case .manifestRefused(_, let why) = e { statuses[id]!.refused.append((c.name, why)) } else { throw e }
                    }
                }
                pending[id] = Array(cands.dropFirst(batch))
            }
            batch = 4
        }
        var out: [FleetTerminalStatus] = []
        for (id, _) in roster.terminals {
            var s = statuses[id]!
            // Refused backups are not this terminal's: they are not counted.
            for r in s.refused {
                let base = String(r.name.dropLast(".manifest".count))
                if let a = sizes[id]?[base + ".age"], let m = sizes[id]?[r.name] {
                    s.count -= 1
                    s.bytes -= a + m
                }
            }
            if let n = s.newest { s.state = now.timeIntervalSince(n.created) > lateAfter ? .late : .ok }
            out.append(s)
        }
        let known = Set(roster.terminals.map { $0.id })
        let unknown = byTerminal.filter { !known.contains($0.key) }.map { (terminal: $0.key, objects: $0.value.count) }.sorted { $0.terminal < $1.terminal }
        return FleetReport(terminals: out, unknown: unknown, objects: objects.count)
    }

    /// What `prune` deletes: per terminal, of the complete backups (refused ones are left for a
    /// person to look at), all but the newest of each of the last `keepDaily` UTC days and of
    /// each of the last `keepWeekly` ISO weeks that have backups; never the newest verified one.
    /// Incomplete objects older than two days go too (an upload still running is younger).
    public func prunePlan(_ objects: [FleetObject], report: FleetReport, keepDaily: Int, keepWeekly: Int) -> [String] {
        var byTerminal: [String: [FleetObject]] = [:]
        for o in objects { byTerminal[o.terminal, default: []].append(o) }
        var delete: [String] = []
        for s in report.terminals {
            let objs = byTerminal[s.terminal] ?? []
            let names = Set(objs.map { $0.name })
            let refused = Set(s.refused.map { String($0.name.dropLast(".manifest".count)) })
            var complete: [(base: String, created: Date, seq: Int)] = []
            for n in names {
                guard let p = FleetManifest.parseName(n), !p.isManifest, names.contains(p.base + ".manifest"), !refused.contains(p.base) else { continue }
                complete.append((p.base, p.created, p.seq))
            }
            complete.sort { ($0.created, $0.seq) > ($1.created, $1.seq) }
            var keep = Set<String>()
            if let n = s.newest { keep.insert(n.baseName) }
            var days = Set<Int>(), weeks = Set<Int>()
            for c in complete {
                let day = Int(floor(c.created.timeIntervalSince1970 / 86400))
                if days.count < keepDaily && !days.contains(day) { days.insert(day); keep.insert(c.base) }
            }
            for c in complete {
                let week = Int(floor((c.created.timeIntervalSince1970 / 86400 + 3) / 7))
                if weeks.count < keepWeekly && !weeks.contains(week) { weeks.insert(week); keep.insert(c.base) }
            }
            for c in complete where !keep.contains(c.base) {
                delete.append(s.terminal + "/" + c.base + ".age")
                delete.append(s.terminal + "/" + c.base + ".manifest")
            }
            for i in s.incomplete {
                if let p = FleetManifest.parseName(i), now.timeIntervalSince(p.created) > 2 * 86400 { delete.append(s.terminal + "/" + i) }
            }
        }
        return delete.sorted()
    }

    /// Deletes paths under `vaultcli/v1/t/` in one rclone run, no lock: 64 deletes in flight,
    /// one DELETE request an object (the names come from the listing: no HEAD first, no second
    /// listing). rclone has no S3 multi-object delete, so this is as bulk as it gets through it.
    public func delete(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        let dir = try FleetScratch.make()
        defer { FleetScratch.remove(dir) }
        let list = dir + "/files"
        try FleetScratch.write(list, Array((paths.joined(separator: "\n") + "\n").utf8))
        try rclone.check("delete from", location.terminals, ["delete", "--files-from-raw", list, "--no-traverse", "--s3-no-head-object", "--checkers", "64", location.terminals])
    }
}

/// Private temporary directories (0700) for downloads and file lists.
public enum FleetScratch {
    public static func make() throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/vaultcli-fleet-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw VaultError.io(path: base, operation: "create a temporary directory in", errno: errno)
        }
        return String(cString: template)
    }

    public static func remove(_ dir: String) {
        guard dir.contains("/vaultcli-fleet-") else { return }
        try? FileManager.default.removeItem(atPath: dir)
    }

    public static func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 { throw VaultError.io(path: path, operation: "create", errno: errno) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { try DurableFile.writeAll(fd, $0, path: path, style: .store) }
    }

    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }
}
