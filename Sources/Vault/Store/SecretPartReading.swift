import FoundationEssentials
import VaultCrypto

// The reading half of VaultCrypto's SecretPart: it reads the record layout (RawReader) that the
// store owns, so it lives on the store's side of the line.
extension SecretPart {
    /// Reads the items from `r` (a view of the record's plaintext, itself in locked memory),
    /// each copied from there straight into locked memory of its own.
    static func read(_ r: inout RawReader) throws -> SecretPart {
        let k = Int(try r.u16())
        var out: [SecretBytes] = []
        for _ in 0..<k {
            let n = Int(try r.u32())
            let src = try r.take(n)
            out.append(try SecretBytes(count: n) { dst in
                if n > 0 { dst.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: n) }
            })
        }
        return SecretPart(out)
    }
}
