internal import CSodium
import FoundationEssentials
import Glibc

/// XChaCha20-Poly1305 (IETF), the vault's record cipher: 256-bit key, 192-bit random nonce,
/// 128-bit tag.
public enum XChaCha20Poly1305 {
    public static let keyBytes = 32
    public static let nonceBytes = 24
    public static let tagBytes = 16

    /// Encrypts `plaintext` with a fresh random nonce. Returns nonce || ciphertext || tag.
    public static func seal(_ plaintext: some ContiguousBytes, key: SecretBytes, ad: some ContiguousBytes) throws -> [UInt8] {
        try Sodium.ensure()
        guard key.count == keyBytes else { throw CryptoError.invalidLength(what: "XChaCha20-Poly1305 key", expected: keyBytes, got: key.count) }
        let ptLen = plaintext.withUnsafeBytes { $0.count }
        var out = [UInt8](repeating: 0, count: nonceBytes + ptLen + tagBytes)
        out.withUnsafeMutableBytes { o in
            let base = o.baseAddress!.assumingMemoryBound(to: UInt8.self)
            randombytes_buf(base, nonceBytes)
            sealInPlace(out: base + nonceBytes, nonce: base, plaintext: plaintext, key: key, ad: ad)
        }
        return out
    }

    /// Encrypts into `out` (ptLen + 16 bytes) with a given nonce.
    package static func sealInPlace(out: UnsafeMutablePointer<UInt8>, nonce: UnsafePointer<UInt8>, plaintext: some ContiguousBytes, key: SecretBytes, ad: some ContiguousBytes) {
        plaintext.withUnsafeBytes { p in
            withBase(p) { pp in
                ad.withUnsafeBytes { a in
                    withBase(a) { ap in
                        key.withUnsafeBytes { k in
                            _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                                out, nil, pp, UInt64(p.count), ap, UInt64(a.count), nil, nonce,
                                k.baseAddress!.assumingMemoryBound(to: UInt8.self))
                        }
                    }
                }
            }
        }
    }

    /// Decrypts nonce || ciphertext || tag. Throws `authenticationFailed` on any change.
    public static func open(_ sealed: some ContiguousBytes, key: SecretBytes, ad: some ContiguousBytes) throws -> [UInt8] {
        try Sodium.ensure()
        guard key.count == keyBytes else { throw CryptoError.invalidLength(what: "XChaCha20-Poly1305 key", expected: keyBytes, got: key.count) }
        return try sealed.withUnsafeBytes { (s) throws -> [UInt8] in
            guard s.count >= nonceBytes + tagBytes else { throw CryptoError.authenticationFailed }
            let base = s.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var out = [UInt8](repeating: 0, count: s.count - nonceBytes - tagBytes)
            let ok = out.withUnsafeMutableBytes { o in
                openRaw(out: o.baseAddress?.assumingMemoryBound(to: UInt8.self), nonce: base,
                        ciphertext: UnsafeRawBufferPointer(start: base + nonceBytes, count: s.count - nonceBytes),
                        key: key, ad: ad)
            }
            if !ok { throw CryptoError.authenticationFailed }
            return out
        }
    }

    /// Decrypts nonce || ciphertext || tag straight into locked memory (for plaintexts that hold
    /// keys or secrets): the plaintext never sits in an ordinary buffer. Throws
    /// `authenticationFailed` on any change.
    package static func openLocked(_ sealed: some ContiguousBytes, key: SecretBytes, ad: some ContiguousBytes) throws -> SecretBytes {
        try Sodium.ensure()
        guard key.count == keyBytes else { throw CryptoError.invalidLength(what: "XChaCha20-Poly1305 key", expected: keyBytes, got: key.count) }
        return try sealed.withUnsafeBytes { (s) throws -> SecretBytes in
            guard s.count >= nonceBytes + tagBytes else { throw CryptoError.authenticationFailed }
            let base = s.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var ok = false
            let out = try SecretBytes(count: s.count - nonceBytes - tagBytes) { o in
                ok = openRaw(out: o.baseAddress?.assumingMemoryBound(to: UInt8.self), nonce: base,
                             ciphertext: UnsafeRawBufferPointer(start: base + nonceBytes, count: s.count - nonceBytes),
                             key: key, ad: ad)
            }
            if !ok { throw CryptoError.authenticationFailed }
            return out
        }
    }

    /// Hot-path decryption into a caller-provided buffer of ciphertext.count - 16 bytes.
    package static func openRaw(out: UnsafeMutablePointer<UInt8>?, nonce: UnsafePointer<UInt8>, ciphertext: UnsafeRawBufferPointer, key: SecretBytes, ad: some ContiguousBytes) -> Bool {
        var scratch: UInt8 = 0
        return ad.withUnsafeBytes { a in
            withBase(a) { ap in
                key.withUnsafeBytes { k in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out ?? withUnsafeMutablePointer(to: &scratch) { $0 }, nil, nil,
                        ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
                        ap, UInt64(a.count), nonce,
                        k.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 0
                }
            }
        }
    }
}

