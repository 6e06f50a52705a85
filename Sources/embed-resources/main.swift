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
