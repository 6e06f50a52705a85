import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// What an admin's logins last saw of a vault (format v2), kept outside the vault file so that
/// a vault file rolled back to an earlier copy, or cut short, is noticed at the next admin login
/// (docs/SECURITY.md, "Rolling the whole file back"; FORMAT.md A.10, "Last seen").
///
/// The state is `u8 version (2) ‖ XChaCha20-Poly1305(key, u64 rotations ‖ u64 audit events n ‖
/// 32 audit-chain key k_n ‖ 32 MAC of event n − 1)`, key = HKDF-SHA-256(the admin's personal key,
/// salt = vault id, info = "vaultcli v2 last seen"): only that admin can write it. Version 1 (the
/// same without the MAC) is still read, and written as version 2 at the next good login.
///
/// At login the vault must have at least as many key rotations (signed settings), and, in the
/// same rotation, at least as many audit events *before this login wrote its own*, whose chain
/// key is the seen one run forward, and whose event n − 1 carries exactly the seen MAC. The
/// chain key runs forward without the events' content, so anyone who adds events (a refused
/// login, a cashier's work) to an older copy brings its count and key level with what was seen;
/// the MAC covers the event's sealed box, which nobody can make again: the copy's event n − 1 is
/// another one. A compaction copies every event as it is (sequence number, box and MAC), so the
/// seen event is still there after one; a rotation starts a new chain and counts as one.
extension Vault {
    /// Where the audit log stands now. Taken before a login writes anything, and given to
    /// `checkLastSeen`, it makes the check judge the vault as the login found it: the login's
    /// own audit event cannot be one of the events the check counts.
    public struct LastSeenMark: Sendable {
        let auditEvents: UInt64?
    }

    public func lastSeenMark() -> LastSeenMark { LastSeenMark(auditEvents: file.auditChain?.seq) }
}

extension Unlocked {
    /// The state file's name for this session's admin (the caller picks the directory).
    public var lastSeenFileName: String {
        "last-seen-\(vault.file.header.vaultId.hexString)-\(session.operatorId.hexString)"
    }

    /// Checks the vault against the state at `statePath`, then records what it is now. Does
    /// nothing for format v1 or non-admins. A state that does not open (written by someone else,
    /// damaged) is an error too: the hint says how to start over.
    public func checkLastSeen(statePath: String) throws {
        try checkLastSeen(statePath: statePath, before: nil)
    }

