import ArgumentParser
import Catalog
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen",
            abstract: tr(.helpKeygen),
            discussion: """
            With -o FILE the identity goes to a new file (mode 0600, never overwritten) and its \
            recipient age1... is printed on stdout. Without -o (or with -o -) the identity file's \
            text goes to stdout, like age-keygen. Keep the identity offline: whoever holds it can \
            open every backup made for its recipient.
            """
        )

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the identity to this new file ('-' for stdout).", valueName: "file"),
                completion: .file())
        var output: String?

        @Flag(name: .long, help: "Make the key a default backup recipient and add an offline recovery-key slot to the vault (admins; needs -o FILE).")
        var addToVault = false

        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if json.json && (output == nil || output == "-") {
                throw ValidationError("--json needs -o FILE: the secret key is never printed as JSON")
            }
            if addToVault && (output == nil || output == "-") {
                throw ValidationError("--add-to-vault needs -o FILE, so the identity is kept before the vault trusts it")
            }
        }

        func run() throws {
            try runReporting {
                let identity = try AgeIdentity.generate()
                guard let recipient = try identity.recipient()?.string else { return }
                if let path = output, path != "-" {
                    // Log in first, so a wrong password leaves no stray key file behind.
                    var admin: (Vault, Session)?
                    if addToVault {
                        let (v, me) = try Login.open(vault, actor: actor)
                        try Permission.manageRecovery.require(me.session)
                        admin = (v, me.session)
                    }
                    try AgeKeyFile.write(identity, to: path)
                    if let (v, session) = admin, case .x25519(let pk)? = try identity.recipient() {
                        try v.addRecoveryKey(session: session, recipient: recipient, publicKey: pk)
                        Diagnostics.note("added to the vault: every backup is now also sealed to this key, and it opens the vault's data without a password")
                    }
                    if json.json {
                        Out.json(["recipient": recipient, "identity_file": path])
                    } else {
                        Out.line(recipient)
                    }
                } else {
                    if Diagnostics.stdoutIsTTY {
                        Diagnostics.warning("writing a secret key to the terminal; use -o FILE to keep it in a 0600 file instead")
                    }
                    // Written straight from locked memory.
                    let text = try AgeKeyFile.render(identity)
                    try text.withUnsafeBytes { buf in
                        var off = 0
                        while off < buf.count {
                            let n = Glibc.write(STDOUT_FILENO, buf.baseAddress! + off, buf.count - off)
                            if n < 0 && errno == EINTR { continue }
                            if n <= 0 { throw BackupError.io(path: "standard output", operation: "write to", errno: errno) }
                            off += n
                        }
                    }
                    Diagnostics.note("public key: \(recipient)")
                }
            }
        }
    }
}
