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
    /// `compressed`): canonical Huffman codes, read from 7-bit units, back to their symbols:
    /// in mode 1, the file's bytes and words (runs of letters) of the list before the codes;
    /// in mode 0, the bytes of an LZ77 stream, whose steps (literal count and bytes, match
    /// length and distance, as varints) then give the file. A stream that does not unpack to
    /// exactly `size` bytes stops the program: the binary is damaged.
    static func unpack(_ packed: StaticString, size: Int) -> [UInt8] {
        let damaged = "vaultcli was built with a damaged compressed resource; rebuild it from a complete source tree"
        let maxCodeLength = 15
        let decoded: (mode: UInt8, bytes: [UInt8])? = packed.withUTF8Buffer { units in
            var u = 0
            func take(_ n: Int) -> Int? {
                guard units.count - u >= n else { return nil }
                defer { u += n }
                return (0..<n).reduce(0) { $0 | Int(units[u + $1]) << (7 * $1) }
            }
            guard let mode = take(1), mode <= 1 else { return nil }
            var words: [UnsafeBufferPointer<UInt8>] = []
            if mode == 1 {
                guard let count = take(2) else { return nil }
                words.reserveCapacity(count)
                for _ in 0..<count {
                    guard let length = take(1), units.count - u >= length else { return nil }
                    words.append(UnsafeBufferPointer(rebasing: units[u..<(u + length)]))
                    u += length
                }
            }
            let alphabet = 256 + words.count
            guard let count = take(3), units.count - u >= alphabet else { return nil }
            // Canonical codes: how many of each length, and the symbols by (length, symbol).
            var countOf = [Int](repeating: 0, count: maxCodeLength + 1)
            var symbols: [Int] = []
            for length in 1...maxCodeLength {
                for v in 0..<alphabet where Int(units[u + v]) == length {
                    countOf[length] += 1
                    symbols.append(v)
                }
            }
            u += alphabet
            var out = [UInt8]()
            out.reserveCapacity(mode == 1 ? size : count)
            var acc = 0, bits = 0
            for _ in 0..<count {
                // One code, a bit at a time (as zlib's puff.c decodes): `first` is the first
                // code of this length, `index` the place of its first symbol in `symbols`.
                var code = 0, first = 0, index = 0, symbol = -1
                for length in 1...maxCodeLength {
                    if bits == 0 {
                        guard u < units.count else { return nil }
                        acc = Int(units[u])
                        u += 1
                        bits = 7
                    }
                    code |= acc & 1
                    acc >>= 1
                    bits -= 1
                    let n = countOf[length]
                    if code - first < n {
                        symbol = symbols[index + code - first]
                        break
                    }
                    index += n
                    first = (first + n) << 1
                    code <<= 1
                }
                if symbol < 0 { return nil }
                if symbol < 256 { out.append(UInt8(symbol)) } else { out.append(contentsOf: words[symbol - 256]) }
            }
            // Nothing after the last code but the last unit's padding, which is zero.
            guard u == units.count, acc == 0 else { return nil }
            return (UInt8(mode), out)
        }
        guard let decoded else { fatalError(damaged) }
        if decoded.mode == 1 {
            guard decoded.bytes.count == size else { fatalError(damaged) }
            return decoded.bytes
        }
        let stream = decoded.bytes
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
