#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// The fuzz targets of the age format and backups: the header, ASCII armor, the STREAM payload and
// the backup container.

extension FuzzTargets {
    // MARK: age

    static func identities() -> [AgeIdentity] {
        [try! AgeIdentity.parse(testkitIdentity), try! AgeIdentity.parse(fixtureRecoveryIdentity)]
    }
    nonisolated(unsafe) private static var cachedIdentities: [AgeIdentity]?
    static var fixedIdentities: [AgeIdentity] {
        if let c = cachedIdentities { return c }
        let c = identities()
        cachedIdentities = c
        return c
    }

    /// The age header parser alone (from an in-memory buffer split in pieces). A header that
    /// parses must be exactly what its stanzas encode to (the parse is strict).
    static func ageHeader(_ b: [UInt8]) {
        let input = InputBuffer(capacity: 2 * AgeHeader.maxHeader, source: pieces(b, seed: b.last ?? 0))
        guard let h = try? AgeHeader.parse(input) else { return }
        expect(AgeHeader.encodeStanzas(h.stanzas) + Array("---".utf8) == h.macInput, "age header does not encode back to its bytes")
        _ = BackupMarker.find(in: h)
        _ = try? AgeDecryptor.unwrapFileKey(h, identities: fixedIdentities)
    }

    /// The armor decoder, reading everything; what it decodes must armor back to a file the
    /// decoder gives the same bytes for.
    static func ageArmor(_ b: [UInt8]) {
        let inner = InputBuffer(capacity: 64 * 1024, source: pieces(b, seed: b.first ?? 0))
        let dec = ArmorDecoder(input: inner)
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        do {
            while true {
                let n = try buf.withUnsafeMutableBytes { try dec.read(into: $0) }
                if n == 0 { break }
                out += buf[0..<n]
                if out.count > 8 << 20 { return }
            }
        } catch { return }
        var armored: [UInt8] = []
        let enc = try! ArmorEncoder(sink: { armored += $0 })
        try! out.withUnsafeBytes { try enc.write($0) }
        try! enc.finish()
        let again = ArmorDecoder(input: InputBuffer(capacity: 64 * 1024, source: pieces(armored, seed: 0)))
        var out2: [UInt8] = []
        while true {
            let n = try! buf.withUnsafeMutableBytes { try again.read(into: $0) }
            if n == 0 { break }
            out2 += buf[0..<n]
        }
        expect(out2 == out, "armor round trip changed the bytes")
    }

    /// A whole age file decrypted with the testkit and fixture identities (armor detected,
    /// header, MAC, STREAM), from an input split in pieces. Testkit vectors and fixture backups
    /// are sealed to these identities, so seeds get past the header MAC and mutations reach the
    /// STREAM chunking. Then the keyed path proper: the input is the plaintext that the harness
    /// encrypts to the testkit recipient, then decrypts (round trip must hold).
    static func ageStream(_ b: [UInt8]) {
        var released = 0
        _ = try? AgeDecryptor.decrypt(identities: fixedIdentities, armor: nil, read: pieces(b, seed: b.last ?? 0),
                                      write: { released += $0.count })
        let rcpt = try! fixedIdentities[0].recipient()!
        var sealed: [UInt8] = []
        try! AgeEncryptor.encrypt(recipients: [rcpt], armor: (b.first ?? 0) & 1 == 1, read: pieces(b, seed: 0), write: { sealed += $0 })
        var plain: [UInt8] = []
        do {
            _ = try AgeDecryptor.decrypt(identities: fixedIdentities, armor: nil, read: pieces(sealed, seed: b.first ?? 0), write: { plain += $0 })
        } catch { expect(false, "a file we encrypted does not decrypt: \(error)") }
        expect(plain == b, "age round trip changed the bytes")
    }

    /// The backup container as read after decryption (ContainerWriter, fed in pieces); then a
    /// whole backup: the input sealed by the harness to the testkit recipient and verified by
    /// BackupReader (age, STREAM, container, digest).
    static func backupContainer(_ b: [UInt8]) {
        let cw = ContainerWriter(vaultSink: { _ in })
        let src = pieces(b, seed: b.last ?? 0)
        var buf = [UInt8](repeating: 0, count: 128)
        var ok = true
        do {
            while true {
                let n = try buf.withUnsafeMutableBytes { try src($0) }
                if n == 0 { break }
                try buf.withUnsafeBytes { try cw.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            }
            try cw.finish()
        } catch { ok = false }
        if ok { expect(cw.manifest != nil && cw.vaultBytes == cw.manifest!.vaultSize, "container accepted with a wrong vault size") }

        let rcpt = try! fixedIdentities[0].recipient()!
        var sealed: [UInt8] = []
        try! AgeEncryptor.encrypt(recipients: [rcpt], armor: false, read: pieces(b, seed: 0), write: { sealed += $0 })
        let path = writeScratch("backup.age", sealed)
        defer { unlink(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { fatalError("fuzz: cannot open \(path)") }
        defer { close(fd) }
        let verified = (try? BackupReader(identities: fixedIdentities).verify(from: fd)) != nil
        expect(verified == ok, "the backup reader and the container parser disagree (reader \(verified), parser \(ok))")
    }
}
#endif
