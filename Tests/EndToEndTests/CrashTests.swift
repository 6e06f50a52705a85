import Foundation
import XCTest
@_spi(Bench) import Vault
import VaultCrypto

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
            // Kill at a random moment after the writer's first acknowledged write, not after a
            // delay from its start: on a busy machine start-up and unlock alone can outlast any
            // fixed delay, and a round that acknowledges nothing proves nothing.
            var seen = Data()
            while !seen.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }  // the writer ended before acknowledging anything
                seen.append(chunk)
            }
            usleep(UInt32(Int(SecureRandom.uniform(150_000))))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            seen.append(out.fileHandleForReading.readDataToEndOfFile())
            let acked = String(decoding: seen, as: UTF8.self)
                .split(separator: "\n").compactMap { Int($0) }
            XCTAssertFalse(acked.isEmpty, "round \(round): the writer acknowledged nothing before it ended")
            totalAcknowledged += acked.count
            // Open, verify everything, and count: no acknowledged record may be missing.
            let v = try Vault.open(path: vault, access: .read)
            let s = try v.unlock(user: "admin", password: SecretBytes(utf8: adminPassword))
            _ = try v.unlocked(by: s).verify()
            var count = 0
            try v.unlocked(by: s).forEachData { _ in count += 1 }
            XCTAssertGreaterThanOrEqual(count, totalAcknowledged, "round \(round): records lost")
            if let last = acked.last(where: { $0 % 7 == 3 }) {
                XCTAssertGreaterThanOrEqual(try v.unlocked(by: s).crashTestMetadata() ?? -1, last, "round \(round): committed metadata lost")
            }
        }
        XCTAssertGreaterThan(totalAcknowledged, 0)
    }
}

