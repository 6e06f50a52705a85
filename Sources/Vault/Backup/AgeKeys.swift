import FoundationEssentials
import Glibc
import VaultCrypto

/// One recipient stanza of an age header: `-> type args...` and its body.
public struct AgeStanza: Equatable, Sendable {
    public var type: String
    public var args: [String]
    public var body: [UInt8]
}

/// The scrypt work factors we use and accept.
public enum AgeScrypt {
    /// What `encrypt` uses by default: 2^18, age's own default.
    public static let defaultLogN = 18
    /// The highest work factor we run when decrypting (age's default maximum): a file cannot
    /// make us spend more.
    public static let maxLogN = 22
    /// The lowest work factor `encrypt` accepts, unless the test-only knob is on
    /// (`VAULTCLI_INSECURE_TEST_KDF=yes-tests-only` in a debug build), which allows 2^10.
    public static var minEncryptLogN: Int { KDFPolicy.testKnobActive ? 10 : defaultLogN }
    /// The default for this process: 18, or 10 with the test-only knob.
    public static var effectiveDefaultLogN: Int { KDFPolicy.testKnobActive ? 10 : defaultLogN }
}

/// Someone a backup is encrypted to.
public enum AgeRecipient: Sendable {
    /// An X25519 public key (`age1...`).
    case x25519(publicKey: [UInt8])
    /// A passphrase through scrypt with work factor 2^logN. It must be the only recipient.
    case scrypt(passphrase: SecretBytes, logN: Int)

    /// A passphrase recipient at the default work factor.
    public static func passphrase(_ p: SecretBytes) -> AgeRecipient { .scrypt(passphrase: p, logN: AgeScrypt.effectiveDefaultLogN) }

    /// Parses `age1...` strictly (lowercase Bech32, HRP "age", 32-byte key).
    public static func parse(_ s: String) throws -> AgeRecipient {
        let t = s.trimmed(.whitespaces)
        guard t.hasPrefix("age1") else {
            throw BackupError.invalidRecipient(.notAge1(start: String(t.prefix(12))))
        }
        let decoded: (hrp: String, data: [UInt8])
        do { decoded = try Bech32.decode(t) } catch let e as Bech32.DecodingError {
            throw BackupError.invalidRecipient(.notBech32(start: String(t.prefix(12)), e))
        }
        guard decoded.hrp == "age", decoded.data.count == 32 else {
            throw BackupError.invalidRecipient(.notX25519(start: String(t.prefix(12))))
        }
        return .x25519(publicKey: decoded.data)
    }

    /// The `age1...` string of an X25519 recipient (nil for a passphrase).
    public var string: String? {
        if case .x25519(let pk) = self { return Bech32.encode(hrp: "age", data: pk) }
        return nil
    }

    /// Parses a recipients file: one `age1...` per line; empty lines and `#` comments skipped.
    public static func parseFile(contents: String, path: String) throws -> [AgeRecipient] {
        var out: [AgeRecipient] = []
        for (i, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmed(.whitespaces).isEmpty || line.hasPrefix("#") { continue }
            do { out.append(try parse(String(line))) } catch BackupError.invalidRecipient(let why) {
                throw BackupError.invalidRecipient(.line(path: path, number: i + 1, why))
            }
        }
        if out.isEmpty { throw BackupError.invalidRecipient(.fileHoldsNone(path: path)) }
        return out
    }
}

/// Something that opens a backup.
public enum AgeIdentity: Sendable {
    /// An X25519 secret key (`AGE-SECRET-KEY-1...`).
    case x25519(secretKey: SecretBytes)
    /// A passphrase for an scrypt stanza.
    case scrypt(passphrase: SecretBytes)

    /// A fresh X25519 identity.
    public static func generate() throws -> AgeIdentity {
        let (sk, _) = try X25519.generateKeyPair()
        return .x25519(secretKey: sk)
    }

