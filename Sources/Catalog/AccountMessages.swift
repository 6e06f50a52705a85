// The catalog's keys and texts for accounts and personal data. See Catalog.swift and
// Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Accounts: CaseIterable, Sendable {
        // MARK: accounts, personal data
        case dAccount, hSecretStdin, hSecretFile, acChooseSecretSource, promptAccountSecret, hService, hUsername
        case hAccountPhone, hAccountEmail, hNotes, hPin, acBlankEdit, acBlankAdd, promptNewServiceUser
        case promptServiceUser, promptNewBoundPhone, promptAccountPhone, promptNewBoundEmail, promptAccountEmail
        case hAccountAdd, dHereAccountAdd, hLabel, acGiveLabel, acAdded, hAccountList, hAccountCSV, hAccountFind
        case dHereAccountFind, hFindPhone, hFindUsername, promptFindPhone, promptFindEmail, promptFindUsername
        case hAccountShow, hAccountLabel, hReveal, hAccountHistory, hRevealHistory, hAccountEdit, dHereAccountEdit
        case hNewLabel, hSetSecret, acSecretNeedsFlag, acNothingNoTerminal, acUpdated, hAccountRemove, dAccountRemove
        case hYes, promptRemoveAccount, acRemoveNoTerminal, acRemoveYesHint, acLabelMismatch, acLabelMismatchHint
        case acRemoved, pdNotObject, pdNotObjectHint, pdUnknownKey, pdKeysAre, pdNotString, pdNotStringHint, pdBoth
        case pdBothHint, pdStdinTaken, pdNoAnswer, pdNoTerminal, pdNoTerminalHint, pdRefusedKeep, pdRefusedEmpty
        case pdBlankEdit, pdBlankAdd, promptOperatorPhone, promptOperatorEmail, pdNoTerminalHints1, pdNoTerminalHints2
        case pdGive, pdGiveOneOf, pdGiveOnlyOne, pdGiveHint, listOr

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .dAccount: ("Secrets come from a prompt, --secret-stdin or --secret-file (mode 0600); never from the command line.",
                            "机密来自提示输入、--secret-stdin 或 --secret-file（权限 0600）；从不来自命令行。")
            case .hSecretStdin: ("Read the account's secret from standard input (one line).",
                                "从标准输入读取账号的机密（一行）。")
            case .hSecretFile: ("Read the account's secret from a file of mode 0600.",
                               "从权限为 0600 的文件读取账号的机密。")
            case .acChooseSecretSource: ("choose one of --secret-stdin and --secret-file",
                                        "--secret-stdin 和 --secret-file 只能选一个")
            case .promptAccountSecret: ("Secret (password or PIN) for {0}: ",
                                       "{0} 的机密（密码或 PIN）：")
            case .hService: ("The payment service (e.g. UnionPay merchant portal).",
                            "支付服务（例如银联商户平台）。")
            case .hUsername: ("The login user name at the service (shown by `ps`; see above).",
                             "在该服务上的登录用户名（会被 `ps` 看到；见上文）。")
            case .hAccountPhone: ("The bound phone: E.164 (+8613812345678) or an 11-digit China mobile. \"\" clears it.",
                                 "绑定的手机号：E.164 格式（+8613812345678）或 11 位中国手机号。\"\" 表示清除。")
            case .hAccountEmail: ("The bound e-mail address. \"\" clears it.",
                                 "绑定的邮箱地址。\"\" 表示清除。")
            case .hNotes: ("Notes (no secrets, no card numbers).",
                          "备注（不要写机密，不要写卡号）。")
            case .hPin: ("The secret is a PIN (4 to 12 digits).",
                        "机密是 PIN（4 到 12 位数字）。")
            case .acBlankEdit: (" (Enter keeps it, - clears it)",
                               "（直接回车保持不变，- 表示清除）")
            case .acBlankAdd: (" (Enter for none)",
                              "（直接回车表示不填）")
            case .promptNewServiceUser: ("New user name at the service{0}: ",
                                        "在该服务上的新用户名{0}：")
            case .promptServiceUser: ("User name at the service{0}: ",
                                     "在该服务上的用户名{0}：")
            case .promptNewBoundPhone: ("New bound phone{0}: ",
                                       "新的绑定手机号{0}：")
            case .promptAccountPhone: ("Bound phone (+8613812345678 or 13812345678){0}: ",
                                      "绑定的手机号（+8613812345678 或 13812345678）{0}：")
            case .promptNewBoundEmail: ("New bound e-mail{0}: ",
                                       "新的绑定邮箱{0}：")
            case .promptAccountEmail: ("Bound e-mail{0}: ",
                                      "绑定的邮箱{0}：")
            case .hAccountAdd: ("Add an account; asks for its secret.",
                               "添加账号；会询问其机密。")
            case .dHereAccountAdd: (" Here that is --username, --phone and --email; on a terminal, those left out are asked for (Enter leaves one empty).",
                                   "这里指 --username、--phone 和 --email；在终端上，没给的会逐项询问（直接回车表示不填）。")
            case .hLabel: ("A unique label, e.g. unionpay-main (or \"label\" in --from-json).",
                          "唯一的标签，例如 unionpay-main（或 --from-json 中的 \"label\"）。")
            case .acGiveLabel: ("give the account's label with --label (or in --from-json)",
                               "请用 --label（或在 --from-json 中）给出账号的标签")
            case .acAdded: ("Added account {0} ({1})",
                           "已添加账号 {0}（{1}）")
            case .hAccountList: ("List accounts (never their secrets).",
                                "列出账号（从不显示机密）。")
            case .hAccountCSV: ("Print CSV (label, service, username, phone, email; cells that a spreadsheet would run as a formula start with ').",
                               "输出 CSV（label、service、username、phone、email；电子表格会当作公式执行的单元格以 ' 开头）。")
            case .hAccountFind: ("Find accounts by bound phone, e-mail or user name.",
                                "按绑定的手机号、邮箱或用户名查找账号。")
            case .dHereAccountFind: (" Here that is --phone, --email and --username; on a terminal, with none given, each is asked for (Enter skips).",
                                    "这里指 --phone、--email 和 --username；在终端上都没给时，会逐项询问（直接回车跳过）。")
            case .hFindPhone: ("The bound phone number.",
                              "绑定的手机号。")
            case .hFindUsername: ("The login user name.",
                                 "登录用户名。")
            case .promptFindPhone: ("Bound phone (Enter to skip): ",
                                   "绑定的手机号（直接回车跳过）：")
            case .promptFindEmail: ("Bound e-mail (Enter to skip): ",
                                   "绑定的邮箱（直接回车跳过）：")
            case .promptFindUsername: ("User name at the service (Enter to skip): ",
                                      "在该服务上的用户名（直接回车跳过）：")
            case .hAccountShow: ("Show one account; the secret stays hidden unless --reveal.",
                                "查看一个账号；除非加 --reveal，机密保持隐藏。")
            case .hAccountLabel: ("The account's label.",
                                 "账号的标签。")
            case .hReveal: ("Print the secret (to standard output; the reveal is audited).",
                           "显示机密（输出到标准输出；显示会记入审计日志）。")
            case .hAccountHistory: ("Every change of every field, with who and when (secrets masked unless --reveal).",
                                   "每个字段的每次修改，以及修改人和时间（除非加 --reveal，机密会被遮住）。")
            case .hRevealHistory: ("Show secret values (audited).",
                                  "显示机密的值（会记入审计日志）。")
            case .hAccountEdit: ("Change an account's fields and/or its secret (--secret asks for the new one).",
                                "修改账号的字段和／或机密（--secret 会询问新的机密）。")
            case .dHereAccountEdit: (" Here that is --username, --phone and --email; on a terminal, with no field, --new-label or --secret given, each is asked for (Enter keeps it, - clears it).",
                                    "这里指 --username、--phone 和 --email；在终端上，如果没给任何字段、--new-label 或 --secret，会逐项询问（直接回车保持不变，- 表示清除）。")
            case .hNewLabel: ("A new label.",
                             "新的标签。")
            case .hSetSecret: ("Set a new secret (from the prompt, --secret-stdin or --secret-file).",
                              "设置新的机密（来自提示输入、--secret-stdin 或 --secret-file）。")
            case .acSecretNeedsFlag: ("--secret-stdin and --secret-file need --secret",
                                     "--secret-stdin 和 --secret-file 需要配合 --secret")
            case .acNothingNoTerminal: ("nothing to change was given, and there is no terminal to ask on",
                                       "没有给出要修改的内容，也没有终端可以询问")
            case .acUpdated: ("Updated account {0}",
                             "已更新账号 {0}")
            case .hAccountRemove: ("Remove an account (the removal is audited).",
                                  "删除账号（删除会记入审计日志）。")
            case .dAccountRemove: ("On a terminal it asks for the label again before anything is read or locked; --yes skips that (scripts must give it).",
                                  "在终端上，读取或加锁之前会再问一次标签；--yes 跳过这一步（脚本必须加上）。")
            case .hYes: ("Remove without asking for the label again.",
                        "删除时不再询问标签。")
            case .promptRemoveAccount: ("Remove account {0}? Type its label again to confirm: ",
                                       "要删除账号 {0} 吗？请再输入一次它的标签以确认：")
            case .acRemoveNoTerminal: ("`vaultcli account remove` asks for the label again, and there is no terminal to ask; nothing was removed",
                                      "`vaultcli account remove` 需要再问一次标签，但没有终端可以询问；没有删除任何东西")
            case .acRemoveYesHint: ("add --yes to remove {0} without asking",
                                   "加上 --yes 可以不经询问删除 {0}")
            case .acLabelMismatch: ("the label typed does not match; nothing was removed",
                                   "输入的标签不一致；没有删除任何东西")
            case .acLabelMismatchHint: ("run the command again and type {0} exactly",
                                       "请重新运行这个命令，并准确输入 {0}")
            case .acRemoved: ("Removed account {0}",
                             "已删除账号 {0}")
            case .pdNotObject: ("{0} does not hold one JSON object",
                               "{0} 里不是一个 JSON 对象")
            case .pdNotObjectHint: ("give an object such as {\"username\": \"shop17\", \"phone\": \"13812345678\"}; keys: {0}",
                                   "请给出一个对象，例如 {\"username\": \"shop17\", \"phone\": \"13812345678\"}；可用的键：{0}")
            case .pdUnknownKey: ("the JSON document has the key \"{0}\", which this command does not take",
                                "JSON 文档里有键 \"{0}\"，这个命令不接受它")
            case .pdKeysAre: ("the keys are: {0}",
                             "可用的键：{0}")
            case .pdNotString: ("the JSON value of \"{0}\" is not a string",
                               "\"{0}\" 的 JSON 值不是字符串")
            case .pdNotStringHint: ("write every value as a JSON string, e.g. \"phone\": \"13812345678\"",
                                   "每个值都请写成 JSON 字符串，例如 \"phone\": \"13812345678\"")
            case .pdBoth: ("{0} is given both as --{0} and in the JSON document",
                          "{0} 既用 --{0} 给出，又写在 JSON 文档里")
            case .pdBothHint: ("give it in one place only (the JSON document keeps it off the command line)",
                              "请只在一个地方给出（JSON 文档可以让它不出现在命令行上）")
            case .pdStdinTaken: ("--from-json - reads standard input, so {0} cannot; use the matching file option (mode 0600) or the prompt",
                                "--from-json - 要读取标准输入，所以 {0} 不能再用；请改用对应的文件选项（权限 0600）或提示输入")
            case .pdNoAnswer: ("no answer was given",
                              "没有给出回答")
            case .pdNoTerminal: ("no terminal to ask for it",
                                "没有终端可以询问")
            case .pdNoTerminalHint: ("give it with a flag or in a JSON document (`--from-json -`)",
                                    "请用选项或 JSON 文档（`--from-json -`）给出")
            case .pdRefusedKeep: ("Refused: {0}. Try again ({1} more), or press Enter to leave it as it is.",
                                 "不接受：{0}。请再试（还有 {1} 次），或直接回车保持不变。")
            case .pdRefusedEmpty: ("Refused: {0}. Try again ({1} more), or press Enter to leave it empty.",
                                  "不接受：{0}。请再试（还有 {1} 次），或直接回车不填。")
            case .pdBlankEdit: (" (Enter keeps it, - clears it)",
                               "（直接回车保持不变，- 表示清除）")
            case .pdBlankAdd: (" (Enter for none)",
                              "（直接回车表示不绑定）")
            case .promptOperatorPhone: ("Bound phone for {0} (+8613812345678 or 13812345678){1}: ",
                                       "{0} 的绑定手机号（+8613812345678 或 13812345678）{1}：")
            case .promptOperatorEmail: ("Bound e-mail for {0}{1}: ",
                                       "{0} 的绑定邮箱{1}：")
            case .pdNoTerminalHints1: ("give {0}, or the keys {1} in `--from-json FILE` or `--from-json -` (standard input), which keeps them out of `ps` and shell history",
                                      "请给出 {0}，或在 `--from-json FILE` 或 `--from-json -`（标准输入）中给出键 {1}，这样它们不会出现在 `ps` 和命令历史里")
            case .pdNoTerminalHints2: ("run it on a terminal with none of these, and it asks for each",
                                      "在终端上运行且不给这些，会逐项询问")
            case .pdGive: ("give {0}",
                          "请给出 {0}")
            case .pdGiveOneOf: ("give one of {0}",
                               "请给出 {0} 之一")
            case .pdGiveOnlyOne: ("give only one of {0}",
                                 "{0} 只能给一个")
            case .pdGiveHint: ("to keep it off the command line, put it in a JSON object read with `--from-json -` (standard input) or `--from-json FILE`, or run the command on a terminal to be asked",
                              "要让它不出现在命令行上，请把它放进 JSON 对象，用 `--from-json -`（标准输入）或 `--from-json FILE` 读取，或在终端上运行命令以便询问")
            case .listOr: (" or ",
                          " 或 ")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var dAccount: Msg { .accounts(.dAccount) }
    @_alwaysEmitIntoClient public static var hSecretStdin: Msg { .accounts(.hSecretStdin) }
    @_alwaysEmitIntoClient public static var hSecretFile: Msg { .accounts(.hSecretFile) }
    @_alwaysEmitIntoClient public static var acChooseSecretSource: Msg { .accounts(.acChooseSecretSource) }
    @_alwaysEmitIntoClient public static var promptAccountSecret: Msg { .accounts(.promptAccountSecret) }
    @_alwaysEmitIntoClient public static var hService: Msg { .accounts(.hService) }
    @_alwaysEmitIntoClient public static var hUsername: Msg { .accounts(.hUsername) }
    @_alwaysEmitIntoClient public static var hAccountPhone: Msg { .accounts(.hAccountPhone) }
    @_alwaysEmitIntoClient public static var hAccountEmail: Msg { .accounts(.hAccountEmail) }
    @_alwaysEmitIntoClient public static var hNotes: Msg { .accounts(.hNotes) }
    @_alwaysEmitIntoClient public static var hPin: Msg { .accounts(.hPin) }
    @_alwaysEmitIntoClient public static var acBlankEdit: Msg { .accounts(.acBlankEdit) }
    @_alwaysEmitIntoClient public static var acBlankAdd: Msg { .accounts(.acBlankAdd) }
    @_alwaysEmitIntoClient public static var promptNewServiceUser: Msg { .accounts(.promptNewServiceUser) }
    @_alwaysEmitIntoClient public static var promptServiceUser: Msg { .accounts(.promptServiceUser) }
    @_alwaysEmitIntoClient public static var promptNewBoundPhone: Msg { .accounts(.promptNewBoundPhone) }
    @_alwaysEmitIntoClient public static var promptAccountPhone: Msg { .accounts(.promptAccountPhone) }
    @_alwaysEmitIntoClient public static var promptNewBoundEmail: Msg { .accounts(.promptNewBoundEmail) }
    @_alwaysEmitIntoClient public static var promptAccountEmail: Msg { .accounts(.promptAccountEmail) }
    @_alwaysEmitIntoClient public static var hAccountAdd: Msg { .accounts(.hAccountAdd) }
    @_alwaysEmitIntoClient public static var dHereAccountAdd: Msg { .accounts(.dHereAccountAdd) }
    @_alwaysEmitIntoClient public static var hLabel: Msg { .accounts(.hLabel) }
    @_alwaysEmitIntoClient public static var acGiveLabel: Msg { .accounts(.acGiveLabel) }
    @_alwaysEmitIntoClient public static var acAdded: Msg { .accounts(.acAdded) }
    @_alwaysEmitIntoClient public static var hAccountList: Msg { .accounts(.hAccountList) }
    @_alwaysEmitIntoClient public static var hAccountCSV: Msg { .accounts(.hAccountCSV) }
    @_alwaysEmitIntoClient public static var hAccountFind: Msg { .accounts(.hAccountFind) }
    @_alwaysEmitIntoClient public static var dHereAccountFind: Msg { .accounts(.dHereAccountFind) }
    @_alwaysEmitIntoClient public static var hFindPhone: Msg { .accounts(.hFindPhone) }
    @_alwaysEmitIntoClient public static var hFindUsername: Msg { .accounts(.hFindUsername) }
    @_alwaysEmitIntoClient public static var promptFindPhone: Msg { .accounts(.promptFindPhone) }
    @_alwaysEmitIntoClient public static var promptFindEmail: Msg { .accounts(.promptFindEmail) }
    @_alwaysEmitIntoClient public static var promptFindUsername: Msg { .accounts(.promptFindUsername) }
    @_alwaysEmitIntoClient public static var hAccountShow: Msg { .accounts(.hAccountShow) }
    @_alwaysEmitIntoClient public static var hAccountLabel: Msg { .accounts(.hAccountLabel) }
    @_alwaysEmitIntoClient public static var hReveal: Msg { .accounts(.hReveal) }
    @_alwaysEmitIntoClient public static var hAccountHistory: Msg { .accounts(.hAccountHistory) }
    @_alwaysEmitIntoClient public static var hRevealHistory: Msg { .accounts(.hRevealHistory) }
    @_alwaysEmitIntoClient public static var hAccountEdit: Msg { .accounts(.hAccountEdit) }
    @_alwaysEmitIntoClient public static var dHereAccountEdit: Msg { .accounts(.dHereAccountEdit) }
    @_alwaysEmitIntoClient public static var hNewLabel: Msg { .accounts(.hNewLabel) }
    @_alwaysEmitIntoClient public static var hSetSecret: Msg { .accounts(.hSetSecret) }
    @_alwaysEmitIntoClient public static var acSecretNeedsFlag: Msg { .accounts(.acSecretNeedsFlag) }
    @_alwaysEmitIntoClient public static var acNothingNoTerminal: Msg { .accounts(.acNothingNoTerminal) }
    @_alwaysEmitIntoClient public static var acUpdated: Msg { .accounts(.acUpdated) }
    @_alwaysEmitIntoClient public static var hAccountRemove: Msg { .accounts(.hAccountRemove) }
    @_alwaysEmitIntoClient public static var dAccountRemove: Msg { .accounts(.dAccountRemove) }
    @_alwaysEmitIntoClient public static var hYes: Msg { .accounts(.hYes) }
    @_alwaysEmitIntoClient public static var promptRemoveAccount: Msg { .accounts(.promptRemoveAccount) }
    @_alwaysEmitIntoClient public static var acRemoveNoTerminal: Msg { .accounts(.acRemoveNoTerminal) }
    @_alwaysEmitIntoClient public static var acRemoveYesHint: Msg { .accounts(.acRemoveYesHint) }
    @_alwaysEmitIntoClient public static var acLabelMismatch: Msg { .accounts(.acLabelMismatch) }
    @_alwaysEmitIntoClient public static var acLabelMismatchHint: Msg { .accounts(.acLabelMismatchHint) }
    @_alwaysEmitIntoClient public static var acRemoved: Msg { .accounts(.acRemoved) }
    @_alwaysEmitIntoClient public static var pdNotObject: Msg { .accounts(.pdNotObject) }
    @_alwaysEmitIntoClient public static var pdNotObjectHint: Msg { .accounts(.pdNotObjectHint) }
    @_alwaysEmitIntoClient public static var pdUnknownKey: Msg { .accounts(.pdUnknownKey) }
    @_alwaysEmitIntoClient public static var pdKeysAre: Msg { .accounts(.pdKeysAre) }
    @_alwaysEmitIntoClient public static var pdNotString: Msg { .accounts(.pdNotString) }
    @_alwaysEmitIntoClient public static var pdNotStringHint: Msg { .accounts(.pdNotStringHint) }
    @_alwaysEmitIntoClient public static var pdBoth: Msg { .accounts(.pdBoth) }
    @_alwaysEmitIntoClient public static var pdBothHint: Msg { .accounts(.pdBothHint) }
    @_alwaysEmitIntoClient public static var pdStdinTaken: Msg { .accounts(.pdStdinTaken) }
    @_alwaysEmitIntoClient public static var pdNoAnswer: Msg { .accounts(.pdNoAnswer) }
    @_alwaysEmitIntoClient public static var pdNoTerminal: Msg { .accounts(.pdNoTerminal) }
    @_alwaysEmitIntoClient public static var pdNoTerminalHint: Msg { .accounts(.pdNoTerminalHint) }
    @_alwaysEmitIntoClient public static var pdRefusedKeep: Msg { .accounts(.pdRefusedKeep) }
    @_alwaysEmitIntoClient public static var pdRefusedEmpty: Msg { .accounts(.pdRefusedEmpty) }
    @_alwaysEmitIntoClient public static var pdBlankEdit: Msg { .accounts(.pdBlankEdit) }
    @_alwaysEmitIntoClient public static var pdBlankAdd: Msg { .accounts(.pdBlankAdd) }
    @_alwaysEmitIntoClient public static var promptOperatorPhone: Msg { .accounts(.promptOperatorPhone) }
    @_alwaysEmitIntoClient public static var promptOperatorEmail: Msg { .accounts(.promptOperatorEmail) }
    @_alwaysEmitIntoClient public static var pdNoTerminalHints1: Msg { .accounts(.pdNoTerminalHints1) }
    @_alwaysEmitIntoClient public static var pdNoTerminalHints2: Msg { .accounts(.pdNoTerminalHints2) }
    @_alwaysEmitIntoClient public static var pdGive: Msg { .accounts(.pdGive) }
    @_alwaysEmitIntoClient public static var pdGiveOneOf: Msg { .accounts(.pdGiveOneOf) }
    @_alwaysEmitIntoClient public static var pdGiveOnlyOne: Msg { .accounts(.pdGiveOnlyOne) }
    @_alwaysEmitIntoClient public static var pdGiveHint: Msg { .accounts(.pdGiveHint) }
    @_alwaysEmitIntoClient public static var listOr: Msg { .accounts(.listOr) }
}
