import Catalog
import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 13 under zh-Hans for head office and the session agent: why a manifest, a roster
/// line, a remote location, an enrolment or a request to the session agent was refused, in
/// Chinese through the built binary, never as "the details are in English" and with no English
/// sentence (EnglishText); the English text, --json and exit codes as they were.
///
/// The bucket is a local directory read through the real rclone (a `type = local` remote), so
/// no object store has to start: the manifests are forged here byte by byte, one terminal of
/// the roster per way of being wrong. The session agent's refusals are the real agent's answers
/// to forged requests, replayed to the real client by a forged agent on the session's socket.
final class ChineseFleetDetailsE2ETests: EndToEndTestCase {
    let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let en = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    static let rclone = (ProcessInfo.processInfo.environment["VAULTCLI_FLEET_TOOLS"] ?? "/usr/local/lib/vaultcli-fleet-tools") + "/bin/rclone"
    var fleetEnv: [String: String] { ["RCLONE_CONFIG": dir + "/rclone.conf", "VAULTCLI_RCLONE": Self.rclone, "HOME": dir] }
    let fallback = tr(.detailOnlyInEnglish, lang: .zhHans)

    /// Runs `args` under zh-Hans: no English sentence, no "details in English".
    @discardableResult
    func zhRun(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> CLIResult {
        let r = vaultcli(args, stdin: stdin, env: zh.merging(fleetEnv) { $1 }.merging(extra) { $1 })
        for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            XCTAssertEqual(EnglishText.sentences(in: text), [], "English in the \(name) of \(args.prefix(3).joined(separator: " ")):\n\(text)", file: file, line: line)
            XCTAssertFalse(text.contains(fallback), "the details-in-English fallback in the \(name) of \(args.prefix(3).joined(separator: " ")):\n\(text)", file: file, line: line)
            XCTAssertFalse(text.contains("详情只有英文版"), text, file: file, line: line)
        }
        return r
    }

