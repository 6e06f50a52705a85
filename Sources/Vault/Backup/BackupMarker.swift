import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The vault and terminal a backup belongs to, as the restore compares them.
public struct VaultIdentity: Sendable, Equatable {
    /// Hex.
    public var vaultId: String
    public var terminalId: String

    public init(vaultId: String, terminalId: String) {
        self.vaultId = vaultId
        self.terminalId = terminalId
    }
}

/// What the store says about a restored vault file before it takes anyone's place: which vault
/// it is, and the key its backup markers verify under (nil: it has no marker key).
public struct RestoredVault: Sendable {
    public var identity: VaultIdentity
    public var markerMACKey: SecretBytes?

    public init(identity: VaultIdentity, markerMACKey: SecretBytes? = nil) {
        self.identity = identity
        self.markerMACKey = markerMACKey
    }
}

/// The backup marker (docs/FORMAT.md B.6): one extra stanza at the end of the age header,
///
///     -> vaultcli-backup 1 <vault id, 32 hex> <terminal id> <yyyyMMddTHHmmssZ>
///     <base64 of a 32-byte HMAC-SHA-256>
///
/// readable without any identity, so that `backup --keep` can tell this vault's backups from
/// everything else on a stick. The MAC is under a key derived from the vault's marker key (a
/// public record of the vault, type 14) and covers the header's bytes before the marker (the
/// version line and the recipient stanzas, unique to this file), so a marker is bound to the
/// file it sits in. age implementations skip the stanza (an X25519 identity ignores stanzas of
/// other types), so `age -d -i KEY` still decrypts the file.
public struct BackupMarker: Sendable, Equatable {
    public static let stanzaType = "vaultcli-backup"
    static let version = "1"
    static let domain = Array("vaultcli backup marker v1\n".utf8)

    public var vaultID: String
    public var terminalID: String
    public var created: Date
    var mac: [UInt8]
    /// The header bytes before the marker stanza (what the MAC covers with the arguments).
    var headerBefore: [UInt8]

    /// The MAC key: HKDF-SHA-256(ikm = the vault's marker key, salt = vault id, info = "vaultcli v2 backup marker").
    static func macKey(markerKey: SecretBytes, vaultID: [UInt8]) throws -> SecretBytes {
        try HKDF.deriveSecret(ikm: markerKey, salt: vaultID, info: Derivation.backupMarker)
    }

    static func arguments(vaultID: String, terminalID: String, created: Date) -> [String] {
        [version, vaultID, terminalID, BackupFS.compactUTC(created)]
    }

    static func message(headerBefore: [UInt8], args: [String]) -> [UInt8] {
        domain + headerBefore + Array(([stanzaType] + args).joined(separator: " ").utf8) + [0x0A]
    }

    /// The stanza for a new backup whose header so far (version line and recipient stanzas)
    /// is `headerBefore`.
    static func stanza(headerBefore: [UInt8], vaultID: String, terminalID: String, created: Date, macKey: SecretBytes) -> AgeStanza {
        let args = arguments(vaultID: vaultID, terminalID: terminalID, created: created)
        let mac = macKey.withUnsafeBytes { HMACSHA256.mac(key: $0, message: message(headerBefore: headerBefore, args: args)) }
        return AgeStanza(type: stanzaType, args: args, body: mac)
    }

    /// The marker of a parsed header, if it has one that is well formed: the last stanza, the
    /// only one of its type, with exactly the four arguments and a 32-byte body. Not checked
    /// against any key here (`verify`).
    static func find(in header: AgeHeader) -> BackupMarker? {
        let marks = header.stanzas.filter { $0.type == stanzaType }
        guard marks.count == 1, let s = header.stanzas.last, s.type == stanzaType, s.args.count == 4, s.args[0] == version,
              s.args[1].count == 32, s.args[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              (try? Names.validateTerminalId(s.args[2])) == s.args[2],
              let created = BackupFS.parseCompactUTC(s.args[3]), s.body.count == 32 else { return nil }
        let before = AgeHeader.encodeStanzas(Array(header.stanzas.dropLast()))
        return BackupMarker(vaultID: s.args[1], terminalID: s.args[2], created: created, mac: s.body, headerBefore: before)
    }

    /// Whether the MAC verifies under `macKey` (constant-time compare).
    func verifies(macKey: SecretBytes) -> Bool {
        let m = Self.message(headerBefore: headerBefore, args: Self.arguments(vaultID: vaultID, terminalID: terminalID, created: created))
        return macKey.withUnsafeBytes { HMACSHA256.verify(tag: mac, key: $0, message: m) }
    }

    /// Reads the marker from the age header of the file at `path` (binary or armored) without
    /// decrypting anything. nil: not a regular file, not an age file, or no well-formed marker.
    static func read(path: String) -> BackupMarker? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let io = SystemIO()
        // The header is at most 1 MiB (AgeHeader.maxHeader); armor adds a third.
        var budget = AgeHeader.maxHeader * 2
        let raw = InputBuffer(capacity: 64 * 1024) { buf in
            guard budget > 0 else { return 0 }
            let n = try readSome(io, fd: fd, into: UnsafeMutableRawBufferPointer(rebasing: buf[0..<min(buf.count, budget)]), path: path)
            budget -= n
            return n
        }
        do {
            let input: InputBuffer
            if try AgeArmor.looksArmored(raw) {
                let inner = InputBuffer(capacity: 64 * 1024) { try raw.read(into: $0) }
                let dec = ArmorDecoder(input: inner)
                input = InputBuffer(capacity: 64 * 1024) { try dec.read(into: $0) }
            } else {
                input = raw
            }
            return find(in: try AgeHeader.parse(input))
        } catch {
            return nil
        }
    }
}
