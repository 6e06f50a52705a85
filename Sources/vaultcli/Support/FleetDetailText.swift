import Catalog
import Glibc
import Vault

/// The fleet's and the session agent's details in the catalog's language: why a manifest, a
/// roster line, an enrolment or a request to the session agent was refused (the library's
/// cases, `ManifestProblem`, `RosterProblem`, `EnrolmentProblem`, `SessionRefusal`, whose
/// `description` is the English), and the few details still thrown as English text by code
/// this file does not own (the rclone transport's words about a remote location or about
/// rclone itself), matched word for word as DetailText does. rclone's own words (what the store
/// said) stay as they are in every language.
enum FleetDetailText {
    static var zh: Bool { Lang.current == .zhHans }

    static func render(_ e: FleetError) -> (String, [String]) {
        switch e {
        case .rcloneMissing(let x, let errno): (tr(.feRcloneMissing, x, ErrorText.errnoText(errno)), [tr(.feRcloneMissingHint)])
        case .remote(let op, let t, let says): (tr(.feRemote, operation(op), t, remoteSays(says)), [tr(.feRemoteHint)])
        case .readBackMismatch(let t): (tr(.feReadBack, t), [tr(.feReadBackHint)])
        case .badLocation(let why): (tr(.feBadLocation, location(why)), [tr(.feBadLocationHint)])
        case .notEnrolled: (tr(.feNotEnrolled), [tr(.feNotEnrolledHint)])
        case .manifestRefused(let n, let why): (tr(.feManifestRefused, n, manifest(why)), [tr(.feManifestRefusedHint)])
        case .rosterInvalid(let p, let l, let why): (tr(.feRoster, p, l, roster(why)), [tr(.feRosterHint)])
        case .enrolmentRefused(let why): (tr(.feEnrolment, enrolment(why)), [tr(.feEnrolmentHint)])
        case .objectMissing(let n): (tr(.feObjectMissing, n), [tr(.feObjectMissingHint)])
        case .identityFileExposed(let p): (tr(.feIdentityExposed, p), [tr(.feIdentityExposedHint, p)])
        }
    }

    static func manifest(_ p: ManifestProblem) -> String {
        guard zh else { return p.description }
        return switch p {
        case .tooLarge: tr(.mpTooLarge)
        case .notText: tr(.mpNotText)
        case .notAManifest: tr(.mpNotAManifest)
        case .signatureLineMalformed: tr(.mpSignatureLine)
        case .lineShouldBe(let l, let k): tr(.mpLineShouldBe, l, k)
        case .seqNotPositive: tr(.mpSeq)
        case .createdNotUTC: tr(.mpCreated)
        case .sizeNotPositive: tr(.mpSize)
        case .sha256Malformed: tr(.mpSha256)
        case .prevMalformed: tr(.mpPrev)
        case .noRecipient: tr(.mpNoRecipient)
        case .signerMalformed: tr(.mpSigner)
        case .unexpectedLine(let l): tr(.mpUnexpectedLine, l)
        case .notCanonical: tr(.mpNotCanonical)
        case .notRosterKey(let t): tr(.mpNotRosterKey, t)
        case .signatureInvalid: tr(.mpSignature)
        case .namesOtherObject(let o, let n): tr(.mpOtherObject, o, n)
        case .objectNameMismatch: tr(.mpObjectName)
        case .notDownloaded: tr(.mpNotDownloaded)
        case .namesTerminal(let n, let x): tr(.rsNamesTerminal, n, x)
        case .objectMissing: tr(.mpObjectMissing)
        case .objectSize(let a, let m): tr(.mpObjectSize, a, m)
        // Worded by the CLI in the user's language already.
        case .worded(let s): s
        }
    }

    static func roster(_ p: RosterProblem) -> String {
        guard zh else { return p.description }
        return switch p {
        case .form: tr(.roForm)
        case .notATerminalID(let id): tr(.roTerminalId, id)
        case .keyMalformed: tr(.roKey)
        case .listedTwice(let id): tr(.roTwice, id)
        }
    }

    static func enrolment(_ p: EnrolmentProblem) -> String {
        guard zh else { return p.description }
        return switch p {
        case .noRecipient: tr(.enrNoRecipient)
        case .notX25519(let r): tr(.enrNotX25519, r)
        case .text(let s):
            s == "staging a backfilled history is a test-only tool (a debug build with the test KDF knob)" ? tr(.enrBackfill) : ErrorText.detail(s)
        }
    }

