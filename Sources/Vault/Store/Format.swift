import FoundationEssentials
import Glibc
import VaultCrypto

/// Constants and codecs of vault format v1 (docs/FORMAT.md is the normative text).
enum FormatV1 {
    static let magic: [UInt8] = Array("VAULTCLI".utf8)
    /// The version new vaults are written in. Version 1 files are still read (and moved to 2 by
    /// `upgrade`); the header layout is the same, the frames gain a signer byte (A.2, A.10).
    static let version: UInt16 = 2
    static let legacyVersion: UInt16 = 1
    static let headerLength = 128
    static let terminalIdBytes = 16
    static let frameHeaderLength = 52
    static let trailerLength = 8
    static let trailerMagic: [UInt8] = [0x56, 0x46, 0x52, 0x31]  // "VFR1"
    static let linkBytes = 16
    static let maxFrameLength = 16 << 20
    static let minFrameLength = frameHeaderLength + linkBytes + trailerLength
    /// AEAD frames: nonce + tag.
    static let aeadOverhead = XChaCha20Poly1305.nonceBytes + XChaCha20Poly1305.tagBytes
}

/// What a frame holds.
public enum FrameKind: UInt8, Sendable, CaseIterable {
    /// The list of live metadata frames (public). Written after every metadata change.
    case index = 1
    /// A keyslot (public; its key payload is AEAD-wrapped).
    case slot = 2
    /// A metadata record (operator profile, policy, account, ...), superseded by subject.
    case record = 3
    /// An append-only data record batch (transactions).
    case data = 5
    /// An audit event, sealed to the vault's audit public key.
    case audit = 6
    /// An operator's failed-login counter (public, so a process without keys can keep it).
    case lockout = 7

    /// Metadata kinds are superseded by (kind, subject) and listed in the index.
    var isMeta: Bool { self == .slot || self == .record || self == .lockout }
}

/// Which key protects a frame's body.
public enum KeyClass: UInt8, Sendable, CaseIterable, Comparable {
    /// No key: plaintext body, integrity by BLAKE2b-128 (public frames).
    case none = 0
    /// The shared data key: every operator holds it.
    case shared = 1
    /// The manager data key: managers and admins.
    case manager = 2
    /// The admin data key: admins (and recovery slots) only.
    case admin = 3
    /// A sealed box to the vault's audit public key, plus BLAKE2b-128.
    case sealed = 4

    public static func < (a: KeyClass, b: KeyClass) -> Bool { a.rawValue < b.rawValue }
    var isAEAD: Bool { self == .shared || self == .manager || self == .admin }
}

/// The fixed 128-byte file header.
struct VaultHeader: Equatable {
    var version: UInt16 = FormatV1.version
    var flags: UInt32 = 0
    var vaultId: [UInt8]
    var created: UInt64
    var kdf: KDFParameters
    var auditPublicKey: [UInt8]
    var terminalId: String

    func encode() -> [UInt8] {
        var w = ByteWriter(capacity: FormatV1.headerLength)
        w.raw(FormatV1.magic)
        w.u16(version)
        w.u16(UInt16(FormatV1.headerLength))
        w.u32(flags)
        w.raw(vaultId)
        w.u64(created)
        w.u32(kdf.memoryKiB)
        w.u32(kdf.iterations)
        w.raw(auditPublicKey)
        var t = Array(terminalId.utf8.prefix(FormatV1.terminalIdBytes))
        t += [UInt8](repeating: 0, count: FormatV1.terminalIdBytes - t.count)
        w.raw(t)
        w.raw(Hash.blake2b(w.bytes, length: 32))
        precondition(w.bytes.count == FormatV1.headerLength)
        return w.bytes
    }

    /// Parses and checks a header. Throws notAVault, unsupportedVersion or corrupt.
    static func decode(_ b: [UInt8], path: String) throws -> VaultHeader {
        guard b.count >= 12, Array(b[0..<8]) == FormatV1.magic else {
            if b.count < 8 && FormatV1.magic.starts(with: b) && !b.isEmpty {
                throw VaultError.corrupt(path: path, part: "the file is shorter than its header (\(b.count) bytes)")
            }
            throw VaultError.notAVault(path: path)
        }
        var r = ByteReader(b, offset: 8)
        let version = try! r.u16()
        if version != FormatV1.version && version != FormatV1.legacyVersion {
            throw VaultError.unsupportedVersion(found: Int(version), supported: Int(FormatV1.version))
        }
        guard b.count >= FormatV1.headerLength else {
            throw VaultError.corrupt(path: path, part: "the file is shorter than its header (\(b.count) bytes)")
        }
        let sum = Hash.blake2b(Array(b[0..<96]), length: 32)
        guard sum == Array(b[96..<128]) else {
            throw VaultError.corrupt(path: path, part: "file header (checksum mismatch)")
        }
        let hlen = try! r.u16()
        let flags = try! r.u32()
        guard hlen == UInt16(FormatV1.headerLength) else { throw VaultError.corrupt(path: path, part: "file header (length field)") }
        guard flags == 0 else { throw VaultError.unsupportedVersion(found: Int(version), supported: Int(FormatV1.version)) }
        let id = try! r.array(16)
        let created = try! r.u64()
        let m = try! r.u32(), t = try! r.u32()
        let apk = try! r.array(32)
        let tid = try! r.array(FormatV1.terminalIdBytes)
        let term = String(decoding: tid.prefix { $0 != 0 }, as: UTF8.self)
        return VaultHeader(version: version, flags: flags, vaultId: id, created: created,
                           kdf: KDFParameters(memoryKiB: m, iterations: t), auditPublicKey: apk, terminalId: term)
    }

