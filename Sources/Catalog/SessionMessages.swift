// The catalog's keys and texts for sessions (unlock, lock, the agent) and the fleet manifest,
// roster and rclone errors (SessionError). See Catalog.swift and Messages.swift; terms:
// docs/GLOSSARY.md.

extension Msg {
    public enum Session: CaseIterable, Sendable {
        // MARK: SessionError
        case mpTooLarge, mpNotText, mpNotAManifest, mpSignatureLine, mpLineShouldBe, mpSeq, mpCreated, mpSize, mpSha256
        case mpPrev, mpNoRecipient, mpSigner, mpUnexpectedLine, mpNotCanonical, mpNotRosterKey, mpSignature
        case mpOtherObject, mpObjectName, mpNotDownloaded, mpObjectMissing, mpObjectSize, roForm, roTerminalId, roKey
        case roTwice, enrNoRecipient, enrNotX25519, enrBackfill, locNoScheme, locNoRemote, locDash, locControl
        case ropReadBack, ropStart, ropTalkTo, ropDeleteFrom, rsayListing, rsayNotListed, rsaySocketPath
        case rsayNoAnswer60, rsayClosed, rsayNotHTTP, rsayCutShort, rsayBroke, rsayNotThere, rsayNoMessage, rsayRclone
        case sesTooLarge, sesTooManyFDs, sesProtocol, sesMissingFDs, sesBusy, sesCannotStart, sesUnknownRequest
        case sesEndFailed, sesNoSession, sesEnded, sesAgentGone, sesRefused, sesInsecureDirectory, sesOperatorChanged
        case sesRequestRefused, sesStartHint, sesRefusedHint, sesInsecureDirectoryHint, sesRequestRefusedHint
        // MARK: unlock, lock
        case unDiscussion, unUserHelp, unIdleHelp, unLifetimeHelp, unIdleRange, unLifetimeRange, unMinutes, unSeconds
        case unHours, unUnlocked, unLocked, unNoSession, unAgentDirect, unAgentDirectHint

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .mpTooLarge: ("it is larger than 16 KiB",
                              "它大于 16 KiB")
            case .mpNotText: ("it is not UTF-8 text ending in a line feed",
                             "它不是以换行符结尾的 UTF-8 文本")
            case .mpNotAManifest: ("it is not a vaultcli fleet manifest (version 1)",
                                  "它不是连锁备份的清单（版本 1）")
            case .mpSignatureLine: ("the signature line is malformed",
                                   "签名行的格式错误")
            case .mpLineShouldBe: ("line {0} should be \"{1} …\"",
                                  "第 {0} 行应当是“{1} …”")
            case .mpSeq: ("seq is not a positive number",
                         "seq（序号）不是正整数")
            case .mpCreated: ("created is not a UTC time",
                             "created（创建时间）不是 UTC 时间")
            case .mpSize: ("size is not a positive number",
                          "size（大小）不是正整数")
            case .mpSha256: ("sha256 is not 64 hex digits",
                            "sha256 不是 64 位十六进制数")
            case .mpPrev: ("prev is neither none nor 64 hex digits",
                          "prev（上一份清单）既不是 none，也不是 64 位十六进制数")
            case .mpNoRecipient: ("it names no recipient",
                                 "它没有写明任何接收者")
            case .mpSigner: ("the signer is not ed25519:<64 hex>",
                            "签名者不是 ed25519:<64 位十六进制>")
            case .mpUnexpectedLine: ("unexpected line {0}",
                                    "第 {0} 行是多余的")
            case .mpNotCanonical: ("it is not in canonical form",
                                  "它不是规范格式")
            case .mpNotRosterKey: ("it is not signed by terminal {0}'s key in the roster",
                                  "它不是用名册中终端 {0} 的密钥签名的")
            case .mpSignature: ("its signature does not verify",
                               "它的签名验证不通过")
            case .mpOtherObject: ("it names object {0}, not the one beside {1}",
                                 "它写的对象是 {0}，不是 {1} 旁边的那个")
            case .mpObjectName: ("its object name does not match its time and seq",
                                "它的对象名与其中的时间和序号不符")
            case .mpNotDownloaded: ("it could not be downloaded",
                                   "无法下载它")
            case .mpObjectMissing: ("its backup object is missing",
                                   "它的备份对象不存在")
            case .mpObjectSize: ("its backup object is {0} bytes, the manifest says {1}",
                                "它的备份对象有 {0} 字节，清单上写的是 {1}")
            case .roForm: ("expected `<terminal id> ed25519:<64 hex>`",
                          "应当是 `<terminal id> ed25519:<64 hex>`")
            case .roTerminalId: ("\"{0}\" is not a terminal id (1–16 of A-Z a-z 0-9 . _ -)",
                                "“{0}”不是终端号（1–16 个字符，只能用 A-Z、a-z、0-9、.、_、-）")
            case .roKey: ("the key is not ed25519:<64 hex>",
                         "密钥不是 ed25519:<64 位十六进制>")
            case .roTwice: ("terminal {0} is listed twice",
                           "终端 {0} 列出了两次")
            case .enrNoRecipient: ("name at least one head-office recipient (--recipient age1...)",
                                  "请至少指定一个总部接收者（--recipient age1...）")
            case .enrNotX25519: ("{0} is not an X25519 recipient",
                                "{0} 不是 X25519 接收者")
            case .enrBackfill: ("staging a backfilled history is a test-only tool (a debug build with the test KDF knob)",
                               "暂存补填的历史备份是仅供测试的工具（需要带测试用 KDF 开关的调试版本）")
            case .locNoScheme: ("\"{0}\" does not start with rclone:",
                               "“{0}”不是以 rclone: 开头的")
            case .locNoRemote: ("\"{0}\" names no remote (rclone:REMOTE:PATH)",
                               "“{0}”没有写明远端（rclone:REMOTE:PATH）")
            case .locDash: ("a remote cannot start with -",
                           "远端名不能以 - 开头")
            case .locControl: ("the location contains a control character",
                              "位置中含有控制字符")
            case .ropReadBack: ("read back",
                               "读回")
            case .ropStart: ("start",
                            "启动")
            case .ropTalkTo: ("talk to",
                             "连接")
            case .ropDeleteFrom: ("delete from",
                                 "删除")
            case .rsayListing: ("its listing is not the JSON rclone writes",
                               "它的列表不是 rclone 写出的 JSON 格式")
            case .rsayNotListed: ("it is not in the store's listing after the upload",
                                 "上传之后它不在存储的列表里")
            case .rsaySocketPath: ("the temporary directory's path is too long for a socket (set TMPDIR to a shorter one)",
                                  "临时目录的路径太长，无法放置套接字（请把 TMPDIR 设为更短的路径）")
            case .rsayNoAnswer60: ("it did not answer within 60 s",
                                  "它在 60 秒内没有应答")
            case .rsayClosed: ("it closed the connection without an answer{0}",
                              "它没有应答就关闭了连接{0}")
            case .rsayNotHTTP: ("its answer is not HTTP",
                               "它的应答不是 HTTP 格式")
            case .rsayCutShort: ("its answer was cut short{0}",
                                "它的应答不完整（被截断）{0}")
            case .rsayBroke: ("the connection to {0} broke{1}",
                             "与 {0} 的连接断开了{1}")
            case .rsayNotThere: ("it is not there (404)",
                                "它不在那里（404）")
            case .rsayNoMessage: ("rclone failed without a message",
                                 "rclone 出错了，但没有给出信息")
            case .rsayRclone: (" ({0})",
                              "（rclone：{0}）")
            case .sesTooLarge: ("the request is too large ({0} bytes; at most {1})",
                               "请求太大（{0} 字节；最多 {1} 字节）")
            case .sesTooManyFDs: ("the request carries too many descriptors",
                                 "请求带的文件描述符太多")
            case .sesProtocol: ("the request is of protocol version {0}; this agent speaks {1}",
                               "请求的协议版本是 {0}；这个会话代理使用版本 {1}")
            case .sesMissingFDs: ("the request must carry stdin, stdout, stderr and the working directory",
                                 "请求必须带上标准输入、标准输出、标准错误和工作目录")
            case .sesBusy: ("it is busy with {0} commands; try again",
                           "它正在运行 {0} 个命令；请稍后再试")
            case .sesCannotStart: ("cannot start the command (fork: {0})",
                                  "无法启动命令（fork：{0}）")
            case .sesUnknownRequest: ("an unknown request ({0})",
                                     "无法识别的请求（{0}）")
            case .sesEndFailed: ("the agent failed (poll)",
                                "会话代理内部出错（poll）")
            case .sesNoSession: ("no session is open for the vault at {0}, and no --user was given", "{0} 的保险库没有打开的会话，也没有给出 --user")
            case .sesEnded: ("the session ended: {0}", "会话已结束：{0}")
            case .sesAgentGone: ("the session agent is not running any more (it was stopped or crashed); the session is over", "会话代理已不在运行（被停止或崩溃）；会话已结束")
            case .sesRefused: ("the session agent refused: {0}", "会话代理拒绝了：{0}")
            case .sesInsecureDirectory: ("refusing the session directory: {0}", "拒绝使用会话目录：{0}")
            case .sesOperatorChanged: ("the session is no longer valid: {0}", "会话已失效：{0}")
            case .sesRequestRefused: ("the session agent refused the request: {0}", "会话代理拒绝了这个请求：{0}")
            case .sesStartHint: ("start a session with `vaultcli unlock --user NAME`, or give --user NAME to this command (it asks for the password)",
                                 "用 `vaultcli unlock --user NAME` 开始一个会话，或给这个命令加上 --user NAME（会询问密码）")
            case .sesRefusedHint: ("run `vaultcli lock`, then `vaultcli unlock --user NAME` with this vaultcli", "请运行 `vaultcli lock`，再用这个 vaultcli 运行 `vaultcli unlock --user NAME`")
            case .sesInsecureDirectoryHint: ("the directory must belong to you and have mode 0700; remove it and try again", "该目录必须属于您且权限为 0700；请删除它后再试")
            case .sesRequestRefusedHint: ("a session runs the commands its operator's role allows, as that operator; changing a password, one-time codes or recovery material, or acting as someone else, takes --user NAME (it asks for the password)",
                                          "会话以其操作员的身份、在其角色允许的范围内运行命令；修改密码、一次性验证码或恢复材料，或以别人的身份操作，需要 --user NAME（会询问密码）")
            case .unDiscussion: ("The unwrapped keys are held by a small agent process in locked memory (never on disk). It never hands them out: later tx and account commands of the same user are run by the agent, as this operator and within this operator's role. The session ends after 15 minutes without use (PCI DSS 8.2.8), after 8 hours in all, or at once with `vaultcli lock`. Unlocking again replaces the session.",
                                "解开的密钥由一个小的代理进程保存在锁定内存中（从不写到磁盘）。它从不把密钥交出去：同一用户之后的 tx 和 account 命令由代理以这个操作员的身份、在其角色范围内运行。会话在 15 分钟无操作后结束（PCI DSS 8.2.8），最长 8 小时，或用 `vaultcli lock` 立即结束。再次解锁会替换当前会话。")
            case .unUserHelp: ("The operator.",
                              "操作员。")
            case .unIdleHelp: ("End the session after this many seconds without use (at most 900).",
                              "无操作这么多秒后结束会话（最多 900）。")
            case .unLifetimeHelp: ("End the session after this many seconds in all (at most 28800).",
                                  "总共这么多秒后结束会话（最多 28800）。")
            case .unIdleRange: ("--idle-timeout must be 1 to {0} seconds (PCI DSS 8.2.8: at most 15 minutes)",
                               "--idle-timeout 必须是 1 到 {0} 秒（PCI DSS 8.2.8：最多 15 分钟）")
            case .unLifetimeRange: ("--max-lifetime must be 1 to {0} seconds (8 hours)",
                                   "--max-lifetime 必须是 1 到 {0} 秒（8 小时）")
            case .unMinutes: ("{0} min",
                             "{0} 分钟")
            case .unSeconds: ("{0} s",
                             "{0} 秒")
            case .unHours: ("{0} h",
                           "{0} 小时")
            case .unUnlocked: ("Unlocked as {0} ({1}). The session ends after {2} idle or {3} in all; `vaultcli lock` ends it now.",
                              "已解锁：{0}（{1}）。会话在无操作 {2} 后或总共 {3} 后结束；`vaultcli lock` 可以立即结束。")
            case .unLocked: ("Locked: the session for {0} has ended.",
                            "已锁定：{0} 的会话已结束。")
            case .unNoSession: ("No session was open for {0}.",
                               "{0} 没有打开的会话。")
            case .unAgentDirect: ("`vaultcli agent` is started by `vaultcli unlock`",
                                 "`vaultcli agent` 由 `vaultcli unlock` 启动")
            case .unAgentDirectHint: ("run `vaultcli unlock --user NAME`",
                                     "请运行 `vaultcli unlock --user NAME`")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var mpTooLarge: Msg { .session(.mpTooLarge) }
    @_alwaysEmitIntoClient public static var mpNotText: Msg { .session(.mpNotText) }
    @_alwaysEmitIntoClient public static var mpNotAManifest: Msg { .session(.mpNotAManifest) }
    @_alwaysEmitIntoClient public static var mpSignatureLine: Msg { .session(.mpSignatureLine) }
    @_alwaysEmitIntoClient public static var mpLineShouldBe: Msg { .session(.mpLineShouldBe) }
    @_alwaysEmitIntoClient public static var mpSeq: Msg { .session(.mpSeq) }
    @_alwaysEmitIntoClient public static var mpCreated: Msg { .session(.mpCreated) }
    @_alwaysEmitIntoClient public static var mpSize: Msg { .session(.mpSize) }
    @_alwaysEmitIntoClient public static var mpSha256: Msg { .session(.mpSha256) }
    @_alwaysEmitIntoClient public static var mpPrev: Msg { .session(.mpPrev) }
    @_alwaysEmitIntoClient public static var mpNoRecipient: Msg { .session(.mpNoRecipient) }
    @_alwaysEmitIntoClient public static var mpSigner: Msg { .session(.mpSigner) }
    @_alwaysEmitIntoClient public static var mpUnexpectedLine: Msg { .session(.mpUnexpectedLine) }
    @_alwaysEmitIntoClient public static var mpNotCanonical: Msg { .session(.mpNotCanonical) }
    @_alwaysEmitIntoClient public static var mpNotRosterKey: Msg { .session(.mpNotRosterKey) }
    @_alwaysEmitIntoClient public static var mpSignature: Msg { .session(.mpSignature) }
    @_alwaysEmitIntoClient public static var mpOtherObject: Msg { .session(.mpOtherObject) }
    @_alwaysEmitIntoClient public static var mpObjectName: Msg { .session(.mpObjectName) }
    @_alwaysEmitIntoClient public static var mpNotDownloaded: Msg { .session(.mpNotDownloaded) }
    @_alwaysEmitIntoClient public static var mpObjectMissing: Msg { .session(.mpObjectMissing) }
    @_alwaysEmitIntoClient public static var mpObjectSize: Msg { .session(.mpObjectSize) }
    @_alwaysEmitIntoClient public static var roForm: Msg { .session(.roForm) }
    @_alwaysEmitIntoClient public static var roTerminalId: Msg { .session(.roTerminalId) }
    @_alwaysEmitIntoClient public static var roKey: Msg { .session(.roKey) }
    @_alwaysEmitIntoClient public static var roTwice: Msg { .session(.roTwice) }
    @_alwaysEmitIntoClient public static var enrNoRecipient: Msg { .session(.enrNoRecipient) }
    @_alwaysEmitIntoClient public static var enrNotX25519: Msg { .session(.enrNotX25519) }
    @_alwaysEmitIntoClient public static var enrBackfill: Msg { .session(.enrBackfill) }
    @_alwaysEmitIntoClient public static var locNoScheme: Msg { .session(.locNoScheme) }
    @_alwaysEmitIntoClient public static var locNoRemote: Msg { .session(.locNoRemote) }
    @_alwaysEmitIntoClient public static var locDash: Msg { .session(.locDash) }
    @_alwaysEmitIntoClient public static var locControl: Msg { .session(.locControl) }
    @_alwaysEmitIntoClient public static var ropReadBack: Msg { .session(.ropReadBack) }
    @_alwaysEmitIntoClient public static var ropStart: Msg { .session(.ropStart) }
    @_alwaysEmitIntoClient public static var ropTalkTo: Msg { .session(.ropTalkTo) }
    @_alwaysEmitIntoClient public static var ropDeleteFrom: Msg { .session(.ropDeleteFrom) }
    @_alwaysEmitIntoClient public static var rsayListing: Msg { .session(.rsayListing) }
    @_alwaysEmitIntoClient public static var rsayNotListed: Msg { .session(.rsayNotListed) }
    @_alwaysEmitIntoClient public static var rsaySocketPath: Msg { .session(.rsaySocketPath) }
    @_alwaysEmitIntoClient public static var rsayNoAnswer60: Msg { .session(.rsayNoAnswer60) }
    @_alwaysEmitIntoClient public static var rsayClosed: Msg { .session(.rsayClosed) }
    @_alwaysEmitIntoClient public static var rsayNotHTTP: Msg { .session(.rsayNotHTTP) }
    @_alwaysEmitIntoClient public static var rsayCutShort: Msg { .session(.rsayCutShort) }
    @_alwaysEmitIntoClient public static var rsayBroke: Msg { .session(.rsayBroke) }
    @_alwaysEmitIntoClient public static var rsayNotThere: Msg { .session(.rsayNotThere) }
    @_alwaysEmitIntoClient public static var rsayNoMessage: Msg { .session(.rsayNoMessage) }
    @_alwaysEmitIntoClient public static var rsayRclone: Msg { .session(.rsayRclone) }
    @_alwaysEmitIntoClient public static var sesTooLarge: Msg { .session(.sesTooLarge) }
    @_alwaysEmitIntoClient public static var sesTooManyFDs: Msg { .session(.sesTooManyFDs) }
    @_alwaysEmitIntoClient public static var sesProtocol: Msg { .session(.sesProtocol) }
    @_alwaysEmitIntoClient public static var sesMissingFDs: Msg { .session(.sesMissingFDs) }
    @_alwaysEmitIntoClient public static var sesBusy: Msg { .session(.sesBusy) }
    @_alwaysEmitIntoClient public static var sesCannotStart: Msg { .session(.sesCannotStart) }
    @_alwaysEmitIntoClient public static var sesUnknownRequest: Msg { .session(.sesUnknownRequest) }
    @_alwaysEmitIntoClient public static var sesEndFailed: Msg { .session(.sesEndFailed) }
    @_alwaysEmitIntoClient public static var sesNoSession: Msg { .session(.sesNoSession) }
    @_alwaysEmitIntoClient public static var sesEnded: Msg { .session(.sesEnded) }
    @_alwaysEmitIntoClient public static var sesAgentGone: Msg { .session(.sesAgentGone) }
    @_alwaysEmitIntoClient public static var sesRefused: Msg { .session(.sesRefused) }
    @_alwaysEmitIntoClient public static var sesInsecureDirectory: Msg { .session(.sesInsecureDirectory) }
    @_alwaysEmitIntoClient public static var sesOperatorChanged: Msg { .session(.sesOperatorChanged) }
    @_alwaysEmitIntoClient public static var sesRequestRefused: Msg { .session(.sesRequestRefused) }
    @_alwaysEmitIntoClient public static var sesStartHint: Msg { .session(.sesStartHint) }
    @_alwaysEmitIntoClient public static var sesRefusedHint: Msg { .session(.sesRefusedHint) }
    @_alwaysEmitIntoClient public static var sesInsecureDirectoryHint: Msg { .session(.sesInsecureDirectoryHint) }
    @_alwaysEmitIntoClient public static var sesRequestRefusedHint: Msg { .session(.sesRequestRefusedHint) }
    @_alwaysEmitIntoClient public static var unDiscussion: Msg { .session(.unDiscussion) }
    @_alwaysEmitIntoClient public static var unUserHelp: Msg { .session(.unUserHelp) }
    @_alwaysEmitIntoClient public static var unIdleHelp: Msg { .session(.unIdleHelp) }
    @_alwaysEmitIntoClient public static var unLifetimeHelp: Msg { .session(.unLifetimeHelp) }
    @_alwaysEmitIntoClient public static var unIdleRange: Msg { .session(.unIdleRange) }
    @_alwaysEmitIntoClient public static var unLifetimeRange: Msg { .session(.unLifetimeRange) }
    @_alwaysEmitIntoClient public static var unMinutes: Msg { .session(.unMinutes) }
    @_alwaysEmitIntoClient public static var unSeconds: Msg { .session(.unSeconds) }
    @_alwaysEmitIntoClient public static var unHours: Msg { .session(.unHours) }
    @_alwaysEmitIntoClient public static var unUnlocked: Msg { .session(.unUnlocked) }
    @_alwaysEmitIntoClient public static var unLocked: Msg { .session(.unLocked) }
    @_alwaysEmitIntoClient public static var unNoSession: Msg { .session(.unNoSession) }
    @_alwaysEmitIntoClient public static var unAgentDirect: Msg { .session(.unAgentDirect) }
    @_alwaysEmitIntoClient public static var unAgentDirectHint: Msg { .session(.unAgentDirectHint) }
}
