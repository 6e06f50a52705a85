import FoundationEssentials
import Glibc

// The strength estimator's matchers: the tables they share, omnimatch (every matcher over the
// password), and the dictionary, reversed and l33t matchers. The other patterns are in
// StrengthMatching+Patterns.swift and StrengthMatching+Dates.swift.

// A port of zxcvbn-python 4.4.28's matching.py (MIT; (c) 2012-2013 Dropbox, Inc., 2016 Daniel
// Wolf). The order in which matches are produced follows the Python code, because zxcvbn's
// search breaks ties by that order.

enum StrengthMatching {
    static let l33tTable: [(Unicode.Scalar, [Unicode.Scalar])] = [
        ("a", ["4", "@"]), ("b", ["8"]), ("c", ["(", "{", "[", "<"]), ("e", ["3"]), ("g", ["6", "9"]),
        ("i", ["1", "!", "|"]), ("l", ["1", "|", "7"]), ("o", ["0"]), ("s", ["$", "5"]), ("t", ["+", "7"]),
        ("x", ["%"]), ("z", ["2"]),
    ]

    static let dateMaxYear = 2050
    static let dateMinYear = 1000
    static let dateSplits: [Int: [(Int, Int)]] = [
        4: [(1, 2), (2, 3)],
        5: [(1, 3), (2, 3)],
        6: [(1, 2), (2, 4), (4, 5)],
        7: [(1, 3), (2, 3), (4, 5), (4, 6)],
        8: [(2, 4), (4, 6)],
    ]

    struct Graph {
        let name: String
        let adjacency: [Unicode.Scalar: [[Unicode.Scalar]?]]
        let startingPositions: Int
        let averageDegree: Double
    }

