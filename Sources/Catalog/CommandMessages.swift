// The catalog's keys and texts for the user, totp, backup, tx export/import, info and verify
// commands. See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Commands: CaseIterable, Sendable {
        // MARK: user
        case userAdded, userTempPassword, userListHeaderName, userListHeaderRole, userListHeaderStatus
        case userListHeaderPhone, userListHeaderEmail
        // MARK: more commands
        case dUser, hUserList, hUserShow, hUserPasswd, dUserPasswd, hUserRole, hUserDisable, dUserDisable, hUserEnable
        case dUserEnable, hUserRemove, editNothingTyped, editNothingTypedHint, hUserUnlock, hUserTotp, dUserTotp
        case hTotpEnable, dTotpEnable, hTotpConfirm, dTotpConfirm, hTotpDisable, bkKeepFleet, bkFleetOptions
        case bkFleetSkipped, bkFleetWritten, hBackupVerify, hBackupList, bkListNone, hTxExport, dTxExport
        case hExportFormat, hExportOutput, hExportForce, txExportedOne, txExportedMany, hTxImport, dTxImport
        case hImportFile, hImportFormat, hBatchSize, hUTCOffsetImport, hDryRun, txBatchSize, txStdinShared, txBadRow
        case txProgress, txIgnoredOne, txIgnoredMany, txImportSummary, txImportSummaryDry, hTxSummary
        case hUTCOffsetSummary, infoVault, infoFormat, infoVaultId, infoTerminal, infoCreated, infoKDF, infoSize
        case infoOperators, infoKeyslots, infoRecords, infoFrames, infoTorn, dVerify, hVerifyUser, vfIntact
        case vfNotCheckedUser, vfNotCheckedRole, vfNote, rsRosterOnlyRclone, chooseOneGenerate

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .userAdded: ("Added {0} {1}; the password must be changed at first login.", "已添加{0} {1}；首次登录时必须修改密码。")
            case .userTempPassword: ("Temporary password: {0}", "临时密码：{0}")
            case .userListHeaderName: ("NAME", "姓名")
            case .userListHeaderRole: ("ROLE", "角色")
            case .userListHeaderStatus: ("STATUS", "状态")
            case .userListHeaderPhone: ("PHONE", "手机")
            case .userListHeaderEmail: ("EMAIL", "邮箱")
            case .dUser: ("--user NAME (or $VAULTCLI_USER) is the operator running the command; their password comes from the terminal, --password-stdin (first line) or --password-file. A new password for another operator comes from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate.",
                         "--user NAME（或 $VAULTCLI_USER）是运行命令的操作员；其密码来自终端、--password-stdin（第一行）或 --password-file。给其他操作员的新密码来自 --new-password-file、标准输入的下一行、在终端上问两次，或 --generate。")
            case .hUserList: ("List operators (managers and admins).",
                             "列出操作员（店长和管理员）。")
            case .hUserShow: ("Show one operator (yourself, or anyone for managers and admins).",
                             "查看一个操作员（自己；店长和管理员可以看任何人）。")
            case .hUserPasswd: ("Change your password, or reset another operator's (admins: anyone; managers: cashiers).",
                               "修改自己的密码，或重置其他操作员的密码（管理员：任何人；店长：收银员）。")
            case .dUserPasswd: ("With --password-stdin, the first line is your current password and the second the new one.",
                               "用 --password-stdin 时，第一行是您当前的密码，第二行是新密码。")
            case .hUserRole: ("Change an operator's role (admins). The operator gets a temporary password, since their keyslot is re-issued with the new role's keys.",
                             "更改操作员的角色（管理员）。该操作员会得到一个临时密码，因为其密钥槽要用新角色的密钥重新签发。")
            case .hUserDisable: ("Disable an operator (admins: anyone; managers: cashiers).",
                                "停用操作员（管理员：任何人；店长：收银员）。")
            case .dUserDisable: ("Their password slot, recovery questions and key envelope are erased from the vault file: their password opens nothing afterwards. `vaultcli user enable NAME` gives them a new temporary password. Disabling does not replace keys they have seen; `vaultcli user remove` or `vaultcli rekey` does.",
                                "其密码槽、密保问题和密钥信封会从保险库文件中擦除：之后其密码什么也打不开。`vaultcli user enable NAME` 会给其一个新的临时密码。停用不会更换其见过的密钥；`vaultcli user remove` 或 `vaultcli rekey` 才会。")
            case .hUserEnable: ("Enable a disabled operator, with a new temporary password (admins: anyone; managers: cashiers).",
                               "用新的临时密码启用已停用的操作员（管理员：任何人；店长：收银员）。")
            case .dUserEnable: ("The temporary password comes from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate; it must be changed at first login.",
                               "临时密码来自 --new-password-file、标准输入的下一行、在终端上问两次，或 --generate；首次登录时必须修改。")
            case .hUserRemove: ("Remove an operator and their keyslot (admins).",
                               "删除操作员及其密钥槽（管理员）。")
            case .editNothingTyped: ("nothing to change was typed; nothing was changed",
                                    "没有输入要修改的内容；没有任何改动")
            case .editNothingTypedHint: ("type a new phone or e-mail, or - to clear one",
                                        "请输入新的手机号或邮箱，或输入 - 清除")
            case .hUserUnlock: ("Clear an operator's failed-login count and lock (admins and managers).",
                               "清除操作员的登录失败计数并解除锁定（管理员和店长）。")
            case .hUserTotp: ("One-time codes (TOTP, RFC 6238) as a second factor at login.",
                             "登录时用一次性验证码（TOTP，RFC 6238）作为第二重验证。")
            case .dUserTotp: ("`enable` shows a new secret as a QR code for an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, oathtool …); `confirm` turns it on with a code from the app; `disable` turns it off. Codes are 6 digits every 30 s, with HMAC-SHA-1 by default as every app expects.",
                             "`enable` 把新密钥显示成二维码，供验证器应用扫描（Google Authenticator、Microsoft Authenticator、FreeOTP、oathtool …）；`confirm` 用应用上的验证码开启；`disable` 关闭。验证码是 6 位数字，每 30 s 一个，默认用 HMAC-SHA-1，所有应用都支持。")
            case .hTotpEnable: ("Show a new secret (a QR code and its otpauth:// URI) to add to an authenticator app.",
                               "显示一个新密钥（二维码及其 otpauth:// URI），添加到验证器应用。")
            case .dTotpEnable: ("The QR code is drawn when the output is a terminal (or with --qr); --qr-png writes it as a PNG image (mode 0600: it holds the secret). Nothing changes at login until `vaultcli user totp confirm`.",
                               "输出是终端时（或加 --qr）会画出二维码；--qr-png 把它写成 PNG 图片（权限 0600：里面含有密钥）。在 `vaultcli user totp confirm` 之前，登录不会有任何变化。")
            case .hTotpConfirm: ("Turn one-time codes on with the current code from the app.",
                                "用应用上当前的验证码开启一次性验证码。")
            case .dTotpConfirm: ("The code is read after the password: the next stdin line with --password-stdin, else a prompt.",
                                "验证码在密码之后读取：用 --password-stdin 时是标准输入的下一行，否则会提示输入。")
            case .hTotpDisable: ("Turn one-time codes off (your own; admins: anyone; managers: cashiers).",
                                "关闭一次性验证码（自己的；管理员：任何人；店长：收银员）。")
            case .bkKeepFleet: ("--keep does not apply to a fleet remote: head office prunes with `vaultcli fleet prune`",
                               "--keep 不适用于连锁远端：总部用 `vaultcli fleet prune` 清理")
            case .bkFleetOptions: ("a fleet backup (--to rclone:...) is sealed to the head-office recipients set by `vaultcli fleet enrol`; --recipient, --recipients-file, --passphrase, --armor and --require-mount do not apply",
                                  "连锁备份（--to rclone:...）加密给 `vaultcli fleet enrol` 设置的总部接收者；--recipient、--recipients-file、--passphrase、--armor 和 --require-mount 都不适用")
            case .bkFleetSkipped: ("{0} under this terminal's prefix is not signed by this terminal's key; it was skipped (tell head office)",
                                  "本终端前缀下的 {0} 没有用本终端的密钥签名；已跳过（请告知总部）")
            case .bkFleetWritten: ("backup written: {0} ({1} bytes, seq {2}, read back and checked; manifest signed)",
                                  "备份已写入：{0}（{1} 字节，序号 {2}，已读回核对；清单已签名）")
            case .hBackupVerify: ("Decrypt and check a whole backup without writing a vault; print what it holds.",
                                 "解密并检查整个备份，但不写出保险库；显示其中的内容。")
            case .hBackupList: ("List the vaultcli backups in a directory, newest first (time from the file name).",
                               "列出目录中的 vaultcli 备份，最新的在前（时间取自文件名）。")
            case .bkListNone: ("no vaultcli backups in {0}",
                              "{0} 中没有 vaultcli 备份")
            case .hTxExport: ("Export transactions as CSV or JSON Lines, streaming (managers and admins).",
                             "以 CSV 或 JSON Lines 流式导出交易（店长和管理员）。")
            case .dTxExport: ("The output is the import format. A file is written under a temporary name (mode 0600) and renamed when complete.",
                             "输出就是导入用的格式。文件先以临时名字写入（权限 0600），完成后再改名。")
            case .hExportFormat: ("csv or jsonl.",
                                 "csv 或 jsonl。")
            case .hExportOutput: ("Write to this file instead of standard output.",
                                 "写到这个文件，而不是标准输出。")
            case .hExportForce: ("Replace an existing output file.",
                                "替换已有的输出文件。")
            case .txExportedOne: ("exported {0} transaction to {1}",
                                 "已导出 {0} 笔交易到 {1}")
            case .txExportedMany: ("exported {0} transactions to {1}",
                                  "已导出 {0} 笔交易到 {1}")
            case .hTxImport: ("Import transactions from CSV or JSON Lines (a file, or - for standard input).",
                             "从 CSV 或 JSON Lines 导入交易（文件，或用 - 表示标准输入）。")
            case .dTxImport: ("CSV has a header row naming the columns (id,time,amount,currency,kind,card,reference,operator,terminal,status; id, time and amount are required; amount_minor may replace amount), in English or Chinese (交易时间, 金额, 币种, 类型, 卡号, 参考号, 操作员, 终端号, 状态 …), or a POS settlement export's (交易日期 + 交易时间; 参考号 as the id): see docs/import.md. UTF-8 with or without a byte order mark, or GBK/GB18030 (--encoding). JSON Lines has one flat object per line with the same keys; numbers are read as exact decimal text. Rows are written in batches: a batch is written whole or, if any of its rows is bad, not at all; every bad row is reported as `line N: reason`. Ids already in the vault are skipped, so importing the same file twice adds nothing.",
                             "CSV 第一行是列名（id,time,amount,currency,kind,card,reference,operator,terminal,status；id、time 和 amount 必须有；amount_minor 可以代替 amount），英文或中文均可（交易时间、金额、币种、类型、卡号、参考号、操作员、终端号、状态 …），也可以是 POS 结算导出的列（交易日期 + 交易时间；参考号作为编号）：见 docs/import.md。文件可以是带或不带 BOM 的 UTF-8，或 GBK/GB18030（--encoding）。JSON Lines 每行一个扁平对象，键相同；数字按精确的十进制文本读取。按批写入：一批要么整批写入，要么只要有一行错就整批不写；每个错行报告为 `line N: reason`。保险库里已有的编号会被跳过，所以同一个文件导入两次不会重复。")
            case .hImportFile: ("The file to import, or - for standard input.",
                               "要导入的文件，或用 - 表示标准输入。")
            case .hImportFormat: ("csv or jsonl (default: from the file name; csv for -).",
                                 "csv 或 jsonl（默认：按文件名；- 时为 csv）。")
            case .hBatchSize: ("Rows per batch (each batch is all or nothing).",
                              "每批的行数（每批要么全部写入，要么都不写）。")
            case .hUTCOffsetImport: ("UTC offset for times written without a zone. Default: this machine's (UTC with --utc).",
                                    "不带时区的时间所用的 UTC 偏移。默认：本机的（用 --utc 时为 UTC）。")
            case .hDryRun: ("Check every row and report, but write nothing.",
                           "检查每一行并报告，但不写入任何内容。")
            case .txBatchSize: ("--batch-size must be 1 to 100000",
                               "--batch-size 必须是 1 到 100000")
            case .txStdinShared: ("--password-stdin cannot share standard input with `import -`; use --password-file",
                                 "--password-stdin 不能和 `import -` 共用标准输入；请用 --password-file")
            case .txBadRow: ("line {0}: {1}",
                            "第 {0} 行：{1}")
            case .txProgress: ("{0} rows read, {1} imported, {2} duplicates",
                              "已读 {0} 行，已导入 {1}，重复 {2}")
            case .txIgnoredOne: ("ignored column {0} (checked for card numbers, not stored)",
                                "已忽略列 {0}（检查过卡号，不保存）")
            case .txIgnoredMany: ("ignored columns {0} (checked for card numbers, not stored)",
                                 "已忽略列 {0}（检查过卡号，不保存）")
            case .txImportSummary: ("{0} rows read: imported {1}, skipped {2} already in the vault, {3} bad",
                                   "已读 {0} 行：已导入 {1}，跳过保险库中已有的 {2}，错误 {3}")
            case .txImportSummaryDry: ("{0} rows read: would import {1}, skipped {2} already in the vault, {3} bad",
                                      "已读 {0} 行：将导入 {1}，跳过保险库中已有的 {2}，错误 {3}")
            case .hTxSummary: ("Counts and totals by day, operator and kind, per currency (approved records unless --status says otherwise).",
                              "按日期、操作员和类型，分币种统计笔数和金额（除非 --status 另有指定，只统计成功的记录）。")
            case .hUTCOffsetSummary: ("Days run from midnight at this UTC offset. Default: the local calendar ($TZ; UTC with --utc), as in `vaultcli tx list`.",
                                     "每天从这个 UTC 偏移的零点开始算。默认：本地日历（$TZ；用 --utc 时为 UTC），与 `vaultcli tx list` 一致。")
            case .infoVault: ("vault:          {0}",
                             "保险库：       {0}")
            case .infoFormat: ("format version: {0}",
                              "格式版本：     {0}")
            case .infoVaultId: ("vault id:       {0}",
                               "保险库 ID：    {0}")
            case .infoTerminal: ("terminal id:    {0}",
                                "终端号：       {0}")
            case .infoCreated: ("created:        {0}",
                               "创建时间：     {0}")
            case .infoKDF: ("key derivation: {0}",
                           "密钥派生：     {0}")
            case .infoSize: ("file size:      {0} bytes ({1} superseded)",
                            "文件大小：     {0} 字节（其中 {1} 已被取代）")
            case .infoOperators: ("operators:      {0}",
                                 "操作员：       {0}")
            case .infoKeyslots: ("keyslots:       {0}",
                                "密钥槽：       {0}")
            case .infoRecords: ("records:        {0}",
                               "记录：         {0}")
            case .infoFrames: ("frames:         {0}",
                              "帧：           {0}")
            case .infoTorn: ("interrupted write: {0} bytes after the last complete frame are ignored",
                            "中断的写入：最后一个完整帧之后的 {0} 字节被忽略")
            case .dVerify: ("Without --user, checks the structure, the chain and every public frame; encrypted frames are authenticated only with the keys of an operator who gives their password (an admin's authenticates all).\nExit status: 0 intact; 2 intact but an interrupted write left an incomplete tail; 6 damaged or tampered.",
                           "不加 --user 时，检查结构、链和每个公开帧；加密帧只有在操作员给出密码后才用其密钥认证（管理员的密钥能认证全部）。\n退出状态：0 完好；2 完好，但一次中断的写入留下了不完整的尾部；6 已损坏或被篡改。")
            case .hVerifyUser: ("Authenticate the encrypted frames with this operator's keys (asks for the password).",
                               "用这个操作员的密钥认证加密帧（会询问密码）。")
            case .vfIntact: ("vault intact: {0} frames, {1} authenticated",
                            "保险库完好：{0} 帧，{1} 帧已认证")
            case .vfNotCheckedUser: (", {0} encrypted frames not checked (give --user to check them)",
                                    "，{0} 个加密帧未检查（加上 --user 可以检查）")
            case .vfNotCheckedRole: (", {0} encrypted frames not checked (your role's keys cannot open them; an admin's can)",
                                    "，{0} 个加密帧未检查（您角色的密钥打不开；管理员的可以）")
            case .vfNote: ("note: {0}",
                          "注意：{0}")
            case .rsRosterOnlyRclone: ("--roster applies only to rclone:REMOTE:PATH",
                                      "--roster 只适用于 rclone:REMOTE:PATH")
            case .chooseOneGenerate: ("choose one of --generate, --generate-strong and --new-password-file",
                                     "--generate、--generate-strong 和 --new-password-file 只能选一个")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var userAdded: Msg { .commands(.userAdded) }
    @_alwaysEmitIntoClient public static var userTempPassword: Msg { .commands(.userTempPassword) }
    @_alwaysEmitIntoClient public static var userListHeaderName: Msg { .commands(.userListHeaderName) }
    @_alwaysEmitIntoClient public static var userListHeaderRole: Msg { .commands(.userListHeaderRole) }
    @_alwaysEmitIntoClient public static var userListHeaderStatus: Msg { .commands(.userListHeaderStatus) }
    @_alwaysEmitIntoClient public static var userListHeaderPhone: Msg { .commands(.userListHeaderPhone) }
    @_alwaysEmitIntoClient public static var userListHeaderEmail: Msg { .commands(.userListHeaderEmail) }
    @_alwaysEmitIntoClient public static var dUser: Msg { .commands(.dUser) }
    @_alwaysEmitIntoClient public static var hUserList: Msg { .commands(.hUserList) }
    @_alwaysEmitIntoClient public static var hUserShow: Msg { .commands(.hUserShow) }
    @_alwaysEmitIntoClient public static var hUserPasswd: Msg { .commands(.hUserPasswd) }
    @_alwaysEmitIntoClient public static var dUserPasswd: Msg { .commands(.dUserPasswd) }
    @_alwaysEmitIntoClient public static var hUserRole: Msg { .commands(.hUserRole) }
    @_alwaysEmitIntoClient public static var hUserDisable: Msg { .commands(.hUserDisable) }
    @_alwaysEmitIntoClient public static var dUserDisable: Msg { .commands(.dUserDisable) }
    @_alwaysEmitIntoClient public static var hUserEnable: Msg { .commands(.hUserEnable) }
    @_alwaysEmitIntoClient public static var dUserEnable: Msg { .commands(.dUserEnable) }
    @_alwaysEmitIntoClient public static var hUserRemove: Msg { .commands(.hUserRemove) }
    @_alwaysEmitIntoClient public static var editNothingTyped: Msg { .commands(.editNothingTyped) }
    @_alwaysEmitIntoClient public static var editNothingTypedHint: Msg { .commands(.editNothingTypedHint) }
    @_alwaysEmitIntoClient public static var hUserUnlock: Msg { .commands(.hUserUnlock) }
    @_alwaysEmitIntoClient public static var hUserTotp: Msg { .commands(.hUserTotp) }
    @_alwaysEmitIntoClient public static var dUserTotp: Msg { .commands(.dUserTotp) }
    @_alwaysEmitIntoClient public static var hTotpEnable: Msg { .commands(.hTotpEnable) }
    @_alwaysEmitIntoClient public static var dTotpEnable: Msg { .commands(.dTotpEnable) }
    @_alwaysEmitIntoClient public static var hTotpConfirm: Msg { .commands(.hTotpConfirm) }
    @_alwaysEmitIntoClient public static var dTotpConfirm: Msg { .commands(.dTotpConfirm) }
    @_alwaysEmitIntoClient public static var hTotpDisable: Msg { .commands(.hTotpDisable) }
    @_alwaysEmitIntoClient public static var bkKeepFleet: Msg { .commands(.bkKeepFleet) }
    @_alwaysEmitIntoClient public static var bkFleetOptions: Msg { .commands(.bkFleetOptions) }
    @_alwaysEmitIntoClient public static var bkFleetSkipped: Msg { .commands(.bkFleetSkipped) }
    @_alwaysEmitIntoClient public static var bkFleetWritten: Msg { .commands(.bkFleetWritten) }
    @_alwaysEmitIntoClient public static var hBackupVerify: Msg { .commands(.hBackupVerify) }
    @_alwaysEmitIntoClient public static var hBackupList: Msg { .commands(.hBackupList) }
    @_alwaysEmitIntoClient public static var bkListNone: Msg { .commands(.bkListNone) }
    @_alwaysEmitIntoClient public static var hTxExport: Msg { .commands(.hTxExport) }
    @_alwaysEmitIntoClient public static var dTxExport: Msg { .commands(.dTxExport) }
    @_alwaysEmitIntoClient public static var hExportFormat: Msg { .commands(.hExportFormat) }
    @_alwaysEmitIntoClient public static var hExportOutput: Msg { .commands(.hExportOutput) }
    @_alwaysEmitIntoClient public static var hExportForce: Msg { .commands(.hExportForce) }
    @_alwaysEmitIntoClient public static var txExportedOne: Msg { .commands(.txExportedOne) }
    @_alwaysEmitIntoClient public static var txExportedMany: Msg { .commands(.txExportedMany) }
    @_alwaysEmitIntoClient public static var hTxImport: Msg { .commands(.hTxImport) }
    @_alwaysEmitIntoClient public static var dTxImport: Msg { .commands(.dTxImport) }
    @_alwaysEmitIntoClient public static var hImportFile: Msg { .commands(.hImportFile) }
    @_alwaysEmitIntoClient public static var hImportFormat: Msg { .commands(.hImportFormat) }
    @_alwaysEmitIntoClient public static var hBatchSize: Msg { .commands(.hBatchSize) }
    @_alwaysEmitIntoClient public static var hUTCOffsetImport: Msg { .commands(.hUTCOffsetImport) }
    @_alwaysEmitIntoClient public static var hDryRun: Msg { .commands(.hDryRun) }
    @_alwaysEmitIntoClient public static var txBatchSize: Msg { .commands(.txBatchSize) }
    @_alwaysEmitIntoClient public static var txStdinShared: Msg { .commands(.txStdinShared) }
    @_alwaysEmitIntoClient public static var txBadRow: Msg { .commands(.txBadRow) }
    @_alwaysEmitIntoClient public static var txProgress: Msg { .commands(.txProgress) }
    @_alwaysEmitIntoClient public static var txIgnoredOne: Msg { .commands(.txIgnoredOne) }
    @_alwaysEmitIntoClient public static var txIgnoredMany: Msg { .commands(.txIgnoredMany) }
    @_alwaysEmitIntoClient public static var txImportSummary: Msg { .commands(.txImportSummary) }
    @_alwaysEmitIntoClient public static var txImportSummaryDry: Msg { .commands(.txImportSummaryDry) }
    @_alwaysEmitIntoClient public static var hTxSummary: Msg { .commands(.hTxSummary) }
    @_alwaysEmitIntoClient public static var hUTCOffsetSummary: Msg { .commands(.hUTCOffsetSummary) }
    @_alwaysEmitIntoClient public static var infoVault: Msg { .commands(.infoVault) }
    @_alwaysEmitIntoClient public static var infoFormat: Msg { .commands(.infoFormat) }
    @_alwaysEmitIntoClient public static var infoVaultId: Msg { .commands(.infoVaultId) }
    @_alwaysEmitIntoClient public static var infoTerminal: Msg { .commands(.infoTerminal) }
    @_alwaysEmitIntoClient public static var infoCreated: Msg { .commands(.infoCreated) }
    @_alwaysEmitIntoClient public static var infoKDF: Msg { .commands(.infoKDF) }
    @_alwaysEmitIntoClient public static var infoSize: Msg { .commands(.infoSize) }
    @_alwaysEmitIntoClient public static var infoOperators: Msg { .commands(.infoOperators) }
    @_alwaysEmitIntoClient public static var infoKeyslots: Msg { .commands(.infoKeyslots) }
    @_alwaysEmitIntoClient public static var infoRecords: Msg { .commands(.infoRecords) }
    @_alwaysEmitIntoClient public static var infoFrames: Msg { .commands(.infoFrames) }
    @_alwaysEmitIntoClient public static var infoTorn: Msg { .commands(.infoTorn) }
    @_alwaysEmitIntoClient public static var dVerify: Msg { .commands(.dVerify) }
    @_alwaysEmitIntoClient public static var hVerifyUser: Msg { .commands(.hVerifyUser) }
    @_alwaysEmitIntoClient public static var vfIntact: Msg { .commands(.vfIntact) }
    @_alwaysEmitIntoClient public static var vfNotCheckedUser: Msg { .commands(.vfNotCheckedUser) }
    @_alwaysEmitIntoClient public static var vfNotCheckedRole: Msg { .commands(.vfNotCheckedRole) }
    @_alwaysEmitIntoClient public static var vfNote: Msg { .commands(.vfNote) }
    @_alwaysEmitIntoClient public static var rsRosterOnlyRclone: Msg { .commands(.rsRosterOnlyRclone) }
    @_alwaysEmitIntoClient public static var chooseOneGenerate: Msg { .commands(.chooseOneGenerate) }
}
