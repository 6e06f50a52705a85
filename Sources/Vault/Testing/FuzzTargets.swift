#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The entry functions of the fuzz targets (scripts/fuzz.sh, docs/RELIABILITY.md "Fuzzing").
///
/// Debug builds only. The libFuzzer executable (Sources/vaultcli-fuzz, declared in Package.swift
/// only when VAULTCLI_FUZZ=1) calls `run` with each input; the XCTest suite calls the same
/// function with every seed and every crash fixture under fixtures/fuzz, without sanitizers.
///
/// An input may be refused with any thrown error: that is the parser doing its job. A crash, a
/// trap (overflow, out-of-range index, force-unwrap), a sanitizer report or a broken property
/// (`expect`) is a finding.
///
/// Targets that have a key behind their first check fuzz both sides of it: the parse that runs
/// before any key is known, and the code after authentication, with fixed test keys (the age
/// testkit identity, the fixture vaults' owner password) so that inputs get past the MAC.
public enum FuzzTargets {
    public static let names = [
        "vault-header", "vault-frame", "vault-keyslot", "vault-index", "vault-file",
        "age-header", "age-armor", "age-stream", "backup-container",
        "import-csv", "import-jsonl", "phc", "otpauth", "age-recipient",
    ]

    /// Runs one input through `target`. Returns false for an unknown target name.
    @discardableResult
    public static func run(_ target: String, _ data: UnsafeRawBufferPointer) -> Bool {
        let b = Array(data)
        switch target {
        case "vault-header": vaultHeader(b)
        case "vault-frame": vaultFrame(b)
        case "vault-keyslot": vaultKeyslot(b)
        case "vault-index": vaultIndex(b)
        case "vault-file": vaultFile(b)
        case "age-header": ageHeader(b)
        case "age-armor": ageArmor(b)
        case "age-stream": ageStream(b)
        case "backup-container": backupContainer(b)
        case "import-csv": importRows(b, format: .csv)
        case "import-jsonl": importRows(b, format: .jsonl)
        case "phc": phc(b)
        case "otpauth": otpauth(b)
        case "age-recipient": ageRecipient(b)
        default: return false
        }
        return true
    }

    public static func run(_ target: String, _ data: [UInt8]) -> Bool {
        data.withUnsafeBytes { run(target, $0) }
    }

