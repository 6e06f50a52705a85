// The catalog's keys and texts for status, init, and transactions: their output, text tables and
// import rows. See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Status: CaseIterable, Sendable {
        // MARK: init
        case initCalibrating, initCreated, initVaultId, initTerminalId, initAdmin, initKDF, initNextSteps, initStep1
        case initStep2, initStep3, initBindContact, initKdfRange, kitTitle, kitKeepOffline, kitAnyOne
        // MARK: tx
        case txAdded, txCountOne, txCountMany, txYoursOnly, txChooseJsonOrCsv, txLimitAtLeastOne, colTime, colId
        case colKind, colAmount, colCurrency, colCard, colOperator, colStatus, colReference
        // MARK: status
        case stDiscussion, stMinAgo, stHoursAgo, stDaysAgo, stPasswords, stPasswordsNone, stExpiredOn, stExpiresInOne
        case stExpiresInMany, stBackup, stLastGood, stOverdueOne, stOverdueMany, stNoBackup, stBackupFailedAfter
        case stFailedLogins, stNone, stFailedCount, stLockoutsOne, stLockoutsMany, stOffHours, stOffHoursNotChecked
        case stRecoveryCodes, stCodesLeft, stCodesLow, atPasswordsExpiredOne, atPasswordsExpiredMany, atPasswordsDueOne
        case atPasswordsDueMany, atNoBackup, atBackupOverdueOne, atBackupOverdueMany, atLockouts, atRepeatedFailures
        case atOffHoursOne, atOffHoursMany, atCodesLeftOne, atCodesLeftMany, atLine, atSeparator
        // MARK: account count
        case acCountOne, acCountMany
        // MARK: import rows
        case rwFieldCount, rwIdMissing, rwAmountMissing, rwTimeMissing, rwDisagree, rwAmountMinor, rwNoTimeOfDay
        case rwNotADate, rwNotUTF8, rwQuote, rwQuoteHint, rwEmpty, rwEmptyHint
        // MARK: a transaction's kind and status in text tables
        case totpLibNotLoaded, totpLibNoFunctions, colActor, colTarget, colDay, txSumCurrency, txSumSeparator
        case txSumRecordsOne, txSumRecordsMany, txSumYoursOnly, txKindSale, txKindRefund, txKindVoid, txStatusApproved
        case txStatusDeclined, txStatusPending, txStatusReversed

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .totpLibNotLoaded: ("one-time codes with SHA-1 need OpenSSL's {0}, which could not be loaded ({1}); install it (Debian: `apt-get install libssl3`) or reinstall vaultcli's package",
                                     "SHA-1 一次性验证码需要 OpenSSL 的 {0}，但无法加载它（{1}）；请安装（Debian：`apt-get install libssl3`），或重新安装 vaultcli 的软件包")
            case .totpLibNoFunctions: ("{0} has no HMAC or EVP_sha1; install OpenSSL 3's libcrypto (Debian: libssl3)",
                                       "{0} 中没有 HMAC 或 EVP_sha1；请安装 OpenSSL 3 的 libcrypto（Debian：libssl3）")
            case .colActor: ("ACTOR", "操作人")
            case .colTarget: ("TARGET", "对象")
            case .colDay: ("DAY", "日期")
            case .txSumCurrency: ("{0}: {1} records; {2}; net (sales - refunds) {3}", "{0}：共 {1} 笔；{2}；净额（消费 - 退款）{3}")
            case .txSumRecordsOne: ("{0} record", "共 {0} 笔")
            case .txSumRecordsMany: ("{0} records", "共 {0} 笔")
            case .txSumYoursOnly: (" (yours only)", "（只有您自己的）")
            case .txSumSeparator: (", ", "，")
            case .txKindSale: ("sale", "消费")
            case .txKindRefund: ("refund", "退款")
            case .txKindVoid: ("void", "撤销")
            case .txStatusApproved: ("approved", "成功")
            case .txStatusDeclined: ("declined", "拒绝")
            case .txStatusPending: ("pending", "处理中")
            case .txStatusReversed: ("reversed", "已冲正")
            case .initCalibrating: ("calibrating the key derivation to about {0} ms...", "正在校准密钥派生，目标约 {0} ms……")
            case .initCreated: ("Created vault {0}", "已创建保险库 {0}")
            case .initVaultId: ("  vault id:    {0}", "  保险库 ID：    {0}")
            case .initTerminalId: ("  terminal id: {0}", "  终端号：       {0}")
            case .initAdmin: ("  admin:       {0}", "  管理员：       {0}")
            case .initKDF: ("  key derivation: {0}", "  密钥派生：     {0}")
            case .initNextSteps: ("Next steps:", "下一步：")
            case .initStep1: ("  1. An offline recovery key, kept off this terminal (it also opens every backup):",
                              "  1. 一把离线保存、不放在这台终端上的恢复密钥（它也能打开每一个备份）：")
            case .initStep2: ("  2. Recovery questions, for a forgotten password:", "  2. 密保问题，用于忘记密码时：")
            case .initStep3: ("  3. A nightly backup to a USB stick (docs/backup-guide.md has the timer):", "  3. 每晚备份到 U 盘（定时任务见 docs/backup-guide.md）：")
            case .initBindContact: ("  Bind your phone or e-mail so `vaultcli recover username` can find you: vaultcli user edit --user {0} (it asks for both)",
                                    "  绑定手机或邮箱，这样 `vaultcli recover username` 能找到您：vaultcli user edit --user {0}（会询问这两项）")
            case .initKdfRange: ("--kdf-target-ms must be between 100 and 10000", "--kdf-target-ms 必须在 100 到 10000 之间")
            case .kitTitle: ("Recovery codes (each works once; they are shown only now):", "恢复码（每个只能用一次；只在此时显示）：")
            case .kitKeepOffline: ("Keep them offline: print them or write them down, and store them apart from this terminal.",
                                   "请离线保存：打印或抄写下来，并与这台终端分开存放。")
            case .kitAnyOne: ("Any one of them opens the vault's data like an admin: `vaultcli recover password --user NAME --code`.",
                              "其中任何一个都能像管理员一样打开保险库的数据：`vaultcli recover password --user NAME --code`。")
            case .txAdded: ("Added {0}: {1} {2} {3} by {4} at {5}", "已记录 {0}：{1} {2} {3}，操作员 {4}，时间 {5}")
            case .txCountOne: ("{0} transaction", "共 {0} 笔交易")
            case .txCountMany: ("{0} transactions", "共 {0} 笔交易")
            case .txYoursOnly: (" (yours only: a cashier sees their own)", "（只有您自己的：收银员只能看到自己的记录）")
            case .txChooseJsonOrCsv: ("choose one of --json and --csv", "--json 和 --csv 只能选一个")
            case .txLimitAtLeastOne: ("--limit must be at least 1", "--limit 至少为 1")
            case .colTime: ("TIME", "时间")
            case .colId: ("ID", "编号")
            case .colKind: ("KIND", "类型")
            case .colAmount: ("AMOUNT", "金额")
            case .colCurrency: ("CUR", "币种")
            case .colCard: ("CARD", "卡号")
            case .colOperator: ("OPERATOR", "操作员")
            case .colStatus: ("STATUS", "状态")
            case .colReference: ("REFERENCE", "参考号")
            case .stDiscussion: ("Exit status 0: nothing needs attention; 1: something does (each such line starts with \"!\"), so a timer can raise an alarm. Counts cover the last 7 days. Set the limits with `vaultcli policy set backup-max-age-days N` (default 1) and `vaultcli policy set business-hours 08:00-22:00` (local time; default off).",
                                "退出状态 0：没有需要关注的事；1：有（每条这样的行以“!”开头），这样定时任务可以报警。统计范围是最近 7 天。限值用 `vaultcli policy set backup-max-age-days N`（默认 1）和 `vaultcli policy set business-hours 08:00-22:00`（本地时间；默认关闭）设置。")
            case .stMinAgo: ("{0} min ago",
                            "{0} 分钟前")
            case .stHoursAgo: ("{0} h ago",
                              "{0} 小时前")
            case .stDaysAgo: ("{0} days ago",
                             "{0} 天前")
            case .stPasswords: ("Passwords",
                               "密码")
            case .stPasswordsNone: ("  none expired or due within the warning period",
                                   "  没有已过期或在提醒期内到期的密码")
            case .stExpiredOn: ("expired on {0}",
                               "已于 {0} 过期")
            case .stExpiresInOne: ("expires in {0} day ({1})",
                                  "{0} 天后过期（{1}）")
            case .stExpiresInMany: ("expires in {0} days ({1})",
                                   "{0} 天后过期（{1}）")
            case .stBackup: ("Backup",
                            "备份")
            case .stLastGood: ("last good backup {0} ({1}) to {2}",
                              "最近一次成功备份：{0}（{1}），备份到 {2}")
            case .stOverdueOne: ("; overdue (more than {0} day)",
                                "；已超期（超过 {0} 天）")
            case .stOverdueMany: ("; overdue (more than {0} days)",
                                 "；已超期（超过 {0} 天）")
            case .stNoBackup: ("no backup yet: run `vaultcli backup --to DIR` (see docs/backup-guide.md for the nightly timer)",
                              "还没有备份：请运行 `vaultcli backup --to DIR`（每晚定时备份见 docs/backup-guide.md）")
            case .stBackupFailedAfter: ("  a backup failed after it: {0} to {1}",
                                       "  之后有一次备份失败：{0}，备份到 {1}")
            case .stFailedLogins: ("Failed logins, last {0} days",
                                  "登录失败，最近 {0} 天")
            case .stNone: ("  none",
                          "  无")
            case .stFailedCount: ("{0} failed",
                                 "失败 {0} 次")
            case .stLockoutsOne: (", {0} lockout",
                                 "，锁定 {0} 次")
            case .stLockoutsMany: (", {0} lockouts",
                                  "，锁定 {0} 次")
            case .stOffHours: ("Logins outside business hours ({0}), last {1} days",
                              "营业时间（{0}）以外的登录，最近 {1} 天")
            case .stOffHoursNotChecked: ("  not checked: set them with `vaultcli policy set business-hours 08:00-22:00`",
                                        "  未检查：请用 `vaultcli policy set business-hours 08:00-22:00` 设置营业时间")
            case .stRecoveryCodes: ("Recovery codes",
                                   "恢复码")
            case .stCodesLeft: ("{0} left",
                               "剩余 {0} 个")
            case .stCodesLow: (": make new ones with `vaultcli recover codes --regenerate`",
                              "：请用 `vaultcli recover codes --regenerate` 生成新的")
            case .atPasswordsExpiredOne: ("{0} password expired",
                                         "{0} 个密码已过期")
            case .atPasswordsExpiredMany: ("{0} passwords expired",
                                          "{0} 个密码已过期")
            case .atPasswordsDueOne: ("{0} password expire soon",
                                     "{0} 个密码即将过期")
            case .atPasswordsDueMany: ("{0} passwords expire soon",
                                      "{0} 个密码即将过期")
            case .atNoBackup: ("no backup yet",
                              "还没有备份")
            case .atBackupOverdueOne: ("last backup {0} day ago",
                                      "最近一次备份在 {0} 天前")
            case .atBackupOverdueMany: ("last backup {0} days ago",
                                       "最近一次备份在 {0} 天前")
            case .atLockouts: ("{0} locked out {1}×",
                              "{0} 被锁定 {1} 次")
            case .atRepeatedFailures: ("{0} failed logins for {1}",
                                      "{1} 登录失败 {0} 次")
            case .atOffHoursOne: ("{0} login outside business hours",
                                 "营业时间以外登录 {0} 次")
            case .atOffHoursMany: ("{0} logins outside business hours",
                                  "营业时间以外登录 {0} 次")
            case .atCodesLeftOne: ("{0} recovery code left",
                                  "只剩 {0} 个恢复码")
            case .atCodesLeftMany: ("{0} recovery codes left",
                                   "只剩 {0} 个恢复码")
            case .atLine: ("attention: {0} (see `vaultcli status`)",
                          "请注意：{0}（详见 `vaultcli status`）")
            case .atSeparator: ("; ",
                               "；")
            case .acCountOne: ("{0} account",
                              "共 {0} 个账号")
            case .acCountMany: ("{0} accounts",
                               "共 {0} 个账号")
            case .rwFieldCount: ("{0} fields, but the header has {1}",
                                "有 {0} 个字段，但标题行有 {1} 个")
            case .rwIdMissing: ("the id is missing",
                               "缺少编号")
            case .rwAmountMissing: ("the amount is missing",
                                   "缺少金额")
            case .rwTimeMissing: ("the time is missing",
                                 "缺少时间")
            case .rwDisagree: ("amount and amount_minor disagree",
                              "amount 与 amount_minor 不一致")
            case .rwAmountMinor: ("amount_minor \"{0}\" is not a whole number of minor units from 0 to {1}",
                                 "amount_minor“{0}”不是 0 到 {1} 之间的最小单位整数")
            case .rwNoTimeOfDay: ("the time \"{0}\" has no time of day",
                                 "时间“{0}”没有具体时刻")
            case .rwNotADate: ("the date \"{0}\" is not a date such as 2026-11-22 or 2026/11/22",
                              "日期“{0}”不是 2026-11-22 或 2026/11/22 这样的日期")
            case .rwNotUTF8: ("the row is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk)",
                             "这一行不是 UTF-8 文本（保存为 GBK 的文件，例如中文 Windows 上的 Excel 保存的，用 --encoding gbk 导入）")
            case .rwQuote: ("line {0}: a quoted field is never closed",
                           "第 {0} 行：引号括起的字段没有闭合")
            case .rwQuoteHint: ("check the quotes in the CSV file",
                               "请检查 CSV 文件中的引号")
            case .rwEmpty: ("{0} is empty: no header line",
                           "{0} 是空的：没有标题行")
            case .rwEmptyHint: ("the first line of a CSV import names the columns: {0}",
                               "CSV 导入的第一行是列名：{0}")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var initCalibrating: Msg { .status(.initCalibrating) }
    @_alwaysEmitIntoClient public static var initCreated: Msg { .status(.initCreated) }
    @_alwaysEmitIntoClient public static var initVaultId: Msg { .status(.initVaultId) }
    @_alwaysEmitIntoClient public static var initTerminalId: Msg { .status(.initTerminalId) }
    @_alwaysEmitIntoClient public static var initAdmin: Msg { .status(.initAdmin) }
    @_alwaysEmitIntoClient public static var initKDF: Msg { .status(.initKDF) }
    @_alwaysEmitIntoClient public static var initNextSteps: Msg { .status(.initNextSteps) }
    @_alwaysEmitIntoClient public static var initStep1: Msg { .status(.initStep1) }
    @_alwaysEmitIntoClient public static var initStep2: Msg { .status(.initStep2) }
    @_alwaysEmitIntoClient public static var initStep3: Msg { .status(.initStep3) }
    @_alwaysEmitIntoClient public static var initBindContact: Msg { .status(.initBindContact) }
    @_alwaysEmitIntoClient public static var initKdfRange: Msg { .status(.initKdfRange) }
    @_alwaysEmitIntoClient public static var kitTitle: Msg { .status(.kitTitle) }
    @_alwaysEmitIntoClient public static var kitKeepOffline: Msg { .status(.kitKeepOffline) }
    @_alwaysEmitIntoClient public static var kitAnyOne: Msg { .status(.kitAnyOne) }
    @_alwaysEmitIntoClient public static var txAdded: Msg { .status(.txAdded) }
    @_alwaysEmitIntoClient public static var txCountOne: Msg { .status(.txCountOne) }
    @_alwaysEmitIntoClient public static var txCountMany: Msg { .status(.txCountMany) }
    @_alwaysEmitIntoClient public static var txYoursOnly: Msg { .status(.txYoursOnly) }
    @_alwaysEmitIntoClient public static var txChooseJsonOrCsv: Msg { .status(.txChooseJsonOrCsv) }
    @_alwaysEmitIntoClient public static var txLimitAtLeastOne: Msg { .status(.txLimitAtLeastOne) }
    @_alwaysEmitIntoClient public static var colTime: Msg { .status(.colTime) }
    @_alwaysEmitIntoClient public static var colId: Msg { .status(.colId) }
    @_alwaysEmitIntoClient public static var colKind: Msg { .status(.colKind) }
    @_alwaysEmitIntoClient public static var colAmount: Msg { .status(.colAmount) }
    @_alwaysEmitIntoClient public static var colCurrency: Msg { .status(.colCurrency) }
    @_alwaysEmitIntoClient public static var colCard: Msg { .status(.colCard) }
    @_alwaysEmitIntoClient public static var colOperator: Msg { .status(.colOperator) }
    @_alwaysEmitIntoClient public static var colStatus: Msg { .status(.colStatus) }
    @_alwaysEmitIntoClient public static var colReference: Msg { .status(.colReference) }
    @_alwaysEmitIntoClient public static var stDiscussion: Msg { .status(.stDiscussion) }
    @_alwaysEmitIntoClient public static var stMinAgo: Msg { .status(.stMinAgo) }
    @_alwaysEmitIntoClient public static var stHoursAgo: Msg { .status(.stHoursAgo) }
    @_alwaysEmitIntoClient public static var stDaysAgo: Msg { .status(.stDaysAgo) }
    @_alwaysEmitIntoClient public static var stPasswords: Msg { .status(.stPasswords) }
    @_alwaysEmitIntoClient public static var stPasswordsNone: Msg { .status(.stPasswordsNone) }
    @_alwaysEmitIntoClient public static var stExpiredOn: Msg { .status(.stExpiredOn) }
    @_alwaysEmitIntoClient public static var stExpiresInOne: Msg { .status(.stExpiresInOne) }
    @_alwaysEmitIntoClient public static var stExpiresInMany: Msg { .status(.stExpiresInMany) }
    @_alwaysEmitIntoClient public static var stBackup: Msg { .status(.stBackup) }
    @_alwaysEmitIntoClient public static var stLastGood: Msg { .status(.stLastGood) }
    @_alwaysEmitIntoClient public static var stOverdueOne: Msg { .status(.stOverdueOne) }
    @_alwaysEmitIntoClient public static var stOverdueMany: Msg { .status(.stOverdueMany) }
    @_alwaysEmitIntoClient public static var stNoBackup: Msg { .status(.stNoBackup) }
    @_alwaysEmitIntoClient public static var stBackupFailedAfter: Msg { .status(.stBackupFailedAfter) }
    @_alwaysEmitIntoClient public static var stFailedLogins: Msg { .status(.stFailedLogins) }
    @_alwaysEmitIntoClient public static var stNone: Msg { .status(.stNone) }
    @_alwaysEmitIntoClient public static var stFailedCount: Msg { .status(.stFailedCount) }
    @_alwaysEmitIntoClient public static var stLockoutsOne: Msg { .status(.stLockoutsOne) }
    @_alwaysEmitIntoClient public static var stLockoutsMany: Msg { .status(.stLockoutsMany) }
    @_alwaysEmitIntoClient public static var stOffHours: Msg { .status(.stOffHours) }
    @_alwaysEmitIntoClient public static var stOffHoursNotChecked: Msg { .status(.stOffHoursNotChecked) }
    @_alwaysEmitIntoClient public static var stRecoveryCodes: Msg { .status(.stRecoveryCodes) }
    @_alwaysEmitIntoClient public static var stCodesLeft: Msg { .status(.stCodesLeft) }
    @_alwaysEmitIntoClient public static var stCodesLow: Msg { .status(.stCodesLow) }
    @_alwaysEmitIntoClient public static var atPasswordsExpiredOne: Msg { .status(.atPasswordsExpiredOne) }
    @_alwaysEmitIntoClient public static var atPasswordsExpiredMany: Msg { .status(.atPasswordsExpiredMany) }
    @_alwaysEmitIntoClient public static var atPasswordsDueOne: Msg { .status(.atPasswordsDueOne) }
    @_alwaysEmitIntoClient public static var atPasswordsDueMany: Msg { .status(.atPasswordsDueMany) }
    @_alwaysEmitIntoClient public static var atNoBackup: Msg { .status(.atNoBackup) }
    @_alwaysEmitIntoClient public static var atBackupOverdueOne: Msg { .status(.atBackupOverdueOne) }
    @_alwaysEmitIntoClient public static var atBackupOverdueMany: Msg { .status(.atBackupOverdueMany) }
    @_alwaysEmitIntoClient public static var atLockouts: Msg { .status(.atLockouts) }
    @_alwaysEmitIntoClient public static var atRepeatedFailures: Msg { .status(.atRepeatedFailures) }
    @_alwaysEmitIntoClient public static var atOffHoursOne: Msg { .status(.atOffHoursOne) }
    @_alwaysEmitIntoClient public static var atOffHoursMany: Msg { .status(.atOffHoursMany) }
    @_alwaysEmitIntoClient public static var atCodesLeftOne: Msg { .status(.atCodesLeftOne) }
    @_alwaysEmitIntoClient public static var atCodesLeftMany: Msg { .status(.atCodesLeftMany) }
    @_alwaysEmitIntoClient public static var atLine: Msg { .status(.atLine) }
    @_alwaysEmitIntoClient public static var atSeparator: Msg { .status(.atSeparator) }
    @_alwaysEmitIntoClient public static var acCountOne: Msg { .status(.acCountOne) }
    @_alwaysEmitIntoClient public static var acCountMany: Msg { .status(.acCountMany) }
    @_alwaysEmitIntoClient public static var rwFieldCount: Msg { .status(.rwFieldCount) }
    @_alwaysEmitIntoClient public static var rwIdMissing: Msg { .status(.rwIdMissing) }
    @_alwaysEmitIntoClient public static var rwAmountMissing: Msg { .status(.rwAmountMissing) }
    @_alwaysEmitIntoClient public static var rwTimeMissing: Msg { .status(.rwTimeMissing) }
    @_alwaysEmitIntoClient public static var rwDisagree: Msg { .status(.rwDisagree) }
    @_alwaysEmitIntoClient public static var rwAmountMinor: Msg { .status(.rwAmountMinor) }
    @_alwaysEmitIntoClient public static var rwNoTimeOfDay: Msg { .status(.rwNoTimeOfDay) }
    @_alwaysEmitIntoClient public static var rwNotADate: Msg { .status(.rwNotADate) }
    @_alwaysEmitIntoClient public static var rwNotUTF8: Msg { .status(.rwNotUTF8) }
    @_alwaysEmitIntoClient public static var rwQuote: Msg { .status(.rwQuote) }
    @_alwaysEmitIntoClient public static var rwQuoteHint: Msg { .status(.rwQuoteHint) }
    @_alwaysEmitIntoClient public static var rwEmpty: Msg { .status(.rwEmpty) }
    @_alwaysEmitIntoClient public static var rwEmptyHint: Msg { .status(.rwEmptyHint) }
    @_alwaysEmitIntoClient public static var totpLibNotLoaded: Msg { .status(.totpLibNotLoaded) }
    @_alwaysEmitIntoClient public static var totpLibNoFunctions: Msg { .status(.totpLibNoFunctions) }
    @_alwaysEmitIntoClient public static var colActor: Msg { .status(.colActor) }
    @_alwaysEmitIntoClient public static var colTarget: Msg { .status(.colTarget) }
    @_alwaysEmitIntoClient public static var colDay: Msg { .status(.colDay) }
    @_alwaysEmitIntoClient public static var txSumCurrency: Msg { .status(.txSumCurrency) }
    @_alwaysEmitIntoClient public static var txSumSeparator: Msg { .status(.txSumSeparator) }
    @_alwaysEmitIntoClient public static var txSumRecordsOne: Msg { .status(.txSumRecordsOne) }
    @_alwaysEmitIntoClient public static var txSumRecordsMany: Msg { .status(.txSumRecordsMany) }
    @_alwaysEmitIntoClient public static var txSumYoursOnly: Msg { .status(.txSumYoursOnly) }
    @_alwaysEmitIntoClient public static var txKindSale: Msg { .status(.txKindSale) }
    @_alwaysEmitIntoClient public static var txKindRefund: Msg { .status(.txKindRefund) }
    @_alwaysEmitIntoClient public static var txKindVoid: Msg { .status(.txKindVoid) }
    @_alwaysEmitIntoClient public static var txStatusApproved: Msg { .status(.txStatusApproved) }
    @_alwaysEmitIntoClient public static var txStatusDeclined: Msg { .status(.txStatusDeclined) }
    @_alwaysEmitIntoClient public static var txStatusPending: Msg { .status(.txStatusPending) }
    @_alwaysEmitIntoClient public static var txStatusReversed: Msg { .status(.txStatusReversed) }
}
