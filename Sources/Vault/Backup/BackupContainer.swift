import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// What the vault store tells the backup about the vault (no secrets: a backup needs no password).
public struct BackupSnapshotInfo: Sendable, Equatable {
    public var vaultID: [UInt8]
    public var terminalID: String
    /// The vault file's own format version.
    public var vaultFormatVersion: Int
    /// The key that authenticates this vault's backup markers (BackupMarker.macKey), or nil:
    /// then the backup carries no marker and `keep` deletes nothing.
    public var markerMACKey: SecretBytes?
    /// Why there is no marker key, in plain words (when `markerMACKey` is nil).
    public var noMarkerReason: String?

    public init(vaultID: [UInt8], terminalID: String, vaultFormatVersion: Int, markerMACKey: SecretBytes? = nil, noMarkerReason: String? = nil) {
        self.vaultID = vaultID
        self.terminalID = terminalID
        self.vaultFormatVersion = vaultFormatVersion
        self.markerMACKey = markerMACKey
        self.noMarkerReason = noMarkerReason
    }
}

/// The vault side of a backup. The store implements it: it takes the vault's lock, and while
/// it holds it, calls `body` with the vault's fields, a readable descriptor of the vault file
/// and the file's length. The backup reads exactly `length` bytes with pread(2) from offset 0
/// and never writes to the descriptor or closes it.
public protocol BackupSource {
    func withConsistentSnapshot<R>(_ body: (BackupSnapshotInfo, Int32, Int) throws -> R) throws -> R
}

/// The manifest at the front of a backup's plaintext (JSON, sorted keys).
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The container version (`BackupContainer.version`).
    public var format: Int
    public var vaultID: String
    public var terminalID: String
    /// UTC, ISO 8601 (`2026-11-22T00:15:03Z`).
    public var created: String
    public var vaultSize: UInt64
    public var vaultFormatVersion: Int
    public var vaultcliVersion: String

    enum CodingKeys: String, CodingKey {
        case format
        case vaultID = "vault_id"
        case terminalID = "terminal_id"
        case created
        case vaultSize = "vault_size"
        case vaultFormatVersion = "vault_format_version"
        case vaultcliVersion = "vaultcli_version"
    }
}

/// The backup container: the plaintext inside the age file (docs/FORMAT.md B.2).
///
///     magic "VAULTCLI-BACKUP\n" (16) | version u16 BE | manifest length u32 BE | manifest JSON
///     | vault bytes (vault_size)                                  version 2 (written now)
///     | vault bytes (vault_size) | BLAKE2b-256 of the vault bytes   version 1 (still read)
///
/// Version 2 has no trailer: age's STREAM already authenticates every byte, their order and
/// the end (the last-chunk flag), so an unkeyed digest inside it proves nothing more, and
/// hashing was the slowest stage of a restore. Version 1's trailer is still checked.
public enum BackupContainer {
    public static let magic = Array("VAULTCLI-BACKUP\n".utf8)
    /// The version written.
    public static let version = 2
    /// The versions read: 1 (with the BLAKE2b-256 trailer) and 2.
    public static let readableVersions = 1...2
    public static let maxManifest = 64 * 1024
    static let prefixSize = 16 + 2 + 4
    /// The size of version 1's trailer.
    static let v1TrailerSize = 32

    static func utcString(_ d: Date) -> String {
        ISO8601.string(d)
    }

    static func manifest(_ info: BackupSnapshotInfo, size: Int, created: Date) -> BackupManifest {
        BackupManifest(format: version, vaultID: lowerHex(info.vaultID),
                       terminalID: info.terminalID, created: utcString(created), vaultSize: UInt64(size),
                       vaultFormatVersion: info.vaultFormatVersion, vaultcliVersion: VaultVersion.string)
    }

    /// Magic, version (the manifest's `format`), manifest length and manifest.
    static func prefix(_ m: BackupManifest) throws -> [UInt8] {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = [UInt8](try enc.encode(m))
        var out = magic
        out += [UInt8(m.format >> 8 & 0xFF), UInt8(m.format & 0xFF)]
        let n = UInt32(json.count)
        out += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
        return out + json
    }
}

/// Produces the container's bytes (version 2) as a `ByteSource`: the prefix, then the vault
/// read with pread (exactly `length` bytes).
final class ContainerReader {
    private let prefix: [UInt8]
    private var prefixOffset = 0
    private let fd: Int32
    private let length: Int
    private var vaultOffset = 0

    init(prefix: [UInt8], fd: Int32, length: Int) {
        self.prefix = prefix
        self.fd = fd
        self.length = length
    }

