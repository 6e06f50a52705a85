import Catalog
import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 13: the backup side's details in zh-Hans. Each input is forged as a shop meets it (a
/// backup whose age header or armor is damaged, a backup cut short, a key file or recipients
/// file with a bad line, a damaged manifest, a restore onto what is not a vault) and given to
/// the built `vaultcli` twice: in English, where the library's words are printed unchanged
/// (`BackupError.message`), and under LANG=zh_CN.UTF-8, where the detail is the catalog's
/// Chinese, no English sentence is left (EnglishText) and the "details are in English"
/// fallback is never shown. The exit status is the same in both languages.
final class ChineseBackupDetailsE2ETests: EndToEndTestCase {
    let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let en = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    var fallback: String { tr(.detailOnlyInEnglish, lang: .zhHans) }
    var key: String { dir + "/k.key" }
    var recipient = ""

    override func setUp() {
        super.setUp()
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        recipient = kg.stdout.trimmingCharacters(in: .newlines)
    }

    // MARK: what each case reads as in zh-Hans (exhaustive switches: a new library case does
    // not build here until it is listed)

    static func zh(_ p: AgeHeaderProblem) -> String {
        func part(_ q: AgeHeaderProblem.Part) -> String {
            switch q {
            case .macLine: tr(.ahPartMacLine, lang: .zhHans)
            case .stanza: tr(.ahPartStanza, lang: .zhHans)
            case .stanzaBody: tr(.ahPartStanzaBody, lang: .zhHans)
            }
        }
        let k: Msg
        switch p {
        case .empty: k = .ahEmpty
        case .notVersionLine: k = .ahNotVersionLine
        case .tooLarge: k = .ahTooLarge
        case .endsInsideHeader: k = .ahEndsInsideHeader
        case .endsInside(let q): return tr(.ahEndsInside, lang: .zhHans, part(q))
        case .noNewline(let q): return tr(.ahNoNewline, lang: .zhHans, part(q))
        case .lineTooLong: k = .ahLineTooLong
        case .malformedClosingLine: k = .ahMalformedClosingLine
        case .malformedStanzaLine: k = .ahMalformedStanzaLine
        case .stanzaBodyNotBase64: k = .ahStanzaBodyNotBase64
        case .stanzaBodyTooLong: k = .ahStanzaBodyTooLong
        case .unexpectedLine: k = .ahUnexpectedLine
        case .scryptNotAlone: k = .ahScryptNotAlone
        case .payloadNonceShort: k = .dtPayloadNonce
        case .x25519ArgumentCount: k = .ahX25519ArgumentCount
        case .x25519ShareNotBase64: k = .ahX25519ShareNotBase64
        case .x25519WrappedKeySize: k = .ahX25519WrappedKeySize
        case .x25519LowOrderShare: k = .ahX25519LowOrderShare
        case .scryptArgumentCount: k = .ahScryptArgumentCount
        case .scryptSaltNotBase64: k = .ahScryptSaltNotBase64
        case .scryptWorkFactorNotDecimal: k = .ahScryptWorkFactorNotDecimal
        case .scryptWrappedKeySize: k = .ahScryptWrappedKeySize
        }
        return tr(k, lang: .zhHans)
    }

    static func zh(_ p: AgeArmorProblem) -> String {
        let k: Msg
        switch p {
        case .tooMuchWhitespaceBefore: k = .aaTooMuchWhitespaceBefore
        case .firstLineNotBegin: k = .aaFirstLineNotBegin
        case .lineTooLong: k = .aaLineTooLong
        case .lineLongerThan64: k = .aaLineLongerThan64
        case .emptyLine: k = .aaEmptyLine
        case .notCanonicalBase64: k = .aaNotCanonicalBase64
        case .shortLineNotLast: k = .aaShortLineNotLast
        case .noEndLine: k = .aaNoEndLine
        case .dataAfterEnd: k = .aaDataAfterEnd
        case .tooMuchWhitespaceAfter: k = .aaTooMuchWhitespaceAfter
        }
        return tr(k, lang: .zhHans)
    }

    static func zh(_ e: Bech32.DecodingError) -> String {
        switch e {
        case .mixedCase: tr(.b32MixedCase, lang: .zhHans)
        case .badSeparator: tr(.b32BadSeparator, lang: .zhHans)
        case .invalidCharacter: tr(.b32InvalidCharacter, lang: .zhHans)
        case .badChecksum: tr(.b32BadChecksum, lang: .zhHans)
        case .badPadding: tr(.b32BadPadding, lang: .zhHans)
        }
    }

