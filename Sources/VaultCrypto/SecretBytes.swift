internal import CSodium
import FoundationEssentials
import Glibc

/// A fixed-size buffer of secret bytes (a key, a password, a seed).
///
/// The bytes live in `sodium_malloc` memory (guard pages, mlock where the OS allows) and are
/// wiped with `sodium_memzero` when the value is released. They are reachable only through
/// `withUnsafeBytes`. `==` is constant-time. The type is a class so that copies share one
/// buffer and the wipe happens exactly once.
public final class SecretBytes: @unchecked Sendable, Equatable, CustomStringConvertible {
    private let pointer: UnsafeMutableRawPointer
    public let count: Int

    /// Allocates `count` zero bytes.
    public init(count: Int) throws {
        try Sodium.ensure()
        guard let p = sodium_malloc(Swift.max(count, 1)) else { throw CryptoError.outOfMemory }
        pointer = p
        self.count = count
        sodium_memzero(p, Swift.max(count, 1))
    }

    /// Fills a new buffer with `count` random bytes.
    public static func random(count: Int) throws -> SecretBytes {
        let s = try SecretBytes(count: count)
        if count > 0 { randombytes_buf(s.pointer, count) }
        return s
    }

    /// Copies `bytes` in. The caller should wipe its own copy.
    public convenience init(copying bytes: some ContiguousBytes) throws {
        let n = bytes.withUnsafeBytes { $0.count }
        try self.init(count: n)
        let dst = pointer
        bytes.withUnsafeBytes { src in
            if n > 0 { dst.copyMemory(from: src.baseAddress!, byteCount: n) }
        }
    }

    /// Takes a UTF-8 string's bytes (for passwords read from a prompt).
    public convenience init(utf8 string: String) throws {
        var bytes = Array(string.utf8)
        defer { wipe(&bytes) }
        try self.init(copying: bytes)
    }

