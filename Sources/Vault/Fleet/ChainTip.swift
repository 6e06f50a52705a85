import FoundationEssentials
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

/// The chain's tip as this terminal last wrote it (`$XDG_STATE_HOME/vaultcli/fleet-tip-<vault
/// id>`, 0600, written atomically): the newest manifest's name, size, the store's MD5 of it and
/// its SHA-256. When the next backup's listing shows that same manifest as the newest, with that
/// size and MD5, its SHA-256 is the new manifest's `prev` without reading it back (2 requests
/// fewer a night). Anything else (no tip, another device continued the chain, a restore onto a
/// new device) reads the manifests as before. The file is no more trusted than the vault: whoever
/// can change it can read the vault's signing key; a wrong tip only breaks the chain, which
/// `fleet verify` reports.
struct ChainTip: Codable {
    var root: String
    var name: String
    var size: Int64
    var md5: String
    var sha256: String

    /// Whether `m` (the newest manifest a listing shows) is this tip: same name, size and MD5.
    func matches(_ m: FleetUploader.Step.Manifest) -> Bool {
        guard m.name == name, m.size == size, let theirs = m.md5, !theirs.isEmpty else { return false }
        return constantTimeEqual(Array(theirs.lowercased().utf8), Array(md5.utf8))
    }

    static func path(vaultID: String) -> String { VaultLocation.stateDirectory() + "/fleet-tip-" + vaultID }

    static func load(vaultID: String) -> ChainTip? {
        guard vaultID.allSatisfy({ $0.isHexDigit }), let b = FleetScratch.read(path(vaultID: vaultID)), b.count < 4096 else { return nil }
        return try? JSONDecoder().decode(ChainTip.self, from: Data(b))
    }

    /// Best effort: without it the next backup reads the previous manifest.
    func save(vaultID: String) {
        guard vaultID.allSatisfy({ $0.isHexDigit }), let data = try? JSONEncoder().encode(self) else { return }
        let p = Self.path(vaultID: vaultID)
        try? FileSystem.ensureDirectory(FileSystem.directory(of: p))
        try? FileSystem.atomicWrite(p, replace: true) { f in try f.write(Array(data), at: 0) }
    }
}
