import FoundationEssentials
import Glibc

/// Time-based one-time passwords, RFC 6238, with HMAC-SHA-256 (libsodium has no SHA-1; the RFC
/// allows SHA-256, and authenticator apps read `algorithm=SHA256` from the otpauth URI).
/// 6 digits, 30-second steps, one step of clock drift either way.
public enum TOTP {
    public static let period: Int64 = 30
    public static let digits = 6

    /// The code for a time step (RFC 4226 dynamic truncation over HMAC-SHA-256).
    public static func code(secret: [UInt8], step: Int64, digits: Int = digits) -> String {
        var counter = [UInt8](repeating: 0, count: 8)
        var s = UInt64(bitPattern: step)
        for i in (0..<8).reversed() { counter[i] = UInt8(s & 0xFF); s >>= 8 }
        let mac = HMACSHA256.mac(key: secret, message: counter)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let bin = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var mod: UInt32 = 1
        for _ in 0..<digits { mod *= 10 }
        let v = String(bin % mod)
        return String(repeating: "0", count: digits - v.count) + v
    }

    /// The step a code matches at `date` (±1 step), or nil. A step at or before `notAfter` (the
    /// last one used) never matches again. Compared in constant time.
    public static func verify(code given: String, secret: [UInt8], at date: Date, notAfter: Int64?) -> Int64? {
        let c = given.filter { !$0.isWhitespace }
        guard c.count == digits, c.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let now = Int64(date.timeIntervalSince1970) / period
        var found: Int64? = nil
        for step in [now - 1, now, now + 1] {
            let ok = constantTimeEqual(Array(code(secret: secret, step: step).utf8), Array(c.utf8))
            if ok, step > (notAfter ?? Int64.min), found == nil { found = step }
        }
        return found
    }

    public static func uri(secret: String, account: String, issuer: String) -> String {
        // Percent-encoding of all but letters, marks and digits (Foundation's CharacterSet.alphanumerics).
        func enc(_ s: String) -> String {
            var out = ""
            for u in s.unicodeScalars {
                if isFoundationAlphanumeric(u) { out.unicodeScalars.append(u); continue }
                for b in String(u).utf8 { out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
            }
            return out
        }
        return "otpauth://totp/\(enc(issuer)):\(enc(account))?secret=\(secret)&issuer=\(enc(issuer))&algorithm=SHA256&digits=\(digits)&period=\(period)"
    }
}

/// RFC 4648 base32 (upper case, no padding), as authenticator apps and oathtool use it.
public enum Base32 {
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
