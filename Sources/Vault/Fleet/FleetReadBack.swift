import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

extension FleetUploader {
    /// Whether the store holds `name` as sent: one listing of just that name (`operations/list`
    /// with an include filter: one LIST request, no HEAD) gives its size and the store's MD5
    /// (the ETag of a single-part upload), compared with the size and MD5 of what was sent. When
    /// the listing has no MD5 (a multipart upload, a store whose ETag is not an MD5, no
    /// libcrypto here), the object is downloaded and its SHA-256 compared instead.
    func readBack(_ server: RcloneServer, fs: String, folder: String, name: String, target: String,
                  size: Int64, md5: String?, sha256: [UInt8]) throws -> Bool {
        if let md5 {
            struct Params: Encodable {
                struct Opt: Encodable { var noModTime = true; var noMimeType = true; var filesOnly = true; var showHash = true; var hashTypes = ["md5"] }
                struct Filter: Encodable { var IncludeRule: [String] }
                var fs: String; var remote: String; var opt = Opt(); var _filter: Filter
            }
            struct Entry: Decodable { var Name: String; var Size: Int64; var Hashes: [String: String]? }
            struct Listing: Decodable { var list: [Entry] }
            let body = try server.call("operations/list", Params(fs: fs, remote: folder, _filter: .init(IncludeRule: ["/" + folder + "/" + name])),
                                       operation: "read back", target: target)
            guard let l = try? JSONDecoder().decode(Listing.self, from: Data(body)) else {
                throw FleetError.remote(operation: "read back", target: target, says: "its listing is not the JSON rclone writes")
            }
            guard let e = l.list.first(where: { $0.Name == name }) else {
                throw FleetError.remote(operation: "read back", target: target, says: "it is not in the store's listing after the upload")
            }
            guard e.Size == size else { return false }
            if let theirs = e.Hashes?["md5"], !theirs.isEmpty {
                return constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
            }
        }
        let back = SHA256Sink()
        try server.read(fs: fs, path: folder + "/" + name, operation: "read back", target: target, consumer: { back.update($0) })
        return back.bytes == size && constantTimeEqual(back.digest(), sha256)
    }
}
