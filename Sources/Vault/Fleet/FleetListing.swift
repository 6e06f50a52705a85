import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One object in a fleet listing.
public struct FleetObject: Sendable, Equatable {
    /// Path under `vaultcli/v1/t/`: `<terminal>/<name>`.
    public var path: String
    public var size: Int64
    public var terminal: String { String(path.split(separator: "/", maxSplits: 1).first ?? "") }
    public var name: String { String(path.split(separator: "/").last ?? "") }
}

private struct LsjsonEntry: Decodable {
    var Path: String
    var Size: Int64
    var IsDir: Bool?
}

extension RcloneLocation {
    /// Every object under `folder` (recursively), in one recursive listing (`--fast-list`: on
    /// S3, pages of 1,000 keys for the whole tree instead of one listing per terminal). A
    /// folder that does not exist yet is empty.
    public func list(_ folder: String, rclone: Rclone) throws -> [FleetObject] {
        var out: [UInt8] = []
        let o = try rclone.run(["lsjson", "-R", "--fast-list", "--files-only", "--no-mimetype", "--no-modtime", folder], consumer: { out += $0 })
        if !o.ok {
            // rclone's exit 3: the directory is not there (a local or SFTP remote before the first backup).
            if o.status == 3 || o.stderr.contains("directory not found") { return [] }
            throw FleetError.remote(operation: "list", target: folder, says: o.says)
        }
        let entries: [LsjsonEntry]
        do { entries = try JSONDecoder().decode([LsjsonEntry].self, from: Data(out)) } catch {
            throw FleetError.remote(operation: "list", target: folder, says: "its listing is not the JSON rclone lsjson writes")
        }
        return entries.filter { $0.IsDir != true }.map { FleetObject(path: $0.Path, size: $0.Size) }
    }
}
