import Foundation
import XCTest

/// One-time codes end to end, with oathtool (its default options: HMAC-SHA-1, as every phone
/// app uses) as the authenticator, and zbarimg reading the QR code back.
final class TOTPE2ETests: EndToEndTestCase {
    /// The instant every command of a test checks codes against (VAULTCLI_TEST_TOTP_TIME, a
    /// debug-build knob) and oathtool makes them for: a busy machine can take more than 30 s
    /// between making a code and checking it, and a test must not fail for that.
    var now = Date()

    override func setUp() {
        super.setUp()
        now = Date()
    }

    @discardableResult
    override func vaultcli(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> CLIResult {
        var e = env
        e["VAULTCLI_TEST_TOTP_TIME"] = String(Int64(now.timeIntervalSince1970))
        return super.vaultcli(args, stdin: stdin, env: e)
    }

    func tool(_ path: String, _ args: [String]) throws -> (status: Int32, out: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("\(path) is not installed (.ci/run installs it)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(); p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// oathtool with its default algorithm (SHA-1) unless told otherwise.
    func oathtool(_ secret: String, at date: Date? = nil, algorithm: String? = nil) throws -> String {
        let totp = algorithm.map { "--totp=\($0)" } ?? "--totp"
        let r = try tool("/usr/bin/oathtool", [totp, "--base32", secret] + ["--now", utc(date ?? now)])
        XCTAssertEqual(r.status, 0)
        return r.out
    }

    func utc(_ d: Date) -> String {
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return f.string(from: d)
    }

    func enrol(_ extra: [String] = []) throws -> [String: Any] {
        let en = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--json"] + extra, stdin: adminPassword + "\n")
        XCTAssertEqual(en.status, 0, en.stderr)
        return try JSONSerialization.jsonObject(with: en.stdoutData) as! [String: Any]
    }

    func login(code: String?) -> CLIResult {
        vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + (code.map { $0 + "\n" } ?? ""))
    }

    func auditOutcomes(code: String) throws -> String {
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "login", "--json"],
                             stdin: adminPassword + "\n" + code + "\n")
        XCTAssertEqual(audit.status, 0, audit.stderr)
        return audit.stdout
    }

