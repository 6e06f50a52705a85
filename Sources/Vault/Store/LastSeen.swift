import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// What an admin's logins last saw of a vault (format v2), kept outside the vault file so that
/// a vault file rolled back to an earlier copy, or cut short, is noticed at the next admin login
/// (docs/SECURITY.md, "Rolling the whole file back"; FORMAT.md A.10, "Last seen").
///
/// The state is `u8 version (1) ‖ XChaCha20-Poly1305(key, u64 rotations ‖ u64 audit events ‖
/// 32 current audit-chain key)`, key = HKDF-SHA-256(the admin's personal key, salt = vault id,
/// info = "vaultcli v2 last seen"): only that admin can write it. At login the vault must have
/// at least as many key rotations (signed settings), and, in the same rotation, at least as many
/// audit events, whose chain key is the seen one run forward: the file continues what was seen.
extension Vault {
    /// The state file's name for this session's admin (the caller picks the directory).
    public func lastSeenFileName(session: Session) -> String {
        "last-seen-\(file.header.vaultId.hexString)-\(session.operatorId.hexString)"
    }

    /// Checks the vault against the state at `statePath`, then records what it is now. Does
    /// nothing for format v1 or non-admins. A state that does not open (written by someone else,
    /// damaged) is an error too: the hint says how to start over.
    public func checkLastSeen(session: Session, statePath: String) throws {
        guard !file.isLegacy, session.role == .admin, let pk = session.personalKey, let chain = file.auditChain else { return }
        let rotations = UInt64(try settings().rotations ?? 0)
        let vaultId = file.header.vaultId
        let key = try HKDF.deriveSecret(ikm: pk, salt: vaultId, info: "vaultcli v2 last seen")
        let ad = Array("vaultcli v2 last seen".utf8) + vaultId + session.operatorId
        func rolledBack(_ why: String) -> VaultError { .rolledBack(path: path, detail: why, statePath: statePath) }

        var st = stat()
        if lstat(statePath, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG, let blob = FileManager.default.contents(atPath: statePath),
                  blob.count > 1, blob.first == 1,
                  var plain = try? XChaCha20Poly1305.open(Array(blob.dropFirst()), key: key, ad: ad), plain.count == 48 else {
                throw VaultError.lastSeenUnreadable(path: statePath)
            }
            defer { wipe(&plain) }
            var r = ByteReader(plain)
            let seenRotations = try r.u64(), seenSeq = try r.u64(), seenKey = try r.array(32)
            if rotations < seenRotations {
                throw rolledBack("its keys are from before a key rotation that \(session.operatorName) has already seen (\(rotations) rotations now, \(seenRotations) seen)")
            }
            if rotations == seenRotations {
                if chain.seq < seenSeq {
                    throw rolledBack("it holds \(chain.seq) audit events, but \(seenSeq) were there when \(session.operatorName) last logged in")
                }
                // The chain key runs forward only: the file's must be the seen one run forward.
                if chain.seq - seenSeq <= 1_000_000 {
                    var c = AuditChain(seq: seenSeq, key: seenKey)
                    while c.seq < chain.seq { c = c.next }
                    guard constantTimeEqual(c.key, chain.key) else {
                        throw rolledBack("its audit log does not continue the one \(session.operatorName) last saw")
                    }
                }
            }
        } else if errno != ENOENT {
            throw VaultError.io(path: statePath, operation: "read", errno: errno)
        }
        var w = ByteWriter()
        w.u64(rotations); w.u64(chain.seq); w.raw(chain.key)
        var plain = w.bytes
        defer { wipe(&plain) }
        let sealed = [UInt8(1)] + (try XChaCha20Poly1305.seal(plain, key: key, ad: ad))
        let dir = FileSystem.directory(of: statePath)
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw VaultError.io(path: dir, operation: "create the directory", errno: errno) }
        try FileSystem.atomicWrite(statePath, replace: true) { f in try f.write(sealed, at: 0) }
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
