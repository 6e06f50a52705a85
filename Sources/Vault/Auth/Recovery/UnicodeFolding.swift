@_spi(_Unicode) import Swift

/// NFC, NFKC and full case folding without ICU, so that the binary links no
/// FoundationInternationalization (its ICU data is most of a full-Foundation binary's size).
/// NFC is the Swift standard library's; the compatibility decompositions and the case foldings
/// are tables in Resources/unicode (written by scripts/export-unicode-tables.swift from
/// Foundation, and checked against it on every scalar by VaultTests/UnicodeFoldingTests).
enum UnicodeFolding {
    /// Each scalar's NFKD, where it is not its NFD.
    static let compatibility: [UInt32: [Unicode.Scalar]] = table("unicode/nfkd-compat.txt")
    /// Each scalar's full case folding, where it is not the scalar itself.
    static let caseFolding: [UInt32: [Unicode.Scalar]] = table("unicode/case-folding.txt")

    /// Canonical composition (NFC).
    static func nfc(_ s: String) -> String {
        String(decoding: s._nfcCodeUnits, as: UTF8.self)
    }

    /// Canonical decomposition (NFD), from the standard library.
    static func nfd(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s._nfd)
        return String(out)
    }

    /// Compatibility composition (NFKC): NFC of the compatibility decomposition, since NFC
    /// decomposes canonically, reorders and recomposes.
    static func nfkc(_ s: String) -> String {
        nfc(mapped(s, compatibility))
    }

    /// Full case folding ("Straße" and "STRASSE" both become "strasse").
    static func fold(_ s: String) -> String {
        mapped(s, caseFolding)
    }

    static func mapped(_ s: String, _ table: [UInt32: [Unicode.Scalar]]) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if let m = table[u.value] { out.append(contentsOf: m) } else { out.append(u) }
        }
        return String(out)
    }

    /// Lines "XXXX;YYYY ZZZZ" (hexadecimal scalars) of an embedded file.
    static func table(_ path: String) -> [UInt32: [Unicode.Scalar]] {
        guard let text = EmbeddedResources.text(path) else {
            fatalError("vaultcli was built without its resource Resources/\(path); rebuild it from a complete source tree")
        }
        var t: [UInt32: [Unicode.Scalar]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ";")
            guard parts.count == 2, let key = UInt32(parts[0], radix: 16) else {
                fatalError("vaultcli was built with a damaged Resources/\(path); rebuild it from a complete source tree")
            }
            t[key] = parts[1].split(separator: " ").map { Unicode.Scalar(UInt32($0, radix: 16)!)! }
        }
        return t
    }
}
