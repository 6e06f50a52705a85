import Foundation

// The compression of embedded resources (issue 12: the binary's size); EmbeddedResources.unpack
// in the Vault target reads it back.

/// Files at least this large that no packed word table holds are stored compressed
/// when that saves a quarter of their size or more (issue 12: the binary's size), and unpacked
/// by EmbeddedResources when read.
let compressFrom = 12 * 1024

/// `bytes` compressed (EmbeddedResources.unpack reads it back) as 7-bit units, so that they fit
/// in a Swift string literal as they are. Canonical Huffman codes (issue 12: the binary's size)
/// over one of two alphabets, whichever takes fewer units:
///   - mode 0, the bytes of an LZ77 stream of `bytes`: a run of steps: a varint count of literal
///     bytes and the bytes; then, unless the output is complete, a varint match length (>= 4)
///     and a varint distance back into the output (the match may overlap what it writes).
///     Varints are little-endian groups of 7 bits, high bit = more. (The stream may also be one
///     step of literals only, when the codes do better without matches.)
///   - mode 1, words: symbols 0...255 are the file's bytes as they are, and symbol 256 + k is
///     word k of a list (a word: a run of the letters a to z, as the readings of
///     hanzi-pinyin.txt are), each run of letters in the file taken as one symbol.
/// Units: the mode; for mode 1, the number of words in 2 units, then each word (its length in
/// a unit, then its letters); the number of symbols coded in 3 units; the code length of each
/// symbol of the alphabet (256 byte values, then the words) in a unit each (0 = absent, at most
/// `maxCodeLength`); then each symbol's code, most significant bit first. Counts are
/// little-endian groups of 7 bits. Codes are canonical (DEFLATE's rule: shorter codes first,
/// then by symbol), so the lengths alone give them. The codes' bits are cut into 7-bit units,
/// least significant bits first, the last one padded with zeros.
func compressed(_ bytes: [UInt8]) -> [UInt8] {
    var count = bytes.count, literals: [UInt8] = []
    while count >= 0x80 { literals.append(UInt8(count & 0x7F) | 0x80); count >>= 7 }
    literals.append(UInt8(count))
    let candidates = [
        [0] + huffman(lz77(bytes).map(Int.init), alphabet: 256),
        [0] + huffman((literals + bytes).map(Int.init), alphabet: 256),
        wordCoded(bytes),
    ].compactMap { $0 }
    return candidates.min { $0.count < $1.count }!
}

/// Mode 1 of `compressed`: the runs of letters as words (nil when there are too many words).
func wordCoded(_ bytes: [UInt8]) -> [UInt8]? {
    func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    var runs: [ArraySlice<UInt8>] = []
    var i = 0
    while i < bytes.count {
        if isLetter(bytes[i]) {
            var j = i
            while j < bytes.count, isLetter(bytes[j]), j - i < 127 { j += 1 }
            runs.append(bytes[i..<j])
            i = j
        } else {
            i += 1
        }
    }
    let words = Set(runs).sorted { $0.lexicographicallyPrecedes($1) }
    guard words.count < 1 << 14 else { return nil }
    let index = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
    var symbols: [Int] = []
    i = 0
    while i < bytes.count {
        if isLetter(bytes[i]) {
            var j = i
            while j < bytes.count, isLetter(bytes[j]), j - i < 127 { j += 1 }
            symbols.append(256 + index[bytes[i..<j]]!)
            i = j
        } else {
            symbols.append(Int(bytes[i]))
            i += 1
        }
    }
    var units: [UInt8] = [1, UInt8(words.count & 0x7F), UInt8(words.count >> 7)]
    for w in words { units.append(UInt8(w.count)); units += w }
    return units + huffman(symbols, alphabet: 256 + words.count)
}

