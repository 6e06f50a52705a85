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
}
