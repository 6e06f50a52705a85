import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

extension VaultCLI {
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "info", abstract: tr(.helpInfo))

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
                        "merchant_name": i.merchantName.map { $0 as Any } ?? JSONNull(),
                        "created": iso.string(from: i.created),
                        "kdf": ["algorithm": "argon2id", "memory_kib": Int(i.kdf.memoryKiB), "iterations": Int(i.kdf.iterations), "parallelism": 1],
                        "file_bytes": i.fileBytes, "operators": i.operators, "keyslots": i.keyslots, "records": i.records,
                        "frames": i.frames, "superseded_bytes": i.garbageBytes, "torn_tail_bytes": i.tornTailBytes,
                        "libsodium": SodiumInfo.version,
                    ] as [String: Any])
                } else {
                    Out.line(tr(.infoVault, i.path))
                    Out.line(tr(.infoFormat, i.formatVersion))
                    Out.line(tr(.infoVaultId, i.vaultId))
                    Out.line(tr(.infoTerminal, i.terminalId))
                    Out.line(i.merchantName.map { tr(.infoMerchant, Out.text($0)) } ?? tr(.infoMerchantNone))
                    Out.line(tr(.infoCreated, LocalTime.string(i.created)))
                    Out.line(tr(.infoKDF, i.kdf.summary))
                    Out.line(tr(.infoSize, i.fileBytes, i.garbageBytes))
                    Out.line(tr(.infoOperators, i.operators))
                    Out.line(tr(.infoKeyslots, i.keyslots))
                    Out.line(tr(.infoRecords, i.records))
                    Out.line(tr(.infoFrames, i.frames.sorted { $0.key < $1.key }.map { "\(FrameKindText.name($0.key)) \($0.value)" }.joined(separator: ", ")))
                    if i.tornTailBytes > 0 {
                        Out.line(tr(.infoTorn, i.tornTailBytes))
                    }
                }
            }
        }
    }
}

/// The library's frame kinds (its English names, also the --json keys) as the user reads them.
enum FrameKindText {
    static func name(_ kind: String) -> String { known(kind) ?? kind }

    /// The words for a frame kind the catalog knows, nil for any other text.
    static func known(_ kind: String) -> String? {
        switch kind {
        case "index": tr(.fkIndex)
        case "keyslot": tr(.fkKeyslot)
        case "record": tr(.fkRecord)
        case "data": tr(.fkData)
        case "audit event": tr(.fkAudit)
        case "lockout counter": tr(.fkLockout)
        default: nil
        }
    }
}
