import FoundationEssentials
import Glibc
import VaultCrypto

/// What `init` produced.
public struct InitSummary: Sendable {
    public var path: String
    public var vaultId: String
    public var kdf: KDFParameters
    public var admin: String
    public var terminalId: String
    /// The one-time recovery codes (shown once; the vault keeps only their slots).
    public var recoveryCodes: [RecoveryCode] = []
    /// The merchant's (shop's) name, as stored (nil: none given).
    public var merchantName: String? = nil
}

/// What `info` shows. Holds no secret.
public struct VaultInfo: Sendable {
    public var path: String
    public var formatVersion: Int
    public var vaultId: String
    public var terminalId: String
    public var created: Date
    public var kdf: KDFParameters
    public var fileBytes: Int
    public var operators: Int
    public var keyslots: Int
    public var records: Int
    public var frames: [String: Int]
    public var garbageBytes: Int
    public var tornTailBytes: Int
    /// The merchant's (shop's) name from the signed settings; nil when none is set.
    public var merchantName: String? = nil
}

/// The operator who unlocked the vault, and the keys their slot gave.
public final class Session: @unchecked Sendable {
    public let operatorName: String
    public let role: Role
    public let operatorId: [UInt8]
    let keys: KeyRing

    init(operatorName: String, role: Role, operatorId: [UInt8], keys: KeyRing) {
        self.operatorName = operatorName; self.role = role; self.operatorId = operatorId; self.keys = keys
    }

    public var keyClasses: [KeyClass] { keys.classes }
    public var canReadAudit: Bool { keys.auditSecretKey != nil }
}

/// An open vault: the file, its lock, and (once unlocked) a session.
public final class Vault {
    public let path: String
    private(set) var file: VaultFile
    private let lock: VaultLock?

    public enum Access { case read, write }

    private init(path: String, file: VaultFile, lock: VaultLock?) {
        self.path = path; self.file = file; self.lock = lock
    }

    /// Opens an existing vault. `.write` takes the exclusive lock (a second writer waits a
    /// bounded time, then gets `lockHeld`); `.read` a shared one. The lock is held until the
    /// value is released.
    public static func open(path: String, access: Access) throws -> Vault {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { throw VaultError.noVault(path: path) }
            throw VaultError.io(path: path, operation: "inspect", errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw VaultError.symlinkRefused(path: path) }
        let lock = try VaultLock.acquire(vault: path, exclusive: access == .write)
        // The next writer clears what a killed one left (a rewrite's or a restore's temp file).
        if access == .write { StaleTemps.removeStale(in: FileSystem.directory(of: path)) }
        let f = try VaultFile.open(path: path, writable: access == .write)
        guard f.header.kdf.meets(KDFPolicy.floor) else { throw VaultError.weakKDF(f.header.kdf, floor: KDFPolicy.floor) }
        guard f.header.kdf.within(.ceiling) else { throw VaultError.costlyKDF(f.header.kdf, ceiling: .ceiling) }
        return Vault(path: path, file: f, lock: lock)
    }

    // MARK: init

