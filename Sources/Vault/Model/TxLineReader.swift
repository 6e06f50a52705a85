import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor through a 1 MiB buffer (constant memory), as UTF-8: a
/// UTF-8 byte order mark at the start is dropped, and GB18030 (which includes GBK and GB2312,
/// what Excel on Chinese Windows saves CSV as) is converted with the C library's iconv.
/// `auto` stays UTF-8 until the first byte other than ASCII; if that text is not UTF-8, the
/// input is read as GB18030 from there on.
final class LineReader {
    private let fd: Int32
    private let source: String
    private var buf: [UInt8]
    private var start = 0, end = 0
    private var eof = false
    private(set) var lineNumber = 0
    static let maxLine = 1 << 20
    private var atStart = true
    private(set) var encoding: TxImportEncoding
    private var converter: Transcoder?

    init(fd: Int32, source: String, encoding: TxImportEncoding = .utf8) throws {
        self.fd = fd; self.source = source; self.encoding = encoding
        buf = [UInt8](repeating: 0, count: LineReader.maxLine * 2)
        if encoding == .gb18030 { converter = try Transcoder(from: "GB18030", source: source) }
    }

    /// Calls `body` with the next line (without CR LF / LF). Returns false at the end.
    func next(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        while true {
            let found: Int? = buf.withUnsafeBytes { p -> Int? in
                guard end > start, let q = memchr(p.baseAddress! + start, 0x0A, end - start) else { return nil }
                return p.baseAddress!.distance(to: UnsafeRawPointer(q))
            }
            if let nl = found {
                var e = nl
                if e > start, buf[e - 1] == 0x0D { e -= 1 }
                lineNumber += 1
                let s = start
                start = nl + 1
                try buf.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
                return true
            }
            if eof {
                guard end > start else { return false }
                var e = end
                if buf[e - 1] == 0x0D { e -= 1 }
                lineNumber += 1
                let s = start
                start = end
                try buf.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[s..<e])) }
                return true
            }
            if start > 0 {
                let n = end - start
                if n > 0 { buf.withUnsafeMutableBytes { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, n) } }
                start = 0; end = n
            }
            if end - start >= LineReader.maxLine {
                throw RecordError.rule(.lineTooLong(source: source, line: lineNumber + 1))
            }
            let got: Int
            if let converter {
                got = try converter.read(fd: fd, into: &buf, at: end, capacity: LineReader.maxLine)
            } else {
                // Undecided (auto), leave room for the text to grow when converted (GB18030 to
                // UTF-8: at most 3 bytes for 2).
                let cap = encoding == .auto ? end + (buf.count - end) / 2 : buf.count
                got = buf.withUnsafeMutableBytes { p in Glibc.read(fd, p.baseAddress! + end, cap - end) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw VaultError.io(path: source, operation: "read", errno: errno)
                }
            }
            if got == 0 { eof = true; continue }
            let first = end
            end += got
            if atStart {
                // A UTF-8 byte order mark (Excel's "CSV UTF-8"), once the first three bytes are in.
                if end < 3 && !eof { continue }
                atStart = false
                if end >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
                    start = 3
                    if encoding == .auto { encoding = .utf8 }
                }
            }
            if encoding == .auto && converter == nil { try detect(from: Swift.max(first, start)) }
        }
    }

    /// `auto`: looks at newly read bytes from `from` for the first byte other than ASCII and,
    /// when there is one, decides: UTF-8 if the text from there is UTF-8 (a sequence cut at the
    /// end of the buffer counts as UTF-8), else GB18030 (converted in place from there on).
    private func detect(from: Int) throws {
        guard let i = buf[from..<end].firstIndex(where: { $0 >= 0x80 }) else { return }
        let valid = buf.withUnsafeBytes { p in LineReader.isUTF8(UnsafeRawBufferPointer(rebasing: p[i..<end]), partialTail: !eof) }
        if valid { encoding = .utf8; return }
        encoding = .gb18030
        let c = try Transcoder(from: "GB18030", source: source)
        let raw = Array(buf[i..<end])
        end = i
        try c.convert(raw, into: &buf, at: &end, final: false)
        converter = c
    }

    /// Whether `p` is UTF-8; with `partialTail`, a sequence cut short at the very end is allowed.
    static func isUTF8(_ p: UnsafeRawBufferPointer, partialTail: Bool) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let len = b & 0xE0 == 0xC0 ? 2 : b & 0xF0 == 0xE0 ? 3 : b & 0xF8 == 0xF0 ? 4 : 0
            guard len > 0, b >= 0xC2, b <= 0xF4 else { return false }
            if i + len > n {
                guard partialTail else { return false }
                for k in (i + 1)..<n where p[k] & 0xC0 != 0x80 { return false }
                return true
            }
            for k in 1..<len where p[i + k] & 0xC0 != 0x80 { return false }
            if String(validating: UnsafeRawBufferPointer(rebasing: p[i..<(i + len)]), as: UTF8.self) == nil { return false }
            i += len
        }
        return true
    }
}

