// The catalog's keys and texts for genpass, audit, check-password, policy, keygen and upgrade.
// See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Tools: CaseIterable, Sendable {
        // MARK: genpass, audit, check-password, policy, keygen, upgrade
        case dGenpass, hLength, hClasses, hUpper, hLower, hDigits, hSymbols, hNoAmbiguous, hExclude, hEveryClass
        case hWords, hPassphraseSix, hSeparator, hCapitalize, hWithNumber, hPinN, hCount, gpEntropy, gpPinVsWords
        case gpPinVsWordsHint, gpNotForPin, gpNotForPinHint, gpPassphraseAndWords, gpUseOne, gpNotForPassphrase
        case gpNotForPassphraseHint, gpOnlyPassphrase, gpOnlyPassphraseHint, gpClassesEmpty, gpClassesEmptyHint
        case gpNotAClass, gpNotAClassHint, dAudit, auSayWhoYouAre, auNotADate, hAuditList, hAuditUser, hAuditSince
        case hAuditAction, hAuditSummary, hAuditCSV, colAction, colOutcome, colCount, colTotal, hAuditVerify
        case dAuditVerify, auIntact, dCheckPassword, hCpUser, hCpPhone, hCpEmail, hCpBirthday, hCpName, hCpTerminal
        case hCpMerchant, cpNotADate, cpNotADateHint, cpStrength, cpScore0, cpScore1, cpScore2, cpScore3, cpScore4
        case cpGuesses, cpOnline, cpOffline, cpAdvice, hPolicyShow, colSetting, colValue, colAllowed, colWhatItDoes
        case poChangeHint, hPolicySet, dPolicySet, hPolicyKey, hPolicyValue, dKeygen, hKeygenOutput, hAddToVault
        case kgJSONNeedsOutput, kgAddNeedsOutput, kgAdded, kgToTerminal, kgPublicKey, upAlready, dRekey, hRenewRecovery
        case progressRekey, upMoved, upKeptAt, upCodesRenewed

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .dGenpass: ("By default: one password of 20 characters with at least one uppercase letter, one lowercase letter, one digit and one symbol, which passes the default password policy and carries about 131 bits of entropy. Every character is drawn with libsodium's randombytes_uniform (no modulo bias).\n\n--json gives each result with the entropy of the distribution it was drawn from: log2 of the number of strings the settings allow (counted exactly when every class must appear), less what the policy filter removes.\n\nPINs (--pin N) are digits only. They never are a common PIN (000000, 123456, a repeated or sequential pattern, a date), but they fail the password policy by design: use them for terminals and cards, not as operator passwords. Passphrases pass the policy's character rule only with --with-number (and a symbol separator such as -).",
                            "默认：一个 20 个字符的密码，至少包含一个大写字母、一个小写字母、一个数字和一个符号，能通过默认密码规则，熵约 131 位。每个字符都用 libsodium 的 randombytes_uniform 抽取（没有取模偏差）。\n\n--json 会给出每个结果所属分布的熵：设置所允许的字符串个数的 log2（要求每类都出现时精确计算），再减去密码规则过滤掉的部分。\n\nPIN（--pin N）只有数字。它们绝不会是常见 PIN（000000、123456、重复或连续的模式、日期），但按设计通不过密码规则：请用于终端和卡片，不要用作操作员密码。口令只有加上 --with-number（并用符号作分隔符，例如 -）才能通过规则中的字符要求。")
            case .hLength: ("Password length in characters (default 20).",
                           "密码长度，按字符计（默认 20）。")
            case .hClasses: ("Character classes, comma-separated: upper, lower, digits, symbols (also letters, all). Default: all four.",
                            "字符类别，用逗号分隔：upper、lower、digits、symbols（也可以是 letters、all）。默认：全部四类。")
            case .hUpper: ("Add or remove uppercase letters A-Z.",
                          "加入或去掉大写字母 A-Z。")
            case .hLower: ("Add or remove lowercase letters a-z.",
                          "加入或去掉小写字母 a-z。")
            case .hDigits: ("Add or remove digits 0-9.",
                           "加入或去掉数字 0-9。")
            case .hSymbols: ("Add or remove the 32 ASCII symbols.",
                            "加入或去掉 32 个 ASCII 符号。")
            case .hNoAmbiguous: ("Leave out characters that are easy to misread: 0 O 1 l I |.",
                                "去掉容易看错的字符：0 O 1 l I |。")
            case .hExclude: ("Characters never to use.",
                            "绝不使用的字符。")
            case .hEveryClass: ("Make every chosen class appear at least once (default on).",
                               "让每个选中的类别至少出现一次（默认开启）。")
            case .hWords: ("A passphrase of N words from the EFF long wordlist.",
                          "由 EFF 长词表中 N 个单词组成的口令。")
            case .hPassphraseSix: ("A passphrase of 6 words (the same as --words 6).",
                                  "6 个单词的口令（同 --words 6）。")
            case .hSeparator: ("Passphrase word separator (default -).",
                              "口令中单词的分隔符（默认 -）。")
            case .hCapitalize: ("Capitalise each passphrase word.",
                               "口令中每个单词首字母大写。")
            case .hWithNumber: ("Add one random digit after one random passphrase word.",
                               "在随机一个单词后面加一个随机数字。")
            case .hPinN: ("A numeric PIN of N digits (4 to 12; 6 is usual for terminals).",
                         "N 位数字的 PIN（4 到 12；终端通常用 6 位）。")
            case .hCount: ("How many to generate (default 1, at most 10000).",
                          "生成几个（默认 1，最多 10000）。")
            case .gpEntropy: ("{0} bits of entropy each",
                             "每个的熵为 {0} 位")
            case .gpPinVsWords: ("--pin and {0} ask for two different things",
                                "--pin 和 {0} 要的是两种不同的东西")
            case .gpPinVsWordsHint: ("use --pin N for a PIN, or --words N for a passphrase",
                                    "要 PIN 用 --pin N，要口令用 --words N")
            case .gpNotForPin: ("{0} does not apply to --pin: a PIN is digits only",
                               "{0} 不适用于 --pin：PIN 只有数字")
            case .gpNotForPinHint: ("drop {0}, or drop --pin to generate a password",
                                   "请去掉 {0}，或去掉 --pin 来生成密码")
            case .gpPassphraseAndWords: ("--passphrase and --words both choose the number of words",
                                        "--passphrase 和 --words 都是在选单词个数")
            case .gpUseOne: ("use one of them",
                            "请只用其中一个")
            case .gpNotForPassphrase: ("{0} does not apply to a passphrase",
                                      "{0} 不适用于口令")
            case .gpNotForPassphraseHint: ("drop {0}, or drop --words to generate a password",
                                          "请去掉 {0}，或去掉 --words 来生成密码")
            case .gpOnlyPassphrase: ("{0} applies only to passphrases",
                                    "{0} 只适用于口令")
            case .gpOnlyPassphraseHint: ("add --words N (or --passphrase), or drop {0}",
                                        "请加上 --words N（或 --passphrase），或去掉 {0}")
            case .gpClassesEmpty: ("--classes is empty",
                                  "--classes 是空的")
            case .gpClassesEmptyHint: ("name at least one of upper, lower, digits, symbols, e.g. --classes lower,digits",
                                      "请至少写一个：upper、lower、digits、symbols，例如 --classes lower,digits")
            case .gpNotAClass: ("\"{0}\" is not a character class",
                               "“{0}”不是字符类别")
            case .gpNotAClassHint: ("the classes are upper, lower, digits and symbols (also letters and all)",
                                   "类别有 upper、lower、digits 和 symbols（也可以是 letters 和 all）")
            case .dAudit: ("Here --user filters by operator; say who you are with --as NAME (or $VAULTCLI_USER).",
                          "这里 --user 用来按操作员筛选；请用 --as NAME（或 $VAULTCLI_USER）说明您是谁。")
            case .auSayWhoYouAre: ("say who you are with --as NAME (or set $VAULTCLI_USER)",
                                  "请用 --as NAME 说明您是谁（或设置 $VAULTCLI_USER）")
            case .auNotADate: ("\"{0}\" is not a date: use YYYY-MM-DD or an ISO 8601 time like 2026-11-22T18:00:00+08:00",
                              "“{0}”不是日期：请用 YYYY-MM-DD 或 ISO 8601 时间，例如 2026-11-22T18:00:00+08:00")
            case .hAuditList: ("List audit events, oldest first.",
                              "列出审计事件，最早的在前。")
            case .hAuditUser: ("Only events whose actor or target is this operator.",
                              "只看执行者或对象是这个操作员的事件。")
            case .hAuditSince: ("Only events at or after this time (YYYY-MM-DD or ISO 8601; a date is local midnight, UTC with --utc).",
                               "只看这个时间及以后的事件（YYYY-MM-DD 或 ISO 8601；日期指本地零点，用 --utc 时指 UTC 零点）。")
            case .hAuditAction: ("Only events whose action starts with this (e.g. login, auth, user.add).",
                                "只看动作以此开头的事件（例如 login、auth、user.add）。")
            case .hAuditSummary: ("Count the (filtered) events by action, outcome and operator instead of listing them.",
                                 "按动作、结果和操作员统计（筛选后的）事件数，而不是逐条列出。")
            case .hAuditCSV: ("Print CSV (time, actor, action, target, outcome, detail; cells that a spreadsheet would run as a formula start with ').",
                             "输出 CSV（time、actor、action、target、outcome、detail；电子表格会当作公式执行的单元格以 ' 开头）。")
            case .colAction: ("ACTION",
                             "动作")
            case .colOutcome: ("OUTCOME",
                              "结果")
            case .colCount: ("COUNT",
                            "次数")
            case .colTotal: ("TOTAL",
                            "合计")
            case .hAuditVerify: ("Check the audit chain: a removed, reordered or edited event is detected.",
                                "检查审计链：能发现被删除、调换顺序或修改过的事件。")
            case .dAuditVerify: ("Exit status 0: intact; 6: the chain is broken (the message says where).",
                                "退出状态 0：完好；6：链断了（消息会说明在哪里）。")
            case .auIntact: ("audit chain intact: {0} events",
                            "审计链完好：{0} 条事件")
            case .dCheckPassword: ("The password is read from standard input when it is not a terminal (one line), from --password-file, or else asked for on the terminal without echo. It is never printed.\n\nThe policy is the vault's (--vault, $VAULTCLI_VAULT, or the default path) when one exists, else the default policy; the vault's terminal id and merchant's name count as personal data. Exit status: 0 when the password passes the policy, 13 when it breaks a rule (every broken rule is listed), 64 for bad usage.",
                                  "标准输入不是终端时从标准输入读取密码（一行），或从 --password-file 读取，否则在终端上不回显地询问。密码从不显示出来。\n\n有保险库时（--vault、$VAULTCLI_VAULT 或默认路径）用保险库的密码规则，否则用默认规则；保险库的终端号和商户名称算作个人信息。退出状态：0 表示通过规则，13 表示违反了规则（会列出每条违反的规则），64 表示用法错误。")
            case .hCpUser: ("The user name the password is for (shown by `ps`; see above).",
                           "密码所属的用户名（会在 `ps` 中显示；见上文）。")
            case .hCpPhone: ("The user's bound phone number (shown by `ps`; see above).",
                            "该用户绑定的手机号（会在 `ps` 中显示；见上文）。")
            case .hCpEmail: ("The user's bound email address (shown by `ps`; see above).",
                            "该用户绑定的邮箱地址（会在 `ps` 中显示；见上文）。")
            case .hCpBirthday: ("The user's birthday, YYYY-MM-DD (shown by `ps`; see above).",
                               "该用户的生日，YYYY-MM-DD（会在 `ps` 中显示；见上文）。")
            case .hCpName: ("Another name linked to the user (real name, shop); repeatable (shown by `ps`; see above).",
                           "与该用户有关的另一个名字（真实姓名、店名）；可重复（会在 `ps` 中显示；见上文）。")
            case .hCpTerminal: ("The terminal's id (default: the vault's, when there is a vault).",
                               "终端号（默认：有保险库时用保险库的）。")
            case .hCpMerchant: ("The merchant's (shop's) name, in Chinese characters or letters (default: the vault's, when it keeps one).",
                               "商户（店铺）名称，汉字或字母均可（默认：保险库保存了名称时用保险库的）。")
            case .cpNotADate: ("\"{0}\" is not a date in the form YYYY-MM-DD",
                              "“{0}”不是 YYYY-MM-DD 格式的日期")
            case .cpNotADateHint: ("for example --birthday 1990-03-14",
                                  "例如 --birthday 1990-03-14")
            case .cpStrength: ("strength: {0} of 4 ({1})",
                              "强度：{0}（满分 4，{1}）")
            case .cpScore0: ("too guessable",
                            "太容易猜到")
            case .cpScore1: ("very guessable",
                            "很容易猜到")
            case .cpScore2: ("somewhat guessable",
                            "有点容易猜到")
            case .cpScore3: ("safely unguessable",
                            "不容易猜到")
            case .cpScore4: ("very unguessable",
                            "很难猜到")
            case .cpGuesses: ("  guesses: about 10^{0} ({1} bits)",
                             "  猜测次数：约 10^{0}（{1} 位）")
            case .cpOnline: ("  time to crack online, throttled (10^4 guesses/s): {0}",
                            "  在线破解时间（限速，每秒 10^4 次）：{0}")
            case .cpOffline: ("  time to crack offline, fast hash (10^10 guesses/s): {0}",
                             "  离线破解时间（快速哈希，每秒 10^10 次）：{0}")
            case .cpAdvice: ("advice: {0}",
                            "建议：{0}")
            case .hPolicyShow: ("Show every policy setting, its floor and where the floor comes from (no password needed).",
                               "显示每项规则设置、其下限以及下限的出处（不需要密码）。")
            case .colSetting: ("SETTING",
                              "设置")
            case .colValue: ("VALUE",
                            "值")
            case .colAllowed: ("ALLOWED",
                              "允许范围")
            case .colWhatItDoes: ("WHAT IT DOES",
                                 "作用")
            case .poChangeHint: ("Change one with `vaultcli policy set SETTING VALUE --user ADMIN`; why each limit is there: `vaultcli policy show --json` (\"source\") or docs/password-policy.md.",
                                "用 `vaultcli policy set SETTING VALUE --user ADMIN` 修改一项；每个限值的理由见 `vaultcli policy show --json`（\"source\"）或 docs/password-policy.md。")
            case .hPolicySet: ("Change one setting (admins), e.g. `vaultcli policy set min-length 14`.",
                              "修改一项设置（管理员），例如 `vaultcli policy set min-length 14`。")
            case .dPolicySet: ("Values beyond the floors (PCI DSS v4.0.1 8.3, ASVS, NIST 800-63B) are refused.",
                              "超出下限（PCI DSS v4.0.1 8.3、ASVS、NIST 800-63B）的值会被拒绝。")
            case .hPolicyKey: ("The setting (see `vaultcli policy show`).",
                              "设置项（参见 `vaultcli policy show`）。")
            case .hPolicyValue: ("The new value: a number, or on/off.",
                                "新的值：数字，或 on/off。")
            case .dKeygen: ("With -o FILE the identity goes to a new file (mode 0600, never overwritten) and its recipient age1... is printed on stdout. Without -o (or with -o -) the identity file's text goes to stdout, like age-keygen. Keep the identity offline: whoever holds it can open every backup made for its recipient.",
                           "用 -o FILE 时，身份密钥写到一个新文件（权限 0600，绝不覆盖），其接收者 age1... 打印到标准输出。不加 -o（或用 -o -）时，身份文件的内容输出到标准输出，和 age-keygen 一样。请离线保存身份密钥：谁拿到它，谁就能打开为其接收者制作的每个备份。")
            case .hKeygenOutput: ("Write the identity to this new file ('-' for stdout).",
                                 "把身份密钥写到这个新文件（'-' 表示标准输出）。")
            case .hAddToVault: ("Make the key a default backup recipient and add an offline recovery-key slot to the vault (admins; needs -o FILE).",
                               "把这把密钥设为默认备份接收者，并在保险库中加一个离线恢复密钥槽（管理员；需要 -o FILE）。")
            case .kgJSONNeedsOutput: ("--json needs -o FILE: the secret key is never printed as JSON",
                                     "--json 需要 -o FILE：私钥从不以 JSON 输出")
            case .kgAddNeedsOutput: ("--add-to-vault needs -o FILE, so the identity is kept before the vault trusts it",
                                    "--add-to-vault 需要 -o FILE，这样在保险库信任它之前身份密钥已经保存好")
            case .kgAdded: ("added to the vault: every backup is now also sealed to this key, and it opens the vault's data without a password",
                           "已加入保险库：之后每个备份也会加密给这把密钥，它不用密码就能打开保险库的数据")
            case .kgToTerminal: ("writing a secret key to the terminal; use -o FILE to keep it in a 0600 file instead",
                                "正在把私钥写到终端上；请改用 -o FILE 把它保存在权限 0600 的文件里")
            case .kgPublicKey: ("public key: {0}",
                               "公钥：{0}")
            case .upAlready: ("The vault is already in format version 2; nothing to do.",
                             "保险库已经是格式版本 2；无需操作。")
            case .dRekey: ("Operators keep their passwords. With --renew-recovery the recovery codes are replaced too and printed once, and the offline recovery key's slot is re-wrapped.",
                          "操作员的密码不变。加 --renew-recovery 时恢复码也会更换并打印一次，离线恢复密钥的密钥槽也会重新封装。")
            case .hRenewRecovery: ("Also replace the recovery codes (do this when an admin who saw them is gone).",
                                  "同时更换恢复码（见过恢复码的管理员离开后请这样做）。")
            case .progressRekey: ("rekey:",
                                 "更换密钥：")
            case .upMoved: ("The vault was moved to format version 2 ({0} operators keep their passwords); every key was replaced.",
                           "保险库已升级到格式版本 2（{0} 个操作员的密码不变）；所有密钥都已更换。")
            case .upKeptAt: ("The format-v1 file is kept at {0}; delete it once a new backup is made.",
                            "格式 v1 的文件保留在 {0}；做好新备份后请删除它。")
            case .upCodesRenewed: ("The recovery codes were renewed: the old ones no longer work.",
                                  "恢复码已更新：旧的不再有效。")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var dGenpass: Msg { .tools(.dGenpass) }
    @_alwaysEmitIntoClient public static var hLength: Msg { .tools(.hLength) }
    @_alwaysEmitIntoClient public static var hClasses: Msg { .tools(.hClasses) }
    @_alwaysEmitIntoClient public static var hUpper: Msg { .tools(.hUpper) }
    @_alwaysEmitIntoClient public static var hLower: Msg { .tools(.hLower) }
    @_alwaysEmitIntoClient public static var hDigits: Msg { .tools(.hDigits) }
    @_alwaysEmitIntoClient public static var hSymbols: Msg { .tools(.hSymbols) }
    @_alwaysEmitIntoClient public static var hNoAmbiguous: Msg { .tools(.hNoAmbiguous) }
    @_alwaysEmitIntoClient public static var hExclude: Msg { .tools(.hExclude) }
    @_alwaysEmitIntoClient public static var hEveryClass: Msg { .tools(.hEveryClass) }
    @_alwaysEmitIntoClient public static var hWords: Msg { .tools(.hWords) }
    @_alwaysEmitIntoClient public static var hPassphraseSix: Msg { .tools(.hPassphraseSix) }
    @_alwaysEmitIntoClient public static var hSeparator: Msg { .tools(.hSeparator) }
    @_alwaysEmitIntoClient public static var hCapitalize: Msg { .tools(.hCapitalize) }
    @_alwaysEmitIntoClient public static var hWithNumber: Msg { .tools(.hWithNumber) }
    @_alwaysEmitIntoClient public static var hPinN: Msg { .tools(.hPinN) }
    @_alwaysEmitIntoClient public static var hCount: Msg { .tools(.hCount) }
    @_alwaysEmitIntoClient public static var gpEntropy: Msg { .tools(.gpEntropy) }
    @_alwaysEmitIntoClient public static var gpPinVsWords: Msg { .tools(.gpPinVsWords) }
    @_alwaysEmitIntoClient public static var gpPinVsWordsHint: Msg { .tools(.gpPinVsWordsHint) }
    @_alwaysEmitIntoClient public static var gpNotForPin: Msg { .tools(.gpNotForPin) }
    @_alwaysEmitIntoClient public static var gpNotForPinHint: Msg { .tools(.gpNotForPinHint) }
    @_alwaysEmitIntoClient public static var gpPassphraseAndWords: Msg { .tools(.gpPassphraseAndWords) }
    @_alwaysEmitIntoClient public static var gpUseOne: Msg { .tools(.gpUseOne) }
    @_alwaysEmitIntoClient public static var gpNotForPassphrase: Msg { .tools(.gpNotForPassphrase) }
    @_alwaysEmitIntoClient public static var gpNotForPassphraseHint: Msg { .tools(.gpNotForPassphraseHint) }
    @_alwaysEmitIntoClient public static var gpOnlyPassphrase: Msg { .tools(.gpOnlyPassphrase) }
    @_alwaysEmitIntoClient public static var gpOnlyPassphraseHint: Msg { .tools(.gpOnlyPassphraseHint) }
    @_alwaysEmitIntoClient public static var gpClassesEmpty: Msg { .tools(.gpClassesEmpty) }
    @_alwaysEmitIntoClient public static var gpClassesEmptyHint: Msg { .tools(.gpClassesEmptyHint) }
    @_alwaysEmitIntoClient public static var gpNotAClass: Msg { .tools(.gpNotAClass) }
    @_alwaysEmitIntoClient public static var gpNotAClassHint: Msg { .tools(.gpNotAClassHint) }
    @_alwaysEmitIntoClient public static var dAudit: Msg { .tools(.dAudit) }
    @_alwaysEmitIntoClient public static var auSayWhoYouAre: Msg { .tools(.auSayWhoYouAre) }
    @_alwaysEmitIntoClient public static var auNotADate: Msg { .tools(.auNotADate) }
    @_alwaysEmitIntoClient public static var hAuditList: Msg { .tools(.hAuditList) }
    @_alwaysEmitIntoClient public static var hAuditUser: Msg { .tools(.hAuditUser) }
    @_alwaysEmitIntoClient public static var hAuditSince: Msg { .tools(.hAuditSince) }
    @_alwaysEmitIntoClient public static var hAuditAction: Msg { .tools(.hAuditAction) }
    @_alwaysEmitIntoClient public static var hAuditSummary: Msg { .tools(.hAuditSummary) }
    @_alwaysEmitIntoClient public static var hAuditCSV: Msg { .tools(.hAuditCSV) }
    @_alwaysEmitIntoClient public static var colAction: Msg { .tools(.colAction) }
    @_alwaysEmitIntoClient public static var colOutcome: Msg { .tools(.colOutcome) }
    @_alwaysEmitIntoClient public static var colCount: Msg { .tools(.colCount) }
    @_alwaysEmitIntoClient public static var colTotal: Msg { .tools(.colTotal) }
    @_alwaysEmitIntoClient public static var hAuditVerify: Msg { .tools(.hAuditVerify) }
    @_alwaysEmitIntoClient public static var dAuditVerify: Msg { .tools(.dAuditVerify) }
    @_alwaysEmitIntoClient public static var auIntact: Msg { .tools(.auIntact) }
    @_alwaysEmitIntoClient public static var dCheckPassword: Msg { .tools(.dCheckPassword) }
    @_alwaysEmitIntoClient public static var hCpUser: Msg { .tools(.hCpUser) }
    @_alwaysEmitIntoClient public static var hCpPhone: Msg { .tools(.hCpPhone) }
    @_alwaysEmitIntoClient public static var hCpEmail: Msg { .tools(.hCpEmail) }
    @_alwaysEmitIntoClient public static var hCpBirthday: Msg { .tools(.hCpBirthday) }
    @_alwaysEmitIntoClient public static var hCpName: Msg { .tools(.hCpName) }
    @_alwaysEmitIntoClient public static var hCpTerminal: Msg { .tools(.hCpTerminal) }
    @_alwaysEmitIntoClient public static var hCpMerchant: Msg { .tools(.hCpMerchant) }
    @_alwaysEmitIntoClient public static var cpNotADate: Msg { .tools(.cpNotADate) }
    @_alwaysEmitIntoClient public static var cpNotADateHint: Msg { .tools(.cpNotADateHint) }
    @_alwaysEmitIntoClient public static var cpStrength: Msg { .tools(.cpStrength) }
    @_alwaysEmitIntoClient public static var cpScore0: Msg { .tools(.cpScore0) }
    @_alwaysEmitIntoClient public static var cpScore1: Msg { .tools(.cpScore1) }
    @_alwaysEmitIntoClient public static var cpScore2: Msg { .tools(.cpScore2) }
    @_alwaysEmitIntoClient public static var cpScore3: Msg { .tools(.cpScore3) }
    @_alwaysEmitIntoClient public static var cpScore4: Msg { .tools(.cpScore4) }
    @_alwaysEmitIntoClient public static var cpGuesses: Msg { .tools(.cpGuesses) }
    @_alwaysEmitIntoClient public static var cpOnline: Msg { .tools(.cpOnline) }
    @_alwaysEmitIntoClient public static var cpOffline: Msg { .tools(.cpOffline) }
    @_alwaysEmitIntoClient public static var cpAdvice: Msg { .tools(.cpAdvice) }
    @_alwaysEmitIntoClient public static var hPolicyShow: Msg { .tools(.hPolicyShow) }
    @_alwaysEmitIntoClient public static var colSetting: Msg { .tools(.colSetting) }
    @_alwaysEmitIntoClient public static var colValue: Msg { .tools(.colValue) }
    @_alwaysEmitIntoClient public static var colAllowed: Msg { .tools(.colAllowed) }
    @_alwaysEmitIntoClient public static var colWhatItDoes: Msg { .tools(.colWhatItDoes) }
    @_alwaysEmitIntoClient public static var poChangeHint: Msg { .tools(.poChangeHint) }
    @_alwaysEmitIntoClient public static var hPolicySet: Msg { .tools(.hPolicySet) }
    @_alwaysEmitIntoClient public static var dPolicySet: Msg { .tools(.dPolicySet) }
    @_alwaysEmitIntoClient public static var hPolicyKey: Msg { .tools(.hPolicyKey) }
    @_alwaysEmitIntoClient public static var hPolicyValue: Msg { .tools(.hPolicyValue) }
    @_alwaysEmitIntoClient public static var dKeygen: Msg { .tools(.dKeygen) }
    @_alwaysEmitIntoClient public static var hKeygenOutput: Msg { .tools(.hKeygenOutput) }
    @_alwaysEmitIntoClient public static var hAddToVault: Msg { .tools(.hAddToVault) }
    @_alwaysEmitIntoClient public static var kgJSONNeedsOutput: Msg { .tools(.kgJSONNeedsOutput) }
    @_alwaysEmitIntoClient public static var kgAddNeedsOutput: Msg { .tools(.kgAddNeedsOutput) }
    @_alwaysEmitIntoClient public static var kgAdded: Msg { .tools(.kgAdded) }
    @_alwaysEmitIntoClient public static var kgToTerminal: Msg { .tools(.kgToTerminal) }
    @_alwaysEmitIntoClient public static var kgPublicKey: Msg { .tools(.kgPublicKey) }
    @_alwaysEmitIntoClient public static var upAlready: Msg { .tools(.upAlready) }
    @_alwaysEmitIntoClient public static var dRekey: Msg { .tools(.dRekey) }
    @_alwaysEmitIntoClient public static var hRenewRecovery: Msg { .tools(.hRenewRecovery) }
    @_alwaysEmitIntoClient public static var progressRekey: Msg { .tools(.progressRekey) }
    @_alwaysEmitIntoClient public static var upMoved: Msg { .tools(.upMoved) }
    @_alwaysEmitIntoClient public static var upKeptAt: Msg { .tools(.upKeptAt) }
    @_alwaysEmitIntoClient public static var upCodesRenewed: Msg { .tools(.upCodesRenewed) }
}
