import FoundationEssentials
import Glibc

/// The word lists compiled into vaultcli (Resources/, see Resources/LICENSES.md), each loaded
/// when it is first used.
enum PasswordData {
    /// The text of an embedded file (a path under Resources/).
    static func text(_ path: String) -> String {
        guard let text = EmbeddedResources.text(path) else {
            fatalError("vaultcli was built without its resource Resources/\(path); rebuild it from a complete source tree")
        }
        return text
    }

    /// The bytes of an embedded file (a path under Resources/).
    static func bytes(_ path: String) -> [UInt8] {
        guard let b = EmbeddedResources.bytes(path) else {
            fatalError("vaultcli was built without its resource Resources/\(path); rebuild it from a complete source tree")
        }
        return b
    }

    /// Where zxcvbn's list `name` is: "passwords" is the common-passwords list.
    static func dictionaryPath(_ name: String) -> String {
        name == "passwords" ? "common-passwords.txt" : "zxcvbn/\(name).txt"
    }

    /// Lines of an embedded text file, in order, without empty lines.
    static func lines(_ name: String, subdirectory: String? = nil) -> [String] {
        text((subdirectory.map { $0 + "/" } ?? "") + name + ".txt")
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// zxcvbn's "passwords" list: the 30,000 most common passwords, most common first.
    static let commonPasswords: [String] = lines("common-passwords")

    /// The blocklist (the common-passwords list, lower-case): the first list of the packed
    /// zxcvbn table (Resources/word-tables.txt), looked up in place.
    static let blocklist: WordTable = {
        let t = PackedWordTable.named("zxcvbn")
        guard t.lists.first == "common-passwords.txt" else {
            fatalError("vaultcli was built with a damaged Resources/word-tables.txt (the zxcvbn table must start with common-passwords.txt); rebuild it from a complete source tree")
        }
        return WordTable(packed: t, list: 0)
    }()

    /// The EFF long wordlist (7,776 distinct words) for passphrases, packed at build time
    /// (Resources/word-tables.txt).
    static let eff: PackedWordTable = {
        let t = PackedWordTable.named("eff")
        precondition(t.lists == ["eff-long-wordlist.txt"] && t.ranks(0) == 7776 && t.listCounts[0] == 7776,
                     "the EFF long wordlist must hold 7,776 distinct words")
        return t
    }()

    /// The number of passphrase words (7,776).
    static var effWordCount: Int { eff.ranks(0) }

    /// Passphrase word `index` (0-based, in the list's order).
    static func effWord(_ index: Int) -> String { effWords[index] }

    /// The EFF long wordlist in its order, read out of the packed table when a passphrase is
    /// first drawn (the table holds its words sorted: about 8,000 words, well under a millisecond).
    static let effWords: [String] = eff.wordsByRank(0).map { String(decoding: $0, as: UTF8.self) }

    /// zxcvbn's ranked dictionaries in zxcvbn's order (the order breaks ties as zxcvbn does).
    static let rankedDictionaries: [(name: String, words: [String])] = {
        let order = lines("dictionaries", subdirectory: "zxcvbn")
        return order.map { name in
            (name, name == "passwords" ? commonPasswords : lines(name, subdirectory: "zxcvbn"))
        }
    }()

    /// zxcvbn's keyboard adjacency graphs, in zxcvbn's order: for each key, its neighbours
    /// by direction (nil where there is no key), each neighbour as "unshifted shifted".
    /// (Read with GraphJSON, not JSONDecoder: decoding this 8 KB file with Codable took more
    /// than a quarter of `genpass`'s instructions.)
    static let adjacencyGraphs: [(name: String, graph: [Character: [String?]])] = {
        let damaged = "vaultcli was built with a damaged Resources/zxcvbn/adjacency_graphs.json; rebuild it from a complete source tree"
        guard case .array(let list)? = GraphJSON.parse(bytes("zxcvbn/adjacency_graphs.json")) else { fatalError(damaged) }
        return list.map { item in
            guard case .object(let fields) = item,
                  case .string(let name)? = fields.first(where: { $0.key == "name" })?.value,
                  case .object(let keys)? = fields.first(where: { $0.key == "graph" })?.value else { fatalError(damaged) }
            var g: [Character: [String?]] = [:]
            for field in keys {
                let k = field.key
                guard k.count == 1, case .array(let neighbours) = field.value else { fatalError(damaged) }
                g[Character(k)] = neighbours.map { n -> String? in
                    switch n {
                    case .string(let s): return s
                    case .null: return nil
                    default: fatalError(damaged)
                    }
                }
            }
            return (name, g)
        }
    }()
}

/// A small JSON reader for the shapes of the embedded data files: arrays, objects, strings and
/// null (anything else, or anything malformed, is nil). Objects keep their keys in file order.
enum GraphJSON: Equatable {
    case string(String)
    case null
    case array([GraphJSON])
    case object([Field])

    struct Field: Equatable {
        let key: String
        let value: GraphJSON
    }

    static func parse(_ bytes: [UInt8]) -> GraphJSON? {
        var i = 0
        guard let v = value(bytes, &i) else { return nil }
        skipSpace(bytes, &i)
        return i == bytes.count ? v : nil
    }

    private static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private static func value(_ b: [UInt8], _ i: inout Int, depth: Int = 0) -> GraphJSON? {
        skipSpace(b, &i)
        guard i < b.count, depth < 16 else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""):
            return string(b, &i).map { .string($0) }
        case UInt8(ascii: "n"):
            guard i + 4 <= b.count, b[i + 1] == UInt8(ascii: "u"), b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "l") else { return nil }
            i += 4
            return .null
        case UInt8(ascii: "["):
            i += 1
            var items: [GraphJSON] = []
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                guard let v = value(b, &i, depth: depth + 1) else { return nil }
                items.append(v)
                skipSpace(b, &i)
                guard i < b.count else { return nil }
                i += 1
                if b[i - 1] == UInt8(ascii: "]") { return .array(items) }
                guard b[i - 1] == UInt8(ascii: ",") else { return nil }
            }
        case UInt8(ascii: "{"):
            i += 1
            var fields: [Field] = []
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            while true {
                skipSpace(b, &i)
                guard i < b.count, b[i] == UInt8(ascii: "\""), let key = string(b, &i) else { return nil }
                skipSpace(b, &i)
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value(b, &i, depth: depth + 1) else { return nil }
                fields.append(Field(key: key, value: v))
                skipSpace(b, &i)
                guard i < b.count else { return nil }
                i += 1
                if b[i - 1] == UInt8(ascii: "}") { return .object(fields) }
                guard b[i - 1] == UInt8(ascii: ",") else { return nil }
            }
        default:
            return nil
        }
    }

    /// A string at b[i] (its opening quote); escapes \" \\ \/ \b \f \n \r \t and \uXXXX
    /// outside the surrogates.
    private static func string(_ b: [UInt8], _ i: inout Int) -> String? {
        i += 1
        // Most strings have no escape: made straight from the bytes.
        var end = i
        while end < b.count, b[end] != UInt8(ascii: "\""), b[end] != UInt8(ascii: "\\"), b[end] >= 0x20 { end += 1 }
        if end < b.count, b[end] == UInt8(ascii: "\"") {
            defer { i = end + 1 }
            return String(validating: b[i..<end], as: UTF8.self)
        }
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < b.count else { return nil }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<i + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(v) else { return nil }
                    i += 4
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                out.append(c)
            }
        }
        return nil
    }
}
