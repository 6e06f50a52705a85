import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: tr(.helpVerify),
            discussion: tr(.dVerify))

        @OptionGroup var vault: VaultOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hVerifyUser)))
        var user: String?
        @OptionGroup var password: PasswordSource
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                // With --user the password check goes through login (lockout, audit), so it needs the write lock.
                // The password is read before the lock is taken (Login.open).
                let v: Vault
                var me: LoggedIn?
                if let user {
                    let (opened, login) = try Login.open(vault, name: user, password: password)
                    v = opened
                    me = login
                } else if let job = AgentRunner.job {
                    // In a live session: authenticated with the session's keys.
                    let (opened, login) = try SessionLogin.open(vault, job: job, access: .read)
                    v = opened
                    me = login
                } else {
                    v = try Vault.open(path: vault.path, access: .read)
                }
                let report: ScanReport
                let progress = ProgressLine(tr(.progressVerify))
                defer { progress.done() }
                do {
                    let update: ((Int, Int) -> Void)? = progress.enabled ? { done, total in progress.update(Int64(done), of: Int64(total)) } : nil
                    report = try me.map { try $0.unlocked.verify(progress: update) } ?? v.verify(progress: update)
                } catch let e as VaultError {
                    if output.json {
                        Out.json(["ok": false, "error": e.message])
                    }
                    throw e
                }
                if output.json {
                    Out.json(["ok": true, "frames": report.frames, "authenticated_frames": report.verifiedFrames,
                              "unchecked_encrypted_frames": report.unverifiableFrames, "bytes": report.bytes,
                              "torn_tail_bytes": report.tornTailBytes, "problems": report.problems] as [String: Any])
                } else {
                    Out.line(tr(.vfIntact, report.frames, report.verifiedFrames) +
                             (report.unverifiableFrames > 0 ? tr(me == nil ? .vfNotCheckedUser : .vfNotCheckedRole, report.unverifiableFrames) : ""))
                    for n in report.notes { Out.line(tr(.vfNote, DetailText.note(n))) }
                }
                if report.tornTailBytes > 0 { throw ExitCode(ExitStatus.verifyFoundInterruptedWrite.rawValue) }
            }
        }
    }
}
