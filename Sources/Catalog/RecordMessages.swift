// The catalog's keys and texts for the rules on accounts, transactions and their fields, phone
// and e-mail, operator names (RecordProblem, RecordError, EntryError, InputProblem). See
// Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Records: CaseIterable, Sendable {
        // MARK: EntryError, RecordError
        case enAmount, enAmountEmpty, enAmountNegative, enAmountTooLarge, enAmountPlacesOne, enAmountPlacesMany
        case enAmountPoint, enAmountPlain, enAmountMax, enCurrency, enKind, enKindHint, enStatus, enStatusHint, enTime
        case enCardCharacters, enCardCharactersHint, enCardNotMasked, enCardFirst6Last4, enCardLast4, enCardPositions
        case enCardHint, recFullCard, recFullCardHint1, recFullCardHint2, recImportRefused, recImportRefusedHint
        // MARK: phone, e-mail
        case enPhoneChars, enPhoneCharsHint, enPhoneE164, enPhoneE164Hint, enPhoneNeither, enPhoneNeitherHint
        case enEmailAt, enEmailLocal, enEmailDomain, enEmailHint
        // MARK: operator refusals, names
        case orNoPending, orSkewAgo, orSkewAhead, orMalformed, orMismatch, orSameRole, orDisableSelf
        case orEnableNeedsPassword, orRemoveSelf, orLegacy, enNameEmpty, enNameLong, enNameChar, enTerminalId, enOffset
        case enOffsetFar
        // MARK: account and transaction rules (RecordProblem), inputs (InputProblem)
        case fldLabel, fldService, fldUsername, fldNotes, fldId, fldReference, fldOperator, fldTerminal
        case rpFieldEmptyAccount, rpFieldEmptyTx, rpFieldEmptyTxHint, rpGiveFlag, rpFieldTooLongAccount
        case rpFieldTooLongTx, rpFieldControlAccount, rpFieldControlTx, rpPrintableHint, rpLabelMissing
        case rpLabelInvisible, rpLabelInvisibleHint, rpLabelExists, rpLabelExistsEditHint, rpLabelExistsHint
        case rpLabelLookalike, rpLabelLookalikeHint, rpSecretEmpty, rpSecretTooLong, rpPinDigits, rpPinDigitsHint
        case rpPinWeak, rpPinKeypad, rpPinTriedFirst, rpPinWeakHint, rpNothingToChange, rpNothingToChangeHint
        case rpAmountRange, rpAmountRangeHint, rpTimeBefore1970, rpImportOtherOperator, rpUnknownEncoding
        case rpUnknownEncodingHint, rpIconv, rpIconvHint, rpEndsInsideGB, rpEndsInsideGBHint, rpLineTooLongAt
        case rpLineTooLong, rpLineTooLongHint, rpNotGB, rpNotGBHint, rpNoAccount, rpNoAccountHint, rpCSVLine
        case rpCSVHeaderHint, rpCSVQuoteAtEnd, rpCSVQuote, rpCSVAfterQuote, rpCSVHeaderNotUTF8, rpCSVTwice, rpCSVNoId
        case rpCSVNoTime, rpCSVNoAmount, ipMerchantEmpty, ipMerchantEmptyHint, ipMerchantLong, ipMerchantLongHint
        case ipMerchantChar, ipMerchantCharHint

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .fldLabel: ("label", "标签")
            case .fldService: ("service", "服务")
            case .fldUsername: ("username", "用户名")
            case .fldNotes: ("notes", "备注")
            case .fldId: ("id", "交易 ID")
            case .fldReference: ("reference", "参考号")
            case .fldOperator: ("operator", "操作员")
            case .fldTerminal: ("terminal", "终端号")
            case .rpFieldEmptyAccount: ("the account's {0} is empty", "账号的{0}是空的")
            case .rpFieldEmptyTx: ("the {0} is empty", "{0}是空的")
            case .rpFieldEmptyTxHint: ("every transaction needs a {0}", "每笔交易都必须有{0}")
            case .rpGiveFlag: ("give {0}", "请给出 {0}")
            case .rpFieldTooLongAccount: ("the account's {0} is longer than {1} bytes", "账号的{0}超过 {1} 字节")
            case .rpFieldTooLongTx: ("the {0} is longer than {1} bytes", "{0}超过 {1} 字节")
            case .rpFieldControlAccount: ("the account's {0} contains a control character", "账号的{0}含有控制字符")
            case .rpFieldControlTx: ("the {0} contains a control character", "{0}含有控制字符")
            case .rpPrintableHint: ("use printable text only", "只能使用可以打印的文字")
            case .rpLabelMissing: ("an account needs a label", "账号必须有标签")
            case .rpLabelInvisible: ("the account's label contains {0}, an invisible or direction-changing character",
                                     "账号的标签含有 {0}，这是看不见或会改变文字方向的字符")
            case .rpLabelInvisibleHint: ("type the label again without it", "去掉这个字符，重新输入标签")
            case .rpLabelExists: ("an account labelled \"{0}\" already exists", "标签为“{0}”的账号已经存在")
            case .rpLabelExistsEditHint: ("choose another label, or change it with `vaultcli account edit`",
                                          "换一个标签，或者用 `vaultcli account edit` 修改已有的账号")
            case .rpLabelExistsHint: ("choose another label", "换一个标签")
            case .rpLabelLookalike: ("the label \"{0}\" looks like the existing account \"{1}\" (look-alike characters, Unicode UTS #39 confusables), so it is refused",
                                     "标签“{0}”看起来和已有的账号“{1}”一样（字形相近、容易混淆的字符，见 Unicode UTS #39），因此被拒绝")
            case .rpLabelLookalikeHint: ("choose a label that looks different from every label in `vaultcli account list`",
                                         "换一个与 `vaultcli account list` 中所有标签看起来都不同的标签")
            case .rpSecretEmpty: ("the secret is empty or not UTF-8 text", "密码是空的，或者不是 UTF-8 文本")
            case .rpSecretTooLong: ("the secret is longer than {0} bytes", "密码超过 {0} 字节")
            case .rpPinDigits: ("a PIN is 4 to 12 digits", "PIN 必须是 4 到 12 位数字")
            case .rpPinDigitsHint: ("leave out --pin to store a password", "要保存的是密码时，去掉 --pin")
            case .rpPinWeak: ("that PIN is {0}: anyone who picks up the terminal tries those first; nothing was saved",
                              "这个 PIN 是{0}：拿到终端的人最先试的就是这些；没有保存任何内容")
            case .rpPinKeypad: ("a keypad pattern (rows, columns or diagonals of the keys)", "键盘图案（按键的行、列或对角线）")
            case .rpPinTriedFirst: ("one of the PINs tried first (a repeat, a run, a date or a well-known PIN)",
                                    "最先被尝试的 PIN 之一（重复数字、连续数字、日期或常见 PIN）")
            case .rpPinWeakHint: ("change the PIN at the service to a random one (`vaultcli genpass --pin 6` makes one), then store that",
                                  "先在该服务上把 PIN 改成随机的（`vaultcli genpass --pin 6` 可以生成一个），再保存新的 PIN")
            case .rpNothingToChange: ("nothing to change: the values given are the ones stored", "没有要修改的内容：给出的值与已保存的相同")
            case .rpNothingToChangeHint: ("give at least one new value, e.g. --username NAME or --secret",
                                          "至少给出一个新值，例如 --username NAME 或 --secret")
            case .rpAmountRange: ("the amount {0} is out of range", "金额 {0} 超出范围")
            case .rpAmountRangeHint: ("amounts are 0 to {0} minor units", "金额为 0 到 {0}（以最小货币单位计，如分）")
            case .rpTimeBefore1970: ("the time is before 1970", "时间早于 1970 年")
            case .rpImportOtherOperator: ("the operator is {0}, but a {1} may import only their own transactions",
                                          "操作员是 {0}，但{1}只能导入自己的交易")
            case .rpUnknownEncoding: ("unknown encoding \"{0}\"", "不认识的编码“{0}”")
            case .rpUnknownEncodingHint: ("use --encoding utf-8, --encoding gbk (GB18030, what Excel on Chinese Windows saves) or --encoding auto",
                                          "请用 --encoding utf-8、--encoding gbk（GB18030，中文 Windows 上的 Excel 保存时用的编码）或 --encoding auto")
            case .rpIconv: ("this system's iconv cannot read {0}", "本系统的 iconv 无法读取 {0}")
            case .rpIconvHint: ("convert the file to UTF-8 first (iconv -f {0} -t UTF-8)", "先把文件转换成 UTF-8（iconv -f {0} -t UTF-8）")
            case .rpEndsInsideGB: ("{0} ends inside a GB18030 character", "{0} 在一个 GB18030 字符的中间结束")
            case .rpEndsInsideGBHint: ("check that the file is whole and is GBK or GB18030 text", "检查文件是否完整，是否为 GBK 或 GB18030 文本")
            case .rpLineTooLongAt: ("line {0} of {1} is longer than 1 MiB", "{1} 的第 {0} 行超过 1 MiB")
            case .rpLineTooLong: ("a line of {0} is longer than 1 MiB", "{0} 中有一行超过 1 MiB")
            case .rpLineTooLongHint: ("check that the input is CSV or JSON Lines", "检查输入是否为 CSV 或 JSON Lines 格式")
            case .rpNotGB: ("{0} is not GB18030 (GBK) text: byte {1} does not start a character",
                            "{0} 不是 GB18030（GBK）文本：字节 {1} 不是一个字符的开头")
            case .rpNotGBHint: ("give the file's encoding with --encoding utf-8 or --encoding gbk", "用 --encoding utf-8 或 --encoding gbk 指定文件的编码")
            case .rpNoAccount: ("no account is labelled \"{0}\"", "没有标签为“{0}”的账号")
            case .rpNoAccountHint: ("see the labels with `vaultcli account list`", "用 `vaultcli account list` 查看所有标签")
            case .rpCSVLine: ("line {0}: {1}", "第 {0} 行：{1}")
            case .rpCSVHeaderHint: ("the first line of a CSV import names the columns: {0}", "CSV 导入的第一行是列名：{0}")
            case .rpCSVQuoteAtEnd: ("a quoted field is not closed before the end of the input", "到输入结束时，有一个带引号的字段还没有结束")
            case .rpCSVQuote: ("a quoted field is not closed", "有一个带引号的字段没有结束")
            case .rpCSVAfterQuote: ("unexpected text after a closing quote", "结束引号后面有多余的文字")
            case .rpCSVHeaderNotUTF8: ("the header is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk or --encoding auto)",
                                       "表头不是 UTF-8 文本（GBK 编码的文件，例如中文 Windows 上的 Excel 保存的，请加 --encoding gbk 或 --encoding auto 导入）")
            case .rpCSVTwice: ("the header names the column {0} twice", "表头中列 {0} 出现了两次")
            case .rpCSVNoId: ("the header has no id column (expected: {0}, or the Chinese names in docs/import.md)",
                              "表头没有 id 列（应为：{0}，或 docs/import.md 中的中文列名）")
            case .rpCSVNoTime: ("the header has no time column", "表头没有 time（交易时间）列")
            case .rpCSVNoAmount: ("the header has no amount (or amount_minor) column", "表头没有 amount（或 amount_minor，金额）列")
            case .ipMerchantEmpty: ("the merchant's name is empty", "商户名称是空的")
            case .ipMerchantEmptyHint: ("give the shop's name as on its sign or receipts, or leave it out (an admin can set it later with `vaultcli policy set merchant-name NAME`)",
                                        "请按店铺招牌或小票上的写法给出店名，或者不填（管理员以后可以用 `vaultcli policy set merchant-name NAME` 设置）")
            case .ipMerchantLong: ("the merchant's name is longer than {0} characters", "商户名称超过 {0} 个字")
            case .ipMerchantLongHint: ("give the name on the shop's sign or receipts", "请给出店铺招牌或小票上的名称")
            case .ipMerchantChar: ("the merchant's name \"{0}\" contains {1}", "商户名称“{0}”含有 {1}")
            case .ipMerchantCharHint: ("it may hold letters, Chinese characters, digits, punctuation and single spaces, but no control, invisible or direction-changing character",
                                       "名称可以包含字母、汉字、数字、标点和单个空格，但不能有控制字符、看不见的字符或改变文字方向的字符")
            case .enAmount: ("invalid amount \"{0}\": {1}",
                            "金额“{0}”无效：{1}")
            case .enAmountEmpty: ("it is empty",
                                 "是空的")
            case .enAmountNegative: ("amounts are never negative; record a refund with --kind refund",
                                    "金额不能为负数；退款请用 --kind refund 记录")
            case .enAmountTooLarge: ("too large",
                                    "太大")
            case .enAmountPlacesOne: ("{0} has {1} decimal place",
                                     "{0} 只有 {1} 位小数")
            case .enAmountPlacesMany: ("{0} has {1} decimal places",
                                      "{0} 只有 {1} 位小数")
            case .enAmountPoint: ("a decimal point must be followed by digits",
                                 "小数点后面必须有数字")
            case .enAmountPlain: ("use digits and at most one decimal point, e.g. 12.34",
                                 "请只用数字和最多一个小数点，例如 12.34")
            case .enAmountMax: ("larger than the maximum of {0}",
                               "超过了最大值 {0}")
            case .enCurrency: ("unknown currency \"{0}\": use an ISO 4217 code such as CNY, USD, EUR, HKD, JPY or KWD",
                              "不认识的币种“{0}”：请用 ISO 4217 代码，例如 CNY、USD、EUR、HKD、JPY 或 KWD")
            case .enKind: ("unknown kind \"{0}\"",
                          "不认识的交易类型“{0}”")
            case .enKindHint: ("use sale, refund or void",
                              "请用 sale（消费）、refund（退款）或 void（撤销）")
            case .enStatus: ("unknown status \"{0}\"",
                            "不认识的状态“{0}”")
            case .enStatusHint: ("use approved, declined, pending or reversed",
                                "请用 approved（成功）、declined（拒绝）、pending（处理中）或 reversed（已冲正）")
            case .enTime: ("invalid time \"{0}\": use ISO 8601, e.g. 2026-11-22T10:15:00Z, 2026-11-22T18:15:00+08:00 or 2026-11-22",
                          "时间“{0}”无效：请用 ISO 8601 格式，例如 2026-11-22T10:15:00Z、2026-11-22T18:15:00+08:00 或 2026-11-22")
            case .enCardCharacters: ("the card number given may contain only digits and mask characters (* or X)",
                                    "卡号只能包含数字和掩码字符（* 或 X）")
            case .enCardCharactersHint: ("give a masked card number, e.g. 622588******1234",
                                        "请给出掩码后的卡号，例如 622588******1234")
            case .enCardNotMasked: ("the card number given is not masked",
                                   "给出的卡号没有掩码")
            case .enCardFirst6Last4: ("the card number given shows more than the first 6 and last 4 digits",
                                     "给出的卡号显示了前 6 位和后 4 位以外的数字")
            case .enCardLast4: ("the card number given shows more than the last 4 digits",
                               "给出的卡号显示了后 4 位以外的数字")
            case .enCardPositions: ("the card number given has {0} positions; a card number has 12 to 19",
                                   "给出的卡号有 {0} 位；卡号应为 12 到 19 位")
            case .enCardHint: ("at most the first 6 and the last 4 digits may be visible, e.g. 622588******1234 or ****1234",
                              "最多只能显示前 6 位和后 4 位，例如 622588******1234 或 ****1234")
            case .recFullCard: ("a full card number ({0} digits that pass the Luhn check, {1}) is in the {2}; it was refused and nothing was written",
                               "{2}中有完整的卡号（{0} 位，通过 Luhn 校验，{1}）；已拒绝，没有写入任何内容")
            case .recFullCardHint1: ("vaultcli keeps masked card numbers only: at most the first 6 and last 4 digits, e.g. 622588******1234",
                                    "vaultcli 只保存掩码后的卡号：最多显示前 6 位和后 4 位，例如 622588******1234")
            case .recFullCardHint2: ("if this is not a card number, write it with other separators (e.g. letters or '/') so it does not read as one",
                                    "如果这不是卡号，请换用其他分隔符（例如字母或“/”），免得被当成卡号")
            case .recImportRefused: ("{0} bad rows: {1} batches were refused whole; {2} records from good batches were imported",
                                    "{0} 行有错：{1} 批被整批拒绝；正确批次中的 {2} 条记录已导入")
            case .recImportRefusedHint: ("fix the rows listed above and run the same import again: records already imported are recognised by id and skipped",
                                        "请修改上面列出的行，再运行同样的导入：已导入的记录会按编号识别并跳过")
            case .enPhoneChars: ("the phone number \"{0}\" may contain only digits, spaces, dashes and a leading +",
                                "手机号“{0}”只能包含数字、空格、横线和开头的 +")
            case .enPhoneCharsHint: ("use E.164 (+8613812345678) or an 11-digit mainland China mobile number (13812345678)",
                                    "请用 E.164 格式（+8613812345678）或 11 位中国大陆手机号（13812345678）")
            case .enPhoneE164: ("the phone number \"{0}\" is not E.164: + then 8 to 15 digits, not starting with 0",
                               "手机号“{0}”不是 E.164 格式：+ 后面 8 到 15 位数字，不能以 0 开头")
            case .enPhoneE164Hint: ("e.g. +8613812345678 or +14155550123",
                                   "例如 +8613812345678 或 +14155550123")
            case .enPhoneNeither: ("the phone number \"{0}\" is neither E.164 (+ and country code) nor an 11-digit mainland China mobile number (1[3-9]xxxxxxxxx)",
                                  "手机号“{0}”既不是 E.164 格式（+ 和国家代码），也不是 11 位中国大陆手机号（1[3-9]xxxxxxxxx）")
            case .enPhoneNeitherHint: ("add the country code, e.g. +8613812345678",
                                      "请加上国家代码，例如 +8613812345678")
            case .enEmailAt: ("the e-mail address \"{0}\" must contain exactly one @",
                             "邮箱地址“{0}”必须只含一个 @")
            case .enEmailLocal: ("the e-mail address \"{0}\" has an invalid part before the @",
                                "邮箱地址“{0}”@ 前面的部分无效")
            case .enEmailDomain: ("the e-mail address \"{0}\" has an invalid domain (expected something like shop.example.com)",
                                 "邮箱地址“{0}”的域名无效（应类似 shop.example.com）")
            case .enEmailHint: ("use an address such as shop@example.com",
                               "请用类似 shop@example.com 的地址")
            case .orNoPending: ("no one-time-code enrolment is pending; start one with `vaultcli user totp enable`",
                               "没有待确认的一次性验证码登记；请先用 `vaultcli user totp enable` 开始")
            case .orSkewAgo: ("that code is from {0} ago: the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code",
                             "这个验证码是 {0}之前的：验证器应用或这台终端的时钟不准；请把手机时间设为自动，检查这台终端的 `date`，再用当前的验证码确认")
            case .orSkewAhead: ("that code is from {0} ahead: the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code",
                               "这个验证码是 {0}之后的：验证器应用或这台终端的时钟不准；请把手机时间设为自动，检查这台终端的 `date`，再用当前的验证码确认")
            case .orMalformed: ("a one-time code is 6 digits; confirm again with the code the app shows now",
                               "一次性验证码是 6 位数字；请用应用当前显示的验证码再确认一次")
            case .orMismatch: ("that code does not match the new secret; check that the app added this secret ({0}, 6 digits, 30 s) and try again with the current code",
                              "这个验证码与新密钥不符；请检查应用是否添加了这个密钥（{0}，6 位数字，30 s），再用当前的验证码重试")
            case .orSameRole: ("{0} already has the {1} role",
                              "{0} 已经是{1}")
            case .orDisableSelf: ("you cannot disable yourself",
                                 "您不能停用自己")
            case .orEnableNeedsPassword: ("enabling {0} needs a temporary password",
                                         "启用 {0} 需要一个临时密码")
            case .orRemoveSelf: ("you cannot remove yourself",
                                "您不能删除自己")
            case .orLegacy: ("this vault is still in format 1; an admin's command moves it to format 2 first (`vaultcli upgrade --user ADMIN`)",
                            "这个保险库还是格式 1；需要管理员的命令先把它升级到格式 2（`vaultcli upgrade --user ADMIN`）")
            case .enNameEmpty: ("the operator name is empty",
                               "操作员名是空的")
            case .enNameLong: ("the operator name is longer than 64 bytes",
                              "操作员名超过 64 字节")
            case .enNameChar: ("the operator name \"{0}\" contains {1}; a name may not hold spaces, control characters, or invisible or direction-changing characters; use letters, digits, '.', '-' or '_'",
                              "操作员名“{0}”含有 {1}；名字里不能有空格、控制字符、不可见字符或改变书写方向的字符；请用字母、数字、“.”、“-”或“_”")
            case .enTerminalId: ("the terminal id \"{0}\" must be 1 to 16 ASCII letters, digits, '-', '_' or '.'",
                                "终端号“{0}”必须是 1 到 16 个 ASCII 字母、数字、“-”、“_”或“.”")
            case .enOffset: ("invalid UTC offset \"{0}\": use +HH:MM, e.g. +08:00",
                            "UTC 偏移“{0}”无效：请用 +HH:MM，例如 +08:00")
            case .enOffsetFar: ("invalid UTC offset \"{0}\": at most ±14:00",
                               "UTC 偏移“{0}”无效：最多 ±14:00")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var enAmount: Msg { .records(.enAmount) }
    @_alwaysEmitIntoClient public static var enAmountEmpty: Msg { .records(.enAmountEmpty) }
    @_alwaysEmitIntoClient public static var enAmountNegative: Msg { .records(.enAmountNegative) }
    @_alwaysEmitIntoClient public static var enAmountTooLarge: Msg { .records(.enAmountTooLarge) }
    @_alwaysEmitIntoClient public static var enAmountPlacesOne: Msg { .records(.enAmountPlacesOne) }
    @_alwaysEmitIntoClient public static var enAmountPlacesMany: Msg { .records(.enAmountPlacesMany) }
    @_alwaysEmitIntoClient public static var enAmountPoint: Msg { .records(.enAmountPoint) }
    @_alwaysEmitIntoClient public static var enAmountPlain: Msg { .records(.enAmountPlain) }
    @_alwaysEmitIntoClient public static var enAmountMax: Msg { .records(.enAmountMax) }
    @_alwaysEmitIntoClient public static var enCurrency: Msg { .records(.enCurrency) }
    @_alwaysEmitIntoClient public static var enKind: Msg { .records(.enKind) }
    @_alwaysEmitIntoClient public static var enKindHint: Msg { .records(.enKindHint) }
    @_alwaysEmitIntoClient public static var enStatus: Msg { .records(.enStatus) }
    @_alwaysEmitIntoClient public static var enStatusHint: Msg { .records(.enStatusHint) }
    @_alwaysEmitIntoClient public static var enTime: Msg { .records(.enTime) }
    @_alwaysEmitIntoClient public static var enCardCharacters: Msg { .records(.enCardCharacters) }
    @_alwaysEmitIntoClient public static var enCardCharactersHint: Msg { .records(.enCardCharactersHint) }
    @_alwaysEmitIntoClient public static var enCardNotMasked: Msg { .records(.enCardNotMasked) }
    @_alwaysEmitIntoClient public static var enCardFirst6Last4: Msg { .records(.enCardFirst6Last4) }
    @_alwaysEmitIntoClient public static var enCardLast4: Msg { .records(.enCardLast4) }
    @_alwaysEmitIntoClient public static var enCardPositions: Msg { .records(.enCardPositions) }
    @_alwaysEmitIntoClient public static var enCardHint: Msg { .records(.enCardHint) }
    @_alwaysEmitIntoClient public static var recFullCard: Msg { .records(.recFullCard) }
    @_alwaysEmitIntoClient public static var recFullCardHint1: Msg { .records(.recFullCardHint1) }
    @_alwaysEmitIntoClient public static var recFullCardHint2: Msg { .records(.recFullCardHint2) }
    @_alwaysEmitIntoClient public static var recImportRefused: Msg { .records(.recImportRefused) }
    @_alwaysEmitIntoClient public static var recImportRefusedHint: Msg { .records(.recImportRefusedHint) }
    @_alwaysEmitIntoClient public static var enPhoneChars: Msg { .records(.enPhoneChars) }
    @_alwaysEmitIntoClient public static var enPhoneCharsHint: Msg { .records(.enPhoneCharsHint) }
    @_alwaysEmitIntoClient public static var enPhoneE164: Msg { .records(.enPhoneE164) }
    @_alwaysEmitIntoClient public static var enPhoneE164Hint: Msg { .records(.enPhoneE164Hint) }
    @_alwaysEmitIntoClient public static var enPhoneNeither: Msg { .records(.enPhoneNeither) }
    @_alwaysEmitIntoClient public static var enPhoneNeitherHint: Msg { .records(.enPhoneNeitherHint) }
    @_alwaysEmitIntoClient public static var enEmailAt: Msg { .records(.enEmailAt) }
    @_alwaysEmitIntoClient public static var enEmailLocal: Msg { .records(.enEmailLocal) }
    @_alwaysEmitIntoClient public static var enEmailDomain: Msg { .records(.enEmailDomain) }
    @_alwaysEmitIntoClient public static var enEmailHint: Msg { .records(.enEmailHint) }
    @_alwaysEmitIntoClient public static var orNoPending: Msg { .records(.orNoPending) }
    @_alwaysEmitIntoClient public static var orSkewAgo: Msg { .records(.orSkewAgo) }
    @_alwaysEmitIntoClient public static var orSkewAhead: Msg { .records(.orSkewAhead) }
    @_alwaysEmitIntoClient public static var orMalformed: Msg { .records(.orMalformed) }
    @_alwaysEmitIntoClient public static var orMismatch: Msg { .records(.orMismatch) }
    @_alwaysEmitIntoClient public static var orSameRole: Msg { .records(.orSameRole) }
    @_alwaysEmitIntoClient public static var orDisableSelf: Msg { .records(.orDisableSelf) }
    @_alwaysEmitIntoClient public static var orEnableNeedsPassword: Msg { .records(.orEnableNeedsPassword) }
    @_alwaysEmitIntoClient public static var orRemoveSelf: Msg { .records(.orRemoveSelf) }
    @_alwaysEmitIntoClient public static var orLegacy: Msg { .records(.orLegacy) }
    @_alwaysEmitIntoClient public static var enNameEmpty: Msg { .records(.enNameEmpty) }
    @_alwaysEmitIntoClient public static var enNameLong: Msg { .records(.enNameLong) }
    @_alwaysEmitIntoClient public static var enNameChar: Msg { .records(.enNameChar) }
    @_alwaysEmitIntoClient public static var enTerminalId: Msg { .records(.enTerminalId) }
    @_alwaysEmitIntoClient public static var enOffset: Msg { .records(.enOffset) }
    @_alwaysEmitIntoClient public static var enOffsetFar: Msg { .records(.enOffsetFar) }
    @_alwaysEmitIntoClient public static var fldLabel: Msg { .records(.fldLabel) }
    @_alwaysEmitIntoClient public static var fldService: Msg { .records(.fldService) }
    @_alwaysEmitIntoClient public static var fldUsername: Msg { .records(.fldUsername) }
    @_alwaysEmitIntoClient public static var fldNotes: Msg { .records(.fldNotes) }
    @_alwaysEmitIntoClient public static var fldId: Msg { .records(.fldId) }
    @_alwaysEmitIntoClient public static var fldReference: Msg { .records(.fldReference) }
    @_alwaysEmitIntoClient public static var fldOperator: Msg { .records(.fldOperator) }
    @_alwaysEmitIntoClient public static var fldTerminal: Msg { .records(.fldTerminal) }
    @_alwaysEmitIntoClient public static var rpFieldEmptyAccount: Msg { .records(.rpFieldEmptyAccount) }
    @_alwaysEmitIntoClient public static var rpFieldEmptyTx: Msg { .records(.rpFieldEmptyTx) }
    @_alwaysEmitIntoClient public static var rpFieldEmptyTxHint: Msg { .records(.rpFieldEmptyTxHint) }
    @_alwaysEmitIntoClient public static var rpGiveFlag: Msg { .records(.rpGiveFlag) }
    @_alwaysEmitIntoClient public static var rpFieldTooLongAccount: Msg { .records(.rpFieldTooLongAccount) }
    @_alwaysEmitIntoClient public static var rpFieldTooLongTx: Msg { .records(.rpFieldTooLongTx) }
    @_alwaysEmitIntoClient public static var rpFieldControlAccount: Msg { .records(.rpFieldControlAccount) }
    @_alwaysEmitIntoClient public static var rpFieldControlTx: Msg { .records(.rpFieldControlTx) }
    @_alwaysEmitIntoClient public static var rpPrintableHint: Msg { .records(.rpPrintableHint) }
    @_alwaysEmitIntoClient public static var rpLabelMissing: Msg { .records(.rpLabelMissing) }
    @_alwaysEmitIntoClient public static var rpLabelInvisible: Msg { .records(.rpLabelInvisible) }
    @_alwaysEmitIntoClient public static var rpLabelInvisibleHint: Msg { .records(.rpLabelInvisibleHint) }
    @_alwaysEmitIntoClient public static var rpLabelExists: Msg { .records(.rpLabelExists) }
    @_alwaysEmitIntoClient public static var rpLabelExistsEditHint: Msg { .records(.rpLabelExistsEditHint) }
    @_alwaysEmitIntoClient public static var rpLabelExistsHint: Msg { .records(.rpLabelExistsHint) }
    @_alwaysEmitIntoClient public static var rpLabelLookalike: Msg { .records(.rpLabelLookalike) }
    @_alwaysEmitIntoClient public static var rpLabelLookalikeHint: Msg { .records(.rpLabelLookalikeHint) }
    @_alwaysEmitIntoClient public static var rpSecretEmpty: Msg { .records(.rpSecretEmpty) }
    @_alwaysEmitIntoClient public static var rpSecretTooLong: Msg { .records(.rpSecretTooLong) }
    @_alwaysEmitIntoClient public static var rpPinDigits: Msg { .records(.rpPinDigits) }
    @_alwaysEmitIntoClient public static var rpPinDigitsHint: Msg { .records(.rpPinDigitsHint) }
    @_alwaysEmitIntoClient public static var rpPinWeak: Msg { .records(.rpPinWeak) }
    @_alwaysEmitIntoClient public static var rpPinKeypad: Msg { .records(.rpPinKeypad) }
    @_alwaysEmitIntoClient public static var rpPinTriedFirst: Msg { .records(.rpPinTriedFirst) }
    @_alwaysEmitIntoClient public static var rpPinWeakHint: Msg { .records(.rpPinWeakHint) }
    @_alwaysEmitIntoClient public static var rpNothingToChange: Msg { .records(.rpNothingToChange) }
    @_alwaysEmitIntoClient public static var rpNothingToChangeHint: Msg { .records(.rpNothingToChangeHint) }
    @_alwaysEmitIntoClient public static var rpAmountRange: Msg { .records(.rpAmountRange) }
    @_alwaysEmitIntoClient public static var rpAmountRangeHint: Msg { .records(.rpAmountRangeHint) }
    @_alwaysEmitIntoClient public static var rpTimeBefore1970: Msg { .records(.rpTimeBefore1970) }
    @_alwaysEmitIntoClient public static var rpImportOtherOperator: Msg { .records(.rpImportOtherOperator) }
    @_alwaysEmitIntoClient public static var rpUnknownEncoding: Msg { .records(.rpUnknownEncoding) }
    @_alwaysEmitIntoClient public static var rpUnknownEncodingHint: Msg { .records(.rpUnknownEncodingHint) }
    @_alwaysEmitIntoClient public static var rpIconv: Msg { .records(.rpIconv) }
    @_alwaysEmitIntoClient public static var rpIconvHint: Msg { .records(.rpIconvHint) }
    @_alwaysEmitIntoClient public static var rpEndsInsideGB: Msg { .records(.rpEndsInsideGB) }
    @_alwaysEmitIntoClient public static var rpEndsInsideGBHint: Msg { .records(.rpEndsInsideGBHint) }
    @_alwaysEmitIntoClient public static var rpLineTooLongAt: Msg { .records(.rpLineTooLongAt) }
    @_alwaysEmitIntoClient public static var rpLineTooLong: Msg { .records(.rpLineTooLong) }
    @_alwaysEmitIntoClient public static var rpLineTooLongHint: Msg { .records(.rpLineTooLongHint) }
    @_alwaysEmitIntoClient public static var rpNotGB: Msg { .records(.rpNotGB) }
    @_alwaysEmitIntoClient public static var rpNotGBHint: Msg { .records(.rpNotGBHint) }
    @_alwaysEmitIntoClient public static var rpNoAccount: Msg { .records(.rpNoAccount) }
    @_alwaysEmitIntoClient public static var rpNoAccountHint: Msg { .records(.rpNoAccountHint) }
    @_alwaysEmitIntoClient public static var rpCSVLine: Msg { .records(.rpCSVLine) }
    @_alwaysEmitIntoClient public static var rpCSVHeaderHint: Msg { .records(.rpCSVHeaderHint) }
    @_alwaysEmitIntoClient public static var rpCSVQuoteAtEnd: Msg { .records(.rpCSVQuoteAtEnd) }
    @_alwaysEmitIntoClient public static var rpCSVQuote: Msg { .records(.rpCSVQuote) }
    @_alwaysEmitIntoClient public static var rpCSVAfterQuote: Msg { .records(.rpCSVAfterQuote) }
    @_alwaysEmitIntoClient public static var rpCSVHeaderNotUTF8: Msg { .records(.rpCSVHeaderNotUTF8) }
    @_alwaysEmitIntoClient public static var rpCSVTwice: Msg { .records(.rpCSVTwice) }
    @_alwaysEmitIntoClient public static var rpCSVNoId: Msg { .records(.rpCSVNoId) }
    @_alwaysEmitIntoClient public static var rpCSVNoTime: Msg { .records(.rpCSVNoTime) }
    @_alwaysEmitIntoClient public static var rpCSVNoAmount: Msg { .records(.rpCSVNoAmount) }
    @_alwaysEmitIntoClient public static var ipMerchantEmpty: Msg { .records(.ipMerchantEmpty) }
    @_alwaysEmitIntoClient public static var ipMerchantEmptyHint: Msg { .records(.ipMerchantEmptyHint) }
    @_alwaysEmitIntoClient public static var ipMerchantLong: Msg { .records(.ipMerchantLong) }
    @_alwaysEmitIntoClient public static var ipMerchantLongHint: Msg { .records(.ipMerchantLongHint) }
    @_alwaysEmitIntoClient public static var ipMerchantChar: Msg { .records(.ipMerchantChar) }
    @_alwaysEmitIntoClient public static var ipMerchantCharHint: Msg { .records(.ipMerchantCharHint) }
}
