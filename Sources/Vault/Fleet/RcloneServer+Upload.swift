import Dispatch
import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

extension RcloneServer {
    /// One object uploaded as `fs`/`folder`/`name` (operations/uploadfile, which streams it
    /// into the store as it arrives): the bytes go as HTTP chunks of one multipart part; when
    /// the connection breaks (rclone refused early), sending stops and rclone's answer is what
    /// `finish` reports.
    final class Upload {
        let fd: Int32
        let server: RcloneServer
        let operation: String, target: String
        var broken = false
        let boundary: String

        init(server: RcloneServer, fs: String, folder: String, name: String, operation: String, target: String) throws {
            self.server = server
            self.operation = operation
            self.target = target
            boundary = "vaultcli-" + SecureRandom.bytes(12).hexString
            try server.ready()
            fd = try server.connectSocket()
            let query = "fs=" + RcloneServer.escape(fs, keepSlash: false) + "&remote=" + RcloneServer.escape(folder, keepSlash: false)
            let head = "POST /operations/uploadfile?\(query) HTTP/1.1\r\nHost: rclone\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            let part = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file0\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            if !UnixSocket.sendAll(fd, Array(head.utf8)) { broken = true }
            _ = chunk(Array(part.utf8))
        }

        deinit { close(fd) }

        /// Sends `bytes` as one HTTP chunk; false once the connection is broken.
        @discardableResult
        func chunk(_ bytes: UnsafeRawBufferPointer) -> Bool {
            if broken { return false }
            if bytes.count == 0 { return true }
            if !UnixSocket.sendAll(fd, Array((String(bytes.count, radix: 16) + "\r\n").utf8)) || !UnixSocket.sendAll(fd, bytes)
                || !UnixSocket.sendAll(fd, [13, 10]) { broken = true }
            return !broken
        }

        @discardableResult
        func chunk(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { chunk($0) } }

        /// Ends the body (unless `abandon`), then reads rclone's answer: nil when the upload
        /// succeeded, else the error with rclone's words.
        func finish(abandon: Bool = false) -> FleetError? {
            if abandon {
                // Closing mid-body: rclone sees a truncated request and abandons the upload.
                shutdown(fd, Int32(SHUT_RDWR))
                return nil
            }
            if !broken {
                _ = chunk(Array("\r\n--\(boundary)--\r\n".utf8))
                if !broken && !UnixSocket.sendAll(fd, Array("0\r\n\r\n".utf8)) { broken = true }
            }
            do {
                let r = try server.readResponse(fd, consumer: nil)
                if r.status == 200 { return broken ? .remote(operation: operation, target: target, says: "the connection to rclone rcd broke") : nil }
                return server.failure(operation, target, r)
            } catch let e as FleetError {
                return e
            } catch {
                return .remote(operation: operation, target: target, says: "\(error)")
            }
        }
    }
}