    /// The graphs of Resources/zxcvbn/adjacency_graphs.json (PasswordData.adjacencyGraphs), from
    /// their form packed at build time (PackedAdjacencyGraphs: ASCII lines, no JSON to parse).
    static let graphs: [Graph] = PackedAdjacencyGraphs.all.map { entry in
        var adj: [Unicode.Scalar: [[Unicode.Scalar]?]] = [:]
        var degreeSum = 0.0
        entry.lines.withUTF8Buffer { text in
            for line in text.split(separator: 0x0A) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                let neighbours = fields.dropFirst().map { f in f.isEmpty ? nil : f.map { Unicode.Scalar($0) } }
                adj[Unicode.Scalar(fields[0][fields[0].startIndex])] = neighbours
                degreeSum += Double(neighbours.filter { $0 != nil }.count)
            }
        }
        return Graph(name: entry.name, adjacency: adj, startingPositions: adj.count,
                     averageDegree: degreeSum / Double(adj.count))
    }

    static func graph(_ name: String) -> Graph { graphs.first { $0.name == name }! }

    // MARK: - helpers

    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII {
            if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
            return s
        }
        let m = s.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : s
    }

    static func lower(_ a: [Unicode.Scalar]) -> [Unicode.Scalar] { a.map(lower) }

    static func string(_ a: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: a)
        return String(v)
    }

    static func string(_ a: [Unicode.Scalar]) -> String { string(a[...]) }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Stable sort by (i, j), as Python's sorted(key=lambda x: (x['i'], x['j'])).
    static func sortByIJ(_ m: [StrengthMatch]) -> [StrengthMatch] {
        m.enumerated().sorted { a, b in
            (a.element.i, a.element.j, a.offset) < (b.element.i, b.element.j, b.offset)
        }.map(\.element)
    }

    // MARK: - omnimatch

    static func omnimatch(_ password: [Unicode.Scalar], dictionaries: RankedDictionaries, userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        matches += dictionaryMatch(password, dictionaries, userInputs)
        matches += reverseDictionaryMatch(password, dictionaries, userInputs)
        matches += l33tMatch(password, dictionaries, userInputs)
        matches += spatialMatch(password)
        matches += repeatMatch(password, dictionaries, userInputs)
        matches += sequenceMatch(password)
        matches += regexMatch(password)
        matches += dateMatch(password)
        return sortByIJ(matches)
    }

    // MARK: - dictionary

    static func dictionaryMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        let n = password.count
        let lowered = lower(password)
        let userMax = userInputs.keys.map { $0.unicodeScalars.count }.max() ?? 0
        let maxLen = max(d.maxWordLength, userMax)
        for i in 0..<n {
            // Once no dictionary word starts with lowered[i...j], none is longer either: the
            // dictionaries are not looked up again from i (user inputs still are).
            var dictionaryWordsAhead = true
            for j in i..<min(n, i + maxLen) {
                var hits: [(name: String, rank: Int)] = []
                if dictionaryWordsAhead && j - i + 1 <= d.maxWordLength {
                    let r = d.table.lookup(lowered[i...j])
                    if let entries = r.entries {
                        for e in entries { hits.append((d.names[e.dict], e.rank)) }
                    }
                    dictionaryWordsAhead = r.extends
                }
                if !dictionaryWordsAhead && hits.isEmpty && userInputs.isEmpty { break }
                // The word itself is made only when it is needed: for a hit or the user inputs.
                guard !hits.isEmpty || !userInputs.isEmpty else { continue }
                let word = string(lowered[i...j])
                if let r = userInputs[word] { hits.append(("user_inputs", r)) }
                for h in hits {
                    var m = StrengthMatch(pattern: .dictionary, i: i, j: j, token: password[i...j])
                    m.matchedWord = word
                    m.rank = h.rank
                    m.dictionaryName = h.name
                    matches.append(m)
                }
            }
        }
        // dictionary order within one (i, j): the table lists entries in dictionary order.
        return sortByIJ(matches)
    }

    static func reverseDictionaryMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        let rev = Array(password.reversed())
        var matches = dictionaryMatch(rev, d, userInputs)
        let n = password.count
        for k in matches.indices {
            matches[k].reversed = true
            let (i, j) = (n - 1 - matches[k].j, n - 1 - matches[k].i)
            matches[k].i = i
            matches[k].j = j
            matches[k].token = password[i...j]
        }
        return sortByIJ(matches)
    }

    // MARK: - l33t

    static func relevantL33tSubtable(_ password: [Unicode.Scalar]) -> [(Unicode.Scalar, [Unicode.Scalar])] {
        let chars = Set(password)
        var out: [(Unicode.Scalar, [Unicode.Scalar])] = []
        for (letter, subs) in l33tTable {
            let relevant = subs.filter { chars.contains($0) }
            if !relevant.isEmpty { out.append((letter, relevant)) }
        }
        return out
    }

    /// enumerate_l33t_subs, including its dedup. Each sub is an ordered list of (l33t char, letter).
    static func enumerateL33tSubs(_ table: [(Unicode.Scalar, [Unicode.Scalar])]) -> [[(Unicode.Scalar, Unicode.Scalar)]] {
        var subs: [[(Unicode.Scalar, Unicode.Scalar)]] = [[]]
        func dedup(_ subs: [[(Unicode.Scalar, Unicode.Scalar)]]) -> [[(Unicode.Scalar, Unicode.Scalar)]] {
            var deduped: [[(Unicode.Scalar, Unicode.Scalar)]] = []
            var members = Set<String>()
            for sub in subs {
                // assoc = [(letter, l33t)], sorted; label "letter,l33t-..."
                let assoc = sub.map { (String($0.1), String($0.0)) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                let label = assoc.map { "\($0.0),\($0.1)" }.joined(separator: "-")
                if !members.contains(label) {
                    members.insert(label)
                    deduped.append(sub)
                }
            }
            return deduped
        }
        for (firstKey, l33tChars) in table {
            var next: [[(Unicode.Scalar, Unicode.Scalar)]] = []
            for l33tChr in l33tChars {
                for sub in subs {
                    if let dup = sub.firstIndex(where: { $0.0 == l33tChr }) {
                        var alternative = sub
                        alternative.remove(at: dup)
                        alternative.append((l33tChr, firstKey))
                        next.append(sub)
                        next.append(alternative)
                    } else {
                        var ext = sub
                        ext.append((l33tChr, firstKey))
                        next.append(ext)
                    }
                }
            }
            subs = dedup(next)
        }
        // Convert to dicts: a later pair for the same l33t char overwrites the earlier value
        // but keeps the key's first position (Python dict semantics).
        return subs.map { sub in
            var out: [(Unicode.Scalar, Unicode.Scalar)] = []
            for (l, c) in sub {
                if let k = out.firstIndex(where: { $0.0 == l }) { out[k].1 = c } else { out.append((l, c)) }
            }
            return out
        }
    }

    static func l33tMatch(_ password: [Unicode.Scalar], _ d: RankedDictionaries, _ userInputs: [String: Int]) -> [StrengthMatch] {
        var matches: [StrengthMatch] = []
        for sub in enumerateL33tSubs(relevantL33tSubtable(password)) {
            if sub.isEmpty { break }
            var map: [Unicode.Scalar: Unicode.Scalar] = [:]
            for (l, c) in sub { map[l] = c }
            let subbed = password.map { map[$0] ?? $0 }
            for var m in dictionaryMatch(subbed, d, userInputs) {
                let token = password[m.i...m.j]
                if string(lower(Array(token))) == m.matchedWord { continue }
                let tokenSet = Set(token)
                m.sub = sub.filter { tokenSet.contains($0.0) }
                m.l33t = true
                m.token = token
                matches.append(m)
            }
        }
        return sortByIJ(matches.filter { $0.token.count > 1 })
    }
}
