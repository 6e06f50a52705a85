// The catalog's keys and texts for details of damage and of session ends (DetailText). See
// Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Details: CaseIterable, Sendable {
        // MARK: details of damage and of session ends (DetailText)
        case nmNoKey, nmPassphrase, nmFormat1, nmNotWritten, srWrongVault, srUserNamed, srNotSessionCommand
        case srCannotNameOperator, srListAnd, srListComma, dtFrameHeaderBad, dtNotAnIndex, dtNotWhereSigned
        case dtIndexPointsWrong, dtIndexListsMissing, dtAuditEventsRemoved, dtCannotErase, dtSettingsNotAdmin
        case dtSettingsKeys, dtSettingsUntrusted, dtKeyslotBad, dtKeyslotMalformed, dtNoPasswordSlot
        case dtAdminSlotAfterUpgrade, dtRecordKeyClass, dtEnvelopeType, dtEnvelopeNotOpen, dtEnvelopeMalformed
        case dtEnvelopeNoKeys, dtEnvelopeMissing, dtRecoveryEnvelopeMissing, dtRecoveryEnvelopeNoKeys, dtManagerVouches
        case dtProfileOtherId, dtNoPersonalKey, dtOldSlotBack, dtProfileMissing, dtSlotDiffers, dtRecoverySlotNoKey
        case dtRecoverySlotBack, dtLockoutKey, dtLockoutCounter, dtRecoveryLockoutCounter, dtTotpSecret
        case dtPrivateRecord, dtKeyCopy, dtFleetEnrolmentKey, dtRecordType, dtRecordBody, dtMarkerKey
        case dtRecoveryKeySlot, dtPolicyBelowFloors, dtRbRotations, dtRbAuditSeq, dtRbAuditChain, dtInterruptedWrite
        case jlEscapeCutShort, jlEscapeNonHex, jlStringNotClosed, jlRawControl, jlLoneSurrogate, jlInvalidUEscape
        case jlInvalidEscape, jlNotAnObject, jlQuotedKey, jlColonAfterKey, jlValueMissing, jlExponent, jlInvalidValue
        case jlBoolValue, jlNested, jlKeyTwice, jlObjectNotClosed, jlCommaOrBrace, jlTextAfterObject, dtRecordOfBytes
        case dtFieldKey, dtFieldColumn, dtFieldAccount, dtFieldCard, dtFrame, dtSigned, dtWhyAuth, dtWhyChecksum
        case dtWhySealed, dtWhySignature, dtWhyMalformed, dtWhyTooShort, dtWhyNoKey, dtWhyAuditChain, dtFrameTrailer
        case dtFrameCutShort, dtFramePastLog, dtChainBroken, dtIndexPointer, dtNoIndex, dtSettingsMissing
        case dtAuditChainMissing, dtHeaderDiffers, dtLatestIndex, dtPayloadTruncated, dtPayloadLastEmpty
        case dtPayloadChunkAuth, dtPayloadTrailing, dtPayloadNonce, dtIdentityLine, dtIdentityBech32, dtManifestJSON
        case dtManifestTrailing, dtAgentDidNotStart, dtOtherVault, dtBusy, dtOtherUser, dtOperatorChanged
        case dtDirOtherUser, dtDirOpen, dtMalformed, dtIndexMismatch, dtWhyMalformedBatch, dtWhyTrailing
        case dtWhyUnknownRecord, dtShorterThanHeader, dtHeaderChecksum, dtInsideIncomplete, dtTxRecord, dtPolicyMissing
        case dtFileLine, dtStoppedMidCommand, dtOlderClient, dtSessionEnded, dtEndLocked, dtEndSignal, dtEndIdle
        case dtEndLifetime, ipNotRegularFile, ipNotDirectory, ipFileExists, ipFileExistsHint, ipAlreadyFormat
        case ipSocketPathLong, ipRequestTooLong, ipRecoveryKeyNotX25519

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .dtFrameHeaderBad: ("the frame header at offset {0} is damaged", "偏移 {0} 处的帧头已损坏")
            case .dtNotAnIndex: ("the frame at offset {0} should be an index but is not, or does not read", "偏移 {0} 处应是索引帧，但它不是或无法读取")
            case .dtNotWhereSigned: ("the signed {0} frame at offset {1} is not where it was signed: copied from another file or an older copy",
                                     "偏移 {1} 处的签名{0}帧不在签名时的位置：它是从另一个文件或旧副本复制来的")
            case .dtIndexPointsWrong: ("the frame at offset {0} points to the index at {1}, expected {2}", "偏移 {0} 处的帧指向偏移 {1} 处的索引，应为 {2}")
            case .dtIndexListsMissing: ("the index at offset {0} lists a frame that is not there (offset {1})", "偏移 {0} 处的索引列出了一个不存在的帧（偏移 {1}）")
            case .dtAuditEventsRemoved: ("the vault says {0} audit events were written, but {1} are there: events were removed from the end",
                                         "保险库记录着写入了 {0} 个审计事件，但只有 {1} 个：末尾的事件被删除了")
            case .dtCannotErase: ("the frame at offset {0} cannot be erased: it is not the superseded frame the index named",
                                  "偏移 {0} 处的帧无法擦除：它不是索引指明的旧帧")
            case .dtSettingsNotAdmin: ("the vault settings are not signed by the admin key", "保险库设置不是用管理员密钥签名的")
            case .dtSettingsKeys: ("the keys in the vault settings are malformed", "保险库设置中的密钥格式错误")
            case .dtSettingsUntrusted: ("the vault settings are signed by a key your key slot does not trust", "保险库设置是用您的密钥槽不信任的密钥签名的")
            case .dtKeyslotBad: ("a key slot is damaged", "有一个密钥槽已损坏")
            case .dtKeyslotMalformed: ("key slot {0} is malformed", "密钥槽 {0} 格式错误")
            case .dtNoPasswordSlot: ("the operator {0} has no password key slot", "操作员 {0} 没有密码的密钥槽")
            case .dtAdminSlotAfterUpgrade: ("the admin's key slot is missing after the upgrade", "升级之后找不到管理员的密钥槽")
            case .dtRecordKeyClass: ("the record at offset {0} has a key or signer its type does not allow", "偏移 {0} 处的记录所用的密钥或签名者不符合它的类型")
            case .dtEnvelopeType: ("a key envelope has an unexpected record type", "有一个密钥信封的记录类型不对")
            case .dtEnvelopeNotOpen: ("an operator's key envelope does not open with the key their key slot holds", "有一个操作员的密钥信封用其密钥槽中的密钥打不开")
            case .dtEnvelopeMalformed: ("an operator's key envelope is malformed", "有一个操作员的密钥信封格式错误")
            case .dtEnvelopeNoKeys: ("a key envelope holds no verification keys", "密钥信封里没有验证用的密钥")
            case .dtEnvelopeMissing: ("the key envelope of an operator is missing", "有一个操作员的密钥信封不见了")
            case .dtRecoveryEnvelopeMissing: ("the recovery envelope is missing", "恢复用的密钥信封不见了")
            case .dtRecoveryEnvelopeNoKeys: ("the recovery envelope holds no verification keys", "恢复用的密钥信封里没有验证用的密钥")
            case .dtManagerVouches: ("the profile of operator {0}: a manager's signature vouches only for cashiers", "操作员 {0} 的资料：店长的签名只能担保收银员")
            case .dtProfileOtherId: ("an operator's profile is stored under another operator's id", "有一个操作员的资料存放在另一个操作员的 ID 下")
            case .dtNoPersonalKey: ("a key slot holds no personal key", "密钥槽里没有个人密钥")
            case .dtOldSlotBack: ("the key slot of {0} is not the one its envelope names: an old key slot was put back", "{0} 的密钥槽不是其密钥信封指明的那个：有人放回了旧的密钥槽")
            case .dtProfileMissing: ("the profile of operator {0} is missing", "操作员 {0} 的资料不见了")
            case .dtSlotDiffers: ("the key slot of {0}: its role or name differs from the signed profile", "{0} 的密钥槽：其中的角色或名字与签名的资料不一致")
            case .dtRecoverySlotNoKey: ("a recovery key slot holds no recovery key", "恢复用的密钥槽里没有恢复密钥")
            case .dtRecoverySlotBack: ("the recovery key slot {0} was revoked or used, but put back in the file", "恢复用的密钥槽 {0} 已吊销或已用过，却被放回了文件")
            case .dtLockoutKey: ("the key of the lock-out counters is malformed", "锁定计数的密钥格式错误")
            case .dtLockoutCounter: ("a lock-out counter is malformed", "有一个锁定计数格式错误")
            case .dtRecoveryLockoutCounter: ("the recovery lock-out counter is malformed", "恢复用的锁定计数格式错误")
            case .dtTotpSecret: ("the one-time code secret of {0} is damaged", "{0} 的一次性验证码密钥已损坏")
            case .dtPrivateRecord: ("a private record of an operator is damaged", "有一个操作员的私有记录已损坏")
            case .dtKeyCopy: ("the key copy of operator {0} is damaged", "操作员 {0} 的密钥副本已损坏")
            case .dtFleetEnrolmentKey: ("the fleet enrolment record holds a malformed signing key", "连锁登记记录中的签名密钥格式错误")
            case .dtRecordType: ("a record has an unexpected type", "有一条记录的类型不对")
            case .dtRecordBody: ("a record does not decode", "有一条记录的内容无法读取")
            case .dtMarkerKey: ("the backup marker key record is damaged", "备份标记的密钥记录已损坏")
            case .dtRecoveryKeySlot: ("the recovery key's key slot does not open with its own key", "恢复密钥的密钥槽用它自己的密钥打不开")
            case .dtPolicyBelowFloors: ("the stored password policy is below the floors", "保存的密码规则低于下限")
            case .dtRbRotations: ("its keys are from before a key rotation that {0} has already seen ({1} rotations now, {2} seen)",
                                  "它的密钥早于 {0} 已见过的一次密钥更换（现在更换过 {1} 次，已见过 {2} 次）")
            case .dtRbAuditSeq: ("it holds {0} audit events, but {1} were there when {2} last logged in", "它只有 {0} 个审计事件，但 {2} 上次登录时已有 {1} 个")
            case .dtRbAuditChain: ("its audit log does not continue the one {0} last saw", "它的审计日志不是 {0} 上次所见的审计日志的延续")
            case .dtInterruptedWrite: ("an interrupted write left {0} bytes ({1} incomplete frame(s)) after the last complete one; they held no acknowledged data and are ignored (the next write removes them)",
                                       "一次中断的写入在最后一个完整帧之后留下了 {0} 字节（{1} 个不完整的帧）；其中没有已确认的数据，已被忽略（下次写入时会删除）")
            case .dtRecordOfBytes: ("a record of {0} bytes", "{0} 字节的记录")
            case .dtFieldKey: ("the key {0}", "键 {0} ")
            case .dtFieldColumn: ("the column {0}", "列 {0} ")
            case .dtFieldAccount: ("the account's {0}", "商户账号的{0}")
            case .dtFieldCard: ("the card number field", "卡号字段")
            case .jlEscapeCutShort: ("a \\u escape is cut short", "有一个 \\u 转义不完整")
            case .jlEscapeNonHex: ("a \\u escape has a non-hex digit", "有一个 \\u 转义含有非十六进制的字符")
            case .jlStringNotClosed: ("a string is not closed", "有一个字符串没有结束的引号")
            case .jlRawControl: ("a string holds a raw control character", "有一个字符串含有未转义的控制字符")
            case .jlLoneSurrogate: ("a lone surrogate in a \\u escape", "\\u 转义中有不成对的代理项")
            case .jlInvalidUEscape: ("an invalid \\u escape", "无效的 \\u 转义")
            case .jlInvalidEscape: ("an invalid escape \\{0}", "无效的转义 \\{0}")
            case .jlNotAnObject: ("expected a JSON object ({...}) on each line", "每一行都应是一个 JSON 对象（{...}）")
            case .jlQuotedKey: ("expected a quoted key", "这里应是带引号的键")
            case .jlColonAfterKey: ("expected ':' after a key", "键的后面应是 ':'")
            case .jlValueMissing: ("a value is missing", "缺少值")
            case .jlExponent: ("the number for {0} uses exponent notation; write amounts as plain decimals such as \"12.34\"",
                               "{0} 的数字用了指数形式；金额请写成普通的小数，例如 \"12.34\"")
            case .jlInvalidValue: ("invalid value for {0}", "{0} 的值无效")
            case .jlBoolValue: ("{0} must be a string or a number, not true or false", "{0} 必须是字符串或数字，不能是 true 或 false")
            case .jlNested: ("{0} holds a nested object or array; each line must be one flat object", "{0} 的值是嵌套的对象或数组；每一行必须是一个不嵌套的对象")
            case .jlKeyTwice: ("the key {0} appears twice", "键 {0} 出现了两次")
            case .jlObjectNotClosed: ("the object is not closed", "对象没有结束（缺少 '}'）")
            case .jlCommaOrBrace: ("expected ',' or '}'", "这里应是 ',' 或 '}'")
            case .jlTextAfterObject: ("text after the end of the object", "对象结束之后还有其他文字")
            case .nmNoKey: ("the vault has no backup marker key", "保险库没有备份标记密钥")
            case .nmPassphrase: ("a passphrase backup carries no marker (age allows no other stanza beside a passphrase)",
                                 "用口令加密的备份不带标记（age 不允许口令旁边再有别的段）")
            case .nmFormat1: ("the vault is in format 1 (run `vaultcli upgrade` as an admin)",
                              "保险库还是格式 1（请由管理员运行 `vaultcli upgrade`）")
            case .nmNotWritten: ("the vault's backup marker key could not be written: {0}", "无法写入保险库的备份标记密钥：{0}")
            case .srWrongVault: ("its session is for vault {0}, not for {1} (vault {2})",
                                 "这个会话属于保险库 {0}，不属于 {1}（保险库 {2}）")
            case .srUserNamed: ("the session acts as {0} ({1}), but $VAULTCLI_USER names {2}; unset VAULTCLI_USER to act as {0}, or give --user {2} to act as {2} with that password",
                                "会话以 {0}（{1}）的身份操作，但 $VAULTCLI_USER 指定的是 {2}；要以 {0} 的身份操作，请取消 VAULTCLI_USER；要以 {2} 的身份操作，请给出 --user {2} 并输入其密码")
            case .srNotSessionCommand: ("a session runs only {0}, not `{1}`; changing a password, one-time codes or recovery material asks for the password every time (give --user NAME)",
                                        "会话只运行 {0}，不运行 `{1}`；修改密码、一次性验证码或恢复材料时每次都要输入密码（请给出 --user NAME）")
            case .srCannotNameOperator: ("the session acts as {0} ({1}); a request cannot name an operator or carry a password (--user, --as, --password-stdin, --password-file)",
                                         "会话以 {0}（{1}）的身份操作；请求不能指定操作员，也不能带密码（--user、--as、--password-stdin、--password-file）")
            case .srListAnd: (" and ", "和")
            case .srListComma: (", ", "、")
            case .dtFrame: ("the {0} frame at offset {1}: {2}", "偏移 {1} 处的{0}帧：{2}")
            case .dtSigned: ("signed", "签名")
            case .dtWhyAuth: ("authentication failed", "认证失败")
            case .dtWhyChecksum: ("checksum mismatch", "校验和不符")
            case .dtWhySealed: ("sealed box does not open", "密封数据打不开")
            case .dtWhySignature: ("signature does not verify", "签名验证不通过")
            case .dtWhyMalformed: ("malformed body", "内容格式错误")
            case .dtWhyTooShort: ("too short", "太短")
            case .dtWhyNoKey: ("no verification key", "没有验证用的密钥")
            case .dtWhyAuditChain: ("its place in the audit chain does not verify: an event before it was removed or changed, or it was forged",
                                    "它在审计链中的位置验证不通过：之前的事件被删除或修改过，或者它是伪造的")
            case .dtFrameTrailer: ("the frame trailer at offset {0}", "偏移 {0} 处的帧尾")
            case .dtFrameCutShort: ("the frame at offset {0} is cut short", "偏移 {0} 处的帧不完整（被截断）")
            case .dtFramePastLog: ("the frame at offset {0} runs past the end of the file", "偏移 {0} 处的帧超出了文件末尾")
            case .dtChainBroken: ("the chain is broken at offset {0}: a frame before it was removed, reordered or changed",
                                  "偏移 {0} 处的链断了：之前的帧被删除、调换顺序或修改过")
            case .dtIndexPointer: ("the index pointer {0} is outside the file", "索引指针 {0} 超出了文件范围")
            case .dtNoIndex: ("the file holds no committed data (no index)", "文件里没有已提交的数据（没有索引）")
            case .dtSettingsMissing: ("the vault settings record is missing", "保险库设置记录不见了")
            case .dtAuditChainMissing: ("the audit chain record is missing or malformed", "审计链记录不见了或格式错误")
            case .dtHeaderDiffers: ("the file header differs from the admin-signed settings", "文件头与管理员签名的设置不一致")
            case .dtLatestIndex: ("the latest index is not the one the file points to", "最新的索引不是文件所指向的那一个")
            case .dtPayloadTruncated: ("the file is cut short (truncated): its end is missing", "文件不完整（被截断）：缺少结尾部分")
            case .dtPayloadLastEmpty: ("the last chunk is empty", "最后一块数据是空的")
            case .dtPayloadChunkAuth: ("a chunk failed authentication (changed or damaged)", "有一块数据认证失败（被改动或已损坏）")
            case .dtPayloadTrailing: ("there is data after the final chunk", "最后一块数据之后还有多余的数据")
            case .dtPayloadNonce: ("the payload nonce is missing or short", "加密数据的随机数缺失或太短")
            case .dtIdentityLine: ("a line does not start with AGE-SECRET-KEY-1 (only X25519 age identities are supported)",
                                   "有一行不是以 AGE-SECRET-KEY-1 开头（只支持 X25519 的 age 身份密钥）")
            case .dtIdentityBech32: ("an AGE-SECRET-KEY-1 line does not hold a valid key", "有一行 AGE-SECRET-KEY-1 不是有效的密钥")
            case .dtManifestJSON: ("it is not the expected JSON", "它不是预期的 JSON")
            case .dtManifestTrailing: ("there are bytes after the vault", "保险库之后还有多余的字节")
            case .dtAgentDidNotStart: ("the session agent did not start", "会话代理没有启动")
            case .dtOtherVault: ("it holds a session for another vault", "它持有的是另一个保险库的会话")
            case .dtBusy: ("it is busy with 8 commands; try again", "它正在运行 8 个命令；请稍后再试")
            case .dtOtherUser: ("the client runs as another user", "客户端以另一个系统用户的身份运行")
            case .dtOperatorChanged: ("the operator {0} was removed, renamed or changed role since the session began",
                                      "会话开始之后，操作员 {0} 被删除、改名或更换了角色")
            case .dtDirOtherUser: ("{0} belongs to another user", "{0} 属于另一个系统用户")
            case .dtDirOpen: ("{0} can be used by others (mode {1})", "其他人可以使用 {0}（权限 {1}）")
            case .dtMalformed: ("a malformed request or answer", "请求或应答的格式错误")
            case .dtIndexMismatch: ("the index does not match the frame at offset {0} (the file was cut short or pieced together)",
                                    "索引与偏移 {0} 处的帧对不上（文件被截断或被拼接过）")
            case .dtWhyMalformedBatch: ("malformed batch", "批次格式错误")
            case .dtWhyTrailing: ("trailing bytes", "末尾有多余的字节")
            case .dtWhyUnknownRecord: ("unknown record type", "未知的记录类型")
            case .dtShorterThanHeader: ("the file is shorter than its header ({0} bytes)", "文件比文件头还短（{0} 字节）")
            case .dtHeaderChecksum: ("the file header is damaged", "文件头已损坏")
            case .dtInsideIncomplete: ("the vault inside ends with an incomplete frame", "备份里的保险库以不完整的帧结尾")
            case .dtTxRecord: ("a transaction record cannot be read", "有一条交易记录无法读取")
            case .dtPolicyMissing: ("the password policy record is missing", "密码规则记录不见了")
            case .dtFileLine: ("{0} line {1}: {2}", "{0} 第 {1} 行：{2}")
            case .dtStoppedMidCommand: ("the session agent stopped while it ran this command (locked, timed out or killed); the command may not have finished",
                                        "会话代理在运行这个命令时停止了（被锁定、超时或被终止）；命令可能没有完成")
            case .dtOlderClient: ("this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)",
                                  "会话代理从不交出密钥，只为同一版本的 vaultcli 运行命令（这个客户端的版本较旧）")
            case .dtSessionEnded: ("{0} (at {1}); the keys were wiped from memory", "{0}（于 {1}）；密钥已从内存中清除")
            case .dtEndLocked: ("it was locked with `vaultcli lock`", "已用 `vaultcli lock` 锁定")
            case .dtEndSignal: ("the session agent was stopped by a signal", "会话代理被信号终止")
            case .dtEndIdle: ("it was idle for more than {0} minutes", "空闲超过 {0} 分钟")
            case .dtEndLifetime: ("it reached its limit of {0} minutes in all", "已达到总时长上限 {0} 分钟")
            case .ipNotRegularFile: ("{0} is not a regular file", "{0} 不是普通文件")
            case .ipNotDirectory: ("{0} is not a directory", "{0} 不是目录")
            case .ipFileExists: ("{0} already exists; it was not changed", "{0} 已经存在；没有改动它")
            case .ipFileExistsHint: ("choose another file name, or remove that file first", "换一个文件名，或者先删除那个文件")
            case .ipAlreadyFormat: ("the vault is already in format version {0}", "保险库已经是格式版本 {0}")
            case .ipSocketPathLong: ("the session socket path {0} is too long", "会话套接字路径 {0} 太长")
            case .ipRequestTooLong: ("the command line and environment are too long for a session request ({0} bytes; at most {1})",
                                     "命令行和环境变量太长，无法作为会话请求发送（{0} 字节；最多 {1}）")
            case .ipRecoveryKeyNotX25519: ("a recovery key must be an X25519 public key", "恢复密钥必须是 X25519 公钥")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var nmNoKey: Msg { .details(.nmNoKey) }
    @_alwaysEmitIntoClient public static var nmPassphrase: Msg { .details(.nmPassphrase) }
    @_alwaysEmitIntoClient public static var nmFormat1: Msg { .details(.nmFormat1) }
    @_alwaysEmitIntoClient public static var nmNotWritten: Msg { .details(.nmNotWritten) }
    @_alwaysEmitIntoClient public static var srWrongVault: Msg { .details(.srWrongVault) }
    @_alwaysEmitIntoClient public static var srUserNamed: Msg { .details(.srUserNamed) }
    @_alwaysEmitIntoClient public static var srNotSessionCommand: Msg { .details(.srNotSessionCommand) }
    @_alwaysEmitIntoClient public static var srCannotNameOperator: Msg { .details(.srCannotNameOperator) }
    @_alwaysEmitIntoClient public static var srListAnd: Msg { .details(.srListAnd) }
    @_alwaysEmitIntoClient public static var srListComma: Msg { .details(.srListComma) }
    @_alwaysEmitIntoClient public static var dtFrameHeaderBad: Msg { .details(.dtFrameHeaderBad) }
    @_alwaysEmitIntoClient public static var dtNotAnIndex: Msg { .details(.dtNotAnIndex) }
    @_alwaysEmitIntoClient public static var dtNotWhereSigned: Msg { .details(.dtNotWhereSigned) }
    @_alwaysEmitIntoClient public static var dtIndexPointsWrong: Msg { .details(.dtIndexPointsWrong) }
    @_alwaysEmitIntoClient public static var dtIndexListsMissing: Msg { .details(.dtIndexListsMissing) }
    @_alwaysEmitIntoClient public static var dtAuditEventsRemoved: Msg { .details(.dtAuditEventsRemoved) }
    @_alwaysEmitIntoClient public static var dtCannotErase: Msg { .details(.dtCannotErase) }
    @_alwaysEmitIntoClient public static var dtSettingsNotAdmin: Msg { .details(.dtSettingsNotAdmin) }
    @_alwaysEmitIntoClient public static var dtSettingsKeys: Msg { .details(.dtSettingsKeys) }
    @_alwaysEmitIntoClient public static var dtSettingsUntrusted: Msg { .details(.dtSettingsUntrusted) }
    @_alwaysEmitIntoClient public static var dtKeyslotBad: Msg { .details(.dtKeyslotBad) }
    @_alwaysEmitIntoClient public static var dtKeyslotMalformed: Msg { .details(.dtKeyslotMalformed) }
    @_alwaysEmitIntoClient public static var dtNoPasswordSlot: Msg { .details(.dtNoPasswordSlot) }
    @_alwaysEmitIntoClient public static var dtAdminSlotAfterUpgrade: Msg { .details(.dtAdminSlotAfterUpgrade) }
    @_alwaysEmitIntoClient public static var dtRecordKeyClass: Msg { .details(.dtRecordKeyClass) }
    @_alwaysEmitIntoClient public static var dtEnvelopeType: Msg { .details(.dtEnvelopeType) }
    @_alwaysEmitIntoClient public static var dtEnvelopeNotOpen: Msg { .details(.dtEnvelopeNotOpen) }
    @_alwaysEmitIntoClient public static var dtEnvelopeMalformed: Msg { .details(.dtEnvelopeMalformed) }
    @_alwaysEmitIntoClient public static var dtEnvelopeNoKeys: Msg { .details(.dtEnvelopeNoKeys) }
    @_alwaysEmitIntoClient public static var dtEnvelopeMissing: Msg { .details(.dtEnvelopeMissing) }
    @_alwaysEmitIntoClient public static var dtRecoveryEnvelopeMissing: Msg { .details(.dtRecoveryEnvelopeMissing) }
    @_alwaysEmitIntoClient public static var dtRecoveryEnvelopeNoKeys: Msg { .details(.dtRecoveryEnvelopeNoKeys) }
    @_alwaysEmitIntoClient public static var dtManagerVouches: Msg { .details(.dtManagerVouches) }
    @_alwaysEmitIntoClient public static var dtProfileOtherId: Msg { .details(.dtProfileOtherId) }
    @_alwaysEmitIntoClient public static var dtNoPersonalKey: Msg { .details(.dtNoPersonalKey) }
    @_alwaysEmitIntoClient public static var dtOldSlotBack: Msg { .details(.dtOldSlotBack) }
    @_alwaysEmitIntoClient public static var dtProfileMissing: Msg { .details(.dtProfileMissing) }
    @_alwaysEmitIntoClient public static var dtSlotDiffers: Msg { .details(.dtSlotDiffers) }
    @_alwaysEmitIntoClient public static var dtRecoverySlotNoKey: Msg { .details(.dtRecoverySlotNoKey) }
    @_alwaysEmitIntoClient public static var dtRecoverySlotBack: Msg { .details(.dtRecoverySlotBack) }
    @_alwaysEmitIntoClient public static var dtLockoutKey: Msg { .details(.dtLockoutKey) }
    @_alwaysEmitIntoClient public static var dtLockoutCounter: Msg { .details(.dtLockoutCounter) }
    @_alwaysEmitIntoClient public static var dtRecoveryLockoutCounter: Msg { .details(.dtRecoveryLockoutCounter) }
    @_alwaysEmitIntoClient public static var dtTotpSecret: Msg { .details(.dtTotpSecret) }
    @_alwaysEmitIntoClient public static var dtPrivateRecord: Msg { .details(.dtPrivateRecord) }
    @_alwaysEmitIntoClient public static var dtKeyCopy: Msg { .details(.dtKeyCopy) }
    @_alwaysEmitIntoClient public static var dtFleetEnrolmentKey: Msg { .details(.dtFleetEnrolmentKey) }
    @_alwaysEmitIntoClient public static var dtRecordType: Msg { .details(.dtRecordType) }
    @_alwaysEmitIntoClient public static var dtRecordBody: Msg { .details(.dtRecordBody) }
    @_alwaysEmitIntoClient public static var dtMarkerKey: Msg { .details(.dtMarkerKey) }
    @_alwaysEmitIntoClient public static var dtRecoveryKeySlot: Msg { .details(.dtRecoveryKeySlot) }
    @_alwaysEmitIntoClient public static var dtPolicyBelowFloors: Msg { .details(.dtPolicyBelowFloors) }
    @_alwaysEmitIntoClient public static var dtRbRotations: Msg { .details(.dtRbRotations) }
    @_alwaysEmitIntoClient public static var dtRbAuditSeq: Msg { .details(.dtRbAuditSeq) }
    @_alwaysEmitIntoClient public static var dtRbAuditChain: Msg { .details(.dtRbAuditChain) }
    @_alwaysEmitIntoClient public static var dtInterruptedWrite: Msg { .details(.dtInterruptedWrite) }
    @_alwaysEmitIntoClient public static var jlEscapeCutShort: Msg { .details(.jlEscapeCutShort) }
    @_alwaysEmitIntoClient public static var jlEscapeNonHex: Msg { .details(.jlEscapeNonHex) }
    @_alwaysEmitIntoClient public static var jlStringNotClosed: Msg { .details(.jlStringNotClosed) }
    @_alwaysEmitIntoClient public static var jlRawControl: Msg { .details(.jlRawControl) }
    @_alwaysEmitIntoClient public static var jlLoneSurrogate: Msg { .details(.jlLoneSurrogate) }
    @_alwaysEmitIntoClient public static var jlInvalidUEscape: Msg { .details(.jlInvalidUEscape) }
    @_alwaysEmitIntoClient public static var jlInvalidEscape: Msg { .details(.jlInvalidEscape) }
    @_alwaysEmitIntoClient public static var jlNotAnObject: Msg { .details(.jlNotAnObject) }
    @_alwaysEmitIntoClient public static var jlQuotedKey: Msg { .details(.jlQuotedKey) }
    @_alwaysEmitIntoClient public static var jlColonAfterKey: Msg { .details(.jlColonAfterKey) }
    @_alwaysEmitIntoClient public static var jlValueMissing: Msg { .details(.jlValueMissing) }
    @_alwaysEmitIntoClient public static var jlExponent: Msg { .details(.jlExponent) }
    @_alwaysEmitIntoClient public static var jlInvalidValue: Msg { .details(.jlInvalidValue) }
    @_alwaysEmitIntoClient public static var jlBoolValue: Msg { .details(.jlBoolValue) }
    @_alwaysEmitIntoClient public static var jlNested: Msg { .details(.jlNested) }
    @_alwaysEmitIntoClient public static var jlKeyTwice: Msg { .details(.jlKeyTwice) }
    @_alwaysEmitIntoClient public static var jlObjectNotClosed: Msg { .details(.jlObjectNotClosed) }
    @_alwaysEmitIntoClient public static var jlCommaOrBrace: Msg { .details(.jlCommaOrBrace) }
    @_alwaysEmitIntoClient public static var jlTextAfterObject: Msg { .details(.jlTextAfterObject) }
    @_alwaysEmitIntoClient public static var dtRecordOfBytes: Msg { .details(.dtRecordOfBytes) }
    @_alwaysEmitIntoClient public static var dtFieldKey: Msg { .details(.dtFieldKey) }
    @_alwaysEmitIntoClient public static var dtFieldColumn: Msg { .details(.dtFieldColumn) }
    @_alwaysEmitIntoClient public static var dtFieldAccount: Msg { .details(.dtFieldAccount) }
    @_alwaysEmitIntoClient public static var dtFieldCard: Msg { .details(.dtFieldCard) }
    @_alwaysEmitIntoClient public static var dtFrame: Msg { .details(.dtFrame) }
    @_alwaysEmitIntoClient public static var dtSigned: Msg { .details(.dtSigned) }
    @_alwaysEmitIntoClient public static var dtWhyAuth: Msg { .details(.dtWhyAuth) }
    @_alwaysEmitIntoClient public static var dtWhyChecksum: Msg { .details(.dtWhyChecksum) }
    @_alwaysEmitIntoClient public static var dtWhySealed: Msg { .details(.dtWhySealed) }
    @_alwaysEmitIntoClient public static var dtWhySignature: Msg { .details(.dtWhySignature) }
    @_alwaysEmitIntoClient public static var dtWhyMalformed: Msg { .details(.dtWhyMalformed) }
    @_alwaysEmitIntoClient public static var dtWhyTooShort: Msg { .details(.dtWhyTooShort) }
    @_alwaysEmitIntoClient public static var dtWhyNoKey: Msg { .details(.dtWhyNoKey) }
    @_alwaysEmitIntoClient public static var dtWhyAuditChain: Msg { .details(.dtWhyAuditChain) }
    @_alwaysEmitIntoClient public static var dtFrameTrailer: Msg { .details(.dtFrameTrailer) }
    @_alwaysEmitIntoClient public static var dtFrameCutShort: Msg { .details(.dtFrameCutShort) }
    @_alwaysEmitIntoClient public static var dtFramePastLog: Msg { .details(.dtFramePastLog) }
    @_alwaysEmitIntoClient public static var dtChainBroken: Msg { .details(.dtChainBroken) }
    @_alwaysEmitIntoClient public static var dtIndexPointer: Msg { .details(.dtIndexPointer) }
    @_alwaysEmitIntoClient public static var dtNoIndex: Msg { .details(.dtNoIndex) }
    @_alwaysEmitIntoClient public static var dtSettingsMissing: Msg { .details(.dtSettingsMissing) }
    @_alwaysEmitIntoClient public static var dtAuditChainMissing: Msg { .details(.dtAuditChainMissing) }
    @_alwaysEmitIntoClient public static var dtHeaderDiffers: Msg { .details(.dtHeaderDiffers) }
    @_alwaysEmitIntoClient public static var dtLatestIndex: Msg { .details(.dtLatestIndex) }
    @_alwaysEmitIntoClient public static var dtPayloadTruncated: Msg { .details(.dtPayloadTruncated) }
    @_alwaysEmitIntoClient public static var dtPayloadLastEmpty: Msg { .details(.dtPayloadLastEmpty) }
    @_alwaysEmitIntoClient public static var dtPayloadChunkAuth: Msg { .details(.dtPayloadChunkAuth) }
    @_alwaysEmitIntoClient public static var dtPayloadTrailing: Msg { .details(.dtPayloadTrailing) }
    @_alwaysEmitIntoClient public static var dtPayloadNonce: Msg { .details(.dtPayloadNonce) }
    @_alwaysEmitIntoClient public static var dtIdentityLine: Msg { .details(.dtIdentityLine) }
    @_alwaysEmitIntoClient public static var dtIdentityBech32: Msg { .details(.dtIdentityBech32) }
    @_alwaysEmitIntoClient public static var dtManifestJSON: Msg { .details(.dtManifestJSON) }
    @_alwaysEmitIntoClient public static var dtManifestTrailing: Msg { .details(.dtManifestTrailing) }
    @_alwaysEmitIntoClient public static var dtAgentDidNotStart: Msg { .details(.dtAgentDidNotStart) }
    @_alwaysEmitIntoClient public static var dtOtherVault: Msg { .details(.dtOtherVault) }
    @_alwaysEmitIntoClient public static var dtBusy: Msg { .details(.dtBusy) }
    @_alwaysEmitIntoClient public static var dtOtherUser: Msg { .details(.dtOtherUser) }
    @_alwaysEmitIntoClient public static var dtOperatorChanged: Msg { .details(.dtOperatorChanged) }
    @_alwaysEmitIntoClient public static var dtDirOtherUser: Msg { .details(.dtDirOtherUser) }
    @_alwaysEmitIntoClient public static var dtDirOpen: Msg { .details(.dtDirOpen) }
    @_alwaysEmitIntoClient public static var dtMalformed: Msg { .details(.dtMalformed) }
    @_alwaysEmitIntoClient public static var dtIndexMismatch: Msg { .details(.dtIndexMismatch) }
    @_alwaysEmitIntoClient public static var dtWhyMalformedBatch: Msg { .details(.dtWhyMalformedBatch) }
    @_alwaysEmitIntoClient public static var dtWhyTrailing: Msg { .details(.dtWhyTrailing) }
    @_alwaysEmitIntoClient public static var dtWhyUnknownRecord: Msg { .details(.dtWhyUnknownRecord) }
    @_alwaysEmitIntoClient public static var dtShorterThanHeader: Msg { .details(.dtShorterThanHeader) }
    @_alwaysEmitIntoClient public static var dtHeaderChecksum: Msg { .details(.dtHeaderChecksum) }
    @_alwaysEmitIntoClient public static var dtInsideIncomplete: Msg { .details(.dtInsideIncomplete) }
    @_alwaysEmitIntoClient public static var dtTxRecord: Msg { .details(.dtTxRecord) }
    @_alwaysEmitIntoClient public static var dtPolicyMissing: Msg { .details(.dtPolicyMissing) }
    @_alwaysEmitIntoClient public static var dtFileLine: Msg { .details(.dtFileLine) }
    @_alwaysEmitIntoClient public static var dtStoppedMidCommand: Msg { .details(.dtStoppedMidCommand) }
    @_alwaysEmitIntoClient public static var dtOlderClient: Msg { .details(.dtOlderClient) }
    @_alwaysEmitIntoClient public static var dtSessionEnded: Msg { .details(.dtSessionEnded) }
    @_alwaysEmitIntoClient public static var dtEndLocked: Msg { .details(.dtEndLocked) }
    @_alwaysEmitIntoClient public static var dtEndSignal: Msg { .details(.dtEndSignal) }
    @_alwaysEmitIntoClient public static var dtEndIdle: Msg { .details(.dtEndIdle) }
    @_alwaysEmitIntoClient public static var dtEndLifetime: Msg { .details(.dtEndLifetime) }
    @_alwaysEmitIntoClient public static var ipNotRegularFile: Msg { .details(.ipNotRegularFile) }
    @_alwaysEmitIntoClient public static var ipNotDirectory: Msg { .details(.ipNotDirectory) }
    @_alwaysEmitIntoClient public static var ipFileExists: Msg { .details(.ipFileExists) }
    @_alwaysEmitIntoClient public static var ipFileExistsHint: Msg { .details(.ipFileExistsHint) }
    @_alwaysEmitIntoClient public static var ipAlreadyFormat: Msg { .details(.ipAlreadyFormat) }
    @_alwaysEmitIntoClient public static var ipSocketPathLong: Msg { .details(.ipSocketPathLong) }
    @_alwaysEmitIntoClient public static var ipRequestTooLong: Msg { .details(.ipRequestTooLong) }
    @_alwaysEmitIntoClient public static var ipRecoveryKeyNotX25519: Msg { .details(.ipRecoveryKeyNotX25519) }
}
