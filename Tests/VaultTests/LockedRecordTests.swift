import XCTest
@testable import Vault
@testable import VaultCrypto

/// Records that may hold secrets are read into locked memory (issue 11 point 8): the frame's
/// plaintext comes back as SecretBytes, never as an ordinary array, and decodes from there
/// exactly as the ordinary path would; a damaged secret part there is corruption too.
final class LockedRecordTests: VaultTestCase {
    func testAnAccountFrameOpensIntoLockedMemoryAndDecodesFromThere() throws {
        let path = try makeVault()
        let v = try Vault.open(path: path, access: .write)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        let a = try v.unlocked(by: s).accounts.add(AccountFields(label: "wechat", username: "w1"), secret: pw("Wechat-Secret-1"))
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

    /// Sealing builds the same bytes in locked memory as the ordinary encoder would (the bytes
    /// on disk do not change): a record with a secret part, a keyslot payload and a grant.
    func testPlaintextsBuiltInLockedMemoryAreTheSameBytes() throws {
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        let acct = Account(id: "00112233445566778899aabbccddeeff", label: "unionpay", service: "UnionPay", username: "shop17",
                           phone: nil, email: nil, secret: pw("x-secret"), secretKind: .password, notes: "n",
                           createdAt: t, createdBy: "admin", updatedAt: t, updatedBy: "admin", history: [])
        let locked = try RecordCodec.encodeLocked(.account, acct)
        XCTAssertEqual(locked.unsafeCopyBytes(), try RecordCodec.encode(.account, acct))
        XCTAssertTrue(try RecordCodec.decode(.account, Account.self, locked: locked, path: "t").secret.equals(utf8: "x-secret"))
        // A record without secrets too.
        let e = AuditEvent(time: t, actor: "admin", action: "x")
        XCTAssertEqual(try RecordCodec.encodeLocked(.auditEvent, e).unsafeCopyBytes(), try RecordCodec.encode(.auditEvent, e))
        let ring = KeyRing()
        ring.keys[.shared] = try SecretBytes.random(count: 32)
        ring.keys[.admin] = try SecretBytes.random(count: 32)
        ring.auditSecretKey = try SecretBytes.random(count: 32)
        ring.extra[KeyId.auditSeed] = try SecretBytes.random(count: 32)
        for role in Role.allCases {
            XCTAssertEqual(try Keyslot.encodePayloadLocked(keys: ring, role: role).unsafeCopyBytes(), Keyslot.encodePayload(keys: ring, role: role))
        }
        // The session grant, decoded in place from locked memory, gives the same keys.
        let g = SessionGrant(vaultId: Array(repeating: 7, count: 16), operatorName: "小美", role: .manager, operatorId: Array(repeating: 9, count: 16),
                             idleSeconds: 300, lifetimeSeconds: 3600, keyPayload: Keyslot.encodePayload(keys: ring, role: .manager))
        // `unlock` builds it in locked memory: the same bytes.
        let sess = Session(operatorName: "小美", role: .manager, operatorId: g.operatorId, keys: ring)
        XCTAssertEqual(try sess.grant(vaultId: g.vaultId, idleSeconds: 300, lifetimeSeconds: 3600).unsafeCopyBytes(), g.encode())
        let raw = try SecretBytes(copying: g.encode())
        let (back, keys) = try raw.withUnsafeBytes { try SessionGrant.decodeLocked($0) }
        XCTAssertEqual(back.operatorName, "小美")
        XCTAssertEqual(back.role, .manager)
        XCTAssertEqual(back.idleSeconds, 300)
        XCTAssertEqual(back.lifetimeSeconds, 3600)
        XCTAssertEqual(back.vaultId, g.vaultId)
        XCTAssertEqual(back.operatorId, g.operatorId)
        XCTAssertEqual(back.keyPayload, [])
        XCTAssertEqual(Keyslot.encodePayload(keys: keys, role: .manager), g.keyPayload)
        // A cut grant is refused.
        let cut = try SecretBytes(copying: Array(g.encode().dropLast()))
        XCTAssertThrowsError(try cut.withUnsafeBytes { try SessionGrant.decodeLocked($0) })
    }
}
