import XCTest
@testable import Vault

/// The fuzz targets' seed corpora and every crash the fuzzers found (fixtures/fuzz), run
/// through the same entry functions as the libFuzzer executable, without sanitizers. A crash
/// or a broken property traps the test process; so does a regression of a fixed crash.
final class FuzzRegressionTests: VaultTestCase {
    static let fuzzRoot = Fixtures.url("fuzz")

    override func tearDown() {
        FuzzTargets.cleanUp()
        super.tearDown()
    }

    func files(_ dir: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEveryTargetHasSeedsAndRunsThemAll() throws {
        XCTAssertFalse(FuzzTargets.run("no-such-target", [1, 2, 3]), "an unknown target must be refused")
        var total = 0
        for t in FuzzTargets.names {
            let seeds = try files(Self.fuzzRoot.appendingPathComponent(t))
            XCTAssertFalse(seeds.isEmpty, "fixtures/fuzz/\(t) has no seeds (scripts/fuzz.sh seeds)")
            for f in seeds {
                XCTAssertTrue(FuzzTargets.run(t, Array(try Data(contentsOf: f))), "\(t): \(f.lastPathComponent)")
                total += 1
            }
        }
        XCTAssertGreaterThan(total, 200)
    }

    /// fixtures/fuzz/crashes/<target>/<file>: every input that once crashed a target.
    func testEveryCrashFixtureRunsClean() throws {
        let root = Self.fuzzRoot.appendingPathComponent("crashes")
        let targets = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertFalse(targets.isEmpty)
        for t in targets {
            XCTAssertTrue(FuzzTargets.names.contains(t), "fixtures/fuzz/crashes/\(t) names no target")
            for f in try files(root.appendingPathComponent(t)) {
                XCTAssertTrue(FuzzTargets.run(t, Array(try Data(contentsOf: f))), "\(t): \(f.lastPathComponent)")
            }
        }
    }

    /// The keyed targets are worth running only if their seeds get past the key: the seed
    /// vaults unlock with the fixture password, and the age seeds decrypt with the fixed identity.
    func testSeedsGetPastTheirKeys() throws {
        for name in ["v1-vault", "v2-vault"] {
            let path = dir + "/" + name
            try FileManager.default.copyItem(atPath: Self.fuzzRoot.appendingPathComponent("vault-file/\(name)").path, toPath: path)
            let v = try Vault.open(path: path, access: .read)
            let s = try v.unlock(user: FuzzTargets.ownerName, password: pw(FuzzTargets.ownerPassword))
            XCTAssertEqual(s.role, .admin, name)
            XCTAssertTrue(try v.unlocked(by: s).verify().problems.isEmpty, name)
        }
        let sealed = Array(try Data(contentsOf: Self.fuzzRoot.appendingPathComponent("age-stream/chunk-plus-one")))
        var plain: [UInt8] = []
        _ = try AgeDecryptor.decrypt(identities: FuzzTargets.fixedIdentities, armor: nil, read: FuzzTargets.pieces(sealed, seed: 0),
                                     write: { plain += $0 })
        XCTAssertEqual(plain.count, 65537)
        let backup = Array(try Data(contentsOf: Self.fuzzRoot.appendingPathComponent("age-stream/backup-v1.age")))
        var n = 0
        _ = try AgeDecryptor.decrypt(identities: FuzzTargets.fixedIdentities, armor: nil, read: FuzzTargets.pieces(backup, seed: 0),
                                     write: { n += $0.count })
        XCTAssertGreaterThan(n, 16_000)
        // vault-frame seals what it is given: the reader opens the settings record and the
        // data frame with the keys, and decodes both transactions of the seed batch.
        for seed in ["data-shared", "data-admin"] {
            let r = FuzzTargets.vaultFrameReport(Array(try Data(contentsOf: Self.fuzzRoot.appendingPathComponent("vault-frame/\(seed)"))))
            XCTAssertEqual(r.transactions, 2, seed)
            XCTAssertGreaterThanOrEqual(r.opened, 3, seed)
        }
        let audit = FuzzTargets.vaultFrameReport(Array(try Data(contentsOf: Self.fuzzRoot.appendingPathComponent("vault-frame/audit-sealed"))))
        XCTAssertGreaterThanOrEqual(audit.opened, 3, "the sealed audit event opens with the audit key")
    }
}
