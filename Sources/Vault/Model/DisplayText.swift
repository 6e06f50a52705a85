import FoundationEssentials

/// The one display sanitiser for untrusted text on a screen (issue 11). A terminal acts on C0
/// and C1 control characters and DEL (escape sequences can recolour, move the cursor, retitle
/// the window, or hide text), and bidirectional controls (U+202A-U+202E, U+2066-U+2069) reorder
/// what is shown. Each is shown as a visible escape, `\u{1B}`, instead. Everything else,
/// Chinese text included, is kept as it is.
public enum DisplayText {
    /// Whether a scalar must not reach a terminal as it is.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `s` with every unsafe scalar replaced by `\u{XX}` (upper-case hex). With `keepNewlines`,
    /// a line feed stays (for messages vaultcli itself puts on several lines).
    public static func sanitize(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { isUnsafe($0) && !(keepNewlines && $0 == "\n") }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isUnsafe(u) && !(keepNewlines && u == "\n") {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// JSON text with every unsafe scalar that JSON allows raw (DEL, C1, bidi controls) written as
    /// a `\uXXXX` escape: the same JSON value, exactly, but inert on a terminal. Such scalars can
    /// appear only inside JSON strings, so the replacement never changes the structure. (C0 is
    /// always escaped inside JSON strings already; outside them it is the layout's line breaks.)
    public static func escapeJSON(_ json: String) -> String {
        func raw(_ u: Unicode.Scalar) -> Bool { u.value >= 0x7F && isUnsafe(u) }
        guard json.unicodeScalars.contains(where: raw) else { return json }
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            if raw(u) {
                let h = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - h.count) + h).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
