import FoundationEssentials
import Glibc

/// Little-endian byte writer for the on-disk formats.
struct ByteWriter {
    var bytes: [UInt8] = []
    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func raw(_ v: some Sequence<UInt8>) { bytes.append(contentsOf: v) }
    /// A u16-length-prefixed byte string.
    mutating func blob16(_ v: [UInt8]) { u16(UInt16(v.count)); raw(v) }
    mutating func string16(_ s: String) { blob16(Array(s.utf8)) }
    /// A u32-length-prefixed byte string.
    mutating func blob32(_ v: [UInt8]) { u32(UInt32(v.count)); raw(v) }
}

/// Bounds-checked little-endian reader. Every read past the end throws `truncated`.
struct ByteReader {
    struct Truncated: Error {}
    let bytes: [UInt8]
    var offset: Int
    init(_ bytes: [UInt8], offset: Int = 0) { self.bytes = bytes; self.offset = offset }

    var remaining: Int { bytes.count - offset }
    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw Truncated() }
        defer { offset += n }
        return bytes[offset ..< offset + n]
    }
    mutating func u8() throws -> UInt8 { try take(1).first! }
    mutating func u16() throws -> UInt16 { UInt16(try le(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try le(4)) }
    mutating func u64() throws -> UInt64 { try le(8) }
    mutating func array(_ n: Int) throws -> [UInt8] { Array(try take(n)) }
    mutating func blob16() throws -> [UInt8] { try array(Int(try u16())) }
    mutating func string16() throws -> String {
        let b = try blob16()
        guard let s = String(validating: b, as: UTF8.self) else { throw Truncated() }
        return s
    }
    mutating func blob32() throws -> [UInt8] { try array(Int(try u32())) }

    private mutating func le(_ n: Int) throws -> UInt64 {
        let s = try take(n)
        var v: UInt64 = 0
        for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }
}

/// The same reader over a borrowed buffer (a record's plaintext in locked memory): it reads in
/// place and hands out views, never copies.
struct RawReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0
    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - offset }
    var atEnd: Bool { offset == buffer.count }

    mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw ByteReader.Truncated() }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: buffer[offset ..< offset + n])
    }
    /// What is left, as a view.
    mutating func rest() -> UnsafeRawBufferPointer { (try? take(remaining)) ?? UnsafeRawBufferPointer(start: nil, count: 0) }
    mutating func u8() throws -> UInt8 { try take(1)[0] }
    mutating func u16() throws -> UInt16 { UInt16(try le(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try le(4)) }

    private mutating func le(_ n: Int) throws -> UInt64 {
        let s = try take(n)
        var v: UInt64 = 0
        for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
        return v
    }
}

@inline(__always) func readLE32(_ p: UnsafeRawPointer, _ off: Int) -> UInt32 {
    UInt32(littleEndian: p.loadUnaligned(fromByteOffset: off, as: UInt32.self))
}
@inline(__always) func readLE64(_ p: UnsafeRawPointer, _ off: Int) -> UInt64 {
    UInt64(littleEndian: p.loadUnaligned(fromByteOffset: off, as: UInt64.self))
}

extension Array where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(count * 2)
        for b in self { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    init?(hexString s: String) {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out = [UInt8](); out.reserveCapacity(u.count / 2)
        func val(_ c: UInt8) -> UInt8? {
            switch c { case 48...57: c - 48; case 97...102: c - 87; case 65...70: c - 55; default: nil }
        }
        var i = 0
        while i < u.count {
            guard let a = val(u[i]), let b = val(u[i + 1]) else { return nil }
            out.append(a << 4 | b); i += 2
        }
        self = out
    }
}

/// A u64 in little-endian bytes.
func u64LE(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
