import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

/// Options every vault command shares.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The vault file. Default: $VAULTCLI_VAULT, else $XDG_DATA_HOME/vaultcli/vault.", valueName: "path"),
            completion: .file())
    var vault: String?

    var path: String { VaultLocation.resolve(explicit: vault) }
}

/// Where a secret comes from: a TTY prompt (default), stdin, or a 0600 file. Never argv.
struct PasswordSource: ParsableArguments {
    @Flag(name: .long, help: "Read the password from standard input (one line).")
    var passwordStdin = false

    @Option(name: .long, help: ArgumentHelp("Read the password from a file that only its owner can read (mode 0600).", valueName: "path"),
            completion: .file())
    var passwordFile: String?

    func validate() throws {
        if passwordStdin && passwordFile != nil {
            throw ValidationError("choose one of --password-stdin and --password-file")
        }
    }

    /// Reads an existing password.
    func read(prompt: String = "Password: ") throws -> SecretBytes {
        try SecretInput.read(stdin: passwordStdin, file: passwordFile, prompt: prompt, confirm: false)
    }

    /// Reads a new password (asked twice on a TTY).
    func readNew(prompt: String = "New password: ") throws -> SecretBytes {
        try SecretInput.read(stdin: passwordStdin, file: passwordFile, prompt: prompt, confirm: true)
    }

    /// A new password checked by `check`; at a terminal a refused one is asked again.
    func readNew(prompt: String, check: (SecretBytes) -> [String]) throws -> SecretBytes {
        if passwordStdin || passwordFile != nil { return try readNew(prompt: prompt) }
        return try SecretInput.readNewTTY(prompt: prompt, check: check)
    }
}

struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON.")
    var json = false
}
