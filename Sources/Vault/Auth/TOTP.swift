internal import COpenSSL
import FoundationEssentials
import Glibc
import VaultCrypto

/// The HMAC of a one-time-code secret. SHA-1 is RFC 6238's default and the only one that
/// Google Authenticator and Microsoft Authenticator honour; SHA-256 and SHA-512 on request.
public enum TOTPAlgorithm: String, CaseIterable, Sendable {
    case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512"

    /// HMAC-SHA-1 from the system's OpenSSL (libcrypto); HMAC-SHA-256/512 from libsodium.
    func mac(key: some ContiguousBytes, message: [UInt8]) -> [UInt8] {
        switch self {
        case .sha1:
            let crypto: LibCrypto.Functions
            switch LibCrypto.functions {
            case .success(let f): crypto = f
            case .failure(let why): fatalError(why.message)
            }
            var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var len: UInt32 = 0
            let ok = key.withUnsafeBytes { k in
                message.withUnsafeBytes { m in
                    out.withUnsafeMutableBytes { o in
                        crypto.hmac(crypto.sha1(), k.baseAddress, Int32(k.count), m.bindMemory(to: UInt8.self).baseAddress!, m.count,
                                    o.baseAddress?.assumingMemoryBound(to: UInt8.self), &len)
                    }
                }
            }
            precondition(ok != nil && len == 20, "HMAC-SHA-1 failed in libcrypto")
            return Array(out.prefix(20))
        case .sha256:
            return HMACSHA256.mac(key: key, message: message)
        case .sha512:
            return HMACSHA512.mac(key: key, message: message)
        }
    }

    /// The form kept in the vault: `"SHA1:" + base32 secret`. A bare base32 secret (enrolled
    /// before algorithms were named) is SHA-256, as those enrolments were.
    public static func split(_ stored: String) -> (TOTPAlgorithm, String) {
        if let i = stored.firstIndex(of: ":"), let a = TOTPAlgorithm(rawValue: String(stored[..<i])) {
            return (a, String(stored[stored.index(after: i)...]))
        }
        return (.sha256, stored)
    }
    public func stored(_ secret: String) -> String { rawValue + ":" + secret }

    /// How the algorithm is named to people ("SHA-1").
    public var displayName: String {
        switch self { case .sha1: "SHA-1"; case .sha256: "SHA-256"; case .sha512: "SHA-512" }
    }
}

/// OpenSSL's libcrypto, for HMAC-SHA-1 alone, opened the first time a one-time code needs it
/// rather than linked: loading and relocating it took about a fifth of every command's start-up
/// (issue 12), and only SHA-1 one-time codes use it. The .deb still depends on it
/// (scripts/package-deb.sh).
public enum LibCrypto {
    typealias HMACFunction = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int32, UnsafePointer<UInt8>?, Int,
                                             UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt32>?) -> UnsafeMutablePointer<UInt8>?
    typealias DigestFunction = @convention(c) () -> OpaquePointer?

    struct Functions: @unchecked Sendable {
        let hmac: HMACFunction
        let sha1: DigestFunction
    }

    /// Why libcrypto could not be used.
    public struct Unavailable: UserFacingError, Sendable {
        public enum Reason: Sendable {
            /// dlopen failed, with dlerror's words.
            case notLoaded(detail: String)
            /// The library loaded but has no HMAC or EVP_sha1.
            case missingFunctions
        }
        public let soname: String
        public let reason: Reason
        public var message: String {
            switch reason {
            case .notLoaded(let detail):
                "one-time codes with SHA-1 need OpenSSL's \(soname), which could not be loaded (\(detail)); install it (Debian: `apt-get install libssl3`) or reinstall vaultcli's package"
            case .missingFunctions: "\(soname) has no HMAC or EVP_sha1; install OpenSSL 3's libcrypto (Debian: libssl3)"
            }
        }
        public var hints: [String] { [] }
        public var exitCode: ExitStatus { .failure }
    }

    /// The library's soname, as the headers vaultcli was built with name it ("libcrypto.so.3").
    public static let soname = String(cString: vaultcli_libcrypto_soname())

    /// HMAC and EVP_sha1 from libcrypto, looked up once.
    static let functions: Result<Functions, Unavailable> = {
        guard let handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let detail = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(Unavailable(soname: soname, reason: .notLoaded(detail: detail)))
        }
        guard let hmac = dlsym(handle, "HMAC"), let sha1 = dlsym(handle, "EVP_sha1") else {
            return .failure(Unavailable(soname: soname, reason: .missingFunctions))
        }
        return .success(Functions(hmac: unsafeBitCast(hmac, to: HMACFunction.self), sha1: unsafeBitCast(sha1, to: DigestFunction.self)))
    }()

    /// Loads libcrypto now; nil when it works, else what is wrong (for a check before use).
    public static func check() -> Unavailable? {
        if case .failure(let why) = functions { return why }
        return nil
    }
}

