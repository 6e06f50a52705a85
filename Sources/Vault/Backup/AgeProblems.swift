import FoundationEssentials
import VaultCrypto

/// Why an age header does not parse, or a recipient stanza in it is structurally wrong
/// (`BackupError.headerInvalid`). `description` is the English detail.
public enum AgeHeaderProblem: Equatable, Sendable, CaseIterable, CustomStringConvertible {
    /// The part of the header a line was read for.
    public enum Part: String, Equatable, Sendable, CaseIterable {
        case macLine = "MAC line"
        case stanza = "stanza"
        case stanzaBody = "stanza body"
    }

    case empty
    case notVersionLine
    case tooLarge
    case endsInsideHeader
    /// The input ends where a line of `part` should start.
    case endsInside(Part)
    /// The last line of `part` has no newline.
    case noNewline(Part)
    case lineTooLong
    case malformedClosingLine
    case malformedStanzaLine
    case stanzaBodyNotBase64
    case stanzaBodyTooLong
    case unexpectedLine
    case scryptNotAlone
    case payloadNonceShort
    case x25519ArgumentCount
    case x25519ShareNotBase64
    case x25519WrappedKeySize
    case x25519LowOrderShare
    case scryptArgumentCount
    case scryptSaltNotBase64
    case scryptWorkFactorNotDecimal
    case scryptWrappedKeySize

    public static var allCases: [AgeHeaderProblem] {
        [.empty, .notVersionLine, .tooLarge, .endsInsideHeader]
            + Part.allCases.map(AgeHeaderProblem.endsInside) + Part.allCases.map(AgeHeaderProblem.noNewline)
            + [.lineTooLong, .malformedClosingLine, .malformedStanzaLine, .stanzaBodyNotBase64, .stanzaBodyTooLong,
               .unexpectedLine, .scryptNotAlone, .payloadNonceShort, .x25519ArgumentCount, .x25519ShareNotBase64,
               .x25519WrappedKeySize, .x25519LowOrderShare, .scryptArgumentCount, .scryptSaltNotBase64,
               .scryptWorkFactorNotDecimal, .scryptWrappedKeySize]
    }

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .notVersionLine: "the first line is not \"age-encryption.org/v1\""
        case .tooLarge: "the header is larger than 1 MiB"
        case .endsInsideHeader: "the file ends inside the header"
        case .endsInside(let p): "the file ends inside the header (\(p.rawValue))"
        case .noNewline(let p): "the header ends without a newline (\(p.rawValue))"
        case .lineTooLong: "a header line is too long"
        case .malformedClosingLine: "malformed closing line"
        case .malformedStanzaLine: "malformed stanza line"
        case .stanzaBodyNotBase64: "a stanza body line is not canonical unpadded base64, or the stanza ended without a short line"
        case .stanzaBodyTooLong: "a stanza body line is longer than 64 columns"
        case .unexpectedLine: "unexpected line in the header"
        case .scryptNotAlone: "an scrypt stanza must be the only stanza"
        case .payloadNonceShort: "the payload nonce is missing or short"
        case .x25519ArgumentCount: "an X25519 stanza must have exactly one argument"
        case .x25519ShareNotBase64: "an X25519 stanza's share is not 32 bytes of canonical base64"
        case .x25519WrappedKeySize: "an X25519 stanza's wrapped file key has the wrong size"
        case .x25519LowOrderShare: "an X25519 stanza's share is a low-order point"
        case .scryptArgumentCount: "an scrypt stanza must have exactly two arguments"
        case .scryptSaltNotBase64: "an scrypt stanza's salt is not 16 bytes of canonical base64"
        case .scryptWorkFactorNotDecimal: "an scrypt stanza's work factor is not a plain decimal number"
        case .scryptWrappedKeySize: "an scrypt stanza's wrapped file key has the wrong size"
        }
    }
}

/// Why ASCII armor does not decode (`BackupError.armorInvalid`). `description` is the English detail.
public enum AgeArmorProblem: Equatable, Sendable, CaseIterable, CustomStringConvertible {
    case tooMuchWhitespaceBefore
    case firstLineNotBegin
    case lineTooLong
    case lineLongerThan64
    case emptyLine
    case notCanonicalBase64
    case shortLineNotLast
    case noEndLine
    case dataAfterEnd
    case tooMuchWhitespaceAfter