    static func zh(_ p: AgeRecipientProblem) -> String {
        switch p {
        case .notAge1(let s): tr(.arNotAge1, lang: .zhHans, s)
        case .notBech32(let s, let e): tr(.arNotBech32, lang: .zhHans, s, zh(e))
        case .notX25519(let s): tr(.arNotX25519, lang: .zhHans, s)
        case .line(let path, let n, let why): tr(.dtFileLine, lang: .zhHans, path, n, zh(why))
        case .fileHoldsNone(let path): tr(.arFileHoldsNone, lang: .zhHans, path)
        case .keyNot32Bytes: tr(.arKeyNot32Bytes, lang: .zhHans)
        case .lowOrderPoint: tr(.arLowOrderPoint, lang: .zhHans)
        case .workFactorOutOfRange(let n, let lo, let hi): tr(.arWorkFactorOutOfRange, lang: .zhHans, n, lo, hi)
        }
    }

    static func zh(_ p: AgeIdentityProblem) -> String {
        switch p {
        case .notSecretKey: tr(.dtIdentityLine, lang: .zhHans)
        case .notBech32, .not32Bytes: tr(.dtIdentityBech32, lang: .zhHans)
        case .line(let path, let n, let why): tr(.dtFileLine, lang: .zhHans, path, n, zh(why))
        case .fileHoldsNone(let path): tr(.aiFileHoldsNone, lang: .zhHans, path)
        case .fileTooLarge(let path): tr(.aiFileTooLarge, lang: .zhHans, path)
        case .notX25519ForKeyFile: tr(.aiNotX25519ForKeyFile, lang: .zhHans)
        }
    }

    /// Every case of the new enums (the recipient's and identity's with sample values) has
    /// Chinese words: not the English, not the fallback, and no English sentence in them. The
    /// English is the library's `description`, unchanged.
    func testEveryCaseHasChineseWords() {
        var pairs: [(String, String)] = AgeHeaderProblem.allCases.map { ($0.description, Self.zh($0)) }
        pairs += AgeArmorProblem.allCases.map { ($0.description, Self.zh($0)) }
        let recipients: [AgeRecipientProblem] = [
            .notAge1(start: "age2qqqqqqqq"), .notX25519(start: "age1qqqqqqqq"), .fileHoldsNone(path: "/media/usb/keys.txt"),
            .keyNot32Bytes, .lowOrderPoint, .workFactorOutOfRange(logN: 30, min: 18, max: 22),
        ] + [Bech32.DecodingError.mixedCase, .badSeparator, .invalidCharacter, .badChecksum, .badPadding].map { .notBech32(start: "age1qqqqqqqq", $0) }
        pairs += (recipients + recipients.map { .line(path: "/media/usb/keys.txt", number: 3, $0) }).map { ($0.description, Self.zh($0)) }
        let identities: [AgeIdentityProblem] = [.notSecretKey, .notBech32, .not32Bytes, .fileHoldsNone(path: "/root/k.key"),
                                                .fileTooLarge(path: "/root/k.key"), .notX25519ForKeyFile]
        pairs += (identities + identities.map { .line(path: "/root/k.key", number: 2, $0) }).map { ($0.description, Self.zh($0)) }
        XCTAssertEqual(pairs.count, 26 + 10 + 22 + 12)
        for (english, chinese) in pairs {
            XCTAssertNotEqual(chinese, english)
            XCTAssertFalse(chinese.contains(fallback), english)
            XCTAssertFalse(chinese.unicodeScalars.allSatisfy(\.isASCII), "\(english) → \(chinese)")
            XCTAssertEqual(EnglishText.sentences(in: chinese), [], "\(english) → \(chinese)")
        }
        // The English words are today's, byte for byte (tests and users compare them).
        XCTAssertEqual(BackupError.headerInvalid(.noNewline(.macLine)).message,
                       "the backup's age header is damaged or not an age file: the header ends without a newline (MAC line)")
        XCTAssertEqual(BackupError.invalidRecipient(.line(path: "r.txt", number: 2, .notBech32(start: "age1abcdefgh", .badChecksum))).message,
                       "invalid recipient: r.txt line 2: invalid recipient: age1abcdefgh... is not valid Bech32 (badChecksum)")
        XCTAssertEqual(BackupError.invalidIdentity(.line(path: "k", number: 1, .notSecretKey)).message,
                       "invalid identity: k line 1: invalid identity: a line does not start with AGE-SECRET-KEY-1 (only X25519 age identities are supported)")
        XCTAssertEqual(BackupError.armorInvalid(.firstLineNotBegin).message,
                       "the backup's ASCII armor is malformed: the first line is not \"-----BEGIN AGE ENCRYPTED FILE-----\"")
        XCTAssertEqual(BackupError.unidentifiedVault(path: "/v", reason: .appearedDuringRestore).message,
                       "/v exists but cannot be identified as a vault (it appeared during the restore); nothing was changed")
    }