/// ChaCha20-Poly1305 (IETF, RFC 8439), as the age format uses it: 96-bit nonce.
public enum ChaCha20Poly1305 {
    public static let keyBytes = 32
    public static let nonceBytes = 12
    public static let tagBytes = 16

    /// The age payload's hot path: seals `count` bytes at `src` into `dst` (count + 16 bytes)
    /// under a 32-byte `key` and 12-byte `nonce` the caller has checked. Returns the bytes written.
    package static func sealChunk(_ src: UnsafePointer<UInt8>, count: Int, nonce: UnsafePointer<UInt8>,
                                  key: UnsafePointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var clen: UInt64 = 0
        _ = crypto_aead_chacha20poly1305_ietf_encrypt(dst, &clen, src, UInt64(count), nil, 0, nil, nonce, key)
        return Int(clen)
    }

    /// The age payload's hot path: opens `count` bytes (with their tag) at `src` into `dst`
    /// (count - 16 bytes); false if the tag does not verify (nothing usable is in `dst` then).
    package static func openChunk(_ src: UnsafePointer<UInt8>, count: Int, nonce: UnsafePointer<UInt8>,
                                  key: UnsafePointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>) -> Bool {
        crypto_aead_chacha20poly1305_ietf_decrypt(dst, nil, nil, src, UInt64(count), nil, 0, nonce, key) == 0
    }

    /// Encrypts `plaintext` into `out` (plaintext.count + 16 bytes).
    public static func seal(_ plaintext: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, nonce: [UInt8], ad: [UInt8] = [], into out: UnsafeMutableRawBufferPointer) throws {
        try Sodium.ensure()
        guard key.count == keyBytes else { throw CryptoError.invalidLength(what: "ChaCha20-Poly1305 key", expected: keyBytes, got: key.count) }
        guard nonce.count == nonceBytes else { throw CryptoError.invalidLength(what: "ChaCha20-Poly1305 nonce", expected: nonceBytes, got: nonce.count) }
        guard out.count >= plaintext.count + tagBytes else { throw CryptoError.invalidLength(what: "output", expected: plaintext.count + tagBytes, got: out.count) }
        withBase(plaintext) { pp in
            ad.withUnsafeBytes { a in
                withBase(a) { ap in
                    _ = crypto_aead_chacha20poly1305_ietf_encrypt(
                        out.baseAddress!.assumingMemoryBound(to: UInt8.self), nil, pp, UInt64(plaintext.count),
                        ap, UInt64(a.count), nil, nonce, key.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
    }

    /// Decrypts `ciphertext` (with its tag) into `out` (ciphertext.count - 16 bytes).
    public static func open(_ ciphertext: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, nonce: [UInt8], ad: [UInt8] = [], into out: UnsafeMutableRawBufferPointer) throws {
        try Sodium.ensure()
        guard key.count == keyBytes else { throw CryptoError.invalidLength(what: "ChaCha20-Poly1305 key", expected: keyBytes, got: key.count) }
        guard nonce.count == nonceBytes, ciphertext.count >= tagBytes else { throw CryptoError.authenticationFailed }
        var scratch: UInt8 = 0
        let rc = ad.withUnsafeBytes { a in
            withBase(a) { ap in
                crypto_aead_chacha20poly1305_ietf_decrypt(
                    out.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? withUnsafeMutablePointer(to: &scratch) { $0 },
                    nil, nil, ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
                    ap, UInt64(a.count), nonce, key.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        if rc != 0 { throw CryptoError.authenticationFailed }
    }

    /// Convenience array forms.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8]) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: plaintext.count + tagBytes)
        try plaintext.withUnsafeBytes { (p) throws in
            try key.withUnsafeBytes { (k) throws in
                try out.withUnsafeMutableBytes { (o) throws in try seal(p, key: k, nonce: nonce, into: o) }
            }
        }
        return out
    }

    public static func open(_ ciphertext: [UInt8], key: [UInt8], nonce: [UInt8]) throws -> [UInt8] {
        guard ciphertext.count >= tagBytes else { throw CryptoError.authenticationFailed }
        var out = [UInt8](repeating: 0, count: ciphertext.count - tagBytes)
        try ciphertext.withUnsafeBytes { (c) throws in
            try key.withUnsafeBytes { (k) throws in
                try out.withUnsafeMutableBytes { (o) throws in try open(c, key: k, nonce: nonce, into: o) }
            }
        }
        return out
    }
}
