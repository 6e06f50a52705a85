import ArgumentParser
import Foundation
import Vault
#if canImport(Glibc)
import Glibc
#endif

extension VaultCLI {
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate an age-compatible recovery key pair (AGE-SECRET-KEY-1... / age1...).",
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

        @OptionGroup var json: JSONFlag

        func validate() throws {
            if json.json && (output == nil || output == "-") {
                throw ValidationError("--json needs -o FILE: the secret key is never printed as JSON")
            }
        }

        func run() throws {
            try runReporting {
                let identity = try AgeIdentity.generate()
                guard let recipient = try identity.recipient()?.string else { return }
                if let path = output, path != "-" {
                    try AgeKeyFile.write(identity, to: path)
                    if json.json {
                        Out.json(["recipient": recipient, "identity_file": path])
                    } else {
                        Out.line(recipient)
                    }
                } else {
                    if Diagnostics.stdoutIsTTY {
                        Diagnostics.warning("writing a secret key to the terminal; use -o FILE to keep it in a 0600 file instead")
                    }
                    var text = Array(try AgeKeyFile.render(identity).utf8)
                    defer { wipe(&text) }
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