/// Time-based one-time passwords, RFC 6238: 6 digits, 30-second steps, one step of clock drift
/// either way.
public enum TOTP {
    public static let period: Int64 = 30
    public static let digits = 6
    /// How far (in steps, either way) a matching code is still recognised, to say "your clock is
    /// off by N seconds" instead of "wrong code". Such a code is never accepted.
    public static let skewWindow: Int64 = 20

    /// The code for a time step (RFC 4226 dynamic truncation).
    public static func code(secret: [UInt8], step: Int64, digits: Int = digits, algorithm: TOTPAlgorithm = .sha1) -> String {
        code(keyBytes: secret, step: step, digits: digits, algorithm: algorithm)
    }

    /// The code for a time step, from a key in locked memory (the HMAC reads it in place).
    public static func code(key: SecretBytes, step: Int64, digits: Int = digits, algorithm: TOTPAlgorithm = .sha1) -> String {
        key.withUnsafeBytes { code(keyBytes: $0, step: step, digits: digits, algorithm: algorithm) }
    }

    static func code(keyBytes secret: some ContiguousBytes, step: Int64, digits: Int, algorithm: TOTPAlgorithm) -> String {
        var counter = [UInt8](repeating: 0, count: 8)
        var s = UInt64(bitPattern: step)
        for i in (0..<8).reversed() { counter[i] = UInt8(s & 0xFF); s >>= 8 }
        let mac = algorithm.mac(key: secret, message: counter)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let bin = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var mod: UInt32 = 1
        for _ in 0..<digits { mod *= 10 }
        let v = String(bin % mod)
        return String(repeating: "0", count: digits - v.count) + v
    }

    /// What a code given at login means.
    public enum Check: Equatable, Sendable {
        /// It matches this step (now, or one step either way), not used before.
        case ok(step: Int64)
        /// It matches a step already used (at or before the last accepted one).
        case alreadyUsed
        /// It matches a step this many seconds away: the app's clock (or this terminal's) is off.
        case clockSkew(seconds: Int64)
        /// Not six digits.
        case malformed
        case wrong
    }

    /// Checks a code at `date`. A step at or before `notAfter` (the last one used) never matches
    /// again. Every candidate is compared in constant time.
    public static func check(code given: String, secret: [UInt8], at date: Date, notAfter: Int64?,
                             algorithm: TOTPAlgorithm = .sha1) -> Check {
        check(code: given, at: date, notAfter: notAfter) { code(secret: secret, step: $0, algorithm: algorithm) }
    }

    /// `check` with the key in locked memory (the vault's stored secrets).
    public static func check(code given: String, key: SecretBytes, at date: Date, notAfter: Int64?,
                             algorithm: TOTPAlgorithm = .sha1) -> Check {
        check(code: given, at: date, notAfter: notAfter) { code(key: key, step: $0, algorithm: algorithm) }
    }

    static func check(code given: String, at date: Date, notAfter: Int64?, codeAt: (Int64) -> String) -> Check {
        let c = given.filter { !$0.isWhitespace }
        guard c.count == digits, c.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .malformed }
        let now = Int64(TestProbe.totpTime(date).timeIntervalSince1970) / period
        var found: Int64? = nil
        var used = false
        for step in [now - 1, now, now + 1] {
            let ok = constantTimeEqual(Array(codeAt(step).utf8), Array(c.utf8))
            if ok {
                if step > (notAfter ?? Int64.min) { if found == nil { found = step } } else { used = true }
            }
        }
        if let found { return .ok(step: found) }
        if used { return .alreadyUsed }
        for d in 2...skewWindow {
            for step in [now - d, now + d]
            where constantTimeEqual(Array(codeAt(step).utf8), Array(c.utf8)) {
                return .clockSkew(seconds: (step - now) * period)
            }
        }
        return .wrong
    }

    /// The step a code matches at `date` (±1 step), or nil (see `check` for why not).
    public static func verify(code given: String, secret: [UInt8], at date: Date, notAfter: Int64?,
                              algorithm: TOTPAlgorithm = .sha1) -> Int64? {
        if case .ok(let s) = check(code: given, secret: secret, at: date, notAfter: notAfter, algorithm: algorithm) { return s }
        return nil
    }

    public static func uri(secret: String, account: String, issuer: String, algorithm: TOTPAlgorithm = .sha1) -> String {
        // Percent-encoded UTF-8 of all but ASCII letters and digits: a URI is ASCII (RFC 3986,
        // and the Key URI format authenticator apps read), so a shop or operator name in Chinese
        // goes in as %E6%9E%97..., never as raw bytes (found by fuzzing, fixtures/fuzz/crashes).
        func enc(_ s: String) -> String {
            var out = ""
            for u in s.unicodeScalars {
                if u.isASCII && isFoundationAlphanumeric(u) { out.unicodeScalars.append(u); continue }
                for b in String(u).utf8 { out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
            }
            return out
        }
        return "otpauth://totp/\(enc(issuer)):\(enc(account))?secret=\(secret)&issuer=\(enc(issuer))&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }
}

/// A one-time-code secret as the vault keeps it: the text `ALG:BASE32` (e.g. `SHA1:JBSW…`) in
/// locked memory, read and written without a String (issue 11, point 8).
public enum TOTPSecret {
    /// `algorithm.rawValue + ":" + base32(key)`, built in locked memory.
    static func stored(_ algorithm: TOTPAlgorithm, key: SecretBytes) throws -> SecretBytes {
        let prefix = Array((algorithm.rawValue + ":").utf8)
        let b32 = try Base32.encode(key)
        return try SecretBytes(count: prefix.count + b32.count) { out in
            out.copyBytes(from: prefix)
            b32.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[prefix.count...]).copyMemory(from: $0) }
        }
    }

    /// The algorithm and the base32 text of a stored secret (the text without its prefix). A
    /// bare base32 secret (enrolled before algorithms were named) is SHA-256, as those were.
    static func split(_ stored: SecretBytes) throws -> (TOTPAlgorithm, SecretBytes) {
        let colon: Int? = stored.withUnsafeBytes { b in b.prefix(8).firstIndex(of: UInt8(ascii: ":")) }
        if let colon {
            let name = stored.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[..<colon]), as: UTF8.self) }
            if let a = TOTPAlgorithm(rawValue: name) { return (a, try stored.subrange(colon + 1, stored.count - colon - 1)) }
        }
        return (.sha256, try stored.prefix(stored.count))
    }

    /// The HMAC key of a stored secret, decoded into locked memory; nil when it is not base32.
    static func key(_ stored: SecretBytes) throws -> (TOTPAlgorithm, SecretBytes)? {
        let (a, text) = try split(stored)
        guard let k = try Base32.decode(text) else { return nil }
        return (a, k)
    }

    /// The otpauth:// URI for an authenticator app, built in locked memory around the base32 text.
    static func uri(base32: SecretBytes, account: String, issuer: String, algorithm: TOTPAlgorithm) throws -> SecretBytes {
        let marker = "\u{E000}"
        let parts = TOTP.uri(secret: marker, account: account, issuer: issuer, algorithm: algorithm).split(separator: marker, omittingEmptySubsequences: false)
        let head = Array(parts[0].utf8), tail = Array(parts[1].utf8)
        return try SecretBytes(count: head.count + base32.count + tail.count) { out in
            out.copyBytes(from: head)
            base32.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[head.count..<(head.count + base32.count)]).copyMemory(from: $0) }
            UnsafeMutableRawBufferPointer(rebasing: out[(head.count + base32.count)...]).copyBytes(from: tail)
        }
    }
}

