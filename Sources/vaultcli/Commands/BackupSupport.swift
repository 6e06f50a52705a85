import ArgumentParser
import Catalog
import Dispatch
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

/// Options that name who can open a backup (verify, restore).
struct IdentityOptions: ParsableArguments {
    @Option(name: [.short, .customLong("identity")], help: ArgumentHelp(tr(.hIdentity), valueName: "file"),
            completion: .file())
    var identities: [String] = []

    @Flag(name: .long, help: ArgumentHelp(tr(.hBackupPassphrase)))
    var passphrase = false

    @OptionGroup var secret: PasswordSource

    func validate() throws {
        if identities.isEmpty && !passphrase {
            throw ValidationError(tr(.bkSayHowToOpen))
        }
    }

    func load() throws -> [AgeIdentity] {
        var out: [AgeIdentity] = []
        for path in identities { out += try AgeKeyFile.read(path: path) }
        if passphrase { out.append(.scrypt(passphrase: try secret.read(prompt: tr(.promptBackupPassphrase)))) }
        return out
    }
}

/// A progress line on stderr, only when stderr is a terminal; at most ~5 updates a second.
final class ProgressLine {
    private let label: String
    private var last: UInt64 = 0
    private var shown = false
    let enabled = Diagnostics.stderrIsTTY

    init(_ label: String) { self.label = label }

    func update(_ bytes: Int64) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if now - last < 200_000_000 { return }
        last = now
        shown = true
        Diagnostics.write("\rvaultcli: " + tr(.progressMB, label, fixedPoint(Double(bytes) / 1e6, decimals: 1)))
    }

    /// With a known total: bytes and percent.
    func update(_ bytes: Int64, of total: Int64) {
        guard enabled, total > 0 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if now - last < 200_000_000 { return }
        last = now
        shown = true
        Diagnostics.write("\rvaultcli: " + tr(.progressOfMB, label, fixedPoint(Double(bytes) / 1e6, decimals: 1), fixedPoint(Double(total) / 1e6, decimals: 1), Int(bytes * 100 / total)))
    }

    func done() { if shown { Diagnostics.write("\r\u{1B}[K") } }

    var callback: ((Int64) -> Void)? { enabled ? { [self] in update($0) } : nil }
}

/// Opens an input path, "-" being stdin.
func openInput(_ path: String) throws -> (fd: Int32, name: String, close: Bool) {
    if path == "-" { return (STDIN_FILENO, tr(.srcStandardInput), false) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw BackupError.io(path: path, operation: "open", errno: errno) }
    return (fd, path, true)
}

func summaryJSON(_ s: BackupReader.Summary, contents: VaultContents? = nil) -> [String: Any] {
    var d: [String: Any] = [
        "format": s.manifest.format,
        "vault_id": s.manifest.vaultID,
        "terminal_id": s.manifest.terminalID,
        "created": s.manifest.created,
        "vault_size": s.manifest.vaultSize,
        "vault_format_version": s.manifest.vaultFormatVersion,
        "vaultcli_version": s.manifest.vaultcliVersion,
        "vault_blake2b": s.vaultBLAKE2b.map { lowerHex($0) as Any } ?? JSONNull(),
        "recipients": s.stanzaTypes,
        "armored": s.armored,
    ]
    d["marker"] = s.marker.map { m -> [String: Any] in
        ["vault_id": m.vaultID, "terminal_id": m.terminalID, "created": ISO8601.string(m.created)]
    } ?? JSONNull()
    if let c = contents {
        d["counts"] = ["operators": c.operators, "keyslots": c.keyslots, "records": c.records,
                       "data_frames": c.dataFrames, "audit_events": c.auditEvents]
    }
    return d
}

func printSummary(_ s: BackupReader.Summary, verb: String, contents: VaultContents? = nil) {
    Out.line(tr(.sumHeader, verb, s.manifest.format, Out.text(s.manifest.terminalID)))
    Out.line(tr(.sumCreated, ISO8601.date(s.manifest.created).map(LocalTime.string) ?? Out.text(s.manifest.created)))
    Out.line(tr(.sumVaultId, Out.text(s.manifest.vaultID)))
    Out.line(s.vaultBLAKE2b.map { tr(.sumVault, s.vaultBytes, lowerHex($0)) } ?? tr(.sumVaultNoDigest, s.vaultBytes))
    Out.line(tr(.sumSealedTo, s.stanzaTypes.joined(separator: ", "), s.armored ? tr(.sumArmored) : ""))
    if let m = s.marker {
        Out.line(tr(.sumMarker, m.vaultID, m.terminalID, LocalTime.string(m.created)))
    } else {
        Out.line(tr(.sumNoMarker))
    }
    if let c = contents {
        Out.line(tr(.sumHolds, c.operators, c.keyslots, c.records, c.dataFrames, c.auditEvents))
    }
}
