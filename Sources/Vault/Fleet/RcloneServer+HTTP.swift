import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over the socket, one connection per request ("Connection: close").
extension RcloneServer {
    func connectSocket() throws -> Int32 {
        let (fd, e) = UnixSocket.connect(socketPath)
        if fd < 0 { throw VaultError.io(path: socketPath, operation: "connect to", errno: e) }
        return fd
    }

    struct Response {
        var status: Int
        var body: [UInt8]
    }

    /// Reads a response: the status, then the body (by Content-Length, chunked, or to the end),
    /// handed to `consumer` when the status is 200, else kept for the error message.
    func readResponse(_ fd: Int32, consumer: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws -> Response {
        var buf: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        func fill() throws -> Bool {
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
                if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: socketPath, operation: "read from", errno: errno) }
                if n == 0 { return false }
                buf += chunk[0..<n]
                return true
            }
        }
        // Head.
        var headEnd: Int? = nil
        while headEnd == nil {
            if let r = Self.find(buf, [13, 10, 13, 10]) { headEnd = r; break }
            guard buf.count < 65536, try fill() else {
                throw FleetError.remote(operation: "talk to", target: "rclone rcd", says: "it closed the connection without an answer" + lastLogLine())
            }
        }
        let head = String(decoding: buf[0..<headEnd!], as: UTF8.self)
        buf.removeFirst(headEnd! + 4)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw FleetError.remote(operation: "talk to", target: "rclone rcd", says: "its answer is not HTTP")
        }
        var length: Int? = nil
        var chunked = false
        for l in lines.dropFirst() {
            guard let c = l.firstIndex(of: ":") else { continue }
            let name = l[..<c].lowercased()
            let value = l[l.index(after: c)...].trimmed(.whitespaces)
            if name == "content-length" { length = Int(value) }
            if name == "transfer-encoding" && value.lowercased().contains("chunked") { chunked = true }
        }
        var kept: [UInt8] = []
        func deliver(_ b: ArraySlice<UInt8>) throws {
            if b.isEmpty { return }
            if status == 200, let consumer { try b.withUnsafeBytes { try consumer($0) } } else if kept.count < 1 << 20 { kept += b }
        }
        /// Hands the next `count` body bytes to `deliver`, reading more as needed.
        func pass(_ count: Int) throws {
            var left = count
            while left > 0 {
                if buf.isEmpty { guard try fill() else { throw truncated() } }
                let take = min(left, buf.count)
                try deliver(buf[0..<take])
                buf.removeFirst(take)
                left -= take
            }
        }
        if chunked {
            while true {
                var lineEnd = Self.find(buf, [13, 10])
                while lineEnd == nil { guard try fill() else { throw truncated() }; lineEnd = Self.find(buf, [13, 10]) }
                let sizeText = String(decoding: buf[0..<lineEnd!], as: UTF8.self).split(separator: ";").first.map { $0.trimmed(.whitespaces) } ?? ""
                guard let size = Int(sizeText, radix: 16), size >= 0 else { throw truncated() }
                buf.removeFirst(lineEnd! + 2)
                if size == 0 { break }
                try pass(size)
                while buf.count < 2 { guard try fill() else { throw truncated() } }
                buf.removeFirst(2)
            }
        } else if let length {
            try pass(length)
        } else {
            try deliver(buf[...])
            buf.removeAll()
            while try fill() { try deliver(buf[...]); buf.removeAll() }
        }
        return Response(status: status, body: kept)
    }

    private func truncated() -> FleetError {
        .remote(operation: "talk to", target: "rclone rcd", says: "its answer was cut short" + lastLogLine())
    }

    func lastLogLine(from: Int = 0) -> String {
        let s = Rclone.says(log(from: from))
        return s == "rclone failed without a message" ? "" : " (" + s + ")"
    }

    static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Percent-encodes a URL path or query component (RFC 3986 unreserved and "/" stay).
    static func escape(_ s: String, keepSlash: Bool) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || c == "-" || c == "." || c == "_" || c == "~" || (keepSlash && c == "/") {
                out.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// An error answer of the API: `{"error": "..."}` (rclone's own words).
    func failure(_ operation: String, _ target: String, _ r: Response) -> FleetError {
        struct E: Decodable { var error: String }
        if let e = try? JSONDecoder().decode(E.self, from: Data(r.body)) {
            return .remote(operation: operation, target: target, says: Rclone.says("ERROR : " + e.error))
        }
        let text = String(decoding: r.body.prefix(800), as: UTF8.self).trimmed(.whitespacesAndNewlines)
        return .remote(operation: operation, target: target, says: "HTTP \(r.status)" + (text.isEmpty ? "" : ": " + text))
    }
}
