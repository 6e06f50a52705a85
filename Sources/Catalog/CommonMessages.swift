// The catalog's keys and texts for the words every command shares: the language, the voice of
// errors, roles, the vault's and operators' errors, secrets typed or read, login. See
// Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Common: CaseIterable, Sendable {
        // MARK: language selection
        case langOptionHelp, langMissingValue, langUnknown, langUnknownEnvironment
        // MARK: the voice of every error
        case cryptoFailure, otherFailure, unknownReason
        // MARK: roles and statuses
        case roleCashier, roleManager, roleAdmin
        // MARK: VaultError
        case vaultNoVault, vaultNoVaultHint, vaultExists, vaultExistsHint, vaultAuthFailed, vaultAuthFailedHint
        case vaultCorrupt, vaultCorruptHint, vaultUnsupportedVersion, vaultUnsupportedVersionHint, vaultNotAVault
        case vaultNotAVaultHint, vaultLockHeld, vaultLockHeldHint, ioFailed, ioHintNoSpace, ioHintReadOnly
        case ioHintPermissions, ioHintDevice, vaultSymlink, vaultSymlinkHint, vaultWeakKDF, vaultWeakKDFHint
        case vaultCostlyKDF, vaultCostlyKDFHint, vaultPermissionDenied, vaultPermissionDeniedHint, vaultNotFound
        case vaultTooLarge, vaultNeedsUpgrade, vaultNeedsUpgradeHint, vaultRolledBack, vaultRolledBackHint1
        case vaultRolledBackHint2, vaultLastSeenUnreadable, vaultLastSeenUnreadableHint, vaultSavedButNotErased
        case vaultSavedButNotErasedHint
        // MARK: OperatorError
        case opLocked, opLockedHint, opDisabled, opDisabledHint, opMustChangeExpired, opMustChangeReset
        case opMustChangeHint, opPolicy, opPolicyHint, opReused, opExists, opExistsHint, opLookalike, opLookalikeHint
        case opUnknown, opUnknownHint, opLastAdmin, opLastAdminHint, opCodeNeeded, opCodeNeededHint, opCodeMissing
        case opCodeMissingHint, opCodeMalformed, opCodeAlreadyUsed, opCodeAlreadyUsedHint, opCodeWrong, opCodeWrongHint
        case opCodeSkewAgo, opCodeSkewAhead, opCodeSkewHint, durationSeconds, durationMinutes, opLockoutTampered
        case opLockoutTamperedHint1, opLockoutTamperedHint2
        // MARK: secrets typed or read
        case promptPassword, promptPasswordFor, promptNewPasswordFor, promptRepeat, promptOneTimeCodeFor
        case promptBackupPassphrase, pwTooLong, pwNoneGiven, pwNoneGivenHint, pwNoTerminal, pwNoTerminalHint
        case pwNoTerminalSessionHint, pwDiffer, pwDifferHint, pwDifferRetry, pwPolicyRetry, pwPolicyRetryFooter
        case srcStandardInput, srcTheTerminal, srcStdinCode, srcStdinNewPassword, pwChooseOneSource, sayWhoYouAre
        case passwordOptionsNeedUser
        // MARK: login and expiry
        case expiresInDay, expiresInDays, loggedInAs

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .langOptionHelp: ("The language of messages and help: en or zh-Hans. Default: $VAULTCLI_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG).",
                                   "提示和帮助使用的语言：en 或 zh-Hans。默认：$VAULTCLI_LANG，否则按区域设置（$LC_ALL、$LC_MESSAGES、$LANG）。")
            case .langMissingValue: ("--lang needs a value: en or zh-Hans", "--lang 后面要写语言：en 或 zh-Hans")
            case .langUnknown: ("--lang \"{0}\" is not a language vaultcli speaks: use en or zh-Hans", "--lang “{0}”不是 vaultcli 支持的语言：请用 en 或 zh-Hans")
            case .langUnknownEnvironment: ("$VAULTCLI_LANG is \"{0}\", not a language vaultcli speaks: set it to en or zh-Hans, or unset it",
                                           "$VAULTCLI_LANG 是“{0}”，不是 vaultcli 支持的语言：请设为 en 或 zh-Hans，或者取消这个设置")
            case .cryptoFailure: ("cryptographic failure: {0}", "加密运算失败：{0}")
            case .otherFailure: ("{0}", "{0}")
            case .unknownReason: ("unknown reason", "原因不明")
            case .roleCashier: ("cashier", "收银员")
            case .roleManager: ("manager", "店长")
            case .roleAdmin: ("admin", "管理员")
            case .vaultNoVault: ("no vault at {0}", "{0} 没有保险库")
            case .vaultNoVaultHint: ("create one with `vaultcli init`, or point to yours with --vault PATH or $VAULTCLI_VAULT",
                                     "用 `vaultcli init` 新建一个，或用 --vault PATH 或 $VAULTCLI_VAULT 指向您的保险库")
            case .vaultExists: ("a vault already exists at {0}; it was not changed", "{0} 已经有一个保险库；它没有被改动")
            case .vaultExistsHint: ("use another path with --vault PATH, or remove the old vault yourself if you really mean to start over",
                                    "用 --vault PATH 换一个位置；如果确实要从头开始，请自己删除旧的保险库")
            case .vaultAuthFailed: ("wrong user name or password", "用户名或密码错误")
            case .vaultAuthFailedHint: ("check the user name and try again; after {0} failures the operator is locked for {1} minutes",
                                        "请核对用户名后再试；连续失败 {0} 次后，该操作员会被锁定 {1} 分钟")
            case .vaultCorrupt: ("the vault at {0} is damaged or was tampered with: {1}", "{0} 的保险库已损坏或被篡改：{1}")
            case .vaultCorruptHint: ("run `vaultcli verify` for details, and restore the latest backup with `vaultcli restore FILE` if it cannot be read",
                                     "运行 `vaultcli verify` 查看详情；如果无法读取，用 `vaultcli restore FILE` 恢复最近的备份")
            case .vaultUnsupportedVersion: ("this vault uses format version {0}, but this vaultcli reads only version {1}",
                                            "这个保险库的格式版本是 {0}，但这个 vaultcli 只能读取版本 {1}")
            case .vaultUnsupportedVersionHint: ("upgrade vaultcli to a version that knows this format; the file was not changed",
                                                "请把 vaultcli 升级到支持这个格式的版本；文件没有被改动")
            case .vaultNotAVault: ("{0} is not a vaultcli vault (wrong magic bytes)", "{0} 不是 vaultcli 保险库（文件标识不对）")
            case .vaultNotAVaultHint: ("check the path given with --vault or $VAULTCLI_VAULT", "请检查 --vault 或 $VAULTCLI_VAULT 给出的路径")
            case .vaultLockHeld: ("another vaultcli process is using the vault at {0} (waited {1} ms for its lock)",
                                  "另一个 vaultcli 进程正在使用 {0} 的保险库（已等待 {1} ms）")
            case .vaultLockHeldHint: ("wait for the other vaultcli command to finish, then try again", "请等另一个 vaultcli 命令结束后再试")
            case .ioFailed: ("cannot {0} {1}: {2}", "无法{0} {1}：{2}")
            case .ioHintNoSpace: ("free some space on that device; nothing was changed", "请在该设备上腾出一些空间；没有任何改动")
            case .ioHintReadOnly: ("the device is read-only; choose a writable location", "该设备是只读的；请换一个可写的位置")
            case .ioHintPermissions: ("check the file's owner and permissions", "请检查文件的所有者和权限")
            case .ioHintDevice: ("check that the device is present and writable", "请检查设备是否已连接并且可写")
            case .vaultSymlink: ("{0} is a symbolic link; vaultcli refuses to follow a link where the vault should be",
                                 "{0} 是一个符号链接；在保险库的位置上，vaultcli 不跟随链接")
            case .vaultSymlinkHint: ("point --vault at the real file instead of the link", "请让 --vault 指向真正的文件，而不是链接")
            case .vaultWeakKDF: ("the vault's key derivation ({0}) is below the floor (m >= {1} KiB, t >= {2}); refusing to open it",
                                 "保险库的密钥派生参数（{0}）低于下限（m >= {1} KiB，t >= {2}）；拒绝打开")
            case .vaultWeakKDFHint: ("the file may have been altered to weaken it; restore from a backup you trust",
                                     "文件可能被人改动过以削弱保护；请从您信任的备份恢复")
            case .vaultCostlyKDF: ("a key slot asks for a key derivation ({0}) above anything vaultcli writes (m <= {1} KiB, t <= {2}); refusing to run it",
                                   "某个密钥槽要求的密钥派生参数（{0}）超过 vaultcli 会写入的任何值（m <= {1} KiB，t <= {2}）；拒绝执行")
            case .vaultCostlyKDFHint: ("the file may have been altered to tie up this terminal; run `vaultcli verify`, and restore from a backup you trust",
                                       "文件可能被人改动过，想拖垮这台终端；请运行 `vaultcli verify`，并从您信任的备份恢复")
            case .vaultPermissionDenied: ("permission denied: this needs the \"{0}\" permission, which the {1} role does not have",
                                          "权限不足：这需要“{0}”权限，而{1}角色没有这个权限")
            case .vaultPermissionDeniedHint: ("ask an admin to do it, or to change your role", "请让管理员来做，或请管理员更改您的角色")
            case .vaultNotFound: ("{0} not found", "找不到{0}")
            case .vaultTooLarge: ("{0} is too large", "{0}太大")
            case .vaultNeedsUpgrade: ("the vault at {0} uses format version 1, which this vaultcli reads but no longer writes",
                                      "{0} 的保险库使用格式版本 1，这个 vaultcli 能读取但不再写入")
            case .vaultNeedsUpgradeHint: ("an admin moves it to format v2 with `vaultcli upgrade --user NAME` (the v1 file is kept beside it); then run the command again",
                                          "请管理员用 `vaultcli upgrade --user NAME` 把它升级到格式 v2（v1 文件会保留在旁边）；然后再运行这个命令")
            case .vaultRolledBack: ("the vault at {0} was rolled back to an earlier copy or cut short: {1}", "{0} 的保险库被换回了较早的副本，或被截短了：{1}")
            case .vaultRolledBackHint1: ("someone replaced the vault file with an older copy: restore your latest backup with `vaultcli restore FILE` (a restore starts the record afresh)",
                                         "有人用较旧的副本替换了保险库文件：请用 `vaultcli restore FILE` 恢复最近的备份（恢复后重新开始记录）")
            case .vaultRolledBackHint2: ("if you put the older copy there yourself on purpose, delete {0} and log in again",
                                         "如果是您自己有意放回旧副本，请删除 {0} 后重新登录")
            case .vaultLastSeenUnreadable: ("the record of what this admin last saw of the vault ({0}) cannot be read: it was written by someone else, or damaged",
                                            "无法读取这位管理员上次所见的保险库状态记录（{0}）：它被别人写过，或已损坏")
            case .vaultLastSeenUnreadableHint: ("if you trust the vault as it is, delete {0} and log in again; `vaultcli verify` checks the vault",
                                                "如果您信任保险库的现状，请删除 {0} 后重新登录；`vaultcli verify` 可以检查保险库")
            case .vaultSavedButNotErased: ("the vault at {0} was updated, but the superseded copies could not be erased in place: {1}",
                                           "{0} 的保险库已更新，但被替换的旧副本未能就地擦除：{1}")
            case .vaultSavedButNotErasedHint: ("the device failed a write: check it, then run the command again if its result is missing; the superseded copies are never read again, and the next compaction or `vaultcli rekey` removes them",
                                               "设备写入失败：请检查设备；如果命令的结果不见了，请再运行一次。旧副本不会再被读取，下次压缩或 `vaultcli rekey` 会清除它们")
            case .opLocked: ("operator {0} is locked after too many failed logins, until {1}", "操作员 {0} 因登录失败次数过多已被锁定，直到 {1}")
            case .opLockedHint: ("wait, or ask an admin or manager to run `vaultcli user unlock {0} --user THEIR-NAME`",
                                 "请等待，或请管理员或店长运行 `vaultcli user unlock {0} --user THEIR-NAME`")
            case .opDisabled: ("operator {0} is disabled", "操作员 {0} 已被停用")
            case .opDisabledHint: ("ask an admin to run `vaultcli user enable NAME`", "请管理员运行 `vaultcli user enable NAME`")
            case .opMustChangeExpired: ("the password of {0} has expired and must be changed before anything else", "{0} 的密码已过期，必须先修改密码")
            case .opMustChangeReset: ("the password of {0} was set by an administrator and must be changed before anything else", "{0} 的密码是管理员设置的，必须先修改密码")
            case .opMustChangeHint: ("run `vaultcli user passwd --user {0}` to choose a new password", "运行 `vaultcli user passwd --user {0}` 设置新密码")
            case .opPolicy: ("the password does not meet the policy:", "密码不符合密码规则：")
            case .opPolicyHint: ("`vaultcli genpass` makes a password that passes; `vaultcli policy show` lists the rules",
                                 "`vaultcli genpass` 可以生成符合规则的密码；`vaultcli policy show` 列出规则")
            case .opReused: ("it is one of your last {0} passwords", "它是您最近 {0} 个密码之一")
            case .opExists: ("an operator named {0} already exists", "已经有一个名为 {0} 的操作员")
            case .opExistsHint: ("choose another name, or see `vaultcli user list`", "请换一个名字，或查看 `vaultcli user list`")
            case .opLookalike: ("the name {0} looks like the existing operator {1} (look-alike letters from other scripts, or digits for letters: Unicode UTS #39 confusables), so it is refused",
                                "名字 {0} 看起来像已有的操作员 {1}（来自其他文字的形近字母，或用数字冒充字母：Unicode UTS #39 易混字符），所以被拒绝")
            case .opLookalikeHint: ("choose a name that looks different from every name in `vaultcli user list`", "请选一个与 `vaultcli user list` 中每个名字看起来都不同的名字")
            case .opUnknown: ("no operator named {0}", "没有名为 {0} 的操作员")
            case .opUnknownHint: ("see `vaultcli user list`", "请查看 `vaultcli user list`")
            case .opLastAdmin: ("this would leave the vault without an active admin", "这样保险库就没有可用的管理员了")
            case .opLastAdminHint: ("add or promote another admin first", "请先添加或提升另一位管理员")
            case .opCodeNeeded: ("{0} signs in with a one-time code as well, and none could be asked for", "{0} 登录时还需要一次性验证码，但现在无法询问")
            case .opCodeNeededHint: ("run the command on a terminal, or with --password-stdin give the code as the line after the password",
                                     "请在终端上运行这个命令，或配合 --password-stdin 在密码的下一行给出验证码")
            case .opCodeMissing: ("{0} signs in with a one-time code as well, and none was given", "{0} 登录时还需要一次性验证码，但没有给出")
            case .opCodeMissingHint: ("give the code from the authenticator app as the line after the password (with --password-stdin), or run the command on a terminal",
                                      "请在密码的下一行给出验证器应用上的验证码（配合 --password-stdin），或在终端上运行这个命令")
            case .opCodeMalformed: ("a one-time code is 6 digits; what was given is not", "一次性验证码是 6 位数字；给出的不是")
            case .opCodeAlreadyUsed: ("that one-time code was already used; a code works once", "这个一次性验证码已经用过了；每个验证码只能用一次")
            case .opCodeAlreadyUsedHint: ("wait for the app to show the next code (every 30 s) and use that", "请等应用显示下一个验证码（每 30 s 一个）再用")
            case .opCodeWrong: ("the one-time code is wrong", "一次性验证码错误")
            case .opCodeWrongHint: ("type the 6-digit code the authenticator app shows now for this vault; a lost phone: `vaultcli recover password` or an admin's `vaultcli user totp disable NAME`",
                                    "请输入验证器应用当前为这个保险库显示的 6 位验证码；手机丢了：用 `vaultcli recover password`，或请管理员运行 `vaultcli user totp disable NAME`")
            case .opCodeSkewAgo: ("the one-time code is from {0} ago: the clock of the authenticator app or of this terminal is off by about that much",
                                  "这个一次性验证码是 {0}之前的：验证器应用或这台终端的时钟大约偏差了这么多")
            case .opCodeSkewAhead: ("the one-time code is from {0} ahead: the clock of the authenticator app or of this terminal is off by about that much",
                                    "这个一次性验证码是 {0}之后的：验证器应用或这台终端的时钟大约偏差了这么多")
            case .opCodeSkewHint: ("set the phone's time to automatic (network time), and check this terminal's time with `date`; then use the code the app shows",
                                   "请把手机时间设为自动（网络时间），并用 `date` 检查这台终端的时间；然后使用应用显示的验证码")
            case .durationSeconds: ("{0} seconds", "{0} 秒")
            case .durationMinutes: ("{0} minutes", "{0} 分钟")
            case .opLockoutTampered: ("the failed-login counter of {0} was removed, or cleared without that operator's key: the vault file is damaged or was tampered with, so {0} cannot log in",
                                      "{0} 的登录失败计数被删除了，或在没有该操作员密钥的情况下被清零：保险库文件已损坏或被篡改，所以 {0} 无法登录")
            case .opLockoutTamperedHint1: ("an admin (or a manager, for a cashier) can start a fresh count with `vaultcli user unlock {0} --user THEIR-NAME`; an admin alone can reset her own with `vaultcli recover password --user {0}` and a recovery code",
                                           "管理员（收银员的话，店长也可以）可以用 `vaultcli user unlock {0} --user THEIR-NAME` 重新开始计数；唯一的管理员可以用 `vaultcli recover password --user {0}` 和一个恢复码重置自己的计数")
            case .opLockoutTamperedHint2: ("`vaultcli audit list --as THEIR-NAME --action login` shows the failed logins", "`vaultcli audit list --as THEIR-NAME --action login` 可以查看失败的登录")
            case .promptPassword: ("Password: ", "密码：")
            case .promptPasswordFor: ("Password for {0}: ", "{0} 的密码：")
            case .promptNewPasswordFor: ("New password for {0}: ", "{0} 的新密码：")
            case .promptRepeat: ("Repeat {0}", "请再输一次 {0}")
            case .promptOneTimeCodeFor: ("One-time code for {0}: ", "{0} 的一次性验证码：")
            case .promptBackupPassphrase: ("Backup passphrase: ", "备份口令：")
            case .pwTooLong: ("the password from {0} is longer than 4096 bytes", "来自{0}的密码超过 4096 字节")
            case .pwNoneGiven: ("no password was given on {0}", "{0}没有给出密码")
            case .pwNoneGivenHint: ("pipe the password in, one line, e.g. from a file of mode 0600", "请通过管道输入密码（一行），例如来自权限为 0600 的文件")
            case .pwNoTerminal: ("no terminal to ask for the password", "没有终端可以询问密码")
            case .pwNoTerminalHint: ("use --password-stdin or --password-file PATH (mode 0600) when running without a terminal",
                                     "没有终端时，请用 --password-stdin 或 --password-file PATH（权限 0600）")
            case .pwNoTerminalSessionHint: ("in a session, run the command on a terminal, or give the new password with --new-password-file PATH (mode 0600), --generate or --generate-strong",
                                            "在会话中，请在终端上运行这个命令，或用 --new-password-file PATH（权限 0600）、--generate 或 --generate-strong 给出新密码")
            case .pwDiffer: ("the two passwords differ; nothing was changed", "两次输入的密码不一致；没有任何改动")
            case .pwDifferHint: ("try again", "请再试一次")
            case .pwDifferRetry: ("The two passwords differ. Try again ({0} more).", "两次输入的密码不一致。请再试（还有 {0} 次）。")
            case .pwPolicyRetry: ("That password does not meet the policy:", "这个密码不符合密码规则：")
            case .pwPolicyRetryFooter: ("Try another ({0} more); `vaultcli genpass` makes one that passes.", "请换一个（还有 {0} 次）；`vaultcli genpass` 可以生成符合规则的密码。")
            case .srcStandardInput: ("standard input", "标准输入")
            case .srcTheTerminal: ("the terminal", "终端")
            case .srcStdinCode: ("standard input (the line after the password: the one-time code)", "标准输入（密码的下一行：一次性验证码）")
            case .srcStdinNewPassword: ("standard input (second line: the new password)", "标准输入（第二行：新密码）")
            case .pwChooseOneSource: ("choose one of --password-stdin and --password-file", "--password-stdin 和 --password-file 只能选一个")
            case .sayWhoYouAre: ("say who you are with --user NAME (or set $VAULTCLI_USER)", "请用 --user NAME 说明您是谁（或设置 $VAULTCLI_USER）")
            case .passwordOptionsNeedUser: ("--password-stdin and --password-file need --user NAME", "--password-stdin 和 --password-file 需要配合 --user NAME")
            case .expiresInDay: ("the password of {0} expires in {1} day; change it with `vaultcli user passwd --user {0}`",
                                 "{0} 的密码将在 {1} 天后过期；请用 `vaultcli user passwd --user {0}` 修改")
            case .expiresInDays: ("the password of {0} expires in {1} days; change it with `vaultcli user passwd --user {0}`",
                                  "{0} 的密码将在 {1} 天后过期；请用 `vaultcli user passwd --user {0}` 修改")
            case .loggedInAs: ("Logged in as {0} ({1}).", "已登录：{0}（{1}）。")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var langOptionHelp: Msg { .common(.langOptionHelp) }
    @_alwaysEmitIntoClient public static var langMissingValue: Msg { .common(.langMissingValue) }
    @_alwaysEmitIntoClient public static var langUnknown: Msg { .common(.langUnknown) }
    @_alwaysEmitIntoClient public static var langUnknownEnvironment: Msg { .common(.langUnknownEnvironment) }
    @_alwaysEmitIntoClient public static var cryptoFailure: Msg { .common(.cryptoFailure) }
    @_alwaysEmitIntoClient public static var otherFailure: Msg { .common(.otherFailure) }
    @_alwaysEmitIntoClient public static var unknownReason: Msg { .common(.unknownReason) }
    @_alwaysEmitIntoClient public static var roleCashier: Msg { .common(.roleCashier) }
    @_alwaysEmitIntoClient public static var roleManager: Msg { .common(.roleManager) }
    @_alwaysEmitIntoClient public static var roleAdmin: Msg { .common(.roleAdmin) }
    @_alwaysEmitIntoClient public static var vaultNoVault: Msg { .common(.vaultNoVault) }
    @_alwaysEmitIntoClient public static var vaultNoVaultHint: Msg { .common(.vaultNoVaultHint) }
    @_alwaysEmitIntoClient public static var vaultExists: Msg { .common(.vaultExists) }
    @_alwaysEmitIntoClient public static var vaultExistsHint: Msg { .common(.vaultExistsHint) }
    @_alwaysEmitIntoClient public static var vaultAuthFailed: Msg { .common(.vaultAuthFailed) }
    @_alwaysEmitIntoClient public static var vaultAuthFailedHint: Msg { .common(.vaultAuthFailedHint) }
    @_alwaysEmitIntoClient public static var vaultCorrupt: Msg { .common(.vaultCorrupt) }
    @_alwaysEmitIntoClient public static var vaultCorruptHint: Msg { .common(.vaultCorruptHint) }
    @_alwaysEmitIntoClient public static var vaultUnsupportedVersion: Msg { .common(.vaultUnsupportedVersion) }
    @_alwaysEmitIntoClient public static var vaultUnsupportedVersionHint: Msg { .common(.vaultUnsupportedVersionHint) }
    @_alwaysEmitIntoClient public static var vaultNotAVault: Msg { .common(.vaultNotAVault) }
    @_alwaysEmitIntoClient public static var vaultNotAVaultHint: Msg { .common(.vaultNotAVaultHint) }
    @_alwaysEmitIntoClient public static var vaultLockHeld: Msg { .common(.vaultLockHeld) }
    @_alwaysEmitIntoClient public static var vaultLockHeldHint: Msg { .common(.vaultLockHeldHint) }
    @_alwaysEmitIntoClient public static var ioFailed: Msg { .common(.ioFailed) }
    @_alwaysEmitIntoClient public static var ioHintNoSpace: Msg { .common(.ioHintNoSpace) }
    @_alwaysEmitIntoClient public static var ioHintReadOnly: Msg { .common(.ioHintReadOnly) }
    @_alwaysEmitIntoClient public static var ioHintPermissions: Msg { .common(.ioHintPermissions) }
    @_alwaysEmitIntoClient public static var ioHintDevice: Msg { .common(.ioHintDevice) }
    @_alwaysEmitIntoClient public static var vaultSymlink: Msg { .common(.vaultSymlink) }
    @_alwaysEmitIntoClient public static var vaultSymlinkHint: Msg { .common(.vaultSymlinkHint) }
    @_alwaysEmitIntoClient public static var vaultWeakKDF: Msg { .common(.vaultWeakKDF) }
    @_alwaysEmitIntoClient public static var vaultWeakKDFHint: Msg { .common(.vaultWeakKDFHint) }
    @_alwaysEmitIntoClient public static var vaultCostlyKDF: Msg { .common(.vaultCostlyKDF) }
    @_alwaysEmitIntoClient public static var vaultCostlyKDFHint: Msg { .common(.vaultCostlyKDFHint) }
    @_alwaysEmitIntoClient public static var vaultPermissionDenied: Msg { .common(.vaultPermissionDenied) }
    @_alwaysEmitIntoClient public static var vaultPermissionDeniedHint: Msg { .common(.vaultPermissionDeniedHint) }
    @_alwaysEmitIntoClient public static var vaultNotFound: Msg { .common(.vaultNotFound) }
    @_alwaysEmitIntoClient public static var vaultTooLarge: Msg { .common(.vaultTooLarge) }
    @_alwaysEmitIntoClient public static var vaultNeedsUpgrade: Msg { .common(.vaultNeedsUpgrade) }
    @_alwaysEmitIntoClient public static var vaultNeedsUpgradeHint: Msg { .common(.vaultNeedsUpgradeHint) }
    @_alwaysEmitIntoClient public static var vaultRolledBack: Msg { .common(.vaultRolledBack) }
    @_alwaysEmitIntoClient public static var vaultRolledBackHint1: Msg { .common(.vaultRolledBackHint1) }
    @_alwaysEmitIntoClient public static var vaultRolledBackHint2: Msg { .common(.vaultRolledBackHint2) }
    @_alwaysEmitIntoClient public static var vaultLastSeenUnreadable: Msg { .common(.vaultLastSeenUnreadable) }
    @_alwaysEmitIntoClient public static var vaultLastSeenUnreadableHint: Msg { .common(.vaultLastSeenUnreadableHint) }
    @_alwaysEmitIntoClient public static var vaultSavedButNotErased: Msg { .common(.vaultSavedButNotErased) }
    @_alwaysEmitIntoClient public static var vaultSavedButNotErasedHint: Msg { .common(.vaultSavedButNotErasedHint) }
    @_alwaysEmitIntoClient public static var opLocked: Msg { .common(.opLocked) }
    @_alwaysEmitIntoClient public static var opLockedHint: Msg { .common(.opLockedHint) }
    @_alwaysEmitIntoClient public static var opDisabled: Msg { .common(.opDisabled) }
    @_alwaysEmitIntoClient public static var opDisabledHint: Msg { .common(.opDisabledHint) }
    @_alwaysEmitIntoClient public static var opMustChangeExpired: Msg { .common(.opMustChangeExpired) }
    @_alwaysEmitIntoClient public static var opMustChangeReset: Msg { .common(.opMustChangeReset) }
    @_alwaysEmitIntoClient public static var opMustChangeHint: Msg { .common(.opMustChangeHint) }
    @_alwaysEmitIntoClient public static var opPolicy: Msg { .common(.opPolicy) }
    @_alwaysEmitIntoClient public static var opPolicyHint: Msg { .common(.opPolicyHint) }
    @_alwaysEmitIntoClient public static var opReused: Msg { .common(.opReused) }
    @_alwaysEmitIntoClient public static var opExists: Msg { .common(.opExists) }
    @_alwaysEmitIntoClient public static var opExistsHint: Msg { .common(.opExistsHint) }
    @_alwaysEmitIntoClient public static var opLookalike: Msg { .common(.opLookalike) }
    @_alwaysEmitIntoClient public static var opLookalikeHint: Msg { .common(.opLookalikeHint) }
    @_alwaysEmitIntoClient public static var opUnknown: Msg { .common(.opUnknown) }
    @_alwaysEmitIntoClient public static var opUnknownHint: Msg { .common(.opUnknownHint) }
    @_alwaysEmitIntoClient public static var opLastAdmin: Msg { .common(.opLastAdmin) }
    @_alwaysEmitIntoClient public static var opLastAdminHint: Msg { .common(.opLastAdminHint) }
    @_alwaysEmitIntoClient public static var opCodeNeeded: Msg { .common(.opCodeNeeded) }
    @_alwaysEmitIntoClient public static var opCodeNeededHint: Msg { .common(.opCodeNeededHint) }
    @_alwaysEmitIntoClient public static var opCodeMissing: Msg { .common(.opCodeMissing) }
    @_alwaysEmitIntoClient public static var opCodeMissingHint: Msg { .common(.opCodeMissingHint) }
    @_alwaysEmitIntoClient public static var opCodeMalformed: Msg { .common(.opCodeMalformed) }
    @_alwaysEmitIntoClient public static var opCodeAlreadyUsed: Msg { .common(.opCodeAlreadyUsed) }
    @_alwaysEmitIntoClient public static var opCodeAlreadyUsedHint: Msg { .common(.opCodeAlreadyUsedHint) }
    @_alwaysEmitIntoClient public static var opCodeWrong: Msg { .common(.opCodeWrong) }
    @_alwaysEmitIntoClient public static var opCodeWrongHint: Msg { .common(.opCodeWrongHint) }
    @_alwaysEmitIntoClient public static var opCodeSkewAgo: Msg { .common(.opCodeSkewAgo) }
    @_alwaysEmitIntoClient public static var opCodeSkewAhead: Msg { .common(.opCodeSkewAhead) }
    @_alwaysEmitIntoClient public static var opCodeSkewHint: Msg { .common(.opCodeSkewHint) }
    @_alwaysEmitIntoClient public static var durationSeconds: Msg { .common(.durationSeconds) }
    @_alwaysEmitIntoClient public static var durationMinutes: Msg { .common(.durationMinutes) }
    @_alwaysEmitIntoClient public static var opLockoutTampered: Msg { .common(.opLockoutTampered) }
    @_alwaysEmitIntoClient public static var opLockoutTamperedHint1: Msg { .common(.opLockoutTamperedHint1) }
    @_alwaysEmitIntoClient public static var opLockoutTamperedHint2: Msg { .common(.opLockoutTamperedHint2) }
    @_alwaysEmitIntoClient public static var promptPassword: Msg { .common(.promptPassword) }
    @_alwaysEmitIntoClient public static var promptPasswordFor: Msg { .common(.promptPasswordFor) }
    @_alwaysEmitIntoClient public static var promptNewPasswordFor: Msg { .common(.promptNewPasswordFor) }
    @_alwaysEmitIntoClient public static var promptRepeat: Msg { .common(.promptRepeat) }
    @_alwaysEmitIntoClient public static var promptOneTimeCodeFor: Msg { .common(.promptOneTimeCodeFor) }
    @_alwaysEmitIntoClient public static var promptBackupPassphrase: Msg { .common(.promptBackupPassphrase) }
    @_alwaysEmitIntoClient public static var pwTooLong: Msg { .common(.pwTooLong) }
    @_alwaysEmitIntoClient public static var pwNoneGiven: Msg { .common(.pwNoneGiven) }
    @_alwaysEmitIntoClient public static var pwNoneGivenHint: Msg { .common(.pwNoneGivenHint) }
    @_alwaysEmitIntoClient public static var pwNoTerminal: Msg { .common(.pwNoTerminal) }
    @_alwaysEmitIntoClient public static var pwNoTerminalHint: Msg { .common(.pwNoTerminalHint) }
    @_alwaysEmitIntoClient public static var pwNoTerminalSessionHint: Msg { .common(.pwNoTerminalSessionHint) }
    @_alwaysEmitIntoClient public static var pwDiffer: Msg { .common(.pwDiffer) }
    @_alwaysEmitIntoClient public static var pwDifferHint: Msg { .common(.pwDifferHint) }
    @_alwaysEmitIntoClient public static var pwDifferRetry: Msg { .common(.pwDifferRetry) }
    @_alwaysEmitIntoClient public static var pwPolicyRetry: Msg { .common(.pwPolicyRetry) }
    @_alwaysEmitIntoClient public static var pwPolicyRetryFooter: Msg { .common(.pwPolicyRetryFooter) }
    @_alwaysEmitIntoClient public static var srcStandardInput: Msg { .common(.srcStandardInput) }
    @_alwaysEmitIntoClient public static var srcTheTerminal: Msg { .common(.srcTheTerminal) }
    @_alwaysEmitIntoClient public static var srcStdinCode: Msg { .common(.srcStdinCode) }
    @_alwaysEmitIntoClient public static var srcStdinNewPassword: Msg { .common(.srcStdinNewPassword) }
    @_alwaysEmitIntoClient public static var pwChooseOneSource: Msg { .common(.pwChooseOneSource) }
    @_alwaysEmitIntoClient public static var sayWhoYouAre: Msg { .common(.sayWhoYouAre) }
    @_alwaysEmitIntoClient public static var passwordOptionsNeedUser: Msg { .common(.passwordOptionsNeedUser) }
    @_alwaysEmitIntoClient public static var expiresInDay: Msg { .common(.expiresInDay) }
    @_alwaysEmitIntoClient public static var expiresInDays: Msg { .common(.expiresInDays) }
    @_alwaysEmitIntoClient public static var loggedInAs: Msg { .common(.loggedInAs) }
}