    static func session(_ r: SessionRefusal) -> String {
        guard zh else { return r.description }
        return switch r {
        case .otherUser: tr(.dtOtherUser)
        case .tooLarge(let n, let m): tr(.sesTooLarge, n, m)
        case .tooManyDescriptors: tr(.sesTooManyFDs)
        case .emptyRequest, .malformedRequest, .malformedAnswer: tr(.dtMalformed)
        case .neverHandsOutKeys: tr(.dtOlderClient)
        case .protocolVersion(let v, let a): tr(.sesProtocol, v, a)
        case .missingDescriptors: tr(.sesMissingFDs)
        case .busy(let n): tr(.sesBusy, n)
        case .cannotStart(let why): tr(.sesCannotStart, systemWords(why))
        case .unknownRequest(let op): tr(.sesUnknownRequest, op)
        case .otherVault: tr(.dtOtherVault)
        case .didNotStart: tr(.dtAgentDidNotStart)
        case .text(let s): ErrorText.detail(s)
        }
    }

    /// strerror's words (sent by the agent as text) in the catalog's language.
    static func systemWords(_ s: String) -> String {
        guard zh, let e = (Int32(1)..<Int32(134)).first(where: { String(cString: strerror($0)) == s }) else { return s }
        return ErrorText.errnoText(e)
    }

    /// The fleet's own words for what it asked rclone to do (the others: ErrorText.operation).
    static func operation(_ op: String) -> String {
        guard zh else { return op }
        switch op {
        case "read back": return tr(.ropReadBack)
        case "start": return tr(.ropStart)
        case "talk to": return tr(.ropTalkTo)
        case "delete from": return tr(.ropDeleteFrom)
        default: return ErrorText.operation(op)
        }
    }

    /// `rclone:REMOTE:PATH` refused (Rclone.swift's English words, or the restore's own words,
    /// worded in the user's language already).
    static func location(_ s: String) -> String {
        guard zh else { return s }
        if let q = quoted(s, " does not start with rclone:") { return tr(.locNoScheme, q) }
        if let q = quoted(s, " names no remote (rclone:REMOTE:PATH)") { return tr(.locNoRemote, q) }
        if s == "a remote cannot start with -" { return tr(.locDash) }
        if s == "the location contains a control character" { return tr(.locControl) }
        if worded(s, .rsNotBackupObject) || worded(s, .rsNotFleetBackup) { return s }
        return ErrorText.detail(s)
    }

    /// What rclone said: our own words about it in the catalog's language; rclone's (the
    /// store's) as they are.
    static func remoteSays(_ s: String) -> String {
        guard zh else { return s }
        // " (rclone's last log line)" after our words.
        func logged(_ prefix: String) -> String? {
            guard s.hasPrefix(prefix) else { return nil }
            let rest = s.dropFirst(prefix.count)
            if rest.isEmpty { return "" }
            guard rest.hasPrefix(" ("), rest.hasSuffix(")") else { return nil }
            return tr(.rsayRclone, String(rest.dropFirst(2).dropLast()))
        }
        switch s {
        case "its listing is not the JSON rclone lsjson writes", "its listing is not the JSON rclone writes": return tr(.rsayListing)
        case "it is not in the store's listing after the upload": return tr(.rsayNotListed)
        case "the temporary directory's path is too long for a socket (set TMPDIR to a shorter one)": return tr(.rsaySocketPath)
        case "it did not answer within 60 s": return tr(.rsayNoAnswer60)
        case "its answer is not HTTP": return tr(.rsayNotHTTP)
        case "it is not there (404)": return tr(.rsayNotThere)
        case "rclone failed without a message": return tr(.rsayNoMessage)
        default: break
        }
        if let l = logged("it closed the connection without an answer") { return tr(.rsayClosed, l) }
        if let l = logged("its answer was cut short") { return tr(.rsayCutShort, l) }
        if let l = logged("the connection to rclone rcd broke") { return tr(.rsayBroke, "rclone rcd", l) }
        return s
    }

    /// Details of other areas this file knows (ErrorText.detail's second look): a session that
    /// ended because the agent failed.
    static func detail(_ s: String) -> String? {
        let tail = "); the keys were wiped from memory"
        if s.hasPrefix("the agent failed (poll) (at "), s.hasSuffix(tail) {
            let when = s.dropFirst("the agent failed (poll) (at ".count).dropLast(tail.count)
            return tr(.dtSessionEnded, tr(.sesEndFailed), String(when))
        }
        return nil
    }

    /// `"<text>"<suffix>`: the text.
    private static func quoted(_ s: String, _ suffix: String) -> String? {
        guard s.hasPrefix("\""), s.hasSuffix("\"" + suffix), s.count >= suffix.count + 2 else { return nil }
        return String(s.dropFirst().dropLast(suffix.count + 1))
    }

    /// Whether `s` is `key`'s text in the current language with its one argument filled in.
    private static func worded(_ s: String, _ key: Msg) -> Bool {
        let t = zh ? key.text.zh : key.text.en
        guard let r = t.firstRange(of: "{0}") else { return s == t }
        let before = String(t[..<r.lowerBound]), after = String(t[r.upperBound...])
        return s.count > before.count + after.count && s.hasPrefix(before) && s.hasSuffix(after)
    }
}
