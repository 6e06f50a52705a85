import Foundation
import XCTest

/// One-time codes end to end, with oathtool as the authenticator.
final class TOTPE2ETests: EndToEndTestCase {
    func oathtool(_ secret: String, offset: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/oathtool")
        p.arguments = ["--totp=sha256", "--base32", secret] + (offset.map { ["--now", $0] } ?? [])
        let out = Pipe(); p.standardOutput = out
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func utc(_ d: Date) -> String {
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return f.string(from: d)
    }

    func testEnrolWithOathtoolThenLoginNeedsTheCode() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool") else { throw XCTSkip("oathtool is not installed (.ci/run installs it)") }
        initVault()
        let en = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(en.status, 0, en.stderr)
        let j = try JSONSerialization.jsonObject(with: en.stdoutData) as! [String: Any]
        let secret = j["secret"] as! String
        XCTAssertTrue((j["uri"] as! String).contains("algorithm=SHA256"))
        // Not on until confirmed: login still needs no code.
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        assertError(vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n000000\n"),
                    status: 64, contains: "does not match")
        let ok = vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + (try oathtool(secret)) + "\n")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        // Now a code is needed, and the one used to confirm cannot be replayed.
        assertError(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + (try oathtool(secret)) + "\n"),
                    status: 5, contains: "wrong user name or password")
        assertError(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n"),
                    status: 64, contains: "one-time code")
        let old = vaultcli(["user", "show", "--vault", vault, "--user", "admin", "--password-stdin", "--json"],
                           stdin: adminPassword + "\n" + (try oathtool(secret, offset: utc(Date().addingTimeInterval(-30)))) + "\n")
        XCTAssertEqual(old.status, 5, "a code from before the last used one is refused: \(old.stderr)")
        // The next step's code works once (the app's clock may run a step ahead), and the
        // failures above are in the audit log.
        let next = try oathtool(secret, offset: utc(Date().addingTimeInterval(30)))
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin", "--action", "login", "--json"],
                             stdin: adminPassword + "\n" + next + "\n")
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.contains("failed: one-time code"), audit.stdout)
        assertError(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + next + "\n"),
                    status: 5, contains: "wrong user name or password")
        // The secret is nowhere in the vault in the clear.
        XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: vault)).range(of: Data(secret.utf8)))
    }
}
