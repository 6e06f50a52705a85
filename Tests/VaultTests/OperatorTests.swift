import XCTest
@testable import Vault
@testable import VaultCrypto

/// A checker with only a length rule, so these tests exercise the operator logic itself.
struct LengthChecker: PasswordRuleChecker {
    var accountRules = AccountRules()
    func violations(_ password: SecretBytes, context: PersonalContext) -> [PolicyViolation] {
        password.count < 12 ? [.tooShort(length: password.count, minimum: 12)] : []
    }
}

final class OperatorTests: VaultTestCase {
    let checker = LengthChecker()

    func openAdmin(_ path: String) throws -> (Vault, Session) {
        let v = try Vault.open(path: path, access: .write)
        return (v, try v.login(user: "admin", password: pw(adminPassword), rules: AccountRules()).session)
    }

    func testCashierKeysCannotOpenAdminData() throws {
        let path = try makeVault()
        let secretSubject = [UInt8](repeating: 0xA5, count: 16)
        do {
            let (v, s) = try openAdmin(path)
            _ = try v.unlocked(by: s).operators.add(name: "carol", role: .cashier, phone: "13812345678", email: "carol@shop.example.com",
                                                    password: pw("Carol-Temp-2026!"), checker: checker)
            var c = Vault.Change()
            try c.put(.account, subject: secretSubject, keyClass: .admin, ["username": "merchant-login", "secret": "s3cr3t-PIN"])
            try v.commit(c, keys: s.keys)
        }
        let v = try Vault.open(path: path, access: .write)
        let carol = try v.login(user: "carol", password: pw("Carol-Temp-2026!"), rules: AccountRules(), allowPasswordChange: true).session
        XCTAssertEqual(carol.role, .cashier)
        XCTAssertEqual(carol.keyClasses, [.shared])
        XCTAssertFalse(carol.canReadAudit)
        // The admin-class record does not open with the cashier's keys.
        XCTAssertNil(try v.file.readMeta(.record, subject: secretSubject, keys: carol.keys)?.body)
        XCTAssertThrowsError(try v.record(.account, [String: String].self, subject: secretSubject, keys: carol.keys))
        // Nor does its ciphertext open with the shared key directly.
        let off = v.file.meta[VaultFile.MetaKey(kind: .record, subject: secretSubject)]!.offset
        let raw = try v.file.file.read(count: v.file.meta[VaultFile.MetaKey(kind: .record, subject: secretSubject)]!.length, at: off)
        let sealed = Array(raw[FormatV1.frameHeaderLength..<(raw.count - FormatV1.trailerLength)])
        XCTAssertThrowsError(try XChaCha20Poly1305.open(sealed, key: carol.keys.key(.shared)!, ad: Array(raw[0..<FormatV1.frameHeaderLength])))
        // Other operators' key copies and the audit log are out of reach too.
        XCTAssertThrowsError(try v.unlocked(by: carol).operators.passwordHashes(of: "admin"))
        XCTAssertThrowsError(try v.unlocked(by: carol).auditEvents())
        // The plaintext never appears in the file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNil(bytes.range(of: Data("s3cr3t-PIN".utf8)))
        XCTAssertNil(bytes.range(of: Data("13812345678".utf8)))
    }