    // MARK: through the binary

    /// Runs `args` in English and in zh-Hans. English: `english` is on stderr as it is. zh-Hans:
    /// `chinese` is on stderr, with no English sentence and no fallback; the same exit status.
    @discardableResult
    func check(_ name: String, _ args: [String], stdin: String? = nil, english: String, chinese: String,
               file: StaticString = #filePath, line: UInt = #line) -> Int32 {
        let e = vaultcli(args, stdin: stdin, env: en)
        XCTAssertNotEqual(e.status, 0, "\(name): \(e.stderr)", file: file, line: line)
        XCTAssertTrue(e.stderr.contains(english), "\(name): expected \(english)\n\(e.stderr)", file: file, line: line)
        let z = vaultcli(args, stdin: stdin, env: zh)
        XCTAssertEqual(z.status, e.status, "\(name): \(z.stderr)", file: file, line: line)
        XCTAssertTrue(z.stderr.contains(chinese), "\(name): expected \(chinese)\n\(z.stderr)", file: file, line: line)
        XCTAssertFalse(z.stderr.contains(fallback), "\(name): \(z.stderr)", file: file, line: line)
        XCTAssertEqual(EnglishText.sentences(in: z.stderr + z.stdout), [], "\(name): \(z.stderr)", file: file, line: line)
        return z.status
    }