    /// Creates a vault and its first admin. Refuses to touch an existing file. With
    /// `recoveryCodes` > 0 the vault starts with that many one-time recovery codes (the CLI
    /// asks for ten), returned in the summary.
    public static func initialize(path: String, adminName: String, password: SecretBytes, kdf: KDFParameters,
                                  terminalId: String, recoveryCodes: Int = 0, phone: String? = nil, email: String? = nil,
                                  merchantName: String? = nil, now: Date = Date()) throws -> InitSummary {
        try Names.validateOperatorName(adminName)
        let merchant = try merchantName.map { try Names.validateMerchantName($0) }
        let ph = try phone.map(ContactValidation.phone)
        let em = try email.map(ContactValidation.email)
        let terminal = try Names.validateTerminalId(terminalId)
        guard kdf.meets(KDFPolicy.floor) else { throw VaultError.weakKDF(kdf, floor: KDFPolicy.floor) }
        guard kdf.within(.ceiling) else { throw VaultError.costlyKDF(kdf, ceiling: .ceiling) }
        if FileSystem.exists(path) { throw VaultError.vaultExists(path: path) }
        try FileSystem.ensureDirectory(FileSystem.directory(of: path))
        // Hold the lock while creating, so two concurrent inits cannot race.
        let lock = try VaultLock.acquire(vault: path, exclusive: true)
        defer { _ = lock }
        if FileSystem.exists(path) { throw VaultError.vaultExists(path: path) }

        // Format v2: the signing keys that vouch for authority records, the verification keys
        // every envelope pins, and the recovery key that codes and the offline key unwrap.
        let (keys, auditPublicKey, trust) = try KeyRing.freshVaultKeys()
        keys.recoveryKey = try SecretBytes.random(count: 32)
        keys.extra[KeyId.auditSeed] = try SecretBytes.random(count: 32)
        let vaultId = SecureRandom.bytes(16)
        let header = VaultHeader(vaultId: vaultId, created: UInt64(now.timeIntervalSince1970), kdf: kdf,
                                 auditPublicKey: auditPublicKey, terminalId: terminal)
        let opId = SecureRandom.bytes(16)
        var profile = OperatorProfile(id: OperatorId(bytes: opId), name: Names.normalize(adminName), role: .admin, status: .active, phone: ph, email: em,
                                      createdAt: now, passwordChangedAt: now, mustChangePassword: false, slotId: "")
        var change = Change()
        try change.audit(AuditEvent(time: now, actor: profile.name, action: "vault.init", target: profile.name))
        let (codeSlots, codes) = try RecoveryCodes.makeSlots(vaultId: vaultId, keys: keys, count: recoveryCodes)
        var settings = VaultSettings(header: header, trust: trust)
        settings.recoverySlots = codeSlots.map(\.id.hexString)
        settings.merchantName = merchant
        try change.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin, settings)
        try change.put(.policy, subject: PolicySubjects.policy, keyClass: .none, signer: .admin, PasswordPolicy.default)
        try passwordFrames(vaultId: vaultId, kdf: kdf, profile: &profile, password: password, keys: keys,
                           personalKey: try SecretBytes.random(count: 32), keeping: .empty, rules: AccountRules(),
                           mustChange: false, now: now, change: &change)
        try putRecoveryEnvelope(vaultId: vaultId, writer: keys, change: &change)
        for s in codeSlots { change.putSlot(s) }
        let frames = change.frames.filter { !$0.kind.isMeta } + change.frames.filter { $0.kind.isMeta }
        try VaultFile.create(path: path, header: header, frames: frames, keys: keys)
        return InitSummary(path: path, vaultId: vaultId.hexString, kdf: kdf, admin: adminName, terminalId: terminal, recoveryCodes: codes,
                           merchantName: merchant)
    }

    // MARK: unlock

    /// Reads every keyslot (public frames).
    func keyslots() throws -> [Keyslot] {
        try file.metaSubjects(.slot).map { id in
            guard let f = try file.readMeta(.slot, subject: id, keys: nil), let body = f.body else {
                throw VaultError.corrupt(path: path, part: "keyslot")
            }
            do { return try Keyslot.decode(body, id: id) } catch { throw VaultError.corrupt(path: path, part: "keyslot \(id.hexString) (malformed)") }
        }
    }

    /// Unlocks with an operator's name and password. An unknown name costs the same Argon2id
    /// work and gets the same error as a wrong password. This is the raw key check: commands go
    /// through `login`, which adds lockout, status, expiry and the audit trail.
    public func unlock(user: String, password: SecretBytes) throws -> Session {
        try unlock(slot: try operatorSlot(named: user), name: Names.normalize(user), password: password)
    }

    /// The same, with the operator's slot already looked up (nil: unknown name).
    func unlock(slot: Keyslot?, name: String, password: SecretBytes) throws -> Session {
        let (slot, ring) = try unwrap(slot: slot, name: name, password: password)
        if file.isLegacy { return Session(operatorName: slot.name, role: slot.role, operatorId: slot.operatorId, keys: ring) }
        return try session(from: slot, ring: ring).0
    }

    /// Runs the slot's KDF on the password; an unknown name costs the same and fails the same.
    func unwrap(slot: Keyslot?, name: String, password: SecretBytes) throws -> (Keyslot, KeyRing) {
        guard let slot else {
            // Same work as a real attempt, then the same error.
            let dummy = Keyslot(id: SecureRandom.bytes(16), type: .operatorPassword, role: .cashier, operatorId: SecureRandom.bytes(16),
                                name: name, kdf: .argon2id(file.header.kdf, salt: SecureRandom.bytes(16)),
                                wrapped: SecureRandom.bytes(64))
            _ = try? dummy.unwrap(password: password, vaultId: file.header.vaultId)
            throw VaultError.authenticationFailed
        }
        let (keys, _) = try slot.unwrap(password: password, vaultId: file.header.vaultId)
        return (slot, keys)
    }

    // MARK: info and verify

    public func info() throws -> VaultInfo {
        let report = try file.scan(keys: nil)
        let slots = try keyslots()
        return VaultInfo(path: path, formatVersion: Int(file.header.version), vaultId: file.header.vaultId.hexString,
                         terminalId: file.header.terminalId, created: Date(timeIntervalSince1970: TimeInterval(file.header.created)),
                         kdf: file.header.kdf, fileBytes: file.endOffset,
                         operators: slots.filter { $0.type == .operatorPassword }.count, keyslots: slots.count,
                         records: file.metaSubjects(.record).count, frames: report.framesByKind,
                         garbageBytes: Int(file.garbageBytes), tornTailBytes: file.droppedTailBytes, merchantName: try merchantName())
    }

    /// Authenticates the structure and chain of every frame, without a key (`Unlocked.verify`
    /// authenticates the frames an operator's keys open, too).
    public func verify(progress: ((Int, Int) -> Void)? = nil) throws -> ScanReport {
        try verify(keys: nil, progress: progress)
    }

    /// Authenticates every frame `keys` allow (all of them for an admin's), and the structure
    /// and chain of the rest.
    func verify(keys: KeyRing?, progress: ((Int, Int) -> Void)?) throws -> ScanReport {
        let total = file.endOffset
        var report = try file.scan(keys: keys, progress: progress.map { p in { p($0, total) } })
        // Every live metadata frame must also read back through the index.
        for key in file.meta.keys.sorted(by: { $0.kind.rawValue < $1.kind.rawValue }) {
            _ = try file.readMeta(key.kind, subject: key.subject, keys: keys, locked: true)
        }
        if report.tornTailBytes > 0 {
            report.notes.append(.interruptedWrite(bytes: report.tornTailBytes, frames: report.uncommittedFrames))
        }
        return report
    }

    public var header: (vaultId: String, terminalId: String, kdf: KDFParameters) {
        (file.header.vaultId.hexString, file.header.terminalId, file.header.kdf)
    }
}

