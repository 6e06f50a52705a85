import FoundationEssentials

/// The null of `JSONText` values (NSNull, in full Foundation).
public struct JSONNull: Sendable {
    public init() {}
}

/// JSON text for `--json`, written exactly as Foundation's JSONSerialization wrote it with
/// [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] (FoundationEssentials has no
/// JSONSerialization): two-space indents, `"key" : value`, keys in JSONSerialization's order.
/// Values: String, Bool, integers, Double, Float, [Any], [String: Any], JSONNull.
public enum JSONText {
    public static func render(_ value: Any) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    static func write(_ value: Any, indent: Int, into out: inout String) {
        switch value {
        case let s as String: string(s, into: &out)
        case let b as Bool: out += b ? "true" : "false"
        case let i as any BinaryInteger: out += String(describing: i)
        case let d as Double: out += number(d)
        case let f as Float: out += number(f)
        case is JSONNull: out += "null"
        case let dict as [String: Any]:
            out += "{\n"
            let inner = String(repeating: " ", count: indent + 2)
            for (n, key) in dict.keys.sorted(by: keyOrder).enumerated() {
                if n > 0 { out += ",\n" }
                out += inner
                string(key, into: &out)
                out += " : "
                write(dict[key]!, indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        case let array as [Any]:
            out += "[\n"
            let inner = String(repeating: " ", count: indent + 2)
            for (n, element) in array.enumerated() {
                if n > 0 { out += ",\n" }
                out += inner
                write(element, indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        default:
            preconditionFailure("JSONText: \(type(of: value)) is not a JSON value")
        }
    }

    static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ x: T) -> String {
        precondition(x.isFinite, "JSONText: a number that is not finite")
        var s = x.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    static func string(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    out += "\\u" + zeroPaddedHex(u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    static func zeroPaddedHex(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: 4 - h.count) + h
    }

    /// JSONSerialization's sorted-keys order for ASCII keys (a numeric, case-insensitive comparison under the
    /// root collation): punctuation before digits before letters, runs of digits by their value,
    /// letters without case first; only when that ties, lower case before upper case, then
    /// code points.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var ei = i, ej = j
                while ei < x.count && isDigit(x[ei]) { ei += 1 }
                while ej < y.count && isDigit(y[ej]) { ej += 1 }
                let dx = x[i..<ei].drop { $0 == "0" }, dy = y[j..<ej].drop { $0 == "0" }
                if dx.count != dy.count { return dx.count < dy.count }
                if !dx.elementsEqual(dy) { return dx.lexicographicallyPrecedes(dy) { $0.value < $1.value } }
                i = ei; j = ej
                continue
            }
            let (cx, kx) = primary(x[i]), (cy, ky) = primary(y[j])
            if cx != cy { return cx < cy }
            if kx != ky { return kx < ky }
            i += 1; j += 1
        }
        if i < x.count || j < y.count { return i >= x.count }
        // Equal but for leading zeros or case: fewer zeros first, then lower case, then code points.
        if x.count != y.count { return x.count < y.count }
        for (p, q) in zip(x, y) where p != q {
            let pl = p.properties.isLowercase, ql = q.properties.isLowercase
            if pl != ql { return pl }
            return p.value < q.value
        }
        return x.count < y.count
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }

    /// ASCII punctuation and symbols in the root collation's order (white space first).
    static let punctuationOrder: [UInt32: UInt32] = {
        var t: [UInt32: UInt32] = [:]
        for (i, u) in " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars.enumerated() { t[u.value] = UInt32(i) }
        return t
    }()

    /// (class, key): 0 punctuation, symbols and spaces; 1 digits; 2 letters; 3 anything else, by
    /// code point. (vaultcli's keys are ASCII; for other keys this only approximates the root
    /// collation, which would sort "über" among the u's.)
    static func primary(_ u: Unicode.Scalar) -> (Int, UInt32) {
        let v = u.value
        if v >= 65 && v <= 90 { return (2, v + 32) }
        if v >= 97 && v <= 122 { return (2, v) }
        if isDigit(u) { return (1, v) }
        if u.isASCII { return (0, punctuationOrder[v] ?? 1000 + v) }
        return (3, v)
    }
}
