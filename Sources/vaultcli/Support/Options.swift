import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

/// Options every vault command shares.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.helpVaultOption), valueName: "path"),
            completion: .file())
    var vault: String?

    /// --lang, shown in the help of every vault command (LanguageSetup takes it off first).
    @OptionGroup var language: LanguageOption

    var path: String { VaultLocation.resolve(explicit: vault) }
}

/// Where a secret comes from: a TTY prompt (default), stdin, or a 0600 file. Never argv.
struct PasswordSource: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(tr(.helpPasswordStdin)))
    var passwordStdin = false

    @Option(name: .long, help: ArgumentHelp(tr(.helpPasswordFile), valueName: "path"),
            completion: .file())
    var passwordFile: String?

    func validate() throws {
        if passwordStdin && passwordFile != nil {
            throw ValidationError(tr(.pwChooseOneSource))
        }
    }

    /// Reads an existing password.
    func read(prompt: String = tr(.promptPassword)) throws -> SecretBytes {
        try SecretInput.read(stdin: passwordStdin, file: passwordFile, prompt: prompt, confirm: false)
    }

    /// Reads a new password (asked twice on a TTY).
    func readNew(prompt: String) throws -> SecretBytes {
        try SecretInput.read(stdin: passwordStdin, file: passwordFile, prompt: prompt, confirm: true)
    }

    /// A new password checked by `check`; at a terminal a refused one is asked again.
    func readNew(prompt: String, check: (SecretBytes) -> [PolicyViolation]) throws -> SecretBytes {
        if passwordStdin || passwordFile != nil { return try readNew(prompt: prompt) }
        return try SecretInput.readNewTTY(prompt: prompt, check: check)
    }
}

struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(tr(.helpJSON)))
    var json = false
}
