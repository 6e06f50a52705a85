import Catalog
import Vault
import VaultCrypto

/// The backup side's details (why an age header, an armor, a recipient or identity file, a
/// manifest or a restore target is refused), as the user reads them: the library's English
/// (`description`, unchanged) or, in zh-Hans, the catalog's text for each case. The switches
/// have no `default`: a new case in the library does not build until it has its words here.
/// The manifest's and payload's details are still English text inside their cases (tests
/// compare them as such); they are matched here word for word, as `DetailText` does.
enum BackupDetailText {
    static var zh: Bool { Lang.current == .zhHans }

    static func header(_ p: AgeHeaderProblem) -> String {
        guard zh else { return p.description }
        switch p {
        case .empty: return tr(.ahEmpty)
        case .notVersionLine: return tr(.ahNotVersionLine)
        case .tooLarge: return tr(.ahTooLarge)
        case .endsInsideHeader: return tr(.ahEndsInsideHeader)
        case .endsInside(let part): return tr(.ahEndsInside, self.part(part))
        case .noNewline(let part): return tr(.ahNoNewline, self.part(part))
        case .lineTooLong: return tr(.ahLineTooLong)
        case .malformedClosingLine: return tr(.ahMalformedClosingLine)
        case .malformedStanzaLine: return tr(.ahMalformedStanzaLine)
        case .stanzaBodyNotBase64: return tr(.ahStanzaBodyNotBase64)
        case .stanzaBodyTooLong: return tr(.ahStanzaBodyTooLong)
        case .unexpectedLine: return tr(.ahUnexpectedLine)
        case .scryptNotAlone: return tr(.ahScryptNotAlone)
        case .payloadNonceShort: return tr(.dtPayloadNonce)
        case .x25519ArgumentCount: return tr(.ahX25519ArgumentCount)
        case .x25519ShareNotBase64: return tr(.ahX25519ShareNotBase64)
        case .x25519WrappedKeySize: return tr(.ahX25519WrappedKeySize)
        case .x25519LowOrderShare: return tr(.ahX25519LowOrderShare)
        case .scryptArgumentCount: return tr(.ahScryptArgumentCount)
        case .scryptSaltNotBase64: return tr(.ahScryptSaltNotBase64)
        case .scryptWorkFactorNotDecimal: return tr(.ahScryptWorkFactorNotDecimal)
        case .scryptWrappedKeySize: return tr(.ahScryptWrappedKeySize)
        }
    }

    private static func part(_ p: AgeHeaderProblem.Part) -> String {
        switch p {
        case .macLine: tr(.ahPartMacLine)
        case .stanza: tr(.ahPartStanza)
        case .stanzaBody: tr(.ahPartStanzaBody)
        }
    }

    static func armor(_ p: AgeArmorProblem) -> String {
        guard zh else { return p.description }
        switch p {
        case .tooMuchWhitespaceBefore: return tr(.aaTooMuchWhitespaceBefore)
        case .firstLineNotBegin: return tr(.aaFirstLineNotBegin)
        case .lineTooLong: return tr(.aaLineTooLong)
        case .lineLongerThan64: return tr(.aaLineLongerThan64)
        case .emptyLine: return tr(.aaEmptyLine)
        case .notCanonicalBase64: return tr(.aaNotCanonicalBase64)
        case .shortLineNotLast: return tr(.aaShortLineNotLast)
        case .noEndLine: return tr(.aaNoEndLine)
        case .dataAfterEnd: return tr(.aaDataAfterEnd)
        case .tooMuchWhitespaceAfter: return tr(.aaTooMuchWhitespaceAfter)
        }
    }

    /// A file's line is "PATH 第 N 行：why" (the inner "invalid recipient:" is said once, by the
    /// message around it).
    static func recipient(_ p: AgeRecipientProblem) -> String {
        guard zh else { return p.description }
        switch p {
        case .notAge1(let start): return tr(.arNotAge1, start)
        case .notBech32(let start, let e): return tr(.arNotBech32, start, bech32(e))
        case .notX25519(let start): return tr(.arNotX25519, start)
        case .line(let path, let n, let why): return tr(.dtFileLine, path, n, recipient(why))
        case .fileHoldsNone(let path): return tr(.arFileHoldsNone, path)
        case .keyNot32Bytes: return tr(.arKeyNot32Bytes)
        case .lowOrderPoint: return tr(.arLowOrderPoint)
        case .workFactorOutOfRange(let n, let lo, let hi): return tr(.arWorkFactorOutOfRange, n, lo, hi)
        }
    }

    static func bech32(_ e: Bech32.DecodingError) -> String {
        switch e {
        case .mixedCase: tr(.b32MixedCase)
        case .badSeparator: tr(.b32BadSeparator)
        case .invalidCharacter: tr(.b32InvalidCharacter)
        case .badChecksum: tr(.b32BadChecksum)
        case .badPadding: tr(.b32BadPadding)
        }
    }

    static func identity(_ p: AgeIdentityProblem) -> String {
        guard zh else { return p.description }
        switch p {
        case .notSecretKey: return tr(.dtIdentityLine)
        case .notBech32, .not32Bytes: return tr(.dtIdentityBech32)
        case .line(let path, let n, let why): return tr(.dtFileLine, path, n, identity(why))
        case .fileHoldsNone(let path): return tr(.aiFileHoldsNone, path)
        case .fileTooLarge(let path): return tr(.aiFileTooLarge, path)
        case .notX25519ForKeyFile: return tr(.aiNotX25519ForKeyFile)
        }
    }

    static func unidentified(_ r: UnidentifiedVaultReason) -> String {
        guard zh else { return r.description }
        switch r {
        case .unreadable(let e): return ErrorText.render(e).0
        case .other(let s): return ErrorText.detail(s)
        case .appearedDuringRestore: return tr(.bkAppearedDuringRestore)
        }
    }

    /// `BackupError.manifestInvalid`'s and `.payloadInvalid`'s English, matched word for word
    /// (the rest through `DetailText`).
    static func manifestOrPayload(_ s: String) -> String {
        guard zh else { return s }
        if s == "too many chunks" { return tr(.bpTooManyChunks) }
        if s == "vault_id is not hex" { return tr(.bmVaultIdNotHex) }
        if s == "created is not an ISO 8601 UTC time" { return tr(.bmCreatedNotTime) }
        if let n = between(s, "its length ", " is out of range").flatMap({ Int($0) }) { return tr(.bmLength, n) }
        if let r = between(s, "its format ", ""), let at = r.firstRange(of: " is not the container version "),
           let f = Int(r[..<at.lowerBound]), let v = Int(r[at.upperBound...]) {
            return tr(.bmFormat, f, v)
        }
        // "it names vault V (terminal T), but the vault inside is V2 (terminal T2)"
        if let r = between(s, "it names vault ", ")"), let mid = r.firstRange(of: "), but the vault inside is ") {
            let (named, inside) = (r[..<mid.lowerBound], r[mid.upperBound...])
            if let a = named.firstRange(of: " (terminal "), let b = inside.firstRange(of: " (terminal ") {
                return tr(.bmNamesOtherVault, String(named[..<a.lowerBound]), String(named[a.upperBound...]),
                          String(inside[..<b.lowerBound]), String(inside[b.upperBound...]))
            }
        }
        return ErrorText.detail(s)
    }

    private static func between(_ s: String, _ prefix: String, _ suffix: String) -> Substring? {
        guard s.hasPrefix(prefix), s.hasSuffix(suffix), s.count > prefix.count + suffix.count else { return nil }
        return s.dropFirst(prefix.count).dropLast(suffix.count)
    }
}
