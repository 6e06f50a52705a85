import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

/// Who is acting: the session that `vaultcli unlock` started, or `--user NAME` with a password
/// for this one command.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Act as this operator for this command only (asks for the password). Default: the session of `vaultcli unlock`.", valueName: "name"))
    var user: String?

    @OptionGroup var password: PasswordSource

    func validate() throws {
        if user == nil && (password.passwordStdin || password.passwordFile != nil) {
            throw ValidationError("--password-stdin and --password-file need --user NAME")
        }
    }

    /// Opens the vault and finds the acting session. A password is read before the vault's
    /// lock is taken, so typing it never blocks other commands.
    func open(_ vault: VaultOptions, access: Vault.Access) throws -> (Vault, Session) {
        if let user {
            let pw = try password.read(prompt: "Password for \(user): ")
            // A login records its outcome (lockout, audit), so it needs the write lock.
            let v = try Vault.open(path: vault.path, access: .write)
            return (v, try Login.run(v, name: user, password: pw, codeFromStdin: password.passwordStdin).session)
        }
        let v = try Vault.open(path: vault.path, access: access)
        switch try SessionClient.fetch(vaultId: v.header.vaultId, vaultPath: v.path) {
        case .session(let s, _, _):
            try v.checkSessionStillValid(s)
            return (v, s)
        case .none(let e):
            throw e
        }
    }
}
