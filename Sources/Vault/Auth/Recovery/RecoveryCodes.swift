import FoundationEssentials
import Glibc
import VaultCrypto

/// A one-time recovery code: 20 Crockford base32 characters (100 bits), shown as
/// `XXXXX-XXXXX-XXXXX-XXXXX` so it can be read aloud and typed back.
public final class RecoveryCode: Sendable {
    /// The 20 canonical characters (upper-case Crockford base32, no dashes).
    let canonical: SecretBytes

    init(canonical: SecretBytes) { self.canonical = canonical }

    /// The code in groups of five (`XXXXX-XXXXX-XXXXX-XXXXX`), in locked memory, for printing
    /// straight from there (the CLI's SecretOut).
    public func groupedSecret() throws -> SecretBytes {
        let n = canonical.count + max(0, (canonical.count - 1) / RecoveryCodes.groupLength)
        return try SecretBytes(count: n) { dst in
            canonical.withUnsafeBytes { b in
                var o = 0
                for (i, c) in b.enumerated() {
                    if i > 0 && i % RecoveryCodes.groupLength == 0 { dst[o] = UInt8(ascii: "-"); o += 1 }
                    dst[o] = c; o += 1
                }
            }
        }
    }

    /// The same as a String, for tests only (internal: nothing outside the library can copy a
    /// code out of locked memory).
    var grouped: String {
        canonical.withUnsafeBytes { b in
            var out = [UInt8]()
            for (i, c) in b.enumerated() {
                if i > 0 && i % RecoveryCodes.groupLength == 0 { out.append(UInt8(ascii: "-")) }
                out.append(c)
            }
            defer { wipe(&out) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Recovery codes: generation, parsing, and the keyslots they unwrap.
///
/// Each code unwraps its own `.recoveryCode` slot, which holds the admin keys (like the
/// offline recovery key). Using a code removes its slot in the same commit (docs/recovery-design.md).
public enum RecoveryCodes {
    /// Crockford's base32 alphabet: no I, L, O or U.
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    public static let count = 10
    public static let length = 20
    static let groupLength = 5
    /// 20 characters of 5 bits each.
    public static let entropyBits = 100

    /// Code slots use the Argon2id floor (OWASP m = 19 MiB, t = 2; the test cost under the
    /// test-only knob) rather than the vault's calibrated cost: a code carries 100 random bits,
    /// so the KDF is not what stops a guesser (2^100 Argon2id runs is out of reach whatever the
    /// cost), and trying ten slots at the vault's cost would make using a code ten logins long.
    /// The floor still applies: `KeyslotKDF` refuses anything below it on open.
    static var kdf: KDFParameters { KDFPolicy.floor }

    /// A fresh random code (randombytes_uniform per character: no modulo bias).
    static func generate() throws -> RecoveryCode {
        let s = try SecretBytes(count: length) { buf in
            for i in 0..<length { buf[i] = alphabet[Int(SecureRandom.uniform(UInt32(alphabet.count)))] }
        }
        return RecoveryCode(canonical: s)
    }

    /// Parses a typed code: case-insensitive; dashes and spaces ignored; O read as 0, I and L
    /// as 1 (Crockford's rules). Throws `invalidCode` (never echoing the input) when it is not
    /// 20 characters of the alphabet.
    public static func parse(_ typed: SecretBytes) throws -> SecretBytes {
        var out: [UInt8] = []
        defer { wipe(&out) }
        var bad = false
        typed.withUnsafeBytes { b in
            for var c in b {
                if c == UInt8(ascii: "-") || c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { continue }
                if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) { c -= 32 }
                switch c {
                case UInt8(ascii: "O"): c = UInt8(ascii: "0")
                case UInt8(ascii: "I"), UInt8(ascii: "L"): c = UInt8(ascii: "1")
                default: break
                }
                if !alphabet.contains(c) { bad = true }
                out.append(c)
            }
        }
        guard !bad, out.count == length else { throw RecoveryError.invalidCode }
        return try SecretBytes(copying: out)
    }

    /// The key a code slot holds: the recovery key, which opens the recovery envelope (the
    /// admin-level keys), nothing personal.
    static func slotKeys(from keys: KeyRing) throws -> KeyRing {
        guard keys.holdsAll(), let kr = keys.recoveryKey else {
            throw VaultError.permissionDenied(needed: Permission.manageRecovery.rawValue, role: "current")
        }
        let ring = KeyRing()
        ring.recoveryKey = kr
        return ring
    }

    /// Makes `count` codes and their slots.
    static func makeSlots(vaultId: [UInt8], keys: KeyRing, count: Int = RecoveryCodes.count) throws -> ([Keyslot], [RecoveryCode]) {
        let ring = try slotKeys(from: keys)
        var slots: [Keyslot] = [], codes: [RecoveryCode] = []
        for i in 0..<count {
            let code = try generate()
            let (slot, _) = try Keyslot.makePasswordSlot(vaultId: vaultId, type: .recoveryCode, role: .admin,
                                                         operatorId: [UInt8](repeating: 0, count: 16), name: "recovery code \(i + 1)",
                                                         password: code.canonical, parameters: kdf, keys: ring)
            slots.append(slot); codes.append(code)
        }
        return (slots, codes)
    }
}

extension Vault {
    /// How many unused recovery codes the vault holds (public: slots are public frames).
    public func recoveryCodesLeft() throws -> Int {
        try keyslots().filter { $0.type == .recoveryCode }.count
    }

    /// Tries a canonical code against every code slot. Returns an admin session and the slot
    /// to burn; throws `authenticationFailed` when no slot opens.
    func unlock(recoveryCode canonical: SecretBytes) throws -> (Session, slotId: [UInt8]) {
        for slot in try keyslots() where slot.type == .recoveryCode {
            guard let (ring, _) = try? slot.unwrap(password: canonical, vaultId: file.header.vaultId) else { continue }
            return (try recoverySession(slot: slot, ring: ring, name: "(recovery code)"), slot.id)
        }
        throw VaultError.authenticationFailed
    }
}

extension RecoveryMaterial {
    /// Replaces every recovery code with ten new ones (admins). The old codes stop working in
    /// the same commit. Audited (without the codes).
    public func regenerateCodes(now: Date = Date()) throws -> [RecoveryCode] {
        try Permission.manageRecovery.require(session)
        let old = try vault.keyslots().filter { $0.type == .recoveryCode }
        let (slots, codes) = try RecoveryCodes.makeSlots(vaultId: vault.file.header.vaultId, keys: session.keys)
        var change = Change()
        for s in old { change.removeSlot(s.id) }
        for s in slots { change.putSlot(s) }
        if !vault.file.isLegacy { try vault.putRecoverySlots(adding: slots.map(\.id), removing: old.map(\.id), keys: session.keys, change: &change) }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recover.codes.regenerate", target: "",
                                    detail: "\(codes.count) new codes; \(old.count) unused old codes revoked"))
        try vault.commit(change, keys: session.keys)
        return codes
    }
}
