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
            discussion: tr(.dKeygen)
        )

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp(tr(.hKeygenOutput), valueName: "file"),
                completion: .file())
        var output: String?

        @Flag(name: .long, help: ArgumentHelp(tr(.hAddToVault)))
        var addToVault = false

        @OptionGroup var vault: VaultOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var json: JSONFlag

        func validate() throws {
            if json.json && (output == nil || output == "-") {
                throw ValidationError(tr(.kgJSONNeedsOutput))
            }
            if addToVault && (output == nil || output == "-") {
                throw ValidationError(tr(.kgAddNeedsOutput))
            }
        }

        func run() throws {
            try runReporting {
                let identity = try AgeIdentity.generate()
                guard let recipient = try identity.recipient()?.string else { return }
                if let path = output, path != "-" {
                    // Log in first, so a wrong password leaves no stray key file behind.
                    var admin: LoggedIn?
                    if addToVault {
                        let (_, me) = try Login.open(vault, actor: actor)
                        try Permission.manageRecovery.require(me.session)
                        admin = me
                    }
                    // Rendered in locked memory; written 0600, never over an existing file, and
                    // synced with its directory.
                    try PrivateFile.createKeyFile(path, try AgeKeyFile.render(identity))
                    if let admin, case .x25519(let pk)? = try identity.recipient() {
                        try admin.recovery.addRecoveryKey(recipient: recipient, publicKey: pk)
                        Diagnostics.note(tr(.kgAdded))
                    }
                    if json.json {
                        Out.json(["recipient": recipient, "identity_file": path])
                    } else {
                        Out.line(recipient)
                    }
                } else {
                    if Diagnostics.stdoutIsTTY {
                        Diagnostics.warning(tr(.kgToTerminal))
                    }
                    // Written straight from locked memory.
                    let text = try AgeKeyFile.render(identity)
                    try text.withUnsafeBytes { buf in
                        var off = 0
                        while off < buf.count {
                            let n = Glibc.write(STDOUT_FILENO, buf.baseAddress! + off, buf.count - off)
                            if n < 0 && errno == EINTR { continue }
                            if n <= 0 { throw BackupError.io(path: tr(.srcStandardOutput), operation: "write to", errno: errno) }
                            off += n
                        }
                    }
                    Diagnostics.note(tr(.kgPublicKey, recipient))
                }
            }
        }
    }
}
