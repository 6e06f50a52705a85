// The catalog's keys and texts for check-password's feedback and crack times (zxcvbn), and the
// merchant name, personal data and v2 backups. See Catalog.swift and Messages.swift; terms:
// docs/GLOSSARY.md.

extension Msg {
    public enum Strength: CaseIterable, Sendable {
        // MARK: merchant name, check-password personal data, v2 backups (merged)
        case sumVaultNoDigest, infoMerchant, infoMerchantNone, dHereCheckPassword, cpJSONStdinNoTerminal
        case cpJSONStdinNoTerminalHint, cpAskUser, cpAskPhone, cpAskEmail, cpAskBirthday, cpAskName, cpAskMerchant
        case dInitMerchant, hInitMerchant, initAskMerchant, initMerchant, dPolicySetMerchant, poMerchantCleared
        case kitCodeNotShown, kitCodeNotShownHint, stMerchant, stMerchantNone
        // MARK: check-password: zxcvbn's feedback and times
        case sfTop10, sfTop100, sfVeryCommon, sfSimilarCommon, sfWordAlone, sfNamesAlone, sfNamesCommon
        case sfCapitalization, sfAllUppercase, sfReversed, sfSubstitutions, sfStraightRows, sfShortKeyboard
        case sfLongerKeyboard, sfRepeatsOne, sfRepeatsMany, sfAvoidRepeats, sfSequences, sfAvoidSequences
        case sfRecentYears, sfAvoidRecentYears, sfAvoidYearsYours, sfDates, sfAvoidDates, sfChinese, sfChineseAdd
        case sfFewWords, sfNoNeedSymbols, sfAnotherWord, sfStrong, sfGood, stLessThanSecond, stSeconds, stMinutes
        case stHours, stDays, stMonths, stYears, stCenturies

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .sfTop10: ("This is a top-10 common password.", "这是最常见的 10 个密码之一。")
            case .sfTop100: ("This is a top-100 common password.", "这是最常见的 100 个密码之一。")
            case .sfVeryCommon: ("This is a very common password.", "这是非常常见的密码。")
            case .sfSimilarCommon: ("This is similar to a commonly used password.", "这和一个常用密码很像。")
            case .sfWordAlone: ("A word by itself is easy to guess.", "单独一个单词很容易被猜到。")
            case .sfNamesAlone: ("Names and surnames by themselves are easy to guess.", "单独的名字和姓氏很容易被猜到。")
            case .sfNamesCommon: ("Common names and surnames are easy to guess.", "常见的名字和姓氏很容易被猜到。")
            case .sfCapitalization: ("Capitalization doesn't help very much.", "首字母大写帮助不大。")
            case .sfAllUppercase: ("All-uppercase is almost as easy to guess as all-lowercase.", "全部大写和全部小写差不多一样容易被猜到。")
            case .sfReversed: ("Reversed words aren't much harder to guess.", "把单词倒过来写并不会难猜多少。")
            case .sfSubstitutions: ("Predictable substitutions like '@' instead of 'a' don't help very much.", "用 '@' 代替 'a' 这类容易想到的替换帮助不大。")
            case .sfStraightRows: ("Straight rows of keys are easy to guess.", "键盘上一整排的按键很容易被猜到。")
            case .sfShortKeyboard: ("Short keyboard patterns are easy to guess.", "短的键盘图案很容易被猜到。")
            case .sfLongerKeyboard: ("Use a longer keyboard pattern with more turns.", "用更长、转折更多的键盘图案。")
            case .sfRepeatsOne: ("Repeats like \"aaa\" are easy to guess.", "像 \"aaa\" 这样的重复很容易被猜到。")
            case .sfRepeatsMany: ("Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
                                  "像 \"abcabcabc\" 这样的重复只比 \"abc\" 稍微难猜一点。")
            case .sfAvoidRepeats: ("Avoid repeated words and characters.", "避免重复的单词和字符。")
            case .sfSequences: ("Sequences like \"abc\" or \"6543\" are easy to guess.", "像 \"abc\" 或 \"6543\" 这样的连续字符很容易被猜到。")
            case .sfAvoidSequences: ("Avoid sequences.", "避免连续字符。")
            case .sfRecentYears: ("Recent years are easy to guess.", "最近的年份很容易被猜到。")
            case .sfAvoidRecentYears: ("Avoid recent years.", "避免最近的年份。")
            case .sfAvoidYearsYours: ("Avoid years that are associated with you.", "避免和你有关的年份。")
            case .sfDates: ("Dates are often easy to guess.", "日期往往很容易被猜到。")
            case .sfAvoidDates: ("Avoid dates and years that are associated with you.", "避免和你有关的日期和年份。")
            case .sfChinese: ("Chinese names, pinyin words, love and lucky numbers, brands and hotlines are easy to guess.",
                              "中文姓名、拼音、表白数字和吉利数字、品牌和客服热线都很容易被猜到。")
            case .sfChineseAdd: ("Add several random characters; a name, word or number that means something to you is tried first.",
                                 "加上几个随机字符；对你有意义的名字、词语或数字会最先被尝试。")
            case .sfFewWords: ("Use a few words, avoid common phrases.", "用几个单词，避免常见的短语。")
            case .sfNoNeedSymbols: ("No need for symbols, digits, or uppercase letters.", "不一定需要符号、数字或大写字母。")
            case .sfAnotherWord: ("Add another word or two. Uncommon words are better.", "再加一两个单词，越不常见越好。")
            case .sfStrong: ("Strong: no change needed.", "强：不需要修改。")
            case .sfGood: ("Good; a few more random characters or another uncommon word would make it very strong.",
                           "良好；再加几个随机字符或一个不常见的单词就会非常强。")
            case .stLessThanSecond: ("less than a second", "不到 1 秒")
            case .stSeconds: ("{0} seconds", "{0} 秒")
            case .stMinutes: ("{0} minutes", "{0} 分钟")
            case .stHours: ("{0} hours", "{0} 小时")
            case .stDays: ("{0} days", "{0} 天")
            case .stMonths: ("{0} months", "{0} 个月")
            case .stYears: ("{0} years", "{0} 年")
            case .stCenturies: ("centuries", "几百年")
            case .sumVaultNoDigest: ("  vault:     {0} bytes",
                                    "  保险库：    {0} 字节")
            case .infoMerchant: ("merchant:       {0}",
                                "商户名称：     {0}")
            case .infoMerchantNone: ("merchant:       (none set: `vaultcli policy set merchant-name NAME`)",
                                    "商户名称：     （未设置：`vaultcli policy set merchant-name NAME`）")
            case .dHereCheckPassword: (" Here that is --user, --phone, --email, --birthday, --name and --merchant (JSON keys \"user\", \"phone\", \"email\", \"birthday\", \"name\", \"terminal-id\", \"merchant\"); on a terminal, with none of them and no --from-json, each is asked for (Enter skips it). With --from-json -, the password comes from --password-file or the terminal.",
                                      "这里指 --user、--phone、--email、--birthday、--name 和 --merchant（JSON 键 \"user\"、\"phone\"、\"email\"、\"birthday\"、\"name\"、\"terminal-id\"、\"merchant\"）；在终端上，如果这些都没有给出，也没有 --from-json，会逐项询问（按回车跳过）。使用 --from-json - 时，密码从 --password-file 或终端读取。")
            case .cpJSONStdinNoTerminal: ("--from-json - takes standard input, and there is no terminal to ask for the password on",
                                         "--from-json - 占用了标准输入，而且没有终端可以询问密码")
            case .cpJSONStdinNoTerminalHint: ("give the password with --password-file PATH (mode 0600), or the JSON document with --from-json FILE",
                                             "用 --password-file PATH（权限 0600）提供密码，或用 --from-json FILE 提供 JSON 文档")
            case .cpAskUser: ("User name the password is for (Enter to skip): ",
                             "密码所属的用户名（回车跳过）：")
            case .cpAskPhone: ("Their phone (+8613812345678 or 13812345678; Enter to skip): ",
                              "其手机号（+8613812345678 或 13812345678；回车跳过）：")
            case .cpAskEmail: ("Their e-mail (Enter to skip): ",
                              "其邮箱（回车跳过）：")
            case .cpAskBirthday: ("Their birthday, YYYY-MM-DD (Enter to skip): ",
                                 "其生日，YYYY-MM-DD（回车跳过）：")
            case .cpAskName: ("Another name linked to them, e.g. a real name (Enter to skip): ",
                             "与其有关的另一个名字，例如真实姓名（回车跳过）：")
            case .cpAskMerchant: ("The shop's (merchant's) name (Enter to skip): ",
                                 "店铺（商户）名称（回车跳过）：")
            case .dInitMerchant: ("The merchant's (shop's) name (--merchant-name, JSON key \"merchant-name\", or asked on a terminal) is kept in the vault, shown by `info` and `status`, and refused inside every password (as typed, and its pinyin); an admin changes it later with `vaultcli policy set merchant-name NAME`.",
                                 "商户（店铺）名称（--merchant-name、JSON 键 \"merchant-name\"，或在终端上询问）保存在保险库中，由 `info` 和 `status` 显示；任何密码都不能包含它（原样或其拼音）。管理员以后可以用 `vaultcli policy set merchant-name NAME` 修改。")
            case .hInitMerchant: ("The merchant's (shop's) name, as on its sign or receipts, e.g. 王记面馆: passwords built from it are refused.",
                                 "商户（店铺）名称，与招牌或小票上的一致，例如 王记面馆：由它构成的密码会被拒绝。")
            case .initAskMerchant: ("The shop's (merchant's) name, as on its sign or receipts (Enter for none): ",
                                   "店铺（商户）名称，与招牌或小票上的一致（回车表示不设置）：")
            case .initMerchant: ("  merchant:    {0}",
                                "  商户名称：  {0}")
            case .dPolicySetMerchant: ("`vaultcli policy set merchant-name 王记面馆` sets the shop's name (\"\" clears it): it is kept in the admin-signed vault settings, shown by `info` and `status`, and every new password is refused when it contains it or its pinyin.",
                                      "`vaultcli policy set merchant-name 王记面馆` 设置店铺名称（\"\" 表示清除）：它保存在管理员签名的保险库设置中，由 `info` 和 `status` 显示；包含它或其拼音的新密码都会被拒绝。")
            case .poMerchantCleared: ("merchant-name cleared",
                                     "merchant-name 已清除")
            case .kitCodeNotShown: ("recovery code {0} could not be shown (no locked memory left for it)",
                                   "第 {0} 个恢复码无法显示（没有可用的锁定内存）")
            case .kitCodeNotShownHint: ("make a new set with `vaultcli recover codes --regenerate`",
                                       "用 `vaultcli recover codes --regenerate` 生成一组新的恢复码")
            case .stMerchant: ("Merchant: {0}",
                              "商户：{0}")
            case .stMerchantNone: ("Merchant: none set (an admin sets it with `vaultcli policy set merchant-name NAME`; passwords built from it are then refused)",
                                  "商户：未设置（管理员可以用 `vaultcli policy set merchant-name NAME` 设置；之后由它构成的密码会被拒绝）")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var sumVaultNoDigest: Msg { .strength(.sumVaultNoDigest) }
    @_alwaysEmitIntoClient public static var infoMerchant: Msg { .strength(.infoMerchant) }
    @_alwaysEmitIntoClient public static var infoMerchantNone: Msg { .strength(.infoMerchantNone) }
    @_alwaysEmitIntoClient public static var dHereCheckPassword: Msg { .strength(.dHereCheckPassword) }
    @_alwaysEmitIntoClient public static var cpJSONStdinNoTerminal: Msg { .strength(.cpJSONStdinNoTerminal) }
    @_alwaysEmitIntoClient public static var cpJSONStdinNoTerminalHint: Msg { .strength(.cpJSONStdinNoTerminalHint) }
    @_alwaysEmitIntoClient public static var cpAskUser: Msg { .strength(.cpAskUser) }
    @_alwaysEmitIntoClient public static var cpAskPhone: Msg { .strength(.cpAskPhone) }
    @_alwaysEmitIntoClient public static var cpAskEmail: Msg { .strength(.cpAskEmail) }
    @_alwaysEmitIntoClient public static var cpAskBirthday: Msg { .strength(.cpAskBirthday) }
    @_alwaysEmitIntoClient public static var cpAskName: Msg { .strength(.cpAskName) }
    @_alwaysEmitIntoClient public static var cpAskMerchant: Msg { .strength(.cpAskMerchant) }
    @_alwaysEmitIntoClient public static var dInitMerchant: Msg { .strength(.dInitMerchant) }
    @_alwaysEmitIntoClient public static var hInitMerchant: Msg { .strength(.hInitMerchant) }
    @_alwaysEmitIntoClient public static var initAskMerchant: Msg { .strength(.initAskMerchant) }
    @_alwaysEmitIntoClient public static var initMerchant: Msg { .strength(.initMerchant) }
    @_alwaysEmitIntoClient public static var dPolicySetMerchant: Msg { .strength(.dPolicySetMerchant) }
    @_alwaysEmitIntoClient public static var poMerchantCleared: Msg { .strength(.poMerchantCleared) }
    @_alwaysEmitIntoClient public static var kitCodeNotShown: Msg { .strength(.kitCodeNotShown) }
    @_alwaysEmitIntoClient public static var kitCodeNotShownHint: Msg { .strength(.kitCodeNotShownHint) }
    @_alwaysEmitIntoClient public static var stMerchant: Msg { .strength(.stMerchant) }
    @_alwaysEmitIntoClient public static var stMerchantNone: Msg { .strength(.stMerchantNone) }
    @_alwaysEmitIntoClient public static var sfTop10: Msg { .strength(.sfTop10) }
    @_alwaysEmitIntoClient public static var sfTop100: Msg { .strength(.sfTop100) }
    @_alwaysEmitIntoClient public static var sfVeryCommon: Msg { .strength(.sfVeryCommon) }
    @_alwaysEmitIntoClient public static var sfSimilarCommon: Msg { .strength(.sfSimilarCommon) }
    @_alwaysEmitIntoClient public static var sfWordAlone: Msg { .strength(.sfWordAlone) }
    @_alwaysEmitIntoClient public static var sfNamesAlone: Msg { .strength(.sfNamesAlone) }
    @_alwaysEmitIntoClient public static var sfNamesCommon: Msg { .strength(.sfNamesCommon) }
    @_alwaysEmitIntoClient public static var sfCapitalization: Msg { .strength(.sfCapitalization) }
    @_alwaysEmitIntoClient public static var sfAllUppercase: Msg { .strength(.sfAllUppercase) }
    @_alwaysEmitIntoClient public static var sfReversed: Msg { .strength(.sfReversed) }
    @_alwaysEmitIntoClient public static var sfSubstitutions: Msg { .strength(.sfSubstitutions) }
    @_alwaysEmitIntoClient public static var sfStraightRows: Msg { .strength(.sfStraightRows) }
    @_alwaysEmitIntoClient public static var sfShortKeyboard: Msg { .strength(.sfShortKeyboard) }
    @_alwaysEmitIntoClient public static var sfLongerKeyboard: Msg { .strength(.sfLongerKeyboard) }
    @_alwaysEmitIntoClient public static var sfRepeatsOne: Msg { .strength(.sfRepeatsOne) }
    @_alwaysEmitIntoClient public static var sfRepeatsMany: Msg { .strength(.sfRepeatsMany) }
    @_alwaysEmitIntoClient public static var sfAvoidRepeats: Msg { .strength(.sfAvoidRepeats) }
    @_alwaysEmitIntoClient public static var sfSequences: Msg { .strength(.sfSequences) }
    @_alwaysEmitIntoClient public static var sfAvoidSequences: Msg { .strength(.sfAvoidSequences) }
    @_alwaysEmitIntoClient public static var sfRecentYears: Msg { .strength(.sfRecentYears) }
    @_alwaysEmitIntoClient public static var sfAvoidRecentYears: Msg { .strength(.sfAvoidRecentYears) }
    @_alwaysEmitIntoClient public static var sfAvoidYearsYours: Msg { .strength(.sfAvoidYearsYours) }
    @_alwaysEmitIntoClient public static var sfDates: Msg { .strength(.sfDates) }
    @_alwaysEmitIntoClient public static var sfAvoidDates: Msg { .strength(.sfAvoidDates) }
    @_alwaysEmitIntoClient public static var sfChinese: Msg { .strength(.sfChinese) }
    @_alwaysEmitIntoClient public static var sfChineseAdd: Msg { .strength(.sfChineseAdd) }
    @_alwaysEmitIntoClient public static var sfFewWords: Msg { .strength(.sfFewWords) }
    @_alwaysEmitIntoClient public static var sfNoNeedSymbols: Msg { .strength(.sfNoNeedSymbols) }
    @_alwaysEmitIntoClient public static var sfAnotherWord: Msg { .strength(.sfAnotherWord) }
    @_alwaysEmitIntoClient public static var sfStrong: Msg { .strength(.sfStrong) }
    @_alwaysEmitIntoClient public static var sfGood: Msg { .strength(.sfGood) }
    @_alwaysEmitIntoClient public static var stLessThanSecond: Msg { .strength(.stLessThanSecond) }
    @_alwaysEmitIntoClient public static var stSeconds: Msg { .strength(.stSeconds) }
    @_alwaysEmitIntoClient public static var stMinutes: Msg { .strength(.stMinutes) }
    @_alwaysEmitIntoClient public static var stHours: Msg { .strength(.stHours) }
    @_alwaysEmitIntoClient public static var stDays: Msg { .strength(.stDays) }
    @_alwaysEmitIntoClient public static var stMonths: Msg { .strength(.stMonths) }
    @_alwaysEmitIntoClient public static var stYears: Msg { .strength(.stYears) }
    @_alwaysEmitIntoClient public static var stCenturies: Msg { .strength(.stCenturies) }
}
