import FoundationEssentials

/// Look-alike names (UTS #39, "Unicode Security Mechanisms", section 4: confusable detection).
/// The data is Unicode's confusables.txt 14.0.0, shipped as Resources/unicode/confusables.txt
/// (source and terms in Resources/LICENSES.md).
public enum Confusables {
    /// Source code point -> prototype (one or more code points), from confusables.txt.
    static let table: [UInt32: [Unicode.Scalar]] = parse(PasswordData.lines("confusables", subdirectory: "unicode"))

    /// Parses lines `SOURCE ; TARGET... ; MA # comment` (hex code points); comments and blank
    /// lines are skipped.
    static func parse(_ lines: [String]) -> [UInt32: [Unicode.Scalar]] {
        var t: [UInt32: [Unicode.Scalar]] = [:]
        for raw in lines {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(separator: ";").map { String($0).trimmed(.whitespaces) }
            guard fields.count >= 2, let src = UInt32(fields[0], radix: 16) else { continue }
            let target = fields[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            if !target.isEmpty { t[src] = target }
        }
        precondition(t.count > 6000, "the bundled confusables.txt is incomplete; reinstall vaultcli")
        return t
    }

    /// skeleton(X) of UTS #39: NFD, each code point replaced by its prototype, NFD again.
    public static func skeleton(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in UnicodeFolding.nfd(s).unicodeScalars {
            if let p = table[u.value] { out.append(contentsOf: p) } else { out.append(u) }
        }
        return UnicodeFolding.nfd(String(out))
    }

    /// What two names are compared by: the skeleton of the lower-cased name, lower-cased (so
    /// `0wner`, `Оwner` with a Cyrillic O and `owner` all meet).
    public static func key(_ s: String) -> String { skeleton(s.lowercased()).lowercased() }

    /// The first of `existing` that `name` could be mistaken for (same key), other than itself.
    public static func lookalike(of name: String, among existing: [String]) -> String? {
        let k = key(name)
        return existing.first { $0 != name && key($0) == k }
    }
}
