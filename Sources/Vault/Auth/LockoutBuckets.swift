import FoundationEssentials
import VaultCrypto

/// Where counters for names (or contacts) that match no operator are kept: a fixed, small number
/// of buckets per purpose. The bucket is picked by a keyed hash (HMAC-SHA-256 under a random
/// 32-byte key kept in the vault) of the normalised text, so the file keeps nothing derived from
/// typed text except a bucket number of a few bits: a password typed into the name field cannot
/// be recovered from it, and made-up names do not grow the file.
enum LockoutBuckets {
    /// Buckets per purpose (login names, recovery names, recovery contacts).
    static let count = 16

    enum Purpose: String {
        case login = "login name"
        case recoveryName = "recovery name"
        case recoveryContact = "recovery contact"
    }

    /// The subject of the public frame (kind 7) that holds the bucket key.
    static func keySubject(vaultId: [UInt8]) -> [UInt8] {
        Hash.blake2b(Array("lockout bucket key".utf8) + vaultId, length: 16)
    }

    static func subject(vaultId: [UInt8], purpose: Purpose, index: Int) -> [UInt8] {
        Hash.blake2b(Array("lockout bucket".utf8) + vaultId + Array(purpose.rawValue.utf8) + [0, UInt8(index)], length: 16)
    }

    static func index(key: [UInt8], purpose: Purpose, input: [UInt8]) -> Int {
        let m = HMACSHA256.mac(key: key, message: Array("vaultcli bucket".utf8) + Array(purpose.rawValue.utf8) + [0] + input)
        let v = UInt32(m[0]) << 24 | UInt32(m[1]) << 16 | UInt32(m[2]) << 8 | UInt32(m[3])
        return Int(v % UInt32(count))
    }

    /// The text of a typed name as bucketed: NFKC, then lower-cased.
    static func nameInput(_ name: String) -> [UInt8] {
        Array(UnicodeFolding.nfkc(name).lowercased().utf8)
    }
}

/// A bucket chosen for a failed attempt: its subject, and the bucket key to write with the
/// failure when the vault had none yet.
struct LockoutBucket {
    let subject: [UInt8]
    let newKey: [UInt8]?

    func write(_ state: LockoutState, vaultId: [UInt8], into change: inout Vault.Change) {
        if let newKey { change.putPublic(.lockout, subject: LockoutBuckets.keySubject(vaultId: vaultId), body: newKey) }
        change.putPublic(.lockout, subject: subject, body: state.encode())
    }
}

extension Vault {
    /// The bucket for `input` (a name or a contact locator). A vault without a bucket key gets
    /// a fresh one, written with the first failure.
    func lockoutBucket(_ purpose: LockoutBuckets.Purpose, input: [UInt8]) throws -> LockoutBucket {
        let vaultId = file.header.vaultId
        var key = try publicMeta(.lockout, subject: LockoutBuckets.keySubject(vaultId: vaultId))
        var fresh: [UInt8]?
        if let k = key {
            guard k.count == 32 else { throw VaultError.corrupt(path: path, part: "lockout bucket key (malformed)") }
        } else {
            fresh = SecureRandom.bytes(32)
            key = fresh
        }
        let i = LockoutBuckets.index(key: key!, purpose: purpose, input: input)
        return LockoutBucket(subject: LockoutBuckets.subject(vaultId: vaultId, purpose: purpose, index: i), newKey: fresh)
    }

    /// A counter by subject (absent: a fresh one).
    func lockoutState(subject: [UInt8], what: String = "lockout counter") throws -> LockoutState {
        guard let b = try publicMeta(.lockout, subject: subject) else { return LockoutState() }
        do { return try LockoutState.decode(b) } catch { throw VaultError.corrupt(path: path, part: "\(what) (malformed)") }
    }
}
