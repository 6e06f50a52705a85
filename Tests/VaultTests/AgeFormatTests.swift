import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Round trips, Bech32 keys, armor and strictness of our own writer.
final class AgeFormatTests: XCTestCase {
    /// `pipelined`: encrypted on a second thread (the backup's way), written here.
    static func encrypt(_ plain: [UInt8], to recipients: [AgeRecipient], armor: Bool = false, pipelined: Bool = false) throws -> [UInt8] {
        var out: [UInt8] = []
        var off = 0
        try AgeEncryptor.encrypt(recipients: recipients, armor: armor, pipelined: pipelined, read: { buf in
            let n = min(buf.count, plain.count - off)
            if n > 0 { plain.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + off, byteCount: n) } }
            off += n
            return n
        }, write: { out += $0 })
        return out
    }

    static func decrypt(_ file: [UInt8], with identities: [AgeIdentity], armor: Bool? = nil) throws -> [UInt8] {
        var out: [UInt8] = []
        var off = 0
        try AgeDecryptor.decrypt(identities: identities, armor: armor, read: { buf in
            let n = min(buf.count, file.count - off)
            if n > 0 { file.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + off, byteCount: n) } }
            off += n
            return n
        }, write: { out += $0 })
        return out
    }

    func testBech32KnownIdentityAndRecipient() throws {
        // The testkit's identity; its recipient computed by age-keygen -y.
        let id = try AgeIdentity.parse("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0")
        XCTAssertEqual(id.secretString(), "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0")
        let r = try XCTUnwrap(try id.recipient())
        let s = try XCTUnwrap(r.string)
        XCTAssertTrue(s.hasPrefix("age1"))
        XCTAssertEqual(try AgeRecipient.parse(s).string, s)
    }

    func testBech32Strictness() throws {
        let good = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"
        XCTAssertThrowsError(try AgeIdentity.parse(good.lowercased()))          // identities are uppercase
        XCTAssertThrowsError(try AgeIdentity.parse(String(good.dropLast()) + "1")) // checksum
        var mixed = Array(good); mixed[20] = Character(mixed[20].lowercased())
        XCTAssertThrowsError(try AgeIdentity.parse(String(mixed)))
        let id = try AgeIdentity.parse(good)
        let rs = try XCTUnwrap(try id.recipient()?.string)
        XCTAssertThrowsError(try AgeRecipient.parse(rs.uppercased()))             // wrong HRP case
        XCTAssertThrowsError(try AgeRecipient.parse(rs + "q"))
        XCTAssertThrowsError(try AgeRecipient.parse(String(rs.dropLast(2))))
        // A 31-byte key with a valid checksum is still refused.
        XCTAssertThrowsError(try AgeRecipient.parse(Bech32.encode(hrp: "age", data: [UInt8](repeating: 1, count: 31))))
        XCTAssertThrowsError(try AgeRecipient.parse(Bech32.encode(hrp: "agf", data: [UInt8](repeating: 1, count: 32))))
    }

    func testRoundTripSizesX25519() throws {
        let id = try AgeIdentity.generate()
        let r = try XCTUnwrap(try id.recipient())
        let c = AgeStream.chunkSize
        // Pipelined: sizes around the pool's 16-chunk buffers too, and across several of them.
        for (size, pipelined) in [0, 1, 100, c - 1, c, c + 1, 2 * c, 3 * c + 17, 17 * c, 16 * c].map({ ($0, false) })
            + [0, 1, c, c + 1, 16 * c - 1, 16 * c, 16 * c + 1, 32 * c, 40 * c + 5].map({ ($0, true) }) {
            let plain = SecureRandom.bytes(size)
            let file = try Self.encrypt(plain, to: [r], pipelined: pipelined)
            XCTAssertEqual(file.count, try Self.encrypt(plain, to: [r]).count, "size \(size): the same length either way")
            XCTAssertEqual(try Self.decrypt(file, with: [id]), plain, "size \(size), pipelined \(pipelined)")
            let armored = try Self.encrypt(plain, to: [r], armor: true, pipelined: pipelined)
            XCTAssertTrue(armored.starts(with: Array("-----BEGIN AGE ENCRYPTED FILE-----\n".utf8)))
            XCTAssertEqual(try Self.decrypt(armored, with: [id]), plain, "armored size \(size), pipelined \(pipelined)")
            // Every armor line is 64 columns but the last.
            let lines = String(decoding: armored, as: UTF8.self).split(separator: "\n")
            for l in lines.dropFirst().dropLast(2) { XCTAssertEqual(l.count, 64) }
        }
    }

    func testMultipleRecipientsAndWrongIdentity() throws {
        let a = try AgeIdentity.generate(), b = try AgeIdentity.generate(), c = try AgeIdentity.generate()
        let plain = Array("shop 17 vault".utf8)
        let file = try Self.encrypt(plain, to: [try a.recipient()!, try b.recipient()!])
        XCTAssertEqual(try Self.decrypt(file, with: [b]), plain)
        XCTAssertEqual(try Self.decrypt(file, with: [c, a]), plain)
        XCTAssertThrowsError(try Self.decrypt(file, with: [c])) { XCTAssertEqual($0 as? BackupError, .noMatchingIdentity) }
    }

    func testScryptRoundTripAndWrongPassphrase() throws {
        let pw = try SecretBytes(copying: Array("correct horse".utf8))
        let plain = SecureRandom.bytes(70_000)
        // logN 10 is below the encryption floor unless the test knob is on.
        if !KDFPolicy.testKnobActive {
            XCTAssertThrowsError(try Self.encrypt(plain, to: [.scrypt(passphrase: pw, logN: 10)]))
        }
        let file = try Self.encrypt(plain, to: [.scrypt(passphrase: pw, logN: AgeScrypt.defaultLogN)])
        XCTAssertTrue(String(decoding: file.prefix(100), as: UTF8.self).contains("-> scrypt "))
        XCTAssertEqual(try Self.decrypt(file, with: [.scrypt(passphrase: pw)]), plain)
        XCTAssertThrowsError(try Self.decrypt(file, with: [.scrypt(passphrase: try SecretBytes(copying: Array("wrong".utf8)))])) {
            XCTAssertEqual($0 as? BackupError, .wrongPassphrase)
        }
        XCTAssertThrowsError(try Self.decrypt(file, with: [try AgeIdentity.generate()])) {
            XCTAssertEqual($0 as? BackupError, .noMatchingIdentity)
        }
    }

    func testRecipientRules() throws {
        let pw = try SecretBytes(copying: Array("pw".utf8))
        XCTAssertThrowsError(try Self.encrypt([1], to: [])) { XCTAssertEqual($0 as? BackupError, .noRecipients) }
        XCTAssertThrowsError(try Self.encrypt([1], to: [.passphrase(pw), try AgeIdentity.generate().recipient()!])) {
            XCTAssertEqual($0 as? BackupError, .passphraseNotAlone)
        }
        // A low-order recipient key is refused rather than producing a zero shared secret.
        XCTAssertThrowsError(try Self.encrypt([1], to: [.x25519(publicKey: [UInt8](repeating: 0, count: 32))]))
    }

    /// Every single-bit flip anywhere in a small file is an error, never wrong plaintext.
    func testEveryBitFlipIsDetected() throws {
        let id = try AgeIdentity.generate()
        let plain = SecureRandom.bytes(300)
        let file = try Self.encrypt(plain, to: [try id.recipient()!])
        for i in 0..<file.count {
            for bit in [0, 3, 7] {
                var f = file
                f[i] ^= UInt8(1 << bit)
                do {
                    let out = try Self.decrypt(f, with: [id], armor: false)
                    XCTFail("flip at byte \(i) bit \(bit) went unnoticed (\(out.count) bytes)")
                } catch let e as BackupError {
                    XCTAssertNotNil(e.ageFailureClass, "\(e)")
                }
            }
        }
    }

    func testTruncationAtEveryChunkBoundaryIsAnError() throws {
        let id = try AgeIdentity.generate()
        let plain = SecureRandom.bytes(3 * AgeStream.chunkSize)
        let file = try Self.encrypt(plain, to: [try id.recipient()!])
        let headerLen = file.count - (3 * AgeStream.encryptedChunkSize) - AgeStream.nonceSize
        for cut in [file.count - 1, file.count - AgeStream.encryptedChunkSize, headerLen + 16 + AgeStream.encryptedChunkSize, headerLen + 16, headerLen + 5, headerLen - 1, 10] {
            XCTAssertThrowsError(try Self.decrypt(Array(file.prefix(cut)), with: [id]), "cut at \(cut)")
        }
        XCTAssertThrowsError(try Self.decrypt(file + [0], with: [id])) { XCTAssertEqual(($0 as? BackupError)?.ageFailureClass, .payload) }
    }

    func testFileDescriptorAPI() throws {
        let dir = try TempDir()
        let id = try AgeIdentity.generate()
        let plain = SecureRandom.bytes(1_000_003)
        try Data(plain).write(to: dir.url("p"))
        let inFD = open(dir.path("p"), O_RDONLY), outFD = open(dir.path("c"), O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try AgeEncryptor.encrypt(from: inFD, to: outFD, recipients: [try id.recipient()!])
        close(inFD); close(outFD)
        let cFD = open(dir.path("c"), O_RDONLY), dFD = open(dir.path("d"), O_WRONLY | O_CREAT | O_EXCL, 0o600)
        let info = try AgeDecryptor.decrypt(from: cFD, to: dFD, identities: [id])
        close(cFD); close(dFD)
        XCTAssertEqual(info.stanzaTypes, ["X25519"])
        XCTAssertEqual([UInt8](try Data(contentsOf: dir.url("d"))), plain)
    }
}

/// A temporary directory removed at deinit.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vaultcli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func url(_ name: String) -> URL { url.appendingPathComponent(name) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var path: String { url.path }
}


/// Issue 11, point 8: the identity file text is built in locked memory, byte for byte what
/// age-keygen writes (the same lines as the string form).
final class AgeKeyFileRenderTests: XCTestCase {
    func testRenderedIdentityIsTheKeygenLayout() throws {
        let id = try AgeIdentity.generate()
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let text = try AgeKeyFile.render(id, created: created).withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        let r = try XCTUnwrap(try id.recipient()?.string)
        XCTAssertEqual(text, "# created: 2027-01-15T08:00:00Z\n# public key: \(r)\n\(try XCTUnwrap(id.secretString()))\n")
        XCTAssertEqual(try AgeIdentity.parseFile(contents: text, path: "t").count, 1)
    }
}
