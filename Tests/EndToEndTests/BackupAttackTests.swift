import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Issue 10, Build point 9 (attacks 8 and 10): a restore replaces only the same vault unless
/// `--replace-vault`, and `backup --keep` deletes only files whose authenticated marker names
/// this vault. Each attack forges the bytes as an attacker would (someone who can write this
/// vault's file, or a shared USB stick, and holds the public recipient), then runs the real
/// `vaultcli`.
final class BackupAttackTests: EndToEndTestCase {
    var otherVault: String { dir + "/b/vault" }
    var usb: String { dir + "/usb" }
    var key: String { dir + "/k.key" }
    var recipient = ""

    override func setUp() {
        super.setUp()
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        try! FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        recipient = kg.stdout.trimmingCharacters(in: .newlines)
    }

    /// This terminal's vault (T-0017) and another terminal's (T-0042), each with its own admin.
    func makeTwoVaults() {
        initVault()
        let r = vaultcli(["init", "--vault", otherVault, "--admin", "boss", "--password-stdin", "--terminal-id", "T-0042"], stdin: "Other-Shop-Secret-42!\n")
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func identity(_ path: String) throws -> (vaultId: String, terminalId: String) {
        let r = vaultcli(["info", "--vault", path, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(r.json as? [String: Any])
        return (try XCTUnwrap(j["vault_id"] as? String), try XCTUnwrap(j["terminal_id"] as? String))
    }

    /// `vaultcli backup` of `vaultPath` into DIR (or a file); returns the path written.
    @discardableResult
    func backup(_ vaultPath: String, to target: String? = nil, keep: Int? = nil, file: StaticString = #filePath, line: UInt = #line) -> CLIResult {
        var args = ["backup", "--vault", vaultPath, "--to", target ?? usb, "--recipient", recipient]
        if let keep { args += ["--keep", String(keep)] }
        let r = vaultcli(args)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        // File names carry whole seconds: the next backup must not collide.
        usleep(1_050_000)
        return r
    }

    func writtenPath(_ r: CLIResult) -> String {
        String(r.stdout.split(separator: "\n").first { $0.hasPrefix("backup written: ") }!.dropFirst(16).split(separator: " ").first!)
    }

    func files(_ d: String) -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []) }
    func bytes(_ p: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: p)) }

    /// Rewrites the vault header (bytes 0..<96) and its checksum, as anyone with write access can.
    func editHeader(_ path: String, _ edit: (inout [UInt8]) -> Void) throws {
        var b = [UInt8](try bytes(path))
        edit(&b)
        b.replaceSubrange(96..<128, with: Hash.blake2b(Array(b[0..<96]), length: 32))
        try Data(b).write(to: URL(fileURLWithPath: path))
    }

    func setTerminal(_ b: inout [UInt8], _ t: String) {
        let a = Array(t.utf8)
        for i in 0..<16 { b[80 + i] = i < a.count ? a[i] : 0 }
    }

    // MARK: restore

    // 10. `restore --force` with a backup of a different vault: refused with both vault ids and
    // terminal ids and a hint naming --replace-vault; the vault stays as it was. With
    // --replace-vault it is replaced, and the old vault is kept aside where the output says.
    func testRestoreRefusesAnotherVaultsBackupUnlessReplaceVault() throws {
        makeTwoVaults()
        let mine = try identity(vault), theirs = try identity(otherVault)
        let b = writtenPath(backup(otherVault))
        let before = try bytes(vault)

        let plain = vaultcli(["restore", b, "--identity", key, "--vault", vault])
        assertError(plain, status: 4, contains: "already exists")
        XCTAssertTrue(plain.stderr.contains("--replace-vault"), plain.stderr)

        let forced = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--force"])
        assertError(forced, status: 4, contains: "holds another vault")
        for s in [mine.vaultId, mine.terminalId, theirs.vaultId, theirs.terminalId, "vaultcli: hint: to replace it with the backup's vault, pass --replace-vault"] {
            XCTAssertTrue(forced.stderr.contains(s), "\(s) missing in: \(forced.stderr)")
        }
        XCTAssertEqual(try bytes(vault), before)
        XCTAssertFalse(files(dir).contains { $0.contains("before-restore") || $0.hasPrefix(".vaultcli-tmp") }, "\(files(dir))")
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)

        let beforeReplace = try bytes(vault)
        let replaced = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--replace-vault", "--json"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        let j = try XCTUnwrap(replaced.json as? [String: Any])
        let aside = try XCTUnwrap(j["moved_aside"] as? String)
        XCTAssertTrue(aside.hasPrefix(vault + ".before-restore-"), aside)
        XCTAssertEqual(j["replaced_vault_id"] as? String, mine.vaultId)
        XCTAssertEqual(j["vault_id"] as? String, theirs.vaultId)
        XCTAssertEqual(try bytes(aside), beforeReplace)
        XCTAssertEqual(try identity(vault).vaultId, theirs.vaultId)
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "boss", "--password-stdin"], stdin: "Other-Shop-Secret-42!\n").status, 0)

        // The text output says what was replaced and where it went.
        try bytes(aside).write(to: URL(fileURLWithPath: vault))
        let text = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--replace-vault"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("replaced vault \(mine.vaultId) (terminal T-0017); it was moved to \(vault).before-restore-"), text.stdout)

        // --force alone still replaces the same vault (and admins' last-seen starts afresh).
        let same = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--force"])
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("the previous vault was moved to"), same.stdout)
        XCTAssertEqual(vaultcli(["login", "--vault", vault, "--user", "boss", "--password-stdin"], stdin: "Other-Shop-Secret-42!\n").status, 0)
    }

    // A vault whose header was edited to name the backup's vault (checksum recomputed), or a
    // file that is no vault at all, cannot be identified: --force refuses it, --replace-vault
    // replaces it (kept aside).
    func testForceRefusesAVaultThatCannotBeIdentified() throws {
        makeTwoVaults()
        let theirs = try identity(otherVault)
        let b = writtenPath(backup(otherVault))
        let theirId = [UInt8](hexString: theirs.vaultId)!
        try editHeader(vault) { h in h.replaceSubrange(16..<32, with: theirId); self.setTerminal(&h, "T-0042") }
        let forged = try bytes(vault)
        let r = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--force"])
        assertError(r, status: 4, contains: "cannot be identified as a vault")
        XCTAssertTrue(r.stderr.contains("damaged or was tampered with"), r.stderr)
        XCTAssertTrue(r.stderr.contains("pass --replace-vault"), r.stderr)
        XCTAssertEqual(try bytes(vault), forged)

        try Data(repeating: 0x41, count: 300).write(to: URL(fileURLWithPath: vault))
        assertError(vaultcli(["restore", b, "--identity", key, "--vault", vault, "--force"]), status: 4, contains: "cannot be identified as a vault")
        let ok = vaultcli(["restore", b, "--identity", key, "--vault", vault, "--replace-vault"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("the previous file (not identified as a vault) was moved to \(vault).before-restore-"), ok.stdout)
        XCTAssertEqual(try identity(vault).vaultId, theirs.vaultId)
    }

    // Anyone with the public recipient can seal a backup. One whose manifest names this vault
    // but holds another vault is refused as tampering, even with --force; nothing changes.
    func testABackupWhoseManifestLiesAboutItsVaultIsRefused() throws {
        makeTwoVaults()
        let mine = try identity(vault)
        let b = writtenPath(backup(otherVault))
        // Decrypt (as the attacker's own key holder would), swap the manifest's vault id and
        // terminal id for this vault's (same lengths), seal it again to the same recipient.
        let plainPath = dir + "/plain", forgedPath = dir + "/forged.age"
        do {
            let i = open(b, O_RDONLY), o = open(plainPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(i); close(o) }
            try AgeDecryptor.decrypt(from: i, to: o, identities: try AgeKeyFile.read(path: key))
        }
        var plain = [UInt8](try bytes(plainPath))
        let theirs = try identity(otherVault)
        func swap(_ from: String, _ to: String) {
            let f = Array(from.utf8), t = Array(to.utf8)
            XCTAssertEqual(f.count, t.count)
            guard let r = plain[0..<min(plain.count, 4096)].firstRange(of: f) else { return XCTFail("\(from) not in the manifest") }
            plain.replaceSubrange(r, with: t)
        }
        swap("\"vault_id\":\"\(theirs.vaultId)\"", "\"vault_id\":\"\(mine.vaultId)\"")
        swap("\"terminal_id\":\"T-0042\"", "\"terminal_id\":\"T-0017\"")
        try Data(plain).write(to: URL(fileURLWithPath: plainPath))
        do {
            let i = open(plainPath, O_RDONLY), o = open(forgedPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(i); close(o) }
            try AgeEncryptor.encrypt(from: i, to: o, recipients: [try AgeRecipient.parse(recipient)])
        }
        let before = try bytes(vault)
        let r = vaultcli(["restore", forgedPath, "--identity", key, "--vault", vault, "--force"])
        assertError(r, status: 6, contains: "it names vault \(mine.vaultId) (terminal T-0017), but the vault inside is \(theirs.vaultId) (terminal T-0042)")
        XCTAssertEqual(try bytes(vault), before)
        let v = vaultcli(["backup", "verify", forgedPath, "--identity", key])
        XCTAssertEqual(v.status, 6, v.stderr)
    }

    // A genuine marker copied into a backup the attacker sealed again (same vault, same
    // manifest, same recipient): the marker's MAC covers the header before it, whose recipient
    // stanza is new, so the reader refuses it (exit 6). A made-up MAC is refused the same way.
    func testACopiedOrMadeUpMarkerIsRefusedOnRestore() throws {
        initVault()
        let b = writtenPath(backup(vault))
        // The marker as anyone reads it from the stick (no key).
        let m = try XCTUnwrap(BackupMarker.read(path: b))
        let original = AgeStanza(type: BackupMarker.stanzaType, args: BackupMarker.arguments(vaultID: m.vaultID, terminalID: m.terminalID, created: m.created),
                                 body: m.mac)
        XCTAssertTrue(String(decoding: try bytes(b).prefix(600), as: UTF8.self).contains("-> vaultcli-backup \(original.args.joined(separator: " "))\n"))
        XCTAssertEqual(original.type, "vaultcli-backup")
        let plainPath = dir + "/plain"
        do {
            let i = open(b, O_RDONLY), o = open(plainPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(i); close(o) }
            try AgeDecryptor.decrypt(from: i, to: o, identities: try AgeKeyFile.read(path: key))
        }
        for (name, stanza) in [("copied", original), ("made-up", AgeStanza(type: original.type, args: original.args, body: SecureRandom.bytes(32)))] {
            let forged = dir + "/\(name).age"
            do {
                let i = open(plainPath, O_RDONLY), o = open(forged, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                defer { close(i); close(o) }
                let io = SystemIO()
                try AgeEncryptor.encrypt(recipients: [try AgeRecipient.parse(recipient)], armor: false, trailer: { _ in stanza },
                                         read: { try readSome(io, fd: i, into: $0, path: "plain") }, write: { try writeAll(io, fd: o, $0, path: forged) })
            }
            let r = vaultcli(["restore", forged, "--identity", key, "--vault", dir + "/r-\(name)/vault"])
            assertError(r, status: 6, contains: "the backup's marker (vault id \(original.args[1]), terminal T-0017) is not one the vault inside wrote")
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r-\(name)/vault"))
            XCTAssertEqual(vaultcli(["backup", "verify", forged, "--identity", key]).status, 6)
        }
        // The genuine one restores.
        XCTAssertEqual(vaultcli(["restore", b, "--identity", key, "--vault", dir + "/r-genuine/vault"]).status, 0)
    }

    // MARK: backup --keep

    // 8 (--keep). The attacker puts a vault of their own making, with the other terminal's id,
    // at this vault's path (everything in it is consistent: their own admin signed it). On a
    // shared stick, `backup --keep 1` then deletes none of the other terminal's backups: their
    // markers do not verify under this file's marker key.
    func testKeepNeverDeletesAnotherVaultsBackupsOnASharedStick() throws {
        makeTwoVaults()
        var theirs: [String] = []
        for _ in 0..<3 { theirs.append(writtenPath(backup(otherVault))) }
        let r0 = vaultcli(["init", "--vault", dir + "/evil/vault", "--admin", "mallory", "--password-stdin", "--terminal-id", "T-0042"], stdin: "Quartz-Lynx-Harbor-58!\n")
        XCTAssertEqual(r0.status, 0, r0.stderr)
        try FileManager.default.removeItem(atPath: vault)
        try FileManager.default.copyItem(atPath: dir + "/evil/vault", toPath: vault)

        let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient, "--keep", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("removed old backup"), r.stdout)
        for t in theirs { XCTAssertTrue(FileManager.default.fileExists(atPath: t), "\(t) was deleted") }
        // They are named like this (forged) terminal's backups, so the output says why they stay.
        XCTAssertTrue(r.stdout.contains("not removed (no marker of this vault; --keep never deletes such files): \(theirs[0])"), r.stdout)

        // The other terminal's own --keep still works on its own backups.
        usleep(1_050_000)
        let k = backup(otherVault, keep: 2)
        XCTAssertEqual(k.stdout.components(separatedBy: "removed old backup: ").count - 1, 2, k.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: theirs[0]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: theirs[2]))
    }

    // 8 (--keep). The attacker holds a copy of the other terminal's vault file from before its
    // first marked backup (so every id in it is that vault's, signed by its admin, but it has no
    // marker key), and puts it at this vault's path. The backup there writes a marker key of its
    // own; the other terminal's backups, which name the same vault id and terminal id, carry
    // markers under the other key: none is counted or deleted, and each is warned about.
    func testKeepWithAnOldCopyOfTheOtherVaultDeletesNothingOfIts() throws {
        makeTwoVaults()
        let oldCopy = try bytes(otherVault)
        var theirs: [String] = []
        for _ in 0..<3 { theirs.append(writtenPath(backup(otherVault))) }
        try FileManager.default.removeItem(atPath: vault)
        try oldCopy.write(to: URL(fileURLWithPath: vault))
        chmod(vault, 0o600)
        XCTAssertEqual(try identity(vault).vaultId, try identity(otherVault).vaultId)
        let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient, "--keep", "1", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(r.json as? [String: Any])
        XCTAssertEqual(j["removed"] as? [String], [])
        XCTAssertEqual(Set(j["suspicious"] as? [String] ?? []), Set(theirs))
        for t in theirs {
            XCTAssertTrue(FileManager.default.fileExists(atPath: t), "\(t) was deleted")
            XCTAssertTrue(r.stderr.contains("vaultcli: warning: \(t) claims to be a backup of this vault, but its marker does not verify"), r.stderr)
        }
    }

    // 8 (--keep). The header edited to the other terminal's id or vault id (checksum
    // recomputed): the backup refuses to run (exit 6), writes nothing and deletes nothing.
    func testKeepWithAnEditedHeaderIsRefused() throws {
        makeTwoVaults()
        var theirs: [String] = []
        for _ in 0..<2 { theirs.append(writtenPath(backup(otherVault))) }
        let theirId = [UInt8](hexString: try identity(otherVault).vaultId)!
        let original = try bytes(vault)
        // The terminal id alone: the header no longer says what the admin-signed settings say.
        // The vault id: also every signature (they cover it) fails, the settings' first.
        for (edit, why) in [({ (h: inout [UInt8]) in self.setTerminal(&h, "T-0042") }, "file header (it differs from the admin-signed settings)"),
                            ({ (h: inout [UInt8]) in h.replaceSubrange(16..<32, with: theirId) }, "signature does not verify"),
                            ({ (h: inout [UInt8]) in h.replaceSubrange(16..<32, with: theirId); self.setTerminal(&h, "T-0042") }, "signature does not verify")] {
            try original.write(to: URL(fileURLWithPath: vault))
            try editHeader(vault, edit)
            let before = files(usb)
            let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient, "--keep", "1"])
            XCTAssertEqual(r.status, 6, r.stderr)
            XCTAssertTrue(r.stderr.contains("damaged or was tampered with") && r.stderr.contains(why), r.stderr)
            XCTAssertEqual(files(usb), before)
        }
        for t in theirs { XCTAssertTrue(FileManager.default.fileExists(atPath: t)) }
    }

    // Forged, copied and renamed markers on the stick. --keep counts and deletes only this
    // vault's genuine backups, ordered by the marker's authenticated time, never by the name:
    // - a genuine backup of this vault with its marker's time moved forward (to push the
    //   genuine ones out of the newest N): its MAC fails, so it is neither counted nor deleted;
    // - a marker naming this vault with a made-up MAC: the same;
    // - another vault's backup renamed to this terminal's name: no marker of this vault, kept;
    // - a passphrase backup of this vault (no marker): kept;
    // - this vault's genuine backup renamed to an old-looking name: counted by its marker.
    func testKeepIgnoresForgedCopiedAndRenamedMarkers() throws {
        makeTwoVaults()
        let g1 = writtenPath(backup(vault))
        let g2 = writtenPath(backup(vault))
        let mine = try identity(vault)
        // A copy of g2 with its marker's time changed to 2099 (same length), under a 2099 name.
        var text = [UInt8](try bytes(g2))
        let line = try XCTUnwrap(text.firstRange(of: Array("-> vaultcli-backup 1 \(mine.vaultId) T-0017 ".utf8)))
        text.replaceSubrange(line.upperBound..<(line.upperBound + 16), with: Array("20990101T000000Z".utf8))
        let future = usb + "/vaultcli-T-0017-20990101T000000Z.age"
        try Data(text).write(to: URL(fileURLWithPath: future))
        // Another vault's backup, its marker line rewritten to name this vault (MAC made up).
        let b = writtenPath(backup(otherVault))
        var other = String(decoding: try bytes(b).prefix(while: { $0 != 0 }), as: UTF8.self)
        guard let mark = other.range(of: "-> vaultcli-backup 1 ") else { return XCTFail("no marker in \(b)") }
        let rest = other[mark.lowerBound...]
        let markLine = rest.prefix { $0 != "\n" }
        let forgedLine = "-> vaultcli-backup 1 \(mine.vaultId) T-0017 20980101T000000Z"
        other = other.replacingOccurrences(of: markLine, with: forgedLine)
        let forgedMarker = usb + "/vaultcli-T-0017-20980101T000000Z.age"
        try Data(other.utf8).write(to: URL(fileURLWithPath: forgedMarker))
        // The other vault's backup under this terminal's name.
        let renamed = usb + "/vaultcli-T-0017-20000101T000000Z.age"
        try FileManager.default.moveItem(atPath: b, toPath: renamed)
        // A passphrase backup of this vault, named as this terminal's.
        let pass = vaultcli(["backup", "--vault", vault, "--to", usb + "/vaultcli-T-0017-20010101T000000Z.age", "--passphrase", "--password-stdin"],
                            stdin: "Long-Backup-Passphrase-77\n")
        XCTAssertEqual(pass.status, 0, pass.stderr)
        // Genuine g1 renamed to look ancient: still this vault's (by its marker).
        let g1renamed = usb + "/vaultcli-T-0017-19990101T000000Z.age"
        try FileManager.default.moveItem(atPath: g1, toPath: g1renamed)

        let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--recipient", recipient, "--keep", "2", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(r.json as? [String: Any])
        let newest = try XCTUnwrap(j["path"] as? String)
        XCTAssertEqual(j["marked"] as? Bool, true)
        // Newest two genuine: the new one and g2; g1 (renamed) is the oldest genuine one.
        XCTAssertEqual(j["removed"] as? [String], [g1renamed])
        XCTAssertEqual(Set(j["suspicious"] as? [String] ?? []), [future, forgedMarker])
        XCTAssertEqual(Set(j["kept_unmarked"] as? [String] ?? []), [renamed, usb + "/vaultcli-T-0017-20010101T000000Z.age"])
        for p in [newest, g2, future, forgedMarker, renamed, usb + "/vaultcli-T-0017-20010101T000000Z.age"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: p), "\(p) was deleted")
        }
        XCTAssertTrue(r.stderr.contains("vaultcli: warning: \(future) claims to be a backup of this vault, but its marker does not verify"), r.stderr)
        // The genuine files still restore; the forged copy does not (its age header MAC fails).
        XCTAssertEqual(vaultcli(["backup", "verify", g2, "--identity", key]).status, 0)
        XCTAssertEqual(vaultcli(["backup", "verify", future, "--identity", key]).status, 6)
    }

    // A backup without a marker (a passphrase backup; a format-1 vault) deletes nothing with
    // --keep and says why.
    func testKeepWithoutAMarkerDeletesNothing() throws {
        initVault()
        let g = writtenPath(backup(vault))
        let r = vaultcli(["backup", "--vault", vault, "--to", usb, "--passphrase", "--password-stdin", "--keep", "1"], stdin: "Long-Backup-Passphrase-77\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("--keep deleted nothing: this backup carries no marker of the vault (a passphrase backup carries no marker"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: g))
        // The same note in Chinese, why included (no English sentence, no fallback).
        usleep(1_050_000)
        let zh = vaultcli(["backup", "--vault", vault, "--to", usb, "--passphrase", "--password-stdin", "--keep", "1", "--lang", "zh-Hans"], stdin: "Long-Backup-Passphrase-77\n")
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertTrue(zh.stderr.contains("--keep 没有删除任何文件：这个备份没有保险库的标记（用口令加密的备份不带标记（age 不允许口令旁边再有别的段））"), zh.stderr)
        XCTAssertEqual(EnglishText.sentences(in: zh.stderr), [], zh.stderr)

        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/fixtures/v1-vault"
        let v1 = dir + "/v1/vault"
        try FileManager.default.createDirectory(atPath: dir + "/v1", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixtures + "/vault", toPath: v1)
        chmod(v1, 0o600)
        let v1usb = dir + "/v1usb"
        try FileManager.default.createDirectory(atPath: v1usb, withIntermediateDirectories: true)
        for _ in 0..<2 {
            let b = vaultcli(["backup", "--vault", v1, "--to", v1usb, "--recipient", recipient, "--keep", "1"])
            XCTAssertEqual(b.status, 0, b.stderr)
            XCTAssertTrue(b.stderr.contains("the vault is in format 1 (run `vaultcli upgrade` as an admin)"), b.stderr)
            usleep(1_050_000)
        }
        let zh1 = vaultcli(["backup", "--vault", v1, "--to", v1usb, "--recipient", recipient, "--keep", "1", "--lang", "zh-Hans"])
        XCTAssertEqual(zh1.status, 0, zh1.stderr)
        XCTAssertTrue(zh1.stderr.contains("保险库还是格式 1（请由管理员运行 `vaultcli upgrade`）"), zh1.stderr)
        XCTAssertFalse(zh1.stderr.contains("--lang en"), zh1.stderr)
        XCTAssertEqual(files(v1usb).filter { $0.hasSuffix(".age") }.count, 3)
    }

    // The marker is an extra stanza the real age tool skips: a marked backup still decrypts with
    // `age -d -i`, and the marker is covered by the age header MAC.
    func testMarkedBackupDecryptsWithTheRealAge() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/age") else { throw XCTSkip("age is not installed") }
        initVault()
        let b = writtenPath(backup(vault))
        XCTAssertTrue(String(decoding: try bytes(b).prefix(600), as: UTF8.self).contains("\n-> vaultcli-backup 1 \(try identity(vault).vaultId) T-0017 "))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/age")
        p.arguments = ["-d", "-i", key, "-o", dir + "/container", b]
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(try bytes(dir + "/container").prefix(16), Data("VAULTCLI-BACKUP\n".utf8))
    }
}