/// Which text encoding an import reads (`--encoding`).
public enum TxImportEncoding: String, Sendable, CaseIterable {
    /// UTF-8, unless the first text other than ASCII is not UTF-8: then GB18030.
    case auto
    case utf8 = "utf-8"
    /// GB18030, which includes GBK and GB2312.
    case gb18030

    /// `auto`, `utf-8`/`utf8`, or `gb18030`/`gbk`/`gb2312`/`cp936` (any case).
    public init(name: String) throws {
        switch name.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default:
            throw RecordError.rule(.unknownEncoding(name))
        }
    }
}

/// Converts text to UTF-8 with glibc's iconv, streaming: a character cut at the end of one read
/// is finished with the next.
final class Transcoder {
    private let cd: iconv_t
    private let source: String
    private var pending: [UInt8] = []
    private var raw = [UInt8](repeating: 0, count: 1 << 18)

    init(from charset: String, source: String) throws {
        self.source = source
        let cd = iconv_open("UTF-8", charset)
        guard let cd, Int(bitPattern: cd) != -1 else {
            throw RecordError.rule(.iconvCannotRead(charset))
        }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// Reads from `fd` and appends the UTF-8 at `buf[at...]` (at most `capacity` bytes of
    /// input per call). Returns the bytes appended; 0 only at the end of the input.
    func read(fd: Int32, into buf: inout [UInt8], at: Int, capacity: Int) throws -> Int {
        while true {
            let want = Swift.min(raw.count, Swift.max(1, (buf.count - at) / 2))
            let n = raw.withUnsafeMutableBytes { p in Glibc.read(fd, p.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw VaultError.io(path: source, operation: "read", errno: errno)
            }
            var end = at
            if n == 0 {
                guard pending.isEmpty else {
                    throw RecordError.rule(.endsInsideGB18030(source: source))
                }
                return 0
            }
            try convert(Array(raw[0..<n]), into: &buf, at: &end, final: false)
            if end > at { return end - at }
        }
    }

    /// Converts `input` (after any bytes left over from the last call) into `buf` at `at`,
    /// moving `at` past what it wrote.
    func convert(_ input: [UInt8], into buf: inout [UInt8], at: inout Int, final: Bool) throws {
        var bytes = pending + input
        pending.removeAll()
        var inLeft = bytes.count
        let room = buf.count - at
        var outLeft = room
        let rc = bytes.withUnsafeMutableBufferPointer { ib in
            buf.withUnsafeMutableBufferPointer { ob -> Int in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress! + at).assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        let e = errno
        let used = bytes.count - inLeft
        at += room - outLeft
        if rc == -1 {
            switch e {
            case EINVAL: pending = Array(bytes[used...])  // a character cut at the end: finished next time
            case E2BIG: throw RecordError.rule(.lineTooLong(source: source, line: nil))
            default:
                throw RecordError.rule(.notGB18030(source: source, byte: bytes[used]))
            }
        }
        _ = final
    }
}
