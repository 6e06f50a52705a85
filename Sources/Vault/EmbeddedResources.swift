import FoundationEssentials
import Glibc

/// The files under Sources/Vault/Resources, compiled into the binary, so that vaultcli runs
/// alone with no resource bundle beside it. The table itself (`files`) is generated at build
/// time by the EmbedResources plugin (Plugins/EmbedResources) from every file found there.
enum EmbeddedResources {
    /// One file's bytes: UTF-8 text as it is, anything else as base64; or, for a large file,
    /// compressed (`unpack`), with its size and whether it is UTF-8 text; or, for a word list of
    /// Resources/word-tables.txt, the packed table that holds it (its only copy: the file is
    /// rebuilt from the table when read).
    enum Entry: Sendable {
        case utf8(StaticString)
        case base64(StaticString)
        case compressed(StaticString, size: Int, utf8: Bool)
        case wordList(table: String, list: Int)
    }

    /// The paths of every embedded file, relative to Resources/ ("zxcvbn/female_names.txt").
    static var paths: [String] { files.keys.sorted() }

    /// The bytes of Resources/`path`, or nil when there is no such file.
    static func bytes(_ path: String) -> [UInt8]? {
        switch files[path] {
        case .utf8(let s)?: return s.withUTF8Buffer { Array($0) }
        case .base64(let s)?: return s.withUTF8Buffer { Data(base64Encoded: Data($0)).map { Array($0) } }
        case .compressed(let s, let size, _)?: return unpack(s, size: size)
        case .wordList(let table, let list)?: return PackedWordTable.named(table).text(ofList: list)
        case nil: return nil
        }
    }

    /// Resources/`path` as text, or nil when there is no such file or it is not UTF-8.
    static func text(_ path: String) -> String? {
        switch files[path] {
        case .utf8(let s)?: return s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        case .compressed(let s, let size, true)?: return String(decoding: unpack(s, size: size), as: UTF8.self)
        case .wordList(let table, let list)?: return String(decoding: PackedWordTable.named(table).text(ofList: list), as: UTF8.self)
        default: return nil
        }
    }

    /// The `size` bytes of a file that embed-resources compressed (Sources/embed-resources,
    /// `compressed`): 7-bit units back to bytes, then LZ77 steps (literal count and bytes, match
    /// length and distance, as varints). A stream that does not unpack to exactly `size` bytes
    /// stops the program: the binary is damaged.
    static func unpack(_ packed: StaticString, size: Int) -> [UInt8] {
        let damaged = "vaultcli was built with a damaged compressed resource; rebuild it from a complete source tree"
        let stream: [UInt8] = packed.withUTF8Buffer { units in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(units.count * 7 / 8)
            var acc: UInt32 = 0, bits = 0
            for u in units {
                acc |= UInt32(u & 0x7F) << UInt32(bits)
                bits += 7
                if bits >= 8 { bytes.append(UInt8(truncatingIfNeeded: acc)); acc >>= 8; bits -= 8 }
            }
            return bytes
        }
        var out = [UInt8](repeating: 0, count: size)
        let written: Int = stream.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                var i = 0, n = 0
                func varint() -> Int? {
                    var v = 0, shift = 0
                    while i < s.count, shift < 63 {
                        let b = s[i]
                        i += 1
                        v |= Int(b & 0x7F) << shift
                        if b < 0x80 { return v }
                        shift += 7
                    }
                    return nil
                }
                // Every step starts with its literals (the last step has only those, maybe none).
                while true {
                    guard let literals = varint(), literals <= size - n, literals <= s.count - i else { return -1 }
                    for k in 0..<literals { o[n + k] = s[i + k] }
                    i += literals
                    n += literals
                    if n == size { break }
                    guard let length = varint(), let distance = varint(),
                          length >= 4, length <= size - n, distance >= 1, distance <= n else { return -1 }
                    for k in 0..<length { o[n + k] = o[n - distance + k] }
                    n += length
                }
                return i == s.count ? n : -1
            }
        }
        guard written == size else { fatalError(damaged) }
        return out
    }
}

/// zxcvbn's keyboard adjacency graphs, read from Resources/zxcvbn/adjacency_graphs.json at build
/// time by embed-resources (`packedAdjacencyGraphs`; the table `all` is generated): per graph,
/// its name and a line per key: the key, then its neighbours in direction order, tab-separated,
/// an empty field where there is none. ASCII only. StrengthMatching builds its graphs from these
/// with no JSON to parse at start-up.
enum PackedAdjacencyGraphs {}