    public var description: String {
        switch self {
        case .tooMuchWhitespaceBefore: "too much whitespace before the BEGIN line"
        case .firstLineNotBegin: "the first line is not \"-----BEGIN AGE ENCRYPTED FILE-----\""
        case .lineTooLong: "a line is too long"
        case .lineLongerThan64: "a line is longer than 64 columns"
        case .emptyLine: "an empty line inside the armor"
        case .notCanonicalBase64: "a line is not canonical, padded base64"
        case .shortLineNotLast: "a short line is not followed by the END line"
        case .noEndLine: "the armor ends without its END line"
        case .dataAfterEnd: "data after the END line"
        case .tooMuchWhitespaceAfter: "too much whitespace after the END line"
        }
    }
}

/// Why a recipient (`age1...`), or a recipients file, is refused (`BackupError.invalidRecipient`).
/// `description` is the English detail. `start` is the text's first 12 characters (a public key).
public indirect enum AgeRecipientProblem: Equatable, Sendable, CustomStringConvertible {
    case notAge1(start: String)
    case notBech32(start: String, Bech32.DecodingError)
    case notX25519(start: String)
    /// A recipients file's line (1-based) is refused.
    case line(path: String, number: Int, AgeRecipientProblem)
    case fileHoldsNone(path: String)
    case keyNot32Bytes
    case lowOrderPoint
    case workFactorOutOfRange(logN: Int, min: Int, max: Int)

    public var description: String {
        switch self {
        case .notAge1(let t): "\"\(t)...\" does not start with age1 (only X25519 age recipients are supported)"
        case .notBech32(let t, let e): "\(t)... is not valid Bech32 (\(e))"
        case .notX25519(let t): "\(t)... is not a 32-byte X25519 age recipient"
        case .line(let p, let n, let why): "\(p) line \(n): \(BackupError.invalidRecipient(why).message)"
        case .fileHoldsNone(let p): "\(p) holds no recipient"
        case .keyNot32Bytes: "X25519 key is not 32 bytes"
        case .lowOrderPoint: "the X25519 key is a low-order point"
        case .workFactorOutOfRange(let n, let lo, let hi): "scrypt work factor 2^\(n) is outside 2^\(lo)...2^\(hi)"
        }
    }
}

/// Why an identity (`AGE-SECRET-KEY-1...`), or an identity file, is refused
/// (`BackupError.invalidIdentity`). `description` is the English detail; it never holds the key.
public indirect enum AgeIdentityProblem: Equatable, Sendable, CustomStringConvertible {
    case notSecretKey
    case notBech32
    case not32Bytes
    /// An identity file's line (1-based) is refused.
    case line(path: String, number: Int, AgeIdentityProblem)
    case fileHoldsNone(path: String)
    case fileTooLarge(path: String)
    case notX25519ForKeyFile

    public var description: String {
        switch self {
        case .notSecretKey: "a line does not start with AGE-SECRET-KEY-1 (only X25519 age identities are supported)"
        case .notBech32: "an AGE-SECRET-KEY-1 line is not valid Bech32"
        case .not32Bytes: "an AGE-SECRET-KEY-1 line does not hold a 32-byte key"
        case .line(let p, let n, let why): "\(p) line \(n): \(BackupError.invalidIdentity(why).message)"
        case .fileHoldsNone(let p): "\(p) holds no identity"
        case .fileTooLarge(let p): "\(p) is too large for an identity file"
        case .notX25519ForKeyFile: "only X25519 identities can be written to a key file"
        }
    }
}

/// Why what is at a restore's target cannot be identified as a vault (`BackupError.unidentifiedVault`).
public enum UnidentifiedVaultReason: Equatable, Sendable, CustomStringConvertible {
    /// The store could not read it as a vault.
    case unreadable(VaultError)
    /// Another error from the identification (its English message).
    case other(String)
    /// Nothing was there when the restore began; something is now.
    case appearedDuringRestore

    public var description: String {
        switch self {
        case .unreadable(let e): e.message
        case .other(let s): s
        case .appearedDuringRestore: "it appeared during the restore"
        }
    }
}