/// Names: operator names and terminal ids.
public enum Names {
    /// Names (operators, account labels) are kept in NFKC: full-width and other compatibility
    /// forms are the same name as their plain form.
    public static func normalize(_ s: String) -> String {
        UnicodeFolding.nfkc(s)
    }

    /// A code point a name must not hold: controls, spaces, and invisible (default-ignorable,
    /// e.g. U+200B) or direction-changing (bidi control) characters that make two names look alike.
    public static func invisibleOrControl(_ s: String) -> Unicode.Scalar? {
        s.unicodeScalars.first {
            let p = $0.properties
            return p.generalCategory == .control || p.isDefaultIgnorableCodePoint || p.isBidiControl || p.isWhitespace
                || p.generalCategory == .format || p.generalCategory == .lineSeparator || p.generalCategory == .paragraphSeparator
        }
    }

    static func codePoint(_ u: Unicode.Scalar) -> String {
        let h = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    public static func validateOperatorName(_ name: String) throws {
        let n = normalize(name)
        guard !n.isEmpty else { throw EntryError.operatorName(.empty) }
        guard n.utf8.count <= 64 else { throw EntryError.operatorName(.tooLong) }
        if let bad = invisibleOrControl(n) {
            throw EntryError.operatorName(.character(name: DisplayText.sanitize(n), codePoint: codePoint(bad)))
        }
    }

    public static func validateTerminalId(_ t: String) throws -> String {
        let n = normalize(t)
        guard !n.isEmpty, n.utf8.count <= FormatV1.terminalIdBytes,
              n.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        else {
            throw EntryError.terminalId(t)
        }
        return n
    }

    /// A default terminal id: the host name, cut to fit.
    public static func defaultTerminalId() -> String {
        let h = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "terminal"
        let cleaned = String(h.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }.prefix(16).map(Character.init))
        return cleaned.isEmpty ? "terminal" : cleaned
    }
}

extension Vault {
    /// Re-reads the file after it was replaced (compaction).
    func reopen() throws {
        file = try VaultFile.open(path: path, writable: file.writable)
    }
}

extension Vault {
    /// Runs `body` holding the vault's exclusive lock, without opening the vault (which may not
    /// exist yet): a restore replaces the file while no other vaultcli can write to it.
    public static func withExclusiveLock<R>(path: String, _ body: () throws -> R) throws -> R {
        try FileSystem.ensureDirectory(FileSystem.directory(of: path))
        let lock = try VaultLock.acquire(vault: path, exclusive: true)
        return try withExtendedLifetime(lock) { try body() }
    }
}