/// RFC 4648 base32 (upper case, no padding), as authenticator apps and oathtool use it.
public enum Base32 {
    /// Base32 of a secret, into locked memory.
    static func encode(_ secret: SecretBytes) throws -> SecretBytes {
        let n = (secret.count * 8 + 4) / 5
        return try SecretBytes(count: n) { out in
            secret.withUnsafeBytes { bytes in
                var buffer: UInt32 = 0, bits = 0, o = 0
                for b in bytes {
                    buffer = (buffer << 8) | UInt32(b); bits += 8
                    while bits >= 5 { out[o] = alphabet[Int((buffer >> UInt32(bits - 5)) & 31)]; o += 1; bits -= 5 }
                }
                if bits > 0 { out[o] = alphabet[Int((buffer << UInt32(5 - bits)) & 31)] }
                buffer = 0
            }
        }
    }

    /// Decodes base32 text held in locked memory into locked memory (case, `=` and spaces as
    /// `decode(_:)` takes them); nil when a character is not base32.
    static func decode(_ text: SecretBytes) throws -> SecretBytes? {
        func value(_ ch: UInt8) -> UInt32? {
            switch ch {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(ch - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(ch - UInt8(ascii: "a"))
            case UInt8(ascii: "2")...UInt8(ascii: "7"): UInt32(ch - UInt8(ascii: "2")) + 26
            default: nil
            }
        }
        var chars = 0
        let ok: Bool = text.withUnsafeBytes { t in
            for ch in t where ch != UInt8(ascii: "=") && ch != UInt8(ascii: " ") {
                guard value(ch) != nil else { return false }
                chars += 1
            }
            return true
        }
        guard ok else { return nil }
        return try SecretBytes(count: chars * 5 / 8) { out in
            text.withUnsafeBytes { t in
                var buffer: UInt32 = 0, bits = 0, o = 0
                for ch in t where ch != UInt8(ascii: "=") && ch != UInt8(ascii: " ") {
                    buffer = (buffer << 5) | value(ch)!; bits += 5
                    if bits >= 8 { out[o] = UInt8((buffer >> UInt32(bits - 8)) & 0xFF); o += 1; bits -= 8 }
                }
                buffer = 0
            }
        }
    }

    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for b in bytes {
            buffer = (buffer << 8) | UInt32(b); bits += 8
            while bits >= 5 { out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)]); bits -= 5 }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for ch in s.uppercased().utf8 where ch != UInt8(ascii: "=") && ch != UInt8(ascii: " ") {
            guard let v = alphabet.firstIndex(of: ch) else { return nil }
            buffer = (buffer << 5) | UInt32(v); bits += 5
            if bits >= 8 { out.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF)); bits -= 8 }
        }
        return out
    }
}
