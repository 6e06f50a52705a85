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

    func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
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
    func unsafeCopyBytes() -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count == 0 { return true }
        return sodium_memcmp(lhs.pointer, rhs.pointer, lhs.count) == 0
    }

    /// Never prints the contents.
    public var description: String { "SecretBytes(\(count) bytes)" }
}
