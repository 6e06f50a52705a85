import Catalog
import Foundation
import XCTest
import VaultCrypto

/// A shop's day under LANG=zh_CN.UTF-8, through the built binary: init, user add, login, tx add
/// and list, backup, restore, and the errors a cashier meets (a wrong password, a locked-out
/// operator, a missing USB stick, a corrupt file). Every line on stdout and stderr is checked for
/// English sentences (EnglishText: two or more English words side by side, outside commands,
/// flags, paths, ids and units); --json output and exit codes are those of the English run.
final class ChineseMessagesE2ETests: EndToEndTestCase {
    let zh = ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let en = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "VAULTCLI_LANG": ""]
    let cashierTemp = "Lotus-Harbor-Quince-31!"
    let cashierPass = "Amber-Willow-Fjord-58?"

    /// Runs `args` under zh-Hans and asserts that nothing English is printed.
    @discardableResult
    func zhRun(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> CLIResult {
        let r = vaultcli(args, stdin: stdin, env: zh.merging(extra) { $1 })
        assertNoEnglish(r, args, file: file, line: line)
        return r
    }

    func assertNoEnglish(_ r: CLIResult, _ args: [String], file: StaticString = #filePath, line: UInt = #line) {
        for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            let english = EnglishText.sentences(in: text)
            XCTAssertEqual(english, [], "English in the \(name) of \(args.prefix(3).joined(separator: " ")):\n\(text)", file: file, line: line)
        }
    }

    func seal(_ args: [String], _ lines: [String]) -> (args: [String], stdin: String) {
        (args + ["--vault", vault, "--password-stdin"], lines.map { $0 + "\n" }.joined())
    }

    func testAShopDayInChinese() throws {
        // init
        var r = zhRun(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains(tr(.initCreated, lang: .zhHans, vault)), r.stdout)
        XCTAssertTrue(r.stdout.contains(tr(.kitTitle, lang: .zhHans)), r.stdout)

        // The admin's login, with what needs attention; status in full (exit 1: something does).
        r = zhRun(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "vaultcli: 请注意：还没有备份（详见 `vaultcli status`）\n")
        r = zhRun(["status", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("! 还没有备份：请运行 `vaultcli backup --to DIR`"), r.stdout)

        // A weak password of Chinese habits is refused, with the reasons in Chinese.
        r = zhRun(["user", "add", "小美", "--role", "cashier", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\nZhangwei@5201314\n")
        XCTAssertEqual(r.status, 13, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 密码不符合密码规则：\n  - "), r.stderr)
        XCTAssertTrue(r.stderr.contains("由中文密码常用的内容组成"), r.stderr)

        // user add: a cashier with a Chinese name
        r = zhRun(["user", "add", "王芳", "--role", "cashier", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + cashierTemp + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("已添加收银员 王芳"), r.stdout)

        // Her first login: the temporary password must be changed first (exit 12).
        r = zhRun(["tx", "add", "--amount", "12.50", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierTemp + "\n")
        XCTAssertEqual(r.status, 12, r.stderr)
        XCTAssertTrue(r.stderr.contains("必须先修改密码"), r.stderr)
        XCTAssertTrue(r.stderr.contains("`vaultcli user passwd --user 王芳`"), r.stderr)
        r = zhRun(["user", "passwd", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierTemp + "\n" + cashierPass + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)

        // login
        r = zhRun(["login", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierPass + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "已登录：王芳（收银员）。\n")

        // tx add and list
        r = zhRun(["tx", "add", "--amount", "12.50", "--reference", "POS-1", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierPass + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("已记录 "), r.stdout)
        r = zhRun(["tx", "list", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierPass + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("时间"), r.stdout)
        XCTAssertTrue(r.stdout.contains("共 1 笔交易（只有您自己的"), r.stdout)

        // backup to the USB stick, verify, restore
        let key = dir + "/k.key"
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let usb = dir + "/usb"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        r = zhRun(["backup", "--to", usb, "--vault", vault, "--recipient", kg.stdout.trimmingCharacters(in: .newlines)])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("备份已写入："), r.stdout)
        let backup = usb + "/" + (try FileManager.default.contentsOfDirectory(atPath: usb).first { $0.hasSuffix(".age") } ?? "")
        r = zhRun(["backup", "verify", backup, "--identity", key])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("备份完好："), r.stdout)
        r = zhRun(["restore", backup, "--identity", key, "--vault", dir + "/restored/vault"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("已恢复到 "), r.stdout)
        // A restore onto the vault itself is refused, with the way forward.
        r = zhRun(["restore", backup, "--identity", key, "--vault", vault])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.contains("--force"), r.stderr)
    }

    func testErrorsACashierMeetsInChinese() throws {
        initVault()
        // A wrong password.
        var r = zhRun(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "not-it\n")
        XCTAssertEqual(r.status, 5)
        XCTAssertEqual(r.stderr, "vaultcli: error: 用户名或密码错误\nvaultcli: hint: 请核对用户名后再试；连续失败 10 次后，该操作员会被锁定 30 分钟\n")
        // Locked out after ten.
        for _ in 0..<9 { vaultcli(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "not-it\n") }
        r = zhRun(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 12, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 操作员 admin 因登录失败次数过多已被锁定，直到 "), r.stderr)
        XCTAssertTrue(r.stderr.contains("`vaultcli user unlock admin --user THEIR-NAME`"), r.stderr)

        // A missing USB stick.
        r = zhRun(["backup", "--to", dir + "/usb-not-plugged-in", "--vault", vault])
        XCTAssertEqual(r.status, 9, r.stderr)
        XCTAssertTrue(r.stderr.contains("U 盘插好并挂载了吗"), r.stderr)
        // A stick that is gone while the file is written (the directory of -o is missing).
        r = zhRun(["backup", "-o", dir + "/gone/vault.age", "--vault", vault, "--passphrase", "--password-stdin"], stdin: "Quiet-Meadow-Lantern-72\n")
        XCTAssertEqual(r.status, 9, r.stderr)
        XCTAssertTrue(r.stderr.contains("文件或目录不存在"), r.stderr)

        // A corrupt backup and a corrupt vault.
        let junk = dir + "/junk.age"
        try Data("age-encryption.org/v1\n-> X25519 garbage\n--- nope\n".utf8).write(to: URL(fileURLWithPath: junk))
        r = zhRun(["restore", junk, "--passphrase", "--password-stdin", "--vault", dir + "/r2"], stdin: "x\n")
        XCTAssertEqual(r.status, 6, r.stderr)
        XCTAssertTrue(r.stderr.contains("请使用这个备份的另一份副本"), r.stderr)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: vault))
        for i in 200..<min(bytes.count, 400) { bytes[i] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: vault))
        r = zhRun(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 6, r.stderr)
        XCTAssertTrue(r.stderr.contains("`vaultcli verify`"), r.stderr)

        // A mistyped phone number (checked before any password is asked for).
        r = zhRun(["init", "--vault", dir + "/second", "--admin", "店长", "--phone", "12345", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("手机号“12345”既不是 E.164 格式"), r.stderr)

        // No vault.
        r = zhRun(["login", "--vault", dir + "/none", "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 3)
        XCTAssertTrue(r.stderr.contains("`vaultcli init`"), r.stderr)
    }

    /// The same commands in both languages: the same exit codes, the same --json.
    func testJSONAndExitCodesDoNotChange() throws {
        var runs: [Lang: [(Int32, String)]] = [:]
        for (lang, env) in [(Lang.en, en), (.zhHans, zh)] {
            // Each language on a vault of its own, at the same path, through the same steps.
            try? FileManager.default.removeItem(atPath: vault)
            initVault()
            var out: [(Int32, String)] = []
            for (args, stdin) in [
                (["login", "--json"], adminPassword),
                (["login", "--json"], "wrong-one"),
                (["user", "list", "--json"], adminPassword),
                (["tx", "list", "--json"], adminPassword),
                (["status", "--json"], adminPassword),
                (["tx", "add", "--amount", "-1"], adminPassword),
                (["tx", "list", "--json", "--csv"], adminPassword),
            ] {
                let r = vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: stdin + "\n", env: env)
                out.append((r.status, r.stdout))
            }
            let info = vaultcli(["info", "--json", "--vault", vault], env: env)
            out.append((info.status, info.stdout))
            let gone = vaultcli(["info", "--json", "--vault", dir + "/none"], env: env)
            out.append((gone.status, gone.stdout))
            runs[lang] = out
        }
        let a = runs[.en]!, b = runs[.zhHans]!
        XCTAssertEqual(a.map(\.0), b.map(\.0))
        XCTAssertEqual(a.map(\.0), [0, 5, 0, 0, 1, 64, 64, 0, 3])
        for (x, y) in zip(a, b) {
            // Times, vault ids and the file's size (it varies from one vault to the next in any
            // language) differ between the two vaults; everything else is the same.
            let mask = { (s: String) in
                s.replacingOccurrences(of: "\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z\"", with: "T", options: .regularExpression)
                    .replacingOccurrences(of: "\"(file|superseded)_bytes\" : [0-9]+", with: "B", options: .regularExpression)
                    .replacingOccurrences(of: "[0-9a-f]{32,}", with: "H", options: .regularExpression)
            }
            XCTAssertEqual(mask(x.1), mask(y.1))
        }
    }

    /// --lang anywhere on the command line, $VAULTCLI_LANG, and the locale's order.
    func testChoosingTheLanguage() {
        initVault()
        let args = ["login", "--vault", vault, "--user", "admin", "--password-stdin"]
        let zhText = "vaultcli: error: 用户名或密码错误\n"
        func stderr(_ a: [String], _ env: [String: String]) -> String {
            String(vaultcli(a, stdin: "wrong\n", env: env).stderr.prefix { $0 != "\n" }) + "\n"
        }
        XCTAssertEqual(stderr(args, zh), zhText)
        XCTAssertEqual(stderr(args, en), "vaultcli: error: wrong user name or password\n")
        XCTAssertEqual(stderr(["--lang", "zh-Hans"] + args, en), zhText)
        XCTAssertEqual(stderr(args + ["--lang=zh-Hans"], en), zhText)
        XCTAssertEqual(stderr(Array(args.prefix(2)) + ["--lang", "en"] + args.dropFirst(2), zh), "vaultcli: error: wrong user name or password\n")
        XCTAssertEqual(stderr(args, en.merging(["VAULTCLI_LANG": "zh-Hans"]) { $1 }), zhText)
        XCTAssertEqual(stderr(args, zh.merging(["LC_MESSAGES": "en_US.UTF-8"]) { $1 }), "vaultcli: error: wrong user name or password\n")
        XCTAssertEqual(stderr(args, en.merging(["LC_ALL": "zh_SG.UTF-8"]) { $1 }), zhText)
        // A bad value is refused, not ignored.
        let bad = vaultcli(["--lang", "fr", "status"], env: en)
        XCTAssertEqual(bad.status, 64)
        XCTAssertEqual(bad.stderr, "vaultcli: error: --lang \"fr\" is not a language vaultcli speaks: use en or zh-Hans\n")
        let badEnv = vaultcli(["info", "--vault", vault], env: zh.merging(["VAULTCLI_LANG": "zh_TW"]) { $1 })
        XCTAssertEqual(badEnv.status, 64)
        XCTAssertTrue(badEnv.stderr.contains("$VAULTCLI_LANG 是“zh_TW”"), badEnv.stderr)
        // Help follows the language, and shows --lang.
        let help = vaultcli(["--help"], env: zh)
        XCTAssertTrue(help.stdout.contains(tr(.helpRootAbstract, lang: .zhHans)), help.stdout)
        XCTAssertTrue(help.stdout.contains("--lang <en|zh-Hans>"), help.stdout)
        assertNoEnglish(help, ["--help"])
        let txHelp = vaultcli(["tx", "add", "--help", "--lang", "zh-Hans"], env: en)
        XCTAssertTrue(txHelp.stdout.contains(tr(.helpTxAdd, lang: .zhHans)), txHelp.stdout)
        XCTAssertTrue(txHelp.stdout.contains("--lang <en|zh-Hans>"), txHelp.stdout)
        XCTAssertTrue(txHelp.stdout.contains("\n选项：\n"), txHelp.stdout)
        assertNoEnglish(txHelp, ["tx", "add", "--help"])
        // The help of every command.
        let commands = ["", "init", "info", "verify", "login", "status", "user", "user add", "user list", "user show", "user edit", "user passwd",
                        "user role", "user disable", "user enable", "user remove", "user unlock", "user totp", "user totp enable", "user totp confirm",
                        "user totp disable", "audit", "audit list", "audit verify", "policy", "policy show", "policy set", "keygen", "upgrade", "rekey",
                        "backup", "backup create", "backup verify", "backup list", "fleet", "fleet enrol", "fleet list", "fleet prune", "fleet verify",
                        "restore", "genpass", "check-password", "account", "account add", "account list", "account find", "account show",
                        "account history", "account edit", "account remove", "tx", "tx add", "tx list", "tx import", "tx export", "tx summary",
                        "unlock", "lock", "recover", "recover password", "recover username", "recover setup", "recover codes", "recover unlock"]
        for c in commands {
            let args = c.split(separator: " ").map(String.init) + ["--help"]
            let r = vaultcli(args, env: zh)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            assertNoEnglish(r, args)
        }
        // argument-parser's usage errors, in Chinese, with the same exit status.
        let usage = zhRun(["tx", "add", "--amount", "1", "--bogus"])
        XCTAssertEqual(usage.status, 64)
        XCTAssertTrue(usage.stderr.hasPrefix("错误：不认识的选项 '--bogus'\n"), usage.stderr)
        XCTAssertEqual(vaultcli(["tx", "add", "--amount", "1", "--bogus"], env: en).stderr.prefix(30), "Error: Unknown option '--bogus")
    }

    /// A session started in English: each command sent to its agent speaks the language of the
    /// command's own environment or --lang (the agent runs it with the client's environment).
    func testASessionSpeaksTheCommandsLanguage() throws {
        initVault()
        let run = dir + "/run"
        mkdir(run, 0o700)
        defer { vaultcli(["lock", "--vault", vault], env: ["XDG_RUNTIME_DIR": run]) }
        var r = vaultcli(["unlock", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n",
                         env: en.merging(["XDG_RUNTIME_DIR": run]) { $1 })
        XCTAssertEqual(r.status, 0, r.stderr)
        // Sent unparsed (tx add), and parsed first (status).
        r = zhRun(["tx", "add", "--amount", "8.80", "--vault", vault], env: ["XDG_RUNTIME_DIR": run])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("已记录 "), r.stdout)
        r = zhRun(["tx", "add", "--amount", "1.234", "--vault", vault], env: ["XDG_RUNTIME_DIR": run])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "vaultcli: error: 金额“1.234”无效：CNY 只有 2 位小数\n")
        r = zhRun(["tx", "add", "--amount", "1", "--card", "6225881234561234", "--vault", vault], env: ["XDG_RUNTIME_DIR": run])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 给出的卡号没有掩码\n"), r.stderr)
        r = vaultcli(["tx", "list", "--lang", "zh-Hans", "--vault", vault], env: en.merging(["XDG_RUNTIME_DIR": run]) { $1 })
        XCTAssertEqual(r.status, 0, r.stderr)
        assertNoEnglish(r, ["tx", "list"])
        XCTAssertTrue(r.stdout.hasPrefix("时间"), r.stdout)
        r = vaultcli(["status", "--vault", vault, "--lang=zh-Hans"], env: en.merging(["XDG_RUNTIME_DIR": run]) { $1 })
        XCTAssertEqual(r.status, 1, r.stderr)
        assertNoEnglish(r, ["status"])
        // And English again, in the same session.
        r = vaultcli(["tx", "list", "--vault", vault], env: en.merging(["XDG_RUNTIME_DIR": run]) { $1 })
        XCTAssertTrue(r.stdout.hasPrefix("TIME"), r.stdout)
    }

    /// Recovery with a recovery code, and the errors on the way, in Chinese.
    func testRecoveryInChinese() {
        let r0 = zhRun(["init", "--vault", vault, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0017"], stdin: adminPassword + "\n")
        XCTAssertEqual(r0.status, 0, r0.stderr)
        let codes = r0.stdout.split(separator: "\n").compactMap { l -> String? in
            let parts = l.split(separator: " ")
            return parts.count == 2 && Int(parts[0]) != nil ? String(parts[1]) : nil
        }
        XCTAssertEqual(codes.count, 10)
        var r = zhRun(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: "not-a-code\nFresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 这不是恢复码"), r.stderr)
        r = zhRun(["recover", "password", "--vault", vault, "--user", "admin", "--stdin"], stdin: "x\n")
        XCTAssertNotEqual(r.status, 0)
        r = zhRun(["recover", "password", "--vault", vault, "--user", "admin", "--code", "--stdin"], stdin: codes[0] + "\nFresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("已通过恢复码找回 admin 的密码"), r.stdout)
        XCTAssertTrue(r.stdout.contains("这个恢复码已用掉；还剩 9 个。"), r.stdout)
        r = zhRun(["recover", "codes", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: "Fresh-Kite-Harbor-3141!\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "10 个恢复码还剩 9 个。\n")
    }

    /// The errors of issue 13's last conversions, met through the binary in zh-Hans: a cut-short
    /// backup, a wrong key file, a damaged vault, a bad account field, a merchant's name, and
    /// `policy show` and `check-password` in text. None prints English, and none falls back to
    /// "the details are in English".
    func testDetailsAndRulesInChinese() throws {
        initVault()
        let fallback = tr(.detailOnlyInEnglish, lang: .zhHans)
        func admin(_ args: [String], _ lines: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> CLIResult {
            let r = zhRun(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + lines).map { $0 + "\n" }.joined(),
                          file: file, line: line)
            XCTAssertFalse(r.stderr.contains(fallback), r.stderr, file: file, line: line)
            return r
        }

        // Account fields.
        var r = admin(["account", "add", "--label", "unionpay-main", "--service", String(repeating: "银", count: 30), "--secret-stdin"], ["Merchant-Secret-88!"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "vaultcli: error: 账号的服务超过 64 字节\n")
        r = admin(["account", "add", "--label", "unionpay-main", "--service", "UnionPay", "--secret-stdin"], ["Merchant-Secret-88!"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = admin(["account", "add", "--label", "UnionPay-Main", "--secret-stdin"], ["Merchant-Secret-89!"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, "vaultcli: error: 标签为“UnionPay-Main”的账号已经存在\nvaultcli: hint: 换一个标签，或者用 `vaultcli account edit` 修改已有的账号\n")
        r = admin(["account", "add", "--label", "pin-1", "--pin", "--secret-stdin"], ["1234"])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 这个 PIN 是"), r.stderr)
        XCTAssertTrue(r.stderr.contains("`vaultcli genpass --pin 6`"), r.stderr)
        // The audit list's headers (its actions, outcomes and details are the log's own data).
        let audit = vaultcli(["audit", "list", "--vault", vault, "--as", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: zh)
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.hasPrefix("时间"), audit.stdout)
        XCTAssertEqual(EnglishText.sentences(in: String(audit.stdout.prefix { $0 != "\n" })), [], audit.stdout)
        r = admin(["account", "show", "nope"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "vaultcli: error: 没有标签为“nope”的账号\nvaultcli: hint: 用 `vaultcli account list` 查看所有标签\n")
        // The English words are the library's, as before.
        let en = vaultcli(["account", "show", "nope", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: self.en)
        XCTAssertEqual(en.stderr, "vaultcli: error: no account is labelled \"nope\"\nvaultcli: hint: see the labels with `vaultcli account list`\n")

        // The merchant's name.
        r = admin(["policy", "set", "merchant-name", String(repeating: "面", count: 65)])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 商户名称超过 64 个字\n"), r.stderr)

        // policy show: the keys and values are what `policy set` takes; the rest is Chinese.
        r = vaultcli(["policy", "show", "--vault", vault], env: zh)
        XCTAssertEqual(r.status, 0, r.stderr)
        let described = r.stdout.split(separator: "\n").map { line -> String in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let key = cells.first, key.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return String(line) }
            return cells.dropFirst(2).joined(separator: " ")    // the key and its value
        }.joined(separator: "\n")
        XCTAssertEqual(EnglishText.sentences(in: described), [], r.stdout)
        XCTAssertEqual(EnglishText.sentences(in: r.stderr), [], r.stderr)
        XCTAssertTrue(r.stdout.contains("密码的最少字符数"), r.stdout)
        XCTAssertTrue(r.stdout.contains("始终开启"), r.stdout)
        let json = vaultcli(["policy", "show", "--json", "--vault", vault], env: zh)
        XCTAssertTrue(json.stdout.contains("\"minimum password length in characters\""), json.stdout)

        // check-password in text: zxcvbn's advice and the crack times in Chinese.
        r = zhRun(["check-password"], stdin: "password1\n")
        XCTAssertEqual(r.status, 13, r.stderr)
        XCTAssertTrue(r.stdout.contains("这是"), r.stdout)
        XCTAssertTrue(r.stdout.contains("不到 1 秒") || r.stdout.contains(" 秒"), r.stdout)
        let cpJSON = vaultcli(["check-password", "--json"], stdin: "password1\n", env: zh)
        XCTAssertTrue(cpJSON.stdout.contains("common password"), cpJSON.stdout)

        // A backup cut short, and the wrong key file.
        let key = dir + "/k.key"
        let kg = vaultcli(["keygen", "-o", key])
        XCTAssertEqual(kg.status, 0, kg.stderr)
        let backup = dir + "/b.age"
        r = zhRun(["backup", "-o", backup, "--vault", vault, "--recipient", kg.stdout.trimmingCharacters(in: .newlines)])
        XCTAssertEqual(r.status, 0, r.stderr)
        let whole = try Data(contentsOf: URL(fileURLWithPath: backup))
        let cut = dir + "/cut.age"
        try whole.prefix(whole.count - 100).write(to: URL(fileURLWithPath: cut))
        r = zhRun(["backup", "verify", cut, "--identity", key])
        XCTAssertEqual(r.status, 6, r.stderr)
        XCTAssertFalse(r.stderr.contains(fallback), r.stderr)
        let flipped = dir + "/flipped.age"
        var bytes = whole
        bytes[bytes.count - 40] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: flipped))
        r = zhRun(["backup", "verify", flipped, "--identity", key])
        XCTAssertEqual(r.status, 6, r.stderr)
        XCTAssertFalse(r.stderr.contains(fallback), r.stderr)
        // The recipient (public key) given where the identity file goes.
        let pub = dir + "/k.pub"
        XCTAssertTrue(FileManager.default.createFile(atPath: pub, contents: Data(kg.stdout.utf8), attributes: [.posixPermissions: 0o600]))
        r = zhRun(["backup", "verify", backup, "--identity", pub])
        XCTAssertNotEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains(fallback), r.stderr)
        XCTAssertTrue(r.stderr.contains("AGE-SECRET-KEY-1"), r.stderr)

        // A vault cut short (a copy that stopped half-way).
        var v = try Data(contentsOf: URL(fileURLWithPath: vault))
        for keep in [v.count / 2, v.count - 7, 40] {
            let half = dir + "/half-\(keep)/vault"
            try FileManager.default.createDirectory(atPath: dir + "/half-\(keep)", withIntermediateDirectories: true)
            try v.prefix(keep).write(to: URL(fileURLWithPath: half))
            r = zhRun(["login", "--vault", half, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
            XCTAssertNotEqual(r.status, 0, r.stderr)
            if r.stderr.contains(fallback) {
                let english = vaultcli(["login", "--vault", half, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: self.en).stderr
                XCTFail("\(keep): \(r.stderr)\n\(english)")
            }
        }

        // A damaged vault: a byte of its last frame changed.
        v[v.count - 20] ^= 0x01
        try v.write(to: URL(fileURLWithPath: vault))
        r = zhRun(["verify", "--vault", vault])
        XCTAssertNotEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains(fallback), r.stderr)
        r = zhRun(["login", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n")
        XCTAssertNotEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains(fallback), r.stderr)
    }

    /// tx list and tx summary in zh-Hans: kinds and statuses in the glossary's words, which
    /// `tx import` reads back; CSV keeps the names.
    func testTransactionTablesInChinese() throws {
        initVault()
        func admin(_ args: [String]) -> CLIResult {
            vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: zh)
        }
        XCTAssertEqual(admin(["tx", "add", "--amount", "12.50", "--reference", "R-1"]).status, 0)
        XCTAssertEqual(admin(["tx", "add", "--amount", "3.00", "--kind", "refund", "--status", "reversed", "--reference", "R-2"]).status, 0)
        var r = admin(["tx", "list"])
        XCTAssertEqual(r.status, 0, r.stderr)
        assertNoEnglish(r, ["tx", "list"])
        let rows = r.stdout.split(separator: "\n").dropFirst().filter { $0.contains("R-") }
        XCTAssertEqual(rows.count, 2, r.stdout)
        XCTAssertTrue(rows.contains { $0.contains("消费") && $0.contains("成功") }, r.stdout)
        XCTAssertTrue(rows.contains { $0.contains("退款") && $0.contains("已冲正") }, r.stdout)
        XCTAssertFalse(r.stdout.contains("sale"), r.stdout)
        // The statuses start in one column (cells, not bytes).
        let header = String(r.stdout.prefix { $0 != "\n" })
        func cells(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        let statusAt = cells(header[..<header.range(of: "状态")!.lowerBound])
        for row in rows {
            let word = row.contains("成功") ? "成功" : "已冲正"
            XCTAssertEqual(cells(row[..<row.range(of: word)!.lowerBound]), statusAt, String(row))
        }
        r = admin(["tx", "summary"])
        XCTAssertEqual(r.status, 0, r.stderr)
        assertNoEnglish(r, ["tx", "summary"])
        XCTAssertTrue(r.stdout.contains("净额"), r.stdout)
        let csv = admin(["tx", "list", "--csv"])
        XCTAssertTrue(csv.stdout.contains(",sale,") && csv.stdout.contains(",refund,") && csv.stdout.contains(",reversed"), csv.stdout)
        // What the table shows, tx import reads back.
        let file = dir + "/back.csv"
        try Data("交易时间,金额,类型,状态,参考号\n2026-11-22 12:30:00,5.00,退款,已冲正,R-3\n2026-11-22 12:31:00,6.00,撤销,拒绝,R-4\n2026-11-22 12:32:00,7.00,消费,处理中,R-5\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        r = admin(["tx", "import", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        // A CSV whose header names no id (nor reference) column, and one cut inside a quote.
        let noId = dir + "/no-id.csv"
        try Data("交易时间,金额\n2026-11-22 12:30:00,5.00\n".utf8).write(to: URL(fileURLWithPath: noId))
        r = admin(["tx", "import", noId])
        XCTAssertEqual(r.status, 64, r.stderr)
        assertNoEnglish(r, ["tx", "import"])
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 第 1 行：表头没有 id 列"), r.stderr)
        XCTAssertTrue(r.stderr.contains("vaultcli: hint: CSV 导入的第一行是列名：id,time,amount,"), r.stderr)
        let open = dir + "/open-quote.csv"
        try Data("交易时间,金额,参考号\n2026-11-22 12:30:00,5.00,\"R-9\n".utf8).write(to: URL(fileURLWithPath: open))
        r = admin(["tx", "import", open])
        XCTAssertNotEqual(r.status, 0, r.stderr)
        assertNoEnglish(r, ["tx", "import"])
        XCTAssertTrue(r.stderr.contains("到输入结束时，有一个带引号的字段还没有结束"), r.stderr)
        let list = try JSONSerialization.jsonObject(with: Data(admin(["tx", "list", "--json"]).stdout.utf8)) as? [[String: Any]] ?? []
        for (ref, kind, status) in [("R-3", "refund", "reversed"), ("R-4", "void", "declined"), ("R-5", "sale", "pending")] {
            let t = list.first { $0["reference"] as? String == ref }
            XCTAssertEqual(t?["kind"] as? String, kind, ref)
            XCTAssertEqual(t?["status"] as? String, status, ref)
        }
    }

    /// A session locked with `vaultcli lock`: the next command says why it ended, in Chinese.
    func testAnEndedSessionInChinese() {
        initVault()
        let run = dir + "/run"
        mkdir(run, 0o700)
        let env = ["XDG_RUNTIME_DIR": run]
        var r = vaultcli(["unlock", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n", env: zh.merging(env) { $1 })
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(vaultcli(["lock", "--vault", vault], env: env).status, 0)
        r = zhRun(["tx", "list", "--vault", vault], env: env)
        XCTAssertEqual(r.status, 5, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("vaultcli: error: 会话已结束：已用 `vaultcli lock` 锁定（于 "), r.stderr)
        XCTAssertTrue(r.stderr.contains("）；密钥已从内存中清除\n"), r.stderr)
    }

    /// A cashier's session after an admin changed her role: refused, with why, in Chinese.
    func testASessionWhoseOperatorChangedInChinese() {
        initVault()
        let run = dir + "/run"
        mkdir(run, 0o700)
        let env = ["XDG_RUNTIME_DIR": run]
        defer { vaultcli(["lock", "--vault", vault], env: env) }
        func admin(_ args: [String], _ lines: [String] = []) -> CLIResult {
            vaultcli(args + ["--vault", vault, "--user", "admin", "--password-stdin"], stdin: ([adminPassword] + lines).map { $0 + "\n" }.joined(), env: zh.merging(env) { $1 })
        }
        XCTAssertEqual(admin(["user", "add", "王芳", "--role", "cashier"], [cashierTemp]).status, 0)
        XCTAssertEqual(vaultcli(["user", "passwd", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierTemp + "\n" + cashierPass + "\n").status, 0)
        var r = vaultcli(["unlock", "--vault", vault, "--user", "王芳", "--password-stdin"], stdin: cashierPass + "\n", env: zh.merging(env) { $1 })
        XCTAssertEqual(r.status, 0, r.stderr)
        r = admin(["user", "role", "王芳", "manager"], ["Brisk-Otter-Lagoon-47!"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = zhRun(["tx", "list", "--vault", vault], env: env)
        XCTAssertNotEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("会话开始之后，操作员 王芳 被删除、改名或更换了角色"), r.stderr)
    }
}
