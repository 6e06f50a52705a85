// The catalog's keys and texts for help texts: the root, the main commands, option help and
// discussions. See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Help: CaseIterable, Sendable {
        // MARK: option help
        case hInitAdmin, hInitTerminal, hInitKdf, hInitPhone, hInitEmail, hSince, hUntil, hOperatorFilter, hKindFilter
        case hStatusFilter, hCurrencyFilter, hMin, hMax, hAmount, hCurrency, hKind, hCard, hReference, hStatus, hTime
        case hTerminal, hLimit, hJSONArray, hCSV, hBackupTo, hBackupOutput, hRequireMount, hRecipient, hRecipientsFile
        case hPassphrase, hArmor, hKeep, hBackupFileOrStdin, hDirectory, hRestoreFile, hRoster, hForce, hReplaceVault
        case hIdentity, hBackupPassphrase, hNewName, hRole, hBoundPhone, hBoundEmail, hOperatorNameDefault
        case hOperatorDefault, hOperator, hClearPhone, hClearEmail, hTotpAlgorithm, hQRForce, hQRInvert, hQRPNG
        case hNewPasswordFile, hGenerate, hGenerateStrong, hFromJSON
        // MARK: discussions
        case dTradeOff, dHerePhoneEmailJSON, dHereRecoverUsername, dHereUserEdit, dInit, dRecoverUsername, dUserEdit
        case hUserEditAbstract, dTxAdd, dLogin, dTx, dBackupCreate, dRestore
        // MARK: help: the root and the main commands
        case helpRootAbstract, helpRootDiscussion, helpVaultOption, helpPasswordStdin, helpPasswordFile, helpJSON
        case helpUserOption, helpSessionUserOption, helpInit, helpLogin, helpTx, helpTxAdd, helpTxList, helpUser
        case helpUserAdd, helpBackup, helpBackupCreate, helpRestore, helpStatus, helpRecover, helpUnlock, helpLock
        case helpGenpass, helpCheckPassword, helpAccount, helpAudit, helpPolicy, helpKeygen, helpVerify, helpInfo
        case helpUpgrade, helpRekey, helpFleet, helpAgent

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .hInitAdmin: ("The first admin's operator name.",
                              "第一位管理员的操作员名。")
            case .hInitTerminal: ("This terminal's id (1-16 ASCII letters, digits, - _ .). Default: the host name.",
                                 "这台终端的终端号（1 到 16 个 ASCII 字母、数字、- _ .）。默认：主机名。")
            case .hInitKdf: ("Calibrate Argon2id to take about this many milliseconds (never below m=19 MiB, t=2).",
                            "把 Argon2id 校准到大约这么多毫秒（绝不低于 m=19 MiB，t=2）。")
            case .hInitPhone: ("The admin's phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (`recover username` finds her by it; shown by `ps`, see above).",
                              "管理员的手机号：E.164 格式（+8613812345678）或 11 位中国大陆手机号（`recover username` 靠它找到她；会被 `ps` 看到，见上文）。")
            case .hInitEmail: ("The admin's e-mail address (`recover username` finds her by it; shown by `ps`, see above).",
                              "管理员的邮箱地址（`recover username` 靠它找到她；会被 `ps` 看到，见上文）。")
            case .hSince: ("From this date or time on (ISO 8601; a date, or a time without a zone, is on the local calendar, or UTC with --utc).",
                          "从这个日期或时间起（ISO 8601；日期或不带时区的时间按本地日历，用 --utc 时按 UTC）。")
            case .hUntil: ("Up to this time, or to the end of this date (inclusive).",
                          "到这个时间为止，或到这一天结束（含）。")
            case .hOperatorFilter: ("Only this operator's records.",
                                   "只看这个操作员的记录。")
            case .hKindFilter: ("Only this kind: sale, refund or void (repeatable).",
                               "只看这种类型：sale、refund 或 void（可重复）。")
            case .hStatusFilter: ("Only this status: approved, declined, pending or reversed (repeatable).",
                                 "只看这种状态：approved、declined、pending 或 reversed（可重复）。")
            case .hCurrencyFilter: ("Only this currency (ISO 4217).",
                                   "只看这种币种（ISO 4217）。")
            case .hMin: ("Only amounts of at least this much (a decimal, in each record's currency).",
                        "只看不少于这个金额的记录（小数，按各条记录自己的币种）。")
            case .hMax: ("Only amounts of at most this much.",
                        "只看不超过这个金额的记录。")
            case .hAmount: ("The amount as a decimal, e.g. 12.34 (never negative).",
                           "金额，小数形式，例如 12.34（不能为负）。")
            case .hCurrency: ("ISO 4217 currency.",
                             "ISO 4217 币种。")
            case .hKind: ("sale, refund or void.",
                         "sale（消费）、refund（退款）或 void（撤销）。")
            case .hCard: ("The masked card number, e.g. 622588******1234.",
                         "掩码后的卡号，例如 622588******1234。")
            case .hReference: ("The payment reference (e.g. the acquirer's).",
                              "支付参考号（例如收单机构的）。")
            case .hStatus: ("approved, declined, pending or reversed.",
                           "approved（成功）、declined（拒绝）、pending（处理中）或 reversed（已冲正）。")
            case .hTime: ("When it happened (ISO 8601). Default: now.",
                         "发生时间（ISO 8601）。默认：现在。")
            case .hTerminal: ("The terminal id. Default: the vault's.",
                             "终端号。默认：保险库的终端号。")
            case .hLimit: ("Stop after this many records.",
                          "最多列出这么多条记录。")
            case .hJSONArray: ("Print one JSON array.",
                              "输出一个 JSON 数组。")
            case .hCSV: ("Print CSV (the import format).",
                        "输出 CSV（导入用的格式）。")
            case .hBackupTo: ("An existing directory (the USB stick), a file named *.age, - for stdout, or rclone:REMOTE:PATH (an enrolled fleet terminal).",
                             "一个已有的目录（U 盘）、一个名为 *.age 的文件、- 表示标准输出，或 rclone:REMOTE:PATH（已登记的连锁终端）。")
            case .hBackupOutput: ("Write the backup to exactly this file.",
                                 "把备份写到这个文件。")
            case .hRequireMount: ("Refuse a --to directory that is not a mount point, or that is on the same device as the vault (an unplugged stick's empty mount point).",
                                 "拒绝不是挂载点、或与保险库在同一设备上的 --to 目录（U 盘没插时的空挂载点）。")
            case .hRecipient: ("An age recipient (age1...); repeatable.",
                              "一个 age 接收者（age1...）；可重复。")
            case .hRecipientsFile: ("A file of age1... recipients, one a line; repeatable.",
                                   "一个 age1... 接收者文件，每行一个；可重复。")
            case .hPassphrase: ("Seal with a passphrase (asked twice on the terminal, or --password-stdin / --password-file). It cannot be combined with recipients.",
                               "用口令加密（在终端上问两次，或用 --password-stdin / --password-file）。不能与接收者同时使用。")
            case .hArmor: ("Write ASCII armor instead of binary.",
                          "写成 ASCII 封装格式，而不是二进制。")
            case .hKeep: ("Keep only the newest N backups of this vault in DIR: files whose authenticated marker names this vault (never by file name alone).",
                         "在 DIR 中只保留本保险库最新的 N 个备份：只认带有本保险库认证标记的文件（绝不只看文件名）。")
            case .hBackupFileOrStdin: ("The backup file, or - for stdin.",
                                      "备份文件，或用 - 表示标准输入。")
            case .hDirectory: ("The directory.",
                              "目录。")
            case .hRestoreFile: ("The backup file, - for stdin, or rclone:REMOTE:PATH of a fleet backup.",
                                "备份文件、- 表示标准输入，或连锁备份的 rclone:REMOTE:PATH。")
            case .hRoster: ("With rclone:...: head office's roster; the backup's signed manifest must verify under the terminal's key in it.",
                           "配合 rclone:...：总部的终端名册；备份的签名清单必须能用名册中该终端的密钥验证。")
            case .hForce: ("Replace an existing vault with a backup of the same vault (it is moved aside, never deleted).",
                          "用同一保险库的备份替换现有保险库（现有的会被移到一旁，不会删除）。")
            case .hReplaceVault: ("Replace an existing vault even with a backup of another vault, or a file that cannot be identified (moved aside, never deleted).",
                                 "即使备份来自另一个保险库、或现有文件无法识别，也替换它（移到一旁，不会删除）。")
            case .hIdentity: ("An identity file (AGE-SECRET-KEY-1...); repeatable.",
                             "一个身份文件（AGE-SECRET-KEY-1...）；可重复。")
            case .hBackupPassphrase: ("The backup was made with a passphrase: ask for it (or read it with --password-stdin / --password-file).",
                                     "备份是用口令加密的：询问口令（或用 --password-stdin / --password-file 读取）。")
            case .hNewName: ("The new operator's name.",
                            "新操作员的名字。")
            case .hRole: ("admin, manager or cashier.",
                         "admin（管理员）、manager（店长）或 cashier（收银员）。")
            case .hBoundPhone: ("Bound phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (shown by `ps`; see above).",
                               "绑定的手机号：E.164 格式（+8613812345678）或 11 位中国大陆手机号（会被 `ps` 看到；见上文）。")
            case .hBoundEmail: ("Bound e-mail address (shown by `ps`; see above).",
                               "绑定的邮箱地址（会被 `ps` 看到；见上文）。")
            case .hOperatorNameDefault: ("The operator's name (default: yourself).",
                                        "操作员的名字（默认：您自己）。")
            case .hOperatorDefault: ("The operator (default: yourself).",
                                    "操作员（默认：您自己）。")
            case .hOperator: ("The operator.",
                             "操作员。")
            case .hClearPhone: ("Remove the bound phone.",
                               "解除绑定的手机号。")
            case .hClearEmail: ("Remove the bound e-mail.",
                               "解除绑定的邮箱。")
            case .hTotpAlgorithm: ("The HMAC of the codes: sha1 (every app; the default), sha256 or sha512 (some apps ignore these and show wrong codes).",
                                  "验证码用的 HMAC：sha1（所有应用都支持；默认）、sha256 或 sha512（有些应用会忽略它们而显示错误的验证码）。")
            case .hQRForce: ("Draw the QR code even when the output is not a terminal.",
                            "即使输出不是终端也画出二维码。")
            case .hQRInvert: ("Draw the QR code dark-on-light, for terminals with a light background.",
                             "画成浅底深色的二维码，适合浅色背景的终端。")
            case .hQRPNG: ("Also write the QR code as a PNG image to this new file (mode 0600).",
                          "同时把二维码写成 PNG 图片，存到这个新文件（权限 0600）。")
            case .hNewPasswordFile: ("Read the new password from a file of mode 0600.",
                                    "从权限为 0600 的文件读取新密码。")
            case .hGenerate: ("Generate a temporary password and print it once on stdout: for a cashier four words and a digit (easy to read out and type), for managers and admins a strong random one.",
                             "生成一个临时密码并在标准输出上打印一次：收银员是四个单词加一个数字（便于念出和输入），店长和管理员是一个强随机密码。")
            case .hGenerateStrong: ("Generate a strong random temporary password whatever the role.",
                                   "不论角色，都生成一个强随机临时密码。")
            case .hFromJSON: ("Read the fields from a JSON object in this file, or `-` for standard input, instead of flags that `ps` and shell history would show.",
                             "从这个文件里的 JSON 对象（或用 `-` 表示标准输入）读取字段，而不用会被 `ps` 和命令历史看到的选项。")
            case .dTradeOff: ("Personal data (user names, phone numbers, e-mail addresses; personal information under China's PIPL) given as flags is convenient but visible: any local user sees it in `ps` while the command runs, and the shell keeps it in its history. To keep it off the command line, leave the flags out and answer the prompts on a terminal, or put it in a JSON object read with `--from-json FILE` or `--from-json -` (standard input), as scripts should.",
                             "用选项给出个人信息（用户名、手机号、邮箱地址；属于《个人信息保护法》所说的个人信息）很方便，但会被看到：命令运行时本机任何用户都能在 `ps` 里看到，shell 也会把它记入历史。要让它不出现在命令行上，请不写这些选项、在终端上回答提示，或像脚本那样把它放进 JSON 对象，用 `--from-json FILE` 或 `--from-json -`（标准输入）读取。")
            case .dHerePhoneEmailJSON: (" Here that is --phone and --email (JSON keys \"phone\", \"email\"); on a terminal, those left out are asked for (Enter leaves one unbound).",
                                       "这里指 --phone 和 --email（JSON 键 \"phone\"、\"email\"）；在终端上，没给的会逐项询问（直接回车表示不绑定）。")
            case .dHereRecoverUsername: (" Here that is --phone and --email; on a terminal, with neither given, the phone (or the e-mail) is asked for.",
                                        "这里指 --phone 和 --email；在终端上两个都没给时，会询问手机号（或邮箱）。")
            case .dHereUserEdit: (" Here that is --phone and --email (JSON keys \"phone\", \"email\"; \"\" clears one); on a terminal, with none of --phone, --email, --clear-phone, --clear-email or --from-json, both are asked for (Enter keeps one, - clears it).",
                                 "这里指 --phone 和 --email（JSON 键 \"phone\"、\"email\"；\"\" 表示清除）；在终端上，如果 --phone、--email、--clear-phone、--clear-email、--from-json 都没给，会询问这两项（直接回车保持不变，- 表示清除）。")
            case .dInit: ("The admin's password is asked twice on the terminal without echo, or read from --password-stdin or --password-file. An existing vault is never overwritten. ",
                         "管理员的密码在终端上不回显地问两次，或从 --password-stdin 或 --password-file 读取。已有的保险库绝不会被覆盖。")
            case .dRecoverUsername: ("Proof is the recovery questions of the operator the phone or e-mail belongs to, or a recovery code (--code). Before proof, every phone or address gets the same prompts and the same answer, so nothing tells whether it is bound.\n\n",
                                    "证明身份的方式是该手机号或邮箱所属操作员的密保问题，或一个恢复码（--code）。证明之前，任何手机号或地址得到的提示和回答都一样，所以看不出它是否被绑定。\n\n")
            case .dUserEdit: ("`vaultcli recover username --phone` and `--email` find operators by these. The change is audited (which fields, not their values). ",
                             "`vaultcli recover username --phone` 和 `--email` 靠这些找到操作员。修改会记入审计日志（记录改了哪些字段，不记录值）。")
            case .hUserEditAbstract: ("Bind or clear an operator's phone and e-mail (admins: anyone, themselves included; managers: cashiers).",
                                     "绑定或清除操作员的手机号和邮箱（管理员：任何人，包括自己；店长：收银员）。")
            case .dTxAdd: ("The operator is the one acting; the terminal defaults to the vault's terminal id; the id is generated.",
                          "操作员就是执行命令的人；终端默认为保险库的终端号；编号自动生成。")
            case .dLogin: ("Exit status 0: the password is right; 5: wrong user name or password; 12: locked, disabled, or the password must be changed first.",
                          "退出状态 0：密码正确；5：用户名或密码错误；12：已锁定、已停用，或必须先修改密码。")
            case .dTx: ("Amounts are exact decimals in the currency's minor units (CNY 12.34 is stored as 1234), never floating point. Cards are masked PANs only (at most the first 6 and last 4 digits); a full card number anywhere is refused. A cashier adds records and sees their own; managers and admins see, export and summarise all.",
                       "金额是以币种最小单位保存的精确小数（CNY 12.34 存为 1234），从不用浮点数。卡号只保存掩码后的形式（最多前 6 位和后 4 位）；任何地方出现完整卡号都会被拒绝。收银员记录交易并只看自己的；店长和管理员可以查看、导出和汇总全部。")
            case .dBackupCreate: ("A DIR gets vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age. The file is written next to its final name, synced, read back from the device and compared, and only then renamed into place. --to names a directory that must exist (a missing one is exit 9: the USB stick is not there); a single file is --to NAME.age or -o FILE. With --require-mount (as the shipped timer uses) the directory must be a mount point on another device than the vault's, so an empty mount point never sends the backup to the internal disk. Examples:\n  vaultcli backup --to /media/usb --keep 14 --require-mount\n  vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age\nA chain's terminal enrolled with `vaultcli fleet enrol` uploads through rclone with --to rclone:REMOTE:PATH: the backup, sealed to head office, goes to vaultcli/v1/t/<terminal>/<time>-<seq>.age, is read back and compared, and only then gets its signed manifest (docs/fleet.md).",
                                 "DIR 中会生成 vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age。文件先写在最终文件名旁边，同步写入，从设备读回比对，然后才改名就位。--to 指向的目录必须存在（不存在时退出状态为 9：U 盘不在）；要写成单个文件，用 --to NAME.age 或 -o FILE。加上 --require-mount（随附的定时任务就这样用）时，该目录必须是与保险库不同设备上的挂载点，这样空的挂载点绝不会把备份写到内置磁盘上。例如：\n  vaultcli backup --to /media/usb --keep 14 --require-mount\n  vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age\n用 `vaultcli fleet enrol` 登记过的连锁终端，用 --to rclone:REMOTE:PATH 通过 rclone 上传：备份加密给总部，存到 vaultcli/v1/t/<terminal>/<time>-<seq>.age，读回比对后，才写上签名清单（docs/fleet.md）。")
            case .dRestore: ("Everything is decrypted and checked before the restored vault takes the place of anything: a truncated or tampered backup leaves nothing behind. An existing vault is refused unless --force (a backup of the same vault: same vault id and terminal id) or --replace-vault (a backup of another vault, or a file that is no vault); either first moves it to <vault>.before-restore-<UTC time>, never deleted. A fleet backup is read straight from the object store with rclone:REMOTE:PATH/vaultcli/v1/t/<terminal>/<name>.age and head office's identity (a 0600 file); with --roster its signed manifest is checked too, and the restored device takes over the terminal id and continues its seq.",
                            "全部解密并检查完之后，恢复的保险库才会替换任何东西：被截断或篡改的备份不会留下任何东西。已有的保险库会被拒绝，除非加 --force（同一保险库的备份：保险库 ID 和终端号都相同）或 --replace-vault（另一个保险库的备份，或原来的文件不是保险库）；两者都会先把它移到 <vault>.before-restore-<UTC 时间>，不会删除。连锁备份用 rclone:REMOTE:PATH/vaultcli/v1/t/<terminal>/<name>.age 和总部的身份文件（0600）直接从对象存储读取；加 --roster 时还会检查其签名清单，恢复后的设备接替该终端号并延续其序号。")
            case .helpRootAbstract: ("An encrypted credential vault and backup tool for point-of-sale terminals.", "收银终端用的加密凭据保险库和备份工具。")
            case .helpRootDiscussion: ("Secrets are never taken from the command line: they come from a TTY prompt, --password-stdin, or --password-file. The language is chosen with --lang en|zh-Hans, $VAULTCLI_LANG, or the locale ($LC_ALL, $LC_MESSAGES, $LANG). Times are shown in local time with its offset ($TZ, else /etc/localtime); --utc anywhere on the command line (or VAULTCLI_UTC=1) shows UTC instead, and makes dates and days UTC ones. JSON is always UTC. Tables are cut to $COLUMNS, else to the terminal's width (never when writing to a file or a pipe).",
                                      "密码等机密从不从命令行读取：只来自终端提示、--password-stdin 或 --password-file。语言用 --lang en|zh-Hans、$VAULTCLI_LANG 或区域设置（$LC_ALL、$LC_MESSAGES、$LANG）选择。时间按本地时间显示并带时区偏移（$TZ，否则 /etc/localtime）；在命令行任意位置加 --utc（或设置 VAULTCLI_UTC=1）则显示 UTC，日期和天也按 UTC 计算。JSON 始终用 UTC。表格按 $COLUMNS 截断，否则按终端宽度（写入文件或管道时从不截断）。")
            case .helpVaultOption: ("The vault file. Default: $VAULTCLI_VAULT, else $XDG_DATA_HOME/vaultcli/vault.", "保险库文件。默认：$VAULTCLI_VAULT，否则 $XDG_DATA_HOME/vaultcli/vault。")
            case .helpPasswordStdin: ("Read the password from standard input (one line).", "从标准输入读取密码（一行）。")
            case .helpPasswordFile: ("Read the password from a file that only its owner can read (mode 0600).", "从只有所有者能读的文件（权限 0600）读取密码。")
            case .helpJSON: ("Print machine-readable JSON.", "输出机器可读的 JSON。")
            case .helpUserOption: ("The operator running the command. Default: $VAULTCLI_USER.", "运行命令的操作员。默认：$VAULTCLI_USER。")
            case .helpSessionUserOption: ("Act as this operator for this command only (asks for the password). Default: the session of `vaultcli unlock`.",
                                          "仅在这个命令中以该操作员身份操作（会询问密码）。默认：`vaultcli unlock` 开始的会话。")
            case .helpInit: ("Create a vault and its first admin; print the recovery kit (ten one-time recovery codes) once.", "新建保险库及第一位管理员；打印一次恢复包（十个一次性恢复码）。")
            case .helpLogin: ("Check an operator's password; say if it expires soon.", "检查操作员的密码；快过期时提醒。")
            case .helpTx: ("Transaction records: add, list, import, export, summarise.", "交易记录：记录、列出、导入、导出、汇总。")
            case .helpTxAdd: ("Record one transaction (appended as one frame; never rewrites the vault).", "记录一笔交易（追加为一帧；从不重写保险库）。")
            case .helpTxList: ("List transactions in the order they were recorded (streaming; a cashier sees their own).", "按记录顺序列出交易（流式输出；收银员只能看到自己的）。")
            case .helpUser: ("Manage operators: add, list, show, passwd, role, disable, enable, remove, unlock.", "管理操作员：添加、列出、查看、改密码、角色、停用、启用、删除、解除锁定。")
            case .helpUserAdd: ("Add an operator (admins: any role; managers: cashiers).", "添加操作员（管理员：任何角色；店长：收银员）。")
            case .helpBackup: ("Seal the vault into an age backup; verify or list backups.", "把保险库加密成 age 备份；校验或列出备份。")
            case .helpBackupCreate: ("Back up the vault to a directory, a file, or stdout (-). Needs no password.", "把保险库备份到目录、文件或标准输出（-）。不需要密码。")
            case .helpRestore: ("Restore the vault from a backup (a file, or - for stdin).", "从备份恢复保险库（文件，或用 - 表示标准输入）。")
            case .helpStatus: ("What needs looking at: passwords about to expire, the last backup, failed logins, off-hours logins, recovery codes (managers and admins).",
                              "需要关注的事项：即将过期的密码、最近一次备份、失败的登录、非营业时间的登录、恢复码（店长和管理员）。")
            case .helpRecover: ("Recover a forgotten password or user name; manage recovery codes and questions.",
                               "找回忘记的密码或用户名；管理恢复码和密保问题。")
            case .helpUnlock: ("Start a session: later commands act as this operator without asking for the password.",
                              "开始一个会话：之后的命令以这个操作员的身份运行，不再询问密码。")
            case .helpLock: ("End the session at once (the agent wipes the keys and exits).",
                            "立即结束会话（会话代理擦除密钥后退出）。")
            case .helpGenpass: ("Generate random passwords, passphrases (EFF long wordlist) or PINs.",
                               "生成随机密码、口令（EFF 长词表）或 PIN。")
            case .helpCheckPassword: ("Rate a password against the password policy and estimate its strength.",
                                     "按密码规则评估密码并估计其强度。")
            case .helpAccount: ("Merchant payment-service accounts (admins only: sealed under the admin key).",
                               "商户支付服务账号（仅限管理员：用管理员密钥加密）。")
            case .helpAudit: ("Read and check the audit log (managers and admins).",
                             "查看和检查审计日志（店长和管理员）。")
            case .helpPolicy: ("Show or change the password policy (changing needs an admin).",
                              "查看或修改密码规则（修改需要管理员）。")
            case .helpKeygen: ("Generate an age-compatible recovery key pair (AGE-SECRET-KEY-1... / age1...).",
                              "生成与 age 兼容的恢复密钥对（AGE-SECRET-KEY-1... / age1...）。")
            case .helpVerify: ("Check the vault's integrity: every frame, the chain, the index.",
                              "检查保险库的完整性：每一帧、链和索引。")
            case .helpInfo: ("Show the vault's format, key-derivation parameters and counts (no password needed).",
                            "显示保险库的格式、密钥派生参数和数量统计（不需要密码）。")
            case .helpUpgrade: ("Move a format-v1 vault to format v2 (admins). Every key is replaced and the recovery codes are renewed; the v1 file is kept beside the vault.",
                               "把格式 v1 的保险库升级到格式 v2（管理员）。所有密钥都会更换，恢复码也会更新；v1 文件保留在保险库旁边。")
            case .helpRekey: ("Replace every key of the vault and re-encrypt everything under the new ones (admins), e.g. after a cashier left with a copy of the file.",
                             "更换保险库的所有密钥，并用新密钥重新加密全部内容（管理员），例如在某位收银员带着文件副本离职之后。")
            case .helpFleet: ("A chain's backups on one object store, through rclone: enrol a terminal; list, prune and verify at head office.",
                             "连锁店的备份通过 rclone 存到同一个对象存储：登记终端；在总部列出、清理和校验。")
            case .helpAgent: ("The session agent (started by `vaultcli unlock`; not for direct use).",
                             "会话代理（由 `vaultcli unlock` 启动；不要直接使用）。")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var hInitAdmin: Msg { .help(.hInitAdmin) }
    @_alwaysEmitIntoClient public static var hInitTerminal: Msg { .help(.hInitTerminal) }
    @_alwaysEmitIntoClient public static var hInitKdf: Msg { .help(.hInitKdf) }
    @_alwaysEmitIntoClient public static var hInitPhone: Msg { .help(.hInitPhone) }
    @_alwaysEmitIntoClient public static var hInitEmail: Msg { .help(.hInitEmail) }
    @_alwaysEmitIntoClient public static var hSince: Msg { .help(.hSince) }
    @_alwaysEmitIntoClient public static var hUntil: Msg { .help(.hUntil) }
    @_alwaysEmitIntoClient public static var hOperatorFilter: Msg { .help(.hOperatorFilter) }
    @_alwaysEmitIntoClient public static var hKindFilter: Msg { .help(.hKindFilter) }
    @_alwaysEmitIntoClient public static var hStatusFilter: Msg { .help(.hStatusFilter) }
    @_alwaysEmitIntoClient public static var hCurrencyFilter: Msg { .help(.hCurrencyFilter) }
    @_alwaysEmitIntoClient public static var hMin: Msg { .help(.hMin) }
    @_alwaysEmitIntoClient public static var hMax: Msg { .help(.hMax) }
    @_alwaysEmitIntoClient public static var hAmount: Msg { .help(.hAmount) }
    @_alwaysEmitIntoClient public static var hCurrency: Msg { .help(.hCurrency) }
    @_alwaysEmitIntoClient public static var hKind: Msg { .help(.hKind) }
    @_alwaysEmitIntoClient public static var hCard: Msg { .help(.hCard) }
    @_alwaysEmitIntoClient public static var hReference: Msg { .help(.hReference) }
    @_alwaysEmitIntoClient public static var hStatus: Msg { .help(.hStatus) }
    @_alwaysEmitIntoClient public static var hTime: Msg { .help(.hTime) }
    @_alwaysEmitIntoClient public static var hTerminal: Msg { .help(.hTerminal) }
    @_alwaysEmitIntoClient public static var hLimit: Msg { .help(.hLimit) }
    @_alwaysEmitIntoClient public static var hJSONArray: Msg { .help(.hJSONArray) }
    @_alwaysEmitIntoClient public static var hCSV: Msg { .help(.hCSV) }
    @_alwaysEmitIntoClient public static var hBackupTo: Msg { .help(.hBackupTo) }
    @_alwaysEmitIntoClient public static var hBackupOutput: Msg { .help(.hBackupOutput) }
    @_alwaysEmitIntoClient public static var hRequireMount: Msg { .help(.hRequireMount) }
    @_alwaysEmitIntoClient public static var hRecipient: Msg { .help(.hRecipient) }
    @_alwaysEmitIntoClient public static var hRecipientsFile: Msg { .help(.hRecipientsFile) }
    @_alwaysEmitIntoClient public static var hPassphrase: Msg { .help(.hPassphrase) }
    @_alwaysEmitIntoClient public static var hArmor: Msg { .help(.hArmor) }
    @_alwaysEmitIntoClient public static var hKeep: Msg { .help(.hKeep) }
    @_alwaysEmitIntoClient public static var hBackupFileOrStdin: Msg { .help(.hBackupFileOrStdin) }
    @_alwaysEmitIntoClient public static var hDirectory: Msg { .help(.hDirectory) }
    @_alwaysEmitIntoClient public static var hRestoreFile: Msg { .help(.hRestoreFile) }
    @_alwaysEmitIntoClient public static var hRoster: Msg { .help(.hRoster) }
    @_alwaysEmitIntoClient public static var hForce: Msg { .help(.hForce) }
    @_alwaysEmitIntoClient public static var hReplaceVault: Msg { .help(.hReplaceVault) }
    @_alwaysEmitIntoClient public static var hIdentity: Msg { .help(.hIdentity) }
    @_alwaysEmitIntoClient public static var hBackupPassphrase: Msg { .help(.hBackupPassphrase) }
    @_alwaysEmitIntoClient public static var hNewName: Msg { .help(.hNewName) }
    @_alwaysEmitIntoClient public static var hRole: Msg { .help(.hRole) }
    @_alwaysEmitIntoClient public static var hBoundPhone: Msg { .help(.hBoundPhone) }
    @_alwaysEmitIntoClient public static var hBoundEmail: Msg { .help(.hBoundEmail) }
    @_alwaysEmitIntoClient public static var hOperatorNameDefault: Msg { .help(.hOperatorNameDefault) }
    @_alwaysEmitIntoClient public static var hOperatorDefault: Msg { .help(.hOperatorDefault) }
    @_alwaysEmitIntoClient public static var hOperator: Msg { .help(.hOperator) }
    @_alwaysEmitIntoClient public static var hClearPhone: Msg { .help(.hClearPhone) }
    @_alwaysEmitIntoClient public static var hClearEmail: Msg { .help(.hClearEmail) }
    @_alwaysEmitIntoClient public static var hTotpAlgorithm: Msg { .help(.hTotpAlgorithm) }
    @_alwaysEmitIntoClient public static var hQRForce: Msg { .help(.hQRForce) }
    @_alwaysEmitIntoClient public static var hQRInvert: Msg { .help(.hQRInvert) }
    @_alwaysEmitIntoClient public static var hQRPNG: Msg { .help(.hQRPNG) }
    @_alwaysEmitIntoClient public static var hNewPasswordFile: Msg { .help(.hNewPasswordFile) }
    @_alwaysEmitIntoClient public static var hGenerate: Msg { .help(.hGenerate) }
    @_alwaysEmitIntoClient public static var hGenerateStrong: Msg { .help(.hGenerateStrong) }
    @_alwaysEmitIntoClient public static var hFromJSON: Msg { .help(.hFromJSON) }
    @_alwaysEmitIntoClient public static var dTradeOff: Msg { .help(.dTradeOff) }
    @_alwaysEmitIntoClient public static var dHerePhoneEmailJSON: Msg { .help(.dHerePhoneEmailJSON) }
    @_alwaysEmitIntoClient public static var dHereRecoverUsername: Msg { .help(.dHereRecoverUsername) }
    @_alwaysEmitIntoClient public static var dHereUserEdit: Msg { .help(.dHereUserEdit) }
    @_alwaysEmitIntoClient public static var dInit: Msg { .help(.dInit) }
    @_alwaysEmitIntoClient public static var dRecoverUsername: Msg { .help(.dRecoverUsername) }
    @_alwaysEmitIntoClient public static var dUserEdit: Msg { .help(.dUserEdit) }
    @_alwaysEmitIntoClient public static var hUserEditAbstract: Msg { .help(.hUserEditAbstract) }
    @_alwaysEmitIntoClient public static var dTxAdd: Msg { .help(.dTxAdd) }
    @_alwaysEmitIntoClient public static var dLogin: Msg { .help(.dLogin) }
    @_alwaysEmitIntoClient public static var dTx: Msg { .help(.dTx) }
    @_alwaysEmitIntoClient public static var dBackupCreate: Msg { .help(.dBackupCreate) }
    @_alwaysEmitIntoClient public static var dRestore: Msg { .help(.dRestore) }
    @_alwaysEmitIntoClient public static var helpRootAbstract: Msg { .help(.helpRootAbstract) }
    @_alwaysEmitIntoClient public static var helpRootDiscussion: Msg { .help(.helpRootDiscussion) }
    @_alwaysEmitIntoClient public static var helpVaultOption: Msg { .help(.helpVaultOption) }
    @_alwaysEmitIntoClient public static var helpPasswordStdin: Msg { .help(.helpPasswordStdin) }
    @_alwaysEmitIntoClient public static var helpPasswordFile: Msg { .help(.helpPasswordFile) }
    @_alwaysEmitIntoClient public static var helpJSON: Msg { .help(.helpJSON) }
    @_alwaysEmitIntoClient public static var helpUserOption: Msg { .help(.helpUserOption) }
    @_alwaysEmitIntoClient public static var helpSessionUserOption: Msg { .help(.helpSessionUserOption) }
    @_alwaysEmitIntoClient public static var helpInit: Msg { .help(.helpInit) }
    @_alwaysEmitIntoClient public static var helpLogin: Msg { .help(.helpLogin) }
    @_alwaysEmitIntoClient public static var helpTx: Msg { .help(.helpTx) }
    @_alwaysEmitIntoClient public static var helpTxAdd: Msg { .help(.helpTxAdd) }
    @_alwaysEmitIntoClient public static var helpTxList: Msg { .help(.helpTxList) }
    @_alwaysEmitIntoClient public static var helpUser: Msg { .help(.helpUser) }
    @_alwaysEmitIntoClient public static var helpUserAdd: Msg { .help(.helpUserAdd) }
    @_alwaysEmitIntoClient public static var helpBackup: Msg { .help(.helpBackup) }
    @_alwaysEmitIntoClient public static var helpBackupCreate: Msg { .help(.helpBackupCreate) }
    @_alwaysEmitIntoClient public static var helpRestore: Msg { .help(.helpRestore) }
    @_alwaysEmitIntoClient public static var helpStatus: Msg { .help(.helpStatus) }
    @_alwaysEmitIntoClient public static var helpRecover: Msg { .help(.helpRecover) }
    @_alwaysEmitIntoClient public static var helpUnlock: Msg { .help(.helpUnlock) }
    @_alwaysEmitIntoClient public static var helpLock: Msg { .help(.helpLock) }
    @_alwaysEmitIntoClient public static var helpGenpass: Msg { .help(.helpGenpass) }
    @_alwaysEmitIntoClient public static var helpCheckPassword: Msg { .help(.helpCheckPassword) }
    @_alwaysEmitIntoClient public static var helpAccount: Msg { .help(.helpAccount) }
    @_alwaysEmitIntoClient public static var helpAudit: Msg { .help(.helpAudit) }
    @_alwaysEmitIntoClient public static var helpPolicy: Msg { .help(.helpPolicy) }
    @_alwaysEmitIntoClient public static var helpKeygen: Msg { .help(.helpKeygen) }
    @_alwaysEmitIntoClient public static var helpVerify: Msg { .help(.helpVerify) }
    @_alwaysEmitIntoClient public static var helpInfo: Msg { .help(.helpInfo) }
    @_alwaysEmitIntoClient public static var helpUpgrade: Msg { .help(.helpUpgrade) }
    @_alwaysEmitIntoClient public static var helpRekey: Msg { .help(.helpRekey) }
    @_alwaysEmitIntoClient public static var helpFleet: Msg { .help(.helpFleet) }
    @_alwaysEmitIntoClient public static var helpAgent: Msg { .help(.helpAgent) }
}
