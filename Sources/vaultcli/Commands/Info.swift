import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI {
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the vault's format, key-derivation parameters and counts (no password needed).")

        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                let v = try Vault.open(path: vault.path, access: .read)
                let i = try v.info()
                let iso = ISOTime()
                if output.json {
                    Out.json([
                        "path": i.path, "format_version": i.formatVersion, "vault_id": i.vaultId, "terminal_id": i.terminalId,
                        "created": iso.string(from: i.created),
                        "kdf": ["algorithm": "argon2id", "memory_kib": Int(i.kdf.memoryKiB), "iterations": Int(i.kdf.iterations), "parallelism": 1],
                        "file_bytes": i.fileBytes, "operators": i.operators, "keyslots": i.keyslots, "records": i.records,
                        "frames": i.frames, "superseded_bytes": i.garbageBytes, "torn_tail_bytes": i.tornTailBytes,
                        "libsodium": SodiumInfo.version,
                    ] as [String: Any])
                } else {
                    Out.line("vault:          \(i.path)")
                    Out.line("format version: \(i.formatVersion)")
                    Out.line("vault id:       \(i.vaultId)")
                    Out.line("terminal id:    \(i.terminalId)")
                    Out.line("created:        \(LocalTime.string(i.created))")
                    Out.line("key derivation: \(i.kdf.summary)")
                    Out.line("file size:      \(i.fileBytes) bytes (\(i.garbageBytes) superseded)")
                    Out.line("operators:      \(i.operators)")
                    Out.line("keyslots:       \(i.keyslots)")
                    Out.line("records:        \(i.records)")
                    Out.line("frames:         " + i.frames.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                    if i.tornTailBytes > 0 {
                        Out.line("interrupted write: \(i.tornTailBytes) bytes after the last complete frame are ignored")
                    }
                }
            }
        }
    }
}
