import XCTest
@testable import Vault

final class TOTPTests: XCTestCase {
    func testRFC6238SHA256Vectors() throws {
        let doc = try Fixtures.json("rfc6238/totp-sha256.json") as! [String: Any]
        let seed = Array((doc["seed_ascii"] as! String).utf8)
        let vectors = doc["vectors"] as! [[String: Any]]
        XCTAssertEqual(vectors.count, 6)
        for v in vectors {
            let t = (v["time"] as! NSNumber).int64Value
            XCTAssertEqual(TOTP.code(secret: seed, step: t / 30, digits: 8), v["totp"] as! String, "t=\(t)")
        }
    }

    func testVerifyWindowAndReplay() {
        let key = SecureRandom.bytes(20)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = Int64(now.timeIntervalSince1970) / 30
        XCTAssertEqual(TOTP.verify(code: TOTP.code(secret: key, step: step), secret: key, at: now, notAfter: nil), step)
        XCTAssertEqual(TOTP.verify(code: TOTP.code(secret: key, step: step - 1), secret: key, at: now, notAfter: nil), step - 1)
        XCTAssertNil(TOTP.verify(code: TOTP.code(secret: key, step: step - 2), secret: key, at: now, notAfter: nil))
        XCTAssertNil(TOTP.verify(code: TOTP.code(secret: key, step: step), secret: key, at: now, notAfter: step), "replay")
        XCTAssertNil(TOTP.verify(code: "12345", secret: key, at: now, notAfter: nil))
        XCTAssertNil(TOTP.verify(code: "abcdef", secret: key, at: now, notAfter: nil))
    }

    func testBase32RoundTripAndRFC4648() {
        XCTAssertEqual(Base32.encode(Array("foobar".utf8)), "MZXW6YTBOI")
        XCTAssertEqual(Base32.decode("MZXW6YTBOI"), Array("foobar".utf8))
        XCTAssertEqual(Base32.decode("mzxw6ytboi======"), Array("foobar".utf8))
        XCTAssertNil(Base32.decode("MZXW1"))
        for n in 0..<40 { let b = SecureRandom.bytes(n); XCTAssertEqual(Base32.decode(Base32.encode(b)), b) }
    }
}
