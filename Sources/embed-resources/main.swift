// embed-resources ROOT OUTPUT FILE...
// Writes OUTPUT, a Swift source declaring `EmbeddedResources.files`: every FILE (under ROOT) by
// its path relative to ROOT, as a string literal of its bytes (UTF-8 files) or of their base64
// (anything else), or compressed (see `compressed`), or, for the word lists, as the word table
// that holds them; and `PackedWordTable.all`: the word tables that ROOT/word-tables.txt names,
// packed for lookups in place (see packedWordTables). Run by the EmbedResources build-tool
// plugin; not part of the product.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-resources: error: \(message)\n".utf8))
    exit(1)
}

/// A Swift string literal holding `text` exactly (escapes for what a literal cannot hold raw).
func literal(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
    for s in text.unicodeScalars {
        switch s {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if s.value < 0x20 || s.value == 0x7F || s.value == 0x2028 || s.value == 0x2029 {
                out += "\\u{" + String(s.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
    }
    return out + "\""
}

/// A table's number, fixed-width little-endian in 7-bit groups, so that the bytes fit in a Swift
/// string literal as they are (a StaticString, read in place: nothing is decoded at run time).
func packed(_ value: Int, width: Int, what: String) -> [UInt8] {
    guard value >= 0, value < 1 << (7 * width) else { fail("\(what) (\(value)) does not fit in \(7 * width) bits") }
    return (0..<width).map { UInt8((value >> (7 * $0)) & 0x7F) }
}

/// The word tables named in Resources/word-tables.txt, packed so that vaultcli looks words up
/// with no table to build at run time (issue 12: building them took most of `genpass`'s time).
/// The packed table is the lists' only copy in the binary (issue 12: the binary's size): their
/// files are not embedded as text beside it, and EmbeddedResources rebuilds a list's file from
/// the table when it is read.
///
/// A table over lists L0..Ln (files under Resources/, one word a line) answers, for a word, each
/// list that holds it with the word's rank there (its line number), as WordTable does. So that
/// each file can be rebuilt byte for byte, a list must end every line with a newline and hold
/// no empty line and no word twice. Packed as (docs/FORMAT.md does not cover it: it never leaves
/// the binary):
///   words: every distinct word of the lists once, sorted by its bytes, front-coded: the length
///          of the prefix it shares with the word before (0 for the first word of each block of
///          `blockSize` words), the length of the rest, the rest's bytes; then its records, one
///          per list that holds it, in list order: (rank << listBits | list) << 1 | more, where
///          more is 1 when another record of the word follows (recordWidth bytes, the fewest
///          that hold the table's largest; listBits, the fewest bits that hold the last list's
///          index);
///   blockStarts: for each block, the offset in `words` of its first word (3 bytes).
/// Numbers are fixed-width little-endian in 7-bit groups (see `packed`). Lists must be ASCII
/// without upper-case letters (the lookups lower-case and normalise the query, not the list),
/// with words of at most 127 bytes; a list that is not, or that cannot be rebuilt as it is,
/// stops the build with the line at fault.
let blockSize = 16

func packedWordTables(root: String) -> String {
    let manifestName = "word-tables.txt"
    var out = """

    extension PackedWordTable {
        /// The tables of Resources/\(manifestName), by name.
        static let all: [String: PackedWordTable] = [

    """
    let manifestPath = root + manifestName
    guard FileManager.default.fileExists(atPath: manifestPath) else { return out + "    ]\n}\n" }
    guard let manifest = FileManager.default.contents(atPath: manifestPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
        fail("cannot read \(manifestPath)")
    }
    for (n, line) in manifest.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = fields.first, !name.hasPrefix("#") else { continue }
        let lists = Array(fields.dropFirst())
        guard !lists.isEmpty, lists.count < 128 else {
            fail("\(manifestName):\(n + 1): a table needs 1 to 127 lists after its name")
        }
        var recordsOf: [ArraySlice<UInt8>: [(list: Int, rank: Int)]] = [:]
        var maxLengths: [Int] = [], counts: [Int] = []
        for (listIndex, list) in lists.enumerated() {
            guard let data = FileManager.default.contents(atPath: root + list) else {
                fail("\(manifestName):\(n + 1): no file Resources/\(list)")
            }
            let text = Array(data)
            guard text.last == 0x0A || text.isEmpty else {
                fail("Resources/\(list): the last line has no newline; a packed word list (\(manifestName)) ends every line with one")
            }
            var seen: [ArraySlice<UInt8>: Int] = [:]
            var lineStart = 0, lineNumber = 0, maxLength = 0
            for i in text.indices where text[i] == 0x0A {
                defer { lineStart = i + 1 }
                lineNumber += 1
                let word = text[lineStart..<i]
                let rule = "a packed word list (\(manifestName)) holds ASCII words without upper-case letters, at most 127 bytes long, one a line, each once"
                guard !word.isEmpty else { fail("Resources/\(list):\(lineNumber): an empty line; \(rule)") }
                if let bad = word.first(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) {
                    fail("Resources/\(list):\(lineNumber): byte 0x\(String(bad, radix: 16)): \(rule); lower-case the list, or take it out of \(manifestName)")
                }
                guard word.count <= 127 else { fail("Resources/\(list):\(lineNumber): a word of \(word.count) bytes; \(rule)") }
                if let first = seen.updateValue(lineNumber, forKey: word) {
                    fail("Resources/\(list):\(lineNumber): the word of line \(first) again; \(rule)")
                }
                recordsOf[word, default: []].append((listIndex, lineNumber))
                maxLength = max(maxLength, word.count)
            }
            maxLengths.append(maxLength)
            counts.append(lineNumber)
        }
        let words = recordsOf.keys.sorted { $0.lexicographicallyPrecedes($1) }
        /// The fewest 7-bit bytes that hold `v`.
        func width(_ v: Int) -> Int { max(1, (Int.bitWidth - v.leadingZeroBitCount + 6) / 7) }
        let listBits = Int.bitWidth - (lists.count - 1).leadingZeroBitCount
        let maxRecord = recordsOf.values.joined().map { ($0.rank << listBits | $0.list) << 1 | 1 }.max() ?? 0
        let recordWidth = width(maxRecord)
        var packedWords: [UInt8] = [], blockStarts: [UInt8] = []
        var previous: ArraySlice<UInt8> = []
        for (k, word) in words.enumerated() {
            var shared = 0
            if k % blockSize == 0 {
                blockStarts += packed(packedWords.count, width: 3, what: "\(manifestName):\(n + 1): the table's size")
            } else {
                while shared < word.count, shared < previous.count,
                      word[word.startIndex + shared] == previous[previous.startIndex + shared] { shared += 1 }
            }
            packedWords.append(UInt8(shared))
            packedWords.append(UInt8(word.count - shared))
            packedWords += word.dropFirst(shared)
            let records = recordsOf[word]!
            for (r, record) in records.enumerated() {
                let more = r + 1 < records.count ? 1 : 0
                packedWords += packed((record.rank << listBits | record.list) << 1 | more, width: recordWidth, what: "\(lists[record.list]): rank")
            }
            previous = word
        }
        func text(_ bytes: [UInt8]) -> String { literal(String(decoding: bytes, as: UTF8.self)) }
        out += "        \(literal(name)): PackedWordTable(\n"
        out += "            lists: [\(lists.map(literal).joined(separator: ", "))],\n"
        out += "            count: \(words.count), listCounts: \(counts), maxWordLengths: \(maxLengths),\n"
        out += "            blockSize: \(blockSize), blockStarts: \(text(blockStarts)),\n"
        out += "            listBits: \(listBits), recordWidth: \(recordWidth), words: \(text(packedWords))),\n"
    }
    return out + "    ]\n}\n"
}

/// Files at least this large that no packed word table holds are stored compressed
/// when that saves a quarter of their size or more (issue 12: the binary's size), and unpacked
/// by EmbeddedResources when read.
let compressFrom = 12 * 1024

/// `bytes` compressed (EmbeddedResources.unpack reads it back) as 7-bit units, so that they fit
/// in a Swift string literal as they are. Canonical Huffman codes (issue 12: the binary's size)
/// over one of two alphabets, whichever takes fewer units:
///   - mode 0, the bytes of an LZ77 stream of `bytes`: a run of steps: a varint count of literal
///     bytes and the bytes; then, unless the output is complete, a varint match length (>= 4)
///     and a varint distance back into the output (the match may overlap what it writes).
///     Varints are little-endian groups of 7 bits, high bit = more. (The stream may also be one
///     step of literals only, when the codes do better without matches.)
///   - mode 1, words: symbols 0...255 are the file's bytes as they are, and symbol 256 + k is
///     word k of a list (a word: a run of the letters a to z, as the readings of
///     hanzi-pinyin.txt are), each run of letters in the file taken as one symbol.
/// Units: the mode; for mode 1, the number of words in 2 units, then each word (its length in
/// a unit, then its letters); the number of symbols coded in 3 units; the code length of each
/// symbol of the alphabet (256 byte values, then the words) in a unit each (0 = absent, at most
/// `maxCodeLength`); then each symbol's code, most significant bit first. Counts are
/// little-endian groups of 7 bits. Codes are canonical (DEFLATE's rule: shorter codes first,
/// then by symbol), so the lengths alone give them. The codes' bits are cut into 7-bit units,
/// least significant bits first, the last one padded with zeros.
func compressed(_ bytes: [UInt8]) -> [UInt8] {
    var count = bytes.count, literals: [UInt8] = []
    while count >= 0x80 { literals.append(UInt8(count & 0x7F) | 0x80); count >>= 7 }
    literals.append(UInt8(count))
    let candidates = [
        [0] + huffman(lz77(bytes).map(Int.init), alphabet: 256),
        [0] + huffman((literals + bytes).map(Int.init), alphabet: 256),
        wordCoded(bytes),
    ].compactMap { $0 }
    return candidates.min { $0.count < $1.count }!
}

/// Mode 1 of `compressed`: the runs of letters as words (nil when there are too many words).
func wordCoded(_ bytes: [UInt8]) -> [UInt8]? {
    func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    var runs: [ArraySlice<UInt8>] = []
    var i = 0
    while i < bytes.count {
        if isLetter(bytes[i]) {
            var j = i
            while j < bytes.count, isLetter(bytes[j]), j - i < 127 { j += 1 }
            runs.append(bytes[i..<j])
            i = j
        } else {
            i += 1
        }
    }
    let words = Set(runs).sorted { $0.lexicographicallyPrecedes($1) }
    guard words.count < 1 << 14 else { return nil }
    let index = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
    var symbols: [Int] = []
    i = 0
    while i < bytes.count {
        if isLetter(bytes[i]) {
            var j = i
            while j < bytes.count, isLetter(bytes[j]), j - i < 127 { j += 1 }
            symbols.append(256 + index[bytes[i..<j]]!)
            i = j
        } else {
            symbols.append(Int(bytes[i]))
            i += 1
        }
    }
    var units: [UInt8] = [1, UInt8(words.count & 0x7F), UInt8(words.count >> 7)]
    for w in words { units.append(UInt8(w.count)); units += w }
    return units + huffman(symbols, alphabet: 256 + words.count)
}

/// The Huffman stage of `compressed`: `symbols` (each below `alphabet`) coded, with their count
/// and the code lengths before the codes.
func huffman(_ symbols: [Int], alphabet: Int) -> [UInt8] {
    guard symbols.count < 1 << 21 else { fail("a resource of \(symbols.count) symbols is too large to compress") }
    let lengths = huffmanLengths(symbols, alphabet: alphabet)
    var units: [UInt8] = [UInt8(symbols.count & 0x7F), UInt8((symbols.count >> 7) & 0x7F), UInt8(symbols.count >> 14)]
    units += lengths.map(UInt8.init)
    // Canonical codes from the lengths.
    var countOf = [Int](repeating: 0, count: maxCodeLength + 1)
    for l in lengths where l > 0 { countOf[l] += 1 }
    var next = [Int](repeating: 0, count: maxCodeLength + 1)
    var code = 0
    for l in 1...maxCodeLength { next[l] = code; code = (code + countOf[l]) << 1 }
    var codes = [Int](repeating: 0, count: alphabet)
    for v in 0..<alphabet where lengths[v] > 0 { codes[v] = next[lengths[v]]; next[lengths[v]] += 1 }
    var acc: UInt64 = 0, bits = 0
    for symbol in symbols {
        let l = lengths[symbol], c = codes[symbol]
        for k in stride(from: l - 1, through: 0, by: -1) {
            acc |= UInt64((c >> k) & 1) << UInt64(bits)
            bits += 1
            if bits == 7 { units.append(UInt8(acc)); acc = 0; bits = 0 }
        }
    }
    if bits > 0 { units.append(UInt8(acc)) }
    return units
}

/// The longest Huffman code (EmbeddedResources.unpack reads no longer one).
let maxCodeLength = 15

/// The Huffman code length of each symbol below `alphabet` (0 for those absent from
/// `symbols`), none longer than `maxCodeLength`: counts are halved (never to 0) until the
/// longest code fits.
func huffmanLengths(_ symbols: [Int], alphabet: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: alphabet)
    for s in symbols { counts[s] += 1 }
    while true {
        let present = (0..<alphabet).filter { counts[$0] > 0 }
        var lengths = [Int](repeating: 0, count: alphabet)
        if present.count == 1 { lengths[present[0]] = 1; return lengths }
        if present.isEmpty { return lengths }
        // Nodes: leaves are the symbols present, inner nodes follow; merge the two lightest
        // (ties by node number, so that the build is reproducible).
        var weight = present.map { counts[$0] }, parent = [Int](repeating: -1, count: present.count)
        var live = Array(0..<present.count)
        while live.count > 1 {
            live.sort { weight[$0] != weight[$1] ? weight[$0] < weight[$1] : $0 < $1 }
            let a = live.removeFirst(), b = live.removeFirst()
            weight.append(weight[a] + weight[b])
            parent.append(-1)
            parent[a] = weight.count - 1
            parent[b] = weight.count - 1
            live.append(weight.count - 1)
        }
        var longest = 0
        for (k, v) in present.enumerated() {
            var depth = 0, node = k
            while parent[node] >= 0 { node = parent[node]; depth += 1 }
            lengths[v] = depth
            longest = max(longest, depth)
        }
        if longest <= maxCodeLength { return lengths }
        for v in present { counts[v] = max(1, counts[v] / 2) }
    }
}

func lz77(_ bytes: [UInt8]) -> [UInt8] {
    let n = bytes.count
    var out: [UInt8] = []
    out.reserveCapacity(n / 3)
    func varint(_ v: Int) {
        var v = v
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }
    let minMatch = 4, maxChain = 256, window = 1 << 20
    let hashBits = 16
    var head = [Int](repeating: -1, count: 1 << hashBits)
    var prev = [Int](repeating: -1, count: max(n, 1))
    bytes.withUnsafeBufferPointer { b in
        func hash(_ i: Int) -> Int {
            let v = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
            return Int((v &* 2654435761) >> UInt32(32 - hashBits))
        }
        func insert(_ i: Int) {
            guard i + minMatch <= n else { return }
            let h = hash(i)
            prev[i] = head[h]
            head[h] = i
        }
        var i = 0, literalStart = 0
        while i < n {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= n {
                var candidate = head[hash(i)], chain = 0
                while candidate >= 0, i - candidate <= window, chain < maxChain {
                    var l = 0
                    while i + l < n, b[candidate + l] == b[i + l] { l += 1 }
                    if l > bestLength { bestLength = l; bestDistance = i - candidate }
                    candidate = prev[candidate]
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                varint(i - literalStart)
                out.append(contentsOf: b[literalStart..<i])
                varint(bestLength)
                varint(bestDistance)
                for k in i..<(i + bestLength) { insert(k) }
                i += bestLength
                literalStart = i
            } else {
                insert(i)
                i += 1
            }
        }
        varint(n - literalStart)
        out.append(contentsOf: b[literalStart..<n])
    }
    return out
}

/// The files the tables of ROOT/word-tables.txt hold, each with its table and its index there
/// (the first table that names it): they are embedded as that table only.
func packedLists(root: String) -> [String: (table: String, list: Int)] {
    guard let data = FileManager.default.contents(atPath: root + "word-tables.txt") else { return [:] }
    var lists: [String: (table: String, list: Int)] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { continue }
        for (k, name) in fields.dropFirst().enumerated() where lists[name] == nil { lists[name] = (first, k) }
    }
    return lists
}

/// zxcvbn's keyboard adjacency graphs (ROOT/zxcvbn/adjacency_graphs.json), read here so that
/// vaultcli builds them with no JSON to parse (issue 12: parsing them took a third of genpass's
/// instructions): per graph, in the file's order, its name and a line per key (sorted): the key,
/// then each neighbour in direction order, tab-separated (an empty field where there is none).
/// Keys and neighbours must be ASCII without tabs or newlines; anything else stops the build.
func packedAdjacencyGraphs(root: String) -> String {
    var out = """

    extension PackedAdjacencyGraphs {
        /// The graphs of Resources/zxcvbn/adjacency_graphs.json, in its order.
        static let all: [(name: String, lines: StaticString)] = [

    """
    let path = root + "zxcvbn/adjacency_graphs.json"
    guard let data = FileManager.default.contents(atPath: path) else { return out + "    ]\n}\n" }
    let damaged = "Resources/zxcvbn/adjacency_graphs.json: not a list of {\"name\": ..., \"graph\": {key: [neighbour or null, ...]}} with ASCII keys and neighbours"
    guard let graphs = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { fail(damaged) }
    func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x09 && $0 != 0x0A } }
    for g in graphs {
        guard let name = g["name"] as? String, plain(name), let graph = g["graph"] as? [String: [Any]] else { fail(damaged) }
        var lines = ""
        for (key, neighbours) in graph.sorted(by: { $0.key < $1.key }) {
            guard plain(key), key.unicodeScalars.count == 1 else { fail(damaged + " (key \(key))") }
            var fields = [key]
            for n in neighbours {
                if n is NSNull { fields.append(""); continue }
                guard let s = n as? String, plain(s), !s.isEmpty else { fail(damaged) }
                fields.append(s)
            }
            lines += fields.joined(separator: "\t") + "\n"
        }
        out += "        (\(literal(name)), \(literal(lines))),\n"
    }
    return out + "    ]\n}\n"
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: embed-resources ROOT OUTPUT FILE...") }
let root = URL(fileURLWithPath: args[1]).standardizedFileURL.path + "/"
var source = """
// Generated at build time by embed-resources (Plugins/EmbedResources) from Sources/Vault/Resources.
// Do not edit: add, change or remove files under Resources/ instead.

extension EmbeddedResources {
    static let files: [String: Entry] = [

"""
let inTables = packedLists(root: root)
for path in args.dropFirst(3) {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    guard full.hasPrefix(root) else { fail("\(path) is not under \(root)") }
    let name = String(full.dropFirst(root.count))
    if let t = inTables[name] {
        source += "        \(literal(name)): .wordList(table: \(literal(t.table)), list: \(t.list)),\n"
        continue
    }
    guard let data = FileManager.default.contents(atPath: full) else { fail("cannot read \(full)") }
    let isText = String(validating: data, as: UTF8.self) != nil
    let units = data.count >= compressFrom ? compressed(Array(data)) : nil
    if let units, units.count <= data.count / 4 * 3 {
        source += "        \(literal(name)): .compressed(\(literal(String(decoding: units, as: UTF8.self))), size: \(data.count), utf8: \(isText)),\n"
    } else if let text = String(validating: data, as: UTF8.self) {
        source += "        \(literal(name)): .utf8(\(literal(text))),\n"
    } else {
        source += "        \(literal(name)): .base64(\(literal(data.base64EncodedString()))),\n"
    }
}
source += "    ]\n}\n"
source += packedWordTables(root: root)
source += packedAdjacencyGraphs(root: root)
// Written only when it changes: debug and release builds share the plugin's output directory,
// and a rewrite with the same text would make the other configuration recompile the target.
if FileManager.default.contents(atPath: args[2]) != Data(source.utf8) {
    guard FileManager.default.createFile(atPath: args[2], contents: Data(source.utf8)) else { fail("cannot write \(args[2])") }
}