/// The crash campaign (scripts/crash-campaign.sh) at CI size, and the fixes it led to.
final class CrashCampaignTests: EndToEndTestCase {
    /// Twenty kills (by delay, at the k-th write or fsync, and torn) across tx add and import,
    /// passwd, recovery, compaction, revocation, backup and restore; after each: the vault
    /// opens and verifies, nothing acknowledged is lost, no temporary file is left.
    func testCrashCampaignOfTwentyKills() throws {
        guard FaultShim.path != nil else { return XCTFail("gcc could not build scripts/faultfs.c (run scripts/deps.sh test)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [repositoryRoot + "/scripts/crash-campaign.sh", "20", "1515"]
        p.environment = ProcessInfo.processInfo.environment.merging(["VAULTCLI": CLIHarness.binary]) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let last = o.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertEqual(last, "20 kills, 0 lost, 0 corrupt", o + e)
        XCTAssertEqual(p.terminationStatus, 0, e)
    }

    /// A torn write at every write an audited command makes (half the bytes of an append land,
    /// then kill -9): the vault opens, `verify` passes or reports the torn tail (exit 2), the
    /// next writer goes on, and afterwards it verifies clean. Found by the campaign: a batch
    /// torn after whole audit events but before its index left events the committed audit
    /// chain had not reached, and the vault no longer opened.
    func testTornWriteAtEveryWriteOfAnAuditedCommand() throws {
        initVault()
        let pristine = try Data(contentsOf: URL(fileURLWithPath: vault))
        let csv = dir + "/rows.csv"
        try ("id,time,amount,currency,kind,card,reference,operator,terminal,status\n" + (0..<30).map {
            "T\($0),2026-11-30T10:00:00Z,\($0 + 1).00,CNY,sale,,T-\($0),admin,T-0017,approved"
        }.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let commands: [[String]] = [["user", "unlock", "admin"], ["tx", "import", csv], ["tx", "add", "--amount", "3.00"]]
        for c in commands {
            let args = c + ["--vault", vault, "--user", "admin", "--password-stdin"]
            try? FileManager.default.removeItem(atPath: CLIHarness.stateHome)
            try pristine.write(to: URL(fileURLWithPath: vault))
            let countFile = dir + "/count"
            XCTAssertEqual(vaultcli(args, stdin: adminPassword + "\n", env: try FaultShim.environment(dir: dir, countInto: countFile)).status, 0)
            let n = Int(try String(contentsOfFile: countFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            XCTAssertGreaterThan(n, 0)
            for k in 1...max(n, 1) {
                // Putting the old file back is itself a rollback, which the admin's last-seen
                // record would rightly report: start that record afresh too.
                try? FileManager.default.removeItem(atPath: CLIHarness.stateHome)
                try pristine.write(to: URL(fileURLWithPath: vault))
                let r = vaultcli(args, stdin: adminPassword + "\n", env: try FaultShim.environment(dir: dir, mode: "torn", at: k))
                XCTAssertEqual(r.status, -SIGKILL, "\(c[0]) \(c[1]), torn at \(k): \(r.stderr)")
                XCTAssertEqual(vaultcli(["info", "--vault", vault]).status, 0, "\(c[0]) \(c[1]), torn at \(k)")
                let v = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
                XCTAssertTrue(v.status == 0 || v.status == 2, "\(c[0]) \(c[1]), torn at \(k): \(v.stdout) \(v.stderr)")
                let next = vaultcli(["tx", "add", "--vault", vault, "--user", "admin", "--password-stdin", "--amount", "1.00"], stdin: adminPassword + "\n")
                XCTAssertEqual(next.status, 0, "\(c[0]) \(c[1]), torn at \(k): \(next.stderr)")
                let after = vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
                XCTAssertEqual(after.status, 0, "\(c[0]) \(c[1]), torn at \(k): \(after.stdout) \(after.stderr)")
            }
        }
    }

    /// A writer killed mid-rewrite leaves its temporary file; the next writer removes it, but
    /// never one that a live writer still holds (temporary files are locked while written).
    func testLeftoverTempFilesAreRemovedByTheNextWriterButNotLiveOnes() throws {
        initVault()
        let usb = dir + "/usb"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        func temps(_ d: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).filter { $0.contains(".tmp-") || $0.hasPrefix(".vaultcli-tmp-") }
        }
        // A real leftover: kill -9 a compaction (a whole-file rewrite) at the last write or
        // fsync that still finds its temp file (counting back from the end).
        let args = ["user", "unlock", "admin", "--vault", vault, "--user", "admin", "--password-stdin"]
        let countFile = dir + "/count"
        let plain = vaultcli(args, stdin: adminPassword + "\n",
                             env: try FaultShim.environment(dir: dir, countInto: countFile).merging(["VAULTCLI_TEST_COMPACT": "always"]) { $1 })
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let n = Int(try String(contentsOfFile: countFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        for k in stride(from: n, through: 1, by: -1) where temps(dir).isEmpty {
            let killed = vaultcli(args, stdin: adminPassword + "\n",
                                  env: try FaultShim.environment(dir: dir, mode: "kill", at: k).merging(["VAULTCLI_TEST_COMPACT": "always"]) { $1 })
            XCTAssertEqual(killed.status, -SIGKILL, "killed by SIGKILL at \(k): \(killed.stderr)")
        }
        XCTAssertEqual(temps(dir).count, 1, "the killed rewrite's temp file: \(temps(dir))")
        // Leftovers of a killed backup (in the backup directory), and a live writer's temp file (locked).
        XCTAssertTrue(FileManager.default.createFile(atPath: usb + "/.vaultcli-tmp-0123456789ab", contents: Data("half a backup".utf8)))
        let live = dir + "/.vaultcli-tmp-abcdef012345"
        XCTAssertTrue(FileManager.default.createFile(atPath: live, contents: Data("being written".utf8)))
        let marker = dir + "/held"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9<\"$0\" && flock -x 9 && touch \"$1\" && exec sleep 600", live, marker]
        try holder.run()
        defer { if holder.isRunning { holder.terminate() }; holder.waitUntilExit() }
        while !FileManager.default.fileExists(atPath: marker) { guard holder.isRunning else { return XCTFail("flock failed") }; usleep(5_000) }
        // The next writer of the vault clears the dead rewrite's file and keeps the live one.
        XCTAssertEqual(vaultcli(["tx", "add", "--vault", vault, "--user", "admin", "--password-stdin", "--amount", "1.00"], stdin: adminPassword + "\n").status, 0)
        XCTAssertEqual(temps(dir), [".vaultcli-tmp-abcdef012345"])
        XCTAssertEqual(vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
        // The next backup into the directory clears the dead backup's file.
        let key = dir + "/k.txt"
        XCTAssertEqual(vaultcli(["keygen", "-o", key]).status, 0)
        let recipient = try String(contentsOfFile: key, encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("# public key: ") }.map { String($0.split(separator: " ").last!) } ?? ""
        let b = vaultcli(["backup", "--to", usb, "--vault", vault, "--recipient", recipient])
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(temps(usb), [])
        // Once its writer is gone, the live one is a leftover too.
        holder.terminate(); holder.waitUntilExit()
        XCTAssertEqual(vaultcli(["tx", "add", "--vault", vault, "--user", "admin", "--password-stdin", "--amount", "2.00"], stdin: adminPassword + "\n").status, 0)
        XCTAssertEqual(temps(dir), [])
    }
}
