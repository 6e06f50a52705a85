#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// The fuzz targets' entry point: their names, the dispatch of an input to its target, the seed
// corpus, and the fixed test material (keys, scratch files, inputs cut in pieces) they share. The
// targets themselves are in FuzzTargets+Vault.swift, +Age.swift and +Inputs.swift; the fixtures
// they build once in FuzzFixtures.swift.

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
            for t in tx { _ = try v.unlocked(by: s).transactions.add(t) }
            _ = try v.unlocked(by: s).accounts.add(AccountFields(label: "unionpay-main", service: "UnionPay", username: "shop17", phone: "13912345678"),
                                                   secret: try SecretBytes(utf8: "Saffron-Bridge-Ember-38!"), now: now)
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
        let profile = OperatorProfile(id: OperatorId(bytes: (0..<16).map { UInt8($0 * 0x11) }), name: "lin", role: .cashier, status: .active, phone: "13812345678",
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
}
#endif
import VaultCrypto
