import FoundationEssentials
import Glibc
import VaultCrypto

/// The signed manifest beside each fleet backup (docs/FORMAT.md C.2). Text, LF lines, in this
/// order and no other:
///
///     vaultcli-fleet-manifest 1
///     terminal <terminal id>
///     vault_id <32 hex>
///     seq <decimal, 1...>
///     created <yyyy-MM-ddTHH:mm:ssZ>
///     object <yyyyMMddTHHmmssZ>-<seq, 8 digits>.age
///     size <decimal bytes of the .age object>
///     sha256 <64 hex of the .age object>
///     prev <64 hex: SHA-256 of the previous manifest's bytes> | prev none
///     recipient age1...            (one line per recipient, at least one)
///     signer ed25519:<64 hex>
///     signature <128 hex>
///
/// The signature is Ed25519 over `"vaultcli fleet manifest v1" LF ‖` every byte before the
/// `signature` line.
public struct FleetManifest: Sendable, Equatable {
    public var terminalID: String
    public var vaultID: String
    public var seq: Int
    public var created: Date
    public var size: Int64
    public var sha256: [UInt8]
    public var previous: [UInt8]?
    public var recipients: [String]
    public var signer: [UInt8]

    static let magic = "vaultcli-fleet-manifest 1"
    static let domain = Array("vaultcli fleet manifest v1\n".utf8)

    /// `<yyyyMMddTHHmmssZ>-<seq, 8 digits>`: the name both objects share.
    public var baseName: String { Self.baseName(created: created, seq: seq) }
    public var objectName: String { baseName + ".age" }
    public var manifestName: String { baseName + ".manifest" }

    public static func baseName(created: Date, seq: Int) -> String {
        UTCTime.compact(created) + "-" + zeroPadded(seq, width: 8)
    }

    /// Parses an object name: (base, created, seq, isManifest), or nil for anything else.
    public static func parseName(_ name: String) -> (base: String, created: Date, seq: Int, isManifest: Bool)? {
        let isManifest: Bool
        let base: Substring
        if name.hasSuffix(".manifest") { isManifest = true; base = name.dropLast(9) } else if name.hasSuffix(".age") { isManifest = false; base = name.dropLast(4) } else { return nil }
        let parts = base.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let seq = Int(parts[1]), seq >= 1,
              let created = UTCTime.parseCompact(String(parts[0])) else { return nil }
        return (String(base), created, seq, isManifest)
    }

    /// The signed text before the signature line.
    func unsignedText() -> String {
        var s = Self.magic + "\n"
        s += "terminal \(terminalID)\n"
        s += "vault_id \(vaultID)\n"
        s += "seq \(seq)\n"
        s += "created \(ISO8601.string(created))\n"
        s += "object \(objectName)\n"
        s += "size \(size)\n"
        s += "sha256 \(sha256.hexString)\n"
        s += "prev \(previous?.hexString ?? "none")\n"
        for r in recipients { s += "recipient \(r)\n" }
        s += "signer ed25519:\(signer.hexString)\n"
        return s
    }

    /// The manifest's bytes, signed with the terminal's key.
    func signed(with key: SecretBytes) throws -> [UInt8] {
        let body = Array(unsignedText().utf8)
        let sig = try Ed25519.sign(Self.domain + body, secretKey: key)
        return body + Array("signature \(sig.hexString)\n".utf8)
    }

    /// Parses and checks a manifest: its form, its signature under the key it names, and
    /// (when given) that the key is `expectedSigner` and the file is named `name`.
    public static func verify(_ bytes: [UInt8], name: String? = nil, expectedSigner: [UInt8]? = nil) throws -> FleetManifest {
        let label = name ?? "manifest"
        func refuse(_ why: ManifestProblem) -> FleetError { .manifestRefused(name: label, reason: why) }
        guard bytes.count <= 16384 else { throw refuse(.tooLarge) }
        guard let text = String(validating: bytes, as: UTF8.self), text.hasSuffix("\n") else { throw refuse(.notText) }
        var lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 12, lines[0] == magic else { throw refuse(.notAManifest) }
        guard let sigLine = lines.popLast(), sigLine.hasPrefix("signature "),
              let sig = [UInt8](hexString: String(sigLine.dropFirst(10))), sig.count == Ed25519.signatureBytes,
              String(sigLine.dropFirst(10)) == sig.hexString else { throw refuse(.signatureLineMalformed) }
        var i = 1
        func field(_ key: String) throws -> String {
            guard i < lines.count, lines[i].hasPrefix(key + " ") else { throw refuse(.lineShouldBe(line: i + 1, key: key)) }
            defer { i += 1 }
            return String(lines[i].dropFirst(key.count + 1))
        }
        let terminal = try field("terminal")
        let vaultID = try field("vault_id")
        guard let seq = Int(try field("seq")), seq >= 1 else { throw refuse(.seqNotPositive) }
        guard let created = ISO8601.date(try field("created")) else { throw refuse(.createdNotUTC) }
        let object = try field("object")
        guard let size = Int64(try field("size")), size > 0 else { throw refuse(.sizeNotPositive) }
        guard let sha = [UInt8](hexString: try field("sha256")), sha.count == 32 else { throw refuse(.sha256Malformed) }
        let prevText = try field("prev")
        let prev: [UInt8]?
        if prevText == "none" { prev = nil } else {
            guard let p = [UInt8](hexString: prevText), p.count == 32 else { throw refuse(.prevMalformed) }
            prev = p
        }
        var recipients: [String] = []
        while i < lines.count, lines[i].hasPrefix("recipient ") { recipients.append(try field("recipient")) }
        guard !recipients.isEmpty else { throw refuse(.noRecipient) }
        let signerText = try field("signer")
        guard signerText.hasPrefix("ed25519:"), let signer = [UInt8](hexString: String(signerText.dropFirst(8))), signer.count == 32 else {
            throw refuse(.signerMalformed)
        }
        guard i == lines.count else { throw refuse(.unexpectedLine(i + 1)) }
        let m = FleetManifest(terminalID: terminal, vaultID: vaultID, seq: seq, created: created, size: size, sha256: sha,
                              previous: prev, recipients: recipients, signer: signer)
        // Canonical form: the text must be exactly what a writer would produce.
        let body = Array(m.unsignedText().utf8)
        guard bytes.count == body.count + 11 + 128, Array(bytes[0..<body.count]) == body else { throw refuse(.notCanonical) }
        if let e = expectedSigner, !constantTimeEqual(e, signer) {
            throw refuse(.notRosterKey(terminal: terminal))
        }
        guard Ed25519.verify(sig, message: domain + body, publicKey: signer) else { throw refuse(.signatureInvalid) }
        if let name, name != m.manifestName { throw refuse(.namesOtherObject(object: object, manifest: name)) }
        guard object == m.objectName else { throw refuse(.objectNameMismatch) }
        return m
    }

    /// SHA-256 of a manifest's bytes (what the next manifest's `prev` holds).
    public static func hash(_ bytes: [UInt8]) -> [UInt8] { Hash.sha256(bytes) }
}
