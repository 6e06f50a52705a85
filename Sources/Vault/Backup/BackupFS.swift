import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// File-system helpers shared by the writer and the reader.
enum BackupFS {
    static func dirname(_ path: String) -> String { FileSystem.directory(of: path) }

    /// A new file next to the final one `final`: `.vaultcli-tmp-XXXXXXXXXXXX`, O_EXCL, mode
    /// 0600, locked (StaleTemps) while it lives; leftovers of killed writers in its directory
    /// are removed first. Removed when dropped unless placed.
    static func createTemp(for final: String) throws -> DurableFile.Temp {
        try DurableFile.Temp(for: final, style: .backup)
    }

    static func fsyncDirectory(_ dir: String, io: BackupIO) throws {
        try DurableFile.syncDirectory(dir, style: .backup, sync: io.fsync)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    static func compactUTC(_ d: Date) -> String { UTCTime.compact(d) }

    static func parseCompactUTC(_ s: String) -> Date? { UTCTime.parseCompact(s) }
}
