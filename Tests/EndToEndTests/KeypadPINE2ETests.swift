import Foundation
import XCTest

/// Account PINs that are keypad patterns (rows, columns, diagonals of a phone keypad or a numeric
/// keypad, both ways, one after another) are refused by `account add --pin` and `account edit`,
/// through the built binary; the vault keeps what it had.
final class KeypadPINE2ETests: EndToEndTestCase {
    func admin(_ args: [String], stdin extra: String) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + extra)
    }

    /// Every keypad pattern named in issue 14, and each straight line of a 3x3 keypad twice over
    /// (its rows, columns and diagonals in both directions), with 0 below.
    static let patterns: [String] = {
        var p = ["147258", "258369", "159357", "2580", "1470", "3690", "7410", "0852", "147258369", "369258", "951753",
                 "741852", "852963", "1472583690", "25800852", "357159"]
        let lines = ["123", "456", "789", "147", "258", "369", "159", "357"]
        for l in lines {
            let r = String(l.reversed())
            p += [l + r, r + l, l + "0", r + "0"]
        }
        return p
    }()

    func testKeypadPatternsAreRefusedAsAccountPINs() throws {
        initVault()
        for pin in Self.patterns {
            let r = admin(["account", "add", "--label", "till-\(pin)", "--pin", "--secret-stdin"], stdin: pin + "\n")
            assertError(r, status: 64, contains: "PIN is a")
            XCTAssertTrue(r.stderr.contains("genpass --pin"), r.stderr)
            XCTAssertFalse(r.stderr.contains(pin), "the PIN is not echoed: \(r.stderr)")
        }
        XCTAssertTrue(admin(["account", "add", "--label", "till-keypad", "--pin", "--secret-stdin"], stdin: "147258\n")
            .stderr.contains("keypad pattern"))
        // No refused PIN was stored.
        let list = admin(["account", "list", "--json"], stdin: "")
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count, 0, list.stdout)

        // A PIN that is no pattern is stored; changing it to a pattern is refused and keeps it.
        XCTAssertEqual(admin(["account", "add", "--label", "till", "--pin", "--secret-stdin"], stdin: "4829\n").status, 0)
        assertError(admin(["account", "edit", "till", "--secret", "--secret-stdin"], stdin: "2580\n"), status: 64, contains: "keypad pattern")
        let shown = admin(["account", "show", "till", "--reveal", "--json"], stdin: "")
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let j = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(j?["secret"] as? String, "4829")
        // genpass --pin never makes one.
        let g = vaultcli(["genpass", "--pin", "6", "--count", "300"])
        XCTAssertEqual(g.status, 0, g.stderr)
        for pin in g.stdout.split(separator: "\n").map(String.init) { XCTAssertFalse(Self.patterns.contains(pin), pin) }
    }
}
