import XCTest
@testable import Vault
@testable import VaultCrypto

final class AccountTests: VaultTestCase {
    func testAccountsAreAdminOnlyByKeys() throws {
        let path = try makeVault()
        try addOperator(path, name: "alice", role: .cashier)
        try addOperator(path, name: "mia", role: .manager, password: "Manager-Pass-123!")
        let v = try Vault.open(path: path, access: .write)
        let admin = try v.unlock(user: "admin", password: pw(adminPassword))
        let a = try v.unlocked(by: admin).accounts.add(AccountFields(label: "unionpay", service: "UnionPay", username: "shop17", phone: "138 1234 5678",
                                                                     email: "Ops@Shop.Example.COM"), secret: pw("Portal-Secret-77"))
        XCTAssertEqual(a.phone, "13812345678")
        XCTAssertEqual(a.email, "Ops@shop.example.com")
        let alice = try session(v, "alice"), mia = try session(v, "mia", "Manager-Pass-123!")
        // The permission check says which permission is missing...
        XCTAssertEqual(expectVaultError { _ = try v.unlocked(by: alice).accounts.list() },
                       .permissionDenied(needed: Permission.readAccounts.rawValue, role: "cashier"))
        XCTAssertEqual(expectVaultError { _ = try v.unlocked(by: mia).accounts.list() },
                       .permissionDenied(needed: Permission.readAccounts.rawValue, role: "manager"))
        // ...and the keys enforce it whatever the code does: a cashier's keys do not open the record,
        XCTAssertTrue(try v.records(.account, Account.self, keys: alice.keys).isEmpty)
        XCTAssertTrue(try v.records(.account, Account.self, keys: mia.keys).isEmpty)
        let subject = [UInt8](hexString: a.id)!
        let frame = try XCTUnwrap(try v.file.readMeta(.record, subject: subject, keys: alice.keys))
        XCTAssertEqual(frame.header.keyClass, .admin)
        XCTAssertNil(frame.body)
        // and the sealed bytes do not decrypt with the shared (or manager) key.
        let raw = try v.file.file.read(count: frame.header.length, at: frame.offset)
        let sealed = Array(raw[FormatV1.frameHeaderLength..<(frame.header.length - FormatV1.trailerLength)])
        let ad = Array(raw[0..<FormatV1.frameHeaderLength])
        for k in [alice.keys.key(.shared)!, mia.keys.key(.manager)!] {
            XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: k, ad: ad))
        }
        XCTAssertNoThrow(try XChaCha20Poly1305.open(sealed, key: admin.keys.key(.admin)!, ad: ad))
        // Nothing readable on disk.
        XCTAssertFalse(fileContains(path, "Portal-Secret-77"))
        XCTAssertFalse(fileContains(path, "shop17"))
    }

    func testEditHistoryFindRemoveAndValidation() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        try v.unlocked(by: s).accounts.add(AccountFields(label: "wechat", username: "w1", phone: "+8613900001111"), secret: pw("123456"))
        try v.unlocked(by: s).accounts.add(AccountFields(label: "alipay", username: "a1", email: "a@b.cn", secretKind: .pin), secret: pw("4829"))
        XCTAssertThrowsError(try v.unlocked(by: s).accounts.add(AccountFields(label: "WeChat"), secret: pw("x")))  // duplicate label
        XCTAssertThrowsError(try v.unlocked(by: s).accounts.add(AccountFields(label: "p", secretKind: .pin), secret: pw("12ab")))
        for bad in ["12345", "+0123456789", "23812345678", "1381234567x"] {
            XCTAssertThrowsError(try v.unlocked(by: s).accounts.add(AccountFields(label: "p", phone: bad), secret: pw("x")), bad)
        }
        for bad in ["a", "a@b", "a@@b.cn", ".a@b.cn", "a@-b.cn", "a@b.c"] {
            XCTAssertThrowsError(try v.unlocked(by: s).accounts.add(AccountFields(label: "p", email: bad), secret: pw("x")), bad)
        }
        XCTAssertThrowsError(try v.unlocked(by: s).accounts.add(AccountFields(label: "p", notes: "card 4111 1111 1111 1111"), secret: pw("x"))) {
            XCTAssertEqual(($0 as? RecordError)?.exitCode, .policyRejected)
        }
        let t1 = Date(timeIntervalSince1970: 1_800_000_000)
        try v.unlocked(by: s).accounts.edit(label: "wechat", AccountFields(username: "w2"), secret: pw("654321"), now: t1)
        XCTAssertThrowsError(try v.unlocked(by: s).accounts.edit(label: "wechat", AccountFields(username: "w2"), secret: nil))  // no change
        let a = try v.unlocked(by: s).accounts.get(label: "WECHAT")
        XCTAssertTrue(a.secret.equals(utf8: "654321"))
        let late = a.history.filter { $0.time == t1 }
        XCTAssertEqual(late.map(\.field), ["username", "secret"])
        XCTAssertTrue(try XCTUnwrap(late[1].oldSecret).equals(utf8: "123456"))
        XCTAssertTrue(try XCTUnwrap(late[1].newSecret).equals(utf8: "654321"))
        XCTAssertNil(late[1].old, "a secret's values are never text")
        XCTAssertEqual(try v.unlocked(by: s).accounts.find(phone: "13900001111", email: nil, username: nil).map(\.label), ["wechat"])
        XCTAssertEqual(try v.unlocked(by: s).accounts.find(phone: nil, email: "A@B.CN", username: nil).map(\.label), ["alipay"])
        XCTAssertEqual(try v.unlocked(by: s).accounts.find(phone: nil, email: nil, username: "W2").map(\.label), ["wechat"])
        try v.unlocked(by: s).accounts.remove(label: "alipay")
        XCTAssertEqual(try v.unlocked(by: s).accounts.list().map(\.label), ["wechat"])
        let audit = try v.unlocked(by: s).auditEvents()
        XCTAssertEqual(audit.filter { $0.action.hasPrefix("account.") }.map(\.action), ["account.add", "account.add", "account.edit", "account.remove"])
        for e in audit { XCTAssertFalse("\(e)".contains("654321")); XCTAssertFalse("\(e)".contains("123456")) }
    }
}
