internal import CSodium
import FoundationEssentials
import Glibc

/// Errors from the crypto layer. Each failure has its own case: a forged ciphertext, a bad
/// parameter and an out-of-memory condition are never the same thing.
public enum CryptoError: Error, Equatable, Sendable {
    /// libsodium could not be initialised.
    case initializationFailed
    /// Authentication failed: wrong key, or the data was changed.
    case authenticationFailed
    /// An input had the wrong size.
    case invalidLength(what: String, expected: Int, got: Int)
    /// A KDF or primitive parameter is outside what the primitive accepts.
    case invalidParameters(String)
    /// The KDF could not allocate its memory or otherwise failed.
    case kdfFailed
    /// A PHC string could not be parsed.
    case malformedPHC
    /// A key-agreement result was all zeroes (a low-order public key).
    case weakPublicKey
    /// Secure memory could not be allocated.
    case outOfMemory
}

/// One-time libsodium initialisation. Every entry point of the crypto layer calls `ensure()`.
package enum Sodium {
    nonisolated(unsafe) private static let initResult: Int32 = sodium_init()

    package static func ensure() throws {
        if initResult < 0 { throw CryptoError.initializationFailed }
    }

    /// libsodium's version string, for `info`.
    public static var version: String {
        String(cString: sodium_version_string())
    }
}

public enum SodiumInfo {
    public static var version: String { Sodium.version }
}

/// Constant-time comparison of two byte sequences of equal length (sodium_memcmp).
/// Different lengths compare unequal (the length itself is not secret).
public func constantTimeEqual(_ a: some ContiguousBytes, _ b: some ContiguousBytes) -> Bool {
    a.withUnsafeBytes { pa in
        b.withUnsafeBytes { pb in
            guard pa.count == pb.count else { return false }
            if pa.count == 0 { return true }
            return sodium_memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
        }
    }
}

/// Wipes a byte array in place (sodium_memzero). Used for short-lived plain arrays that held
/// secrets before they are dropped.
public func wipe(_ bytes: inout [UInt8]) {
    let n = bytes.count
    if n == 0 { return }
    bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, n) }
}

public func wipe(_ data: inout Data) {
    let n = data.count
    if n == 0 { return }
    data.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, n) }
}

/// Helpers for libsodium's non-optional pointers: an empty buffer has a nil base address.
@inline(__always)
package func withBase<R>(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
    if let base = bytes.baseAddress {
        return try body(base.assumingMemoryBound(to: UInt8.self))
    }
    var zero: UInt8 = 0
    return try withUnsafePointer(to: &zero) { try body($0) }
}
