import XCTest
@testable import Vault

/// Records that may hold secrets are read into locked memory (issue 11 point 8): the frame's
/// plaintext comes back as SecretBytes, never as an ordinary array, and decodes from there
/// exactly as the ordinary path would; a damaged secret part there is corruption too.
final class LockedRecordTests: VaultTestCase {
    func testAnAccountFrameOpensIntoLockedMemoryAndDecodesFromThere() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        let a = try v.addAccount(AccountFields(label: "wechat", username: "w1"), secret: pw("Wechat-Secret-1"), session: s)
        let subject = try XCTUnwrap([UInt8](hexString: a.id))
        let f = try XCTUnwrap(try v.file.readMeta(.record, subject: subject, keys: s.keys, locked: true))
        XCTAssertNil(f.body, "no ordinary copy of the plaintext")
        let locked = try XCTUnwrap(f.lockedBody)
        XCTAssertEqual(RecordCodec.type(of: locked), .account)
        let back = try RecordCodec.decode(.account, Account.self, locked: locked, path: path)
        XCTAssertTrue(back.secret.equals(utf8: "Wechat-Secret-1"))
        XCTAssertEqual(back.username, "w1")
        // Without the admin key there is nothing to open, locked or not.
        let cashierRing = KeyRing()
        XCTAssertNil(try v.file.readMeta(.record, subject: subject, keys: cashierRing, locked: true)?.lockedBody)
        // A public (signed) record is read as before: the policy has no secret.
        let policy = try XCTUnwrap(try v.file.readMeta(.record, subject: PolicySubjects.policy, keys: s.keys, locked: true))
        XCTAssertNil(policy.lockedBody)
        XCTAssertNotNil(policy.body)
    }

    func testADamagedSecretPartInLockedMemoryIsCorrupt() throws {
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        let acct = Account(id: "00112233445566778899aabbccddeeff", label: "unionpay", service: "UnionPay", username: "shop17",
                           phone: nil, email: nil, secret: pw("x-secret"), secretKind: .password, notes: "",
                           createdAt: t, createdBy: "admin", updatedAt: t, updatedBy: "admin", history: [])
        let body = try RecordCodec.encode(.account, acct)
        XCTAssertTrue(try RecordCodec.decode(.account, Account.self, locked: try SecretBytes(copying: body), path: "t").secret.equals(utf8: "x-secret"))
        for bad in [Array(body.dropLast()), body + [0], Array(body.prefix(3))] {
            XCTAssertThrowsError(try RecordCodec.decode(.account, Account.self, locked: try SecretBytes(copying: bad), path: "test")) {
                guard case .corrupt = $0 as? VaultError else { return XCTFail("\($0)") }
            }
        }
    }
}
