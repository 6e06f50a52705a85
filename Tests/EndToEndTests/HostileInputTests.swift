import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 11: what a hostile cashier types, or a file carries, fools neither the screen, a
/// spreadsheet nor the owner. Each attack is run as an attacker would (the real `vaultcli`, and
/// the vault file read with no key), then checked.
final class HostileInputTests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"
    let cashierPass = "Rw8$nB3%yH6^cJ1z"

    override func setUp() {
        super.setUp()
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
    }

    func admin(_ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + extraLines).map { $0 + "\n" }.joined())
    }
    func asUser(_ user: String, _ password: String, _ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", user, "--password-stdin"], stdin: ([password] + extraLines).map { $0 + "\n" }.joined())
    }
    func addCashier(_ name: String = "lin", phone: String? = "13812345678") {
        XCTAssertEqual(admin(["user", "add", name, "--role", "cashier"] + (phone.map { ["--phone", $0] } ?? []), [cashierTemp]).status, 0)
        XCTAssertEqual(asUser(name, cashierTemp, ["user", "passwd"], [cashierPass]).status, 0)
    }

    // MARK: 1. A password typed into the name field

    /// The attack from the issue: a cashier types her password into the name field; whoever
    /// holds the file hashes candidate passwords to find the counter that name left behind.
    /// Now the file keeps only a bucket number (one of 16, by a keyed hash): every candidate
    /// falls in some bucket, so nothing singles the typed text out, and made-up names add no
    /// frames.
    func testAPasswordTypedAsANameLeavesNothingToGuessAgainst() throws {
        initVault()
        addCashier()
        let typed = "Rw8$nB3%yH6^cJ1z"  // lin's password, typed where the name goes
        let r = asUser(typed, "whatever", ["login"])
        assertError(r, status: 5, contains: "wrong user name or password")
        // 20 names in 16 buckets: no bucket reaches the lock threshold of 10 (p < 1e-6).
        for i in 0..<20 { XCTAssertEqual(asUser("madeup\(i)", "x", ["login"]).status, 5) }

        let v = try Vault.open(path: vault, access: .read)
        let vaultId = v.file.header.vaultId
        let subjects = Set(v.file.metaSubjects(.lockout))
        // The counter the old format kept for that name is not there, nor any frame whose
        // subject an unkeyed hash of the typed text gives.
        XCTAssertFalse(subjects.contains(OperatorSubjects.legacyLockout(vaultId: vaultId, name: typed)))
        for candidate in [typed, typed.lowercased()] {
            for prefix in ["lockout", "lockout operator", "lockout bucket", ""] {
                XCTAssertFalse(subjects.contains(Hash.blake2b(Array(prefix.utf8) + vaultId + Array(candidate.utf8), length: 16)))
            }
        }
        // What is there: the operators' own counters (by operator id), the bucket key, and at
        // most 16 login buckets, however many names were tried.
        let opCounters = try v.keyslots().filter { $0.type == .operatorPassword }
            .map { OperatorSubjects.lockout(vaultId: vaultId, operatorId: $0.operatorId) }
        let key = try XCTUnwrap(try v.publicMeta(.lockout, subject: LockoutBuckets.keySubject(vaultId: vaultId)))
        let buckets = Set((0..<LockoutBuckets.count).map { LockoutBuckets.subject(vaultId: vaultId, purpose: .login, index: $0) })
        let rest = subjects.subtracting(opCounters).subtracting([LockoutBuckets.keySubject(vaultId: vaultId)])
        XCTAssertTrue(rest.isSubset(of: buckets), "only bucket counters besides the operators' own")
        XCTAssertLessThanOrEqual(rest.count, LockoutBuckets.count)
        // The attacker holds the key (it is in the file) and still learns only a bucket: among
        // 200 other candidates, many share the typed password's bucket.
        let mine = LockoutBuckets.index(key: key, purpose: .login, input: LockoutBuckets.nameInput(typed))
        let alike = (0..<200).filter { LockoutBuckets.index(key: key, purpose: .login, input: LockoutBuckets.nameInput("Guess-\($0)!")) == mine }
        XCTAssertGreaterThan(alike.count, 2, "a bucket holds many candidates")
        // And the typed text is nowhere in the file (the audit records "(unknown)").
        XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: vault)).range(of: Data(typed.utf8)))
    }

    /// Unknown names get the same words as a wrong password, and lock the same way (their
    /// bucket's counter), with the same lock message as a known name.
    func testUnknownNamesLockLikeKnownOnesWithTheSameWords() throws {
        initVault()
        addCashier()
        let known = asUser("lin", "wrong password", ["login"]), unknown = asUser("ghost", "wrong password", ["login"])
        XCTAssertEqual(known.status, unknown.status)
        XCTAssertEqual(known.stderr, unknown.stderr)
        for _ in 0..<9 { XCTAssertEqual(asUser("lin", "wrong password", ["login"]).status, 5) }
        for _ in 0..<9 { XCTAssertEqual(asUser("ghost", "wrong password", ["login"]).status, 5) }
        let lockedKnown = asUser("lin", cashierPass, ["login"]), lockedUnknown = asUser("ghost", "x", ["login"])
        assertError(lockedKnown, status: 12, contains: "operator lin is locked after too many failed logins")
        assertError(lockedUnknown, status: 12, contains: "operator ghost is locked after too many failed logins")
        func shape(_ s: String, _ name: String) -> String {
            s.replacingOccurrences(of: name, with: "NAME").replacingOccurrences(of: #"until \S+ \S+"#, with: "until T", options: .regularExpression)
        }
        XCTAssertEqual(shape(lockedKnown.stderr, "lin"), shape(lockedUnknown.stderr, "ghost"))
        // An admin's unlock is for operators; lin's lock ends, and lin's counter is her own.
        XCTAssertEqual(admin(["user", "unlock", "lin"]).status, 0)
        XCTAssertEqual(asUser("lin", cashierPass, ["login"]).status, 0)
        let v = try Vault.open(path: vault, access: .read)
        XCTAssertEqual(try v.lockoutStatus(name: "lin").failures, 0)
        XCTAssertEqual(try v.lockoutStatus(name: "ghost").failures, 0, "an unknown name has no counter of its own to show")
    }

    // MARK: 5. Recovery tells nobody who exists

    func initWithCodes() -> [String] {
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            return parts.count == 2 && Int(parts[0]) != nil ? String(parts[1]) : nil
        }
    }
    func recoverPassword(_ user: String, answers: [String]) -> CLIResult {
        vaultcli(["recover", "password", "--vault", vault, "--user", user, "--stdin"], stdin: (answers + ["Brand-New-Quill-4096!"]).joined(separator: "\n") + "\n")
    }
    func recoverByCode(_ user: String, code: String) -> CLIResult {
        vaultcli(["recover", "password", "--vault", vault, "--user", user, "--code", "--stdin"], stdin: code + "\nCode-Maple-Bridge-31!\n")
    }
    /// The diagnostics of a run, with the operator's name and the lock's end masked.
    func errorLines(_ r: CLIResult, name: String) -> [String] {
        r.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("vaultcli: ") }.map {
            $0.replacingOccurrences(of: " \(name) ", with: " NAME ").replacingOccurrences(of: #"until \S+ \S+"#, with: "until T", options: .regularExpression)
        }
    }
    /// A made-up name whose recovery bucket is not locked.
    func unlockedUnknownName(_ prefix: String) throws -> String {
        let v = try Vault.open(path: vault, access: .read)
        for i in 0..<200 {
            let name = "\(prefix)\(i)"
            let bucket = try v.lockoutBucket(.recoveryName, input: LockoutBuckets.nameInput(name))
            if try v.recoveryLock(bucket.subject).lockedUntil == 0 { return name }
        }
        XCTFail("every bucket is locked")
        return prefix
    }

    func auditEvents() -> [[String: Any]] {
        let r = vaultcli(["audit", "list", "--json", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        return (r.json as? [[String: Any]]) ?? []
    }

    /// `recover password` for a name that exists (with or without questions) and one that does
    /// not: the same words, the same count toward the same lock, an audit entry each, and the
    /// same number of Argon2id runs (counted, not timed).
    func testRecoverPasswordAnswersAlikeForKnownAndUnknownNames() throws {
        let codes = initWithCodes()
        addCashier("lin")            // no questions set up
        addCashier("zhangsan", phone: nil)
        let q = vaultcli(["recover", "setup", "--vault", vault, "--user", "zhangsan", "--password-stdin", "--question", "1", "--question", "3", "--question", "6"],
                         stdin: "\(cashierPass)\nfirst school\nfluffy cat\nmaple street\n")
        XCTAssertEqual(q.status, 0, q.stderr)
        let wrong = ["wrong one", "wrong two", "wrong three"]
        let byName = ["zhangsan", "lin", "ghost"].map { ($0, recoverPassword($0, answers: wrong)) }
        for (name, r) in byName {
            XCTAssertEqual(r.status, 5, "\(name): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("no operator named"), r.stderr)
            XCTAssertEqual(errorLines(r, name: name), errorLines(byName[0].1, name: "zhangsan"), name)
        }
        // A wrong code: the same for a known and an unknown name.
        let kc = recoverByCode("lin", code: "ABCDE-FGHJK-MNPQR-STVWX"), uc = recoverByCode("ghost", code: "ABCDE-FGHJK-MNPQR-STVWX")
        XCTAssertEqual(kc.status, 5, kc.stderr)
        XCTAssertEqual(errorLines(kc, name: "lin"), errorLines(uc, name: "ghost"))
        // Both lock at five, with the same message (each counted on its own: lin's by her id,
        // ghost's in a vault-keyed bucket).
        for _ in 0..<3 { _ = recoverPassword("lin", answers: wrong); _ = recoverPassword("ghost", answers: wrong) }
        let lk = recoverPassword("lin", answers: wrong), lu = recoverPassword("ghost", answers: wrong)
        assertError(lk, status: 12, contains: "recovery for lin is locked after 5 wrong attempts")
        assertError(lu, status: 12, contains: "recovery for ghost is locked after 5 wrong attempts")
        XCTAssertEqual(errorLines(lk, name: "lin"), errorLines(lu, name: "ghost"))
        // Every attempt is in the audit log; what was typed for an unknown name is not.
        let events = auditEvents().filter { ($0["action"] as? String)?.hasPrefix("recover.") == true }
        let unknown = events.filter { ($0["target"] as? String) == "(unknown)" }
        XCTAssertEqual(unknown.filter { ($0["outcome"] as? String) == "failed" }.count, 5, "\(events)")
        XCTAssertTrue(unknown.contains { ($0["outcome"] as? String) == "refused: recovery locked" })
        XCTAssertFalse(events.contains { "\($0)".contains("ghost") })
        // A right code for an unknown name says so (its holder opens admin keys anyway) and is
        // not used up. (A name whose bucket is not the one ghost locked: a shared bucket's lock
        // holds every unknown name in it, as it should.)
        let nobody = try unlockedUnknownName("nobody")
        let right = recoverByCode(nobody, code: codes[0])
        assertError(right, status: 1, contains: "no operator named \(nobody)")
        XCTAssertEqual((vaultcli(["recover", "codes", "--vault", vault, "--json"]).json as? [String: Any])?["codes_left"] as? Int, 10)

        // The same work, counted in this process: zhangsan's questions, lin's decoys (no set-up)
        // and an unknown name's decoys each cost one locator-free challenge and one Argon2id run
        // per subset; a wrong code costs the same whatever the name.
        XCTAssertEqual(admin(["recover", "unlock", "lin"]).status, 0)
        let stranger = try unlockedUnknownName("stranger")
        let v = try Vault.open(path: vault, access: .write)
        let checker = VaultPolicyChecker(policy: try v.passwordPolicy())
        func work(_ name: String, _ proof: RecoveryProof) throws -> Int {
            let before = Argon2id.runs.value
            _ = try? v.passwordRecoveryChallenge(user: name, method: proof.method)
            XCTAssertThrowsError(try v.recoverPassword(user: name, proof: proof, newPassword: { try SecretBytes(utf8: "Brand-New-Quill-4096!") }, checker: checker))
            return Argon2id.runs.value - before
        }
        let answers: RecoveryProof = .answers(try wrong.map { try SecretBytes(utf8: $0) })
        let perName = try ["zhangsan", "lin", stranger].map { try work($0, answers) }
        XCTAssertGreaterThan(perName[0], 0)
        XCTAssertEqual(Set(perName).count, 1, "Argon2id runs for questions: \(perName)")
        let code: RecoveryProof = .code(try SecretBytes(utf8: "ABCDE-FGHJK-MNPQR-STVWX"))
        let perCode = try ["zhangsan", stranger].map { try work($0, code) }
        XCTAssertEqual(perCode[0], perCode[1], "Argon2id runs for a code: \(perCode)")
    }

    /// Wrong `recover username` attempts on a phone count in a vault-keyed bucket for that phone:
    /// they neither lock the recovery of the operator bound to it nor name her, and a known and
    /// an unknown phone do the same counted work.
    func testRecoverUsernameThrottlesThePhoneNotTheOperator() throws {
        let codes = initWithCodes()
        addCashier("lin", phone: "13812345678")
        func byPhone(_ phone: String) -> CLIResult {
            vaultcli(["recover", "username", "--vault", vault, "--phone", phone, "--stdin"], stdin: "a wrong\nb wrong\nc wrong\n")
        }
        // The same Argon2id work for a bound and an unbound phone (one wrong attempt each).
        try {
            let v = try Vault.open(path: vault, access: .write)
            func work(_ phone: String) throws -> Int {
                let before = Argon2id.runs.value
                let c = try v.usernameRecoveryChallenge(contact: try RecoveryContact(phone: phone), method: .questions)
                XCTAssertThrowsError(try v.recoverUsername(c, proof: .answers(try ["x1", "x2", "x3"].map { try SecretBytes(utf8: $0) })))
                return Argon2id.runs.value - before
            }
            let known = try work("13812345678"), unknown = try work("13987654321")
            XCTAssertGreaterThan(known, 0)
            XCTAssertEqual(known, unknown)
        }()
        // Five wrong attempts per contact bucket lock it. The bound phone's bucket already holds
        // one from above, or two when the unbound phone fell into the same one of the 16
        // buckets (chosen by a keyed hash, 1 time in 16): so three or four more are wrong.
        var wrong = 0
        var locked = byPhone("13812345678")
        while locked.status == 5 && wrong < 6 { wrong += 1; locked = byPhone("13812345678") }
        XCTAssertTrue(wrong == 4 || wrong == 3, "\(wrong) wrong attempts before the lock")
        assertError(locked, status: 12, contains: "recovery is locked after 5 wrong attempts")
        XCTAssertFalse(locked.stderr.contains("lin"), locked.stderr)
        // lin's own recovery is untouched: her counter shows nothing, and a code still works.
        XCTAssertEqual(try Vault.open(path: vault, access: .read).recoveryLockStatus(name: "lin").failures, 0)
        let ok = recoverByCode("lin", code: codes[0])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    // MARK: 10. The right password without its one-time code

    func testRightPasswordWithoutItsCodeIsCountedAndAudited() throws {
        initVault()
        let en = admin(["user", "totp", "enable", "--json"])
        XCTAssertEqual(en.status, 0, en.stderr)
        let secret = try XCTUnwrap((en.json as? [String: Any])?["secret"] as? String)
        let key = try XCTUnwrap(Base32.decode(secret))
        let step = Int64(Date().timeIntervalSince1970) / 30
        XCTAssertEqual(admin(["user", "totp", "confirm"], [TOTP.code(secret: key, step: step)]).status, 0)
        // Right password, no code; right password, a wrong code.
        assertError(admin(["login"]), status: 5, contains: "none was given")
        let wrongCode = TOTP.code(secret: key, step: step + 1000)
        assertError(admin(["login"], [wrongCode]), status: 5, contains: "the one-time code is wrong")
        XCTAssertEqual(try Vault.open(path: vault, access: .read).lockoutStatus(name: "admin").failures, 2)
        // The next code opens, and the audit shows both failures.
        let audit = vaultcli(["audit", "list", "--action", "login", "--json", "--vault", vault, "--as", "admin", "--password-stdin"],
                             stdin: adminPassword + "\n" + TOTP.code(secret: key, step: step + 1) + "\n")
        XCTAssertEqual(audit.status, 0, audit.stderr)
        let outcomes = ((audit.json as? [[String: Any]]) ?? []).compactMap { $0["outcome"] as? String }
        XCTAssertTrue(outcomes.contains("failed: one-time code missing"), "\(outcomes)")
        XCTAssertTrue(outcomes.contains("failed: one-time code wrong"), "\(outcomes)")
    }

    // MARK: 3. Terminal control sequences

    /// Every C0 (but NUL, which no file name or argument can hold), DEL, every C1 and every bidi
    /// control, in an import file's name: the audit log shows each as a visible escape in text,
    /// and the exact name in JSON (escaped).
    func testEveryControlAndBidiCodePointIsShownAsAnEscape() throws {
        initVault()
        let cps: [UInt32] = Array(0x01...0x1F) + [0x7F] + Array(0x80...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        let name = "imp" + cps.map { "-" + String(Character(Unicode.Scalar($0)!)) }.joined() + ".csv"
        let path = dir + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("id,time,amount\nz1,2026-11-22T10:00:00Z,1.00\n".utf8)))
        let imp = admin(["tx", "import", path])
        XCTAssertEqual(imp.status, 0, imp.stderr)
        XCTAssertFalse(imp.stderr.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" }, "stderr: \(imp.stderr.debugDescription)")
        let text = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "tx.import"], stdin: adminPassword + "\n")
        XCTAssertEqual(text.status, 0, text.stderr)
        for u in text.stdout.unicodeScalars where u != "\n" { XCTAssertFalse(DisplayText.isUnsafe(u), "raw U+\(String(u.value, radix: 16)) on the screen") }
        let shown = "imp" + cps.map { "-\\u{" + String($0, radix: 16, uppercase: true) + "}" }.joined() + ".csv"
        XCTAssertTrue(text.stdout.contains(shown), text.stdout)
        // JSON: the exact name, and nothing raw in the bytes either.
        let json = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "tx.import", "--json"], stdin: adminPassword + "\n")
        for u in json.stdout.unicodeScalars where u != "\n" { XCTAssertFalse(DisplayText.isUnsafe(u), "raw U+\(String(u.value, radix: 16)) in JSON") }
        let targets = ((json.json as? [[String: Any]]) ?? []).compactMap { $0["target"] as? String }
        XCTAssertEqual(targets, [path + " lines 2-2"])
        // An error that quotes the name is escaped too.
        let missing = admin(["tx", "import", path + ".gone"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("\\u{1B}"), missing.stderr)
        XCTAssertFalse(missing.stderr.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" }, missing.stderr.debugDescription)
    }

    /// A bidi override in a transaction reference (it is a format character, not a control, so
    /// import takes it): `tx list` shows it escaped, JSON keeps it exactly.
    func testBidiOverrideInAReferenceIsEscapedOnScreenAndExactInJSON() throws {
        initVault()
        let reference = "invoice-\u{202E}fdp.exe\u{2066}x\u{2069}"
        let jl = dir + "/in.jsonl"
        FileManager.default.createFile(atPath: jl, contents: Data("{\"id\":\"b1\",\"time\":\"2026-11-22T10:00:00Z\",\"amount\":\"1.00\",\"reference\":\"\(reference)\"}\n".utf8))
        XCTAssertEqual(admin(["tx", "import", jl, "--format", "jsonl"]).status, 0)
        let text = admin(["tx", "list"])
        XCTAssertTrue(text.stdout.contains("invoice-\\u{202E}fdp.exe\\u{2066}x\\u{2069}"), text.stdout)
        XCTAssertFalse(text.stdout.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" })
        for args in [["tx", "list", "--json"], ["tx", "export", "--format", "jsonl"]] {
            let j = admin(args)
            XCTAssertEqual(j.status, 0, j.stderr)
            XCTAssertFalse(j.stdout.unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" }, "\(args)")
            XCTAssertTrue(j.stdout.contains("\\u202e"), j.stdout)
            let line = String(j.stdout.split(separator: "\n").first { $0.contains("b1") }!)
            let obj = try JSONSerialization.jsonObject(with: Data((args.contains("--json") ? j.stdout : line).utf8))
            let t = (obj as? [[String: Any]])?.first ?? (obj as? [String: Any])
            XCTAssertEqual(t?["reference"] as? String, reference)
        }
    }

    /// A crafted backup whose manifest names a terminal with escape sequences (retitle the
    /// window, clear the screen): `backup verify` and `restore` print it escaped.
    func testCraftedBackupTerminalIdIsPrintedEscaped() throws {
        initVault()
        struct HostileSource: BackupSource {
            let path: String
            func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                defer { close(fd) }
                var st = stat(); fstat(fd, &st)
                let v = try Vault.open(path: path, access: .read)
                let info = BackupSnapshotInfo(vaultID: v.file.header.vaultId, terminalID: "T\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m", vaultFormatVersion: 2)
                return try body(info, fd, Int(st.st_size))
            }
        }
        let id = try AgeIdentity.generate()
        let keyPath = dir + "/key.txt"
        try AgeKeyFile.write(id, to: keyPath)
        let backup = dir + "/crafted.age"
        _ = try BackupWriter(recipients: [try XCTUnwrap(try id.recipient())]).write(from: HostileSource(path: vault), to: .file(backup))
        let verify = vaultcli(["backup", "verify", backup, "-i", keyPath])
        let restore = vaultcli(["restore", backup, "-i", keyPath, "--vault", dir + "/restored"])
        for r in [verify, restore] {
            XCTAssertTrue((r.stdout + r.stderr).contains("T\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{9B}31m"), r.description)
            XCTAssertFalse((r.stdout + r.stderr).unicodeScalars.contains { DisplayText.isUnsafe($0) && $0 != "\n" }, r.description)
        }
    }

    // MARK: 4. Look-alike operators and accounts

    /// Confusables from Unicode's own data: for each letter of "owner", every source that
    /// confusables.txt maps to exactly that letter (invisible ones aside), put in its place.
    func confusableVariants(of word: String, limit: Int) throws -> [String] {
        let path = CLI.packageRoot.appendingPathComponent("Sources/Vault/Resources/unicode/confusables.txt").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var byTarget: [String: [Unicode.Scalar]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 2, let src = UInt32(f[0], radix: 16).flatMap(Unicode.Scalar.init),
                  let tgt = UInt32(f[1], radix: 16).flatMap(Unicode.Scalar.init), !f[1].contains(" ") else { continue }
            guard !src.properties.isDefaultIgnorableCodePoint, src.properties.generalCategory != .nonspacingMark else { continue }
            byTarget[String(Character(tgt)), default: []].append(src)
        }
        var out: [String] = []
        for (i, ch) in word.enumerated() {
            for src in byTarget[String(ch)] ?? [] {
                var chars = Array(word)
                chars[i] = Character(src)
                out.append(String(chars))
            }
        }
        XCTAssertGreaterThan(out.count, 50, "confusables.txt maps many characters to the letters of \(word)")
        // A deterministic spread over the whole list.
        let step = max(1, out.count / limit)
        return stride(from: 0, to: out.count, by: step).map { out[$0] }
    }

    func testLookAlikeAndInvisibleNamesAreRefusedAndChineseNamesWork() throws {
        initVault(admin: "owner")
        func add(_ name: String) -> CLIResult {
            vaultcli(["user", "add", name, "--role", "manager", "--vault", vault, "--user", "owner", "--password-stdin"], stdin: adminPassword + "\n" + cashierTemp + "\n")
        }
        // The attack from the issue: owner with a zero-width space; bidi controls; a soft hyphen;
        // a Hangul filler (NFKC makes U+3164 the invisible U+1160).
        for (name, cp) in [("owner\u{200B}", "U+200B"), ("ow\u{202E}renwo", "U+202E"), ("own\u{2066}er", "U+2066"), ("o\u{00AD}wner", "U+00AD"), ("owner\u{3164}", "U+1160")] {
            let r = add(name)
            assertError(r, status: 64, contains: cp)
            XCTAssertTrue(r.stderr.contains("invisible or direction-changing"), r.stderr)
        }
        // NFKC: the full-width form is the same name.
        assertError(add("ｏｗｎｅｒ"), status: 1, contains: "an operator named owner already exists")
        // Look-alikes from the Unicode data, and the hand-picked classics.
        let variants = try confusableVariants(of: "owner", limit: 16) + ["оwner", "0wner", "Owner", "owneг"]
        for v in variants {
            let r = add(v)
            XCTAssertNotEqual(r.status, 0, "\(v.unicodeScalars.map { String($0.value, radix: 16) }) was accepted")
            XCTAssertTrue(r.stderr.contains("looks like the existing operator owner") || r.stderr.contains("already exists")
                          || r.stderr.contains("invisible or direction-changing"), "\(v.debugDescription): \(r.stderr)")
        }
        // Chinese names work, in list and login, and are not one another's look-alikes.
        for n in ["小美", "王芳"] {
            let r = add(n)
            XCTAssertEqual(r.status, 0, "\(n): \(r.stderr)")
            XCTAssertEqual(asUser(n, cashierTemp, ["user", "passwd"], [cashierPass]).status, 0)
            XCTAssertEqual(asUser(n, cashierPass, ["login"]).status, 0)
        }
        let list = vaultcli(["user", "list", "--json", "--vault", vault, "--user", "owner", "--password-stdin"], stdin: adminPassword + "\n")
        let names = ((list.json as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.sorted()
        XCTAssertEqual(names, ["owner", "小美", "王芳"].sorted())
        // Account labels: NFKC, no invisible characters, no look-alikes of another label.
        func account(_ label: String) -> CLIResult {
            vaultcli(["account", "add", "--label=\(label)", "--service", "UnionPay", "--secret-stdin", "--vault", vault, "--user", "owner", "--password-stdin"],
                     stdin: adminPassword + "\nAcct-Secret-1!\n")
        }
        XCTAssertEqual(account("unionpay-main").status, 0)
        assertError(account("uniоnpay-main"), status: 64, contains: "looks like the existing account")
        assertError(account("union\u{200B}pay-main"), status: 64, contains: "U+200B")
        assertError(account("ｕｎｉｏｎｐａｙ-main"), status: 64, contains: "already exists")
        XCTAssertEqual(account("银联主账户").status, 0)
    }

    // MARK: 6. Identity and password files must be private

    func testLooseOrForeignKeyAndPasswordFilesAreRefusedWithTheFix() throws {
        initVault()
        let key = dir + "/recovery-key.txt"
        let kg = admin(["keygen", "-o", key, "--add-to-vault"])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let backup = dir + "/b.age"
        let b = vaultcli(["backup", "--to", backup, "--vault", vault])
        XCTAssertEqual(b.status, 0, b.stderr)
        let pw = dir + "/pw"
        XCTAssertTrue(FileManager.default.createFile(atPath: pw, contents: Data((adminPassword + "\n").utf8), attributes: [.posixPermissions: 0o600]))
        func verify() -> CLIResult { vaultcli(["backup", "verify", backup, "-i", key]) }
        func login() -> CLIResult { vaultcli(["login", "--vault", vault, "--user", "admin", "--password-file", pw]) }
        XCTAssertEqual(verify().status, 0)
        XCTAssertEqual(login().status, 0)
        // Group or other bits: refused, with the chmod to run.
        for mode in [0o644, 0o640, 0o604, 0o660] as [mode_t] {
            chmod(key, mode); chmod(pw, mode)
            for (r, what, path) in [(verify(), "identity file", key), (login(), "password file", pw)] {
                assertError(r, status: 64, contains: "the \(what) \(path) can be read by others (mode \(String(mode, radix: 8)))")
                XCTAssertTrue(r.stderr.contains("chmod 600 \(path)"), r.stderr)
            }
        }
        let rk = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--identity", key], stdin: "")
        assertError(rk, status: 64, contains: "can be read by others")
        chmod(key, 0o600); chmod(pw, 0o600)
        XCTAssertEqual(verify().status, 0)
        // Owned by someone else (needs root to set up): refused, with the chown to run.
        guard geteuid() == 0 else { return }
        XCTAssertEqual(chown(key, 65534, 65534), 0)
        XCTAssertEqual(chown(pw, 65534, 65534), 0)
        for (r, what, path) in [(verify(), "identity file", key), (login(), "password file", pw)] {
            assertError(r, status: 64, contains: "the \(what) \(path) is owned by user id 65534, not by you (0)")
            XCTAssertTrue(r.stderr.contains("chown 0 \(path)"), r.stderr)
        }
        chown(key, 0, 0); chown(pw, 0, 0)
        XCTAssertEqual(verify().status, 0)
        XCTAssertEqual(login().status, 0)
    }

    // MARK: 9. What a manager sees

    /// A manager holding the file and her own password: another manager's key copy, envelope
    /// (one-time-code secret, password history) stay closed to her keys; of a cashier she gets
    /// what managing needs (reset, unlock, codes off), not the history hashes.
    func testManagersCannotOpenOtherManagersSecrets() throws {
        initVault()
        let mgrPass = "Zp4@kW9#rT2$vM6!", mgr2Pass = "Qe7!uY3@oP9#aD5$"
        for (n, p) in [("mei", mgrPass), ("wang", mgr2Pass)] {
            XCTAssertEqual(admin(["user", "add", n, "--role", "manager"], [cashierTemp]).status, 0)
            XCTAssertEqual(asUser(n, cashierTemp, ["user", "passwd"], [p]).status, 0)
        }
        addCashier("lin")
        let en = asUser("wang", mgr2Pass, ["user", "totp", "enable", "--json"])
        XCTAssertEqual(en.status, 0, en.stderr)
        let secret = try XCTUnwrap((en.json as? [String: Any])?["secret"] as? String)
        let key = try XCTUnwrap(Base32.decode(secret))
        XCTAssertEqual(asUser("wang", mgr2Pass, ["user", "totp", "confirm"], [TOTP.code(secret: key, step: Int64(Date().timeIntervalSince1970) / 30)]).status, 0)

        // Through the library, as mei (a manager) with the file: wang's key copy and envelope
        // do not open; lin's key copy does (resets need it), but lin's hashes are not handed out.
        try {
            let v = try Vault.open(path: vault, access: .read)
            let mei = try v.unlock(user: "mei", password: try SecretBytes(utf8: mgrPass))
            let wangId = try XCTUnwrap(try v.operatorSlot(named: "wang")).operatorId
            let linId = try XCTUnwrap(try v.operatorSlot(named: "lin")).operatorId
            XCTAssertThrowsError(try v.record(.operatorSecrets, OperatorKeyCopy.self, subject: OperatorSubjects.keyCopy(wangId), keys: mei.keys))
            let wangProfile = try v.unlocked(by: mei).operators.profile(named: "wang")
            XCTAssertThrowsError(try v.personalKey(of: wangProfile, keys: mei.keys))
            XCTAssertThrowsError(try v.unlocked(by: mei).operators.passwordHashes(of: "wang"))
            XCTAssertNotNil(try v.record(.operatorSecrets, OperatorKeyCopy.self, subject: OperatorSubjects.keyCopy(linId), keys: mei.keys))
            XCTAssertThrowsError(try v.unlocked(by: mei).operators.passwordHashes(of: "lin"))
            XCTAssertEqual(try v.unlocked(by: mei).operators.passwordHashes(of: "mei").count, 2, "her own history")
            // The one-time-code secret is nowhere in the clear either.
            XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: vault)).range(of: Data(secret.utf8)))
        }()

        // Through the CLI: mei manages lin, not wang.
        assertError(asUser("mei", mgrPass, ["user", "passwd", "wang"], ["Hx3!qL8@nV5#bK2$"]), status: 11, contains: "for a manager")
        assertError(asUser("mei", mgrPass, ["user", "totp", "disable", "wang"]), status: 11, contains: "for a manager")
        for _ in 0..<10 { _ = asUser("wang", "wrong password", ["login"]) }
        assertError(asUser("mei", mgrPass, ["user", "unlock", "wang"]), status: 11, contains: "unlock a locked operator (for a manager)")
        XCTAssertEqual(admin(["user", "unlock", "wang"]).status, 0)
        for _ in 0..<10 { _ = asUser("lin", "wrong password", ["login"]) }
        XCTAssertEqual(asUser("mei", mgrPass, ["user", "unlock", "lin"]).status, 0)
        XCTAssertEqual(asUser("lin", cashierPass, ["login"]).status, 0)
        XCTAssertEqual(asUser("mei", mgrPass, ["user", "passwd", "lin"], ["Hx3!qL8@nV5#bK2$"]).status, 0)
    }

    // MARK: 7. Personal data off argv

    /// Usernames, phones and e-mails from a JSON document on stdin: the command line of every
    /// run below holds none of them (what `ps` and shell history would show).
    func testPersonalDataFromJSONOnStdinNotArgv() throws {
        initVault()
        let pw = dir + "/pw", sec = dir + "/secret"
        XCTAssertTrue(FileManager.default.createFile(atPath: pw, contents: Data((adminPassword + "\n").utf8), attributes: [.posixPermissions: 0o600]))
        XCTAssertTrue(FileManager.default.createFile(atPath: sec, contents: Data("Merchant-Secret-88!\n".utf8), attributes: [.posixPermissions: 0o600]))
        let personal = ["shop17-login", "13912345678", "boss@shop.example.com", "王芳", "13812345678", "lin@shop.example.com"]
        func run(_ args: [String], json: String) -> CLIResult {
            for a in args { for p in personal { XCTAssertFalse(a.contains(p), "personal data on argv: \(a)") } }
            return vaultcli(args + ["--vault", vault, "--user", "admin", "--password-file", pw], stdin: json)
        }
        var r = run(["account", "add", "--from-json", "-", "--secret-file", sec],
                    json: #"{"label": "unionpay-main", "service": "UnionPay", "username": "shop17-login", "phone": "13912345678", "email": "boss@shop.example.com", "notes": "王芳"}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = run(["account", "edit", "unionpay-main", "--from-json", "-"], json: #"{"username": "shop17-login", "email": ""}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        let shown = vaultcli(["account", "show", "unionpay-main", "--json", "--vault", vault, "--user", "admin", "--password-file", pw])
        let a = try XCTUnwrap(shown.json as? [String: Any])
        XCTAssertEqual(a["username"] as? String, "shop17-login")
        XCTAssertEqual(a["phone"] as? String, "13912345678")
        XCTAssertEqual(a["notes"] as? String, "王芳")
        XCTAssertNil(a["email"] as? String, "cleared by the edit: \(a)")
        r = run(["user", "add", "lin", "--role", "cashier", "--generate", "--from-json", "-"], json: #"{"phone": "13812345678", "email": "lin@shop.example.com"}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lin = vaultcli(["user", "show", "lin", "--json", "--vault", vault, "--user", "admin", "--password-file", pw])
        XCTAssertEqual((lin.json as? [String: Any])?["phone"] as? String, "13812345678")
        // Lookups too: account find takes the phone from the document.
        r = run(["account", "find", "--from-json", "-", "--json"], json: #"{"phone": "13912345678"}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("unionpay-main"), r.stdout)
        // recover username: the phone from a document file (stdin carries the answers), with the
        // same outcome as the phone given by flag.
        let lookup = dir + "/lookup.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: lookup, contents: Data(#"{"phone": "13812345678"}"#.utf8), attributes: [.posixPermissions: 0o600]))
        let byDocument = vaultcli(["recover", "username", "--vault", vault, "--from-json", lookup, "--stdin"], stdin: "a\nb\nc\n")
        let byFlag = vaultcli(["recover", "username", "--vault", vault, "--phone", "13812345678", "--stdin"], stdin: "a\nb\nc\n")
        XCTAssertEqual(byDocument.status, byFlag.status, byDocument.stderr)
        XCTAssertNotEqual(byDocument.status, 64, byDocument.stderr)
        // Clear refusals: stdin cannot carry both; a field in two places; an unknown key; not JSON.
        assertUsageError(["recover", "username", "--vault", vault, "--from-json", "-", "--stdin"], mentions: "--from-json - reads standard input")
        assertUsageError(["account", "add", "--from-json", "-", "--vault", vault, "--user", "admin", "--password-stdin"], mentions: "--from-json - reads standard input")
        assertUsageError(["user", "add", "wang", "--from-json", "-", "--vault", vault, "--user", "admin", "--password-file", pw], mentions: "--generate-strong or --new-password-file")
        assertError(run(["account", "add", "--label", "x1", "--username", "dup", "--from-json", "-", "--secret-file", sec], json: #"{"username": "dup"}"#),
                    status: 64, contains: "username is given both as --username and in the JSON document")
        assertError(run(["account", "add", "--from-json", "-", "--secret-file", sec], json: #"{"label": "x2", "pin": "1234"}"#), status: 64, contains: "the key \"pin\"")
        assertError(run(["account", "add", "--from-json", "-", "--secret-file", sec], json: "label=x3"), status: 64, contains: "does not hold one JSON object")
        XCTAssertEqual(vaultcli(["account", "list", "--json", "--vault", vault, "--user", "admin", "--password-file", pw]).json.map { ($0 as? [Any])?.count }, 1)
    }

    /// Without a terminal nothing is asked (stdin may carry other input): a command that would
    /// need to ask says which flags or `--from-json -` to use; `user edit` and `init` take the
    /// document too.
    func testPersonalDataWithoutATerminalNamesTheFlagsAndTheDocument() throws {
        initVault()
        let pw = dir + "/pw"
        XCTAssertTrue(FileManager.default.createFile(atPath: pw, contents: Data((adminPassword + "\n").utf8), attributes: [.posixPermissions: 0o600]))
        let auth = ["--vault", vault, "--user", "admin", "--password-file", pw]
        XCTAssertEqual(vaultcli(["account", "add", "--label", "till", "--secret-stdin"] + auth, stdin: "4729\n").status, 0)
        let edit = vaultcli(["account", "edit", "till"] + auth)
        assertError(edit, status: 64, contains: "nothing to change was given, and there is no terminal to ask on")
        XCTAssertTrue(edit.stderr.contains("--from-json -"), edit.stderr)
        assertUsageError(["user", "edit", "admin"] + auth, mentions: "--from-json FILE or --from-json -")
        var r = vaultcli(["user", "edit", "admin", "--from-json", "-"] + auth, stdin: #"{"phone": "+8613912345678", "email": "owner@shop.example.com"}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        var me = try XCTUnwrap(vaultcli(["user", "show", "--json"] + auth).json as? [String: Any])
        XCTAssertEqual(me["phone"] as? String, "+8613912345678")
        r = vaultcli(["user", "edit", "admin", "--from-json", "-"] + auth, stdin: #"{"email": ""}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        me = try XCTUnwrap(vaultcli(["user", "show", "--json"] + auth).json as? [String: Any])
        XCTAssertNil(me["email"] as? String, "\"\" clears it: \(me)")
        assertError(vaultcli(["user", "edit", "admin", "--from-json", "-"] + auth, stdin: "{}"), status: 64, contains: "gives neither")
        // init: the first admin's phone from the document (the password from a file then).
        let v2 = dir + "/vault2"
        r = vaultcli(["init", "--vault", v2, "--password-file", pw, "--terminal-id", "T-0018", "--from-json", "-"], stdin: #"{"phone": "13812345678"}"#)
        XCTAssertEqual(r.status, 0, r.stderr)
        let boss = try XCTUnwrap(vaultcli(["user", "show", "--json", "--vault", v2, "--user", "admin", "--password-file", pw]).json as? [String: Any])
        XCTAssertEqual(boss["phone"] as? String, "13812345678")
        assertUsageError(["init", "--vault", dir + "/vault3", "--password-stdin", "--from-json", "-"], mentions: "--from-json - reads standard input")
        // Lookups with nothing given and no terminal name the flags and the document.
        let find = vaultcli(["account", "find"] + auth)
        assertError(find, status: 64, contains: "give --phone, --email, --username")
        XCTAssertTrue(find.stderr.contains("--from-json -"), find.stderr)
        let recover = vaultcli(["recover", "username", "--vault", vault, "--stdin"], stdin: "a\n")
        assertError(recover, status: 64, contains: "give one of --phone or --email")
        XCTAssertTrue(recover.stderr.contains("--from-json"), recover.stderr)
        // The help says what flags cost (the man pages are made from it).
        let help = vaultcli(["account", "add", "--help"]).stdout
        XCTAssertTrue(help.contains("ps") && help.contains("history") && help.contains("--from-json"), help)
    }
}