    func read(into buf: UnsafeMutableRawBufferPointer) throws -> Int {
        var written = 0
        if prefixOffset < prefix.count {
            let n = min(buf.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + prefixOffset, byteCount: n) }
            prefixOffset += n
            written += n
        }
        while written < buf.count && vaultOffset < length {
            let want = min(buf.count - written, length - vaultOffset)
            let n = pread(fd, buf.baseAddress! + written, want, off_t(vaultOffset))
            if n < 0 {
                if errno == EINTR { continue }
                throw BackupError.io(path: "the vault", operation: "read", errno: errno)
            }
            if n == 0 { throw BackupError.sourceChanged(expected: length, got: vaultOffset) }
            vaultOffset += n
            written += n
        }
        return written
    }
}

/// Parses the container (version 1 or 2) from the decrypted stream (a `ByteSink`), passing the
/// vault bytes on to `vaultSink` and checking everything. `finish()` must be called at the end.
final class ContainerWriter {
    private enum State { case prefix, manifest(Int), vault, trailer, done }
    private var state = State.prefix
    private var pending: [UInt8] = []
    private let vaultSink: ByteSink
    /// The container version found (valid after the prefix).
    private(set) var version = 0
    /// Version 1 only: the trailer's digest, computed on a second thread.
    private var hash: BackgroundBLAKE2b? = nil
    private(set) var manifest: BackupManifest?
    private(set) var vaultBytes: UInt64 = 0
    /// The vault's BLAKE2b-256, checked against the trailer (version 1 only; nil for version 2).
    private(set) var vaultBLAKE2b: [UInt8]? = nil

    init(vaultSink: @escaping ByteSink) { self.vaultSink = vaultSink }

    func write(_ buf: UnsafeRawBufferPointer) throws {
        var off = 0
        while off < buf.count {
            switch state {
            case .prefix:
                let n = min(BackupContainer.prefixSize - pending.count, buf.count - off)
                pending += buf[off..<(off + n)]
                off += n
                if pending.count == BackupContainer.prefixSize {
                    guard pending.prefix(16).elementsEqual(BackupContainer.magic) else { throw BackupError.notABackup }
                    let v = Int(pending[16]) << 8 | Int(pending[17])
                    guard BackupContainer.readableVersions.contains(v) else {
                        throw BackupError.unsupportedBackupVersion(found: v, supported: BackupContainer.version)
                    }
                    version = v
                    if v == 1 { hash = BackgroundBLAKE2b() }
                    let m = Int(pending[18]) << 24 | Int(pending[19]) << 16 | Int(pending[20]) << 8 | Int(pending[21])
                    guard m > 0, m <= BackupContainer.maxManifest else { throw BackupError.manifestInvalid("its length \(m) is out of range") }
                    pending = []
                    state = .manifest(m)
                }
            case .manifest(let m):
                let n = min(m - pending.count, buf.count - off)
                pending += buf[off..<(off + n)]
                off += n
                if pending.count == m {
                    try parseManifest(pending)
                    pending = []
                    state = manifest!.vaultSize > 0 ? .vault : afterVault()
                }
            case .vault:
                let remaining = manifest!.vaultSize - vaultBytes
                let n = Int(min(UInt64(buf.count - off), remaining))
                let slice = UnsafeRawBufferPointer(rebasing: buf[off..<(off + n)])
                hash?.update(slice)
                try vaultSink(slice)
                vaultBytes += UInt64(n)
                off += n
                if vaultBytes == manifest!.vaultSize { state = afterVault() }
            case .trailer:
                let n = min(BackupContainer.v1TrailerSize - pending.count, buf.count - off)
                pending += buf[off..<(off + n)]
                off += n
                if pending.count == BackupContainer.v1TrailerSize {
                    let digest = hash!.finalize()
                    vaultBLAKE2b = digest
                    guard constantTimeEqual(digest, pending) else { throw BackupError.vaultHashMismatch }
                    state = .done
                }
            case .done:
                throw BackupError.manifestInvalid(version == 1 ? "there are bytes after the vault's digest" : "there are bytes after the vault")
            }
        }
    }

    /// Version 1 has its digest after the vault; version 2 ends there.
    private func afterVault() -> State { version == 1 ? .trailer : .done }

    private func parseManifest(_ bytes: [UInt8]) throws {
        let m: BackupManifest
        do { m = try JSONDecoder().decode(BackupManifest.self, from: Data(bytes)) } catch {
            throw BackupError.manifestInvalid("it is not the expected JSON")
        }
        guard m.format == version else {
            throw BackupError.manifestInvalid("its format \(m.format) is not the container version \(version)")
        }
        guard m.vaultID.count <= 128, m.vaultID.allSatisfy(\.isHexDigit) else { throw BackupError.manifestInvalid("vault_id is not hex") }
        guard ISO8601.date(m.created) != nil else { throw BackupError.manifestInvalid("created is not an ISO 8601 UTC time") }
        manifest = m
    }

    func finish() throws {
        guard case .done = state else { throw BackupError.containerTruncated }
    }
}