    func testEnrolWithOathtoolDefaultsThenEveryWayACodeCanFailSaysWhy() throws {
        _ = try tool("/usr/bin/oathtool", ["--version"])
        initVault()
        let j = try enrol()
        let secret = j["secret"] as! String
        XCTAssertEqual(j["algorithm"] as? String, "SHA1")
        XCTAssertTrue((j["uri"] as! String).contains("algorithm=SHA1"), "\(j)")
        XCTAssertEqual(Base32Length.bytes(secret), 20, "a 160-bit secret for SHA-1 (RFC 4226)")
        // Not on until confirmed: login still needs no code.
        XCTAssertEqual(login(code: nil).status, 0)
        assertError(vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n000000\n"),
                    status: 64, contains: "does not match")
        let first = try oathtool(secret)
        let ok = vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + first + "\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        // The enrolment's own code cannot log in a second time, nor an earlier one.
        assertError(login(code: first), status: 5, contains: "already used")
        assertError(login(code: try oathtool(secret, at: now.addingTimeInterval(-30))), status: 5, contains: "already used")
        // No code: it says so (not "no terminal"), with the way to give one.
        let missing = login(code: nil)
        assertError(missing, status: 5, contains: "none was given")
        XCTAssertTrue(missing.stderr.contains("--password-stdin"), missing.stderr)
        // A code from a phone whose clock is five minutes fast: the offset is named.
        let skew = login(code: try oathtool(secret, at: now.addingTimeInterval(300)))
        assertError(skew, status: 5, contains: "ahead")
        XCTAssertTrue(skew.stderr.contains("clock"), skew.stderr)
        assertError(login(code: "12345"), status: 5, contains: "6 digits")
        // Wrong: a code for another secret.
        let other = try oathtool("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        let wrong = login(code: other)
        XCTAssertEqual(wrong.status, 5, wrong.stderr)
        // The next step's code works once (the app's clock may run a step ahead), and every
        // failure above is in the audit log, by kind.
        let next = try oathtool(secret, at: now.addingTimeInterval(30))
        let outcomes = try auditOutcomes(code: next)
        for kind in ["already used", "missing", "clock skew", "malformed"] {
            XCTAssertTrue(outcomes.contains("failed: one-time code \(kind)"), "\(kind): \(outcomes)")
        }
        assertError(login(code: next), status: 5, contains: "already used")
        // The secret is nowhere in the vault in the clear.
        XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: vault)).range(of: Data(secret.utf8)))
    }

    func testFailedCodesCountTowardTheLockout() throws {
        _ = try tool("/usr/bin/oathtool", ["--version"])
        initVault()
        let secret = try enrol()["secret"] as! String
        XCTAssertEqual(vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"],
                                stdin: adminPassword + "\n" + (try oathtool(secret)) + "\n").status, 0)
        // The default policy locks after 10 failures: ten right passwords with missing codes lock.
        for _ in 0..<10 { XCTAssertEqual(login(code: nil).status, 5) }
        assertError(login(code: try oathtool(secret, at: now.addingTimeInterval(30))), status: 12, contains: "locked")
    }

    func testSHA256OnRequestAndTheQRCodeScansBackToTheURI() throws {
        _ = try tool("/usr/bin/oathtool", ["--version"])
        _ = try tool("/usr/bin/zbarimg", ["--version"])
        initVault()
        let png = dir + "/totp.png"
        let j = try enrol(["--algorithm", "sha256", "--qr-png", png])
        let secret = j["secret"] as! String
        let uri = j["uri"] as! String
        XCTAssertTrue(uri.contains("algorithm=SHA256"))
        // The PNG holds the secret: 0600, and it reads back to exactly the URI.
        var st = stat()
        XCTAssertEqual(stat(png, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
        let scanned = try tool("/usr/bin/zbarimg", ["--raw", "-q", png])
        XCTAssertEqual(scanned.status, 0)
        XCTAssertEqual(scanned.out, uri)
        // An existing file is never overwritten, and that is said before any password is asked.
        let exists = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--qr-png", png], stdin: "")
        XCTAssertEqual(exists.status, 64, exists.stderr)
        XCTAssertTrue(exists.stderr.contains("already exists"), exists.stderr)
        let md5 = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--algorithm", "md5"], stdin: "")
        XCTAssertEqual(md5.status, 64, md5.stderr)
        XCTAssertTrue(md5.stderr.contains("use sha1"), md5.stderr)
        XCTAssertEqual(vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"],
                                stdin: adminPassword + "\n" + (try oathtool(secret, algorithm: "sha256")) + "\n").status, 0)
        XCTAssertEqual(login(code: try oathtool(secret, at: now.addingTimeInterval(30), algorithm: "sha256")).status, 0)
        // SHA-1 codes of the same secret do not pass for a SHA-256 enrolment.
        XCTAssertEqual(login(code: try oathtool(secret, at: now.addingTimeInterval(30))).status, 5)
    }

    func testTheQRCodeIsDrawnInTheTerminal() throws {
        initVault()
        let r = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--qr"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let blocks = r.stdout.split(separator: "\n").filter { $0.unicodeScalars.allSatisfy { " ▀▄█".unicodeScalars.contains($0) } && !$0.isEmpty }
        // A version-N code is 17+4N modules, plus a quiet zone of 2 each side, two rows a line.
        XCTAssertGreaterThanOrEqual(blocks.count, (25 + 4 + 1) / 2, r.stdout)
        XCTAssertEqual(Set(blocks.map { $0.unicodeScalars.count }).count, 1, "every line is as wide as the code")
        XCTAssertTrue(r.stdout.contains("or type the key:"))
        // Without --qr and not on a terminal, no drawing.
        let plain = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertFalse(plain.stdout.contains("█"))
    }
}

extension TOTPE2ETests {
    /// A sole admin with one-time codes loses her phone: a recovery code resets her password
    /// and turns the codes off, so she can log in and enrol a new phone.
    func testARecoveryCodeAlsoTurnsOneTimeCodesOff() throws {
        _ = try tool("/usr/bin/oathtool", ["--version"])
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let codes = r.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            return parts.count == 2 && Int(parts[0]) != nil ? String(parts[1]) : nil
        }
        XCTAssertEqual(codes.count, 10)
        let secret = try enrol()["secret"] as! String
        XCTAssertEqual(vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"],
                                stdin: adminPassword + "\n" + (try oathtool(secret)) + "\n").status, 0)
        // The phone is gone: the password alone no longer logs in.
        XCTAssertEqual(login(code: nil).status, 5)
        let newPassword = "Fresh-Kite-Harbor-3141!"
        let rec = vaultcli(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: "\(codes[0])\n\(newPassword)\n")
        XCTAssertEqual(rec.status, 0, rec.stderr)
        XCTAssertTrue(rec.stdout.contains("One-time codes are now off for admin"), rec.stdout)
        XCTAssertTrue(rec.stdout.contains("vaultcli user totp enable --user admin"), rec.stdout)
        let back = vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: newPassword + "\n")
        XCTAssertEqual(back.status, 0, back.stderr)
        let audit = vaultcli(["audit", "list", "--action", "recover.password", "--json", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: newPassword + "\n")
        XCTAssertTrue(audit.stdout.contains("one-time codes turned off"), audit.stdout)
        // The hint works as written: a new phone can be enrolled.
        let again = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--json"], stdin: newPassword + "\n")
        XCTAssertEqual(again.status, 0, again.stderr)
    }
}

private enum Base32Length {
    static func bytes(_ s: String) -> Int { s.filter { $0 != "=" }.count * 5 / 8 }
}
