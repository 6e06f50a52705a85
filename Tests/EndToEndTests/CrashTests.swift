import Foundation
import XCTest
@_spi(Bench) import Vault

/// kill -9 at random moments during appends: the vault always opens, verifies, and holds every
/// acknowledged write.
final class CrashTests: EndToEndTestCase {
    func testKillNineNeverLosesAcknowledgedWrites() throws {
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        initVault()
        let writer = URL(fileURLWithPath: CLIHarness.binary).deletingLastPathComponent().appendingPathComponent("vaultcli-bench")
        guard FileManager.default.isExecutableFile(atPath: writer.path) else { return XCTFail("vaultcli-bench not built") }
        var totalAcknowledged = 0
        for round in 0..<12 {
            let p = Process()
            p.executableURL = writer
            p.arguments = ["crash-writer", vault]
            var env = CLIHarness.environment([:])
            env["BENCH_PASSWORD"] = adminPassword
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(20_000 + Int(SecureRandom.uniform(180_000))))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let acked = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").compactMap { Int($0) }
            totalAcknowledged += acked.count
            // Open, verify everything, and count: no acknowledged record may be missing.
            let v = try Vault.open(path: vault, access: .read)
            let s = try v.unlock(user: "admin", password: SecretBytes(utf8: adminPassword))
            _ = try v.verify(session: s)
            var count = 0
            try v.forEachData(session: s) { _ in count += 1 }
            XCTAssertGreaterThanOrEqual(count, totalAcknowledged, "round \(round): records lost")
            if let last = acked.last(where: { $0 % 7 == 3 }) {
                XCTAssertGreaterThanOrEqual(try v.crashTestMetadata(session: s) ?? -1, last, "round \(round): committed metadata lost")
            }
        }
        XCTAssertGreaterThan(totalAcknowledged, 0)
    }
}