    /// Writes the generated seeds (those that need our own code or keys to make) under
    /// `dir/<target>/`. scripts/fuzz.sh seeds adds the ones copied from fixtures.
    public static func writeSeeds(to dir: String) throws {
        func put(_ target: String, _ name: String, _ b: [UInt8]) throws {
            try FileManager.default.createDirectory(atPath: dir + "/" + target, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: "\(dir)/\(target)/\(name)", contents: Data(b)) else {
                throw VaultError.io(path: "\(dir)/\(target)/\(name)", operation: "write", errno: errno)
            }
        }
        let now = Date(timeIntervalSince1970: 1_764_633_600)
        let tx = [
            Transaction(id: "POS-0001", time: 1_764_633_600, amount: 1250, card: "622588******1234", reference: "POS-0001",
                        operatorName: "lin", terminal: "SHOP17-T1"),
            Transaction(id: "POS-0002", time: 1_764_633_660, amount: 320, currency: .cny, kind: .refund, reference: "退款",
                        operatorName: "owner", terminal: "SHOP17-T1", status: .pending),
        ]
        // A v2 vault with the fixture owner and password, at the test KDF cost.
        let vpath = scratch() + "/seed-vault"
        unlink(vpath)
        let pw = try SecretBytes(utf8: ownerPassword)
        _ = try Vault.initialize(path: vpath, adminName: ownerName, password: pw, kdf: .insecureTest, terminalId: "SHOP17-T1",
                                 recoveryCodes: 2, phone: "13812345678", now: now)
        do {
            let v = try Vault.open(path: vpath, access: .write)
            let s = try v.unlock(user: ownerName, password: pw)
            for t in tx { _ = try v.addTransaction(t, session: s) }
            _ = try v.addAccount(AccountFields(label: "unionpay-main", service: "UnionPay", username: "shop17", phone: "13912345678"),
                                 secret: try SecretBytes(utf8: "Saffron-Bridge-Ember-38!"), session: s, now: now)
            try v.appendAudit([AuditEvent(time: now, actor: "owner", action: "fuzz.seed", target: "seed")])
        }
        let vault = Array(try Data(contentsOf: URL(fileURLWithPath: vpath)))
        unlink(vpath)
        try put("vault-file", "v2-vault", vault)
        try put("vault-header", "v2-header", Array(vault[0..<FormatV1.headerLength]))
        // Keyslots and index bodies, as found in that vault's frames.
        let f = try VaultFile.open(path: writeScratch("seed-vault-copy", vault), writable: false)
        var slotN = 0, idxN = 0
        _ = try f.scan(keys: nil) { h, _, plain in
            guard let plain else { return }
            if h.kind == .slot { slotN += 1; try put("vault-keyslot", "slot-\(slotN)", Array(plain)) }
            if h.kind == .index, idxN < 3 { idxN += 1; try put("vault-index", "index-\(idxN)", Array(plain)) }
        }
        let ring = KeyRing()
        for c in [KeyClass.shared, .manager, .admin] { ring.keys[c] = try SecretBytes(copying: [UInt8](repeating: 7, count: 32)) }
        ring.auditSecretKey = try SecretBytes(copying: [UInt8](repeating: 8, count: 32))
        ring.extra[17] = try SecretBytes(copying: [UInt8](repeating: 9, count: 32))
        for role in Role.allCases { try put("vault-keyslot", "payload-\(role.rawValue)", Keyslot.encodePayload(keys: ring, role: role)) }
        try put("vault-index", "empty", IndexBody(entries: [], garbageBytes: 0).encode())
        // Frames: a selector byte (kind | class << 3 | signer << 6), a subject byte, the plaintext.
        func sel(_ k: FrameKind, _ c: KeyClass, _ signer: Int) -> UInt8 {
            UInt8(FrameKind.allCases.firstIndex(of: k)!) | UInt8(KeyClass.allCases.firstIndex(of: c)!) << 3 | UInt8(signer) << 6
        }
        var batch = ByteWriter()
        batch.u32(UInt32(tx.count))
        for t in tx { batch.blob32(TxCodec.encode(t)) }
        try put("vault-frame", "data-shared", [sel(.data, .shared, 0), 0] + batch.bytes)
        try put("vault-frame", "data-admin", [sel(.data, .admin, 0), 0] + batch.bytes)
        try put("vault-frame", "audit-sealed", [sel(.audit, .sealed, 0), 0] + (try DataLog.auditFrame(AuditEvent(time: now, actor: "owner", action: "tx.add")).body))
        try put("vault-frame", "policy-signed", [sel(.record, .none, 2), 1] + (try RecordCodec.encode(.policy, PasswordPolicy.default)))
        let profile = OperatorProfile(id: "00112233445566778899aabbccddeeff", name: "lin", role: .cashier, status: .active, phone: "13812345678",
                                      email: nil, createdAt: now, passwordChangedAt: now, mustChangePassword: true, slotId: "aa", totpEnabled: false)
        try put("vault-frame", "profile-shared", [sel(.record, .shared, 1), 2] + (try RecordCodec.encode(.operatorProfile, profile)))
        try put("vault-frame", "slot", [sel(.slot, .none, 0), 3] + (try Array(Data(contentsOf: URL(fileURLWithPath: "\(dir)/vault-keyslot/slot-1")))))
        try put("vault-frame", "index", [sel(.index, .none, 0), 0] + IndexBody(entries: [], garbageBytes: 9).encode())
        try put("vault-frame", "lockout", [sel(.lockout, .none, 0), 4, 1, 0, 0, 0])
        // Backup containers (the plaintext inside a backup), small and with the real v2 vault:
        // container version 2, and version 1 (its BLAKE2b-256 trailer after the vault).
        func container(_ payload: [UInt8], version: Int = BackupContainer.version) throws -> [UInt8] {
            let info = BackupSnapshotInfo(vaultID: f.header.vaultId, terminalID: "SHOP17-T1", vaultFormatVersion: 2)
            var m = BackupContainer.manifest(info, size: payload.count, created: now)
            m.format = version
            return try BackupContainer.prefix(m) + payload + (version == 1 ? Hash.blake2b(payload, length: 32) : [])
        }
        try put("backup-container", "v2-vault", try container(vault))
        try put("backup-container", "small", try container(Array("VAULTCLI".utf8)))
        try put("backup-container", "empty", try container([]))
        try put("backup-container", "v1-small", try container(Array("VAULTCLI".utf8), version: 1))
        // age files sealed to the testkit identity, around the 64 KiB chunk boundary.
        let rcpt = try fixedIdentities[0].recipient()!
        for (name, n, armor) in [("empty", 0, false), ("one", 1, false), ("chunk", 65536, false), ("chunk-plus-one", 65537, false),
                                 ("armored", 100, true)] {
            var out: [UInt8] = []
            let plain = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try AgeEncryptor.encrypt(recipients: [rcpt], armor: armor, read: pieces(plain, seed: 0), write: { out += $0 })
            try put("age-stream", name, out)
            if !armor { try put("age-header", name, Array(out.prefix(400))) } else { try put("age-armor", name, out) }
        }
        // Import rows.
        try put("import-csv", "rows", Array((TxRender.columns.joined(separator: ",") + "\n" + #"""
            POS-0001,2025-12-02T08:00:00Z,12.50,CNY,sale,622588******1234,POS-0001,owner,SHOP17-T1,approved
            POS-0002,2025-12-02 16:01:00,3.20,CNY,refund,,"退款, ""部分""",owner,,pending
            "POS-0003",2025-12-02T08:02:00+08:00,0.01,USD,sale,,"=1+2",,,declined

            """#).utf8))
        try put("import-csv", "minor", Array("id,time,amount_minor,extra\r\nA1,2025-12-02T08:00:00Z,1250,x\r\n".utf8))
        try put("import-jsonl", "rows", Array(#"""
            {"id":"POS-0001","time":"2025-12-02T08:00:00Z","amount":"12.50","currency":"CNY","card":"622588******1234"}
            {"id": "POS-0002", "time": "2025-12-02 16:01:00", "amount_minor": 320, "kind": "refund", "reference": "\u9000\u6b3e", "x": null, "y": true}
            {"id":"POS-0003","time":"2025-12-02T08:02:00+08:00","amount":0.01,"status":"declined","operator":"owner"}

            """#.utf8))
        // PHC strings, otpauth material, recipients.
        let salt = [UInt8](repeating: 5, count: 16)
        try put("phc", "tiny", Array(Argon2id.phcString(salt: salt, parameters: .insecureTest, hash: try SecretBytes(copying: [UInt8](repeating: 6, count: 32))).utf8))
        try put("phc", "cli", Array("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".utf8))
        try put("phc", "real", Array(try Argon2id.hashPassword(try SecretBytes(utf8: "password"), parameters: .insecureTest).utf8))
        try put("otpauth", "secret", Array("JBSWY3DPEHPK3PXP".utf8))
        try put("otpauth", "stored", Array("SHA256:GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".utf8))
        try put("otpauth", "code", Array("287082".utf8))
        try put("otpauth", "names", Array("林\n小店 17".utf8))
        try put("age-recipient", "recipient", Array(rcpt.string!.utf8))
        try put("age-recipient", "identity", Array(testkitIdentity.utf8))
        try put("age-recipient", "file", Array("# created: 2026-12-01T11:35:23Z\n# public key: \(rcpt.string!)\n\(fixtureRecoveryIdentity)\n".utf8))
    }

    // MARK: fixed test material

    /// The identity of the C2SP age testkit (its X25519 vectors are sealed to it).
    static let testkitIdentity = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"
    /// fixtures/v1-vault/recovery-key.txt (the fixture backups are sealed to it).
    static let fixtureRecoveryIdentity = "AGE-SECRET-KEY-1FAQWNSW22R2FP2VP8T0HVPJZ0AWRE0NC7257QNVGMRE0UVG9TWDS3QX3M2"
    /// The owner of the fixture vaults (fixtures/v1-vault, fixtures/fuzz/vault-file/*).
    static let ownerName = "owner"
    static let ownerPassword = "Tulip-Harbor-Quartz-81!"

    /// A breach of a property the code promises (not a refused input): crash, so the fuzzer
    /// records it.
    static func expect(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok { fatalError("fuzz property broken: \(what())") }
    }

    nonisolated(unsafe) private static var scratchDir: String?
    /// A private directory for files the targets need (in /dev/shm when there is one).
    static func scratch() -> String {
        if let d = scratchDir { return d }
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
        var template = Array("\(base)/vaultcli-fuzz-XXXXXX".utf8CString)
        let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard p != nil else { fatalError("fuzz: cannot create a scratch directory in \(base)") }
        let d = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        scratchDir = d
        return d
    }

    /// Removes the scratch directory (the fuzz executable calls this at exit, the tests after
    /// their run). Later calls to `run` still work: the import vault stays open through its
    /// file descriptor, and a new directory is made when one is needed.
    public static func cleanUp() {
        guard let d = scratchDir else { return }
        try? FileManager.default.removeItem(atPath: d)
        scratchDir = nil
    }

    /// Writes `b` to a scratch file (0600) and returns its path.
    static func writeScratch(_ name: String, _ b: [UInt8]) -> String {
        let path = scratch() + "/" + name
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fatalError("fuzz: cannot write \(path)") }
        defer { close(fd) }
        var off = 0
        while off < b.count {
            let n = b.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, b.count - off) }
            guard n > 0 else { fatalError("fuzz: cannot write \(path)") }
            off += n
        }
        return path
    }

    /// Feeds `b` to a consumer in pieces whose sizes come from `seed` (1..97 bytes), so that
    /// streaming parsers see their input split at every kind of boundary.
    static func pieces(_ b: [UInt8], seed: UInt8) -> ByteSource {
        var off = 0
        var s = UInt32(seed) | 1
        return { buf in
            guard off < b.count, buf.count > 0 else { return 0 }
            s = s &* 1_103_515_245 &+ 12345
            let want = seed == 0 ? buf.count : Int((s >> 16) % 97) + 1
            let n = min(want, buf.count, b.count - off)
            b.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + off, byteCount: n) }
            off += n
            return n
        }
    }

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
        _ = try? v.verify(session: nil)
        guard let slots = try? v.keyslots() else { return }
        // Argon2id runs at the cost the slot names: only the test cost, so one input cannot stall
        // the fuzzer for minutes (a slot's cost is checked against the floor, not a ceiling).
        guard let owner = slots.first(where: { $0.type == .operatorPassword && $0.name == ownerName }),
              case .argon2id(let p, _) = owner.kdf, p.memoryKiB <= 64, p.iterations <= 4 else { return }
        guard let pw = try? SecretBytes(utf8: ownerPassword),
              let s = try? v.unlock(slot: owner, name: ownerName, password: pw) else { return }
        _ = try? v.verify(session: s)
        _ = try? v.auditEvents(session: s)
        _ = try? v.forEachTransaction(session: s) { _ in }
        _ = try? v.accounts(session: s)
    }

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

    // MARK: import rows, PHC, otpauth, recipients

    /// The import of CSV or JSON Lines rows: the real `importTransactions` (line reader, row
    /// parser, row builder, card guard, duplicate check), as a dry run against a small vault
    /// made once per process, as its admin.
    static func importRows(_ b: [UInt8], format: TxImportFormat) {
        guard let fx = ImportFixture.shared else { return }
        let path = writeScratch("import.\(format.rawValue)", b)
        defer { unlink(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { fatalError("fuzz: cannot open \(path)") }
        defer { close(fd) }
        var options = TxImportOptions(format: format)
        options.dryRun = true
        options.batchRows = 64
        var bad = 0
        guard let r = try? fx.vault.importTransactions(fd: fd, source: "fuzz", options: options, session: fx.session, badRow: { _, _ in bad += 1 })
        else { return }
        expect(r.badRows == bad, "import counted \(r.badRows) bad rows but reported \(bad)")
        expect(r.imported + r.duplicates + r.badRows <= r.rows, "import counts do not add up")
    }

    /// PHC strings: the parameter parser, and the verifier (libsodium) when the cost is tiny.
    static func phc(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        let p = try? Argon2id.parameters(ofPHC: s)
        if let p, p.memoryKiB <= 64, p.iterations <= 4, let pw = try? SecretBytes(utf8: "password") {
            _ = try? Argon2id.verify(pw, phc: s)
        }
        if let d = Base64.decodeUnpaddedStrict(Substring(s)) {
            expect(Base64.encodeUnpadded(d) == s, "strict base64 accepted a non-canonical string")
        }
    }

    /// One-time codes: nothing in vaultcli reads an otpauth:// URI (it only writes them), so the
    /// target covers what reads text on that path: the base32 secret, the stored
    /// "algorithm:secret" form, the code checker; and the URI writer, whose output must keep
    /// the account and issuer inside their percent-encoded fields.
    static func otpauth(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        if let d = Base32.decode(s) {
            let e = Base32.encode(d)
            expect(Base32.decode(e) == d, "base32 round trip changed the bytes")
        }
        let (alg, secret) = TOTPAlgorithm.split(s)
        let key = Base32.decode(secret) ?? Array(secret.utf8)
        _ = TOTP.check(code: s, secret: key, at: Date(timeIntervalSince1970: 1_700_000_000), notAfter: nil, algorithm: alg)
        let half = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let account = String(half.first ?? ""), issuer = half.count > 1 ? String(half[1]) : "shop"
        let uri = TOTP.uri(secret: Base32.encode(key), account: account, issuer: issuer, algorithm: alg)
        let query = uri.split(separator: "?", omittingEmptySubsequences: false)
        expect(query.count == 2, "otpauth URI has \(query.count - 1) query separators")
        expect(query[1].split(separator: "&").count == 5, "otpauth URI query has a parameter too many")
        expect(uri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "otpauth URI holds a raw space, control or non-ASCII byte")
    }

    /// age recipient and identity strings, and files of them.
    static func ageRecipient(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        if let r = try? AgeRecipient.parse(s), let str = r.string {
            expect(str == s.trimmed(.whitespaces).lowercased(), "a recipient does not print back as it was read")
        }
        if let i = try? AgeIdentity.parse(s) { _ = try? i.recipient() }
        _ = try? AgeRecipient.parseFile(contents: s, path: "fuzz")
        _ = try? AgeIdentity.parseFile(contents: s, path: "fuzz")
        _ = try? Bech32.decode(s)
    }
}

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
