import Foundation

/// A small zlib (RFC 1950) / DEFLATE (RFC 1951) decoder for the compressed testkit vectors.
/// Test-only: Foundation on Linux has no public zlib API, and the package's layout is fixed.
enum Inflate {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private struct BitReader {
        let data: [UInt8]
        var pos = 0
        var bitBuf: UInt32 = 0
        var bitCount = 0

        init(_ d: [UInt8], offset: Int) { data = d; pos = offset }

        mutating func bits(_ n: Int) throws -> Int {
            while bitCount < n {
                guard pos < data.count else { throw Failure(description: "unexpected end of deflate data") }
                bitBuf |= UInt32(data[pos]) << UInt32(bitCount)
                pos += 1
                bitCount += 8
            }
            let v = Int(bitBuf & ((1 << UInt32(n)) - 1))
            bitBuf >>= UInt32(n)
            bitCount -= n
            return v
        }

        mutating func alignToByte() { bitBuf = 0; bitCount = 0 }
    }

    /// A canonical Huffman code (counts per length and symbols sorted by code).
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) throws {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offs = [Int](repeating: 0, count: 16)
            for i in 1..<16 { offs[i] = offs[i - 1] + counts[i - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (s, l) in lengths.enumerated() where l != 0 {
                symbols[offs[l]] = s
                offs[l] += 1
            }
        }

        func decode(_ r: inout BitReader) throws -> Int {
            var code = 0, first = 0, index = 0
            for len in 1..<16 {
                code |= try r.bits(1)
                let count = counts[len]
                if code - count < first { return symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Failure(description: "invalid Huffman code")
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Decompresses a zlib stream and checks its Adler-32.
    static func zlib(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count >= 6, data[0] & 0x0F == 8, (Int(data[0]) << 8 | Int(data[1])) % 31 == 0, data[1] & 0x20 == 0 else {
            throw Failure(description: "not a zlib stream")
        }
        var r = BitReader(data, offset: 2)
        let out = try inflate(&r)
        r.alignToByte()
        guard r.pos + 4 <= data.count else { throw Failure(description: "missing Adler-32") }
        let expected = data[r.pos..<(r.pos + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in out { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        guard (b << 16 | a) == expected else { throw Failure(description: "Adler-32 mismatch") }
        return out
    }

    private static func inflate(_ r: inout BitReader) throws -> [UInt8] {
        var out: [UInt8] = []
        var final = false
        while !final {
            final = try r.bits(1) == 1
            switch try r.bits(2) {
            case 0:
                r.alignToByte()
                guard r.pos + 4 <= r.data.count else { throw Failure(description: "truncated stored block") }
                let len = Int(r.data[r.pos]) | Int(r.data[r.pos + 1]) << 8
                let nlen = Int(r.data[r.pos + 2]) | Int(r.data[r.pos + 3]) << 8
                guard len == (~nlen & 0xFFFF) else { throw Failure(description: "stored block length mismatch") }
                r.pos += 4
                guard r.pos + len <= r.data.count else { throw Failure(description: "truncated stored block") }
                out += r.data[r.pos..<(r.pos + len)]
                r.pos += len
            case 1:
                var lengths = [Int](repeating: 8, count: 288)
                for i in 144..<256 { lengths[i] = 9 }
                for i in 256..<280 { lengths[i] = 7 }
                try block(&r, &out, lit: Huffman(lengths: lengths), dist: Huffman(lengths: [Int](repeating: 5, count: 30)))
            case 2:
                let hlit = try r.bits(5) + 257, hdist = try r.bits(5) + 1, hclen = try r.bits(4) + 4
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var cl = [Int](repeating: 0, count: 19)
                for i in 0..<hclen { cl[order[i]] = try r.bits(3) }
                let clh = try Huffman(lengths: cl)
                var lengths: [Int] = []
                while lengths.count < hlit + hdist {
                    let sym = try clh.decode(&r)
                    switch sym {
                    case 0..<16: lengths.append(sym)
                    case 16:
                        guard let prev = lengths.last else { throw Failure(description: "repeat with no previous length") }
                        lengths += [Int](repeating: prev, count: 3 + (try r.bits(2)))
                    case 17: lengths += [Int](repeating: 0, count: 3 + (try r.bits(3)))
                    default: lengths += [Int](repeating: 0, count: 11 + (try r.bits(7)))
                    }
                }
                guard lengths.count == hlit + hdist else { throw Failure(description: "too many code lengths") }
                try block(&r, &out, lit: Huffman(lengths: Array(lengths[0..<hlit])), dist: Huffman(lengths: Array(lengths[hlit...])))
            default:
                throw Failure(description: "invalid block type")
            }
        }
        return out
    }

    private static func block(_ r: inout BitReader, _ out: inout [UInt8], lit: Huffman, dist: Huffman) throws {
        while true {
            let sym = try lit.decode(&r)
            if sym < 256 { out.append(UInt8(sym)); continue }
            if sym == 256 { return }
            let li = sym - 257
            guard li < 29 else { throw Failure(description: "invalid length symbol") }
            let len = lengthBase[li] + (try r.bits(lengthExtra[li]))
            let di = try dist.decode(&r)
            guard di < 30 else { throw Failure(description: "invalid distance symbol") }
            let d = distBase[di] + (try r.bits(distExtra[di]))
            guard d <= out.count else { throw Failure(description: "distance too far back") }
            let start = out.count - d
            for i in 0..<len { out.append(out[start + i]) }
        }
    }
}
