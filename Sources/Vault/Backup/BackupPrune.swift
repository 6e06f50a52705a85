import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

extension BackupWriter {
    /// Deletes this vault's oldest backups beyond `keep` (B.6). A file counts only when it is a
    /// regular file named `vaultcli-*.age` whose age header carries a marker that names this
    /// vault (vault id and terminal id) and verifies under this vault's marker key; its time is
    /// the marker's, not the name's. The backup just written is always kept, and so is every
    /// file whose marker does not verify or is dated after it. Nothing else is ever deleted.
    static func prune(dir: String, identity: VaultIdentity, macKey: SecretBytes, justWritten: String, keep: Int,
                      io: BackupIO) throws -> (removed: [String], unmarked: [String], suspicious: [String]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw BackupError.io(path: dir, operation: "list", errno: EACCES)
        }
        let myPrefix = "vaultcli-\(safeTerminal(identity.terminalId))-"
        var newest: Date? = nil
        var mine: [(path: String, created: Date)] = []
        var unmarked: [String] = [], suspicious: [String] = []
        for name in names.sorted() where name.hasPrefix("vaultcli-") && name.hasSuffix(".age") {
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            guard let m = BackupMarker.read(path: path), m.vaultID == identity.vaultId, m.terminalID == identity.terminalId else {
                if name.hasPrefix(myPrefix) { unmarked.append(path) }
                continue
            }
            guard m.verifies(macKey: macKey) else { suspicious.append(path); continue }
            if path == justWritten { newest = m.created }
            mine.append((path, m.created))
        }
        // The new backup must read back with its own marker; else count nothing.
        guard let newest else { return ([], unmarked, suspicious) }
        let counted = mine.filter { $0.path != justWritten && $0.created <= newest }
        suspicious += mine.filter { $0.path != justWritten && $0.created > newest }.map(\.path)
        let older = counted.sorted { ($0.created, $0.path) > ($1.created, $1.path) }
        guard keep >= 1, older.count > keep - 1 else { return ([], unmarked, suspicious) }
        var removed: [String] = []
        for old in older[(keep - 1)...] {
            if unlink(old.path) != 0 { throw BackupError.io(path: old.path, operation: "delete the old backup", errno: errno) }
            removed.append(old.path)
        }
        try BackupFS.fsyncDirectory(dir, io: io)
        return (removed, unmarked, suspicious)
    }
}
