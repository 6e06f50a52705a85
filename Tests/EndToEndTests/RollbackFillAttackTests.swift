import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// The whole vault file put back to an older copy, then topped up with audit events until it
/// holds as many as the admin last saw (docs/SECURITY.md, "Rolling the whole file back"). Anyone
/// can add audit events (a refused login is audited, and so is a cashier's work), and the audit
/// chain's key runs forward without the events' content, so counting events and running the key
/// forward cannot tell the copy from the file the admin saw: the admin's next login must still
/// refuse it, because the event at the seen position is not the one the admin saw.
final class RollbackFillAttackTests: EndToEndTestCase {
    let cashierTemp = "kT7#vQ9!mZ2@pL4x"
    let cashierPass = "Rw8$nB3%yH6^cJ1z"

    override func setUp() {
        super.setUp()
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        // Each test starts with no last-seen record (the vault id is new anyway).
        let state = CLIHarness.stateHome + "/vaultcli"
        for f in (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? [] { try? FileManager.default.removeItem(atPath: state + "/" + f) }
    }

    func admin(_ args: [String], password: String? = nil, env: [String: String] = [:]) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: (password ?? adminPassword) + "\n", env: env)
    }
    func lin(_ args: [String], _ extraLines: [String] = []) -> CLIResult {
        vaultcli(args + ["--vault", vault, "--user", "lin", "--password-stdin"], stdin: ([cashierPass] + extraLines).map { $0 + "\n" }.joined())
    }

    func setUpShop() {
        initVault()
        XCTAssertEqual(vaultcli(["user", "add", "lin", "--role", "cashier", "--vault", vault, "--user", "admin", "--password-stdin"],
                                stdin: adminPassword + "\n" + cashierTemp + "\n").status, 0)
        XCTAssertEqual(vaultcli(["user", "passwd", "--vault", vault, "--user", "lin", "--password-stdin"],
                                stdin: cashierTemp + "\n" + cashierPass + "\n").status, 0)
    }

    /// How many audit events the vault file holds (its audit-chain record), read as anyone can.
    func auditEvents() throws -> UInt64 {
        let v = try Vault.open(path: vault, access: .read)
        return try XCTUnwrap(v.file.auditChain).seq
    }

    var stateDir: String { CLIHarness.stateHome + "/vaultcli" }
    func stateFiles() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: stateDir).filter { $0.hasPrefix("last-seen-") } }

    func assertRolledBack(_ r: CLIResult, _ detail: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 6, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("rolled back to an earlier copy"), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(detail), "expected \"\(detail)\" in: \(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("vaultcli restore"), r.stderr, file: file, line: line)
    }

    /// An older copy, the admin's login (the record is written), K audited actions after the
    /// copy; returns the copy and the number of events the admin saw.
    func olderCopyAndWhatTheAdminSaw() throws -> (Data, UInt64) {
        setUpShop()
        XCTAssertEqual(admin(["login"]).status, 0)
        let old = try Data(contentsOf: URL(fileURLWithPath: vault))
        let before = try auditEvents()
        for i in 0..<2 { XCTAssertEqual(lin(["tx", "add", "--amount", "1\(i).50", "--reference", "POS-\(i)"]).status, 0) }
        XCTAssertEqual(admin(["login"]).status, 0)
        let seen = try auditEvents()
        XCTAssertGreaterThan(seen, before)
        try old.write(to: URL(fileURLWithPath: vault))
        XCTAssertEqual(try auditEvents(), before)
        return (old, seen)
    }

    // The gap filled with refused admin logins (a wrong password: audited, needs no key).
    func testAnOlderCopyToppedUpWithRefusedLoginsIsNoticed() throws {
        let (_, seen) = try olderCopyAndWhatTheAdminSaw()
        var k = 0
        while try auditEvents() < seen {
            let r = admin(["login"], password: "Wrong-Password-\(k)")
            XCTAssertEqual(r.status, 5, r.stderr)
            k += 1
        }
        XCTAssertGreaterThan(k, 0)
        XCTAssertEqual(try auditEvents(), seen, "as many events as the admin saw")
        assertRolledBack(admin(["tx", "list"]), "its audit log does not continue the one admin last saw")
        // Refused again at the next try: the refusal does not take the copy as seen.
        assertRolledBack(admin(["login"]), "its audit log does not continue the one admin last saw")
    }

    // The gap filled (and overrun) with a cashier's ordinary work.
    func testAnOlderCopyToppedUpWithACashiersWorkIsNoticed() throws {
        let (_, seen) = try olderCopyAndWhatTheAdminSaw()
        var k = 0
        while try auditEvents() <= seen {
            XCTAssertEqual(lin(["tx", "add", "--amount", "9.99", "--reference", "FILL-\(k)"]).status, 0)
            k += 1
        }
        XCTAssertGreaterThan(try auditEvents(), seen)
        assertRolledBack(admin(["login"]), "its audit log does not continue the one admin last saw")
    }

    // One event short: the admin's own login must not be the event that fills the gap.
    func testTheAdminsOwnLoginDoesNotFillTheGap() throws {
        let (_, seen) = try olderCopyAndWhatTheAdminSaw()
        var k = 0
        while try auditEvents() < seen - 1 {
            XCTAssertEqual(admin(["login"], password: "Wrong-Password-\(k)").status, 5)
            k += 1
        }
        XCTAssertEqual(try auditEvents(), seen - 1, "a refused login writes one event")
        assertRolledBack(admin(["login"]), "it holds \(seen - 1) audit events, but \(seen) were there when admin last logged in")
    }

    // The legitimate flows: everyday use, a compaction in between, a cashier's work in between.
    func testNormalUseAndCompactionStillPass() throws {
        setUpShop()
        XCTAssertEqual(admin(["login"]).status, 0)
        XCTAssertEqual(lin(["tx", "add", "--amount", "3.00", "--reference", "A"]).status, 0)
        XCTAssertEqual(admin(["tx", "list"]).status, 0)
        XCTAssertEqual(admin(["login"], password: "Wrong-Password-x").status, 5)
        XCTAssertEqual(admin(["login"]).status, 0)
        // A compaction (every commit made with every key, in this debug knob) rewrites the file:
        // the events, and the one the admin saw, are carried over as they were.
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: vault)[.size] as! Int
        let r = vaultcli(["account", "add", "--label", "l1", "--service", "S", "--username", "u", "--secret-stdin", "--vault", vault, "--user", "admin", "--password-stdin"],
                         stdin: adminPassword + "\nS3cret-Value-1!\n", env: ["VAULTCLI_TEST_COMPACT": "always"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sizeAfter = try FileManager.default.attributesOfItem(atPath: vault)[.size] as! Int
        XCTAssertNotEqual(sizeBefore, sizeAfter)
        XCTAssertEqual(admin(["login"]).status, 0)
        XCTAssertEqual(admin(["login"], env: ["VAULTCLI_TEST_COMPACT": "always"]).status, 0)
        XCTAssertEqual(lin(["tx", "add", "--amount", "4.00", "--reference", "B"]).status, 0)
        XCTAssertEqual(admin(["login"]).status, 0)
        // And a copy from before the compaction, topped up, is still refused.
        let old = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertEqual(admin(["login"], env: ["VAULTCLI_TEST_COMPACT": "always"]).status, 0)
        let seen = try auditEvents()
        try old.write(to: URL(fileURLWithPath: vault))
        var k = 0
        while try auditEvents() < seen {
            XCTAssertEqual(admin(["login"], password: "Wrong-Password-\(k)").status, 5)
            k += 1
        }
        assertRolledBack(admin(["login"]), "its audit log does not continue the one admin last saw")
    }

    /// Writes a last-seen record in the old layout (version 1: rotations, events, chain key), as
    /// the previous version wrote it for the vault as it is now.
    func writeVersion1State() throws -> String {
        let v = try Vault.open(path: vault, access: .read)
        let s = try v.unlock(user: "admin", password: try SecretBytes(utf8: adminPassword))
        let pk = try XCTUnwrap(s.personalKey)
        let chain = try XCTUnwrap(v.file.auditChain)
        let rotations = UInt64(try v.settings().rotations ?? 0)
        let id = v.file.header.vaultId
        let key = try HKDF.deriveSecret(ikm: pk, salt: id, info: "vaultcli v2 last seen")
        var w = ByteWriter()
        w.u64(rotations); w.u64(chain.seq); w.raw(chain.key)
        let blob = [UInt8(1)] + (try XChaCha20Poly1305.seal(w.bytes, key: key, ad: Array("vaultcli v2 last seen".utf8) + id + s.operatorId))
        try FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
        let path = stateDir + "/" + v.unlocked(by: s).lastSeenFileName
        try Data(blob).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    // A record written by the previous version (layout 1) is still read, and upgraded to
    // layout 2 at the next successful login; a copy rolled back behind it is still refused.
    func testAVersion1RecordIsReadAndUpgraded() throws {
        setUpShop()
        XCTAssertEqual(lin(["tx", "add", "--amount", "5.00", "--reference", "C"]).status, 0)
        let old = try Data(contentsOf: URL(fileURLWithPath: vault))
        XCTAssertEqual(lin(["tx", "add", "--amount", "6.00", "--reference", "D"]).status, 0)
        let path = try writeVersion1State()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).first, 1)
        XCTAssertEqual(admin(["login"]).status, 0)
        XCTAssertEqual(try stateFiles().count, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).first, 2, "upgraded to layout 2")
        XCTAssertEqual(admin(["login"]).status, 0)

        // Behind a version-1 record: fewer events than it names is refused as before.
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(admin(["login"]).status, 0)
        _ = try writeVersion1State()
        try old.write(to: URL(fileURLWithPath: vault))
        assertRolledBack(admin(["login"]), "audit events, but")
    }
}
