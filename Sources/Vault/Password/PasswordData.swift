import Foundation

/// The word lists shipped inside vaultcli (Resources/, see Resources/LICENSES.md), loaded once.
enum PasswordData {
    /// Lines of a shipped text file, in order, without empty lines.
    static func lines(_ name: String, subdirectory: String = "Resources") -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: subdirectory),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("vaultcli is missing its bundled resource \(subdirectory)/\(name).txt; reinstall vaultcli")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// zxcvbn's "passwords" list: the 30,000 most common passwords, most common first.
    static let commonPasswords: [String] = lines("common-passwords")

    /// The blocklist, lower-cased, for O(1) lookups.
    static let blocklist: Set<String> = Set(commonPasswords.map { $0.lowercased() })

    /// The EFF long wordlist (7,776 words) for passphrases.
    static let effWords: [String] = {
        let w = lines("eff-long-wordlist")
        precondition(w.count == 7776, "the EFF long wordlist must hold 7,776 words")
        return w
    }()

    /// zxcvbn's ranked dictionaries in zxcvbn's order (the order breaks ties as zxcvbn does).
    static let rankedDictionaries: [(name: String, words: [String])] = {
        let order = lines("dictionaries", subdirectory: "Resources/zxcvbn")
        return order.map { name in
            (name, name == "passwords" ? commonPasswords : lines(name, subdirectory: "Resources/zxcvbn"))
        }
    }()

    /// zxcvbn's keyboard adjacency graphs, in zxcvbn's order: for each key, its neighbours
    /// by direction (nil where there is no key), each neighbour as "unshifted shifted".
    static let adjacencyGraphs: [(name: String, graph: [Character: [String?]])] = {
        guard let url = Bundle.module.url(forResource: "adjacency_graphs", withExtension: "json", subdirectory: "Resources/zxcvbn"),
              let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { fatalError("vaultcli is missing its bundled resource Resources/zxcvbn/adjacency_graphs.json; reinstall vaultcli") }
        return list.map { entry in
            let name = entry["name"] as! String
            let raw = entry["graph"] as! [String: [Any]]
            var g: [Character: [String?]] = [:]
            for (k, v) in raw { g[Character(k)] = v.map { $0 as? String } }
            return (name, g)
        }
    }()
}