    /// A login with a one-time code in two halves (the code read with no lock held): the first
    /// half writes nothing and hands back a proof of the password; the second reuses it only
    /// while the keyslot is unchanged, and checks the code against the state of then.
    func testOneTimeCodeLoginInTwoHalves() throws {
        let path = try makeVault()
        let base = Date()
        let step0 = Int64(base.timeIntervalSince1970) / 30
        let key: [UInt8] = try {
            let (v, s) = try openAdmin(path)
            let k = Base32.decode(try v.unlocked(by: s).oneTimeCodes.beginEnrolment().secret.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })!
            try v.unlocked(by: s).oneTimeCodes.confirm(code: TOTP.code(secret: k, step: step0), now: base)
            return k
        }()
        func firstHalf(_ password: String, at when: Date) throws -> PasswordProof {
            let v = try Vault.open(path: path, access: .write)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                _ = try v.login(user: "admin", password: pw(password), rules: AccountRules(), now: when, oneTimeCode: { throw OneTimeCodeDeferred() })
                XCTFail("no code was given")
            } catch let a as OneTimeCodeAwaited {
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the first half wrote nothing")
                return a.proof
            }
            throw VaultError.authenticationFailed
        }
        // A right password and code: the second half logs in.
        let t1 = base.addingTimeInterval(30)
        let proof = try firstHalf(adminPassword, at: t1)
        let ok = try Vault.open(path: path, access: .write).login(user: "admin", password: pw(adminPassword), rules: AccountRules(), now: t1,
                                                                  oneTimeCode: { TOTP.code(secret: key, step: step0 + 1) }, proof: proof)
        XCTAssertEqual(ok.session.operatorName, "admin")
        // The code was used meanwhile (another login at the same step): the second half says so.
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "admin", password: pw(adminPassword), rules: AccountRules(), now: t1,
                                                                              oneTimeCode: { TOTP.code(secret: key, step: step0 + 1) }, proof: proof)) {
            XCTAssertEqual($0 as? OperatorError, .oneTimeCode(name: "admin", problem: .alreadyUsed))
        }
        // A wrong password never reaches the code: it fails (and is counted) in the first half.
        XCTAssertThrowsError(try firstHalf("Not-The-Password-1", at: t1)) { XCTAssertEqual($0 as? VaultError, .authenticationFailed) }
        // Counted: the reused code above, and this password.
        XCTAssertEqual(try Vault.open(path: path, access: .read).lockoutStatus(name: "admin").failures, 2)
        // The password changes between the halves: the old proof no longer stands for the
        // password; the old password is checked again (KDF) and refused.
        let t2 = base.addingTimeInterval(60)
        let stale = try firstHalf(adminPassword, at: t2)
        do {
            let v = try Vault.open(path: path, access: .write)
            let s = try v.login(user: "admin", password: pw(adminPassword), rules: AccountRules(), now: t2,
                                oneTimeCode: { TOTP.code(secret: key, step: step0 + 2) }).session
            try v.unlocked(by: s).operators.changeOwnPassword(newPassword: pw("Brand-New-Admin-Pass-2031"), checker: checker, now: t2)
        }
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "admin", password: pw(adminPassword), rules: AccountRules(),
                                                                              now: base.addingTimeInterval(90),
                                                                              oneTimeCode: { TOTP.code(secret: key, step: step0 + 3) }, proof: stale)) {
            XCTAssertEqual($0 as? VaultError, .authenticationFailed)
        }
    }

    func testLoginRulesLockoutAndUnknownUsers() throws {
        let path = try makeVault()
        do {
            let (v, s) = try openAdmin(path)
            _ = try v.unlocked(by: s).operators.add(name: "dave", role: .manager, phone: nil, email: nil, password: pw("Dave-Temp-2026!!"), checker: checker)
        }
        // Must change at first login.
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "dave", password: pw("Dave-Temp-2026!!"), rules: AccountRules())) {
            XCTAssertEqual($0 as? OperatorError, .mustChangePassword(name: "dave", expired: false))
        }
        // Ten failures lock, across separate opens (new processes read the same file).
        for _ in 0..<10 {
            XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "dave", password: pw("wrong"), rules: AccountRules())) {
                XCTAssertEqual($0 as? VaultError, .authenticationFailed)
            }
        }
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "dave", password: pw("Dave-Temp-2026!!"), rules: AccountRules())) {
            guard case .locked(let n, _) = $0 as? OperatorError else { return XCTFail("\($0)") }
            XCTAssertEqual(n, "dave")
        }
        // The lock ends after 30 minutes.
        let later = Date().addingTimeInterval(31 * 60)
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "dave", password: pw("Dave-Temp-2026!!"), rules: AccountRules(), now: later)) {
            XCTAssertEqual($0 as? OperatorError, .mustChangePassword(name: "dave", expired: false))
        }
        // Unknown names are locked just the same, so the lock message reveals nothing.
        for _ in 0..<10 { _ = try? Vault.open(path: path, access: .write).login(user: "ghost", password: pw("x"), rules: AccountRules()) }
        XCTAssertThrowsError(try Vault.open(path: path, access: .write).login(user: "ghost", password: pw("x"), rules: AccountRules())) {
            guard case .locked = $0 as? OperatorError else { return XCTFail("\($0)") }
        }
        // A successful login resets the count; an admin's unlock clears the lock.
        let (v, s) = try openAdmin(path)
        for _ in 0..<3 { _ = try? v.login(user: "admin", password: pw("bad"), rules: AccountRules()) }
        XCTAssertEqual(try v.lockoutStatus(name: "admin").failures, 3)
        _ = try v.login(user: "admin", password: pw(adminPassword), rules: AccountRules())
        XCTAssertEqual(try v.lockoutStatus(name: "admin").failures, 0)
        for _ in 0..<10 { _ = try? v.login(user: "dave", password: pw("bad"), rules: AccountRules()) }
        XCTAssertNotNil(try v.lockoutStatus(name: "dave").lockedUntil)
        try v.unlocked(by: s).operators.unlock(name: "dave")
        XCTAssertNil(try v.lockoutStatus(name: "dave").lockedUntil)
        // Expiry: 90 days after the change, and a warning from 14 days before.
        var rules = AccountRules()
        rules.expiryDays = 90
        let r = try v.login(user: "admin", password: pw(adminPassword), rules: rules, now: Date().addingTimeInterval(80 * 86400))
        XCTAssertEqual(r.expiresInDays, 9)
        XCTAssertThrowsError(try v.login(user: "admin", password: pw(adminPassword), rules: rules, now: Date().addingTimeInterval(91 * 86400))) {
            XCTAssertEqual($0 as? OperatorError, .mustChangePassword(name: "admin", expired: true))
        }
    }

    func testPasswordHistoryRolesAndRemoval() throws {
        let path = try makeVault()
        let (v, s) = try openAdmin(path)
        _ = try v.unlocked(by: s).operators.add(name: "erin", role: .cashier, phone: "+8613812345678", email: nil, password: pw("Erin-Temp-2026!!"), checker: checker)
        XCTAssertThrowsError(try v.unlocked(by: s).operators.add(name: "erin", role: .cashier, phone: nil, email: nil, password: pw("Another-Pass-2026"), checker: checker)) {
            XCTAssertEqual($0 as? OperatorError, .exists(name: "erin"))
        }
        XCTAssertThrowsError(try v.unlocked(by: s).operators.add(name: "bad", role: .cashier, phone: "12345", email: nil, password: pw("Another-Pass-2026"), checker: checker))
        XCTAssertThrowsError(try v.unlocked(by: s).operators.add(name: "bad", role: .cashier, phone: nil, email: "no-at-sign", password: pw("Another-Pass-2026"), checker: checker))
        XCTAssertThrowsError(try v.unlocked(by: s).operators.add(name: "bad", role: .cashier, phone: nil, email: nil, password: pw("short"), checker: checker)) {
            XCTAssertEqual($0 as? OperatorError, .policy(violations: [.tooShort(length: 5, minimum: 12)]))
        }
        var erin = try v.login(user: "erin", password: pw("Erin-Temp-2026!!"), rules: AccountRules(), allowPasswordChange: true).session
        let passwords = ["Erin-Pass-One-2026", "Erin-Pass-Two-2026", "Erin-Pass-Three-26", "Erin-Pass-Four-2026"]
        var current = "Erin-Temp-2026!!"
        for p in passwords {
            try v.unlocked(by: erin).operators.changeOwnPassword(newPassword: pw(p), checker: checker)
            current = p
            erin = try v.login(user: "erin", password: pw(current), rules: AccountRules()).session
        }
        // None of the last 4 (the current one included) can be reused; the 5th-last can.
        for p in passwords {
            XCTAssertThrowsError(try v.unlocked(by: erin).operators.changeOwnPassword(newPassword: pw(p), checker: checker)) {
                XCTAssertEqual($0 as? OperatorError, .reused(count: 4))
            }
        }
        XCTAssertNoThrow(try v.unlocked(by: erin).operators.changeOwnPassword(newPassword: pw("Erin-Temp-2026!!"), checker: checker))
        XCTAssertEqual(try v.unlocked(by: s).operators.passwordHashes(of: "erin").count, 4)
        // An admin reset checks the same history, and forces a change at first use.
        XCTAssertThrowsError(try v.unlocked(by: s).operators.resetPassword(name: "erin", newPassword: pw("Erin-Temp-2026!!"), checker: checker))
        try v.unlocked(by: s).operators.resetPassword(name: "erin", newPassword: pw("Erin-Reset-2026!!"), checker: checker)
        XCTAssertThrowsError(try v.login(user: "erin", password: pw("Erin-Reset-2026!!"), rules: AccountRules()))
        // Role change re-issues the slot with the new role's keys.
        try v.unlocked(by: s).operators.setRole(name: "erin", role: .manager, temporaryPassword: pw("Erin-Manager-2026!"), checker: checker)
        let m = try v.login(user: "erin", password: pw("Erin-Manager-2026!"), rules: AccountRules(), allowPasswordChange: true).session
        XCTAssertEqual(m.keyClasses, [.shared, .manager])
        XCTAssertTrue(m.canReadAudit)
        XCTAssertThrowsError(try v.login(user: "erin", password: pw("Erin-Reset-2026!!"), rules: AccountRules(), allowPasswordChange: true))
        // A manager cannot reset an admin or change roles.
        XCTAssertThrowsError(try v.unlocked(by: m).operators.resetPassword(name: "admin", newPassword: pw("Whatever-2026-Pass"), checker: checker)) {
            guard case .permissionDenied = $0 as? VaultError else { return XCTFail("\($0)") }
        }
        // The last admin cannot be removed, demoted or disabled.
        XCTAssertThrowsError(try v.unlocked(by: s).operators.remove(name: "admin"))
        XCTAssertThrowsError(try v.unlocked(by: s).operators.setRole(name: "admin", role: .cashier, temporaryPassword: pw("Whatever-2026-Pass"), checker: checker))
        // Disable, enable, remove.
        try v.unlocked(by: s).operators.setStatus(name: "erin", status: .disabled)
        // Format v2: the slot is erased, so the old password is a wrong password.
        XCTAssertThrowsError(try v.login(user: "erin", password: pw("Erin-Manager-2026!"), rules: AccountRules(), allowPasswordChange: true)) {
            XCTAssertEqual($0 as? VaultError, .authenticationFailed)
        }
        XCTAssertFalse(try v.keyslots().contains { $0.name == "erin" })
        XCTAssertEqual(try v.unlocked(by: s).operators.profile(named: "erin").status, .disabled)
        XCTAssertThrowsError(try v.unlocked(by: s).operators.setStatus(name: "erin", status: .active))
        try v.unlocked(by: s).operators.setStatus(name: "erin", status: .active, temporaryPassword: pw("Erin-Back-Again-2026!"), checker: checker)
        XCTAssertThrowsError(try v.login(user: "erin", password: pw("Erin-Back-Again-2026!"), rules: AccountRules())) {
            XCTAssertEqual($0 as? OperatorError, .mustChangePassword(name: "erin", expired: false))
        }
        try v.unlocked(by: s).operators.remove(name: "erin")
        XCTAssertThrowsError(try v.login(user: "erin", password: pw("Erin-Manager-2026!"), rules: AccountRules(), allowPasswordChange: true)) {
            XCTAssertEqual($0 as? VaultError, .authenticationFailed)
        }
        _ = try v.unlocked(by: s).verify()
        let actions = try v.unlocked(by: s).auditEvents().map(\.action)
        for a in ["vault.init", "user.add", "login", "user.passwd", "user.reset", "user.role", "user.disable", "user.enable", "user.remove"] {
            XCTAssertTrue(actions.contains(a), "no \(a) event")
        }
    }

    func testAuditChainDetectsRemovedReorderedAndEditedEvents() throws {
        let path = try makeVault()
        var auditOffsets: [Int] = []
        do {
            let (v, _) = try openAdmin(path)
            for i in 0..<3 {
                _ = try? v.login(user: "admin", password: pw("wrong-\(i)"), rules: AccountRules())
            }
            _ = try v.scanOffsets(kind: .audit).map { auditOffsets.append($0) }
        }
        let url = URL(fileURLWithPath: path)
        let good = try Data(contentsOf: url)
        let v0 = try Vault.open(path: path, access: .read)
        let frames = try v0.frameSpans()
        let audits = frames.filter { $0.kind == .audit }
        XCTAssertGreaterThanOrEqual(audits.count, 4)
        func check(_ d: Data, _ what: String) {
            try! d.write(to: url)
            do {
                let v = try Vault.open(path: path, access: .read)
                let s = try v.unlock(user: "admin", password: pw(adminPassword))
                _ = try v.unlocked(by: s).auditEvents()
                XCTFail("\(what) not detected")
            } catch let e as VaultError {
                guard case .corrupt = e else { return XCTFail("\(what): \(e)") }
            } catch { XCTFail("\(error)") }
        }
        let a = audits[1], b = audits[2]
        check(good[..<a.offset] + good[(a.offset + a.length)...], "removed event")
        check(good[..<a.offset] + good[b.offset..<(b.offset + b.length)] + good[a.offset..<(a.offset + a.length)] + good[(b.offset + b.length)...], "reordered events")
        var edited = good
        edited[a.offset + 70] ^= 0x20
        check(edited, "edited event")
        try good.write(to: url)
        let v = try Vault.open(path: path, access: .read)
        XCTAssertEqual(try v.unlocked(by: try v.unlock(user: "admin", password: pw(adminPassword))).auditEvents().count, audits.count)
    }

    func testStoredPHCStringsInteroperate() throws {
        let path = try makeVault()
        let (v, s) = try openAdmin(path)
        let phc = try v.unlocked(by: s).operators.passwordHashes(of: "admin")[0]
        XCTAssertTrue(phc.hasPrefix("$argon2id$v=19$"))
        // Python argon2-cffi verifies what the vault stores.
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", "-c", "import sys, argon2; argon2.PasswordHasher().verify(sys.argv[1], sys.argv[2]); print('ok')", phc, adminPassword]
        let out = Pipe(); py.standardOutput = out; py.standardError = FileHandle.nullDevice
        try py.run(); py.waitUntilExit()
        if py.terminationStatus != 0 && !FileManager.default.fileExists(atPath: "/usr/bin/argon2") {
            throw XCTSkip("argon2-cffi is not installed (.ci/run installs it)")
        }
        XCTAssertEqual(py.terminationStatus, 0, "argon2-cffi rejected the vault's PHC string")
        XCTAssertEqual(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "ok\n")
        // Hashes made by the argon2 CLI verify in vaultcli's code (and a wrong password does not).
        for lanes in ["1", "4"] {
            let a = Process()
            a.executableURL = URL(fileURLWithPath: "/usr/bin/argon2")
            a.arguments = ["saltsaltsaltsalt", "-id", "-t", "2", "-m", "12", "-p", lanes, "-e"]
            let i = Pipe(), o = Pipe()
            a.standardInput = i; a.standardOutput = o
            try a.run()
            i.fileHandleForWriting.write(Data("Interop-Pass-2026".utf8)); try i.fileHandleForWriting.close()
            a.waitUntilExit()
            let cliPHC = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertTrue(cliPHC.hasPrefix("$argon2id$v=19$m=4096,t=2,p=\(lanes)$"), cliPHC)
            XCTAssertTrue(try Argon2id.verify(pw("Interop-Pass-2026"), phc: cliPHC), "p=\(lanes)")
            XCTAssertFalse(try Argon2id.verify(pw("Interop-Pass-2027"), phc: cliPHC))
        }
    }
}

extension Vault {
    struct Span { var offset: Int; var length: Int; var kind: FrameKind }
    func frameSpans() throws -> [Span] {
        var out: [Span] = []
        _ = try file.scan(keys: nil) { h, off, _ in out.append(Span(offset: off, length: h.length, kind: h.kind)) }
        return out
    }
    func scanOffsets(kind: FrameKind) throws -> [Int] { try frameSpans().filter { $0.kind == kind }.map(\.offset) }
}
