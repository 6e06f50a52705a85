internal import CSodium
import FoundationEssentials
import Glibc

/// Argon2id cost parameters. `memoryKiB` is the memory in KiB, `iterations` the time cost.
/// libsodium always uses one lane (p = 1).
public struct KDFParameters: Equatable, Sendable, Codable {
    public var memoryKiB: UInt32
    public var iterations: UInt32

    public init(memoryKiB: UInt32, iterations: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
    }

    public var memoryBytes: Int { Int(memoryKiB) * 1024 }

    /// OWASP's floor for Argon2id: m >= 19 MiB, t >= 2.
    public static let floor = KDFParameters(memoryKiB: 19 * 1024, iterations: 2)

    /// The most any keyslot may ask for: 4 GiB and 64 passes. `init --kdf-target-ms`
    /// calibration never goes past 64 MiB and 64 passes; a file asking for more was doctored,
    /// and running it would tie the terminal up (or exhaust its memory) at every login.
    public static let ceiling = KDFParameters(memoryKiB: 4 * 1024 * 1024, iterations: 64)

    /// Whether no more work than `c` is asked for.
    public func within(_ c: KDFParameters) -> Bool {
        memoryKiB <= c.memoryKiB && iterations <= c.iterations
    }

    /// The cost the test-only knob uses. Never reachable from a release build.
    public static let insecureTest = KDFParameters(memoryKiB: 8, iterations: 1)

    public func meets(_ f: KDFParameters) -> Bool {
        memoryKiB >= f.memoryKiB && iterations >= f.iterations
    }

    public var summary: String { "Argon2id m=\(memoryKiB) KiB t=\(iterations) p=1" }
}

/// Counts the Argon2id key derivations this process has run, so tests can check that two
/// paths (a known and an unknown name, say) do the same work without timing them.
package final class KDFRunCounter: @unchecked Sendable {
    private let lock = Lock()
    private var n = 0
    package func add() { lock.withLock { n += 1 } }
    package var value: Int { lock.withLock { n } }
}

/// Argon2id through libsodium's crypto_pwhash (ALG_ARGON2ID13).
public enum Argon2id {
    public static let saltBytes = Int(crypto_pwhash_SALTBYTES)  // 16
    package static let runs = KDFRunCounter()

    /// Derives `length` bytes from a password. The vault's keyslots use this same path.
    public static func deriveKey(password: SecretBytes, salt: [UInt8], parameters: KDFParameters, length: Int = 32) throws -> SecretBytes {
        try Sodium.ensure()
        guard salt.count == saltBytes else { throw CryptoError.invalidLength(what: "Argon2id salt", expected: saltBytes, got: salt.count) }
        guard length >= 16 else { throw CryptoError.invalidParameters("Argon2id output must be at least 16 bytes") }
        guard parameters.iterations >= 1, parameters.memoryKiB >= 8 else { throw CryptoError.invalidParameters("Argon2id cost too low for libsodium") }
        let out = try SecretBytes(count: length)
        runs.add()
        TestProbe.record("kdf argon2id m=\(parameters.memoryKiB) t=\(parameters.iterations) len=\(length)")
        let rc: Int32 = out.withUnsafeMutableBytes { o in
            password.withUnsafeBytes { pw in
                withBase(pw) { pwp in
                    pwp.withMemoryRebound(to: CChar.self, capacity: max(pw.count, 1)) { cpw in
                        crypto_pwhash(o.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(length),
                                      cpw, UInt64(pw.count), salt,
                                      UInt64(parameters.iterations), parameters.memoryBytes,
                                      crypto_pwhash_ALG_ARGON2ID13)
                    }
                }
            }
        }
        if rc != 0 { throw CryptoError.kdfFailed }
        return out
    }