    /// The link that the first frame chains to.
    var anchorLink: [UInt8] { Hash.blake2b(encode(), length: 16) }
}

/// Which signing key authenticates a frame's contents (format v2; byte 6 of the frame header).
public enum Signer: UInt8, Sendable {
    case none = 0
    /// The manager signing key (managers and admins hold it).
    case manager = 2
    /// The admin signing key (admins and the recovery material hold it).
    case admin = 3
}

/// A parsed frame header.
struct FrameHeader {
    var length: Int
    var kind: FrameKind
    var keyClass: KeyClass
    var signer: Signer = .none
    /// Erased in place (format v2): a superseded metadata frame whose body was overwritten with
    /// zeros; its header, tag and trailer stay so the chain still holds.
    var erased = false
    var indexOffset: UInt64
    var prevLink: [UInt8]
    var subject: [UInt8]

    static let zeroSubject = [UInt8](repeating: 0, count: 16)
    static let erasedMarker: UInt8 = 0xFF

    func encode() -> [UInt8] {
        var w = ByteWriter(capacity: FormatV1.frameHeaderLength)
        w.u32(UInt32(length))
        w.u8(kind.rawValue)
        w.u8(keyClass.rawValue)
        w.u8(erased ? FrameHeader.erasedMarker : signer.rawValue)
        w.u8(0)
        w.u64(indexOffset)
        w.raw(prevLink)
        w.raw(subject)
        w.raw(Hash.blake2b(w.bytes, length: 16).prefix(4))
        return w.bytes
    }

    enum DecodeFailure: Error { case damaged(String) }

    /// Decodes and checks the 52 header bytes at `p`.
    static func decode(_ p: UnsafeRawBufferPointer) throws(DecodeFailure) -> FrameHeader {
        precondition(p.count >= FormatV1.frameHeaderLength)
        let check = Hash.blake2b(UnsafeRawBufferPointer(rebasing: p[0..<48]), length: 16)
        if check[0] != p[48] || check[1] != p[49] || check[2] != p[50] || check[3] != p[51] {
            throw .damaged("frame header checksum mismatch")
        }
        let len = Int(readLE32(p.baseAddress!, 0))
        guard len >= FormatV1.minFrameLength, len <= FormatV1.maxFrameLength else { throw .damaged("frame length \(len) out of range") }
        guard let kind = FrameKind(rawValue: p[4]) else { throw .damaged("unknown frame kind \(p[4])") }
        guard let kc = KeyClass(rawValue: p[5]) else { throw .damaged("unknown key class \(p[5])") }
        guard p[7] == 0 else { throw .damaged("reserved byte not zero") }
        let erased = p[6] == FrameHeader.erasedMarker
        guard let signer = erased ? Signer.none : Signer(rawValue: p[6]) else { throw .damaged("unknown signer \(p[6])") }
        if kc.isAEAD && len < FormatV1.minFrameLength + XChaCha20Poly1305.nonceBytes { throw .damaged("frame too short for its cipher") }
        let h = FrameHeader(length: len, kind: kind, keyClass: kc, signer: signer, erased: erased, indexOffset: readLE64(p.baseAddress!, 8),
                            prevLink: Array(p[16..<32]), subject: Array(p[32..<48]))
        if let why = FrameRules.kindViolation(h) { throw .damaged(why) }
        return h
    }
}

/// The body of an index frame: where the live metadata frames are.
struct IndexBody {
    struct Entry: Hashable { var kind: FrameKind; var subject: [UInt8]; var offset: UInt64 }
    var entries: [Entry]
    /// Bytes of frames that later frames superseded (compaction reclaims them).
    var garbageBytes: UInt64

    func encode() -> [UInt8] {
        var w = ByteWriter(capacity: 16 + entries.count * 25)
        w.u32(UInt32(entries.count))
        for e in entries { w.u8(e.kind.rawValue); w.raw(e.subject); w.u64(e.offset) }
        w.u64(garbageBytes)
        return w.bytes
    }

    static func decode(_ b: [UInt8]) throws -> IndexBody {
        var r = ByteReader(b)
        let n = Int(try r.u32())
        guard n <= 1_000_000 else { throw ByteReader.Truncated() }
        var entries: [Entry] = []
        entries.reserveCapacity(n)
        for _ in 0..<n {
            guard let k = FrameKind(rawValue: try r.u8()), k.isMeta else { throw ByteReader.Truncated() }
            entries.append(Entry(kind: k, subject: try r.array(16), offset: try r.u64()))
        }
        let g = try r.u64()
        guard r.atEnd else { throw ByteReader.Truncated() }
        return IndexBody(entries: entries, garbageBytes: g)
    }
}
