import XCTest
@testable import Vault
@testable import VaultCrypto

final class TOTPTests: XCTestCase {
    func testRFC6238VectorsForEveryAlgorithm() throws {
        for (file, algorithm) in [("totp-sha1", TOTPAlgorithm.sha1), ("totp-sha256", .sha256), ("totp-sha512", .sha512)] {
            let doc = try Fixtures.json("rfc6238/\(file).json") as! [String: Any]
            let seed = Array((doc["seed_ascii"] as! String).utf8)
            let vectors = doc["vectors"] as! [[String: Any]]
            XCTAssertEqual(vectors.count, 6)
            for v in vectors {
                let t = (v["time"] as! NSNumber).int64Value
                XCTAssertEqual(TOTP.code(secret: seed, step: t / 30, digits: 8, algorithm: algorithm), v["totp"] as! String, "\(file) t=\(t)")
                XCTAssertEqual(String(t / 30, radix: 16, uppercase: true).leftPadded(16), v["step_hex"] as! String)
            }
        }
    }

    func testStoredFormNamesTheAlgorithmAndBareSecretsAreSHA256() {
        XCTAssertEqual(TOTPAlgorithm.sha1.stored("ABC"), "SHA1:ABC")
        XCTAssertTrue(TOTPAlgorithm.split("SHA1:ABC") == (.sha1, "ABC"))
        XCTAssertTrue(TOTPAlgorithm.split("SHA512:ABC") == (.sha512, "ABC"))
        // Enrolments from before algorithms were named used HMAC-SHA-256.
        XCTAssertTrue(TOTPAlgorithm.split("JBSWY3DPEHPK3PXP") == (.sha256, "JBSWY3DPEHPK3PXP"))
    }

    func testCheckSaysWhatIsWrongWithACode() {
        let key = SecureRandom.bytes(20)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = Int64(now.timeIntervalSince1970) / 30
        func code(_ s: Int64) -> String { TOTP.code(secret: key, step: s) }
        XCTAssertEqual(TOTP.check(code: code(step), secret: key, at: now, notAfter: nil), .ok(step: step))
        XCTAssertEqual(TOTP.check(code: code(step + 1), secret: key, at: now, notAfter: nil), .ok(step: step + 1))
        XCTAssertEqual(TOTP.check(code: code(step), secret: key, at: now, notAfter: step), .alreadyUsed)
        XCTAssertEqual(TOTP.check(code: code(step - 1), secret: key, at: now, notAfter: step), .alreadyUsed)
        XCTAssertEqual(TOTP.check(code: code(step - 4), secret: key, at: now, notAfter: nil), .clockSkew(seconds: -120))
        XCTAssertEqual(TOTP.check(code: code(step + 10), secret: key, at: now, notAfter: nil), .clockSkew(seconds: 300))
        XCTAssertEqual(TOTP.check(code: "12 34", secret: key, at: now, notAfter: nil), .malformed)
        XCTAssertEqual(TOTP.check(code: "１２３４５６", secret: key, at: now, notAfter: nil), .malformed)
        // A code of another algorithm's HMAC does not pass for this one.
        XCTAssertNotEqual(TOTP.check(code: TOTP.code(secret: key, step: step, algorithm: .sha256), secret: key, at: now, notAfter: nil), .ok(step: step))
        // Far away (beyond the skew window) is just wrong. The code of step+100 could collide
        // with a nearer step's by chance (1 in 10^6 per step), so look for one that does not.
        let far = (100..<200).map { code(step + Int64($0)) }.first { c in
            !(step - 20...step + 20).contains { code($0) == c }
        }!
        XCTAssertEqual(TOTP.check(code: far, secret: key, at: now, notAfter: nil), .wrong)
    }

    func testVerifyWindowAndReplay() {
        let key = SecureRandom.bytes(20)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = Int64(now.timeIntervalSince1970) / 30
        XCTAssertEqual(TOTP.verify(code: TOTP.code(secret: key, step: step), secret: key, at: now, notAfter: nil), step)
        XCTAssertEqual(TOTP.verify(code: TOTP.code(secret: key, step: step - 1), secret: key, at: now, notAfter: nil), step - 1)
        XCTAssertNil(TOTP.verify(code: TOTP.code(secret: key, step: step - 2), secret: key, at: now, notAfter: nil))
        XCTAssertEqual(TOTP.verify(code: TOTP.code(secret: key, step: step, algorithm: .sha512), secret: key, at: now, notAfter: nil, algorithm: .sha512), step)
        XCTAssertNil(TOTP.verify(code: TOTP.code(secret: key, step: step), secret: key, at: now, notAfter: step), "replay")
        XCTAssertNil(TOTP.verify(code: "12345", secret: key, at: now, notAfter: nil))
        XCTAssertNil(TOTP.verify(code: "abcdef", secret: key, at: now, notAfter: nil))
    }

    /// Found by fuzzing (fixtures/fuzz/crashes/otpauth): letters outside ASCII went into the
    /// URI raw. A URI is ASCII; names in Chinese go in as percent-encoded UTF-8.
    func testURIPercentEncodesNamesOutsideASCII() {
        let uri = TOTP.uri(secret: "JBSWY3DPEHPK3PXP", account: "林 Ц", issuer: "小店17")
        XCTAssertEqual(uri, "otpauth://totp/%E5%B0%8F%E5%BA%9717:%E6%9E%97%20%D0%A6?secret=JBSWY3DPEHPK3PXP&issuer=%E5%B0%8F%E5%BA%9717&algorithm=SHA1&digits=6&period=30")
        XCTAssertTrue(uri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
    }

    func testBase32RoundTripAndRFC4648() {
        XCTAssertEqual(Base32.encode(Array("foobar".utf8)), "MZXW6YTBOI")
        XCTAssertEqual(Base32.decode("MZXW6YTBOI"), Array("foobar".utf8))
        XCTAssertEqual(Base32.decode("mzxw6ytboi======"), Array("foobar".utf8))
        XCTAssertNil(Base32.decode("MZXW1"))
        for n in 0..<40 { let b = SecureRandom.bytes(n); XCTAssertEqual(Base32.decode(Base32.encode(b)), b) }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
