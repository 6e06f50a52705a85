// The catalog's keys and texts for account show, exports, tables, Excel CSV, frame kinds, and
// what the user commands say. See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Output: CaseIterable, Sendable {
        // MARK: the rest
        case exUnknownFormat, imUnknownFormat, formatHint, exExists, exExistsHint, txSinceUntil, txSwapBounds
        case acNeedsLabel, acNeedsLabelHint, acRevealToShow, acShowLabel, acShowId, acShowService, acShowUsername
        case acShowPhone, acShowEmail, acShowSecret, acShowSecretKind, acShowNotes, acShowCreated, acShowUpdated
        case acByWhom, colLabel, colService, colUsername, colPhone, colEmail, colBy, colField, colOld, colNew
        case totpTypeKey, srcStdinAppCode, srcStandardOutput, qrFailedTooLong, qrFailed, rsNotBackupObject
        case rsNotFleetBackup, rsNotInRoster, rsNamesTerminal
        // MARK: frame kinds, business hours
        case fkIndex, fkKeyslot, fkRecord, fkData, fkAudit, fkLockout, stHoursNotSet, userUnlocked, userDisabled
        case userRemoved, statusLocked, statusActive, statusDisabled, editJSONExample, userFromJSONStdinNewPassword
        case showName, showRole, showStatus, showLockedUntil, showPhone, showEmail, showCreated, showPasswordChanged
        case showMustChange, showFailedLogins, showOneTimeCodes, wordOn, wordOff, passwdChanged, passwdNew, passwdReset
        case roleChanged, userAlreadyEnabled, userEnabled, chooseOnePhone, chooseOneEmail, editSayWhat, editJSONNeither
        case editDone, totpUnknownAlgorithm, totpPNGExists, totpScan, totpPNG, promptCodeFromApp, totpOn, totpOff
        case rotationDone, rotationCodes, detailOnlyInEnglish
        // MARK: local time, tables and Excel CSV (merged)
        case excelNeedsCSV, hExcelWithCSV, hExcelExport, excelNotCSV, excelNotCSVHint, hImportEncoding, importReadAsGB
        // MARK: table headers and the summary lines (merged)
        case colFile, colCreated

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .userUnlocked: ("{0} is unlocked.", "{0} 已解除锁定。")
            case .userDisabled: ("{0} is disabled; their password no longer opens the vault.", "{0} 已停用；其密码不再能打开保险库。")
            case .userRemoved: ("{0} was removed.", "{0} 已删除。")
            case .exUnknownFormat: ("unknown export format \"{0}\"",
                                   "不认识的导出格式“{0}”")
            case .imUnknownFormat: ("unknown import format \"{0}\"",
                                   "不认识的导入格式“{0}”")
            case .formatHint: ("use --format csv or --format jsonl",
                              "请用 --format csv 或 --format jsonl")
            case .exExists: ("{0} already exists; it was not changed",
                            "{0} 已经存在；它没有被改动")
            case .exExistsHint: ("choose another name, or add --force to replace it",
                                "请换一个名字，或加上 --force 替换它")
            case .txSinceUntil: ("--since {0} is not before --until {1}",
                                "--since {0} 不早于 --until {1}")
            case .txSwapBounds: ("swap the two bounds",
                                "请把两个边界对调")
            case .acNeedsLabel: ("an account needs a label",
                                "账号需要一个标签")
            case .acNeedsLabelHint: ("give --label, or \"label\" in the JSON document",
                                    "请给出 --label，或在 JSON 文档中写 \"label\"")
            case .acRevealToShow: (" (--reveal to show)",
                                  "（加 --reveal 显示）")
            case .acShowLabel: ("label:",
                               "标签：")
            case .acShowId: ("id:",
                            "编号：")
            case .acShowService: ("service:",
                                 "服务：")
            case .acShowUsername: ("username:",
                                  "用户名：")
            case .acShowPhone: ("phone:",
                               "手机：")
            case .acShowEmail: ("email:",
                               "邮箱：")
            case .acShowSecret: ("secret:",
                                "机密：")
            case .acShowSecretKind: ("secret kind:",
                                    "机密类型：")
            case .acShowNotes: ("notes:",
                               "备注：")
            case .acShowCreated: ("created:",
                                 "创建：")
            case .acShowUpdated: ("updated:",
                                 "更新：")
            case .acByWhom: ("{0} by {1}",
                            "{0}，由 {1}")
            case .colLabel: ("LABEL",
                            "标签")
            case .colService: ("SERVICE",
                              "服务")
            case .colUsername: ("USERNAME",
                               "用户名")
            case .colPhone: ("PHONE",
                            "手机")
            case .colEmail: ("EMAIL",
                            "邮箱")
            case .colBy: ("BY",
                         "修改人")
            case .colField: ("FIELD",
                            "字段")
            case .colOld: ("OLD",
                          "原值")
            case .colNew: ("NEW",
                          "新值")
            case .totpTypeKey: ("  or type the key: ",
                               "  或手动输入密钥：")
            case .srcStdinAppCode: ("standard input (the code from the app)",
                                   "标准输入（应用上的验证码）")
            case .srcStandardOutput: ("standard output",
                                     "标准输出")
            case .qrFailedTooLong: ("could not draw a QR code for this text (too long)",
                                   "无法为这段文字画出二维码（太长）")
            case .qrFailed: ("could not draw a QR code for this text (libqrencode failed)",
                            "无法为这段文字画出二维码（libqrencode 出错）")
            case .rsNotBackupObject: ("{0} does not name a backup object (…/<time>-<seq>.age)",
                                     "{0} 不是备份对象（…/<time>-<seq>.age）")
            case .rsNotFleetBackup: ("{0} is not a fleet backup (…/vaultcli/v1/t/<terminal>/<name>.age)",
                                    "{0} 不是连锁备份（…/vaultcli/v1/t/<terminal>/<name>.age）")
            case .rsNotInRoster: ("terminal {0} is not in the roster",
                                 "终端 {0} 不在名册中")
            case .rsNamesTerminal: ("it names terminal {0}, not {1}",
                                   "它写的是终端 {0}，不是 {1}")
            case .fkIndex: ("index",
                           "索引")
            case .fkKeyslot: ("keyslot",
                             "密钥槽")
            case .fkRecord: ("record",
                            "记录")
            case .fkData: ("data",
                          "数据")
            case .fkAudit: ("audit event",
                           "审计事件")
            case .fkLockout: ("lockout counter",
                             "锁定计数")
            case .stHoursNotSet: ("off",
                                 "未设置")
            case .statusLocked: ("locked", "已锁定")
            case .editJSONExample: ("e.g. {\"phone\": \"13812345678\"}; \"\" clears one", "例如 {\"phone\": \"13812345678\"}；\"\" 表示清除该项")
            case .userFromJSONStdinNewPassword: ("--from-json - reads standard input, so the new password cannot: use --generate, --generate-strong or --new-password-file",
                                                "--from-json - 要读取标准输入，所以新密码不能也从那里读：请用 --generate、--generate-strong 或 --new-password-file")
            case .showName: ("name:             {0}",
                            "姓名：           {0}")
            case .showRole: ("role:             {0}",
                            "角色：           {0}")
            case .showStatus: ("status:           {0}",
                              "状态：           {0}")
            case .showLockedUntil: ("locked until {0}",
                                   "锁定到 {0}")
            case .showPhone: ("phone:            {0}",
                             "手机：           {0}")
            case .showEmail: ("email:            {0}",
                             "邮箱：           {0}")
            case .showCreated: ("created:          {0}",
                               "创建时间：       {0}")
            case .showPasswordChanged: ("password changed: {0}{1}",
                                       "密码修改时间：   {0}{1}")
            case .showMustChange: (" (must be changed at next login)",
                                  "（下次登录时必须修改）")
            case .showFailedLogins: ("failed logins:    {0}",
                                    "登录失败次数：   {0}")
            case .showOneTimeCodes: ("one-time codes:   {0}",
                                    "一次性验证码：   {0}")
            case .wordOn: ("on",
                          "已开启")
            case .wordOff: ("off",
                           "已关闭")
            case .passwdChanged: ("Password of {0} changed.",
                                 "{0} 的密码已修改。")
            case .passwdNew: ("New password: {0}",
                             "新密码：{0}")
            case .passwdReset: ("Password of {0} reset; it must be changed at first login.",
                               "{0} 的密码已重置；首次登录时必须修改。")
            case .roleChanged: ("{0} is now {1}; the temporary password must be changed at first login.",
                               "{0} 现在是{1}；首次登录时必须修改临时密码。")
            case .userAlreadyEnabled: ("{0} is already enabled.",
                                      "{0} 本来就是启用的。")
            case .userEnabled: ("{0} is enabled; the temporary password must be changed at first login.",
                               "{0} 已启用；首次登录时必须修改临时密码。")
            case .chooseOnePhone: ("choose one of --phone and --clear-phone",
                                  "--phone 和 --clear-phone 只能选一个")
            case .chooseOneEmail: ("choose one of --email and --clear-email",
                                  "--email 和 --clear-email 只能选一个")
            case .editSayWhat: ("say what to change: --phone, --email, --clear-phone, --clear-email, or the keys \"phone\" and \"email\" in --from-json FILE or --from-json - (standard input, which keeps them out of `ps` and shell history); on a terminal, with none of these, it asks",
                               "请说明要改什么：--phone、--email、--clear-phone、--clear-email，或 --from-json FILE 或 --from-json -（标准输入，不会出现在 `ps` 和命令历史里）中的键 \"phone\" 和 \"email\"；在终端上不给这些的话，会逐项询问")
            case .editJSONNeither: ("the JSON document gives neither \"phone\" nor \"email\"; nothing was changed",
                                   "JSON 文档里既没有 \"phone\" 也没有 \"email\"；没有任何改动")
            case .editDone: ("{0}: phone {1}, e-mail {2}",
                            "{0}：手机 {1}，邮箱 {2}")
            case .totpUnknownAlgorithm: ("unknown --algorithm \"{0}\": use sha1 (the default, which every authenticator app reads), sha256 or sha512",
                                        "不认识的 --algorithm “{0}”：请用 sha1（默认，所有验证器应用都能读）、sha256 或 sha512")
            case .totpPNGExists: ("{0} already exists; choose another file name for --qr-png (the QR code holds the secret, so vaultcli never overwrites a file with it)",
                                 "{0} 已经存在；请给 --qr-png 换一个文件名（二维码里含有密钥，所以 vaultcli 从不用它覆盖文件）")
            case .totpScan: ("Scan this with your authenticator app ({0}, 6 digits, 30 s), then run `vaultcli user totp confirm --user {1}`:",
                            "请用验证器应用扫描（{0}，6 位数字，30 s），然后运行 `vaultcli user totp confirm --user {1}`：")
            case .totpPNG: ("  QR code image: {0} (it holds the secret: delete it once scanned)",
                           "  二维码图片：{0}（里面含有密钥：扫描后请删除）")
            case .promptCodeFromApp: ("Code from the app: ",
                                     "应用上的验证码：")
            case .totpOn: ("One-time codes are on for {0}: login now asks for one after the password.",
                          "{0} 已开启一次性验证码：现在登录时输入密码后还要输入验证码。")
            case .totpOff: ("One-time codes are off for {0}.",
                           "{0} 已关闭一次性验证码。")
            case .rotationDone: ("Every key of the vault was replaced; the old keys open nothing in it now.",
                                "保险库的所有密钥都已更换；旧密钥现在什么也打不开了。")
            case .rotationCodes: ("The recovery codes were replaced too (an admin who could see them lost the role):",
                                 "恢复码也已更换（一位能看到它们的管理员失去了这个角色）：")
            case .detailOnlyInEnglish: ("(the details are in English: run the command again with --lang en)",
                                       "详情只有英文版：在命令中加上 --lang en 再运行一次即可看到")
            case .statusActive: ("active", "正常")
            case .statusDisabled: ("disabled", "已停用")
            case .excelNeedsCSV: ("--excel shapes CSV: give it with --csv",
                                 "--excel 只用于 CSV：请与 --csv 一起使用")
            case .hExcelWithCSV: ("With --csv: UTF-8 with a byte order mark and CR LF line ends, which Excel on Chinese Windows opens.",
                                 "与 --csv 一起使用：带 BOM 的 UTF-8 和 CRLF 换行，中文 Windows 上的 Excel 可以直接打开。")
            case .hExcelExport: ("CSV for Excel on Chinese Windows: UTF-8 with a byte order mark, CR LF line ends.",
                                "给中文 Windows 上的 Excel 用的 CSV：带 BOM 的 UTF-8，CRLF 换行。")
            case .excelNotCSV: ("--excel shapes CSV, not {0}",
                               "--excel 只用于 CSV，不能用于 {0}")
            case .excelNotCSVHint: ("use --format csv with --excel",
                                   "请把 --format csv 与 --excel 一起使用")
            case .hImportEncoding: ("The file's text encoding: utf-8, gbk (GB18030, as Excel on Chinese Windows saves CSV) or auto (UTF-8, else GB18030).",
                                   "文件的文本编码：utf-8、gbk（GB18030，中文 Windows 上的 Excel 保存 CSV 时用的编码）或 auto（先试 UTF-8，否则按 GB18030）。")
            case .importReadAsGB: ("{0} was read as GB18030 (GBK): its text is not UTF-8",
                                  "{0} 按 GB18030（GBK）读取：它的文本不是 UTF-8")
            case .colFile: ("FILE",
                           "文件")
            case .colCreated: ("CREATED",
                              "创建时间")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var exUnknownFormat: Msg { .output(.exUnknownFormat) }
    @_alwaysEmitIntoClient public static var imUnknownFormat: Msg { .output(.imUnknownFormat) }
    @_alwaysEmitIntoClient public static var formatHint: Msg { .output(.formatHint) }
    @_alwaysEmitIntoClient public static var exExists: Msg { .output(.exExists) }
    @_alwaysEmitIntoClient public static var exExistsHint: Msg { .output(.exExistsHint) }
    @_alwaysEmitIntoClient public static var txSinceUntil: Msg { .output(.txSinceUntil) }
    @_alwaysEmitIntoClient public static var txSwapBounds: Msg { .output(.txSwapBounds) }
    @_alwaysEmitIntoClient public static var acNeedsLabel: Msg { .output(.acNeedsLabel) }
    @_alwaysEmitIntoClient public static var acNeedsLabelHint: Msg { .output(.acNeedsLabelHint) }
    @_alwaysEmitIntoClient public static var acRevealToShow: Msg { .output(.acRevealToShow) }
    @_alwaysEmitIntoClient public static var acShowLabel: Msg { .output(.acShowLabel) }
    @_alwaysEmitIntoClient public static var acShowId: Msg { .output(.acShowId) }
    @_alwaysEmitIntoClient public static var acShowService: Msg { .output(.acShowService) }
    @_alwaysEmitIntoClient public static var acShowUsername: Msg { .output(.acShowUsername) }
    @_alwaysEmitIntoClient public static var acShowPhone: Msg { .output(.acShowPhone) }
    @_alwaysEmitIntoClient public static var acShowEmail: Msg { .output(.acShowEmail) }
    @_alwaysEmitIntoClient public static var acShowSecret: Msg { .output(.acShowSecret) }
    @_alwaysEmitIntoClient public static var acShowSecretKind: Msg { .output(.acShowSecretKind) }
    @_alwaysEmitIntoClient public static var acShowNotes: Msg { .output(.acShowNotes) }
    @_alwaysEmitIntoClient public static var acShowCreated: Msg { .output(.acShowCreated) }
    @_alwaysEmitIntoClient public static var acShowUpdated: Msg { .output(.acShowUpdated) }
    @_alwaysEmitIntoClient public static var acByWhom: Msg { .output(.acByWhom) }
    @_alwaysEmitIntoClient public static var colLabel: Msg { .output(.colLabel) }
    @_alwaysEmitIntoClient public static var colService: Msg { .output(.colService) }
    @_alwaysEmitIntoClient public static var colUsername: Msg { .output(.colUsername) }
    @_alwaysEmitIntoClient public static var colPhone: Msg { .output(.colPhone) }
    @_alwaysEmitIntoClient public static var colEmail: Msg { .output(.colEmail) }
    @_alwaysEmitIntoClient public static var colBy: Msg { .output(.colBy) }
    @_alwaysEmitIntoClient public static var colField: Msg { .output(.colField) }
    @_alwaysEmitIntoClient public static var colOld: Msg { .output(.colOld) }
    @_alwaysEmitIntoClient public static var colNew: Msg { .output(.colNew) }
    @_alwaysEmitIntoClient public static var totpTypeKey: Msg { .output(.totpTypeKey) }
    @_alwaysEmitIntoClient public static var srcStdinAppCode: Msg { .output(.srcStdinAppCode) }
    @_alwaysEmitIntoClient public static var srcStandardOutput: Msg { .output(.srcStandardOutput) }
    @_alwaysEmitIntoClient public static var qrFailedTooLong: Msg { .output(.qrFailedTooLong) }
    @_alwaysEmitIntoClient public static var qrFailed: Msg { .output(.qrFailed) }
    @_alwaysEmitIntoClient public static var rsNotBackupObject: Msg { .output(.rsNotBackupObject) }
    @_alwaysEmitIntoClient public static var rsNotFleetBackup: Msg { .output(.rsNotFleetBackup) }
    @_alwaysEmitIntoClient public static var rsNotInRoster: Msg { .output(.rsNotInRoster) }
    @_alwaysEmitIntoClient public static var rsNamesTerminal: Msg { .output(.rsNamesTerminal) }
    @_alwaysEmitIntoClient public static var fkIndex: Msg { .output(.fkIndex) }
    @_alwaysEmitIntoClient public static var fkKeyslot: Msg { .output(.fkKeyslot) }
    @_alwaysEmitIntoClient public static var fkRecord: Msg { .output(.fkRecord) }
    @_alwaysEmitIntoClient public static var fkData: Msg { .output(.fkData) }
    @_alwaysEmitIntoClient public static var fkAudit: Msg { .output(.fkAudit) }
    @_alwaysEmitIntoClient public static var fkLockout: Msg { .output(.fkLockout) }
    @_alwaysEmitIntoClient public static var stHoursNotSet: Msg { .output(.stHoursNotSet) }
    @_alwaysEmitIntoClient public static var userUnlocked: Msg { .output(.userUnlocked) }
    @_alwaysEmitIntoClient public static var userDisabled: Msg { .output(.userDisabled) }
    @_alwaysEmitIntoClient public static var userRemoved: Msg { .output(.userRemoved) }
    @_alwaysEmitIntoClient public static var statusLocked: Msg { .output(.statusLocked) }
    @_alwaysEmitIntoClient public static var statusActive: Msg { .output(.statusActive) }
    @_alwaysEmitIntoClient public static var statusDisabled: Msg { .output(.statusDisabled) }
    @_alwaysEmitIntoClient public static var editJSONExample: Msg { .output(.editJSONExample) }
    @_alwaysEmitIntoClient public static var userFromJSONStdinNewPassword: Msg { .output(.userFromJSONStdinNewPassword) }
    @_alwaysEmitIntoClient public static var showName: Msg { .output(.showName) }
    @_alwaysEmitIntoClient public static var showRole: Msg { .output(.showRole) }
    @_alwaysEmitIntoClient public static var showStatus: Msg { .output(.showStatus) }
    @_alwaysEmitIntoClient public static var showLockedUntil: Msg { .output(.showLockedUntil) }
    @_alwaysEmitIntoClient public static var showPhone: Msg { .output(.showPhone) }
    @_alwaysEmitIntoClient public static var showEmail: Msg { .output(.showEmail) }
    @_alwaysEmitIntoClient public static var showCreated: Msg { .output(.showCreated) }
    @_alwaysEmitIntoClient public static var showPasswordChanged: Msg { .output(.showPasswordChanged) }
    @_alwaysEmitIntoClient public static var showMustChange: Msg { .output(.showMustChange) }
    @_alwaysEmitIntoClient public static var showFailedLogins: Msg { .output(.showFailedLogins) }
    @_alwaysEmitIntoClient public static var showOneTimeCodes: Msg { .output(.showOneTimeCodes) }
    @_alwaysEmitIntoClient public static var wordOn: Msg { .output(.wordOn) }
    @_alwaysEmitIntoClient public static var wordOff: Msg { .output(.wordOff) }
    @_alwaysEmitIntoClient public static var passwdChanged: Msg { .output(.passwdChanged) }
    @_alwaysEmitIntoClient public static var passwdNew: Msg { .output(.passwdNew) }
    @_alwaysEmitIntoClient public static var passwdReset: Msg { .output(.passwdReset) }
    @_alwaysEmitIntoClient public static var roleChanged: Msg { .output(.roleChanged) }
    @_alwaysEmitIntoClient public static var userAlreadyEnabled: Msg { .output(.userAlreadyEnabled) }
    @_alwaysEmitIntoClient public static var userEnabled: Msg { .output(.userEnabled) }
    @_alwaysEmitIntoClient public static var chooseOnePhone: Msg { .output(.chooseOnePhone) }
    @_alwaysEmitIntoClient public static var chooseOneEmail: Msg { .output(.chooseOneEmail) }
    @_alwaysEmitIntoClient public static var editSayWhat: Msg { .output(.editSayWhat) }
    @_alwaysEmitIntoClient public static var editJSONNeither: Msg { .output(.editJSONNeither) }
    @_alwaysEmitIntoClient public static var editDone: Msg { .output(.editDone) }
    @_alwaysEmitIntoClient public static var totpUnknownAlgorithm: Msg { .output(.totpUnknownAlgorithm) }
    @_alwaysEmitIntoClient public static var totpPNGExists: Msg { .output(.totpPNGExists) }
    @_alwaysEmitIntoClient public static var totpScan: Msg { .output(.totpScan) }
    @_alwaysEmitIntoClient public static var totpPNG: Msg { .output(.totpPNG) }
    @_alwaysEmitIntoClient public static var promptCodeFromApp: Msg { .output(.promptCodeFromApp) }
    @_alwaysEmitIntoClient public static var totpOn: Msg { .output(.totpOn) }
    @_alwaysEmitIntoClient public static var totpOff: Msg { .output(.totpOff) }
    @_alwaysEmitIntoClient public static var rotationDone: Msg { .output(.rotationDone) }
    @_alwaysEmitIntoClient public static var rotationCodes: Msg { .output(.rotationCodes) }
    @_alwaysEmitIntoClient public static var detailOnlyInEnglish: Msg { .output(.detailOnlyInEnglish) }
    @_alwaysEmitIntoClient public static var excelNeedsCSV: Msg { .output(.excelNeedsCSV) }
    @_alwaysEmitIntoClient public static var hExcelWithCSV: Msg { .output(.hExcelWithCSV) }
    @_alwaysEmitIntoClient public static var hExcelExport: Msg { .output(.hExcelExport) }
    @_alwaysEmitIntoClient public static var excelNotCSV: Msg { .output(.excelNotCSV) }
    @_alwaysEmitIntoClient public static var excelNotCSVHint: Msg { .output(.excelNotCSVHint) }
    @_alwaysEmitIntoClient public static var hImportEncoding: Msg { .output(.hImportEncoding) }
    @_alwaysEmitIntoClient public static var importReadAsGB: Msg { .output(.importReadAsGB) }
    @_alwaysEmitIntoClient public static var colFile: Msg { .output(.colFile) }
    @_alwaysEmitIntoClient public static var colCreated: Msg { .output(.colCreated) }
}