/// The Huffman stage of `compressed`: `symbols` (each below `alphabet`) coded, with their count
/// and the code lengths before the codes.
func huffman(_ symbols: [Int], alphabet: Int) -> [UInt8] {
    guard symbols.count < 1 << 21 else { fail("a resource of \(symbols.count) symbols is too large to compress") }
    let lengths = huffmanLengths(symbols, alphabet: alphabet)
    var units: [UInt8] = [UInt8(symbols.count & 0x7F), UInt8((symbols.count >> 7) & 0x7F), UInt8(symbols.count >> 14)]
    units += lengths.map(UInt8.init)
    // Canonical codes from the lengths.
    var countOf = [Int](repeating: 0, count: maxCodeLength + 1)
    for l in lengths where l > 0 { countOf[l] += 1 }
    var next = [Int](repeating: 0, count: maxCodeLength + 1)
    var code = 0
    for l in 1...maxCodeLength { next[l] = code; code = (code + countOf[l]) << 1 }
    var codes = [Int](repeating: 0, count: alphabet)
    for v in 0..<alphabet where lengths[v] > 0 { codes[v] = next[lengths[v]]; next[lengths[v]] += 1 }
    var acc: UInt64 = 0, bits = 0
    for symbol in symbols {
        let l = lengths[symbol], c = codes[symbol]
        for k in stride(from: l - 1, through: 0, by: -1) {
            acc |= UInt64((c >> k) & 1) << UInt64(bits)
            bits += 1
            if bits == 7 { units.append(UInt8(acc)); acc = 0; bits = 0 }
        }
    }
    if bits > 0 { units.append(UInt8(acc)) }
    return units
}

/// The longest Huffman code (EmbeddedResources.unpack reads no longer one).
let maxCodeLength = 15

/// The Huffman code length of each symbol below `alphabet` (0 for those absent from
/// `symbols`), none longer than `maxCodeLength`: counts are halved (never to 0) until the
/// longest code fits.
func huffmanLengths(_ symbols: [Int], alphabet: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: alphabet)
    for s in symbols { counts[s] += 1 }
    while true {
        let present = (0..<alphabet).filter { counts[$0] > 0 }
        var lengths = [Int](repeating: 0, count: alphabet)
        if present.count == 1 { lengths[present[0]] = 1; return lengths }
        if present.isEmpty { return lengths }
        // Nodes: leaves are the symbols present, inner nodes follow; merge the two lightest
        // (ties by node number, so that the build is reproducible).
        var weight = present.map { counts[$0] }, parent = [Int](repeating: -1, count: present.count)
        var live = Array(0..<present.count)
        while live.count > 1 {
            live.sort { weight[$0] != weight[$1] ? weight[$0] < weight[$1] : $0 < $1 }
            let a = live.removeFirst(), b = live.removeFirst()
            weight.append(weight[a] + weight[b])
            parent.append(-1)
            parent[a] = weight.count - 1
            parent[b] = weight.count - 1
            live.append(weight.count - 1)
        }
        var longest = 0
        for (k, v) in present.enumerated() {
            var depth = 0, node = k
            while parent[node] >= 0 { node = parent[node]; depth += 1 }
            lengths[v] = depth
            longest = max(longest, depth)
        }
        if longest <= maxCodeLength { return lengths }
        for v in present { counts[v] = max(1, counts[v] / 2) }
    }
}

func lz77(_ bytes: [UInt8]) -> [UInt8] {
    let n = bytes.count
    var out: [UInt8] = []
    out.reserveCapacity(n / 3)
    func varint(_ v: Int) {
        var v = v
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }
    let minMatch = 4, maxChain = 256, window = 1 << 20
    let hashBits = 16
    var head = [Int](repeating: -1, count: 1 << hashBits)
    var prev = [Int](repeating: -1, count: max(n, 1))
    bytes.withUnsafeBufferPointer { b in
        func hash(_ i: Int) -> Int {
            let v = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
            return Int((v &* 2654435761) >> UInt32(32 - hashBits))
        }
        func insert(_ i: Int) {
            guard i + minMatch <= n else { return }
            let h = hash(i)
            prev[i] = head[h]
            head[h] = i
        }
        var i = 0, literalStart = 0
        while i < n {
            var bestLength = 0, bestDistance = 0
            if i + minMatch <= n {
                var candidate = head[hash(i)], chain = 0
                while candidate >= 0, i - candidate <= window, chain < maxChain {
                    var l = 0
                    while i + l < n, b[candidate + l] == b[i + l] { l += 1 }
                    if l > bestLength { bestLength = l; bestDistance = i - candidate }
                    candidate = prev[candidate]
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                varint(i - literalStart)
                out.append(contentsOf: b[literalStart..<i])
                varint(bestLength)
                varint(bestDistance)
                for k in i..<(i + bestLength) { insert(k) }
                i += bestLength
                literalStart = i
            } else {
                insert(i)
                i += 1
            }
        }
        varint(n - literalStart)
        out.append(contentsOf: b[literalStart..<n])
    }
    return out
}
