import Catalog
internal import CQRencode
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

/// A QR code (libqrencode, error correction M) of a short text such as an otpauth:// URI,
/// drawn in a terminal with Unicode half blocks or written as a PNG for a phone to scan.
struct QRCode {
    /// Modules, row by row; true is dark.
    let modules: [[Bool]]
    var size: Int { modules.count }

    init(_ text: String) throws {
        modules = try text.withCString { try Self.encode($0) }
    }

    /// A QR code of text held in locked memory (an otpauth:// URI with its secret): libqrencode
    /// reads it from a NUL-terminated copy there, never from a String. (The module matrix it
    /// returns encodes the secret too; it is freed once drawn.)
    init(_ secret: SecretBytes) throws {
        let z = try SecretBytes(count: secret.count + 1) { out in
            secret.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[..<secret.count]).copyMemory(from: $0) }
        }
        modules = try z.withUnsafeBytes { try Self.encode($0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
    }

    private static func encode(_ text: UnsafePointer<CChar>) throws -> [[Bool]] {
        guard let q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw VaultError.invalidInput(errno == ERANGE ? tr(.qrFailedTooLong) : tr(.qrFailed))
        }
        defer { QRcode_free(q) }
        let w = Int(q.pointee.width)
        var rows: [[Bool]] = []
        for y in 0..<w {
            rows.append((0..<w).map { x in q.pointee.data[y * w + x] & 1 == 1 })
        }
        return rows
    }

    /// The code with a quiet zone, as lines of half blocks: each line carries two module rows.
    /// Light modules are drawn (light text on a dark terminal, as `qrencode -t UTF8` does), so
    /// `inverted` is for terminals with dark text on a light background.
    func terminalLines(quiet: Int = 2, inverted: Bool = false) -> [String] {
        let n = size + 2 * quiet
        func dark(_ x: Int, _ y: Int) -> Bool {
            let mx = x - quiet, my = y - quiet
            guard mx >= 0, my >= 0, mx < size, my < size else { return false }
            return modules[my][mx]
        }
        var lines: [String] = []
        var y = 0
        while y < n {
            var line = ""
            for x in 0..<n {
                // "Ink" is what is drawn: light modules normally, dark ones when inverted.
                let top = dark(x, y) == inverted
                let bottom = y + 1 < n ? dark(x, y + 1) == inverted : false
                line += top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ")
            }
            lines.append(line)
            y += 2
        }
        return lines
    }

    /// An 8-bit greyscale PNG, `scale` pixels per module, with a 4-module quiet zone.
    func png(scale: Int = 8, quiet: Int = 4) -> [UInt8] {
        let side = (size + 2 * quiet) * scale
        var raw: [UInt8] = []
        raw.reserveCapacity((side + 1) * side)
        for py in 0..<side {
            raw.append(0) // filter: none
            let my = py / scale - quiet
            for px in 0..<side {
                let mx = px / scale - quiet
                let isDark = mx >= 0 && my >= 0 && mx < size && my < size && modules[my][mx]
                raw.append(isDark ? 0 : 255)
            }
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr: [UInt8] = []
        ihdr += PNG.be32(UInt32(side)) + PNG.be32(UInt32(side))
        ihdr += [8, 0, 0, 0, 0] // depth 8, greyscale, deflate, filter 0, no interlace
        out += PNG.chunk("IHDR", ihdr)
        out += PNG.chunk("IDAT", PNG.zlibStored(raw))
        out += PNG.chunk("IEND", [])
        return out
    }
}

/// The few parts of PNG (RFC 2083) and zlib (RFC 1950/1951) a QR code needs: stored (not
/// compressed) deflate blocks, CRC-32 and Adler-32.
enum PNG {
    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n >= data.count ? 1 : 0
            out.append(last)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in data { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return out + be32(b << 16 | a)
    }
}