    /// Parses `AGE-SECRET-KEY-1...` strictly (uppercase Bech32, 32-byte key). Never echoes the key.
    public static func parse(_ s: String) throws -> AgeIdentity {
        let t = s.trimmed(.whitespaces)
        guard t.hasPrefix("AGE-SECRET-KEY-1") else {
            throw BackupError.invalidIdentity(.notSecretKey)
        }
        var decoded: (hrp: String, data: [UInt8])
        do { decoded = try Bech32.decode(t) } catch { throw BackupError.invalidIdentity(.notBech32) }
        defer { wipe(&decoded.data) }
        guard decoded.hrp == "AGE-SECRET-KEY-", decoded.data.count == 32 else {
            throw BackupError.invalidIdentity(.not32Bytes)
        }
        return .x25519(secretKey: try SecretBytes(copying: decoded.data))
    }

    /// Parses an identity file (age-keygen's format): `#` comments, empty lines, and one
    /// `AGE-SECRET-KEY-1...` per remaining line.
    public static func parseFile(contents: String, path: String) throws -> [AgeIdentity] {
        var out: [AgeIdentity] = []
        for (i, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmed(.whitespaces).isEmpty || line.hasPrefix("#") { continue }
            do { out.append(try parse(String(line))) } catch BackupError.invalidIdentity(let why) {
                throw BackupError.invalidIdentity(.line(path: path, number: i + 1, why))
            }
        }
        if out.isEmpty { throw BackupError.invalidIdentity(.fileHoldsNone(path: path)) }
        return out
    }

    /// The `AGE-SECRET-KEY-1...` string, for tests against the age testkit's vectors. Internal:
    /// the product renders identities in locked memory (`secretText`, `AgeKeyFile.render`).
    func secretString() -> String? {
        guard case .x25519(let sk) = self else { return nil }
        var bytes = sk.unsafeCopyBytes()
        defer { wipe(&bytes) }
        return Bech32.encode(hrp: "AGE-SECRET-KEY-", data: bytes, uppercase: true)
    }

    /// `AGE-SECRET-KEY-1…` in locked memory (no Swift string holds it).
    func secretText() throws -> SecretBytes? {
        guard case .x25519(let sk) = self else { return nil }
        var bytes = sk.unsafeCopyBytes()
        defer { wipe(&bytes) }
        var text = Bech32.encodedBytes(hrp: "AGE-SECRET-KEY-", data: bytes, uppercase: true)
        defer { wipe(&text) }
        return try SecretBytes(copying: text)
    }

    /// The recipient that matches this identity (nil for a passphrase).
    public func recipient() throws -> AgeRecipient? {
        guard case .x25519(let sk) = self else { return nil }
        return .x25519(publicKey: try X25519.publicKey(for: sk))
    }
}

/// Wrapping and unwrapping the 16-byte file key (C2SP age, "X25519 recipient stanza" and
/// "scrypt recipient stanza").
enum AgeStanzaCrypto {
    static let fileKeySize = 16
    static let x25519Label = "age-encryption.org/v1/X25519"
    static let scryptLabel = Array("age-encryption.org/v1/scrypt".utf8)
    static let zeroNonce = [UInt8](repeating: 0, count: 12)

    static func wrap(fileKey: SecretBytes, to recipient: AgeRecipient) throws -> AgeStanza {
        switch recipient {
        case .x25519(let pk):
            guard pk.count == 32 else { throw BackupError.invalidRecipient(.keyNot32Bytes) }
            let (esk, share) = try X25519.generateKeyPair()
            let shared: SecretBytes
            do { shared = try X25519.sharedSecret(secretKey: esk, publicKey: pk) } catch CryptoError.weakPublicKey {
                throw BackupError.invalidRecipient(.lowOrderPoint)
            }
            let wrapKey = try HKDF.deriveSecret(ikm: shared, salt: share + pk, info: x25519Label)
            return AgeStanza(type: "X25519", args: [Base64.encodeUnpadded(share)], body: try seal(fileKey, wrapKey))
        case .scrypt(let passphrase, let logN):
            guard logN >= AgeScrypt.minEncryptLogN, logN <= AgeScrypt.maxLogN else {
                throw BackupError.invalidRecipient(.workFactorOutOfRange(logN: logN, min: AgeScrypt.minEncryptLogN, max: AgeScrypt.maxLogN))
            }
            let salt = SecureRandom.bytes(16)
            let key = try Scrypt.derive(password: passphrase, salt: scryptLabel + salt, logN: logN)
            return AgeStanza(type: "scrypt", args: [Base64.encodeUnpadded(salt), String(logN)], body: try seal(fileKey, key))
        }
    }

