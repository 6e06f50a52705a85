import XCTest
@testable import Vault
@testable import VaultCrypto

final class CryptoTests: XCTestCase {
    func testBLAKE2bStreamsMatchOneShot() throws {
        let data = SecureRandom.bytes(9 << 20 + 12345)
        // RFC 7693 Appendix A: BLAKE2b-512("abc").
        XCTAssertEqual(Hash.blake2b(Array("abc".utf8), length: 64).hex,
                       "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
        var s = Hash.BLAKE2bStream()
        var off = 0
        for step in [1, 63, 64, 65, 1 << 20, 3 << 20, data.count] {
            let n = min(step, data.count - off)
            s.update(data[off..<(off + n)])
            off += n
        }
        XCTAssertEqual(off, data.count)
        let streamed = s.finalize()
        XCTAssertEqual(streamed, Hash.blake2b(data, length: 32))
        // The background hasher: pieces that straddle its 4 MiB buffers.
        let bg = BackgroundBLAKE2b()
        data.withUnsafeBytes { all in
            var off = 0
            while off < all.count {
                let n = min(700_001, all.count - off)
                bg.update(UnsafeRawBufferPointer(rebasing: all[off..<(off + n)]))
                off += n
            }
        }
        XCTAssertEqual(bg.finalize(), Hash.blake2b(data, length: 32))
        XCTAssertEqual(BackgroundBLAKE2b().finalize(), Hash.blake2b([UInt8](), length: 32))
    }

    func testHKDFRFC5869Vectors() throws {
        let doc = try Fixtures.json("rfc5869/hkdf-sha256.json") as! [String: Any]
        let vectors = doc["vectors"] as! [[String: Any]]
        XCTAssertEqual(vectors.count, 3)
        for v in vectors {
            let ikm = [UInt8](hex: v["ikm"] as! String)
            let salt = [UInt8](hex: v["salt"] as! String)
            let info = [UInt8](hex: v["info"] as! String)
            let len = v["length"] as! Int
            XCTAssertEqual(HKDF.extract(salt: salt, ikm: ikm).hex, v["prk"] as! String)
            XCTAssertEqual(try HKDF.deriveKey(ikm: ikm, salt: salt, info: info, length: len).hex, v["okm"] as! String)
        }
        XCTAssertThrowsError(try HKDF.expand(prk: [UInt8](repeating: 1, count: 32), info: [UInt8](), length: 255 * 32 + 1))
    }

    func testArgon2idKnownAnswerThroughVaultPath() throws {
        let v = try Fixtures.json("argon2id/kat.json") as! [String: Any]
        let pw = try SecretBytes(copying: [UInt8](hex: v["password_hex"] as! String))
        let out = try Argon2id.deriveKey(password: pw, salt: [UInt8](hex: v["salt_hex"] as! String),
                                         parameters: KDFParameters(memoryKiB: UInt32(v["m_kib"] as! Int), iterations: UInt32(v["t"] as! Int)),
                                         length: v["length"] as! Int)
        XCTAssertEqual(out.unsafeCopyBytes().hex, v["output_hex"] as! String)
        // The same path the vault's keyslots use goes through KeyslotKDF.
        let viaSlot = try KeyslotKDF.derive(password: pw, salt: [UInt8](hex: v["salt_hex"] as! String),
                                            parameters: KDFParameters(memoryKiB: 32, iterations: 3), floor: KDFParameters.insecureTest)
        XCTAssertEqual(viaSlot.hash.unsafeCopyBytes().hex, v["output_hex"] as! String)
    }

    func testPHCRoundTripAndBuiltString() throws {
        let pw = try SecretBytes(utf8: "correct horse battery staple")
        let params = KDFParameters(memoryKiB: 64, iterations: 2)
        let phc = try Argon2id.hashPassword(pw, parameters: params)
        XCTAssertTrue(phc.hasPrefix("$argon2id$v=19$m=64,t=2,p=1$"))
        XCTAssertTrue(try Argon2id.verify(pw, phc: phc))
        XCTAssertFalse(try Argon2id.verify(try SecretBytes(utf8: "wrong"), phc: phc))
        XCTAssertEqual(try Argon2id.parameters(ofPHC: phc), params)
        // A PHC string built from deriveKey verifies with crypto_pwhash_str_verify.
        let salt = SecureRandom.bytes(16)
        let h = try Argon2id.deriveKey(password: pw, salt: salt, parameters: params)
        XCTAssertTrue(try Argon2id.verify(pw, phc: Argon2id.phcString(salt: salt, parameters: params, hash: h)))
        XCTAssertThrowsError(try Argon2id.verify(pw, phc: "$argon2i$v=19$m=64,t=2,p=1$AAAA$BBBB"))
    }

    func testXChaChaDetectsEveryChange() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try XChaCha20Poly1305.seal(Array("hello".utf8), key: key, ad: [1, 2, 3])
        XCTAssertEqual(try XChaCha20Poly1305.open(sealed, key: key, ad: [1, 2, 3]), Array("hello".utf8))
        for i in 0..<sealed.count {
            var t = sealed; t[i] ^= 0x01
            XCTAssertThrowsError(try XChaCha20Poly1305.open(t, key: key, ad: [1, 2, 3])) { XCTAssertEqual($0 as? CryptoError, .authenticationFailed) }
        }
        XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: key, ad: [1, 2, 4]))
        XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: try SecretBytes.random(count: 32), ad: [1, 2, 3]))
        // Empty plaintext and AD work (nil base addresses).
        let e = try XChaCha20Poly1305.seal([UInt8](), key: key, ad: [UInt8]())
        XCTAssertEqual(try XChaCha20Poly1305.open(e, key: key, ad: [UInt8]()), [])
    }

    func testX25519AndSealedBox() throws {
        let a = try X25519.generateKeyPair(), b = try X25519.generateKeyPair()
        XCTAssertEqual(try X25519.sharedSecret(secretKey: a.secretKey, publicKey: b.publicKey),
                       try X25519.sharedSecret(secretKey: b.secretKey, publicKey: a.publicKey))
        XCTAssertThrowsError(try X25519.sharedSecret(secretKey: a.secretKey, publicKey: [UInt8](repeating: 0, count: 32))) {
            XCTAssertEqual($0 as? CryptoError, .weakPublicKey)
        }
        let boxed = try SealedBox.seal(Array("event".utf8), to: a.publicKey)
        XCTAssertEqual(try SealedBox.open(boxed, publicKey: a.publicKey, secretKey: a.secretKey), Array("event".utf8))
        XCTAssertThrowsError(try SealedBox.open(boxed, publicKey: b.publicKey, secretKey: b.secretKey))
    }

    func testUniformAndSecretBytes() throws {
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<3000 { counts[Int(SecureRandom.uniform(3))] += 1 }
        XCTAssertTrue(counts.allSatisfy { $0 > 800 })
        let s = try SecretBytes(utf8: "pw")
        XCTAssertEqual(s.description, "SecretBytes(2 bytes)")
        XCTAssertEqual(s, try SecretBytes(utf8: "pw"))
        XCTAssertNotEqual(s, try SecretBytes(utf8: "pX"))
    }

    func testScryptRFC7914Vector() throws {
        // RFC 7914 section 12: scrypt("password", "NaCl", N=1024, r=8, p=16, 64) — libsodium's
        // _ll takes p, so test the p=1 form via age's use below and the RFC vector here.
        let out = try Scrypt.derive(password: try SecretBytes(utf8: "password"), salt: Array("NaCl".utf8), logN: 10, r: 8, p: 16, length: 64)
        XCTAssertEqual(out.unsafeCopyBytes().hex, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }
}

final class HardeningTests: XCTestCase {
    func testCoreDumpsCanBeDisabled() {
        XCTAssertTrue(ProcessHardening.disableCoreDumps())
        XCTAssertTrue(ProcessHardening.coreDumpsDisabled)
    }
}