    func enRun(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:]) -> CLIResult {
        vaultcli(args, stdin: stdin, env: en.merging(fleetEnv) { $1 }.merging(extra) { $1 })
    }

    func requireRclone() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.rclone) else {
            throw XCTSkip("rclone is not installed at \(Self.rclone) (scripts/deps.sh test installs it)")
        }
        try "[shop]\ntype = local\n".write(toFile: dir + "/rclone.conf", atomically: true, encoding: .utf8)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    // MARK: head office: refused manifests

    /// One terminal a way of being refused; `fleet list`, `fleet verify` and `restore rclone:`
    /// say why in Chinese, and `fleet list --json` keeps the English reasons word for word.
    func testRefusedManifestsInChinese() throws {
        try requireRclone()
        let bucket = dir + "/bucket", root = bucket + "/vaultcli/v1/t"
        let created = Date(timeIntervalSince1970: floor(Date().timeIntervalSince1970) - 3600)
        var roster = ""
        /// (terminal, English reason as `fleet list --json` has always given it, the Chinese).
        var expected: [(String, String, String)] = []

        func valid(_ t: String, _ sk: SecretBytes, _ pk: [UInt8], seq: Int = 1, size: Int64 = 100, names: String? = nil) throws -> (FleetManifest, [UInt8]) {
            let m = FleetManifest(terminalID: names ?? t, vaultID: String(repeating: "ab", count: 16), seq: seq, created: created, size: size,
                                  sha256: [UInt8](repeating: 7, count: 32), previous: nil,
                                  recipients: ["age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"], signer: pk)
            return (m, try m.signed(with: sk))
        }
        func edit(_ b: [UInt8], _ f: (inout [String]) -> Void) -> [UInt8] {
            var lines = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            f(&lines)
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }
        /// Puts `manifest` (and an object of `objectSize` bytes unless nil) under terminal `t`.
        func place(_ t: String, _ pk: [UInt8], _ manifest: [UInt8], seq: Int = 1, objectSize: Int? = 100, en: String, zh: String) throws {
            let base = FleetManifest.baseName(created: created, seq: seq)
            try write(root + "/\(t)/\(base).manifest", manifest)
            if let n = objectSize { try write(root + "/\(t)/\(base).age", [UInt8](repeating: 0x61, count: n)) }
            roster += "\(t) ed25519:\(pk.hexString)\n"
            expected.append((t, en, zh))
        }
        var n = 0
        func next() throws -> (String, SecretBytes, [UInt8]) {
            n += 1
            let (sk, pk) = try Ed25519.generateKeyPair()
            return (String(format: "T-%02d", n), sk, pk)
        }
        func z(_ key: Msg, _ args: Any...) -> String { Msg.fill(key.text.zh, args.map { "\($0)" }) }

        var (t, sk, pk) = try next()
        try place(t, pk, [UInt8](repeating: 0x41, count: 17000), en: "it is larger than 16 KiB", zh: z(.mpTooLarge))
        (t, sk, pk) = try next()
        try place(t, pk, [0xFF, 0xFE, 0x0A], en: "it is not UTF-8 text ending in a line feed", zh: z(.mpNotText))
        (t, sk, pk) = try next()
        try place(t, pk, Array("hello\n".utf8), en: "it is not a vaultcli fleet manifest (version 1)", zh: z(.mpNotAManifest))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[$0.count - 1] = "signature xyz" }, en: "the signature line is malformed", zh: z(.mpSignatureLine))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[1] = "terminus " + t }, en: "line 2 should be \"terminal …\"", zh: z(.mpLineShouldBe, 2, "terminal"))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[3] = "seq 0" }, en: "seq is not a positive number", zh: z(.mpSeq))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[4] = "created yesterday" }, en: "created is not a UTC time", zh: z(.mpCreated))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[6] = "size 0" }, en: "size is not a positive number", zh: z(.mpSize))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[7] = "sha256 abc" }, en: "sha256 is not 64 hex digits", zh: z(.mpSha256))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[8] = "prev xyz" }, en: "prev is neither none nor 64 hex digits", zh: z(.mpPrev))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[9] = "recipients age1" }, en: "it names no recipient", zh: z(.mpNoRecipient))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[10] = "signer rsa:00" }, en: "the signer is not ed25519:<64 hex>", zh: z(.mpSigner))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0.insert("extra", at: $0.count - 1) }, en: "unexpected line 12", zh: z(.mpUnexpectedLine, 12))
        (t, sk, pk) = try next()
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[3] = "seq +1" }, en: "it is not in canonical form", zh: z(.mpNotCanonical))
        (t, sk, pk) = try next()
        let (otherSK, otherPK) = try Ed25519.generateKeyPair()
        try place(t, pk, try valid(t, otherSK, otherPK).1, en: "it is not signed by terminal \(t)'s key in the roster", zh: z(.mpNotRosterKey, t))
        (t, sk, pk) = try next()
        let forgedTerminal = t
        try place(t, pk, edit(try valid(t, sk, pk).1) { $0[$0.count - 1] = "signature " + String(repeating: "0", count: 128) },
                  en: "its signature does not verify", zh: z(.mpSignature))
        (t, sk, pk) = try next()
        let (m2, b2) = try valid(t, sk, pk, seq: 2)
        let beside = FleetManifest.baseName(created: created, seq: 3) + ".manifest"
        try place(t, pk, b2, seq: 3, en: "it names object \(m2.objectName), not the one beside \(beside)", zh: z(.mpOtherObject, m2.objectName, beside))
        (t, sk, pk) = try next()
        try place(t, pk, try valid(t, sk, pk, names: "T-99").1, en: "it names terminal T-99, not \(t)", zh: z(.rsNamesTerminal, "T-99", t))
        (t, sk, pk) = try next()
        try place(t, pk, try valid(t, sk, pk).1, objectSize: nil, en: "its backup object is missing", zh: z(.mpObjectMissing))
        (t, sk, pk) = try next()
        let shortTerminal = t
        try place(t, pk, try valid(t, sk, pk).1, objectSize: 50, en: "its backup object is 50 bytes, the manifest says 100", zh: z(.mpObjectSize, 50, 100))
        let rosterFile = dir + "/roster"
        try roster.write(toFile: rosterFile, atomically: true, encoding: .utf8)
        // An object under a prefix the roster does not know.
        try write(root + "/T-ZZ/" + FleetManifest.baseName(created: created, seq: 1) + ".age", [1, 2, 3])
        let remote = "rclone:shop:" + bucket

        // English: the same reasons word for word in --json, exit 1.
        let json = enRun(["fleet", "list", remote, "--roster", rosterFile, "--json"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let terminals = ((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [String: Any])?["terminals"] as? [[String: Any]] ?? []
        XCTAssertEqual(terminals.count, expected.count, json.stdout)
        for (t, en, _) in expected {
            let s = terminals.first { $0["terminal_id"] as? String == t }
            let reasons = (s?["refused"] as? [[String: Any]])?.compactMap { $0["reason"] as? String } ?? []
            XCTAssertEqual(reasons, [en], t)
        }

        // Chinese: every row says why, and nothing else changed (exit 1, the same JSON).
        let list = zhRun(["fleet", "list", remote, "--roster", rosterFile])
        XCTAssertEqual(list.status, 1, list.stderr)
        let rows = list.stdout.split(separator: "\n").map(String.init)
        for (t, _, zh) in expected {
            let row = rows.first { $0.hasPrefix(t + " ") } ?? ""
            XCTAssertTrue(row.contains("：" + zh + "）"), "\(t): \(row)")
        }
        XCTAssertTrue(list.stdout.contains("T-ZZ"), list.stdout)
        // (--json keeps its English reasons in every language.)
        let zhJSON = vaultcli(["fleet", "list", remote, "--roster", rosterFile, "--json"], env: zh.merging(fleetEnv) { $1 })
        XCTAssertEqual(zhJSON.status, 1)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(zhJSON.stdout.utf8)) as? NSDictionary,
                       try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? NSDictionary, "--json does not depend on the language")

        // fleet verify: each refused manifest fails, in Chinese (exit 6 as in English).
        let hqKey = dir + "/hq.key"
        XCTAssertEqual(vaultcli(["keygen", "-o", hqKey]).status, 0)
        let verify = zhRun(["fleet", "verify", remote, "--roster", rosterFile, "--identity", hqKey])
        XCTAssertEqual(verify.status, 6, verify.stdout + verify.stderr)
        XCTAssertEqual(enRun(["fleet", "verify", remote, "--roster", rosterFile, "--identity", hqKey]).status, 6)
        XCTAssertTrue(verify.stdout.contains(z(.mpSignature)), verify.stdout)
        XCTAssertTrue(verify.stdout.contains(z(.flBytesNotSigned)), verify.stdout)
        XCTAssertTrue(verify.stdout.contains(shortTerminal), verify.stdout)

        // restore rclone: with the roster: the forged manifest is refused before anything is written.
        let target = dir + "/never.vault"
        let object = remote + "/vaultcli/v1/t/\(forgedTerminal)/" + FleetManifest.baseName(created: created, seq: 1) + ".age"
        let restore = zhRun(["restore", object, "--identity", hqKey, "--roster", rosterFile, "--vault", target])
        XCTAssertEqual(restore.status, 6, restore.stderr)
        XCTAssertTrue(restore.stderr.contains(z(.feManifestRefused, FleetManifest.baseName(created: created, seq: 1) + ".manifest", z(.mpSignature))), restore.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        let restoreEn = enRun(["restore", object, "--identity", hqKey, "--roster", rosterFile, "--vault", target])
        XCTAssertEqual(restoreEn.status, 6)
        XCTAssertTrue(restoreEn.stderr.contains("is refused: its signature does not verify"), restoreEn.stderr)
        // The restore's own words (not a backup object, not a fleet backup, not in the roster).
        let notObject = zhRun(["restore", remote + "/notes.txt", "--identity", hqKey, "--roster", rosterFile, "--vault", target])
        XCTAssertEqual(notObject.status, 64, notObject.stderr)
        XCTAssertTrue(notObject.stderr.contains(z(.rsNotBackupObject, remote + "/notes.txt")), notObject.stderr)
        let notFleet = zhRun(["restore", "rclone:shop:x.age", "--identity", hqKey, "--roster", rosterFile, "--vault", target])
        XCTAssertEqual(notFleet.status, 64, notFleet.stderr)
        XCTAssertTrue(notFleet.stderr.contains(z(.rsNotFleetBackup, "rclone:shop:x.age")), notFleet.stderr)
        let stranger = zhRun(["restore", remote + "/vaultcli/v1/t/T-ZZ/" + FleetManifest.baseName(created: created, seq: 1) + ".age",
                              "--identity", hqKey, "--roster", rosterFile, "--vault", target])
        XCTAssertEqual(stranger.status, 6, stranger.stderr)
        XCTAssertTrue(stranger.stderr.contains(z(.rsNotInRoster, "T-ZZ")), stranger.stderr)
    }

    // MARK: a remote location, a roster, an enrolment

    func testLocationRosterAndEnrolmentRefusalsInChinese() throws {
        let roster = dir + "/roster"
        try "T-A ed25519:\(String(repeating: "00", count: 32))\n".write(toFile: roster, atomically: true, encoding: .utf8)
        func z(_ key: Msg, _ args: Any...) -> String { Msg.fill(key.text.zh, args.map { "\($0)" }) }
        let locations: [(String, String, String)] = [
            ("nowhere:fleet", "\"nowhere:fleet\" does not start with rclone:", z(.locNoScheme, "nowhere:fleet")),
            ("rclone:nowhere", "\"rclone:nowhere\" names no remote (rclone:REMOTE:PATH)", z(.locNoRemote, "rclone:nowhere")),
            ("rclone:-x:fleet", "a remote cannot start with -", z(.locDash)),
            ("rclone:shop:a\u{7}b", "the location contains a control character", z(.locControl)),
        ]
        for (loc, en, zh) in locations {
            let e = enRun(["fleet", "list", loc, "--roster", roster])
            XCTAssertEqual(e.status, 64, e.stderr)
            XCTAssertTrue(e.stderr.hasPrefix("vaultcli: error: invalid remote location: " + en + "\n"), e.stderr)
            let r = zhRun(["fleet", "list", loc, "--roster", roster])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: " + z(.feBadLocation, zh) + "\n"), r.stderr)
        }

        let key = "ed25519:" + String(repeating: "11", count: 32)
        let rosters: [(String, String, String)] = [
            ("T-A\n", "expected `<terminal id> ed25519:<64 hex>`", z(.roForm)),
            ("T*A \(key)\n", "\"T*A\" is not a terminal id (1–16 of A-Z a-z 0-9 . _ -)", z(.roTerminalId, "T*A")),
            ("T-A ed25519:xyz\n", "the key is not ed25519:<64 hex>", z(.roKey)),
            ("T-A \(key)\n# again\nT-A \(key)\n", "terminal T-A is listed twice", z(.roTwice, "T-A")),
        ]
        for (text, en, zh) in rosters {
            try text.write(toFile: roster, atomically: true, encoding: .utf8)
            let line = text.split(separator: "\n").count
            let e = enRun(["fleet", "list", "rclone:shop:/nowhere", "--roster", roster])
            XCTAssertEqual(e.status, 64, e.stderr)
            XCTAssertTrue(e.stderr.hasPrefix("vaultcli: error: \(roster), line \(line): \(en)\n"), e.stderr)
            let r = zhRun(["fleet", "list", "rclone:shop:/nowhere", "--roster", roster])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: " + z(.feRoster, roster, line, zh) + "\n"), r.stderr)
        }

        // An enrolment that names no recipient (a recipients file of comments only).
        initVault()
        let recipients = dir + "/recipients"
        try "# head office's keys go here\n".write(toFile: recipients, atomically: true, encoding: .utf8)
        let args = ["fleet", "enrol", "--vault", vault, "--remote", "rclone:shop:fleet", "-R", recipients, "--user", "admin", "--password-stdin"]
        let e = enRun(args, stdin: adminPassword + "\n")
        XCTAssertEqual(e.status, 64, e.stderr)
        XCTAssertTrue(e.stderr.hasPrefix("vaultcli: error: fleet enrolment refused: name at least one head-office recipient (--recipient age1...)\n"), e.stderr)
        let r = zhRun(args, stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: " + z(.feEnrolment, z(.enrNoRecipient)) + "\n"), r.stderr)
    }

    // MARK: the session agent

    /// The real agent's refusals of forged requests, then each replayed by a forged agent to
    /// the real client, which says why in Chinese (and in the same English as before).
    func testSessionAgentRefusalsInChinese() throws {
        initVault()
        let run = dir + "/run"
        mkdir(run, 0o700)
        let env = ["XDG_RUNTIME_DIR": run]
        let u = vaultcli(["unlock", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: env)
        XCTAssertEqual(u.status, 0, u.stderr)
        let vid = try Vault.sessionVaultId(path: vault)
        let sock = run + "/vaultcli/" + vid + ".sock"
        let good = RawAgent.run(vaultId: [UInt8](hexString: vid)!, ["tx", "list"], env: [:])
        let devnull = (0..<7).map { _ in open("/dev/null", O_RDONLY) }
        defer { for f in devnull { close(f) } }
        func z(_ key: Msg, _ args: Any...) -> String { Msg.fill(key.text.zh, args.map { "\($0)" }) }
        // What the agent answers (u32 length, status 2, the reason), what it means in English and in Chinese.
        var answers: [([UInt8], String, String)] = [
            (RawAgent.ask(sock, [0xFF, 0xFF, 0xFF, 0xFF]), "the request is too large (4294967295 bytes; at most 65536)", z(.sesTooLarge, 4294967295, 65536)),
            (RawAgent.ask(sock, RawAgent.frame(good), fds: devnull), "the request carries too many descriptors", z(.sesTooManyFDs)),
            (RawAgent.ask(sock, RawAgent.frame([99, 1, 2])), "an unknown request (99)", z(.sesUnknownRequest, 99)),
            (RawAgent.ask(sock, RawAgent.frame(RawAgent.run(vaultId: [UInt8](hexString: vid)!, ["tx", "list"], env: [:], version: 1))),
             "the request is of protocol version 1; this agent speaks 2", z(.sesProtocol, 1, 2)),
            (RawAgent.ask(sock, RawAgent.frame(good)), "the request must carry stdin, stdout, stderr and the working directory", z(.sesMissingFDs)),
            (RawAgent.ask(sock, RawAgent.frame([])), "an empty request", z(.dtMalformed)),
            (RawAgent.ask(sock, RawAgent.frame(Array(good.prefix(10)))), "a malformed request", z(.dtMalformed)),
            (RawAgent.ask(sock, RawAgent.frame([1] + [UInt8](hexString: vid)!)),
             "this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)", z(.dtOlderClient)),
        ]
        for (a, en, _) in answers {
            XCTAssertEqual(a, RawAgent.frame([2] + Array(en.utf8)), "the agent's own words: \(en)")
        }
        XCTAssertEqual(vaultcli(["lock", "--vault", vault], env: env).status, 0)
        // What only a busy or failing agent says, and what the client says of an answer.
        answers += [
            (RawAgent.frame([2] + Array("it is busy with 8 commands; try again".utf8)), "it is busy with 8 commands; try again", z(.sesBusy, 8)),
            (RawAgent.frame([2] + Array("cannot start the command (fork: \(String(cString: strerror(EAGAIN))))".utf8)),
             "cannot start the command (fork: \(String(cString: strerror(EAGAIN))))", z(.sesCannotStart, "系统错误 \(EAGAIN)")),
            (RawAgent.frame([2] + Array("the client runs as another user".utf8)), "the client runs as another user", z(.dtOtherUser)),
            (RawAgent.frame([1]), "it holds a session for another vault", z(.dtOtherVault)),
            (RawAgent.frame([0, 1]), "a malformed answer", z(.dtMalformed)),
        ]
        for (a, en, zh) in answers {
            for lang in [en, zh] {
                let forged = try ForgedAgent(path: sock, answer: a)
                let r = lang == en ? vaultcli(["tx", "list", "--vault", vault], env: self.en.merging(env) { $1 })
                                   : zhRun(["tx", "list", "--vault", vault], env: env)
                forged.finish()
                XCTAssertEqual(r.status, 11, "\(en): \(r.stderr)")
                let line = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
                XCTAssertEqual(line, "vaultcli: error: " + (lang == en ? "the session agent refused: " + en : z(.sesRefused, zh)))
            }
        }
        // A session its agent ended because it failed: the note it leaves, read by the next command.
        try "the agent failed (poll) (at 2026-12-02T10:00:00Z); the keys were wiped from memory\n"
            .write(toFile: run + "/vaultcli/" + vid + ".ended", atomically: true, encoding: .utf8)
        let ended = zhRun(["tx", "list", "--vault", vault], env: env)
        XCTAssertEqual(ended.status, 5, ended.stderr)
        XCTAssertTrue(ended.stderr.hasPrefix("vaultcli: error: " + z(.sesEnded, z(.sesEndFailed) + "（于 ")), ended.stderr)
        let endedEn = vaultcli(["tx", "list", "--vault", vault], env: self.en.merging(env) { $1 })
        XCTAssertEqual(endedEn.status, 5, endedEn.stderr)
        XCTAssertTrue(endedEn.stderr.hasPrefix("vaultcli: error: the session ended: the agent failed (poll) (at "), endedEn.stderr)
    }

    // MARK: every case

    /// Each case's English is today's text exactly (what --json and English output show), and a
    /// refusal sent on the wire reads back as the same case. The switches are exhaustive: a new
    /// case does not compile until it is listed here.
    func testEveryCaseKeepsItsEnglish() {
        func english(_ p: ManifestProblem) -> String {
            switch p {
            case .tooLarge: "it is larger than 16 KiB"
            case .notText: "it is not UTF-8 text ending in a line feed"
            case .notAManifest: "it is not a vaultcli fleet manifest (version 1)"
            case .signatureLineMalformed: "the signature line is malformed"
            case .lineShouldBe: "line 3 should be \"vault_id …\""
            case .seqNotPositive: "seq is not a positive number"
            case .createdNotUTC: "created is not a UTC time"
            case .sizeNotPositive: "size is not a positive number"
            case .sha256Malformed: "sha256 is not 64 hex digits"
            case .prevMalformed: "prev is neither none nor 64 hex digits"
            case .noRecipient: "it names no recipient"
            case .signerMalformed: "the signer is not ed25519:<64 hex>"
            case .unexpectedLine: "unexpected line 13"
            case .notCanonical: "it is not in canonical form"
            case .notRosterKey: "it is not signed by terminal T-0017's key in the roster"
            case .signatureInvalid: "its signature does not verify"
            case .namesOtherObject: "it names object a.age, not the one beside b.manifest"
            case .objectNameMismatch: "its object name does not match its time and seq"
            case .notDownloaded: "it could not be downloaded"
            case .namesTerminal: "it names terminal T-1, not T-2"
            case .objectMissing: "its backup object is missing"
            case .objectSize: "its backup object is 5 bytes, the manifest says 6"
            case .worded: "终端 T-9 不在名册中"
            }
        }
        let manifests: [ManifestProblem] = [
            .tooLarge, .notText, .notAManifest, .signatureLineMalformed, .lineShouldBe(line: 3, key: "vault_id"), .seqNotPositive, .createdNotUTC,
            .sizeNotPositive, .sha256Malformed, .prevMalformed, .noRecipient, .signerMalformed, .unexpectedLine(13), .notCanonical,
            .notRosterKey(terminal: "T-0017"), .signatureInvalid, .namesOtherObject(object: "a.age", manifest: "b.manifest"), .objectNameMismatch,
            .notDownloaded, .namesTerminal(named: "T-1", expected: "T-2"), .objectMissing, .objectSize(actual: 5, manifest: 6), .worded("终端 T-9 不在名册中"),
        ]
        XCTAssertEqual(Set(manifests.map(english)).count, 23)
        for p in manifests {
            XCTAssertEqual(p.description, english(p))
            XCTAssertEqual(FleetError.manifestRefused(name: "x.manifest", reason: p).message, "backup manifest x.manifest is refused: " + english(p))
        }
        XCTAssertEqual(FleetError.manifestRefused(name: "n", reason: "worded"), .manifestRefused(name: "n", reason: .worded("worded")))

        func english(_ p: RosterProblem) -> String {
            switch p {
            case .form: "expected `<terminal id> ed25519:<64 hex>`"
            case .notATerminalID: "\"T A\" is not a terminal id (1–16 of A-Z a-z 0-9 . _ -)"
            case .keyMalformed: "the key is not ed25519:<64 hex>"
            case .listedTwice: "terminal T-A is listed twice"
            }
        }
        for p: RosterProblem in [.form, .notATerminalID("T A"), .keyMalformed, .listedTwice(terminal: "T-A")] {
            XCTAssertEqual(FleetError.rosterInvalid(path: "r", line: 2, reason: p).message, "r, line 2: " + english(p))
        }

        func english(_ p: EnrolmentProblem) -> String {
            switch p {
            case .noRecipient: "name at least one head-office recipient (--recipient age1...)"
            case .notX25519: "age1x is not an X25519 recipient"
            case .text: "in other words"
            }
        }
        for p: EnrolmentProblem in [.noRecipient, .notX25519(recipient: "age1x"), .text("in other words")] {
            XCTAssertEqual(FleetError.enrolmentRefused(p).message, "fleet enrolment refused: " + english(p))
        }
        XCTAssertEqual(FleetError.enrolmentRefused("in other words"), .enrolmentRefused(.text("in other words")))

        func english(_ r: SessionRefusal) -> String {
            switch r {
            case .otherUser: "the client runs as another user"
            case .tooLarge: "the request is too large (70000 bytes; at most 65536)"
            case .tooManyDescriptors: "the request carries too many descriptors"
            case .emptyRequest: "an empty request"
            case .neverHandsOutKeys: "this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)"
            case .protocolVersion: "the request is of protocol version 1; this agent speaks 2"
            case .malformedRequest: "a malformed request"
            case .missingDescriptors: "the request must carry stdin, stdout, stderr and the working directory"
            case .busy: "it is busy with 8 commands; try again"
            case .cannotStart: "cannot start the command (fork: Resource temporarily unavailable)"
            case .unknownRequest: "an unknown request (99)"
            case .malformedAnswer: "a malformed answer"
            case .otherVault: "it holds a session for another vault"
            case .didNotStart(nil): "the session agent did not start"
            case .didNotStart: "the session agent did not start: malformed grant"
            case .text: "a refusal from a newer agent"
            }
        }
        let refusals: [SessionRefusal] = [
            .otherUser, .tooLarge(bytes: 70000, max: 65536), .tooManyDescriptors, .emptyRequest, .neverHandsOutKeys, .protocolVersion(request: 1, agent: 2),
            .malformedRequest, .missingDescriptors, .busy(commands: 8), .cannotStart(reason: "Resource temporarily unavailable"), .unknownRequest(op: 99),
            .malformedAnswer, .otherVault, .didNotStart(detail: nil), .didNotStart(detail: "malformed grant"), .text("a refusal from a newer agent"),
        ]
        for r in refusals {
            XCTAssertEqual(r.description, english(r))
            XCTAssertEqual(SessionError.refused(r).message, "the session agent refused: " + english(r))
            // On the wire: the agent's refusals read back as themselves.
            if case .didNotStart = r { continue }
            XCTAssertEqual(SessionRefusal(wire: r.description), r, r.description)
        }
        XCTAssertEqual(SessionRefusal(wire: "the request is too large (x bytes; at most 1)"), .text("the request is too large (x bytes; at most 1)"))
    }
}

/// A forged session agent: listens on `path`, takes one request, answers `answer`, goes away.
final class ForgedAgent: @unchecked Sendable {
    let listener: Int32
    let path: String
    let done = DispatchSemaphore(value: 0)

    init(path: String, answer: [UInt8]) throws {
        self.path = path
        unlink(path)
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var a = sockaddr_un()
        a.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &a.sun_path) { p in for (i, b) in path.utf8.enumerated() { p[i] = b } }
        let rc = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0, listen(listener, 1) == 0 else { throw XCTSkip("cannot listen on \(path)") }
        let l = listener
        DispatchQueue.global().async { [done] in
            let c = accept(l, nil, nil)
            if c >= 0 {
                var tv = timeval(tv_sec: 10, tv_usec: 0)
                _ = setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                // The request: a u32 length, then the body (its descriptors are dropped).
                var head = [UInt8](repeating: 0, count: 4), got = 0
                while got < 4 { let n = head.withUnsafeMutableBytes { recv(c, $0.baseAddress! + got, 4 - got, 0) }; if n <= 0 { break }; got += n }
                var left = Int(head[0]) | Int(head[1]) << 8 | Int(head[2]) << 16 | Int(head[3]) << 24
                var buf = [UInt8](repeating: 0, count: 65536)
                while left > 0 { let n = buf.withUnsafeMutableBytes { recv(c, $0.baseAddress!, min(left, $0.count), 0) }; if n <= 0 { break }; left -= n }
                _ = answer.withUnsafeBytes { send(c, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
                close(c)
            }
            done.signal()
        }
    }

    func finish() {
        _ = done.wait(timeout: .now() + 15)
        close(listener)
        unlink(path)
    }
}