    func write(_ name: String, _ bytes: [UInt8], mode: Int = 0o600) -> String {
        let p = dir + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: p, contents: Data(bytes), attributes: [.posixPermissions: mode]))
        return p
    }

    func write(_ name: String, _ text: String, mode: Int = 0o600) -> String { write(name, Array(text.utf8), mode: mode) }

    /// A real backup of a fresh vault (armored or binary).
    func realBackup(armor: Bool = false) -> [UInt8] {
        if !FileManager.default.fileExists(atPath: vault) { initVault() }
        let out = dir + "/real-\(UUID().uuidString).age" + (armor ? ".asc" : "")
        let r = vaultcli(["backup", "-o", out, "--vault", vault, "--recipient", recipient] + (armor ? ["--armor"] : []))
        XCTAssertEqual(r.status, 0, r.stderr)
        return [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data())
    }

    /// `plain` encrypted to this test's recipient by the library (as anyone holding the public
    /// recipient can): a backup whose container inside is forged.
    func sealed(_ plain: [UInt8]) throws -> [UInt8] {
        let inPath = write("plain-\(UUID().uuidString)", plain), outPath = dir + "/sealed-\(UUID().uuidString)"
        let i = open(inPath, O_RDONLY), o = open(outPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        defer { close(i); close(o) }
        try AgeEncryptor.encrypt(from: i, to: o, recipients: [try AgeRecipient.parse(recipient)])
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: outPath)))
    }

    /// The plaintext container of `backup`, decrypted with this test's key.
    func opened(_ backup: [UInt8]) throws -> [UInt8] {
        let inPath = write("enc-\(UUID().uuidString)", backup), outPath = dir + "/dec-\(UUID().uuidString)"
        let i = open(inPath, O_RDONLY), o = open(outPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        defer { close(i); close(o) }
        try AgeDecryptor.decrypt(from: i, to: o, identities: try AgeKeyFile.read(path: key))
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: outPath)))
    }

    func testDamagedAgeHeaders() throws {
        let v = "age-encryption.org/v1\n"
        let mac = "--- " + String(repeating: "A", count: 43) + "\n"
        let share = Base64.encodeUnpadded(SecureRandom.bytes(32)), zeroShare = String(repeating: "A", count: 43)
        let salt = Base64.encodeUnpadded(SecureRandom.bytes(16))
        let wrapped = Base64.encodeUnpadded(SecureRandom.bytes(32))
        let byKey: [(AgeHeaderProblem, [UInt8])] = [
            (.empty, []),
            (.notVersionLine, Array("hello\n".utf8)),
            (.endsInsideHeader, Array(v.utf8)),
            (.noNewline(.stanza), Array((v + "-> X25519 abc").utf8)),
            (.endsInside(.stanzaBody), Array((v + "-> X25519 abc\n").utf8)),
            (.noNewline(.stanzaBody), Array((v + "-> X25519 abc\nAAAA").utf8)),
            (.noNewline(.macLine), Array((v + "-> X25519 abc\n\n---").utf8)),
            (.malformedStanzaLine, Array((v + "-> \n\n" + mac).utf8)),
            (.unexpectedLine, Array((v + "xyz\n").utf8)),
            (.malformedClosingLine, Array((v + "-> X25519 abc\n\n--- nope\n").utf8)),
            (.stanzaBodyNotBase64, Array((v + "-> X25519 abc\n!!!!\n" + mac).utf8)),
            (.stanzaBodyTooLong, Array((v + "-> X25519 abc\n" + String(repeating: "A", count: 68) + "\n\n" + mac).utf8)),
            (.lineTooLong, Array((v + "-> X25519 " + String(repeating: "a", count: 70_000) + "\n").utf8)),
            (.tooLarge, Array((v + "-> X25519 abc\n" + String(repeating: String(repeating: "A", count: 64) + "\n", count: 17_000)).utf8)),
            (.x25519ArgumentCount, Array((v + "-> X25519 a b\n\n" + mac).utf8)),
            (.x25519ShareNotBase64, Array((v + "-> X25519 abc\n\n" + mac).utf8)),
            (.x25519WrappedKeySize, Array((v + "-> X25519 \(share)\n\n" + mac).utf8)),
            (.x25519LowOrderShare, Array((v + "-> X25519 \(zeroShare)\n\(wrapped)\n" + mac).utf8)),
            (.scryptNotAlone, Array((v + "-> scrypt \(salt) 10\n\(wrapped)\n-> X25519 \(share)\n\(wrapped)\n" + mac).utf8)),
        ]
        let byPassphrase: [(AgeHeaderProblem, [UInt8])] = [
            (.scryptArgumentCount, Array((v + "-> scrypt abc\n\n" + mac).utf8)),
            (.scryptSaltNotBase64, Array((v + "-> scrypt abc 10\n\n" + mac).utf8)),
            (.scryptWorkFactorNotDecimal, Array((v + "-> scrypt \(salt) 010\n\n" + mac).utf8)),
            (.scryptWrappedKeySize, Array((v + "-> scrypt \(salt) 10\n\n" + mac).utf8)),
        ]
        // A real backup cut right after its header: the payload's nonce is missing.
        let real = realBackup()
        let end = try XCTUnwrap(real.indices.first { i in i + 4 <= real.count && real[i..<(i + 4)].elementsEqual("\n---".utf8) })
        let macEnd = try XCTUnwrap(real[(end + 1)...].firstIndex(of: 0x0A))
        let noNonce = Array(real[...(macEnd + 5)])

        for (p, bytes) in byKey + [(.payloadNonceShort, noNonce)] {
            let f = write("h-\(UUID().uuidString).age", bytes)
            check("\(p)", ["backup", "verify", f, "--identity", key],
                  english: BackupError.headerInvalid(p).message, chinese: tr(.bkHeaderInvalid, lang: .zhHans, Self.zh(p)))
        }
        for (p, bytes) in byPassphrase {
            let f = write("s-\(UUID().uuidString).age", bytes)
            check("\(p)", ["restore", f, "--passphrase", "--password-stdin", "--vault", dir + "/r/vault"], stdin: "Quiet-Meadow-Lantern-72\n",
                  english: BackupError.headerInvalid(p).message, chinese: tr(.bkHeaderInvalid, lang: .zhHans, Self.zh(p)))
        }
        // Not reachable from a file: the parser only reads these lines after seeing their start.
        let covered = (byKey + byPassphrase).map(\.0) + [.payloadNonceShort, .endsInside(.macLine), .endsInside(.stanza)]
        XCTAssertEqual(AgeHeaderProblem.allCases.filter { !covered.contains($0) }, [])
    }

    func testBadArmor() throws {
        let b = "-----BEGIN AGE ENCRYPTED FILE-----\n", e = "-----END AGE ENCRYPTED FILE-----\n"
        let armored = realBackup(armor: true)
        let cases: [(AgeArmorProblem, [UInt8])] = [
            (.noEndLine, Array(b.utf8)),
            (.firstLineNotBegin, Array(("-----BEGIN AGE ENCRYPTED FILE-----junk\n" + e).utf8)),
            (.notCanonicalBase64, Array((b + "!!!!\n" + e).utf8)),
            (.emptyLine, Array((b + "\n" + e).utf8)),
            (.lineLongerThan64, Array((b + String(repeating: "A", count: 68) + "\n" + e).utf8)),
            (.lineTooLong, Array((b + String(repeating: "A", count: 2000) + "\n" + e).utf8)),
            (.shortLineNotLast, Array((b + "QUFB\nQUFB\n" + e).utf8)),
            (.dataAfterEnd, armored + Array("junk\n".utf8)),
            (.tooMuchWhitespaceAfter, armored + [UInt8](repeating: 0x20, count: 2000)),
            // A copy cut short: the END line is gone.
            (.noEndLine, Array(armored.prefix(armored.count - 33))),
        ]
        for (p, bytes) in cases {
            let f = write("a-\(UUID().uuidString).age.asc", bytes)
            check("\(p)", ["backup", "verify", f, "--identity", key],
                  english: BackupError.armorInvalid(p).message, chinese: tr(.bkArmorInvalid, lang: .zhHans, Self.zh(p)))
        }
        // Whitespace before BEGIN beyond 1 KiB is not detected as armor at all (a header failure).
        XCTAssertEqual(AgeArmorProblem.allCases.filter { p in !cases.contains { $0.0 == p } }, [.tooMuchWhitespaceBefore])
    }

    func testBadRecipientsAndKeyFiles() throws {
        initVault()
        let out = dir + "/out.age"
        var typo = Array(recipient)
        typo[typo.count - 1] = typo.last == "q" ? "p" : "q"
        let start = String(typo.prefix(12))
        let rfiles: [(String, AgeRecipientProblem?)] = [
            ("# the shop's keys\nage2qqqqqqqqqqqq\n", nil),
            ("# the shop's keys\n\n" + String(typo) + "\n", nil),
            ("# nothing yet\n", nil),
        ]
        for (i, (text, _)) in rfiles.enumerated() {
            let f = write("recipients-\(i).txt", text)
            let p: AgeRecipientProblem = switch i {
            case 0: .line(path: f, number: 2, .notAge1(start: "age2qqqqqqqq"))
            case 1: .line(path: f, number: 3, .notBech32(start: start, .badChecksum))
            default: .fileHoldsNone(path: f)
            }
            check("recipients \(i)", ["backup", "-o", out, "--vault", vault, "--recipients-file", f],
                  english: BackupError.invalidRecipient(p).message, chinese: tr(.bkInvalidRecipient, lang: .zhHans, Self.zh(p)))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        check("--recipient", ["backup", "-o", out, "--vault", vault, "--recipient", "age2qqqqqqqqqqqqqqqq"],
              english: BackupError.invalidRecipient(.notAge1(start: "age2qqqqqqqq")).message,
              chinese: tr(.bkInvalidRecipient, lang: .zhHans, Self.zh(AgeRecipientProblem.notAge1(start: "age2qqqqqqqq"))))

        let backup = write("b.age", realBackup())
        let ifiles: [(String, (String) -> AgeIdentityProblem)] = [
            ("# created: 2026-11-22T00:15:03Z\nAGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQ\n", { .line(path: $0, number: 2, .notBech32) }),
            ("# created: 2026-11-22T00:15:03Z\n# public key: \(recipient)\n", { .fileHoldsNone(path: $0) }),
            ("\(recipient)\n", { .line(path: $0, number: 1, .notSecretKey) }),
        ]
        for (i, (text, problem)) in ifiles.enumerated() {
            let f = write("identity-\(i).key", text)
            let p = problem(f)
            check("identity \(i)", ["backup", "verify", backup, "--identity", f],
                  english: BackupError.invalidIdentity(p).message, chinese: tr(.bkInvalidIdentity, lang: .zhHans, Self.zh(p)))
        }
    }

    func testDamagedManifestsAndPayload() throws {
        let real = realBackup()
        let plain = try opened(real)
        XCTAssertEqual(Array(plain.prefix(16)), BackupContainer.magic)
        let n = Int(plain[18]) << 24 | Int(plain[19]) << 16 | Int(plain[20]) << 8 | Int(plain[21])
        let manifest = try JSONDecoder().decode(BackupManifest.self, from: Data(plain[22..<(22 + n)]))
        let vaultBytes = Array(plain[(22 + n)...])
        func container(_ m: BackupManifest, version: UInt8 = 2) throws -> [UInt8] {
            var c = try BackupContainer.prefix(m)
            c[17] = version
            return c + vaultBytes
        }
        var hexless = manifest
        hexless.vaultID = "zz"
        var undated = manifest
        undated.created = "yesterday"
        var other = manifest
        other.vaultID = String(repeating: "ab", count: manifest.vaultID.count / 2)
        let otherID = other.vaultID

        func manifestCase(_ name: String, _ plain: [UInt8], _ why: String, _ chinese: String, restore: Bool = false) throws {
            let f = write("m-\(UUID().uuidString).age", try sealed(plain))
            let args = restore ? ["restore", f, "--identity", key, "--vault", dir + "/restored-\(UUID().uuidString)/vault"]
                               : ["backup", "verify", f, "--identity", key]
            check(name, args, english: BackupError.manifestInvalid(why).message, chinese: tr(.bkManifestInvalid, lang: .zhHans, chinese))
        }
        try manifestCase("length 0", BackupContainer.magic + [0, 2, 0, 0, 0, 0], "its length 0 is out of range", tr(.bmLength, lang: .zhHans, 0))
        try manifestCase("vault_id", try container(hexless), "vault_id is not hex", tr(.bmVaultIdNotHex, lang: .zhHans))
        try manifestCase("created", try container(undated), "created is not an ISO 8601 UTC time", tr(.bmCreatedNotTime, lang: .zhHans))
        try manifestCase("format", try container(manifest, version: 1), "its format 2 is not the container version 1", tr(.bmFormat, lang: .zhHans, 2, 1))
        try manifestCase("not JSON", BackupContainer.magic + [0, 2, 0, 0, 0, 3] + Array("{x}".utf8), "it is not the expected JSON", tr(.dtManifestJSON, lang: .zhHans))
        try manifestCase("bytes after", try container(manifest) + [0], "there are bytes after the vault", tr(.dtManifestTrailing, lang: .zhHans))
        try manifestCase("another vault", try container(other),
                         "it names vault \(otherID) (terminal \(manifest.terminalID)), but the vault inside is \(manifest.vaultID) (terminal \(manifest.terminalID))",
                         tr(.bmNamesOtherVault, lang: .zhHans, otherID, manifest.terminalID, manifest.vaultID, manifest.terminalID), restore: true)

        // A copy cut short inside the payload.
        let cut = write("cut.age", Array(real.prefix(real.count - 100)))
        check("cut short", ["backup", "verify", cut, "--identity", key],
              english: BackupError.payloadInvalid("a chunk failed authentication").message,
              chinese: tr(.bkPayloadInvalid, lang: .zhHans, tr(.dtPayloadChunkAuth, lang: .zhHans)))
    }

    /// `restore --force` onto a file that is not a vault: the reason is the store's own error,
    /// in Chinese.
    func testRestoreOntoWhatIsNotAVault() throws {
        let backup = write("b.age", realBackup())
        let target = write("not-a-vault", "these are the shop's notes, not a vault\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let e = vaultcli(["restore", backup, "--identity", key, "--vault", target, "--force"], env: en)
        XCTAssertTrue(e.stderr.contains("\(target) exists but cannot be identified as a vault ("), e.stderr)
        // What the store said about it, in Chinese: the catalog's sentence up to the reason.
        let lead = String(tr(.bkUnidentifiedVault, lang: .zhHans, target, "\u{0}").split(separator: "\u{0}")[0])
        check("not a vault", ["restore", backup, "--identity", key, "--vault", target, "--force"],
              english: "cannot be identified as a vault", chinese: lead)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before)
    }
}
