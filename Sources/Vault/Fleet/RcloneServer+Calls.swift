import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension RcloneServer {
    /// Calls an API method with JSON parameters; the answer's JSON body.
    func call<P: Encodable>(_ method: String, _ params: P, operation: String, target: String) throws -> [UInt8] {
        try ready()
        let body = Array(try JSONEncoder().encode(params))
        let fd = try connectSocket()
        defer { close(fd) }
        let head = "POST /\(method) HTTP/1.1\r\nHost: rclone\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        guard UnixSocket.sendAll(fd, Array(head.utf8) + body) else {
            throw FleetError.remote(operation: operation, target: target, says: "the connection to rclone rcd broke" + lastLogLine())
        }
        var out: [UInt8] = []
        let r = try readResponse(fd, consumer: { out += $0 })
        guard r.status == 200 else { throw failure(operation, target, r) }
        return out
    }

    /// Streams `fs`/`path` (GET through `--rc-serve`) into `consumer`: one request to the store.
    func read(fs: String, path: String, operation: String, target: String, consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        try ready()
        let mark = logMark
        let fd = try connectSocket()
        defer { close(fd) }
        let url = "/" + Self.escape("[" + fs + "]", keepSlash: false) + "/" + Self.escape(path, keepSlash: true)
        let head = "GET \(url) HTTP/1.1\r\nHost: rclone\r\nConnection: close\r\n\r\n"
        guard UnixSocket.sendAll(fd, Array(head.utf8)) else {
            throw FleetError.remote(operation: operation, target: target, says: "the connection to rclone rcd broke" + lastLogLine())
        }
        let r = try withoutActuallyEscaping(consumer) { c in try readResponse(fd, consumer: c) }
        guard r.status == 200 else {
            // rclone serves a failed read as 404 and logs the store's own words: those are what count.
            usleep(20_000)
            let said = Rclone.says(log(from: mark))
            if said != "rclone failed without a message" { throw FleetError.remote(operation: operation, target: target, says: said) }
            if r.status == 404 { throw FleetError.remote(operation: operation, target: target, says: "it is not there (404)") }
            throw failure(operation, target, r)
        }
    }

    func readAll(fs: String, path: String, operation: String, target: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try read(fs: fs, path: path, operation: operation, target: target, consumer: { out += $0 })
        return out
    }
}
