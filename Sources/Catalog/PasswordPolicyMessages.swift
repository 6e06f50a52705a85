// The catalog's keys and texts for the password policy, its settings and their errors, the
// generator's errors, loose secret files. See Catalog.swift and Messages.swift; terms:
// docs/GLOSSARY.md.

extension Msg {
    public enum PasswordPolicy: CaseIterable, Sendable {
        // MARK: the password policy
        case polNotText, polTooShortOne, polTooShortMany, polTooLong, polNeeds, clsLetter, clsDigit, clsSymbol
        case clsUppercase, clsLowercase, polCommon, polPersonal, pdUsername, pdPhone, pdPhoneDigits, pdEmailName
        case pdBirthday, pdName, pdTerminalId, pdMerchantName, polDate, polRepeats, polSequence, polKeyboard
        case polGuessable, polChinese, habitName, habitWord, habitNumber, habitPlace, habitBrand, habitHotline, listTwo
        case listSeparator, promptPasswordToCheck, cpBrokeOne, cpBrokeMany, cpBrokeHint, cpAccepted, cpRejectedOne
        case cpRejectedMany
        // MARK: LooseSecretFile, PolicyError, GeneratorError
        case lsOwner, lsMode, lsAnd, lsMessage, lsChownHint, lsChmodHint, whatPasswordFile, whatIdentityFile
        case peUnknownKey, peUnknownKeyHint, peInvalid, peWholeNumber, peOnOff, peHours, peInvalidHint, peBelowFloor
        case peBelowFloorHint, peAboveCeiling, peAboveCeilingHint, peCannotDisable, peCannotDisableHint, geOutOfRange
        case geOutOfRangeHint, geNoClasses, geNoClassesHint, geTooShortOne, geTooShortMany, geTooShortHint
        case geClassEmptied, geClassEmptiedHint, geNothingLeft, geNothingLeftHint, geSepLetters, geSepLettersHint
        case geSepDigits, geSepDigitsHint, geSepControl, geSepTooLong, geSepHint, geFilter, geFilterHint
        // MARK: policy show (what each setting does, what it may be set to)
        case pmMinLength, pmRequireLetter, pmRequireDigit, pmRequireSymbol, pmRequireMixedCase, pmBlocklist
        case pmPersonalData, pmPatterns, pmMinStrength, pmHistory, pmExpiryDays, pmExpiryWarningDays
        case pmLockoutThreshold, pmLockoutMinutes, pmChangeOnFirstUse, pmAdminRecoveryByQuestions, pmBackupMaxAgeDays
        case pmBusinessHours, pmMerchantName, plAlwaysOn, plOnOrOff, plMerchantName, plBusinessHours

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .pmMinLength: ("minimum password length in characters", "密码的最少字符数")
            case .pmRequireLetter: ("at least one letter", "至少一个字母")
            case .pmRequireDigit: ("at least one digit", "至少一个数字")
            case .pmRequireSymbol: ("at least one symbol (not a letter or digit)", "至少一个符号（字母和数字以外的字符）")
            case .pmRequireMixedCase: ("both an uppercase and a lowercase letter (optional extra)", "大写和小写字母都要有（可选的附加要求）")
            case .pmBlocklist: ("refuse the 30,000 most common passwords and simple variants", "拒绝最常见的 30,000 个密码及其简单变体")
            case .pmPersonalData: ("refuse the user name, phone, email name, birthday and other names", "拒绝用户名、手机号、邮箱名、生日和其他名字")
            case .pmPatterns: ("refuse dates, repeats (aaaa), sequences (1234, abcd) and keyboard walks (qwer, 1qaz)",
                               "拒绝日期、重复（aaaa）、连续（1234、abcd）和键盘路径（qwer、1qaz）")
            case .pmMinStrength: ("minimum zxcvbn-style strength score (0-4)", "最低强度评分（zxcvbn 方式，0-4）")
            case .pmHistory: ("how many previous passwords cannot be reused", "不能重复使用的历史密码个数")
            case .pmExpiryDays: ("days before a password must be changed", "密码必须修改前的天数")
            case .pmExpiryWarningDays: ("days ahead of expiry that login warns", "到期前多少天登录时开始提醒")
            case .pmLockoutThreshold: ("failed logins in a row that lock the operator", "连续登录失败多少次后锁定操作员")
            case .pmLockoutMinutes: ("minutes an operator stays locked (or until `user unlock`)", "操作员保持锁定的分钟数（或直到 `user unlock`）")
            case .pmChangeOnFirstUse: ("a password set by an admin must be changed at first login", "管理员设置的密码必须在首次登录时修改")
            case .pmAdminRecoveryByQuestions: ("recovery questions alone may recover an admin's password (off: a recovery code or the recovery key is needed)",
                                               "只凭密保问题就可以找回管理员的密码（off：需要恢复码或恢复密钥）")
            case .pmBackupMaxAgeDays: ("days after the last good backup that `vaultcli status` calls it overdue (0: never)",
                                       "距离上次成功备份多少天后 `vaultcli status` 提示备份过期（0：从不）")
            case .pmBusinessHours: ("opening hours in local time, HH:MM-HH:MM or off; `vaultcli status` lists logins outside them",
                                    "营业时间（本地时间），HH:MM-HH:MM 或 off；`vaultcli status` 会列出营业时间以外的登录")
            case .pmMerchantName: ("The shop's name (as on its sign or receipts): passwords that contain it, or its pinyin, are refused.",
                                   "店铺名称（招牌或小票上的写法）：包含店名或其拼音的密码会被拒绝。")
            case .plAlwaysOn: ("always on", "始终开启")
            case .plOnOrOff: ("on or off", "on 或 off")
            case .plMerchantName: ("1-64 characters, or \"\" for none", "1-64 个字，\"\" 表示不设")
            case .plBusinessHours: ("HH:MM-HH:MM or off", "HH:MM-HH:MM 或 off")
            case .polNotText: ("it is not valid UTF-8 text, or it contains control characters",
                              "它不是有效的 UTF-8 文本，或含有控制字符")
            case .polTooShortOne: ("it is too short: {0} character, and at least {1} are needed",
                                  "太短：只有 {0} 个字符，至少需要 {1} 个")
            case .polTooShortMany: ("it is too short: {0} characters, and at least {1} are needed",
                                   "太短：只有 {0} 个字符，至少需要 {1} 个")
            case .polTooLong: ("it is too long: {0} characters, and at most {1} are allowed",
                              "太长：有 {0} 个字符，最多允许 {1} 个")
            case .polNeeds: ("it needs {0}",
                            "还需要{0}")
            case .clsLetter: ("a letter",
                             "字母")
            case .clsDigit: ("a digit",
                            "数字")
            case .clsSymbol: ("a symbol (such as ! # % or -)",
                             "符号（例如 ! # % 或 -）")
            case .clsUppercase: ("an uppercase letter",
                                "大写字母")
            case .clsLowercase: ("a lowercase letter",
                                "小写字母")
            case .polCommon: ("it is a commonly used password, or one with only small changes (capitals, digits or symbols added at the ends, @ for a, 0 for o and the like)",
                             "这是常用密码，或只是稍加改动的常用密码（首尾加大写、数字或符号，用 @ 代替 a、0 代替 o 之类）")
            case .polPersonal: ("it contains {0}",
                               "含有{0}")
            case .pdUsername: ("your user name",
                              "您的用户名")
            case .pdPhone: ("your phone number",
                           "您的手机号")
            case .pdPhoneDigits: ("digits of your phone number (4 to 8 of its last digits)",
                                 "您手机号的数字（末尾的 4 到 8 位）")
            case .pdEmailName: ("the name part of your email address",
                               "您邮箱地址 @ 前面的部分")
            case .pdBirthday: ("your birthday",
                              "您的生日")
            case .pdName: ("a name linked to you",
                          "与您有关的名字")
            case .pdTerminalId: ("the terminal's id",
                                "终端号")
            case .pdMerchantName: ("the shop's (merchant's) name",
                                  "店铺（商户）名称")
            case .polDate: ("it contains a date or a year (like 19900101, 900101, 0101 or 1990)",
                           "含有日期或年份（例如 19900101、900101、0101 或 1990）")
            case .polRepeats: ("it repeats a character or a short group of characters (like aaaa or 121212)",
                              "重复同一个字符或一小组字符（例如 aaaa 或 121212）")
            case .polSequence: ("it contains a sequence (like 1234, 4321 or abcd)",
                               "含有连续序列（例如 1234、4321 或 abcd）")
            case .polKeyboard: ("it contains a keyboard pattern (like qwerty, asdf, zxcv or 1qaz)",
                               "含有键盘上的连续按键（例如 qwerty、asdf、zxcv 或 1qaz）")
            case .polGuessable: ("it is too easy to guess: its strength score is {0} of 4, and at least {1} is needed",
                                "太容易猜到：强度评分 {0}（满分 4），至少需要 {1}")
            case .polChinese: ("it is built from what Chinese passwords often use, which attackers try first: {0}",
                              "由中文密码常用的内容组成，攻击者会最先尝试：{0}")
            case .habitName: ("a Chinese name in pinyin (like zhangwei, wangfang or lixm)",
                             "拼音的中文姓名（例如 zhangwei、wangfang 或 lixm）")
            case .habitWord: ("a common Chinese password word in pinyin (like woaini, laopo or baobei)",
                             "常见的拼音密码词（例如 woaini、laopo 或 baobei）")
            case .habitNumber: ("a lucky number or love number (like 5201314, 1314, 520, 888 or 168)",
                               "吉利数字或表白数字（例如 5201314、1314、520、888 或 168）")
            case .habitPlace: ("a Chinese city or province in pinyin (like beijing or shenzhen)",
                              "拼音的中国城市或省份（例如 beijing 或 shenzhen）")
            case .habitBrand: ("a payment, bank or shop brand (like Lakala, UnionPay, yinlian, Alipay, zhifubao, WeChat or weixin)",
                              "支付、银行或商店品牌（例如 Lakala、UnionPay、yinlian、Alipay、zhifubao、WeChat 或 weixin）")
            case .habitHotline: ("a payment or bank service hotline (like 95016 or 95516)",
                                "支付或银行客服热线（例如 95016 或 95516）")
            case .listTwo: ("{0} and {1}",
                           "{0}和{1}")
            case .listSeparator: (", ",
                                 "、")
            case .promptPasswordToCheck: ("Password to check: ",
                                         "要检查的密码：")
            case .cpBrokeOne: ("the password breaks the policy ({0} rule)",
                              "密码不符合密码规则（{0} 条）")
            case .cpBrokeMany: ("the password breaks the policy ({0} rules)",
                               "密码不符合密码规则（{0} 条）")
            case .cpBrokeHint: ("choose another, or let `vaultcli genpass` make one",
                               "请换一个，或让 `vaultcli genpass` 生成一个")
            case .cpAccepted: ("policy: accepted",
                              "密码规则：通过")
            case .cpRejectedOne: ("policy: rejected, {0} rule broken:",
                                 "密码规则：未通过，违反 {0} 条：")
            case .cpRejectedMany: ("policy: rejected, {0} rules broken:",
                                  "密码规则：未通过，违反 {0} 条：")
            case .lsOwner: ("is owned by user id {0}, not by you ({1})",
                           "属于用户 ID {0}，不属于您（{1}）")
            case .lsMode: ("can be read by others (mode {0})",
                          "其他人可以读取（权限 {0}）")
            case .lsAnd: (" and ",
                         "，并且")
            case .lsMessage: ("the {0} {1} {2}, so it was not used",
                             "{0} {1} {2}，所以没有使用它")
            case .lsChownHint: ("make it yours: `sudo chown {0} {1}` (or copy it to a file of your own)",
                               "请把它改成您的：`sudo chown {0} {1}`（或复制到您自己的文件）")
            case .lsChmodHint: ("run `chmod 600 {0}` and try again",
                               "请运行 `chmod 600 {0}` 后再试")
            case .whatPasswordFile: ("password file",
                                    "密码文件")
            case .whatIdentityFile: ("identity file",
                                    "身份文件")
            case .peUnknownKey: ("there is no policy setting called \"{0}\"",
                                "没有名为“{0}”的规则设置")
            case .peUnknownKeyHint: ("the settings are: {0}",
                                    "设置项有：{0}")
            case .peInvalid: ("\"{0}\" is not a valid value for {1}: expected {2}",
                             "“{0}”不是 {1} 的有效值：应为{2}")
            case .peWholeNumber: ("a whole number",
                                 "整数")
            case .peOnOff: ("on or off",
                           "on 或 off")
            case .peHours: ("HH:MM-HH:MM in local time (for example 08:00-22:00), or off",
                           "本地时间 HH:MM-HH:MM（例如 08:00-22:00），或 off")
            case .peInvalidHint: ("see `vaultcli policy show` for each setting and its range",
                                 "每项设置及其范围见 `vaultcli policy show`")
            case .peBelowFloor: ("{0} cannot be set to {1}: the floor is {2} ({3})",
                                "{0} 不能设为 {1}：下限是 {2}（{3}）")
            case .peBelowFloorHint: ("choose {0} or more",
                                    "请选 {0} 或更大的值")
            case .peAboveCeiling: ("{0} cannot be set to {1}: the most allowed is {2} ({3})",
                                  "{0} 不能设为 {1}：最大允许 {2}（{3}）")
            case .peAboveCeilingHint: ("choose {0} or less",
                                      "请选 {0} 或更小的值")
            case .peCannotDisable: ("{0} cannot be turned off: it is required ({1})",
                                   "{0} 不能关闭：这是必需的（{1}）")
            case .peCannotDisableHint: ("the rule stays on; other settings can be made stricter",
                                       "这条规则保持开启；其他设置可以改得更严格")
            case .geOutOfRange: ("{0} must be between {1} and {2}, not {3}",
                                "{0} 必须在 {1} 到 {2} 之间，不能是 {3}")
            case .geOutOfRangeHint: ("choose {0} from {1} to {2}",
                                    "请在 {1} 到 {2} 之间选择 {0}")
            case .geNoClasses: ("no character class is chosen, so there is nothing to draw from",
                               "没有选择任何字符类别，无从抽取")
            case .geNoClassesHint: ("choose at least one with --classes upper,lower,digits,symbols",
                                   "请用 --classes upper,lower,digits,symbols 至少选一个")
            case .geTooShortOne: ("a password of {0} character cannot hold one of each of the {1} chosen classes",
                                 "{0} 个字符的密码放不下所选 {1} 个类别各一个")
            case .geTooShortMany: ("a password of {0} characters cannot hold one of each of the {1} chosen classes",
                                  "{0} 个字符的密码放不下所选 {1} 个类别各一个")
            case .geTooShortHint: ("use --length {0} or more, choose fewer classes, or add --no-require-each",
                                  "请用 --length {0} 或更长，选少一些类别，或加上 --no-require-each")
            case .geClassEmptied: ("every character of the {0} class is excluded, but that class is chosen",
                                  "{0} 类的所有字符都被排除了，但选了这个类别")
            case .geClassEmptiedHint: ("exclude fewer characters, or leave {0} out of --classes",
                                      "请少排除一些字符，或从 --classes 中去掉 {0}")
            case .geNothingLeft: ("every character is excluded",
                                 "所有字符都被排除了")
            case .geNothingLeftHint: ("exclude fewer characters",
                                     "请少排除一些字符")
            case .geSepLetters: ("the separator contains letters, which would make word boundaries ambiguous",
                                "分隔符含有字母，会让单词边界不清楚")
            case .geSepLettersHint: ("use symbols, a space or nothing as the separator, e.g. --separator -",
                                    "请用符号、空格或不用分隔符，例如 --separator -")
            case .geSepDigits: ("the separator contains digits, which --with-number also adds",
                               "分隔符含有数字，而 --with-number 也会加数字")
            case .geSepDigitsHint: ("use a separator without digits, or drop --with-number",
                                   "请用不含数字的分隔符，或去掉 --with-number")
            case .geSepControl: ("the separator contains control characters",
                                "分隔符含有控制字符")
            case .geSepTooLong: ("the separator is {0} characters long; at most 8 are allowed",
                                "分隔符有 {0} 个字符；最多允许 8 个")
            case .geSepHint: ("use a short separator such as - . _ or a space",
                             "请用短的分隔符，例如 - . _ 或空格")
            case .geFilter: ("almost every candidate breaks the password policy's pattern rules with these settings",
                            "按这些设置，几乎每个候选都违反密码规则中的模式规则")
            case .geFilterHint: ("use a longer --length or more characters",
                                "请用更长的 --length 或更多的字符")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var polNotText: Msg { .passwordPolicy(.polNotText) }
    @_alwaysEmitIntoClient public static var polTooShortOne: Msg { .passwordPolicy(.polTooShortOne) }
    @_alwaysEmitIntoClient public static var polTooShortMany: Msg { .passwordPolicy(.polTooShortMany) }
    @_alwaysEmitIntoClient public static var polTooLong: Msg { .passwordPolicy(.polTooLong) }
    @_alwaysEmitIntoClient public static var polNeeds: Msg { .passwordPolicy(.polNeeds) }
    @_alwaysEmitIntoClient public static var clsLetter: Msg { .passwordPolicy(.clsLetter) }
    @_alwaysEmitIntoClient public static var clsDigit: Msg { .passwordPolicy(.clsDigit) }
    @_alwaysEmitIntoClient public static var clsSymbol: Msg { .passwordPolicy(.clsSymbol) }
    @_alwaysEmitIntoClient public static var clsUppercase: Msg { .passwordPolicy(.clsUppercase) }
    @_alwaysEmitIntoClient public static var clsLowercase: Msg { .passwordPolicy(.clsLowercase) }
    @_alwaysEmitIntoClient public static var polCommon: Msg { .passwordPolicy(.polCommon) }
    @_alwaysEmitIntoClient public static var polPersonal: Msg { .passwordPolicy(.polPersonal) }
    @_alwaysEmitIntoClient public static var pdUsername: Msg { .passwordPolicy(.pdUsername) }
    @_alwaysEmitIntoClient public static var pdPhone: Msg { .passwordPolicy(.pdPhone) }
    @_alwaysEmitIntoClient public static var pdPhoneDigits: Msg { .passwordPolicy(.pdPhoneDigits) }
    @_alwaysEmitIntoClient public static var pdEmailName: Msg { .passwordPolicy(.pdEmailName) }
    @_alwaysEmitIntoClient public static var pdBirthday: Msg { .passwordPolicy(.pdBirthday) }
    @_alwaysEmitIntoClient public static var pdName: Msg { .passwordPolicy(.pdName) }
    @_alwaysEmitIntoClient public static var pdTerminalId: Msg { .passwordPolicy(.pdTerminalId) }
    @_alwaysEmitIntoClient public static var pdMerchantName: Msg { .passwordPolicy(.pdMerchantName) }
    @_alwaysEmitIntoClient public static var polDate: Msg { .passwordPolicy(.polDate) }
    @_alwaysEmitIntoClient public static var polRepeats: Msg { .passwordPolicy(.polRepeats) }
    @_alwaysEmitIntoClient public static var polSequence: Msg { .passwordPolicy(.polSequence) }
    @_alwaysEmitIntoClient public static var polKeyboard: Msg { .passwordPolicy(.polKeyboard) }
    @_alwaysEmitIntoClient public static var polGuessable: Msg { .passwordPolicy(.polGuessable) }
    @_alwaysEmitIntoClient public static var polChinese: Msg { .passwordPolicy(.polChinese) }
    @_alwaysEmitIntoClient public static var habitName: Msg { .passwordPolicy(.habitName) }
    @_alwaysEmitIntoClient public static var habitWord: Msg { .passwordPolicy(.habitWord) }
    @_alwaysEmitIntoClient public static var habitNumber: Msg { .passwordPolicy(.habitNumber) }
    @_alwaysEmitIntoClient public static var habitPlace: Msg { .passwordPolicy(.habitPlace) }
    @_alwaysEmitIntoClient public static var habitBrand: Msg { .passwordPolicy(.habitBrand) }
    @_alwaysEmitIntoClient public static var habitHotline: Msg { .passwordPolicy(.habitHotline) }
    @_alwaysEmitIntoClient public static var listTwo: Msg { .passwordPolicy(.listTwo) }
    @_alwaysEmitIntoClient public static var listSeparator: Msg { .passwordPolicy(.listSeparator) }
    @_alwaysEmitIntoClient public static var promptPasswordToCheck: Msg { .passwordPolicy(.promptPasswordToCheck) }
    @_alwaysEmitIntoClient public static var cpBrokeOne: Msg { .passwordPolicy(.cpBrokeOne) }
    @_alwaysEmitIntoClient public static var cpBrokeMany: Msg { .passwordPolicy(.cpBrokeMany) }
    @_alwaysEmitIntoClient public static var cpBrokeHint: Msg { .passwordPolicy(.cpBrokeHint) }
    @_alwaysEmitIntoClient public static var cpAccepted: Msg { .passwordPolicy(.cpAccepted) }
    @_alwaysEmitIntoClient public static var cpRejectedOne: Msg { .passwordPolicy(.cpRejectedOne) }
    @_alwaysEmitIntoClient public static var cpRejectedMany: Msg { .passwordPolicy(.cpRejectedMany) }
    @_alwaysEmitIntoClient public static var lsOwner: Msg { .passwordPolicy(.lsOwner) }
    @_alwaysEmitIntoClient public static var lsMode: Msg { .passwordPolicy(.lsMode) }
    @_alwaysEmitIntoClient public static var lsAnd: Msg { .passwordPolicy(.lsAnd) }
    @_alwaysEmitIntoClient public static var lsMessage: Msg { .passwordPolicy(.lsMessage) }
    @_alwaysEmitIntoClient public static var lsChownHint: Msg { .passwordPolicy(.lsChownHint) }
    @_alwaysEmitIntoClient public static var lsChmodHint: Msg { .passwordPolicy(.lsChmodHint) }
    @_alwaysEmitIntoClient public static var whatPasswordFile: Msg { .passwordPolicy(.whatPasswordFile) }
    @_alwaysEmitIntoClient public static var whatIdentityFile: Msg { .passwordPolicy(.whatIdentityFile) }
    @_alwaysEmitIntoClient public static var peUnknownKey: Msg { .passwordPolicy(.peUnknownKey) }
    @_alwaysEmitIntoClient public static var peUnknownKeyHint: Msg { .passwordPolicy(.peUnknownKeyHint) }
    @_alwaysEmitIntoClient public static var peInvalid: Msg { .passwordPolicy(.peInvalid) }
    @_alwaysEmitIntoClient public static var peWholeNumber: Msg { .passwordPolicy(.peWholeNumber) }
    @_alwaysEmitIntoClient public static var peOnOff: Msg { .passwordPolicy(.peOnOff) }
    @_alwaysEmitIntoClient public static var peHours: Msg { .passwordPolicy(.peHours) }
    @_alwaysEmitIntoClient public static var peInvalidHint: Msg { .passwordPolicy(.peInvalidHint) }
    @_alwaysEmitIntoClient public static var peBelowFloor: Msg { .passwordPolicy(.peBelowFloor) }
    @_alwaysEmitIntoClient public static var peBelowFloorHint: Msg { .passwordPolicy(.peBelowFloorHint) }
    @_alwaysEmitIntoClient public static var peAboveCeiling: Msg { .passwordPolicy(.peAboveCeiling) }
    @_alwaysEmitIntoClient public static var peAboveCeilingHint: Msg { .passwordPolicy(.peAboveCeilingHint) }
    @_alwaysEmitIntoClient public static var peCannotDisable: Msg { .passwordPolicy(.peCannotDisable) }
    @_alwaysEmitIntoClient public static var peCannotDisableHint: Msg { .passwordPolicy(.peCannotDisableHint) }
    @_alwaysEmitIntoClient public static var geOutOfRange: Msg { .passwordPolicy(.geOutOfRange) }
    @_alwaysEmitIntoClient public static var geOutOfRangeHint: Msg { .passwordPolicy(.geOutOfRangeHint) }
    @_alwaysEmitIntoClient public static var geNoClasses: Msg { .passwordPolicy(.geNoClasses) }
    @_alwaysEmitIntoClient public static var geNoClassesHint: Msg { .passwordPolicy(.geNoClassesHint) }
    @_alwaysEmitIntoClient public static var geTooShortOne: Msg { .passwordPolicy(.geTooShortOne) }
    @_alwaysEmitIntoClient public static var geTooShortMany: Msg { .passwordPolicy(.geTooShortMany) }
    @_alwaysEmitIntoClient public static var geTooShortHint: Msg { .passwordPolicy(.geTooShortHint) }
    @_alwaysEmitIntoClient public static var geClassEmptied: Msg { .passwordPolicy(.geClassEmptied) }
    @_alwaysEmitIntoClient public static var geClassEmptiedHint: Msg { .passwordPolicy(.geClassEmptiedHint) }
    @_alwaysEmitIntoClient public static var geNothingLeft: Msg { .passwordPolicy(.geNothingLeft) }
    @_alwaysEmitIntoClient public static var geNothingLeftHint: Msg { .passwordPolicy(.geNothingLeftHint) }
    @_alwaysEmitIntoClient public static var geSepLetters: Msg { .passwordPolicy(.geSepLetters) }
    @_alwaysEmitIntoClient public static var geSepLettersHint: Msg { .passwordPolicy(.geSepLettersHint) }
    @_alwaysEmitIntoClient public static var geSepDigits: Msg { .passwordPolicy(.geSepDigits) }
    @_alwaysEmitIntoClient public static var geSepDigitsHint: Msg { .passwordPolicy(.geSepDigitsHint) }
    @_alwaysEmitIntoClient public static var geSepControl: Msg { .passwordPolicy(.geSepControl) }
    @_alwaysEmitIntoClient public static var geSepTooLong: Msg { .passwordPolicy(.geSepTooLong) }
    @_alwaysEmitIntoClient public static var geSepHint: Msg { .passwordPolicy(.geSepHint) }
    @_alwaysEmitIntoClient public static var geFilter: Msg { .passwordPolicy(.geFilter) }
    @_alwaysEmitIntoClient public static var geFilterHint: Msg { .passwordPolicy(.geFilterHint) }
    @_alwaysEmitIntoClient public static var pmMinLength: Msg { .passwordPolicy(.pmMinLength) }
    @_alwaysEmitIntoClient public static var pmRequireLetter: Msg { .passwordPolicy(.pmRequireLetter) }
    @_alwaysEmitIntoClient public static var pmRequireDigit: Msg { .passwordPolicy(.pmRequireDigit) }
    @_alwaysEmitIntoClient public static var pmRequireSymbol: Msg { .passwordPolicy(.pmRequireSymbol) }
    @_alwaysEmitIntoClient public static var pmRequireMixedCase: Msg { .passwordPolicy(.pmRequireMixedCase) }
    @_alwaysEmitIntoClient public static var pmBlocklist: Msg { .passwordPolicy(.pmBlocklist) }
    @_alwaysEmitIntoClient public static var pmPersonalData: Msg { .passwordPolicy(.pmPersonalData) }
    @_alwaysEmitIntoClient public static var pmPatterns: Msg { .passwordPolicy(.pmPatterns) }
    @_alwaysEmitIntoClient public static var pmMinStrength: Msg { .passwordPolicy(.pmMinStrength) }
    @_alwaysEmitIntoClient public static var pmHistory: Msg { .passwordPolicy(.pmHistory) }
    @_alwaysEmitIntoClient public static var pmExpiryDays: Msg { .passwordPolicy(.pmExpiryDays) }
    @_alwaysEmitIntoClient public static var pmExpiryWarningDays: Msg { .passwordPolicy(.pmExpiryWarningDays) }
    @_alwaysEmitIntoClient public static var pmLockoutThreshold: Msg { .passwordPolicy(.pmLockoutThreshold) }
    @_alwaysEmitIntoClient public static var pmLockoutMinutes: Msg { .passwordPolicy(.pmLockoutMinutes) }
    @_alwaysEmitIntoClient public static var pmChangeOnFirstUse: Msg { .passwordPolicy(.pmChangeOnFirstUse) }
    @_alwaysEmitIntoClient public static var pmAdminRecoveryByQuestions: Msg { .passwordPolicy(.pmAdminRecoveryByQuestions) }
    @_alwaysEmitIntoClient public static var pmBackupMaxAgeDays: Msg { .passwordPolicy(.pmBackupMaxAgeDays) }
    @_alwaysEmitIntoClient public static var pmBusinessHours: Msg { .passwordPolicy(.pmBusinessHours) }
    @_alwaysEmitIntoClient public static var pmMerchantName: Msg { .passwordPolicy(.pmMerchantName) }
    @_alwaysEmitIntoClient public static var plAlwaysOn: Msg { .passwordPolicy(.plAlwaysOn) }
    @_alwaysEmitIntoClient public static var plOnOrOff: Msg { .passwordPolicy(.plOnOrOff) }
    @_alwaysEmitIntoClient public static var plMerchantName: Msg { .passwordPolicy(.plMerchantName) }
    @_alwaysEmitIntoClient public static var plBusinessHours: Msg { .passwordPolicy(.plBusinessHours) }
}