    private static func seal(_ fileKey: SecretBytes, _ key: SecretBytes) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: fileKeySize + 16)
        try fileKey.withUnsafeBytes { fk in
            try key.withUnsafeBytes { k in
                try out.withUnsafeMutableBytes { o in try ChaCha20Poly1305.seal(fk, key: k, nonce: zeroNonce, into: o) }
            }
        }
        return out
    }

    /// Opens a wrapped file key. Returns nil when the key does not open it (wrong identity);
    /// throws for a malformed body.
    private static func open(_ body: [UInt8], _ key: SecretBytes) throws -> SecretBytes? {
        let fk = try SecretBytes(count: fileKeySize)
        do {
            try body.withUnsafeBytes { b in
                try key.withUnsafeBytes { k in
                    try fk.withUnsafeMutableBytes { o in try ChaCha20Poly1305.open(b, key: k, nonce: zeroNonce, into: o) }
                }
            }
        } catch CryptoError.authenticationFailed {
            return nil
        }
        return fk
    }

    enum Unwrap {
        case fileKey(SecretBytes)
        /// Not for this identity (another type, or the key did not open it).
        case incorrectIdentity
    }

    /// Tries one identity on one stanza. Structural problems are header failures.
    static func unwrap(_ s: AgeStanza, with identity: AgeIdentity, ourPublicKey: [UInt8]?) throws -> Unwrap {
        switch identity {
        case .x25519(let sk):
            guard s.type == "X25519" else { return .incorrectIdentity }
            guard s.args.count == 1 else { throw BackupError.headerInvalid(.x25519ArgumentCount) }
            guard let share = Base64.decodeUnpaddedStrict(Substring(s.args[0])), share.count == 32 else {
                throw BackupError.headerInvalid(.x25519ShareNotBase64)
            }
            guard s.body.count == fileKeySize + 16 else { throw BackupError.headerInvalid(.x25519WrappedKeySize) }
            let shared: SecretBytes
            do { shared = try X25519.sharedSecret(secretKey: sk, publicKey: share) } catch CryptoError.weakPublicKey {
                throw BackupError.headerInvalid(.x25519LowOrderShare)
            }
            let wrapKey = try HKDF.deriveSecret(ikm: shared, salt: share + (ourPublicKey ?? []), info: x25519Label)
            guard let fk = try open(s.body, wrapKey) else { return .incorrectIdentity }
            return .fileKey(fk)
        case .scrypt(let passphrase):
            guard s.type == "scrypt" else { return .incorrectIdentity }
            guard s.args.count == 2 else { throw BackupError.headerInvalid(.scryptArgumentCount) }
            guard let salt = Base64.decodeUnpaddedStrict(Substring(s.args[0])), salt.count == 16 else {
                throw BackupError.headerInvalid(.scryptSaltNotBase64)
            }
            let w = s.args[1]
            guard !w.isEmpty, w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), w.utf8.first != 0x30 else {
                throw BackupError.headerInvalid(.scryptWorkFactorNotDecimal)
            }
            guard let logN = Int(w), logN <= AgeScrypt.maxLogN else {
                throw BackupError.workFactorTooHigh(logN: Int(w) ?? Int.max, max: AgeScrypt.maxLogN)
            }
            guard s.body.count == fileKeySize + 16 else { throw BackupError.headerInvalid(.scryptWrappedKeySize) }
            let key = try Scrypt.derive(password: passphrase, salt: scryptLabel + salt, logN: logN)
            guard let fk = try open(s.body, key) else { return .incorrectIdentity }
            return .fileKey(fk)
        }
    }
}
