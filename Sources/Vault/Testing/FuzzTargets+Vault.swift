#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// The fuzz targets of the vault format: the file header, keyed frames, keyslots, the index and a
// whole vault file.

extension FuzzTargets {
    // MARK: vault format

    /// The 128-byte file header. Also decoded with its checksum made right, so mutations reach
    /// the checks behind it; a header that decodes must encode back to the same bytes when its
    /// terminal id is canonical.
    static func vaultHeader(_ b: [UInt8]) {
        _ = try? VaultHeader.decode(b, path: "fuzz")
        guard b.count >= FormatV1.headerLength else { return }
        var fixed = Array(b[0..<FormatV1.headerLength])
        fixed.replaceSubrange(96..<128, with: Hash.blake2b(Array(fixed[0..<96]), length: 32))
        guard let h = try? VaultHeader.decode(fixed, path: "fuzz") else { return }
        let tid = fixed[80..<96]
        let canonical = tid.drop(while: { $0 != 0 }).allSatisfy({ $0 == 0 }) && String(validating: tid.prefix { $0 != 0 }, as: UTF8.self) != nil
        if canonical { expect(h.encode() == fixed, "vault header does not encode back to its bytes") }
        _ = h.anchorLink
    }

    /// A frame header (52 bytes, also with its checksum made right), then a whole frame read
    /// through the vault's real read path after authentication: the rest of the input is a
    /// plaintext body that the harness seals under a fixed key ring (VaultFile.sealFrame) into
    /// a one-frame log, and `scan` authenticates, opens and checks it.
    static func vaultFrame(_ b: [UInt8]) { vaultFrameReport(b) }

    @discardableResult
    static func vaultFrameReport(_ b: [UInt8]) -> (opened: Int, transactions: Int) {
        if b.count >= FormatV1.frameHeaderLength {
            var h = Array(b[0..<FormatV1.frameHeaderLength])
            _ = try? h.withUnsafeBytes { try FrameHeader.decode($0) }
            let check = Hash.blake2b(Array(h[0..<48]), length: 16)
            h.replaceSubrange(48..<52, with: check.prefix(4))
            if let d = try? h.withUnsafeBytes({ try FrameHeader.decode($0) }) {
                expect(d.encode() == h, "frame header does not encode back to its bytes")
            }
        }
        // Keyed: b[0] picks kind, class and signer; the rest is the plaintext body.
        guard b.count >= 2, let fx = FrameFixture.shared else { return (0, 0) }
        let kinds = FrameKind.allCases, classes = KeyClass.allCases
        let kind = kinds[Int(b[0] & 0x07) % kinds.count]
        let kc = classes[Int((b[0] >> 3) & 0x07) % classes.count]
        let signer: Signer = [.none, .manager, .admin, .none][Int(b[0] >> 6)]
        let subject = Array(Hash.blake2b([b[1]], length: 16))
        let frame = PendingFrame(kind: kind, keyClass: kc, subject: kind.isMeta ? subject : FrameHeader.zeroSubject,
                                 body: Array(b[2...]), signer: signer)
        return fx.check(frame)
    }

    /// A keyslot frame body; then the same bytes as the key payload inside a slot: the harness
    /// seals them into a password slot under a fixed password (test KDF cost), and the real
    /// unwrap opens it (Argon2id, HKDF, AEAD, payload decoder). A slot that decodes must encode
    /// back to the same bytes, and a slot we sealed must always open.
    static func vaultKeyslot(_ b: [UInt8]) {
        if let s = try? Keyslot.decode(b, id: [UInt8](repeating: 1, count: 16)) {
            expect(s.encode() == b, "keyslot does not encode back to its bytes")
            _ = Keyslot.associatedData(vaultId: [UInt8](repeating: 2, count: 16), slotId: s.id, prefix: s.encodePrefix())
        }
        guard let fx = SlotFixture.shared else { return }
        var slot = Keyslot(id: fx.slotId, type: .operatorPassword, role: .admin, operatorId: fx.slotId, name: ownerName,
                           kdf: .argon2id(.insecureTest, salt: fx.salt), wrapped: [])
        slot.wrapped = try! XChaCha20Poly1305.seal(b, key: fx.wrappingKey,
                                                   ad: Keyslot.associatedData(vaultId: fx.vaultId, slotId: fx.slotId, prefix: slot.encodePrefix()))
        do {
            let (ring, phc) = try slot.unwrap(password: fx.password, vaultId: fx.vaultId)
            expect((try? Argon2id.parameters(ofPHC: phc)) == .insecureTest, "the PHC string of an unwrap does not name its cost")
            for role in Role.allCases { _ = Keyslot.encodePayload(keys: ring, role: role) }
            _ = ring.classes
            _ = try? ring.entitled(.admin)
        } catch VaultError.authenticationFailed {
            expect(false, "a slot sealed under the right key did not open")
        } catch {
            // The payload decoder refused the bytes: fine.
        }
    }

    /// The index frame body: decodes, and a decoded index encodes back to the same bytes.
    static func vaultIndex(_ b: [UInt8]) {
        guard let idx = try? IndexBody.decode(b) else { return }
        expect(idx.encode() == b, "index body does not encode back to its bytes")
    }

    /// A whole vault file: opened, described and verified without a key; then, when its owner's
    /// keyslot has the test KDF cost, unlocked with the fixture password (the real login path:
    /// Argon2id, slot AEAD, envelope, signatures) and read with the keys: verify, audit events,
    /// transactions, accounts.
    static func vaultFile(_ b: [UInt8]) {
        let path = writeScratch("vault", b)
        defer { unlink(path) }
        guard let v = try? Vault.open(path: path, access: .read) else { return }
        _ = try? v.info()
        _ = try? v.verify()
        guard let slots = try? v.keyslots() else { return }
        // Argon2id runs at the cost the slot names: only the test cost, so one input cannot stall
        // the fuzzer for minutes (a slot's cost is checked against the floor, not a ceiling).
        guard let owner = slots.first(where: { $0.type == .operatorPassword && $0.name == ownerName }),
              case .argon2id(let p, _) = owner.kdf, p.memoryKiB <= 64, p.iterations <= 4 else { return }
        guard let pw = try? SecretBytes(utf8: ownerPassword),
              let s = try? v.unlock(slot: owner, name: ownerName, password: pw) else { return }
        _ = try? v.unlocked(by: s).verify()
        _ = try? v.unlocked(by: s).auditEvents()
        _ = try? v.unlocked(by: s).transactions.forEach { _ in }
        _ = try? v.unlocked(by: s).accounts.list()
    }
}
#endif
import VaultCrypto
