import XCTest
@testable import Vault
@testable import VaultCrypto

/// Secrets in records (issue 11, point 8): SecretBytes fields travel in the record's binary
/// secret part, never in its JSON text (docs/FORMAT.md, "Secrets in records").
final class SecretPartTests: VaultTestCase {
    private func account(secret: String, history: [Account.Change] = []) throws -> Account {
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        return Account(id: "00112233445566778899aabbccddeeff", label: "unionpay", service: "UnionPay", username: "shop17",
                       phone: "13812345678", email: nil, secret: pw(secret), secretKind: .password, notes: "",
                       createdAt: t, createdBy: "admin", updatedAt: t, updatedBy: "admin", history: history)
    }

    /// The bytes of a record with secrets, field by field, and back.
    func testAccountRecordRoundTripKeepsTheSecretOutOfTheJSON() throws {
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        let a = try account(secret: "Portal-\"Secret\"-77 王", history: [
            Account.Change(time: t, actor: "admin", field: "username", new: "shop17"),
            Account.Change(time: t, actor: "admin", field: "secret", oldSecret: pw("old-one"), newSecret: pw("Portal-\"Secret\"-77 王")),
        ])
        let body = try RecordCodec.encode(.account, a)
        // u16 type, the 0x00 marker, u32 JSON length.
        XCTAssertEqual(Array(body[0..<3]), [4, 0, 0])
        var r = ByteReader(body, offset: 3)
        let n = Int(try r.u32())
        let json = String(decoding: try r.take(n), as: UTF8.self)
        XCTAssertFalse(json.contains("Portal"), json)
        XCTAssertFalse(json.contains("old-one"), json)
        XCTAssertTrue(json.contains("\"secret\":0"), json)
        XCTAssertTrue(json.contains("\"oldSecret\":1"), json)
        XCTAssertTrue(json.contains("\"newSecret\":2"), json)
        // The secret part: u16 count, then u32 length and the bytes of each, in index order.
        XCTAssertEqual(try r.u16(), 3)
        for s in ["Portal-\"Secret\"-77 王", "old-one", "Portal-\"Secret\"-77 王"] {
            XCTAssertEqual(Int(try r.u32()), s.utf8.count)
            XCTAssertEqual(Array(try r.take(s.utf8.count)), Array(s.utf8))
        }
        XCTAssertTrue(r.atEnd)
        let back = try RecordCodec.decode(.account, Account.self, from: body, path: "test")
        XCTAssertEqual(back, a)
        XCTAssertTrue(back.secret.equals(utf8: "Portal-\"Secret\"-77 王"))
        XCTAssertTrue(try XCTUnwrap(back.history[1].oldSecret).equals(utf8: "old-one"))
        // Records without secrets keep the plain layout, byte for byte.
        let e = AuditEvent(time: t, actor: "admin", action: "login")
        let plain = try RecordCodec.encode(.auditEvent, e)
        XCTAssertEqual(plain[2], UInt8(ascii: "{"))
    }

    /// A record as the code before the secret part wrote it (`u16 type ‖ JSON`, the secret and
    /// its history values as JSON strings) still reads, into SecretBytes.
    func testOlderAccountRecordStillReads() throws {
        let old = #"{"createdAt":1800000000,"createdBy":"admin","email":null,"history":[{"actor":"admin","field":"label","new":"unionpay","time":1800000000},{"actor":"admin","field":"secret","new":"Portal-Secret-77","time":1800000000},{"actor":"admin","field":"secret","new":"Portal-Secret-78","old":"Portal-Secret-77","time":1800000100}],"id":"00112233445566778899aabbccddeeff","label":"unionpay","notes":"","phone":"13812345678","secret":"Portal-Secret-78","secretKind":"password","service":"UnionPay","updatedAt":1800000100,"updatedBy":"admin","username":"shop17"}"#
        let body: [UInt8] = [4, 0] + Array(old.utf8)
        let a = try RecordCodec.decode(.account, Account.self, from: body, path: "test")
        XCTAssertTrue(a.secret.equals(utf8: "Portal-Secret-78"))
        XCTAssertEqual(a.history.map(\.field), ["label", "secret", "secret"])
        XCTAssertEqual(a.history[0].new, "unionpay")
        XCTAssertNil(a.history[2].old, "moved into oldSecret")
        XCTAssertTrue(try XCTUnwrap(a.history[2].oldSecret).equals(utf8: "Portal-Secret-77"))
        XCTAssertTrue(try XCTUnwrap(a.history[2].newSecret).equals(utf8: "Portal-Secret-78"))
        XCTAssertNil(a.history[1].oldSecret)
        // Written again, it takes the new layout.
        let again = try RecordCodec.encode(.account, a)
        XCTAssertEqual(again[2], 0)
        XCTAssertEqual(try RecordCodec.decode(.account, Account.self, from: again, path: "test"), a)
    }

