import Catalog
import Vault
import VaultCrypto

/// The library's detail words (what exactly is damaged in a vault or a backup, why a session
/// ended or was refused) in zh-Hans, for the details a shop meets: a damaged or cut-short
/// vault or backup, a wrong key file, a session that timed out or was locked. The library keeps
/// them as English text inside its error cases (`VaultError.corrupt`'s part, `BackupError`'s
/// why, `SessionError`'s reason), so they are matched here word for word, as
/// `ErrorText.operation` does; ChineseMessagesE2ETests meets each common one through the
/// binary. A detail not known here is shown as `detailOnlyInEnglish` (run again with --lang en).
enum DetailText {
    static func zh(_ s: String) -> String? {
        if let m = fixed[s] { return tr(m) }
        if let z = sessionRequest(s) { return z }
        // Why a backup carries no marker (BackupWriter, VaultSnapshot): `backup --keep`'s note.
        switch s {
        case "the vault has no backup marker key": return tr(.nmNoKey)
        case "a passphrase backup carries no marker (age allows no other stanza beside a passphrase)": return tr(.nmPassphrase)
        case "the vault is in format 1 (run `vaultcli upgrade` as an admin)": return tr(.nmFormat1)
        default: break
        }
        if let why = text(s, "the vault's backup marker key could not be written: ", "") {
            return tr(.nmNotWritten, ErrorText.detail(why))
        }
        // "<kind> frame at offset N (why)"
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), let at = s.firstRange(of: " frame at offset ") {
            let kind = String(s[..<at.lowerBound]), rest = String(s[at.upperBound..<open]).trimmed(.whitespaces)
            let why = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
            if let k = frameKind(kind), let n = Int(rest), let w = frameWhy(why) { return tr(.dtFrame, k, n, w) }
        }
        if let n = number(s, "frame trailer at offset ", "") { return tr(.dtFrameTrailer, n) }
        if let n = number(s, "frame at offset ", " is cut short") { return tr(.dtFrameCutShort, n) }
        if let n = number(s, "frame at offset ", " runs past the log") { return tr(.dtFramePastLog, n) }
        if let n = number(s, "chain broken at frame offset ", ": a frame before it was removed, reordered or changed") { return tr(.dtChainBroken, n) }
        if let n = number(s, "index pointer ", " is outside the log") { return tr(.dtIndexPointer, n) }
        // An index that names what is not (or no longer) there: a file cut short or pieced together.
        if let n = number(s, "the index lists an erased frame (offset ", ") as live") { return tr(.dtIndexMismatch, n) }
        if let n = number(s, "index entry points outside the log (offset ", ")") { return tr(.dtIndexMismatch, n) }
        if let n = number(s, "metadata frame at offset ", " does not match the index") { return tr(.dtIndexMismatch, n) }
        if let n = number(s, "frame at offset ", " was erased but is read as live") { return tr(.dtIndexMismatch, n) }
        // Session ends: "<reason> (at TIME); the keys were wiped from memory"
        if let at = s.firstRange(of: " (at "), s.hasSuffix("); the keys were wiped from memory"),
           let reason = endReason(String(s[..<at.lowerBound])) {
            let when = s[at.upperBound...].dropLast("); the keys were wiped from memory".count)
            return tr(.dtSessionEnded, reason, String(when))
        }
        if s.hasPrefix("the session agent did not start: ") { return tr(.dtAgentDidNotStart) }
        if let name = text(s, "the operator ", " was removed, renamed or changed role since the session began") { return tr(.dtOperatorChanged, name) }
        // The session directory ($XDG_RUNTIME_DIR).
        if let dir = text(s, "", " is not a directory") { return tr(.ipNotDirectory, dir) }
        if let dir = text(s, "", " belongs to another user") { return tr(.dtDirOtherUser, dir) }
        if let open = s.firstRange(of: " can be used by others (mode "), s.hasSuffix(")") {
            return tr(.dtDirOpen, String(s[..<open.lowerBound]), String(s[open.upperBound...].dropLast()))
        }
        if s.hasPrefix("a malformed ") || s == "an empty request" { return tr(.dtMalformed) }
        if let n = number(s, "the file is shorter than its header (", " bytes)") { return tr(.dtShorterThanHeader, n) }
        // A key file's line: "PATH line N: invalid identity: why" (the inner error's message).
        for inner in [": invalid identity: ", ": invalid recipient: "] {
            if let i = s.firstRange(of: inner), let l = s[..<i.lowerBound].ranges(of: " line ").last,
               let n = Int(s[l.upperBound..<i.lowerBound]), let why = zh(String(s[i.upperBound...])) {
                return tr(.dtFileLine, String(s[..<l.lowerBound]), n, why)
            }
        }
        return damage(s) ?? rolledBack(s)
    }

    /// A scan's note (verify): the library's English, or its words in zh-Hans.
    static func note(_ n: ScanNote) -> String {
        guard Lang.current == .zhHans else { return n.english }
        switch n {
        case .interruptedWrite(let b, let f): return tr(.dtInterruptedWrite, b, f)
        }
    }

    /// Why a JSON Lines row does not parse (tx import): the library's English, or its words in zh-Hans.
    static func jsonl(_ p: JSONLProblem) -> String {
        guard Lang.current == .zhHans else { return p.english }
        return switch p {
        case .escapeCutShort: tr(.jlEscapeCutShort)
        case .escapeNonHex: tr(.jlEscapeNonHex)
        case .stringNotClosed: tr(.jlStringNotClosed)
        case .rawControl: tr(.jlRawControl)
        case .loneSurrogate: tr(.jlLoneSurrogate)
        case .invalidUEscape: tr(.jlInvalidUEscape)
        case .invalidEscape(let c): tr(.jlInvalidEscape, c)
        case .notAnObject: tr(.jlNotAnObject)
        case .quotedKey: tr(.jlQuotedKey)
        case .colonAfterKey: tr(.jlColonAfterKey)
        case .valueMissing: tr(.jlValueMissing)
        case .exponent(let k): tr(.jlExponent, k)
        case .invalidValue(let k): tr(.jlInvalidValue, k)
        case .boolValue(let k): tr(.jlBoolValue, k)
        case .nested(let k): tr(.jlNested, k)
        case .keyTwice(let k): tr(.jlKeyTwice, k)
        case .objectNotClosed: tr(.jlObjectNotClosed)
        case .commaOrBrace: tr(.jlCommaOrBrace)
        case .textAfterObject: tr(.jlTextAfterObject)
        }
    }

    /// Where a full card number was found (RecordError.fullCardNumber's field): the library's
    /// English, or in zh-Hans the field's name (a column or key keeps the name the file gives it).
    static func field(_ f: String) -> String {
        guard Lang.current == .zhHans else { return f }
        if let k = text(f, "key ", "") { return tr(.dtFieldKey, k) }
        if let c = text(f, "column ", "") { return tr(.dtFieldColumn, c) }
        if let a = text(f, "account's ", ""), let n = RecordProblem.Field(rawValue: a) { return tr(.dtFieldAccount, ErrorText.fieldName(n)) }
        if let n = RecordProblem.Field(rawValue: f) { return ErrorText.fieldName(n) }
        if f == "card field" { return tr(.dtFieldCard) }
        return tr(.detailOnlyInEnglish)
    }

    /// The rarer details of a damaged vault (a forged or pieced-together file, a key slot or
    /// envelope that does not fit): matched word for word, as above.
    private static func damage(_ s: String) -> String? {
        if let m = rare[s] { return tr(m) }
        // "frame at offset N: damaged(...)": the frame header does not decode.
        if s.hasPrefix("frame at offset "), let c = s.firstRange(of: ": "),
           let n = Int(s[s.index(s.startIndex, offsetBy: "frame at offset ".count)..<c.lowerBound]) { return tr(.dtFrameHeaderBad, n) }
        if let n = number(s, "index frame at offset ", "") { return tr(.dtNotAnIndex, n) }
        if s.hasPrefix("signed "), let at = s.firstRange(of: " frame at offset "),
           let n = number(String(s[at.lowerBound...]), " frame at offset ", " (not where it was signed: copied from another file or an older copy)"),
           let k = FrameKindText.known(String(s[s.index(s.startIndex, offsetBy: 7)..<at.lowerBound])) {
            return tr(.dtNotWhereSigned, k, n)
        }
        if let n = number(s, "record at offset ", " (unknown record type)") { return tr(.dtFrame, tr(.fkRecord), n, tr(.dtWhyUnknownRecord)) }
        if s.hasPrefix("record at offset "), s.hasSuffix(", which its type does not allow)"), let a = s.firstRange(of: " (a "),
           let n = Int(s[s.index(s.startIndex, offsetBy: "record at offset ".count)..<a.lowerBound]) { return tr(.dtRecordKeyClass, n) }
        if let r = text(s, "frame at offset ", ""), let p = r.firstRange(of: " points to index "), let e = r.firstRange(of: ", expected "),
           let n = Int(r[..<p.lowerBound]), let i = Int(r[p.upperBound..<e.lowerBound]), let x = Int(r[e.upperBound...]) {
            return tr(.dtIndexPointsWrong, n, i, x)
        }
        if let r = text(s, "index frame at offset ", ")"), let l = r.firstRange(of: " lists a metadata frame that is not there (offset "),
           let n = Int(r[..<l.lowerBound]), let m = Int(r[l.upperBound...]) {
            return tr(.dtIndexListsMissing, n, m)
        }
        if let r = text(s, "audit chain (the vault says ", " are there: events were removed from the end)"),
           let w = r.firstRange(of: " events were written, "), let said = Int(r[..<w.lowerBound]), let there = Int(r[w.upperBound...]) {
            return tr(.dtAuditEventsRemoved, said, there)
        }
        if let n = number(s, "frame at offset ", " (cannot be erased: it is not the superseded frame the index named)") { return tr(.dtCannotErase, n) }
        if let id = text(s, "keyslot ", " (malformed)") { return tr(.dtKeyslotMalformed, id) }
        if let name = text(s, "operator ", " has no password slot") { return tr(.dtNoPasswordSlot, name) }
        if let name = text(s, "operator profile of ", " (a manager's signature vouches only for cashiers)") { return tr(.dtManagerVouches, name) }
        if let name = text(s, "operator profile of ", " is missing") { return tr(.dtProfileMissing, name) }
        if let name = text(s, "keyslot of ", " (not the slot its envelope names: an old slot was put back)") { return tr(.dtOldSlotBack, name) }
        if let name = text(s, "keyslot of ", " (its role or name differs from the signed profile)") { return tr(.dtSlotDiffers, name) }
        if let name = text(s, "recovery slot ", " (revoked or used, but put back in the file)") { return tr(.dtRecoverySlotBack, name) }
        if let name = text(s, "one-time-code secret of ", "") { return tr(.dtTotpSecret, name) }
        if let name = text(s, "key copy of operator ", "") { return tr(.dtKeyCopy, name) }
        if s.hasSuffix(" record (unexpected type)") { return tr(.dtRecordType) }
        if s.hasPrefix("record body does not decode (") { return tr(.dtRecordBody) }
        if s.hasPrefix("the stored password policy is below the floors (") { return tr(.dtPolicyBelowFloors) }
        if let n = number(s, "a record of ", " bytes") { return tr(.dtRecordOfBytes, n) }
        return nil
    }

    /// Why a vault reads as older than what an operator last saw (VaultError.rolledBack).
    private static func rolledBack(_ s: String) -> String? {
        if let r = text(s, "its keys are from before a key rotation that ", " seen)"), let h = r.firstRange(of: " has already seen ("),
           let c = r.firstRange(of: " rotations now, "), let now = Int(r[h.upperBound..<c.lowerBound]), let seen = Int(r[c.upperBound...]) {
            return tr(.dtRbRotations, String(r[..<h.lowerBound]), now, seen)
        }
        if let r = text(s, "it holds ", " last logged in"), let b = r.firstRange(of: " audit events, but "),
           let w = r.firstRange(of: " were there when "), let holds = Int(r[..<b.lowerBound]), let were = Int(r[b.upperBound..<w.lowerBound]) {
            return tr(.dtRbAuditSeq, holds, were, String(r[w.upperBound...]))
        }
        if let name = text(s, "its audit log does not continue the one ", " last saw") { return tr(.dtRbAuditChain, name) }
        return nil
    }

    /// The agent's refusals of a forwarded request (SessionAccess.swift), word for word.
    private static func sessionRequest(_ s: String) -> String? {
        func role(_ r: Substring) -> String { roleName(String(r)) }
        // "its session is for vault A, not for P (vault B)"
        if let a = text(s, "its session is for vault ", ")"), let not = a.firstRange(of: ", not for "),
           let v = a.ranges(of: " (vault ").last {
            return tr(.srWrongVault, String(a[..<not.lowerBound]), String(a[not.upperBound..<v.lowerBound]), String(a[v.upperBound...]))
        }
        // "the session acts as N (role), but $VAULTCLI_USER names U; unset …"
        if s.hasPrefix("the session acts as "), let but = s.firstRange(of: "), but $VAULTCLI_USER names "),
           let semi = s[but.upperBound...].firstRange(of: "; unset VAULTCLI_USER to act as "),
           let open = s[..<but.lowerBound].ranges(of: " (").last {
            let name = s[s.index(s.startIndex, offsetBy: "the session acts as ".count)..<open.lowerBound]
            return tr(.srUserNamed, String(name), role(s[open.upperBound..<but.lowerBound]), String(s[but.upperBound..<semi.lowerBound]))
        }
        // "the session acts as N (role); a request cannot name an operator or carry a password (…)"
        if let a = text(s, "the session acts as ", "); a request cannot name an operator or carry a password (--user, --as, --password-stdin, --password-file)"),
           let open = a.ranges(of: " (").last {
            return tr(.srCannotNameOperator, String(a[..<open.lowerBound]), role(a[open.upperBound...]))
        }
        // "a session runs only LIST, not `what`; changing a password, …"
        let list = SessionForward.sessionCommandList
        if let what = text(s, "a session runs only \(list), not `", "`; changing a password, one-time codes or recovery material asks for the password every time (give --user NAME)") {
            let zhList = list.replacing(" and ", with: tr(.srListAnd)).replacing(", ", with: tr(.srListComma))
            return tr(.srNotSessionCommand, zhList, what)
        }
        return nil
    }

    private static func text(_ s: String, _ prefix: String, _ suffix: String) -> String? {
        guard s.hasPrefix(prefix), s.hasSuffix(suffix), s.count > prefix.count + suffix.count else { return nil }
        return String(s.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private static func number(_ s: String, _ prefix: String, _ suffix: String) -> Int? {
        guard s.hasPrefix(prefix), s.hasSuffix(suffix), s.count > prefix.count + suffix.count else { return nil }
        return Int(s.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private static func frameKind(_ k: String) -> String? {
        k == "signed" ? tr(.dtSigned) : FrameKindText.known(k)
    }

    private static func frameWhy(_ w: String) -> String? {
        switch w {
        case "authentication failed": tr(.dtWhyAuth)
        case "checksum mismatch": tr(.dtWhyChecksum)
        case "sealed box does not open": tr(.dtWhySealed)
        case "signature does not verify": tr(.dtWhySignature)
        case "malformed body": tr(.dtWhyMalformed)
        case "too short", "too short for its signature": tr(.dtWhyTooShort)
        case "no verification key": tr(.dtWhyNoKey)
        case "malformed batch": tr(.dtWhyMalformedBatch)
        case "trailing bytes": tr(.dtWhyTrailing)
        case "unknown record type": tr(.dtWhyUnknownRecord)
        default: w.hasPrefix("its place in the audit chain does not verify") ? tr(.dtWhyAuditChain) : nil
        }
    }

    private static func endReason(_ r: String) -> String? {
        if r == "it was locked with `vaultcli lock`" { return tr(.dtEndLocked) }
        if r == "the session agent was stopped by a signal" { return tr(.dtEndSignal) }
        if let n = number(r, "it was idle for more than ", " minutes (PCI DSS 8.2.8)") { return tr(.dtEndIdle, n) }
        if let n = number(r, "it reached its limit of ", " minutes in all") { return tr(.dtEndLifetime, n) }
        return nil
    }

    static let rare: [String: Msg] = [
        "vault settings (not signed by the admin key)": .dtSettingsNotAdmin,
        "vault settings (malformed keys)": .dtSettingsKeys,
        "vault settings (signed by a key your keyslot does not trust)": .dtSettingsUntrusted,
        "keyslot": .dtKeyslotBad,
        "the admin's slot after the upgrade": .dtAdminSlotAfterUpgrade,
        "envelope (unexpected record type)": .dtEnvelopeType,
        "an operator's key envelope (it does not open with the key their slot holds)": .dtEnvelopeNotOpen,
        "an operator's key envelope (malformed)": .dtEnvelopeMalformed,
        "an operator's key envelope (no state)": .dtEnvelopeMalformed,
        "an operator's key envelope (no verification keys)": .dtEnvelopeNoKeys,
        "the key envelope of an operator is missing": .dtEnvelopeMissing,
        "the recovery envelope is missing": .dtRecoveryEnvelopeMissing,
        "the recovery envelope (no verification keys)": .dtRecoveryEnvelopeNoKeys,
        "operator profile (stored under another operator's id)": .dtProfileOtherId,
        "keyslot without a personal key": .dtNoPersonalKey,
        "recovery slot without the recovery key": .dtRecoverySlotNoKey,
        "lockout bucket key (malformed)": .dtLockoutKey,
        "lockout counter (malformed)": .dtLockoutCounter,
        "recovery lockout counter (malformed)": .dtRecoveryLockoutCounter,
        "private record of an operator": .dtPrivateRecord,
        "the fleet enrolment record (malformed signing key)": .dtFleetEnrolmentKey,
        "record of unexpected type": .dtRecordType,
        "the backup marker key record (unexpected type)": .dtMarkerKey,
        "the backup marker key record (malformed)": .dtMarkerKey,
        "recovery-key slot (does not open with its own key)": .dtRecoveryKeySlot,
    ]

    static let fixed: [String: Msg] = [
        // Vault
        "the log holds no committed frame (no index)": .dtNoIndex,
        "the vault settings record is missing": .dtSettingsMissing,
        "the audit chain record is missing": .dtAuditChainMissing,
        "the audit chain record is missing or malformed": .dtAuditChainMissing,
        "file header (it differs from the admin-signed settings)": .dtHeaderDiffers,
        "the latest index frame is not the one the log points to": .dtLatestIndex,
        "file header (checksum mismatch)": .dtHeaderChecksum,
        "file header (length field)": .dtHeaderChecksum,
        "the vault inside ends with an incomplete frame": .dtInsideIncomplete,
        "a transaction record does not decode": .dtTxRecord,
        "a transaction record has an unknown currency": .dtTxRecord,
        "the password policy record is missing": .dtPolicyMissing,
        // Backup payload (age STREAM)
        "the file is truncated: it ends without a final chunk": .dtPayloadTruncated,
        "a chunk is shorter than its tag (truncated)": .dtPayloadTruncated,
        "the last chunk is empty": .dtPayloadLastEmpty,
        "a chunk failed authentication": .dtPayloadChunkAuth,
        "there is data after the final chunk": .dtPayloadTrailing,
        "the payload nonce is missing or short": .dtPayloadNonce,
        // Identity files (the wrong file given with --identity)
        "a line does not start with AGE-SECRET-KEY-1 (only X25519 age identities are supported)": .dtIdentityLine,
        "an AGE-SECRET-KEY-1 line is not valid Bech32": .dtIdentityBech32,
        "an AGE-SECRET-KEY-1 line does not hold a 32-byte key": .dtIdentityBech32,
        // Manifest
        "it is not the expected JSON": .dtManifestJSON,
        "there are bytes after the vault's digest": .dtManifestTrailing,
        "there are bytes after the vault": .dtManifestTrailing,
        // Session
        "the session agent did not start": .dtAgentDidNotStart,
        "it holds a session for another vault": .dtOtherVault,
        "it is busy with 8 commands; try again": .dtBusy,
        "the client runs as another user": .dtOtherUser,
        "the session agent stopped while it ran this command (locked, timed out or killed); the command may not have finished": .dtStoppedMidCommand,
        "this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)": .dtOlderClient,
    ]
}
