import VaultCrypto

/// Every "vaultcli v…" domain-separation text of the file formats, in docs/FORMAT.md's order,
/// each under the FORMAT.md section that defines it: HKDF infos, prefixes of MACed, signed or
/// associated data, and the texts whose BLAKE2b-128 (`H16`) is a record's subject. The bytes are
/// the format: changing one makes every vault, backup and enrolment written before unreadable.
package enum Derivation {
    // A.5 Keyslots: K = HKDF-SHA-256(ikm = Argon2id output, salt, info = this).
    package static let keyslotWrappingKey = "vaultcli v1 keyslot wrapping key"
    // A.5 Keyslots: a recovery-key slot's KEK = HKDF-SHA-256(ikm = X25519 shared secret,
    // salt = ephemeral public key ‖ recipient, info = this).
    package static let recoveryKeySlot = "vaultcli v1 recovery-key slot"
    // A.5 Keyslots: associated data = this ‖ vault id ‖ slot id ‖ the slot bytes before the box.
    package static let keyslotAD = "vaultcli v1 keyslot"
    // A.6 Records, type 14: the backup marker key's subject, H16(this).
    package static let backupMarkerKeySubject = "vaultcli v2 backup marker key"
    // A.6 Records, lockout buckets (`recovery contact`): the contact locator's Argon2id salt,
    // BLAKE2b(this ‖ vault id) (docs/recovery-design.md).
    package static let contactLocatorSalt = "vaultcli v1 contact locator"
    // A.10 Format v2, signers: a signature covers this ‖ vault id ‖ frame bytes 0..<48 ‖ body.
    package static let frameSignature = "vaultcli v2 frame signature"
    // A.10 Format v2, vault settings (type 10): subject H16(this).
    package static let vaultSettingsSubject = "vaultcli v2 vault settings"
    // A.10 Format v2, envelopes: the recovery envelope's subject, H16(this).
    package static let recoveryEnvelopeSubject = "vaultcli v2 recovery envelope"
    // A.10 Format v2, envelopes: associated data = this ‖ vault id ‖ subject.
    package static let envelopeAD = "vaultcli v2 envelope"
    // A.10 Format v2, audit chain: an event's MAC = HMAC-SHA-256(k_i, this ‖ vault id ‖ u64 i ‖ box).
    package static let auditMAC = "vaultcli v2 audit"
    // A.10 Format v2, audit chain: k_{i+1} = BLAKE2b-256(this ‖ k_i).
    package static let auditKeyStep = "vaultcli audit key"
    // A.10 Format v2, audit chain: the chain record's subject (type 13), H16(this).
    package static let auditChainSubject = "vaultcli v2 audit chain"
    // A.10 Format v2, lockout counters: the reset key = HKDF-SHA-256(ikm = personal key,
    // salt = vault id, info = this).
    package static let lockoutResetKey = "vaultcli v2 lockout reset"
    // A.10 Format v2, lockout counters: the MAC input = this ‖ subject ‖ counters ‖ nonce.
    package static let lockoutMAC = "vaultcli v2 lockout"
    // A.10 Format v2, last seen: HKDF info of its key, and the prefix of its associated data.
    package static let lastSeen = "vaultcli v2 last seen"
    // B.6 The backup marker: MAC key = HKDF-SHA-256(ikm = marker key, salt = vault id, info = this).
    package static let backupMarker = "vaultcli v2 backup marker"
    // C.1 The enrolment record (type 15): subject H16(this).
    package static let fleetEnrolmentSubject = "vaultcli v2 fleet enrolment"

    /// `H16(text)`: the 16-byte BLAKE2b of a text, a record's subject.
    package static func subject(_ text: String) -> [UInt8] { Hash.blake2b(Array(text.utf8), length: 16) }
}