    /// An account written by the current code through the vault reads back through a reopened
    /// vault; the file holds neither the secret nor its JSON.
    func testAccountSecretRoundTripThroughTheVault() throws {
        let path = try makeVault()
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.unlock(user: "admin", password: pw(adminPassword))
            try v.unlocked(by: s).accounts.add(AccountFields(label: "wechat", username: "w1"), secret: pw("Wechat-Secret-1"))
            try v.unlocked(by: s).accounts.edit(label: "wechat", AccountFields(), secret: pw("Wechat-Secret-2"))
        }
        let v = try Vault.open(path: path, access: .read)
        let s = try v.unlock(user: "admin", password: pw(adminPassword))
        let a = try v.unlocked(by: s).accounts.get(label: "wechat")
        XCTAssertTrue(a.secret.equals(utf8: "Wechat-Secret-2"))
        let change = try XCTUnwrap(a.history.last)
        XCTAssertEqual(change.field, "secret")
        XCTAssertTrue(try XCTUnwrap(change.oldSecret).equals(utf8: "Wechat-Secret-1"))
        XCTAssertFalse(fileContains(path, "Wechat-Secret"))
    }

    /// A bad index, a truncated part or trailing bytes are corruption, not a crash.
    func testMalformedSecretPartIsCorrupt() throws {
        let body = try RecordCodec.encode(.account, try account(secret: "x-secret"))
        for bad in [Array(body.dropLast()), body + [0], Array(body.prefix(body.count - 8 - 2)) + [0, 0]] {
            XCTAssertThrowsError(try RecordCodec.decode(.account, Account.self, from: bad, path: "test")) {
                guard case .corrupt = $0 as? VaultError else { return XCTFail("\($0)") }
            }
        }
    }

    /// No public way out: no encoder but the record codec gets the bytes, and no description,
    /// debug description or mirror shows them.
    func testSecretBytesDoNotLeakThroughCodableOrDescriptions() throws {
        let s = pw("Leak-Check-99")
        XCTAssertThrowsError(try JSONEncoder().encode(["k": s]))
        XCTAssertThrowsError(try JSONEncoder().encode(try account(secret: "Leak-Check-99")))
        for text in ["\(s)", String(describing: s), String(reflecting: s), s.debugDescription] {
            XCTAssertFalse(text.contains("Leak"), text)
        }
        var dumped = ""
        dump(s, to: &dumped)
        XCTAssertFalse(dumped.contains("Leak"), dumped)
        XCTAssertTrue(s.equals(utf8: "Leak-Check-99"))
        XCTAssertFalse(s.equals(utf8: "Leak-Check-98"))
        XCTAssertTrue(s.isValidUTF8)
        XCTAssertFalse(try SecretBytes(copying: [0xC3, 0x28]).isValidUTF8)
    }

    // MARK: envelopes and one-time-code secrets

    private func state(totp: SecretBytes?) -> EnvelopeState {
        EnvelopeState(slotId: "ab", history: ["$argon2id$x"], passwordChangedAt: Date(timeIntervalSince1970: 1_800_000_000),
                      mustChangePassword: false, totpSecret: totp, totpLastStep: 7, totpPending: nil)
    }

    /// An envelope with a one-time-code secret: the flag bit, the secret part, and back.
    func testEnvelopeCarriesTheOneTimeCodeSecretInItsSecretPart() throws {
        let key = try SecretBytes.random(count: 32), vaultId = SecureRandom.bytes(16), subject = SecureRandom.bytes(16)
        let ring = KeyRing()
        let st = state(totp: pw("SHA1:JBSWY3DPEHPK3PXP"))
        let body = try Envelope.seal(type: .envelope, state: st, keys: ring, under: key, vaultId: vaultId, subject: subject)
        let plain = try XChaCha20Poly1305.open(Array(body[2...]), key: key, ad: Envelope.ad(vaultId: vaultId, subject: subject))
        var r = ByteReader(plain)
        let word = try r.u32()
        XCTAssertNotEqual(word & Envelope.secretPartFlag, 0)
        let json = String(decoding: try r.take(Int(word & ~Envelope.secretPartFlag)), as: UTF8.self)
        XCTAssertFalse(json.contains("JBSW"), json)
        XCTAssertTrue(json.contains("\"totpSecret\":0"), json)
        let (back, _) = try Envelope.open(body, type: .envelope, under: key, vaultId: vaultId, subject: subject, path: "test")
        XCTAssertEqual(back, st)
        XCTAssertTrue(try XCTUnwrap(back?.totpSecret).equals(utf8: "SHA1:JBSWY3DPEHPK3PXP"))
        // Without a secret the layout is the one before (no flag, no part).
        let plainBody = try Envelope.seal(type: .envelope, state: state(totp: nil), keys: ring, under: key, vaultId: vaultId, subject: subject)
        let p2 = try XChaCha20Poly1305.open(Array(plainBody[2...]), key: key, ad: Envelope.ad(vaultId: vaultId, subject: subject))
        XCTAssertEqual(p2[3] & 0x80, 0)
    }

    /// An envelope as the code before wrote it (the secret as a JSON string) still opens.
    func testOlderEnvelopeWithTextSecretStillOpens() throws {
        let key = try SecretBytes.random(count: 32), vaultId = SecureRandom.bytes(16), subject = SecureRandom.bytes(16)
        let json = Array(#"{"history":["$argon2id$x"],"mustChangePassword":false,"passwordChangedAt":1800000000,"slotId":"ab","totpLastStep":7,"totpPending":"SHA1:MZXW6YTBOI","totpSecret":"SHA1:JBSWY3DPEHPK3PXP"}"#.utf8)
        var w = ByteWriter()
        w.u32(UInt32(json.count)); w.raw(json); w.raw(Keyslot.encodePayload(keys: KeyRing(), role: .admin))
        var body = ByteWriter()
        body.u16(RecordType.envelope.rawValue)
        body.raw(try XChaCha20Poly1305.seal(w.bytes, key: key, ad: Envelope.ad(vaultId: vaultId, subject: subject)))
        let (st, _) = try Envelope.open(body.bytes, type: .envelope, under: key, vaultId: vaultId, subject: subject, path: "test")
        let s = try XCTUnwrap(st)
        XCTAssertTrue(try XCTUnwrap(s.totpSecret).equals(utf8: "SHA1:JBSWY3DPEHPK3PXP"))
        XCTAssertTrue(try XCTUnwrap(s.totpPending).equals(utf8: "SHA1:MZXW6YTBOI"))
        XCTAssertEqual(s.totpLastStep, 7)
        // The key decodes into locked memory and gives RFC 6238's codes.
        let (alg, k) = try XCTUnwrap(try TOTPSecret.key(s.totpPending!))
        XCTAssertEqual(alg, .sha1)
        XCTAssertTrue(k.equals(utf8: "foobar"))
        let seed = Array("12345678901234567890".utf8)
        let stored = try TOTPSecret.stored(.sha1, key: try SecretBytes(copying: seed))
        XCTAssertTrue(stored.equals(utf8: "SHA1:" + Base32.encode(seed)))
        let (_, k2) = try XCTUnwrap(try TOTPSecret.key(stored))
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits).
        XCTAssertEqual(TOTP.code(key: k2, step: 59 / 30, digits: 8), "94287082")
        XCTAssertEqual(TOTP.check(code: TOTP.code(key: k2, step: 100), key: k2, at: Date(timeIntervalSince1970: 3000), notAfter: nil), .ok(step: 100))
        // A bare base32 secret (before algorithms were named) is SHA-256.
        XCTAssertEqual(try TOTPSecret.key(pw("MZXW6YTBOI"))?.0, .sha256)
        XCTAssertNil(try TOTPSecret.key(pw("SHA1:MZXW1")))
        for n in 0..<40 {
            let b = try SecretBytes.random(count: n)
            let e = try Base32.encode(b)
            b.withUnsafeBytes { raw in XCTAssertTrue(e.equals(utf8: Base32.encode(Array(raw)))) }
            XCTAssertEqual(try Base32.decode(e), b)
        }
    }

    /// The Argon2id input of a subset of recovery answers keeps its bytes (u8 index, u16 length,
    /// the normalised answer), so question sets made before still unwrap.
    func testRecoveryAnswerSubsetBytesAreUnchanged() throws {
        let answers: [SecretBytes?] = [try AnswerNormalizer.normalize(pw("１２３４ＡＢｃ　张三")), nil, try AnswerNormalizer.normalize(pw("  Fluffy\tCAT "))]
        XCTAssertTrue(try XCTUnwrap(answers[0]).equals(utf8: "1234abc 张三"))
        XCTAssertTrue(try XCTUnwrap(answers[2]).equals(utf8: "fluffy cat"))
        var w = ByteWriter()
        w.u8(0); w.string16("1234abc 张三"); w.u8(2); w.string16("fluffy cat")
        XCTAssertEqual(try Vault.subsetSecret([0, 2], answers: answers), try SecretBytes(copying: w.bytes))
        XCTAssertNil(try Vault.subsetSecret([0, 1], answers: answers))
        XCTAssertTrue(AnswerNormalizer.same(pw("ＭＡＰＬＥ　路"), pw("maple 路")))
        XCTAssertFalse(AnswerNormalizer.same(pw("maple"), pw("maples")))
        XCTAssertNil(try AnswerNormalizer.normalize(try SecretBytes(copying: [0xFF])))
    }
}
