import FoundationEssentials
import Glibc
import VaultCrypto

// The words of recovery: how someone proves who they are when the password is gone (questions, a
// recovery code, the recovery key), the phone number or e-mail address a username is recovered by,
// and what `recover password` and `recover username` hand back. The flows are in
// PasswordRecovery.swift and UsernameRecovery.swift.

/// How someone proves who they are when the password is gone.
public enum RecoveryMethod: String, Sendable {
    case questions, code = "recovery code", recoveryKey = "recovery key"
}

/// The proof itself. Every variant unwraps keys; none is a flag that skips a check.
public enum RecoveryProof {
    /// One entry per question, in order; nil for a question left unanswered.
    case answers([SecretBytes?])
    /// A recovery code as typed (parsed and checked before use).
    case code(SecretBytes)
    /// The offline recovery key's X25519 secret (from an age identity file).
    case recoveryKey(SecretBytes)

    var method: RecoveryMethod {
        switch self { case .answers: .questions; case .code: .code; case .recoveryKey: .recoveryKey }
    }
}

/// A bound phone number or e-mail address, in the canonical form operator profiles and
/// locators use. Mainland China mobile numbers match with or without +86.
public struct RecoveryContact: Sendable, Equatable {
    public enum Kind: String, Sendable { case phone, email }
    public let kind: Kind
    /// The canonical value: E.164 for phones (+86 added to an 11-digit mainland number),
    /// local@domain with the domain lower-cased for e-mail.
    public let value: String

    public init(phone: String) throws {
        let p = try ContactValidation.phone(phone)
        kind = .phone
        value = p.hasPrefix("+") ? p : "+86" + p
    }

    public init(email: String) throws {
        kind = .email
        // Compared without case: mail systems treat the local part so in practice.
        value = try ContactValidation.email(email).lowercased()
    }

    var locatorInput: String { "\(kind.rawValue):\(value)" }

    /// Whether a profile's stored phone or e-mail is this contact.
    func matches(_ p: OperatorProfile) -> Bool {
        switch kind {
        case .phone: (p.phone.flatMap { try? RecoveryContact(phone: $0) }) == self
        case .email: (p.email.flatMap { try? RecoveryContact(email: $0) }) == self
        }
    }

    public var described: String { kind == .phone ? "phone number \(value)" : "e-mail address \(value)" }
}

/// Where `recover username` finds account usernames bound to a phone or e-mail. The accounts
/// feature conforms to it; the lookup runs only after proof and only with admin keys.
public protocol BoundAccountDirectory: Sendable {
    func usernames(boundTo contact: RecoveryContact, as unlocked: Unlocked) throws -> [String]
}

/// What `recover password` did.
public struct PasswordRecoveryOutcome: Sendable {
    public let name: String
    public let method: RecoveryMethod
    /// Unused recovery codes after this one was burnt (code path only).
    public let codesLeft: Int?
    /// Recovery by a code or the key also turned the operator's one-time codes off (a lost
    /// phone is the usual reason a password is forgotten with them).
    public var oneTimeCodesCleared = false
}

/// What a `recover username` prompt shows: the same shape whether or not the contact is known.
public struct UsernameChallenge {
    public let contact: RecoveryContact
    public let method: RecoveryMethod
    /// The questions to answer (for the questions method).
    public let questions: [String]
    public let required: Int
    let set: RecoveryQuestionSet
    let lock: LockoutBucket
    let auditTarget: String
    /// The contact's locator (one Argon2id run), and the vault id and KDF it was made under.
    let locator: [UInt8]
    let locatorParameters: ([UInt8], KDFParameters)
}

public struct UsernameRecoveryResult: Sendable {
    public let contact: RecoveryContact
    public let operators: [String]
    /// nil when the accounts could not be looked up (no directory, or no admin keys).
    public let accountUsernames: [String]?
}
