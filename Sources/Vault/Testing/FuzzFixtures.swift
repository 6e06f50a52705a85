#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// The fixtures some fuzz targets build once per process (test KDF cost): a password keyslot with
// its wrapping key, a vault with an admin session for the import targets, and fixed keys with a
// vault header for the keyed frame target.

/// A fixed password, salt and the wrapping key they give (test KDF cost), for vault-keyslot.
final class SlotFixture {
    let password: SecretBytes
    let salt = [UInt8](repeating: 3, count: 16)
    let slotId = [UInt8](repeating: 4, count: 16)
    let vaultId = [UInt8](repeating: 5, count: 16)
    let wrappingKey: SecretBytes

    nonisolated(unsafe) static let shared: SlotFixture? = {
        guard KDFPolicy.testKnobActive else {
            fatalError("fuzz: set VAULTCLI_INSECURE_TEST_KDF=yes-tests-only (scripts/fuzz.sh does)")
        }
        do { return try SlotFixture() } catch { fatalError("fuzz: cannot make the slot key: \(error)") }
    }()

    init() throws {
        password = try SecretBytes(utf8: FuzzTargets.ownerPassword)
        wrappingKey = try KeyslotKDF.derive(password: password, salt: salt, parameters: .insecureTest, floor: KDFPolicy.floor).wrappingKey
    }
}

/// A vault made once per process (test KDF) whose admin session the import targets use.
final class ImportFixture {
    let vault: Vault
    let session: Session

    nonisolated(unsafe) static let shared: ImportFixture? = {
        guard KDFPolicy.testKnobActive else {
            fatalError("fuzz: set VAULTCLI_INSECURE_TEST_KDF=yes-tests-only (scripts/fuzz.sh does)")
        }
        let path = FuzzTargets.scratch() + "/import-vault"
        do {
            let pw = try SecretBytes(utf8: FuzzTargets.ownerPassword)
            _ = try Vault.initialize(path: path, adminName: FuzzTargets.ownerName, password: pw, kdf: .insecureTest, terminalId: "FUZZ-T1")
            let v = try Vault.open(path: path, access: .read)
            let s = try v.unlock(user: FuzzTargets.ownerName, password: pw)
            return ImportFixture(vault: v, session: s)
        } catch {
            fatalError("fuzz: cannot make the import vault: \(error)")
        }
    }()

    init(vault: Vault, session: Session) { self.vault = vault; self.session = session }
}

/// Fixed keys and a vault header for the keyed frame target: frames are sealed with the
/// writer's own code (`sealFrame`) into a file after the header, then read back with `scan`
/// and `readFrame` under the same keys.
final class FrameFixture {
    let keys: KeyRing
    let header: VaultHeader

    nonisolated(unsafe) static let shared: FrameFixture? = {
        do {
            let keys = KeyRing()
            for (i, c) in [KeyClass.shared, .manager, .admin].enumerated() {
                keys.keys[c] = try SecretBytes(copying: [UInt8](repeating: UInt8(0x10 + i), count: 32))
            }
            let audit = try X25519.generateKeyPair()
            keys.auditSecretKey = audit.secretKey
            let adminSign = try Ed25519.generateKeyPair(), managerSign = try Ed25519.generateKeyPair()
            keys.extra[KeyId.adminSigning] = adminSign.secretKey
            keys.extra[KeyId.managerSigning] = managerSign.secretKey
            try keys.setTrust(TrustAnchor(admin: adminSign.publicKey, manager: managerSign.publicKey))
            keys.extra[KeyId.auditSeed] = try SecretBytes(copying: [UInt8](repeating: 0x33, count: 32))
            let header = VaultHeader(vaultId: [UInt8](repeating: 0x44, count: 16), created: 1_700_000_000, kdf: .insecureTest,
                                     auditPublicKey: audit.publicKey, terminalId: "FUZZ-T1")
            return FrameFixture(keys: keys, header: header)
        } catch {
            fatalError("fuzz: cannot make the frame keys: \(error)")
        }
    }()

    init(keys: KeyRing, header: VaultHeader) { self.keys = keys; self.header = header }

    /// Decodes a record body as the readers do (u16 type, then JSON of that type's shape).
    static func decodeRecord(_ body: [UInt8]) {
        guard let t = RecordCodec.type(of: body) else { return }
        switch t {
        case .operatorProfile: _ = try? RecordCodec.decode(t, OperatorProfile.self, from: body, path: "fuzz")
        case .policy: _ = try? RecordCodec.decode(t, PasswordPolicy.self, from: body, path: "fuzz")
        case .account: _ = try? RecordCodec.decode(t, Account.self, from: body, path: "fuzz")
        case .auditEvent: _ = try? RecordCodec.decode(t, AuditEvent.self, from: body, path: "fuzz")
        case .vaultSettings: _ = try? RecordCodec.decode(t, VaultSettings.self, from: body, path: "fuzz")
        case .auditChain: _ = AuditChain.decode(Array(body.dropFirst(2)))
        default: break
        }
    }

    /// Returns how many frames the reader opened with the keys, and how many transactions it
    /// decoded from them (the tests check that seeds get this far).
    @discardableResult
    func check(_ frame: PendingFrame) -> (opened: Int, transactions: Int) {
        var opened = 0, transactions = 0
        let path = FuzzTargets.scratch() + "/frames"
        unlink(path)
        // A v2 log needs its admin-signed settings record and an audit chain (started by one
        // event); the fuzzed frame goes with them (metadata frames last, as `initialize` orders them).
        var change = Vault.Change()
        try! change.audit(AuditEvent(time: Date(timeIntervalSince1970: 1_700_000_000), actor: "owner", action: "vault.init"))
        try! change.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin,
                        VaultSettings(header: header, trust: keys.trust!))
        let frames = frame.kind.isMeta ? change.frames + [frame] : [frame] + change.frames.filter { $0.kind == .audit }
            + change.frames.filter { $0.kind != .audit }
        // The writer refuses some frames (a class it has no key for, a too-large body): fine.
        guard (try? VaultFile.create(path: path, header: header, frames: frames, keys: keys)) != nil else { return (0, 0) }
        defer { unlink(path) }
        guard let f = try? VaultFile.open(path: path, writable: false) else { return (0, 0) }
        _ = try? f.pin(keys.trust!)
        _ = try? f.scan(keys: keys) { h, _, plain in
            guard let plain else { return }
            opened += 1
            switch h.kind {
            case .data:
                _ = try? DataLog.forEachRecord(in: plain, at: 0, path: "fuzz") { rec in
                    if TxCodec.isTransaction(rec), (try? TxCodec.decode(Array(rec))) != nil { transactions += 1 }
                }
            case .record, .audit: FrameFixture.decodeRecord(Array(plain))
            case .slot: _ = try? Keyslot.decode(Array(plain), id: h.subject)
            case .index: _ = try? IndexBody.decode(Array(plain))
            case .lockout: break
            }
        }
        for kind in FrameKind.allCases where kind.isMeta {
            for s in f.metaSubjects(kind) { _ = try? f.readMeta(kind, subject: s, keys: keys) }
        }
        return (opened, transactions)
    }
}
#endif
import VaultCrypto
