import FoundationEssentials
import Glibc

/// Bech32 (BIP 173), as age uses it for `age1...` recipients and `AGE-SECRET-KEY-1...`
/// identities: the original Bech32 checksum (not Bech32m) and no 90-character limit.
///
/// Decoding is strict: mixed case, characters outside the alphabet, a bad checksum and
/// non-zero padding bits are all refused.
public enum Bech32 {
    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let reverse: [Int8] = {
        var r = [Int8](repeating: -1, count: 128)
        for (i, c) in charset.enumerated() { r[Int(c)] = Int8(i) }
        return r
    }()

    public enum DecodingError: Error, Equatable, Sendable {
        case mixedCase
        case badSeparator
        case invalidCharacter
        case badChecksum
        case badPadding
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let gen: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var chk: UInt32 = 1
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1ff_ffff) << 5 ^ UInt32(v)
            for i in 0..<5 where (top >> UInt32(i)) & 1 == 1 { chk ^= gen[i] }
        }
        return chk
    }

    private static func hrpExpand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    private static func convertBits(_ data: [UInt8], from: Int, to: Int, pad: Bool) throws -> [UInt8] {
        var acc = 0, bits = 0
        var out: [UInt8] = []
        out.reserveCapacity(data.count * from / to + 1)
        let maxv = (1 << to) - 1
        for v in data {
            acc = (acc << from) | Int(v)
            bits += from
            while bits >= to {
                bits -= to
                out.append(UInt8((acc >> bits) & maxv))
            }
        }
        if pad {
            if bits > 0 { out.append(UInt8((acc << (to - bits)) & maxv)) }
        } else if bits >= from || ((acc << (to - bits)) & maxv) != 0 {
            throw DecodingError.badPadding
        }
        return out
    }

    /// Encodes `data` under the human-readable part `hrp` (lowercase output; pass
    /// `uppercase: true` for identities).
    public static func encode(hrp: String, data: [UInt8], uppercase: Bool = false) -> String {
        var out = encodedBytes(hrp: hrp, data: data, uppercase: uppercase)
        defer { wipe(&out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same text as ASCII bytes, for secrets: every intermediate buffer is wiped, so the
    /// caller can copy the result into locked memory and wipe it.
    package static func encodedBytes(hrp: String, data: [UInt8], uppercase: Bool) -> [UInt8] {
        let h = Array(hrp.lowercased().utf8)
        var values = (try? convertBits(data, from: 8, to: 5, pad: true)) ?? []
        defer { wipe(&values) }
        var checked = hrpExpand(h) + values + [0, 0, 0, 0, 0, 0]
        defer { wipe(&checked) }
        let mod = polymod(checked) ^ 1
        var out = h + [UInt8(ascii: "1")]
        out.reserveCapacity(h.count + 1 + values.count + 6)
        for v in values { out.append(charset[Int(v)]) }
        for i in 0..<6 { out.append(charset[Int((mod >> UInt32(5 * (5 - i))) & 31)]) }
        if uppercase { for i in out.indices where out[i] >= 0x61 && out[i] <= 0x7A { out[i] -= 0x20 } }
        return out
    }

    /// Decodes a Bech32 string. The returned human-readable part keeps the input's case.
    public static func decode(_ s: String) throws -> (hrp: String, data: [UInt8]) {
        let bytes = Array(s.utf8)
        let hasLower = bytes.contains { $0 >= 0x61 && $0 <= 0x7a }
        let hasUpper = bytes.contains { $0 >= 0x41 && $0 <= 0x5a }
        if hasLower && hasUpper { throw DecodingError.mixedCase }
        guard let pos = bytes.lastIndex(of: UInt8(ascii: "1")), pos >= 1, pos + 7 <= bytes.count else {
            throw DecodingError.badSeparator
        }
        let hrp = Array(bytes[..<pos])
        for c in hrp where c < 33 || c > 126 { throw DecodingError.invalidCharacter }
        let lowerHRP = hrp.map { ($0 >= 0x41 && $0 <= 0x5a) ? $0 + 32 : $0 }
        var values: [UInt8] = []
        values.reserveCapacity(bytes.count - pos - 1)
        for c in bytes[(pos + 1)...] {
            let l = (c >= 0x41 && c <= 0x5a) ? c + 32 : c
            guard l < 128, reverse[Int(l)] >= 0 else { throw DecodingError.invalidCharacter }
            values.append(UInt8(reverse[Int(l)]))
        }
        guard polymod(hrpExpand(lowerHRP) + values) == 1 else { throw DecodingError.badChecksum }
        let data = try convertBits(Array(values.dropLast(6)), from: 5, to: 8, pad: false)
        return (String(decoding: hrp, as: UTF8.self), data)
    }
}
