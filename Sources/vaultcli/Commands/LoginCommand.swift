import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct LoginCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: "Check an operator's password; say if it expires soon.",
            discussion: "Exit status 0: the password is right; 5: wrong user name or password; 12: locked, disabled, or the password must be changed first.")
        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .write)
                let r = try Login.run(v, actor: actor)
                if output.json {
                    var d: [String: Any] = ["ok": true, "user": r.profile.name, "role": r.profile.role.rawValue]
                    d["password_expires_in_days"] = r.expiresInDays ?? JSONNull()
                    Out.json(d)
                } else {
                    Out.line("Logged in as \(r.profile.name) (\(r.profile.role.rawValue)).")
                }
            }
        }
    }
}
