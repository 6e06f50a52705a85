import Foundation
import XCTest

/// The vault's lock is never held while a person types: the password is read before the lock is
/// taken, so a nightly backup runs while a prompt waits.
final class PromptLockE2ETests: EndToEndTestCase {
    /// Waits (bounded) until `pid` is blocked reading its standard input (x86_64 read = 0, fd 0).
    func waitUntilReadingStdin(_ pid: Int32) -> Bool {
        for _ in 0..<400 {
            if let s = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8), s.hasPrefix("0 0x0 ") { return true }
            usleep(50_000)
        }
        return false
    }

    func testABackupRunsWhileAPasswordPromptWaits() throws {
        #if arch(x86_64)
        initVault()
        let key = dir + "/k.key"
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let recipient = kg.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for (i, command) in [["user", "list", "--user", "admin"], ["audit", "list", "--as", "admin"], ["status", "--user", "admin"]].enumerated() {
            let usb = dir + "/usb\(i)"
            try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
            p.arguments = command + ["--vault", vault, "--password-stdin"]
            var env = ProcessInfo.processInfo.environment
            for (k, v) in CLIHarness.environment([:]) { env[k] = v }
            p.environment = env
            let input = Pipe(), out = Pipe()
            p.standardInput = input
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            guard waitUntilReadingStdin(p.processIdentifier) else {
                p.terminate(); p.waitUntilExit()
                throw XCTSkip("/proc/PID/syscall is not readable here")
            }
            // The prompt waits; the backup (shared lock) and a writer (exclusive) go ahead.
            let b = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient])
            XCTAssertEqual(b.status, 0, "\(command[0]): the backup waited for the prompt: \(b.stderr)")
            let w = vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
            XCTAssertEqual(w.status, 0, "\(command[0]): a writer waited for the prompt: \(w.stderr)")
            input.fileHandleForWriting.write(Data((adminPassword + "\n").utf8))
            try input.fileHandleForWriting.close()
            _ = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            XCTAssertTrue([0, 1].contains(p.terminationStatus), "\(command[0]) finished after its prompt: \(p.terminationStatus)")
        }
        #else
        throw XCTSkip("reads the x86_64 syscall number")
        #endif
    }

    /// A new password is read before the lock too: `user add` with the admin's password given
    /// and the new operator's still to come does not keep a backup or a writer waiting.
    func testABackupRunsWhileANewPasswordIsAwaited() throws {
        #if arch(x86_64)
        initVault()
        let kg = vaultcli(["keygen", "-o", dir + "/k.key"])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let recipient = kg.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.createDirectory(atPath: dir + "/usb", withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = ["user", "add", "lin", "--vault", vault, "--user", "admin", "--password-stdin"]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CLIHarness.environment([:]) { env[k] = v }
        p.environment = env
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data((adminPassword + "\n").utf8))
        // Wait (bounded) until the first line is consumed and it blocks for the second.
        var waiting = false
        for _ in 0..<400 {
            var unread: Int32 = 0
            _ = ioctl(input.fileHandleForReading.fileDescriptor, UInt(FIONREAD), &unread)
            if unread == 0, let s = try? String(contentsOfFile: "/proc/\(p.processIdentifier)/syscall", encoding: .utf8), s.hasPrefix("0 0x0 ") {
                waiting = true; break
            }
            usleep(50_000)
        }
        guard waiting else { p.terminate(); p.waitUntilExit(); throw XCTSkip("/proc/PID/syscall is not readable here") }
        let b = vaultcli(["backup", "--vault", vault, "--to", dir + "/usb", "--recipient", recipient])
        XCTAssertEqual(b.status, 0, "the backup waited for the new password: \(b.stderr)")
        let w = vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(w.status, 0, "a writer waited for the new password: \(w.stderr)")
        input.fileHandleForWriting.write(Data("kT7#vQ9!mZ2@pL4x\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "lin", "--password-stdin"], stdin: "kT7#vQ9!mZ2@pL4x\n").status, 12, "lin was added")
        #else
        throw XCTSkip("reads the x86_64 syscall number")
        #endif
    }

    // MARK: the one-time code and the recovery answers (issue 14, point 6)

    /// Starts vaultcli with `firstInput` on its stdin (kept open) and waits (bounded) until it
    /// has consumed it and blocks reading the next line: the prompt that waits for a person.
    func startAndWaitAtSecondPrompt(_ args: [String], firstInput: String) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIHarness.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CLIHarness.environment([:]) { env[k] = v }
        p.environment = env
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(firstInput.utf8))
        for _ in 0..<600 {
            var unread: Int32 = 0
            _ = ioctl(input.fileHandleForReading.fileDescriptor, UInt(FIONREAD), &unread)
            if unread == 0, let s = try? String(contentsOfFile: "/proc/\(p.processIdentifier)/syscall", encoding: .utf8), s.hasPrefix("0 0x0 ") {
                return (p, input)
            }
            usleep(50_000)
        }
        p.terminate(); p.waitUntilExit()
        throw XCTSkip("/proc/PID/syscall is not readable here")
    }

    /// While the prompt waits longer than the lock timeout (VAULTCLI_LOCK_TIMEOUT_MS, 400 ms in
    /// the tests), a backup (shared lock) and a writer (exclusive) both go ahead.
    func assertOthersRunWhileWaiting(_ what: String, backupTo usb: String, recipient: String, writer: [String], writerInput: String) {
        usleep(600_000)
        let b = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient])
        XCTAssertEqual(b.status, 0, "\(what): the backup waited for the prompt: \(b.stderr)")
        let w = vaultcli(writer, stdin: writerInput)
        XCTAssertEqual(w.status, 0, "\(what): a writer waited for the prompt: \(w.stderr)")
    }

    func oathtool(_ secret: String, offset: TimeInterval) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/oathtool") else { throw XCTSkip("oathtool is not installed (.ci/run installs it)") }
        let f = DateFormatter(); f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/oathtool")
        p.arguments = ["--totp", "--base32", secret, "--now", f.string(from: Date().addingTimeInterval(offset))]
        let out = Pipe(); p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A second admin, without one-time codes, whose login is the writer of these tests.
    func addSecondAdmin() -> String {
        let temp = "Tmp-Orchid-Lantern-58", final = "Quiet-Harbor-Velvet-2718!"
        let a = vaultcli(["user", "add", "mei", "--role", "admin", "--vault", vault, "--user", "admin", "--password-stdin"],
                         stdin: adminPassword + "\n" + temp + "\n")
        XCTAssertEqual(a.status, 0, a.stderr)
        let c = vaultcli(["user", "passwd", "--vault", vault, "--user", "mei", "--password-stdin"], stdin: temp + "\n" + final + "\n")
        XCTAssertEqual(c.status, 0, c.stderr)
        return final
    }

    func recipient() -> String {
        let kg = vaultcli(["keygen", "-o", dir + "/k.key"])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        return kg.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The password is right and the one-time code is awaited: the lock is free meanwhile, and
    /// the login then finishes (the code is checked under the lock, once).
    func testABackupAndAWriterRunWhileTheOneTimeCodeIsAwaited() throws {
        #if arch(x86_64)
        initVault()
        let rcpt = recipient()
        let meiPassword = addSecondAdmin()
        let en = vaultcli(["user", "totp", "enable", "--vault", vault, "--user", "admin", "--password-stdin", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(en.status, 0, en.stderr)
        let secret = try XCTUnwrap((try JSONSerialization.jsonObject(with: en.stdoutData) as? [String: Any])?["secret"] as? String)
        let confirm = vaultcli(["user", "totp", "confirm", "--vault", vault, "--user", "admin", "--password-stdin"],
                               stdin: adminPassword + "\n" + (try oathtool(secret, offset: 0)) + "\n")
        XCTAssertEqual(confirm.status, 0, confirm.stderr)
        try FileManager.default.createDirectory(atPath: dir + "/usb", withIntermediateDirectories: true)
        for (i, command) in [["login"]].enumerated() {
            let usb = dir + "/usb/\(i)"
            try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
            let (p, input) = try startAndWaitAtSecondPrompt(command + ["--vault", vault, "--user", "admin", "--password-stdin"],
                                                             firstInput: adminPassword + "\n")
            assertOthersRunWhileWaiting("\(command[0]) at the one-time code", backupTo: usb, recipient: rcpt,
                                        writer: ["login", "--vault", vault, "--user", "mei", "--password-stdin"], writerInput: meiPassword + "\n")
            // The enrolment used this step's code: the login gives the next step's.
            let code = try oathtool(secret, offset: 30 * Double(i + 1))
            input.fileHandleForWriting.write(Data((code + "\n").utf8))
            try input.fileHandleForWriting.close()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(command[0]) finished after the code")
        }
        // A wrong password is counted before the lock is released, and no code is asked for.
        let wrong = vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "Wrong-Password-Given-1\n")
        XCTAssertEqual(wrong.status, 5, wrong.stderr)
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "mei", "--password-stdin", "--action", "login", "--json"], stdin: meiPassword + "\n")
        XCTAssertEqual(audit.status, 0, audit.stderr)
        let events = try XCTUnwrap(try JSONSerialization.jsonObject(with: audit.stdoutData) as? [[String: Any]])
        let admins = events.filter { $0["actor"] as? String == "admin" }.compactMap { $0["outcome"] as? String }
        XCTAssertEqual(admins.filter { $0 == "failed" }.count, 1, "\(admins)")
        XCTAssertEqual(admins.filter { $0.hasPrefix("ok") }.count, 1, "\(admins)")
        #else
        throw XCTSkip("reads the x86_64 syscall number")
        #endif
    }

    /// `recover setup` asks its answers with the lock released too.
    func testABackupAndAWriterRunWhileARecoveryAnswerIsAwaited() throws {
        #if arch(x86_64)
        initVault()
        let rcpt = recipient()
        let meiPassword = addSecondAdmin()
        try FileManager.default.createDirectory(atPath: dir + "/usb", withIntermediateDirectories: true)
        let (p, input) = try startAndWaitAtSecondPrompt(
            ["recover", "setup", "--vault", vault, "--user", "admin", "--password-stdin", "--question", "1", "--question", "3", "--question", "6"],
            firstInput: adminPassword + "\n")
        assertOthersRunWhileWaiting("recover setup at its first answer", backupTo: dir + "/usb", recipient: rcpt,
                                    writer: ["login", "--vault", vault, "--user", "mei", "--password-stdin"], writerInput: meiPassword + "\n")
        input.fileHandleForWriting.write(Data("first school\nfluffy cat\nmaple street\n".utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        // The questions were set up (and audited as such).
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "mei", "--password-stdin", "--action", "recover.setup", "--json"],
                             stdin: meiPassword + "\n")
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.contains("\"admin\""), audit.stdout)
        #else
        throw XCTSkip("reads the x86_64 syscall number")
        #endif
    }

    /// `recover password` and `recover username` read the recovery code with no lock held.
    func testABackupAndAWriterRunWhileARecoveryCodeIsAwaited() throws {
        #if arch(x86_64)
        let r = vaultcli(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017", "--phone", "13812345678"],
                         stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let codes = r.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            return parts.count == 2 && Int(parts[0]) != nil ? String(parts[1]) : nil
        }
        XCTAssertGreaterThanOrEqual(codes.count, 2, r.stdout)
        let rcpt = recipient()
        let meiPassword = addSecondAdmin()
        for (i, command) in [["recover", "username", "--phone", "13812345678", "--code", "--stdin"],
                             ["recover", "password", "--user", "admin", "--code", "--stdin"]].enumerated() {
            let usb = dir + "/usb\(i)"
            try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
            let (p, input) = try startAndWaitAtSecondPrompt(command + ["--vault", vault], firstInput: "")
            assertOthersRunWhileWaiting("\(command[0]) \(command[1]) at the recovery code", backupTo: usb, recipient: rcpt,
                                        writer: ["login", "--vault", vault, "--user", "mei", "--password-stdin"], writerInput: meiPassword + "\n")
            input.fileHandleForWriting.write(Data((codes[i] + "\nBrand-New-Quill-4096!\n").utf8))
            try input.fileHandleForWriting.close()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(command[1]) finished after the code")
        }
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "Brand-New-Quill-4096!\n").status, 0,
                       "the recovered password logs in")
        #else
        throw XCTSkip("reads the x86_64 syscall number")
        #endif
    }
}
