import Catalog
import Foundation
import XCTest

/// The message catalog: every key in both languages, the same placeholders, commands and flags
/// in both, no English sentence left in the Chinese; and how the language is chosen.
///
/// A key that is used but missing, or a key without one of its two texts, does not compile
/// (each area's `text` is an exhaustive switch giving both); these tests check what the compiler
/// cannot: that `Msg.allCases` holds every key declared in Sources/Catalog, so that the rules
/// below cover every message, and that each `Msg.key` names its own key.
final class CatalogTests: XCTestCase {
    /// The keys as the catalog's source declares them, read from Sources/Catalog: each area's
    /// `case` lines (area enum name, key) and each `Msg.key` forwarder (key, area case, area key).
    static func declared() throws -> (keys: [(area: String, key: String)], forwarders: [(name: String, area: String, key: String)]) {
        let dir = CLI.packageRoot.appendingPathComponent("Sources/Catalog")
        var keys: [(String, String)] = [], forwarders: [(String, String, String)] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }.sorted()
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            var area: String?
            for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if line.hasPrefix("public enum "), line.hasSuffix(": CaseIterable, Sendable {") {
                    area = String(line.dropFirst("public enum ".count).prefix { $0 != ":" })
                } else if line.hasPrefix("public var text:") {
                    area = nil
                } else if let a = area, line.hasPrefix("case ") {
                    for k in line.dropFirst(5).split(separator: ",") { keys.append((a, k.trimmingCharacters(in: .whitespaces))) }
                } else if line.hasPrefix("@_alwaysEmitIntoClient public static var "), line.hasSuffix(") }") {
                    // @_alwaysEmitIntoClient public static var NAME: Msg { .area(.NAME) } (the attribute:
                    // no function or symbol per getter in the binary, issue 12)
                    let parts = line.dropFirst("@_alwaysEmitIntoClient ".count).split(whereSeparator: { " :{}.()".contains($0) })
                    XCTAssertEqual(parts.count, 7, "\(file): \(line)")
                    if parts.count == 7 { forwarders.append((String(parts[3]), String(parts[5]), String(parts[6]))) }
                }
            }
        }
        return (keys, forwarders)
    }

    /// The area case and the key inside it.
    static func name(_ key: Msg) -> (area: String, key: String) {
        let child = Mirror(reflecting: key).children.first!
        return (child.label!, "\(child.value)")
    }

    func testAllCasesHoldsEveryDeclaredKeyAndEachKeyIsNamedOnce() throws {
        let (keys, forwarders) = try Self.declared()
        XCTAssertGreaterThan(keys.count, 1400)
        let all = Msg.allCases.map(Self.name)
        XCTAssertEqual(all.count, keys.count, "Msg.allCases and the keys declared in Sources/Catalog")
        XCTAssertEqual(Set(all.map(\.key)).count, all.count, "a key name used in two areas")
        // The area case that holds each area enum (`case common(Common)`) is the enum's name, lowercased first.
        let areaOf = Dictionary(uniqueKeysWithValues: Set(all.map(\.area)).map { ($0.prefix(1).uppercased() + $0.dropFirst(), $0) })
        XCTAssertEqual(Set(keys.map(\.area)).subtracting(areaOf.keys), [], "an area enum missing from Msg.allCases")
        let inAll = Set(all.map { "\($0.area).\($0.key)" })
        let inSource = Set(keys.map { "\(areaOf[$0.area] ?? $0.area).\($0.key)" })
        XCTAssertEqual(inSource.subtracting(inAll), [], "declared in Sources/Catalog, missing from Msg.allCases")
        XCTAssertEqual(inAll.subtracting(inSource), [], "in Msg.allCases, not found in Sources/Catalog")
        // Each `Msg.key` is `.area(.key)` for its own key, once.
        XCTAssertEqual(forwarders.count, keys.count, "a key without its Msg.key, or one twice")
        XCTAssertEqual(Set(forwarders.map(\.name)).count, forwarders.count, "a Msg.key declared twice")
        for f in forwarders where f.name != f.key {
            XCTFail("Msg.\(f.name) is .\(f.area)(.\(f.key)): another key")
        }
        let wired = Set(forwarders.map { "\($0.area).\($0.key)" })
        XCTAssertEqual(inAll.subtracting(wired), [], "a key without its Msg.key, or a Msg.key in the wrong area")
    }

    func testEveryKeyHasBothLanguages() {
        XCTAssertGreaterThan(Msg.allCases.count, 1400)
        for key in Msg.allCases {
            let (en, zh) = key.text
            XCTAssertFalse(en.trimmingCharacters(in: .whitespaces).isEmpty, "\(key): no English")
            XCTAssertFalse(zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(key): no Chinese")
            // A text with words in it is translated: the Chinese has Chinese in it.
            if en.range(of: "[a-z]{3,}", options: .regularExpression) != nil, EnglishText.sentences(in: en).count > 0 {
                XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): not translated: \(zh)")
            }
            XCTAssertEqual(EnglishText.sentences(in: zh), [], "\(key): English left in \(zh)")
        }
    }

    /// Every hint is true in both languages: the commands (`…`), flags and placeholders of the
    /// English are exactly those of the Chinese.
    func testCommandsFlagsAndPlaceholdersAreKept() {
        func all(_ pattern: String, _ s: String) -> [String] {
            let re = try! NSRegularExpression(pattern: pattern)
            return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range, in: s)!]) }
        }
        for key in Msg.allCases {
            let (en, zh) = key.text
            XCTAssertEqual(all("`[^`]*`", en).sorted(), all("`[^`]*`", zh).sorted(), "\(key): commands differ")
            XCTAssertEqual(Set(all("\\{[0-9]+\\}", en)), Set(all("\\{[0-9]+\\}", zh)), "\(key): placeholders differ")
            XCTAssertEqual(all("(?<![A-Za-z0-9`])--?[a-z][a-z0-9-]*", en.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)).sorted(),
                           all("(?<![A-Za-z0-9`])--?[a-z][a-z0-9-]*", zh.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)).sorted(),
                           "\(key): flags differ")
            XCTAssertEqual(Set(all("\\$[A-Z_]+", en)), Set(all("\\$[A-Z_]+", zh)), "\(key): variables differ")
        }
    }

    func testPlaceholdersAreFilledOnce() {
        XCTAssertEqual(tr(.opLocked, lang: .en, "{1}", "07:05"), "operator {1} is locked after too many failed logins, until 07:05")
        XCTAssertEqual(tr(.opLocked, lang: .zhHans, "小美", "07:05"), "操作员 小美 因登录失败次数过多已被锁定，直到 07:05")
        XCTAssertEqual(Msg.fill("{0} {x} {} {9}", ["a"]), "a {x} {} {9}")
    }

    func testLocaleNames() {
        for zh in ["zh_CN.UTF-8", "zh_CN", "zh_SG.GB18030", "zh_Hans", "zh_Hans_CN.UTF-8", "zh-Hans", "zh_CN@euro"] {
            XCTAssertEqual(Lang.fromLocale(zh), .zhHans, zh)
        }
        for en in ["C", "POSIX", "C.UTF-8", "en_US.UTF-8", "zh_TW.UTF-8", "zh_HK", "zh_Hant", "ja_JP.UTF-8", "zh"] {
            XCTAssertEqual(Lang.fromLocale(en), .en, en)
        }
    }

    func testEnvironmentOrder() {
        func lang(_ env: [String: String], option: String? = nil) -> Lang? {
            try? LangSelection.resolve(option: option, missing: false, environment: { env[$0] }).get()
        }
        XCTAssertEqual(lang(["LANG": "zh_CN.UTF-8"]), .zhHans)
        XCTAssertEqual(lang(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]), .en)
        XCTAssertEqual(lang(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_SG.UTF-8"]), .zhHans)
        XCTAssertEqual(lang(["LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"]), .en)
        XCTAssertEqual(lang(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]), .zhHans, "an empty LC_ALL is not set")
        XCTAssertEqual(lang(["LANG": "en_US.UTF-8", "VAULTCLI_LANG": "zh-Hans"]), .zhHans)
        XCTAssertEqual(lang(["LANG": "zh_CN.UTF-8", "VAULTCLI_LANG": "en"]), .en)
        XCTAssertEqual(lang(["VAULTCLI_LANG": "zh-Hans"], option: "en"), .en, "--lang beats $VAULTCLI_LANG")
        XCTAssertEqual(lang([:], option: "ZH_hans"), .zhHans)
        XCTAssertNil(lang([:], option: "fr"))
        XCTAssertNil(lang(["VAULTCLI_LANG": "zh-TW"]))
    }

    func testLangOptionIsTakenAnywhereBeforeDashDash() {
        let a = LangSelection.take(from: ["tx", "--lang", "zh-Hans", "list", "--lang=en", "--json", "--", "--lang", "x"])
        XCTAssertEqual(a.value, "en")
        XCTAssertEqual(a.rest, ["tx", "list", "--json", "--", "--lang", "x"])
        XCTAssertFalse(a.missing)
        let b = LangSelection.take(from: ["status", "--lang"])
        XCTAssertTrue(b.missing)
        XCTAssertEqual(b.rest, ["status"])
    }

    /// The detector itself: what it flags and what it lets through.
    func testEnglishSentenceDetector() {
        XCTAssertEqual(EnglishText.sentences(in: "vaultcli: error: wrong user name or password"), ["wrong user name or password"])
        XCTAssertEqual(EnglishText.sentences(in: "vaultcli: error: 用户名或密码错误"), [])
        XCTAssertEqual(EnglishText.sentences(in: "vaultcli: hint: 运行 `vaultcli user passwd --user ana` 设置新密码"), [])
        XCTAssertEqual(EnglishText.sentences(in: "       vaultcli keygen -o recovery-key.txt --add-to-vault --user admin"), [])
        XCTAssertEqual(EnglishText.sentences(in: "已登录：admin（管理员）。"), [])
        XCTAssertEqual(EnglishText.sentences(in: "无法打开 /media/usb/x.age：文件或目录不存在"), [])
        XCTAssertEqual(EnglishText.sentences(in: "时间  编号  ID  类型"), [])
        XCTAssertEqual(EnglishText.sentences(in: "TIME  ID  KIND  AMOUNT"), ["KIND AMOUNT"])
        XCTAssertEqual(EnglishText.sentences(in: "备份已写入：/tmp/a（1234 字节，read back）"), ["read back"])
        XCTAssertEqual(EnglishText.sentences(in: "Logged in as ana."), ["Logged in as ana"])
    }
}
