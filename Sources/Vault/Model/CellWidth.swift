/// How many terminal cells text takes: what table columns are padded by. Chinese characters
/// (East Asian Wide and Fullwidth) take two cells, combining marks and format characters none,
/// everything else one (the rules of wcwidth(3), from the Unicode data in CellWidthTables.swift).
public enum CellWidth {
    /// The cells one scalar takes on a terminal. Control characters are never shown raw
    /// (DisplayText escapes them first); here they count as one.
    @inline(__always)
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x300 { return 1 }
        if contains(zeroWidth, v) { return 0 }
        if contains(doubleWidth, v) { return 2 }
        return 1
    }

    /// The cells `s` takes on a terminal, as shown (after DisplayText.sanitize).
    public static func of(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Whether `v` lies in one of the flattened inclusive ranges (binary search).
    static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if v < ranges[2 * mid] { hi = mid } else if v > ranges[2 * mid + 1] { lo = mid + 1 } else { return true }
        }
        return false
    }
}

extension DisplayText {
    /// Appends the UTF-8 text `p` to `out` as a terminal may show it (DisplayText.sanitize's
    /// rules: C0, DEL, C1 and bidi controls become visible `\u{XX}` escapes; a malformed byte
    /// sequence shows as U+FFFD) and returns the cells it takes. Byte by byte, for tables of
    /// millions of rows.
    @discardableResult
    public static func appendCell(_ p: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Int {
        var cells = 0
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b >= 0x20 && b < 0x7F { out.append(b); cells += 1; i += 1; continue }
            var scalar: UInt32
            var len: Int
            if b < 0x80 { scalar = UInt32(b); len = 1 }
            else if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); len = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); len = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); len = 4 }
            else { scalar = 0xFFFD; len = 1 }
            if len > 1 {
                var ok = i + len <= n
                if ok {
                    for k in 1..<len {
                        let c = p[i + k]
                        if c & 0xC0 != 0x80 { ok = false; break }
                        scalar = scalar << 6 | UInt32(c & 0x3F)
                    }
                }
                // Overlong forms, surrogates and values past U+10FFFF are malformed too.
                let minimum: UInt32 = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000
                if !ok || scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
                    scalar = 0xFFFD; len = 1
                }
            }
            let u = Unicode.Scalar(scalar)!
            if isUnsafe(u) {
                let before = out.count
                out.append(contentsOf: "\\u{".utf8)
                out.append(contentsOf: String(scalar, radix: 16, uppercase: true).utf8)
                out.append(UInt8(ascii: "}"))
                cells += out.count - before
            } else if scalar == 0xFFFD && (len == 1) {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD]); cells += 1
            } else {
                for k in 0..<len { out.append(p[i + k]) }
                cells += CellWidth.of(u)
            }
            i += len
        }
        return cells
    }

    /// Appends `count` spaces.
    @inline(__always)
    static func pad(_ count: Int, _ out: inout [UInt8]) {
        if count > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }
}

extension CellWidth {
    /// The ellipsis that marks a cut value (U+2026: one cell).
    public static let ellipsis = "\u{2026}"

    /// `s` cut to at most `cells` terminal cells: when it is wider, as many whole characters as
    /// fit in `cells - 1` (a wide character is never split; combining marks stay with their
    /// base) followed by `…`. Narrower text is returned as it is.
    public static func cut(_ s: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(s) <= cells { return s }
        let room = cells - 1
        var used = 0
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let w = of(u)
            if used + w > room { break }
            used += w
            out.append(u)
        }
        return String(out) + ellipsis
    }
}

/// How a table fits a width limit (`TableLayout.fit`), shared by every table vaultcli prints.
public enum TableLayout {
    /// The gap between columns.
    public static let gap = 2
    /// No column is narrowed below this many cells (or its own natural width, if less).
    public static let minimumColumn = 6

    /// Column widths (in cells, all positive) that fit `limit` cells with `gap` between
    /// columns: the widest column loses a cell at a time until the row fits or every column
    /// is at its minimum (`floors`, else `minimumColumn`). Without a limit the widths are
    /// returned as they are.
    public static func fit(_ widths: [Int], floors: [Int]? = nil, limit: Int?) -> [Int] {
        guard let limit, !widths.isEmpty else { return widths }
        var w = widths
        let floor = widths.indices.map { i in Swift.min(widths[i], floors.flatMap { i < $0.count ? $0[i] : nil } ?? minimumColumn) }
        var total = w.reduce(0, +) + gap * (w.count - 1)
        while total > limit {
            var widest = -1
            for i in w.indices where w[i] > floor[i] && (widest < 0 || w[i] > w[widest]) { widest = i }
            if widest < 0 { break }
            w[widest] -= 1
            total -= 1
        }
        return w
    }
}
