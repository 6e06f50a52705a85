import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

extension FleetUploader {
    /// The steps of one backup through one `rclone rcd`.
    struct Step {
        let uploader: FleetUploader
        let server: RcloneServer
        let fs: String, folder: String, rel: String
        let recipients: [AgeRecipient]
        let source: BackupSource

        struct Entry: Decodable { var Path: String; var Size: Int64; var IsDir: Bool?; var Hashes: [String: String]?
            var name: String { String(Path.split(separator: "/").last ?? "") } }
        struct Manifest { var seq: Int; var name: String; var size: Int64; var md5: String? }
        struct Sent { var name: String; var path: String; var size: Int64; var sha256: [UInt8]; var md5: String? }

        /// Every object under the terminal's prefix, with the store's MD5 (one LIST request).
        func listPrefix() throws -> [Entry] {
            struct ListParams: Encodable {
                struct Opt: Encodable { var noModTime = true; var noMimeType = true; var filesOnly = true; var showHash = true; var hashTypes = ["md5"] }
                var fs: String; var remote: String; var opt = Opt()
            }
            struct Listing: Decodable { var list: [Entry] }
            do {
                let body = try server.call("operations/list", ListParams(fs: fs, remote: rel), operation: "list", target: folder)
                guard let l = try? JSONDecoder().decode(Listing.self, from: Data(body)) else {
                    throw FleetError.remote(operation: "list", target: folder, says: "its listing is not the JSON rclone writes")
                }
                return l.list.filter { $0.IsDir != true }
            } catch FleetError.remote(_, _, let says) where says.contains("directory not found") {
                return []   // a local or SFTP remote before the first backup
            }
        }

        /// The highest seq of any object named as a backup or manifest, and the manifests, newest first.
        static func chain(_ entries: [Entry]) -> (maxSeq: Int, manifests: [Manifest]) {
            var maxSeq = 0
            var manifests: [Manifest] = []
            for e in entries {
                guard let p = FleetManifest.parseName(e.name) else { continue }
                maxSeq = max(maxSeq, p.seq)
                if p.isManifest { manifests.append(Manifest(seq: p.seq, name: e.name, size: e.Size, md5: e.Hashes?["md5"])) }
            }
            manifests.sort { $0.seq > $1.seq }
            return (maxSeq, manifests)
        }

        /// The hash of the newest manifest this key signed (read back, up to 8 tried), and those skipped.
        func previous(_ manifests: [Manifest], signer: [UInt8]) throws -> ([UInt8]?, [String]) {
            var skipped: [String] = []
            for m in manifests.prefix(8) {
                let bytes = try server.readAll(fs: fs, path: rel + "/" + m.name, operation: "read", target: folder + "/" + m.name)
                if (try? FleetManifest.verify(bytes, name: m.name, expectedSigner: signer)) != nil { return (FleetManifest.hash(bytes), skipped) }
                skipped.append(m.name)
            }
            return (nil, skipped)
        }

        /// The sealed backup, streamed into rclone as it is encrypted, as `<created>-<seq>.age`.
        func upload(created: Date, seq: Int) throws -> Sent {
            let name = FleetManifest.baseName(created: created, seq: seq) + ".age"
            let path = folder + "/" + name
            let up = try RcloneServer.Upload(server: server, fs: fs, folder: rel, name: name, operation: "upload", target: path)
            let h = HashingIO(target: up.fd, send: { up.chunk($0) }, md5: StoreMD5())
            var w = BackupWriter(recipients: recipients, progress: uploader.progress)
            w.io = h
            w.now = { created }
            do {
                _ = try w.write(from: source, to: .descriptor(up.fd, name: "rclone rcd"))
            } catch {
                // rclone's refusal (the store's words) explains a broken connection best.
                if up.broken, let e = up.finish() { throw e }
                _ = up.finish(abandon: true)
                throw error
            }
            if let e = up.finish() { throw e }
            return Sent(name: name, path: path, size: h.bytes, sha256: h.digest(), md5: h.md5?.hex())
        }

        /// 2. What the store holds compared with what was sent: by `listed` (the object's entry
        ///    in a listing made after the upload) when given, else by a listing of its name
        ///    (docs/fleet.md, "Why a listing is a read-back"). A difference deletes the object
        ///    where the credential may.
        func check(_ sent: Sent, listed: Entry?) throws {
            let same: Bool
            if let listed {
                if listed.Size != sent.size {
                    same = false
                } else if let md5 = sent.md5, let theirs = listed.Hashes?["md5"], !theirs.isEmpty {
                    same = constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
                } else {
                    // No MD5 to compare (a multipart upload, a store whose ETag is not one): a download.
                    same = try uploader.readBack(server, fs: fs, folder: rel, name: sent.name, target: sent.path, size: sent.size, md5: nil, sha256: sent.sha256)
                }
            } else {
                same = try uploader.readBack(server, fs: fs, folder: rel, name: sent.name, target: sent.path, size: sent.size, md5: sent.md5, sha256: sent.sha256)
            }
            guard same else {
                remove(sent)
                throw FleetError.readBackMismatch(target: sent.path)
            }
        }

        /// Deletes an object this backup wrote, where the credential may (best effort: one
        /// without a manifest never looks whole, and `fleet prune` removes it after two days).
        func remove(_ sent: Sent) {
            struct Del: Encodable { var fs: String; var remote: String }
            _ = try? server.call("operations/deletefile", Del(fs: fs, remote: rel + "/" + sent.name), operation: "delete", target: sent.path)
        }
    }
}
