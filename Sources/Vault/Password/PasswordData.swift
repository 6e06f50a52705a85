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

    /// The blocklist, lower-cased, for O(1) lookups (built from the embedded text directly).
    static let blocklist = WordTable(lists: [bytes("common-passwords.txt")], lowercase: true)

    /// The EFF long wordlist (7,776 words) for passphrases.
    static let effWords: [String] = {
        let w = lines("eff-long-wordlist")
        precondition(w.count == 7776, "the EFF long wordlist must hold 7,776 words")
        return w
    }()

    /// zxcvbn's ranked dictionaries in zxcvbn's order (the order breaks ties as zxcvbn does).
    static let rankedDictionaries: [(name: String, words: [String])] = {
        let order = lines("dictionaries", subdirectory: "zxcvbn")
        return order.map { name in
            (name, name == "passwords" ? commonPasswords : lines(name, subdirectory: "zxcvbn"))
        }
    }()

    /// zxcvbn's keyboard adjacency graphs, in zxcvbn's order: for each key, its neighbours
    /// by direction (nil where there is no key), each neighbour as "unshifted shifted".
    static let adjacencyGraphs: [(name: String, graph: [Character: [String?]])] = {
        struct Entry: Decodable {
            let name: String
            let graph: [String: [String?]]
        }
        let json = text("zxcvbn/adjacency_graphs.json")
        guard let list = try? JSONDecoder().decode([Entry].self, from: Data(json.utf8)) else {
            fatalError("vaultcli was built with a damaged Resources/zxcvbn/adjacency_graphs.json; rebuild it from a complete source tree")
        }
        return list.map { entry in
            var g: [Character: [String?]] = [:]
            for (k, v) in entry.graph { g[Character(k)] = v }
            return (entry.name, g)
        }
    }()
}
