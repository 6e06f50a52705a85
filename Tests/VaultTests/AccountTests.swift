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
        let a = try v.addAccount(AccountFields(label: "unionpay", service: "UnionPay", username: "shop17", phone: "138 1234 5678",
                                               email: "Ops@Shop.Example.COM"), secret: pw("Portal-Secret-77"), session: admin)
        XCTAssertEqual(a.phone, "13812345678")
        XCTAssertEqual(a.email, "Ops@shop.example.com")
        let alice = try session(v, "alice"), mia = try session(v, "mia", "Manager-Pass-123!")
        // The permission check says which permission is missing...
        XCTAssertEqual(expectVaultError { _ = try v.accounts(session: alice) },
                       .permissionDenied(needed: Permission.readAccounts.rawValue, role: "cashier"))
        XCTAssertEqual(expectVaultError { _ = try v.accounts(session: mia) },
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
        try v.addAccount(AccountFields(label: "wechat", username: "w1", phone: "+8613900001111"), secret: pw("123456"), session: s)
        try v.addAccount(AccountFields(label: "alipay", username: "a1", email: "a@b.cn", secretKind: .pin), secret: pw("4829"), session: s)
        XCTAssertThrowsError(try v.addAccount(AccountFields(label: "WeChat"), secret: pw("x"), session: s))  // duplicate label
        XCTAssertThrowsError(try v.addAccount(AccountFields(label: "p", secretKind: .pin), secret: pw("12ab"), session: s))
        for bad in ["12345", "+0123456789", "23812345678", "1381234567x"] {
            XCTAssertThrowsError(try v.addAccount(AccountFields(label: "p", phone: bad), secret: pw("x"), session: s), bad)
        }
        for bad in ["a", "a@b", "a@@b.cn", ".a@b.cn", "a@-b.cn", "a@b.c"] {
            XCTAssertThrowsError(try v.addAccount(AccountFields(label: "p", email: bad), secret: pw("x"), session: s), bad)
        }
        XCTAssertThrowsError(try v.addAccount(AccountFields(label: "p", notes: "card 4111 1111 1111 1111"), secret: pw("x"), session: s)) {
            XCTAssertEqual(($0 as? RecordError)?.exitCode, .policyRejected)
        }
        let t1 = Date(timeIntervalSince1970: 1_800_000_000)
        try v.editAccount(label: "wechat", AccountFields(username: "w2"), secret: pw("654321"), session: s, now: t1)
        XCTAssertThrowsError(try v.editAccount(label: "wechat", AccountFields(username: "w2"), secret: nil, session: s))  // no change
        let a = try v.account(label: "WECHAT", session: s)
        XCTAssertTrue(a.secret.equals(utf8: "654321"))
        let late = a.history.filter { $0.time == t1 }
        XCTAssertEqual(late.map(\.field), ["username", "secret"])
        XCTAssertTrue(try XCTUnwrap(late[1].oldSecret).equals(utf8: "123456"))
        XCTAssertTrue(try XCTUnwrap(late[1].newSecret).equals(utf8: "654321"))
        XCTAssertNil(late[1].old, "a secret's values are never text")
        XCTAssertEqual(try v.findAccounts(phone: "13900001111", email: nil, username: nil, session: s).map(\.label), ["wechat"])
        XCTAssertEqual(try v.findAccounts(phone: nil, email: "A@B.CN", username: nil, session: s).map(\.label), ["alipay"])
        XCTAssertEqual(try v.findAccounts(phone: nil, email: nil, username: "W2", session: s).map(\.label), ["wechat"])
        try v.removeAccount(label: "alipay", session: s)
        XCTAssertEqual(try v.accounts(session: s).map(\.label), ["wechat"])
        let audit = try v.auditEvents(session: s)
        XCTAssertEqual(audit.filter { $0.action.hasPrefix("account.") }.map(\.action), ["account.add", "account.add", "account.edit", "account.remove"])
        for e in audit { XCTAssertFalse("\(e)".contains("654321")); XCTAssertFalse("\(e)".contains("123456")) }
    }
}
