internal import CSodium
import FoundationEssentials
import Glibc

/// scrypt (crypto_pwhash_scryptsalsa208sha256_ll), as the age format's passphrase stanza uses
/// it: N = 2^logN, r = 8, p = 1.
public enum Scrypt {
    public static func derive(password: SecretBytes, salt: [UInt8], logN: Int, r: UInt32 = 8, p: UInt32 = 1, length: Int = 32) throws -> SecretBytes {
        try Sodium.ensure()
        guard logN >= 1, logN <= 30 else { throw CryptoError.invalidParameters("scrypt work factor 2^\(logN)") }
        let out = try SecretBytes(count: length)
        let rc: Int32 = out.withUnsafeMutableBytes { o in
            password.withUnsafeBytes { pw in
                withBase(pw) { pwp in
                    salt.withUnsafeBytes { s in
                        withBase(s) { sp in
                            crypto_pwhash_scryptsalsa208sha256_ll(pwp, pw.count, sp, s.count, UInt64(1) << UInt64(logN), r, p,
                                                                  o.baseAddress!.assumingMemoryBound(to: UInt8.self), length)
                        }
                    }
                }
            }
        }
        if rc != 0 { throw CryptoError.kdfFailed }
        return out
    }
}
