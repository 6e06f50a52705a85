internal import CSodium
import FoundationEssentials
import Glibc

/// Random numbers from libsodium's CSPRNG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        _ = try? Sodium.ensure()
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 { out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) } }
        return out
    }

    /// A uniformly distributed integer in `0 ..< upperBound` (randombytes_uniform: no modulo bias).
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        precondition(upperBound > 0, "upper bound must be positive")
        _ = try? Sodium.ensure()
        return randombytes_uniform(upperBound)
    }

    /// A uniformly random element of a non-empty collection.
    public static func element<C: RandomAccessCollection>(of c: C) -> C.Element where C.Index == Int {
        precondition(!c.isEmpty)
        return c[c.startIndex + Int(uniform(UInt32(c.count)))]
    }

    /// An unbiased Fisher-Yates shuffle.
    public static func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(uniform(UInt32(i + 1)))
            a.swapAt(i, j)
        }
    }
}
