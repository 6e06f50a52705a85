import FoundationEssentials
import Glibc
import VaultCrypto

/// The age ASCII armor (C2SP age spec, "ASCII armor"): a PEM-like block of strict, padded
/// base64 in lines of exactly 64 columns, the last one shorter or full.
enum AgeArmor {
    static let header = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)
    static let footer = Array("-----END AGE ENCRYPTED FILE-----".utf8)
    static let columns = 64
    static let bytesPerLine = 48
    static let maxWhitespace = 1024

    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D
    }

    /// True when the buffered input starts (after optional whitespace) with the armor header.
    static func looksArmored(_ input: InputBuffer) throws -> Bool {
        let n = try input.fill(min(maxWhitespace + header.count, input.capacity))
        let bytes = UnsafeRawBufferPointer(start: input.pointer, count: n)
        var i = 0
        while i < n && isSpace(bytes[i]) { i += 1 }
        guard n - i >= header.count else { return false }
        return bytes[i..<(i + header.count)].elementsEqual(header)
    }
}

/// Decodes armor from an underlying buffer; produces the binary age file.
final class ArmorDecoder {
    private let input: InputBuffer
    private var started = false
    private var finished = false
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var line = [UInt8](repeating: 0, count: AgeArmor.bytesPerLine)

    init(input: InputBuffer) { self.input = input }

    private func fail(_ why: AgeArmorProblem) -> BackupError { .armorInvalid(why) }

    /// One line without its LF and one trailing CR. The end of the input with nothing left is
    /// an error: the armor must end with its footer line.
    private func getLine() throws -> [UInt8] {
        switch try input.readLine(max: AgeArmor.maxWhitespace + 2) {
        case .tooLong:
            throw fail(.lineTooLong)
        case .end(let bytes):
            if bytes.isEmpty { throw fail(.noEndLine) }
            var l = bytes
            if l.last == 0x0D { l.removeLast() }
            return l
        case .line(var l):
            l.removeLast()
            if l.last == 0x0D { l.removeLast() }
            return l
        }
    }

    /// After the footer only whitespace (up to 1 KiB) may follow.
    private func drainTrailing() throws {
        let n = try input.fill(AgeArmor.maxWhitespace)
        let bytes = UnsafeRawBufferPointer(start: input.pointer, count: min(n, AgeArmor.maxWhitespace))
        if bytes.contains(where: { !AgeArmor.isSpace($0) }) { throw fail(.dataAfterEnd) }
        if n >= AgeArmor.maxWhitespace { throw fail(.tooMuchWhitespaceAfter) }
        input.consume(n)
        finished = true
    }

    /// Decodes one base64 line into `line`; returns its byte count.
    private func decodeLine(_ l: [UInt8]) throws -> Int {
        if l.count > AgeArmor.columns { throw fail(.lineLongerThan64) }
        if l.isEmpty { throw fail(.emptyLine) }
        let decoded = l.withUnsafeBufferPointer { src in
            src.withMemoryRebound(to: CChar.self) { s in
                line.withUnsafeMutableBufferPointer { dst in Base64.decodeLine(s, into: dst) }
            }
        }
        guard let binLen = decoded else { throw fail(.notCanonicalBase64) }
        return binLen
    }

    /// Reads decoded bytes into `buf`; 0 at the end of the armored data.
    func read(into buf: UnsafeMutableRawBufferPointer) throws -> Int {
        var written = 0
        while written < buf.count {
            if pendingOffset < pending.count {
                let n = min(buf.count - written, pending.count - pendingOffset)
                pending.withUnsafeBytes { p in
                    (buf.baseAddress! + written).copyMemory(from: p.baseAddress! + pendingOffset, byteCount: n)
                }
                pendingOffset += n
                written += n
                continue
            }
            if finished { break }
            try decodeNext()
        }
        return written
    }

    private func decodeNext() throws {
        var removed = 0
        while !started {
            let l = try getLine()
            if l.allSatisfy(AgeArmor.isSpace) {
                removed += l.count + 1
                if removed > AgeArmor.maxWhitespace { throw fail(.tooMuchWhitespaceBefore) }
                continue
            }
            guard l == AgeArmor.header else { throw fail(.firstLineNotBegin) }
            started = true
        }
        let l = try getLine()
        if l == AgeArmor.footer {
            try drainTrailing()
            pending = []
            pendingOffset = 0
            return
        }
        let n = try decodeLine(l)
        pending = Array(line[0..<n])
        pendingOffset = 0
        if n < AgeArmor.bytesPerLine {
            // Only the last line may be short; the footer must come next.
            let next = try getLine()
            guard next == AgeArmor.footer else { throw fail(.shortLineNotLast) }
            try drainTrailing()
        }
    }
}

/// Encodes binary data as armor into a sink: header, 64-column lines, footer.
final class ArmorEncoder {
    private let sink: ByteSink
    private var carry: [UInt8] = []
    private var out: [UInt8]
    private var outCount = 0
    private static let linesPerBatch = 16 * 1024

    init(sink: @escaping ByteSink) throws {
        self.sink = sink
        out = [UInt8](repeating: 0, count: ArmorEncoder.linesPerBatch * (AgeArmor.columns + 1) + 1)
        try (AgeArmor.header + [0x0A]).withUnsafeBytes { try sink($0) }
    }

    private func flush() throws {
        if outCount > 0 {
            try out.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<outCount])) }
            outCount = 0
        }
    }

    /// Encodes `bytes` (count <= 48) as one line.
    private func encodeLine(_ bytes: UnsafeRawBufferPointer) throws {
        if outCount + AgeArmor.columns + 2 > out.count { try flush() }
        let encodedLength = 4 * ((bytes.count + 2) / 3)
        out.withUnsafeMutableBufferPointer { o in
            let dst = UnsafeMutableRawPointer(o.baseAddress! + outCount).assumingMemoryBound(to: CChar.self)
            Base64.encodeLine(bytes, into: dst, capacity: encodedLength + 1)
        }
        outCount += encodedLength
        out[outCount] = 0x0A
        outCount += 1
    }

    func write(_ buf: UnsafeRawBufferPointer) throws {
        var offset = 0
        if !carry.isEmpty {
            let take = min(AgeArmor.bytesPerLine - carry.count, buf.count)
            carry.append(contentsOf: buf[0..<take])
            offset = take
            if carry.count == AgeArmor.bytesPerLine {
                try carry.withUnsafeBytes { try encodeLine($0) }
                carry.removeAll(keepingCapacity: true)
            }
        }
        while buf.count - offset >= AgeArmor.bytesPerLine {
            try encodeLine(UnsafeRawBufferPointer(rebasing: buf[offset..<(offset + AgeArmor.bytesPerLine)]))
            offset += AgeArmor.bytesPerLine
        }
        if offset < buf.count { carry.append(contentsOf: buf[offset...]) }
    }

    /// Writes the last (short or empty) line and the footer.
    func finish() throws {
        if !carry.isEmpty {
            try carry.withUnsafeBytes { try encodeLine($0) }
            carry.removeAll()
        }
        try flush()
        try (AgeArmor.footer + [0x0A]).withUnsafeBytes { try sink($0) }
    }
}
