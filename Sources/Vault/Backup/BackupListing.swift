import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One backup file found in a directory (`backup list`).
public struct BackupListing: Sendable, Equatable {
    public var name: String
    public var path: String
    public var terminalID: String
    public var created: Date
    public var size: Int64
}

extension BackupWriter {
    /// Lists `vaultcli-*.age` backups in `dir`, newest first (by the time in the name).
    public static func list(dir: String) throws -> [BackupListing] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw BackupError.io(path: dir, operation: "list", errno: (error as? CocoaError)?.code == .fileReadNoSuchFile ? ENOENT : EACCES)
        }
        var out: [BackupListing] = []
        for name in names where name.hasPrefix("vaultcli-") && name.hasSuffix(".age") {
            let stem = name.dropFirst("vaultcli-".count).dropLast(".age".count)
            guard stem.count > 17 else { continue }
            let time = String(stem.suffix(16))
            let sep = stem.dropLast(16).last
            guard sep == "-", let date = BackupFS.parseCompactUTC(time) else { continue }
            let path = dir + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out.append(BackupListing(name: name, path: path, terminalID: String(stem.dropLast(17)), created: date, size: Int64(st.st_size)))
        }
        return out.sorted { ($0.created, $0.name) > ($1.created, $1.name) }
    }
}