    /// A PHC string (`$argon2id$v=19$m=...,t=...,p=1$salt$hash`) from crypto_pwhash_str.
    public static func hashPassword(_ password: SecretBytes, parameters: KDFParameters) throws -> String {
        try Sodium.ensure()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        TestProbe.record("kdf argon2id-str m=\(parameters.memoryKiB) t=\(parameters.iterations)")
        let rc: Int32 = password.withUnsafeBytes { pw in
            withBase(pw) { pwp in
                pwp.withMemoryRebound(to: CChar.self, capacity: max(pw.count, 1)) { cpw in
                    crypto_pwhash_str_alg(&out, cpw, UInt64(pw.count), UInt64(parameters.iterations),
                                          parameters.memoryBytes, crypto_pwhash_ALG_ARGON2ID13)
                }
            }
        }
        if rc != 0 { throw CryptoError.kdfFailed }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Verifies a password against a PHC string (crypto_pwhash_str_verify, constant time inside).
    /// Accepts Argon2id strings from any conforming tool (the `argon2` CLI, argon2-cffi) with p = 1.
    public static func verify(_ password: SecretBytes, phc: String) throws -> Bool {
        try Sodium.ensure()
        guard phc.hasPrefix("$argon2id$"), phc.utf8.count < Int(crypto_pwhash_STRBYTES) else { throw CryptoError.malformedPHC }
        var cstr = Array(phc.utf8CString)
        TestProbe.record("kdf argon2id-verify \((try? parameters(ofPHC: phc)).map { "m=\($0.memoryKiB) t=\($0.iterations)" } ?? "?")")
        let rc: Int32 = password.withUnsafeBytes { pw in
            withBase(pw) { pwp in
                pwp.withMemoryRebound(to: CChar.self, capacity: max(pw.count, 1)) { cpw in
                    crypto_pwhash_str_verify(&cstr, cpw, UInt64(pw.count))
                }
            }
        }
        return rc == 0
    }

    /// Builds the PHC string for a hash computed with `deriveKey` (so one Argon2id run gives
    /// both the key material and a standard, verifiable hash string).
    public static func phcString(salt: [UInt8], parameters: KDFParameters, hash: SecretBytes) -> String {
        let h = hash.withUnsafeBytes { Base64.encodeUnpadded(Array($0)) }
        return "$argon2id$v=19$m=\(parameters.memoryKiB),t=\(parameters.iterations),p=1$\(Base64.encodeUnpadded(salt))$\(h)"
    }

    /// Parses the cost parameters out of a PHC string.
    public static func parameters(ofPHC phc: String) throws -> KDFParameters {
        let parts = phc.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[1] == "argon2id" else { throw CryptoError.malformedPHC }
        var m: UInt32?, t: UInt32?
        for kv in parts[3].split(separator: ",") {
            let pair = kv.split(separator: "=")
            guard pair.count == 2, let v = UInt32(pair[1]) else { throw CryptoError.malformedPHC }
            if pair[0] == "m" { m = v } else if pair[0] == "t" { t = v }
        }
        guard let m, let t else { throw CryptoError.malformedPHC }
        return KDFParameters(memoryKiB: m, iterations: t)
    }
}

/// Unpadded standard base64 (as PHC strings and age stanzas use).
public enum Base64 {
    public static func encodeUnpadded(_ bytes: [UInt8]) -> String {
        var s = Data(bytes).base64EncodedString()
        while s.hasSuffix("=") { s.removeLast() }
        return s
    }

    /// Strict decoding of unpadded base64: rejects padding, whitespace and non-canonical
    /// trailing bits.
    public static func decodeUnpaddedStrict(_ s: Substring) -> [UInt8]? {
        if s.contains("=") || s.contains(where: { $0.isWhitespace }) { return nil }
        var padded = String(s)
        switch padded.utf8.count % 4 {
        case 0: break
        case 2: padded += "=="
        case 3: padded += "="
        default: return nil
        }
        guard let d = Data(base64Encoded: padded) else { return nil }
        let bytes = [UInt8](d)
        // Canonical: re-encoding must give the same text.
        guard encodeUnpadded(bytes) == s else { return nil }
        return bytes
    }
}