    /// Builds a buffer by letting `body` write into it.
    public convenience init(count: Int, initializer body: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        try self.init(count: count)
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    deinit {
        sodium_memzero(pointer, Swift.max(count, 1))
        sodium_free(pointer)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    package func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Zeroes the bytes now (for a buffer that outlives its use: the agent's grant, held by a
    /// function that never returns).
    package func wipeNow() {
        sodium_memzero(pointer, Swift.max(count, 1))
    }

    /// A slice copied into a new secret buffer.
    public func prefix(_ n: Int) throws -> SecretBytes {
        try subrange(0, n)
    }

    public func subrange(_ start: Int, _ length: Int) throws -> SecretBytes {
        precondition(start >= 0 && length >= 0 && start + length <= count)
        let out = try SecretBytes(count: length)
        if length > 0 { out.pointer.copyMemory(from: pointer + start, byteCount: length) }
        return out
    }

    /// The bytes as a plain array, for serialising into an encrypted record. The caller wipes it.
    /// Internal: nothing outside the library can copy a secret out of locked memory.
    package func unsafeCopyBytes() -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count == 0 { return true }
        return sodium_memcmp(lhs.pointer, rhs.pointer, lhs.count) == 0
    }

    /// Never prints the contents.
    public var description: String { "SecretBytes(\(count) bytes)" }

    /// Whether the bytes are UTF-8 text (checked in place: no String is made of them).
    public var isValidUTF8: Bool {
        withUnsafeBytes { raw in
            var it = raw.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            while true {
                switch parser.parseScalar(from: &it) {
                case .valid: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    /// Whether every byte satisfies `predicate` (e.g. ASCII digits for a PIN), read in place.
    /// Internal: a caller's closure would see every byte.
    package func allBytes(_ predicate: (UInt8) -> Bool) -> Bool {
        withUnsafeBytes { $0.allSatisfy(predicate) }
    }

    /// Constant-time comparison with the UTF-8 bytes of a literal a test or a caller already
    /// holds (no copy of the secret is made).
    public func equals(utf8 other: String) -> Bool {
        var o = Array(other.utf8)
        defer { wipe(&o) }
        guard o.count == count else { return false }
        if count == 0 { return true }
        return o.withUnsafeBytes { sodium_memcmp(pointer, $0.baseAddress!, count) == 0 }
    }
}

extension SecretBytes: CustomDebugStringConvertible, CustomReflectable {
    /// `debugPrint`, string interpolation in a debugger, and `dump`/`Mirror` show the length only.
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .class) }
}

// MARK: building a plaintext in locked memory

/// A little-endian writer into a buffer of known size in locked memory (`SecretBytes(count:
/// initializer:)`): the plaintext of a record, an envelope or a keyslot payload is built there
/// and sealed from there. Writing past the end is a programming error.
package struct LockedWriter {
    package let buffer: UnsafeMutableRawBufferPointer
    package private(set) var offset = 0
    package init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }

    package mutating func raw(_ v: UnsafeRawBufferPointer) {
        precondition(offset + v.count <= buffer.count, "LockedWriter: write past the end")
        if v.count > 0 { (buffer.baseAddress! + offset).copyMemory(from: v.baseAddress!, byteCount: v.count) }
        offset += v.count
    }
    package mutating func raw(_ v: [UInt8]) { v.withUnsafeBytes { raw($0) } }
    package mutating func raw(_ v: Data) { v.withUnsafeBytes { raw($0) } }
    package mutating func u8(_ v: UInt8) { Swift.withUnsafeBytes(of: v) { raw($0) } }
    package mutating func u16(_ v: UInt16) { Swift.withUnsafeBytes(of: v.littleEndian) { raw($0) } }
    package mutating func u32(_ v: UInt32) { Swift.withUnsafeBytes(of: v.littleEndian) { raw($0) } }
    package var atEnd: Bool { offset == buffer.count }
}

extension SecretBytes {
    /// A buffer of exactly `count` bytes in locked memory, filled by `body` through a writer;
    /// `body` must fill it exactly.
    package static func build(count: Int, _ body: (inout LockedWriter) throws -> Void) throws -> SecretBytes {
        try SecretBytes(count: count) { buf in
            var w = LockedWriter(buf)
            try body(&w)
            precondition(w.atEnd, "LockedWriter: \(w.offset) of \(count) bytes written")
        }
    }
}

// MARK: the secret part of a record

/// SecretBytes met while encoding a record (`RecordCodec`, envelopes): they are taken out of the
/// JSON text, which holds only their index, and written after it as binary (docs/FORMAT.md,
/// "Secrets in records"). Decoding reads them from there straight into SecretBytes.
package final class SecretPart: @unchecked Sendable {
    package var items: [SecretBytes] = []
    package init(_ items: [SecretBytes] = []) { self.items = items }

    package static let key = CodingUserInfoKey(rawValue: "vaultcli.secret-part")!

    /// The length of `u16 k ‖ k × (u32 length ‖ bytes)`.
    package var encodedCount: Int { items.reduce(2) { $0 + 4 + $1.count } }

    /// Writes `u16 k ‖ k × (u32 length ‖ bytes)` into `w` (a plaintext being built in locked
    /// memory): each secret goes from its own locked buffer to the record's, never through an
    /// ordinary one.
    package func write(into w: inout LockedWriter) {
        w.u16(UInt16(items.count))
        for s in items {
            w.u32(UInt32(s.count))
            s.withUnsafeBytes { w.raw($0) }
        }
    }
}

/// SecretBytes encode and decode only through the vault's record codec: the JSON text gets the
/// index into the record's secret part, never the bytes. Any other encoder gets an error (so
/// no `JSONEncoder` can turn a secret into text). A JSON string in its place is a record written
/// before the secret part existed (format 1, and format 2 before issue 11 point 8): it is read
/// into locked memory at once (the decoder's own String of it is freed, not wiped).
extension SecretBytes: Codable {
    public convenience init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let part = decoder.userInfo[SecretPart.key] as? SecretPart, let i = try? c.decode(Int.self) {
            guard i >= 0, i < part.items.count else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "secret index out of range")
            }
            let src = part.items[i]
            try self.init(count: src.count) { dst in src.withUnsafeBytes { if $0.count > 0 { dst.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } } }
            return
        }
        try self.init(utf8: try c.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        guard let part = encoder.userInfo[SecretPart.key] as? SecretPart else {
            throw EncodingError.invalidValue(count, EncodingError.Context(codingPath: encoder.codingPath,
                                                                         debugDescription: "SecretBytes encode only into a vault record's secret part"))
        }
        var c = encoder.singleValueContainer()
        try c.encode(part.items.count)
        part.items.append(self)
    }
}
