import FoundationEssentials
import Glibc
import VaultCrypto

// One-time codes (TOTP) as an operator's second factor: enrolment (a pending secret, then
// confirmation with a code from the app) and turning them off. Their check at login is in
// Login.swift; the codes themselves in TOTP.swift.

/// The unlocked operator's one-time codes (TOTP): enrol, confirm, and disable (their own, or
/// as an admin or manager, another operator's).
public struct OneTimeCodes {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}

extension OneTimeCodes {
    // MARK: one-time codes (TOTP, RFC 6238; HMAC-SHA-1 by default)

    /// Starts enrolment: a new secret (160 bits for SHA-1, as RFC 4226 recommends; 256 and 512
    /// for the others), kept as pending until a code from it is confirmed. Returns the secret
    /// (base32) and its otpauth:// URI for an authenticator app, both in locked memory, to be
    /// shown from there.
    public func beginEnrolment(algorithm: TOTPAlgorithm = .sha1) throws -> (secret: SecretBytes, uri: SecretBytes) {
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: vault.path, part: "keyslot without a personal key") }
        let bytes: Int = switch algorithm { case .sha1: 20; case .sha256: 32; case .sha512: 64 }
        let key = try SecretBytes.random(count: bytes)
        let stored = try TOTPSecret.stored(algorithm, key: key)
        var change = Change()
        try vault.putPrivate(operatorId: session.operatorId, personalKey: pk, keys: session.keys, change: &change) { $0.totpPending = stored }
        try vault.commit(change, keys: session.keys)
        let base32 = try Base32.encode(key)
        return (base32, try TOTPSecret.uri(base32: base32, account: session.operatorName, issuer: "vaultcli " + vault.file.header.terminalId, algorithm: algorithm))
    }

    /// Confirms enrolment with a code from the app; from then on login asks for a code.
    public func confirm(code: String, now: Date = Date()) throws {
        guard let pk = session.personalKey else { throw VaultError.corrupt(path: vault.path, part: "keyslot without a personal key") }
        let priv = try vault.privateData(operatorId: session.operatorId, personalKey: pk, keys: session.keys)
        guard let pending = priv.totpPending, case let (algorithm, key)? = try TOTPSecret.key(pending) else {
            throw OperatorError.refused(.noPendingEnrolment)
        }
        let step: Int64
        if algorithm == .sha1, let missing = LibCrypto.check() { throw missing }
        switch TOTP.check(code: code, key: key, at: now, notAfter: nil, algorithm: algorithm) {
        case .ok(let s): step = s
        case .clockSkew(let s):
            throw OperatorError.refused(.confirmSkew(seconds: s))
        case .malformed:
            throw OperatorError.refused(.confirmMalformed)
        case .alreadyUsed, .wrong:
            throw OperatorError.refused(.confirmMismatch(algorithm: algorithm.displayName))
        }
        var change = Change()
        try vault.putPrivate(operatorId: session.operatorId, personalKey: pk, keys: session.keys, change: &change) {
            $0.totpSecret = pending; $0.totpPending = nil; $0.totpLastStep = step
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.totp.enable", target: session.operatorName))
        try vault.commit(change, keys: session.keys)
    }

    /// Turns one-time codes off for yourself, or (admins; managers for cashiers) for another operator.
    public func disable(name: String, now: Date = Date()) throws {
        let profile = try vault.unlocked(by: session).operators.profile(named: name)
        let own = profile.id.bytes == session.operatorId
        if !own { try Permission.resetPassword.require(session, target: profile.role) }
        let opId = profile.id.bytes
        let pk = own ? session.personalKey! : try vault.personalKey(of: profile, keys: session.keys)
        var change = Change()
        try vault.putPrivate(operatorId: opId, personalKey: pk, keys: session.keys, change: &change) {
            $0.totpSecret = nil; $0.totpPending = nil; $0.totpLastStep = nil
        }
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "user.totp.disable", target: profile.name))
        try vault.commit(change, keys: session.keys)
    }
}