    /// The same, with the audit log's length counted at `mark` (taken before the login wrote
    /// its event) instead of now.
    public func checkLastSeen(statePath: String, before mark: Vault.LastSeenMark?) throws {
        let file = vault.file, path = vault.path
        guard !file.isLegacy, session.role == .admin, let pk = session.personalKey, let chain = file.auditChain else { return }
        let rotations = UInt64(try vault.settings().rotations ?? 0)
        let vaultId = file.header.vaultId
        let key = try HKDF.deriveSecret(ikm: pk, salt: vaultId, info: Derivation.lastSeen)
        let ad = Array(Derivation.lastSeen.utf8) + vaultId + session.operatorId
        func rolledBack(_ why: String) -> VaultError { .rolledBack(path: path, detail: why, statePath: statePath) }
        func doesNotContinue() -> VaultError { rolledBack("its audit log does not continue the one \(session.operatorName) last saw") }

        var st = stat()
        if lstat(statePath, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG, let blob = FileManager.default.contents(atPath: statePath),
                  blob.count > 1, let version = blob.first, version == 1 || version == 2,
                  var plain = try? XChaCha20Poly1305.open(Array(blob.dropFirst()), key: key, ad: ad),
                  plain.count == (version == 1 ? 48 : 80) else {
                throw VaultError.lastSeenUnreadable(path: statePath)
            }
            defer { wipe(&plain) }
            var r = ByteReader(plain)
            let seenRotations = try r.u64(), seenSeq = try r.u64(), seenKey = try r.array(32)
            // Version 1 did not keep the event's MAC: checked as that version did, once.
            let seenMAC = version == 2 ? try r.array(AuditChain.macBytes) : nil
            if rotations < seenRotations {
                throw rolledBack("its keys are from before a key rotation that \(session.operatorName) has already seen (\(rotations) rotations now, \(seenRotations) seen)")
            }
            if rotations == seenRotations {
                // Counted as the login found the vault: its own event does not fill a gap.
                let found = min(mark?.auditEvents ?? chain.seq, chain.seq)
                if found < seenSeq {
                    throw rolledBack("it holds \(found) audit events, but \(seenSeq) were there when \(session.operatorName) last logged in")
                }
                // The chain key runs forward only: the file's must be the seen one run forward.
                if chain.seq - seenSeq <= 1_000_000 {
                    var c = AuditChain(seq: seenSeq, key: seenKey)
                    while c.seq < chain.seq { c = c.next }
                    guard constantTimeEqual(c.key, chain.key) else { throw doesNotContinue() }
                }
                // And the last seen event must be the very one seen: its MAC covers its content.
                if let seenMAC, seenSeq > 0 {
                    guard let mac = try vault.auditEventMAC(seq: seenSeq - 1), constantTimeEqual(mac, seenMAC) else { throw doesNotContinue() }
                }
            }
        } else if errno != ENOENT {
            throw VaultError.io(path: statePath, operation: "read", errno: errno)
        }
        // What is seen now: the chain's position and key, and the MAC of the last event.
        var lastMAC = [UInt8](repeating: 0, count: AuditChain.macBytes)
        if chain.seq > 0 {
            // The record names an event the file does not hold: the record does not fit the file.
            guard let m = try vault.auditEventMAC(seq: chain.seq - 1) else {
                throw VaultError.corrupt(path: path, part: "the audit chain record is missing or malformed")
            }
            lastMAC = m
        }
        var w = ByteWriter()
        w.u64(rotations); w.u64(chain.seq); w.raw(chain.key); w.raw(lastMAC)
        var plain = w.bytes
        defer { wipe(&plain) }
        let sealed = [UInt8(2)] + (try XChaCha20Poly1305.seal(plain, key: key, ad: ad))
        let dir = FileSystem.directory(of: statePath)
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw VaultError.io(path: dir, operation: "create the directory", errno: errno) }
        try FileSystem.atomicWrite(statePath, replace: true) { f in try f.write(sealed, at: 0) }
    }
}

extension Vault {

    /// The MAC that audit event `seq` carries, found by walking the committed frames back from
    /// the end (events are in sequence order, also after a compaction, which copies them as they
    /// are): nil when the file has no such event. Reads only frame headers and trailers, and the
    /// one event's payload.
    func auditEventMAC(seq: UInt64) throws -> [UInt8]? {
        let f = file.file
        var end = file.endOffset
        while end - FormatV1.headerLength >= FormatV1.minFrameLength {
            let t = try f.read(count: FormatV1.trailerLength, at: end - FormatV1.trailerLength)
            guard t.count == FormatV1.trailerLength, Array(t[4..<8]) == FormatV1.trailerMagic else { return nil }
            let len = Int(UInt32(t[0]) | UInt32(t[1]) << 8 | UInt32(t[2]) << 16 | UInt32(t[3]) << 24)
            guard len >= FormatV1.minFrameLength, len <= end - FormatV1.headerLength else { return nil }
            let off = end - len
            let hb = try f.read(count: FormatV1.frameHeaderLength, at: off)
            guard let h = try? hb.withUnsafeBytes({ try FrameHeader.decode($0) }), h.length == len else { return nil }
            if h.kind == .audit {
                let payloadLength = len - FormatV1.frameHeaderLength - FormatV1.linkBytes - FormatV1.trailerLength
                let p = try f.read(count: payloadLength, at: off + FormatV1.frameHeaderLength)
                guard p.count == payloadLength, let (s, _, mac) = AuditChain.split(p[...]) else { return nil }
                if s == seq { return Array(mac) }
                if s < seq { return nil }
            }
            end = off
        }
        return nil
    }

    /// Forgets what admins last saw of the vault with this id, in `directory` (after a restore
    /// puts an older copy in place on purpose). Returns the files removed.
    @discardableResult
    public static func forgetLastSeen(vaultIdHex: String, directory: String) -> [String] {
        guard let id = [UInt8](hexString: vaultIdHex), !id.isEmpty else { return [] }
        let prefix = "last-seen-\(id.hexString)-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var out: [String] = []
        for n in names where n.hasPrefix(prefix) {
            if unlink(directory + "/" + n) == 0 { out.append(n) }
        }
        return out
    }
}
