// The catalog's keys and texts for fleet: enrol, list, prune, verify and its errors. See
// Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Fleet: CaseIterable, Sendable {
        // MARK: fleet
        case flDiscussion, hFleetRemote, hFleetRoster, hFleetEnrol, dFleetEnrol, hFleetEnrolRemote, hFleetRecipient
        case hFleetRecipientsFile, hFleetNewKey, flRemoteForm, flNameRecipients, flCannotRead, flEnrolled
        case flAddRosterLine, hFleetList, dFleetList, hLateAfter, hOldRecipient, flRefused, flIncomplete
        case flOldRecipient, colTerminal, colState, colNewestVerified, colAge, colBytes, colNote, flNotInRoster
        case flListSummary, hFleetPrune, dFleetPrune, hKeepDaily, hKeepWeekly, hFleetDryRun, flKeepAtLeast0
        case flWouldDelete, flDeleted, flWouldDeleteCount, flDeletedCount, hFleetVerify, dFleetVerify, hFleetIdentity
        case hFleetTerminal, hFleetSample, flNameIdentity, flSampleRange, flNotInRosterFile, flOk, flFailed, flChecked
        case flNoManifest, flManifestNames, flChainBroken, flNotDownloaded, flBytesNotSigned, flVaultInside
        case feRcloneMissing, feRcloneMissingHint, feRemote, feRemoteHint, feReadBack, feReadBackHint, feBadLocation
        case feBadLocationHint, feNotEnrolled, feNotEnrolledHint, feManifestRefused, feManifestRefusedHint, feRoster
        case feRosterHint, feEnrolment, feEnrolmentHint, feObjectMissing, feObjectMissingHint, feIdentityExposed
        case feIdentityExposedHint

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .flDiscussion: ("See docs/fleet.md. Terminals upload with `vaultcli backup --to rclone:REMOTE:PATH`.",
                                "参见 docs/fleet.md。终端用 `vaultcli backup --to rclone:REMOTE:PATH` 上传。")
            case .hFleetRemote: ("Where the fleet's backups are, as rclone:REMOTE:PATH (credentials stay in rclone's own configuration).",
                                "连锁备份所在的位置，写成 rclone:REMOTE:PATH（凭据留在 rclone 自己的配置里）。")
            case .hFleetRoster: ("Head office's roster: `<terminal id> ed25519:<hex>` a line, as `vaultcli fleet enrol` prints it.",
                                "总部的终端名册：每行一个 `<terminal id> ed25519:<hex>`，即 `vaultcli fleet enrol` 打印的样子。")
            case .hFleetEnrol: ("Enrol this terminal (admins): the remote, head office's recipients, and the terminal's signing key.",
                               "登记这台终端（管理员）：远端、总部的接收者和终端的签名密钥。")
            case .dFleetEnrol: ("Prints the roster line head office adds to its roster. The signing key is kept in the vault (an admin-signed record) and made once; --new-key replaces it (head office must then update the roster). Example:\n  vaultcli fleet enrol --remote rclone:hq-s3:fleet-backups --recipient age1... --user admin",
                               "打印总部要加进名册的那一行。签名密钥保存在保险库里（管理员签名的记录），只生成一次；--new-key 会替换它（之后总部必须更新名册）。例如：\n  vaultcli fleet enrol --remote rclone:hq-s3:fleet-backups --recipient age1... --user admin")
            case .hFleetEnrolRemote: ("Where backups go: rclone:REMOTE:PATH.",
                                     "备份存到哪里：rclone:REMOTE:PATH。")
            case .hFleetRecipient: ("A head-office age recipient (age1...); repeatable.",
                                   "一个总部的 age 接收者（age1...）；可重复。")
            case .hFleetRecipientsFile: ("A file of age1... recipients, one a line.",
                                        "一个 age1... 接收者文件，每行一个。")
            case .hFleetNewKey: ("Make a new signing key even if the terminal has one.",
                                "即使终端已有签名密钥，也生成一个新的。")
            case .flRemoteForm: ("--remote must be rclone:REMOTE:PATH",
                                "--remote 必须是 rclone:REMOTE:PATH")
            case .flNameRecipients: ("name head office's recipients with --recipient age1... or --recipients-file FILE",
                                    "请用 --recipient age1... 或 --recipients-file FILE 给出总部的接收者")
            case .flCannotRead: ("cannot read {0}",
                                "无法读取 {0}")
            case .flEnrolled: ("terminal {0} enrolled: backups go to {1}, sealed to {2} head-office recipient(s)",
                              "终端 {0} 已登记：备份存到 {1}，加密给 {2} 个总部接收者")
            case .flAddRosterLine: ("add this line to head office's roster:",
                                   "请把这一行加进总部的名册：")
            case .hFleetList: ("Per terminal: the newest verified backup, its age, count and bytes; OK, LATE or MISSING.",
                              "按终端列出：最新的已验证备份、其时长、数量和字节数；OK、LATE 或 MISSING。")
            case .dFleetList: ("One listing of the bucket, then only the newest manifests. Exit 1 when any terminal needs attention (LATE, MISSING, a refused object, or a prefix the roster does not know).",
                              "列一次存储桶，然后只读最新的清单。任何终端需要关注时（LATE、MISSING、被拒绝的对象，或名册里没有的前缀）退出状态为 1。")
            case .hLateAfter: ("A terminal whose newest verified backup is older than this many hours is LATE.",
                              "最新的已验证备份超过这么多小时的终端算作 LATE。")
            case .hOldRecipient: ("A recipient being retired: name the terminals whose newest backup is still sealed to it.",
                                 "一个要停用的接收者：列出最新备份仍加密给它的终端。")
            case .flRefused: ("{0} refused ({1}: {2})",
                             "{0} 个被拒绝（{1}：{2}）")
            case .flIncomplete: ("{0} incomplete",
                                "{0} 个不完整")
            case .flOldRecipient: ("sealed to an old recipient",
                                  "加密给了旧的接收者")
            case .colTerminal: ("TERMINAL",
                               "终端")
            case .colState: ("STATE",
                            "状态")
            case .colNewestVerified: ("NEWEST VERIFIED",
                                     "最新已验证")
            case .colAge: ("AGE",
                          "时长")
            case .colBytes: ("BYTES",
                            "字节")
            case .colNote: ("NOTE",
                           "备注")
            case .flNotInRoster: ("not in the roster: prefix {0} ({1} objects)",
                                 "不在名册中：前缀 {0}（{1} 个对象）")
            case .flListSummary: ("{0} terminals, {1} objects; {2} need attention",
                                 "{0} 台终端，{1} 个对象；{2} 台需要关注")
            case .hFleetPrune: ("Delete old backups by a daily/weekly rule, from one listing, without a lock.",
                               "按每天／每周的规则删除旧备份，只列一次，不加锁。")
            case .dFleetPrune: ("Never deletes a terminal's newest verified backup, nor an object whose manifest was refused (left for a person to look at).",
                               "绝不删除终端最新的已验证备份，也不删除清单被拒绝的对象（留给人来查看）。")
            case .hKeepDaily: ("Keep the newest backup of each of the last N days that have one.",
                              "保留最近 N 个有备份的日子里每天最新的一个。")
            case .hKeepWeekly: ("Keep the newest backup of each of the last N weeks that have one.",
                               "保留最近 N 个有备份的星期里每周最新的一个。")
            case .hFleetDryRun: ("Say what would be deleted; delete nothing.",
                                "说明会删除什么；不实际删除。")
            case .flKeepAtLeast0: ("--keep-daily and --keep-weekly take numbers of at least 0",
                                  "--keep-daily 和 --keep-weekly 需要至少为 0 的数")
            case .flWouldDelete: ("would delete {0}",
                                 "将删除 {0}")
            case .flDeleted: ("deleted {0}",
                             "已删除 {0}")
            case .flWouldDeleteCount: ("would delete {0} of {1} objects",
                                      "将删除 {1} 个对象中的 {0} 个")
            case .flDeletedCount: ("deleted {0} of {1} objects",
                                  "已删除 {1} 个对象中的 {0} 个")
            case .hFleetVerify: ("Download backups, check signature, chain and digest, decrypt with head office's identity and check the vault inside.",
                                "下载备份，检查签名、链和摘要，用总部的身份密钥解密，并检查其中的保险库。")
            case .dFleetVerify: ("--sample 10% checks a random tenth of each terminal's backups (at least one, always the newest), as restic's check --read-data-subset does.",
                                "--sample 10% 会随机检查每台终端十分之一的备份（至少一个，总是包括最新的），就像 restic 的 check --read-data-subset 那样。")
            case .hFleetIdentity: ("Head office's identity file (AGE-SECRET-KEY-1..., mode 0600); repeatable.",
                                  "总部的身份文件（AGE-SECRET-KEY-1...，权限 0600）；可重复。")
            case .hFleetTerminal: ("Only this terminal.",
                                  "只检查这台终端。")
            case .hFleetSample: ("Check this share of each terminal's backups, e.g. 10%.",
                                "检查每台终端这么大比例的备份，例如 10%。")
            case .flNameIdentity: ("name head office's identity with --identity FILE",
                                  "请用 --identity FILE 给出总部的身份文件")
            case .flSampleRange: ("--sample takes a percentage from 0.1% to 100%, e.g. 10%",
                                 "--sample 需要 0.1% 到 100% 之间的百分比，例如 10%")
            case .flNotInRosterFile: ("terminal {0} is not in the roster {1}",
                                     "终端 {0} 不在名册 {1} 中")
            case .flOk: ("ok    ",
                        "正常  ")
            case .flFailed: ("FAILED",
                            "失败  ")
            case .flChecked: ("{0} backups checked, {1} failed",
                             "已检查 {0} 个备份，{1} 个失败")
            case .flNoManifest: ("its manifest could not be downloaded",
                                "无法下载它的清单")
            case .flManifestNames: ("its manifest names terminal {0}",
                                   "它的清单写的是终端 {0}")
            case .flChainBroken: ("the chain is broken: its prev is not the hash of manifest seq {0}",
                                 "链断了：它的 prev 不是清单序号 {0} 的哈希")
            case .flNotDownloaded: ("it could not be downloaded",
                                   "无法下载它")
            case .flBytesNotSigned: ("its bytes are not the ones the manifest signs (size or SHA-256)",
                                    "它的字节不是清单所签名的那些（大小或 SHA-256 不符）")
            case .flVaultInside: ("the vault inside is terminal {0} / vault {1}, not the manifest's",
                                 "其中的保险库是终端 {0} / 保险库 {1}，与清单不符")
            case .feRcloneMissing: ("cannot run rclone ({0}): {1}",
                                   "无法运行 rclone（{0}）：{1}")
            case .feRcloneMissingHint: ("install rclone 1.65 or newer (Debian bookworm's 1.60 fails S3 calls when AWS_CA_BUNDLE is set), or name it with VAULTCLI_RCLONE=/path/to/rclone",
                                       "请安装 rclone 1.65 或更新版本（Debian bookworm 的 1.60 在设置了 AWS_CA_BUNDLE 时 S3 调用会失败），或用 VAULTCLI_RCLONE=/path/to/rclone 指定")
            case .feRemote: ("rclone could not {0} {1}: {2}",
                            "rclone 无法{0} {1}：{2}")
            case .feRemoteHint: ("check the remote in rclone's configuration (`rclone config show REMOTE`), the network and the credentials; no backup that looks whole was left behind",
                                "请检查 rclone 配置中的远端（`rclone config show REMOTE`）、网络和凭据；没有留下看起来完整的备份")
            case .feReadBack: ("{0} read back from the remote differs from what was uploaded",
                              "从远端读回的 {0} 与上传的不一致")
            case .feReadBackHint: ("run the backup again; the object carries no manifest, so head office does not count it",
                                  "请重新备份；这个对象没有清单，所以总部不会把它算作备份")
            case .feBadLocation: ("invalid remote location: {0}",
                                 "远端位置无效：{0}")
            case .feBadLocationHint: ("write it as rclone:REMOTE:PATH, e.g. rclone:hq-s3:fleet-backups",
                                     "请写成 rclone:REMOTE:PATH，例如 rclone:hq-s3:fleet-backups")
            case .feNotEnrolled: ("this terminal is not enrolled in a fleet (no remote, head-office recipients or signing key in the vault)",
                                 "这台终端没有登记到连锁（保险库里没有远端、总部接收者或签名密钥）")
            case .feNotEnrolledHint: ("an admin enrols the terminal once: vaultcli fleet enrol --remote rclone:REMOTE:PATH --recipient age1... --user ADMIN",
                                     "请管理员登记一次终端：vaultcli fleet enrol --remote rclone:REMOTE:PATH --recipient age1... --user ADMIN")
            case .feManifestRefused: ("backup manifest {0} is refused: {1}",
                                     "备份清单 {0} 被拒绝：{1}")
            case .feManifestRefusedHint: ("the object was not written by the terminal whose key the roster holds (forged, damaged, or under another terminal's prefix); it is never counted as a backup",
                                         "这个对象不是名册中那把密钥所属的终端写的（伪造、损坏，或放在了别的终端前缀下）；它绝不会被算作备份")
            case .feRoster: ("{0}, line {1}: {2}",
                            "{0}，第 {1} 行：{2}")
            case .feRosterHint: ("each line is `<terminal id> ed25519:<64 hex>` as printed by `vaultcli fleet enrol`; # starts a comment",
                                "每行是 `vaultcli fleet enrol` 打印的 `<terminal id> ed25519:<64 hex>`；# 开始注释")
            case .feEnrolment: ("fleet enrolment refused: {0}",
                               "连锁登记被拒绝：{0}")
            case .feEnrolmentHint: ("see `vaultcli fleet enrol --help`",
                                   "参见 `vaultcli fleet enrol --help`")
            case .feObjectMissing: ("{0} is not on the remote",
                                   "{0} 不在远端上")
            case .feObjectMissingHint: ("list what is there with `vaultcli fleet list REMOTE --roster FILE --json`",
                                       "用 `vaultcli fleet list REMOTE --roster FILE --json` 列出远端上有什么")
            case .feIdentityExposed: ("{0} can be read by other users; head office's identity must be in a file only its owner can read",
                                     "{0} 其他用户可以读取；总部的身份密钥必须放在只有所有者能读的文件里")
            case .feIdentityExposedHint: ("chmod 600 {0} (and keep the key offline when it is not in use)",
                                         "chmod 600 {0}（不用时请离线保存这把密钥）")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var flDiscussion: Msg { .fleet(.flDiscussion) }
    @_alwaysEmitIntoClient public static var hFleetRemote: Msg { .fleet(.hFleetRemote) }
    @_alwaysEmitIntoClient public static var hFleetRoster: Msg { .fleet(.hFleetRoster) }
    @_alwaysEmitIntoClient public static var hFleetEnrol: Msg { .fleet(.hFleetEnrol) }
    @_alwaysEmitIntoClient public static var dFleetEnrol: Msg { .fleet(.dFleetEnrol) }
    @_alwaysEmitIntoClient public static var hFleetEnrolRemote: Msg { .fleet(.hFleetEnrolRemote) }
    @_alwaysEmitIntoClient public static var hFleetRecipient: Msg { .fleet(.hFleetRecipient) }
    @_alwaysEmitIntoClient public static var hFleetRecipientsFile: Msg { .fleet(.hFleetRecipientsFile) }
    @_alwaysEmitIntoClient public static var hFleetNewKey: Msg { .fleet(.hFleetNewKey) }
    @_alwaysEmitIntoClient public static var flRemoteForm: Msg { .fleet(.flRemoteForm) }
    @_alwaysEmitIntoClient public static var flNameRecipients: Msg { .fleet(.flNameRecipients) }
    @_alwaysEmitIntoClient public static var flCannotRead: Msg { .fleet(.flCannotRead) }
    @_alwaysEmitIntoClient public static var flEnrolled: Msg { .fleet(.flEnrolled) }
    @_alwaysEmitIntoClient public static var flAddRosterLine: Msg { .fleet(.flAddRosterLine) }
    @_alwaysEmitIntoClient public static var hFleetList: Msg { .fleet(.hFleetList) }
    @_alwaysEmitIntoClient public static var dFleetList: Msg { .fleet(.dFleetList) }
    @_alwaysEmitIntoClient public static var hLateAfter: Msg { .fleet(.hLateAfter) }
    @_alwaysEmitIntoClient public static var hOldRecipient: Msg { .fleet(.hOldRecipient) }
    @_alwaysEmitIntoClient public static var flRefused: Msg { .fleet(.flRefused) }
    @_alwaysEmitIntoClient public static var flIncomplete: Msg { .fleet(.flIncomplete) }
    @_alwaysEmitIntoClient public static var flOldRecipient: Msg { .fleet(.flOldRecipient) }
    @_alwaysEmitIntoClient public static var colTerminal: Msg { .fleet(.colTerminal) }
    @_alwaysEmitIntoClient public static var colState: Msg { .fleet(.colState) }
    @_alwaysEmitIntoClient public static var colNewestVerified: Msg { .fleet(.colNewestVerified) }
    @_alwaysEmitIntoClient public static var colAge: Msg { .fleet(.colAge) }
    @_alwaysEmitIntoClient public static var colBytes: Msg { .fleet(.colBytes) }
    @_alwaysEmitIntoClient public static var colNote: Msg { .fleet(.colNote) }
    @_alwaysEmitIntoClient public static var flNotInRoster: Msg { .fleet(.flNotInRoster) }
    @_alwaysEmitIntoClient public static var flListSummary: Msg { .fleet(.flListSummary) }
    @_alwaysEmitIntoClient public static var hFleetPrune: Msg { .fleet(.hFleetPrune) }
    @_alwaysEmitIntoClient public static var dFleetPrune: Msg { .fleet(.dFleetPrune) }
    @_alwaysEmitIntoClient public static var hKeepDaily: Msg { .fleet(.hKeepDaily) }
    @_alwaysEmitIntoClient public static var hKeepWeekly: Msg { .fleet(.hKeepWeekly) }
    @_alwaysEmitIntoClient public static var hFleetDryRun: Msg { .fleet(.hFleetDryRun) }
    @_alwaysEmitIntoClient public static var flKeepAtLeast0: Msg { .fleet(.flKeepAtLeast0) }
    @_alwaysEmitIntoClient public static var flWouldDelete: Msg { .fleet(.flWouldDelete) }
    @_alwaysEmitIntoClient public static var flDeleted: Msg { .fleet(.flDeleted) }
    @_alwaysEmitIntoClient public static var flWouldDeleteCount: Msg { .fleet(.flWouldDeleteCount) }
    @_alwaysEmitIntoClient public static var flDeletedCount: Msg { .fleet(.flDeletedCount) }
    @_alwaysEmitIntoClient public static var hFleetVerify: Msg { .fleet(.hFleetVerify) }
    @_alwaysEmitIntoClient public static var dFleetVerify: Msg { .fleet(.dFleetVerify) }
    @_alwaysEmitIntoClient public static var hFleetIdentity: Msg { .fleet(.hFleetIdentity) }
    @_alwaysEmitIntoClient public static var hFleetTerminal: Msg { .fleet(.hFleetTerminal) }
    @_alwaysEmitIntoClient public static var hFleetSample: Msg { .fleet(.hFleetSample) }
    @_alwaysEmitIntoClient public static var flNameIdentity: Msg { .fleet(.flNameIdentity) }
    @_alwaysEmitIntoClient public static var flSampleRange: Msg { .fleet(.flSampleRange) }
    @_alwaysEmitIntoClient public static var flNotInRosterFile: Msg { .fleet(.flNotInRosterFile) }
    @_alwaysEmitIntoClient public static var flOk: Msg { .fleet(.flOk) }
    @_alwaysEmitIntoClient public static var flFailed: Msg { .fleet(.flFailed) }
    @_alwaysEmitIntoClient public static var flChecked: Msg { .fleet(.flChecked) }
    @_alwaysEmitIntoClient public static var flNoManifest: Msg { .fleet(.flNoManifest) }
    @_alwaysEmitIntoClient public static var flManifestNames: Msg { .fleet(.flManifestNames) }
    @_alwaysEmitIntoClient public static var flChainBroken: Msg { .fleet(.flChainBroken) }
    @_alwaysEmitIntoClient public static var flNotDownloaded: Msg { .fleet(.flNotDownloaded) }
    @_alwaysEmitIntoClient public static var flBytesNotSigned: Msg { .fleet(.flBytesNotSigned) }
    @_alwaysEmitIntoClient public static var flVaultInside: Msg { .fleet(.flVaultInside) }
    @_alwaysEmitIntoClient public static var feRcloneMissing: Msg { .fleet(.feRcloneMissing) }
    @_alwaysEmitIntoClient public static var feRcloneMissingHint: Msg { .fleet(.feRcloneMissingHint) }
    @_alwaysEmitIntoClient public static var feRemote: Msg { .fleet(.feRemote) }
    @_alwaysEmitIntoClient public static var feRemoteHint: Msg { .fleet(.feRemoteHint) }
    @_alwaysEmitIntoClient public static var feReadBack: Msg { .fleet(.feReadBack) }
    @_alwaysEmitIntoClient public static var feReadBackHint: Msg { .fleet(.feReadBackHint) }
    @_alwaysEmitIntoClient public static var feBadLocation: Msg { .fleet(.feBadLocation) }
    @_alwaysEmitIntoClient public static var feBadLocationHint: Msg { .fleet(.feBadLocationHint) }
    @_alwaysEmitIntoClient public static var feNotEnrolled: Msg { .fleet(.feNotEnrolled) }
    @_alwaysEmitIntoClient public static var feNotEnrolledHint: Msg { .fleet(.feNotEnrolledHint) }
    @_alwaysEmitIntoClient public static var feManifestRefused: Msg { .fleet(.feManifestRefused) }
    @_alwaysEmitIntoClient public static var feManifestRefusedHint: Msg { .fleet(.feManifestRefusedHint) }
    @_alwaysEmitIntoClient public static var feRoster: Msg { .fleet(.feRoster) }
    @_alwaysEmitIntoClient public static var feRosterHint: Msg { .fleet(.feRosterHint) }
    @_alwaysEmitIntoClient public static var feEnrolment: Msg { .fleet(.feEnrolment) }
    @_alwaysEmitIntoClient public static var feEnrolmentHint: Msg { .fleet(.feEnrolmentHint) }
    @_alwaysEmitIntoClient public static var feObjectMissing: Msg { .fleet(.feObjectMissing) }
    @_alwaysEmitIntoClient public static var feObjectMissingHint: Msg { .fleet(.feObjectMissingHint) }
    @_alwaysEmitIntoClient public static var feIdentityExposed: Msg { .fleet(.feIdentityExposed) }
    @_alwaysEmitIntoClient public static var feIdentityExposedHint: Msg { .fleet(.feIdentityExposedHint) }
}
