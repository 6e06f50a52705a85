import XCTest
@testable import Vault
@testable import VaultCrypto

/// The admin's last-seen record (LastSeen.swift) through the library: an older copy of the file
/// topped up with keyless audit events (as anyone can add them) is refused; the vault as it goes
/// on, a compaction, and a record in the old layout (version 1) pass.
final class LastSeenTests: VaultTestCase {
    var state: String { dir + "/state/last-seen" }

    func session(_ v: Vault) throws -> Session { try v.unlock(user: "admin", password: pw(adminPassword)) }

    /// Opens the vault for writing, then checks and records, as an admin login does.
    func check(_ path: String, mark: Bool = true, beforeCheck: (Vault) throws -> Void = { _ in }) throws {
        let v = try Vault.open(path: path, access: .write)
        let m = v.lastSeenMark()
        let s = try session(v)
        try beforeCheck(v)
        try v.unlocked(by: s).checkLastSeen(statePath: state, before: mark ? m : nil)
    }

    func events(_ path: String) throws -> UInt64 { try XCTUnwrap(try Vault.open(path: path, access: .read).file.auditChain).seq }

    func addEvents(_ path: String, count: Int, actor: String = "(unknown)") throws {
        let v = try Vault.open(path: path, access: .write)
        for _ in 0..<count { try v.appendAudit([AuditEvent(actor: actor, action: "login", outcome: "failed")]) }
    }

    func isRolledBack(_ body: () throws -> Void, _ detail: String, file: StaticString = #filePath, line: UInt = #line) {
        let e = expectVaultError(body, file: file, line: line)
        guard case .rolledBack(_, let d, let p)? = e else { return XCTFail("expected rolledBack, got \(String(describing: e))", file: file, line: line) }
        XCTAssertEqual(p, state, file: file, line: line)
        XCTAssertTrue(d.contains(detail), "expected \"\(detail)\" in: \(d)", file: file, line: line)
    }

    func testAnOlderCopyToppedUpWithEventsIsRefused() throws {
        let path = try makeVault()
        try check(path)
        let old = try Data(contentsOf: URL(fileURLWithPath: path))
        try addEvents(path, count: 3, actor: "admin")
        try check(path)
        let seen = try events(path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: state)).first, 2)
        try old.write(to: URL(fileURLWithPath: path))
        try addEvents(path, count: Int(seen - (try events(path))))
        XCTAssertEqual(try events(path), seen)
        isRolledBack({ try check(path) }, "its audit log does not continue the one admin last saw")
        // More events than seen: still not the one seen.
        try addEvents(path, count: 2)
        isRolledBack({ try check(path) }, "its audit log does not continue the one admin last saw")
    }

    func testTheVaultAsItGoesOnPasses() throws {
        let path = try makeVault()
        try check(path)
        try addEvents(path, count: 2)
        try check(path)
        // An event written after the mark (the login's own) is covered by the record.
        try check(path) { try $0.appendAudit([AuditEvent(actor: "admin", action: "login")]) }
        try check(path)
        try check(path, mark: false)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: state)).first, 2)
    }

    func testTheLoginsOwnEventDoesNotFillTheGap() throws {
        let path = try makeVault()
        try check(path)
        let old = try Data(contentsOf: URL(fileURLWithPath: path))
        let before = try events(path)
        try addEvents(path, count: 2, actor: "admin")
        try check(path)
        let seen = try events(path)
        XCTAssertEqual(seen, before + 2)
        try old.write(to: URL(fileURLWithPath: path))
        try addEvents(path, count: 1)
        // The login's own event goes in after the mark: the vault was found one event short.
        isRolledBack({
            try check(path) { try $0.appendAudit([AuditEvent(actor: "admin", action: "login")]) }
        }, "it holds \(seen - 1) audit events, but \(seen) were there when admin last logged in")
    }

    func testCompactionKeepsTheSeenEvent() throws {
        let path = try makeVault()
        try addEvents(path, count: 3, actor: "admin")
        try check(path)
        let seen = try events(path)
        let sizeBefore = try Data(contentsOf: URL(fileURLWithPath: path)).count
        do {
            let v = try Vault.open(path: path, access: .write)
            _ = try v.file.compact(keys: try session(v).keys)
        }
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, sizeBefore)
        XCTAssertEqual(try events(path), seen)
        XCTAssertNoThrow(try check(path))
        try addEvents(path, count: 1)
        XCTAssertNoThrow(try check(path))
    }

    func testAVersion1RecordIsReadThenWrittenAsVersion2() throws {
        let path = try makeVault()
        try addEvents(path, count: 2)
        let old = try Data(contentsOf: URL(fileURLWithPath: path))
        try addEvents(path, count: 1)
        func writeV1() throws {
            let v = try Vault.open(path: path, access: .read)
            let s = try session(v)
            let pk = try XCTUnwrap(s.personalKey)
            let chain = try XCTUnwrap(v.file.auditChain)
            let id = v.file.header.vaultId
            let key = try HKDF.deriveSecret(ikm: pk, salt: id, info: "vaultcli v2 last seen")
            var w = ByteWriter()
            w.u64(UInt64(try v.settings().rotations ?? 0)); w.u64(chain.seq); w.raw(chain.key)
            let blob = [UInt8(1)] + (try XChaCha20Poly1305.seal(w.bytes, key: key, ad: Array("vaultcli v2 last seen".utf8) + id + s.operatorId))
            try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
            try Data(blob).write(to: URL(fileURLWithPath: state))
        }
        try writeV1()
        try check(path)
        let upgraded = try Data(contentsOf: URL(fileURLWithPath: state))
        XCTAssertEqual(upgraded.first, 2)
        XCTAssertEqual(upgraded.count, 1 + 24 + 80 + 16)
        try check(path)
        // Behind a version-1 record: fewer events is refused.
        try writeV1()
        try old.write(to: URL(fileURLWithPath: path))
        isRolledBack({ try check(path) }, "audit events, but")
        // Another version byte is unreadable, not taken as version 1 or 2.
        var bad = upgraded; bad[0] = 3
        try bad.write(to: URL(fileURLWithPath: state))
        guard case .lastSeenUnreadable? = expectVaultError({ try check(path) }) else { return XCTFail("expected lastSeenUnreadable") }
    }
}
