import Catalog
import Vault

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
