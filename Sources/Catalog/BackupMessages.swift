// The catalog's keys and texts for backups: what is wrong with one (its age header, armor,
// recipients and identities, manifest and marker: BackupError), and what backup and restore say.
// See Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Backup: CaseIterable, Sendable {
        // MARK: BackupError
        case ahEmpty, ahNotVersionLine, ahTooLarge, ahEndsInsideHeader, ahEndsInside, ahNoNewline, ahPartMacLine
        case ahPartStanza, ahPartStanzaBody, ahLineTooLong, ahMalformedClosingLine, ahMalformedStanzaLine
        case ahStanzaBodyNotBase64, ahStanzaBodyTooLong, ahUnexpectedLine, ahScryptNotAlone, ahX25519ArgumentCount
        case ahX25519ShareNotBase64, ahX25519WrappedKeySize, ahX25519LowOrderShare, ahScryptArgumentCount
        case ahScryptSaltNotBase64, ahScryptWorkFactorNotDecimal, ahScryptWrappedKeySize, aaTooMuchWhitespaceBefore
        case aaFirstLineNotBegin, aaLineTooLong, aaLineLongerThan64, aaEmptyLine, aaNotCanonicalBase64
        case aaShortLineNotLast, aaNoEndLine, aaDataAfterEnd, aaTooMuchWhitespaceAfter, arNotAge1, arNotBech32
        case arNotX25519, arFileHoldsNone, arKeyNot32Bytes, arLowOrderPoint, arWorkFactorOutOfRange, b32MixedCase
        case b32BadSeparator, b32InvalidCharacter, b32BadChecksum, b32BadPadding, aiFileHoldsNone, aiFileTooLarge
        case aiNotX25519ForKeyFile, bkAppearedDuringRestore, bmLength, bmFormat, bmVaultIdNotHex, bmCreatedNotTime
        case bmNamesOtherVault, bpTooManyChunks, bkHeaderInvalid, bkHeaderMAC, bkNoMatchingIdentity
        case bkNoMatchingIdentityHint, bkWrongPassphrase, bkWrongPassphraseHint, bkWorkFactor, bkWorkFactorHint
        case bkPayloadInvalid, bkArmorInvalid, bkDamagedHint, bkInvalidRecipient, bkInvalidRecipientHint
        case bkInvalidIdentity, bkInvalidIdentityHint, bkNoRecipients, bkNoRecipientsHint, bkPassphraseNotAlone
        case bkPassphraseNotAloneHint, bkNoIdentities, bkNoIdentitiesHint, bkNotABackup, bkNotABackupHint
        case bkUnsupportedVersion, bkUnsupportedVersionHint, bkManifestInvalid, bkTruncated, bkSizeMismatch
        case bkHashMismatch, bkIONoSpaceHint, bkIOPermissionsHint, bkIODeviceGoneHint, bkReadBackMismatch
        case bkReadBackMismatchHint, bkTargetExists, bkTargetExistsForceHint, bkTargetExistsHint
        case bkRefuseBinaryToTerminal, bkRefuseBinaryToTerminalHint, bkSourceChanged, bkSourceChangedHint
        case bkDifferentVault, bkDifferentVaultHint1, bkDifferentVaultHint2, bkUnidentifiedVault
        case bkUnidentifiedVaultHint, bkMarkerMismatch
        // MARK: backup and restore
        case bkWritten, bkWrittenStdout, bkRemovedOld, bkNotRemovedUnmarked, bkAuditNotRecorded, bkNoSuchDirectory
        case bkNoSuchDirectoryHint1, bkNoSuchDirectoryHint2, bkNotADirectory, bkNotADirectoryHint, bkNotAMountPoint
        case bkNotAMountPointHint, bkSameDevice, bkSameDeviceHint, bkKeepAtLeastOne, bkSayWhere, bkChooseToOrOutput
        case bkKeepOnlyDirectory, bkRequireMountOnlyDirectory, bkSayHowToOpen, bkKeepDeletedNothing, bkSuspicious
        case sumVerbOK, sumVerbRestored, sumHeader, sumCreated, sumVaultId, sumVault, sumSealedTo, sumArmored
        case sumMarker, sumNoMarker, sumHolds, rsNoRoster, rsAuditNotRecorded, rsReplaced, rsMovedUnidentified
        case rsMovedPrevious, progressBackup, progressRestore, progressVerify, progressMB, progressOfMB

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .ahEmpty: ("the file is empty", "文件是空的")
            case .ahNotVersionLine: ("the first line is not `age-encryption.org/v1`", "第一行不是 `age-encryption.org/v1`")
            case .ahTooLarge: ("the header is larger than 1 MiB", "文件头超过了 1 MiB")
            case .ahEndsInsideHeader: ("the file ends inside the header", "文件在文件头中间就结束了")
            case .ahEndsInside: ("the file ends inside the header ({0})", "文件在文件头中间就结束了（{0}）")
            case .ahNoNewline: ("the header ends without a newline ({0})", "文件头的最后一行没有换行符（{0}）")
            case .ahPartMacLine: ("MAC line", "MAC 行")
            case .ahPartStanza: ("stanza", "段的开头行")
            case .ahPartStanzaBody: ("stanza body", "段的内容")
            case .ahLineTooLong: ("a header line is too long", "文件头中有一行太长")
            case .ahMalformedClosingLine: ("malformed closing line", "文件头的结束行格式错误")
            case .ahMalformedStanzaLine: ("malformed stanza line", "有一个段的开头行格式错误")
            case .ahStanzaBodyNotBase64: ("a stanza body line is not canonical unpadded base64, or the stanza ended without a short line", "有一行段内容不是规范的无填充 base64 编码，或者段没有以短行结束")
            case .ahStanzaBodyTooLong: ("a stanza body line is longer than 64 columns", "有一行段内容超过了 64 列")
            case .ahUnexpectedLine: ("unexpected line in the header", "文件头中有一行无法识别")
            case .ahScryptNotAlone: ("an scrypt stanza must be the only stanza", "scrypt 段必须是唯一的段")
            case .ahX25519ArgumentCount: ("an X25519 stanza must have exactly one argument", "X25519 段必须正好有一个参数")
            case .ahX25519ShareNotBase64: ("an X25519 stanza's share is not 32 bytes of canonical base64", "X25519 段的临时公钥不是 32 字节的规范 base64 编码")
            case .ahX25519WrappedKeySize: ("an X25519 stanza's wrapped file key has the wrong size", "X25519 段中加密的文件密钥长度不对")
            case .ahX25519LowOrderShare: ("an X25519 stanza's share is a low-order point", "X25519 段的临时公钥是低阶点")
            case .ahScryptArgumentCount: ("an scrypt stanza must have exactly two arguments", "scrypt 段必须正好有两个参数")
            case .ahScryptSaltNotBase64: ("an scrypt stanza's salt is not 16 bytes of canonical base64", "scrypt 段的盐值不是 16 字节的规范 base64 编码")
            case .ahScryptWorkFactorNotDecimal: ("an scrypt stanza's work factor is not a plain decimal number", "scrypt 段的工作量因子不是普通的十进制数")
            case .ahScryptWrappedKeySize: ("an scrypt stanza's wrapped file key has the wrong size", "scrypt 段中加密的文件密钥长度不对")
            case .aaTooMuchWhitespaceBefore: ("too much whitespace before the `-----BEGIN AGE ENCRYPTED FILE-----` line", "`-----BEGIN AGE ENCRYPTED FILE-----` 行之前的空白太多")
            case .aaFirstLineNotBegin: ("the first line is not `-----BEGIN AGE ENCRYPTED FILE-----`", "第一行不是 `-----BEGIN AGE ENCRYPTED FILE-----`")
            case .aaLineTooLong: ("a line is too long", "有一行太长")
            case .aaLineLongerThan64: ("a line is longer than 64 columns", "有一行超过了 64 列")
            case .aaEmptyLine: ("an empty line inside the armor", "封装内有一个空行")
            case .aaNotCanonicalBase64: ("a line is not canonical, padded base64", "有一行不是规范的、带填充的 base64 编码")
            case .aaShortLineNotLast: ("a short line is not followed by the `-----END AGE ENCRYPTED FILE-----` line", "有一个短行后面不是 `-----END AGE ENCRYPTED FILE-----` 行")
            case .aaNoEndLine: ("the armor ends without its `-----END AGE ENCRYPTED FILE-----` line", "封装结尾缺少 `-----END AGE ENCRYPTED FILE-----` 行")
            case .aaDataAfterEnd: ("data after the `-----END AGE ENCRYPTED FILE-----` line", "`-----END AGE ENCRYPTED FILE-----` 行之后还有数据")
            case .aaTooMuchWhitespaceAfter: ("too much whitespace after the `-----END AGE ENCRYPTED FILE-----` line", "`-----END AGE ENCRYPTED FILE-----` 行之后的空白太多")
            case .arNotAge1: ("\"{0}...\" does not start with age1 (only X25519 age recipients are supported)", "“{0}...” 不是以 age1 开头（只支持 X25519 的 age 接收者）")
            case .arNotBech32: ("{0}... is not valid Bech32 ({1})", "{0}... 不是有效的 Bech32 编码（{1}）")
            case .arNotX25519: ("{0}... is not a 32-byte X25519 age recipient", "{0}... 不是 32 字节的 X25519 age 接收者")
            case .arFileHoldsNone: ("{0} holds no recipient", "{0} 里没有接收者")
            case .arKeyNot32Bytes: ("X25519 key is not 32 bytes", "X25519 公钥不是 32 字节")
            case .arLowOrderPoint: ("the X25519 key is a low-order point", "X25519 公钥是低阶点")
            case .arWorkFactorOutOfRange: ("scrypt work factor 2^{0} is outside 2^{1}...2^{2}", "scrypt 工作量因子 2^{0} 不在 2^{1} 到 2^{2} 之间")
            case .b32MixedCase: ("upper and lower case are mixed", "大小写混用")
            case .b32BadSeparator: ("the separator is missing or misplaced", "分隔符缺失或位置不对")
            case .b32InvalidCharacter: ("a character is not allowed", "有不允许的字符")
            case .b32BadChecksum: ("the checksum does not match (a typo?)", "校验和不符（是否有输错的字符？）")
            case .b32BadPadding: ("the padding bits are wrong", "填充位不对")
            case .aiFileHoldsNone: ("{0} holds no identity", "{0} 里没有身份密钥")
            case .aiFileTooLarge: ("{0} is too large for an identity file", "{0} 太大，不可能是身份文件")
            case .aiNotX25519ForKeyFile: ("only X25519 identities can be written to a key file", "只有 X25519 身份密钥可以写入身份文件")
            case .bkAppearedDuringRestore: ("it appeared during the restore", "它是在恢复过程中出现的")
            case .bmLength: ("its length {0} is out of range", "清单长度 {0} 超出了范围")
            case .bmFormat: ("its format {0} is not the container version {1}", "清单格式 {0} 与容器版本 {1} 不一致")
            case .bmVaultIdNotHex: ("vault_id is not hex", "vault_id 不是十六进制数")
            case .bmCreatedNotTime: ("created is not an ISO 8601 UTC time", "created 不是 ISO 8601 格式的 UTC 时间")
            case .bmNamesOtherVault: ("it names vault {0} (terminal {1}), but the vault inside is {2} (terminal {3})", "清单写的是保险库 {0}（终端 {1}），但其中的保险库是 {2}（终端 {3}）")
            case .bpTooManyChunks: ("too many chunks", "数据块太多")
            case .bkHeaderInvalid: ("the backup's age header is damaged or not an age file: {0}", "备份的 age 文件头已损坏，或者这不是 age 文件：{0}")
            case .bkHeaderMAC: ("the backup's age header failed its integrity check (header MAC mismatch): it was changed after it was written",
                                "备份的 age 文件头未通过完整性检查（文件头 MAC 不符）：写入后被改动过")
            case .bkNoMatchingIdentity: ("none of the given identities can open this backup", "给出的身份密钥都打不开这个备份")
            case .bkNoMatchingIdentityHint: ("pass the identity file the backup was made for with --identity FILE, or use --passphrase if it was made with one",
                                             "请用 --identity FILE 给出制作备份时用的身份文件；如果备份用的是口令，请用 --passphrase")
            case .bkWrongPassphrase: ("wrong passphrase for this backup", "备份口令错误")
            case .bkWrongPassphraseHint: ("check the passphrase and try again", "请核对口令后再试")
            case .bkWorkFactor: ("the backup's passphrase work factor 2^{0} is above the accepted maximum 2^{1}", "备份口令的工作量因子 2^{0} 超过了允许的最大值 2^{1}")
            case .bkWorkFactorHint: ("the file may have been crafted to waste your CPU; if you made it yourself, decrypt it with `age -d`",
                                     "这个文件可能是故意制作来消耗 CPU 的；如果是您自己做的，请用 `age -d` 解密")
            case .bkPayloadInvalid: ("the backup's encrypted payload is damaged: {0}", "备份的加密内容已损坏：{0}")
            case .bkArmorInvalid: ("the backup's ASCII armor is malformed: {0}", "备份的 ASCII 封装格式不对：{0}")
            case .bkDamagedHint: ("the file is truncated, damaged or was tampered with; use another copy of the backup", "文件被截断、损坏或篡改；请使用这个备份的另一份副本")
            case .bkInvalidRecipient: ("invalid recipient: {0}", "接收者无效：{0}")
            case .bkInvalidRecipientHint: ("a recipient looks like age1... (see `vaultcli keygen`)", "接收者的样子是 age1...（参见 `vaultcli keygen`）")
            case .bkInvalidIdentity: ("invalid identity: {0}", "身份密钥无效：{0}")
            case .bkInvalidIdentityHint: ("an identity file holds lines like AGE-SECRET-KEY-1... (see `vaultcli keygen`)", "身份文件里是 AGE-SECRET-KEY-1... 这样的行（参见 `vaultcli keygen`）")
            case .bkNoRecipients: ("no recipient was given: the backup would be readable by no one", "没有给出接收者：这个备份将没有人能打开")
            case .bkNoRecipientsHint: ("add --recipient age1..., --recipients-file FILE, or --passphrase; or let the vault keep a default recipient with `vaultcli keygen -o FILE --add-to-vault`",
                                       "请加上 --recipient age1...、--recipients-file FILE 或 --passphrase；或用 `vaultcli keygen -o FILE --add-to-vault` 让保险库保存一个默认接收者")
            case .bkPassphraseNotAlone: ("a passphrase cannot be combined with other recipients (the age format requires the scrypt stanza to stand alone)",
                                         "口令不能与其他接收者同时使用（age 格式要求 scrypt 段单独存在）")
            case .bkPassphraseNotAloneHint: ("use either --passphrase or recipients, not both", "请二选一：--passphrase 或接收者")
            case .bkNoIdentities: ("no identity or passphrase was given to open the backup", "没有给出打开备份用的身份密钥或口令")
            case .bkNoIdentitiesHint: ("pass --identity FILE or --passphrase", "请给出 --identity FILE 或 --passphrase")
            case .bkNotABackup: ("the decrypted file is not a vaultcli backup (wrong magic bytes)", "解密后的文件不是 vaultcli 备份（文件标识不对）")
            case .bkNotABackupHint: ("this age file was not made by `vaultcli backup`; decrypt it with `age -d` instead", "这个 age 文件不是 `vaultcli backup` 制作的；请改用 `age -d` 解密")
            case .bkUnsupportedVersion: ("this backup uses container version {0}, but this vaultcli reads only version {1}", "这个备份的容器版本是 {0}，但这个 vaultcli 只能读取版本 {1}")
            case .bkUnsupportedVersionHint: ("upgrade vaultcli to restore this backup; nothing was changed", "请升级 vaultcli 后再恢复这个备份；没有任何改动")
            case .bkManifestInvalid: ("the backup's manifest is invalid: {0}", "备份的清单无效：{0}")
            case .bkTruncated: ("the backup ends before the vault it should contain is complete", "备份在所含保险库结束之前就结束了")
            case .bkSizeMismatch: ("the backup's vault is {0} bytes but its manifest says {1}", "备份中的保险库是 {0} 字节，但清单写的是 {1}")
            case .bkHashMismatch: ("the backup's vault does not match the BLAKE2b-256 digest after it", "备份中的保险库与其后的 BLAKE2b-256 摘要不符")
            case .bkIONoSpaceHint: ("free some space on that device or choose another; no partial backup was left behind", "请在该设备上腾出空间或换一个设备；没有留下不完整的备份")
            case .bkIOPermissionsHint: ("check the owner and permissions of the target", "请检查目标的所有者和权限")
            case .bkIODeviceGoneHint: ("check that the device is still plugged in and mounted; no partial backup was left behind", "请检查设备是否仍然插着并已挂载；没有留下不完整的备份")
            case .bkReadBackMismatch: ("the backup read back from {0} differs from what was written: the device is faulty", "从 {0} 读回的备份与写入的不一致：设备有故障")
            case .bkReadBackMismatchHint: ("use another USB stick or disk; the faulty copy was removed", "请换一个 U 盘或磁盘；有问题的副本已删除")
            case .bkTargetExists: ("{0} already exists; it was not changed", "{0} 已经存在；它没有被改动")
            case .bkTargetExistsForceHint: ("pass --force to replace it with a backup of the same vault (the existing one is moved aside, never deleted), --replace-vault if the backup is of another vault, or choose another path with --vault PATH",
                                            "加上 --force 用同一保险库的备份替换它（现有的会被移到一旁，不会删除）；如果备份来自另一个保险库，用 --replace-vault；或用 --vault PATH 换一个位置")
            case .bkTargetExistsHint: ("choose another path; vaultcli never overwrites it", "请换一个路径；vaultcli 从不覆盖它")
            case .bkRefuseBinaryToTerminal: ("refusing to write a binary backup to a terminal", "拒绝把二进制备份写到终端上")
            case .bkRefuseBinaryToTerminalHint: ("redirect the output to a file or a pipe, or pass --armor", "请把输出重定向到文件或管道，或加上 --armor")
            case .bkSourceChanged: ("the vault changed while it was being backed up (expected {0} bytes, read {1})", "备份过程中保险库发生了变化（应为 {0} 字节，读到 {1}）")
            case .bkSourceChangedHint: ("run the backup again", "请重新备份")
            case .bkDifferentVault: ("{0} holds another vault (vault id {1}, terminal {2}) than the backup (vault id {3}, terminal {4}); nothing was changed",
                                     "{0} 中的保险库（保险库 ID {1}，终端 {2}）与备份中的（保险库 ID {3}，终端 {4}）不是同一个；没有任何改动")
            case .bkDifferentVaultHint1: ("to replace it with the backup's vault, pass --replace-vault: the current vault is moved to {0}.before-restore-<UTC time>, never deleted",
                                          "要用备份中的保险库替换它，请加上 --replace-vault：当前的保险库会被移到 {0}.before-restore-<UTC 时间>，不会删除")
            case .bkDifferentVaultHint2: ("to keep both, restore to another path with --vault PATH", "要两个都保留，请用 --vault PATH 恢复到另一个位置")
            case .bkUnidentifiedVault: ("{0} exists but cannot be identified as a vault ({1}); nothing was changed", "{0} 已存在，但无法识别为保险库（{1}）；没有任何改动")
            case .bkUnidentifiedVaultHint: ("to replace it anyway, pass --replace-vault: it is moved to {0}.before-restore-<UTC time>, never deleted",
                                            "如果仍要替换，请加上 --replace-vault：它会被移到 {0}.before-restore-<UTC 时间>，不会删除")
            case .bkMarkerMismatch: ("the backup's marker (vault id {0}, terminal {1}) is not one the vault inside wrote: it does not verify under that vault's marker key or disagrees with the manifest",
                                     "备份的标记（保险库 ID {0}，终端 {1}）不是其中的保险库写的：它无法用该保险库的标记密钥验证，或与清单不符")
            case .bkWritten: ("backup written: {0} ({1} bytes, read back and checked)", "备份已写入：{0}（{1} 字节，已读回核对）")
            case .bkWrittenStdout: ("backup written to standard output ({0} bytes)", "备份已写到标准输出（{0} 字节）")
            case .bkRemovedOld: ("removed old backup: {0}", "已删除旧备份：{0}")
            case .bkNotRemovedUnmarked: ("not removed (no marker of this vault; --keep never deletes such files): {0}", "未删除（没有本保险库的标记；--keep 从不删除这种文件）：{0}")
            case .bkAuditNotRecorded: ("the backup is complete, but it could not be recorded in the audit log: {0}", "备份已完成，但未能记入审计日志：{0}")
            case .bkNoSuchDirectory: ("no such directory: {0}: is the USB stick plugged in and mounted?", "没有这个目录：{0}：U 盘插好并挂载了吗？")
            case .bkNoSuchDirectoryHint1: ("plug the stick in (`lsblk` shows it, `findmnt {0}` shows where it is mounted) and run the backup again",
                                           "请插上 U 盘（`lsblk` 能看到它，`findmnt {0}` 显示挂载位置），然后重新备份")
            case .bkNoSuchDirectoryHint2: ("to write one file instead, give --to NAME.age or -o FILE", "如果要写成一个文件，请用 --to NAME.age 或 -o FILE")
            case .bkNotADirectory: ("{0} is not a directory", "{0} 不是目录")
            case .bkNotADirectoryHint: ("give the USB stick's directory with --to DIR, or a new file with --to NAME.age or -o FILE",
                                        "请用 --to DIR 给出 U 盘的目录，或用 --to NAME.age 或 -o FILE 给出一个新文件")
            case .bkNotAMountPoint: ("{0} is not a mount point: the USB stick is not mounted there, so the backup would land on this terminal's own disk",
                                     "{0} 不是挂载点：U 盘没有挂载在那里，备份会落在这台终端自己的磁盘上")
            case .bkNotAMountPointHint: ("plug the stick in and check with `findmnt {0}`; then run the backup again", "请插上 U 盘并用 `findmnt {0}` 检查；然后重新备份")
            case .bkSameDevice: ("{0} is on the same device as the vault: a backup there is lost with the terminal", "{0} 与保险库在同一个设备上：终端坏了，备份也会一起丢失")
            case .bkSameDeviceHint: ("back up to a USB stick or another disk, mounted at its own directory", "请备份到 U 盘或另一块磁盘（挂载在自己的目录上）")
            case .bkKeepAtLeastOne: ("--keep needs a number of at least 1", "--keep 需要一个至少为 1 的数")
            case .bkSayWhere: ("say where the backup goes: --to DIR (the USB stick), --to NAME.age, -o FILE, or --to - for stdout",
                               "请说明备份写到哪里：--to DIR（U 盘）、--to NAME.age、-o FILE，或 --to - 写到标准输出")
            case .bkChooseToOrOutput: ("choose one of --to and -o/--output", "--to 和 -o/--output 只能选一个")
            case .bkKeepOnlyDirectory: ("--keep applies only when --to names a directory", "只有 --to 指向目录时才能用 --keep")
            case .bkRequireMountOnlyDirectory: ("--require-mount applies only when --to names a directory", "只有 --to 指向目录时才能用 --require-mount")
            case .bkSayHowToOpen: ("say how to open the backup: --identity FILE or --passphrase", "请说明怎样打开备份：--identity FILE 或 --passphrase")
            case .bkKeepDeletedNothing: ("--keep deleted nothing: this backup carries no marker of the vault ({0}), and --keep deletes only backups whose authenticated marker names this vault",
                                         "--keep 没有删除任何文件：这个备份没有保险库的标记（{0}），而 --keep 只删除带有本保险库认证标记的备份")
            case .bkSuspicious: ("{0} claims to be a backup of this vault, but its marker does not verify or is dated after this backup; it was not deleted (check where it came from)",
                                 "{0} 自称是本保险库的备份，但它的标记无法验证，或日期晚于这次备份；它没有被删除（请查明它的来源）")
            case .sumVerbOK: ("backup OK", "备份完好")
            case .sumVerbRestored: ("restored to {0}", "已恢复到 {0}")
            case .sumHeader: ("{0}: vaultcli backup v{1} of terminal {2}", "{0}：终端 {2} 的 vaultcli 备份（格式 v{1}）")
            case .sumCreated: ("  created:   {0}", "  创建时间：  {0}")
            case .sumVaultId: ("  vault id:  {0}", "  保险库 ID： {0}")
            case .sumVault: ("  vault:     {0} bytes, BLAKE2b-256 {1}", "  保险库：    {0} 字节，BLAKE2b-256 {1}")
            case .sumSealedTo: ("  sealed to: {0}{1}", "  加密给：    {0}{1}")
            case .sumArmored: (" (armored)", "（ASCII 封装）")
            case .sumMarker: ("  marker:    vault id {0}, terminal {1}, {2} (for --keep)", "  标记：      保险库 ID {0}，终端 {1}，{2}（供 --keep 使用）")
            case .sumNoMarker: ("  marker:    none (--keep never deletes this file)", "  标记：      无（--keep 从不删除这个文件）")
            case .sumHolds: ("  holds:     {0} operators, {1} keyslots, {2} records, {3} data frames, {4} audit events",
                             "  内容：      {0} 个操作员，{1} 个密钥槽，{2} 条记录，{3} 个数据帧，{4} 条审计事件")
            case .rsNoRoster: ("no --roster was given: the backup's signed manifest was not checked (only the backup's own integrity)",
                               "没有给出 --roster：未检查备份的签名清单（只检查了备份本身的完整性）")
            case .rsAuditNotRecorded: ("the vault is restored, but the restore could not be recorded in its audit log: {0}", "保险库已恢复，但这次恢复未能记入它的审计日志：{0}")
            case .rsReplaced: ("  replaced vault {0} (terminal {1}); it was moved to {2}", "  已替换保险库 {0}（终端 {1}）；它被移到了 {2}")
            case .rsMovedUnidentified: ("  the previous file (not identified as a vault) was moved to {0}", "  原来的文件（无法识别为保险库）被移到了 {0}")
            case .rsMovedPrevious: ("  the previous vault was moved to {0}", "  原来的保险库被移到了 {0}")
            case .progressBackup: ("backup:", "备份：")
            case .progressRestore: ("restore:", "恢复：")
            case .progressVerify: ("verify:", "校验：")
            case .progressMB: ("{0} {1} MB", "{0} {1} MB")
            case .progressOfMB: ("{0} {1} of {2} MB ({3}%)", "{0} {1} / {2} MB（{3}%）")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var ahEmpty: Msg { .backup(.ahEmpty) }
    @_alwaysEmitIntoClient public static var ahNotVersionLine: Msg { .backup(.ahNotVersionLine) }
    @_alwaysEmitIntoClient public static var ahTooLarge: Msg { .backup(.ahTooLarge) }
    @_alwaysEmitIntoClient public static var ahEndsInsideHeader: Msg { .backup(.ahEndsInsideHeader) }
    @_alwaysEmitIntoClient public static var ahEndsInside: Msg { .backup(.ahEndsInside) }
    @_alwaysEmitIntoClient public static var ahNoNewline: Msg { .backup(.ahNoNewline) }
    @_alwaysEmitIntoClient public static var ahPartMacLine: Msg { .backup(.ahPartMacLine) }
    @_alwaysEmitIntoClient public static var ahPartStanza: Msg { .backup(.ahPartStanza) }
    @_alwaysEmitIntoClient public static var ahPartStanzaBody: Msg { .backup(.ahPartStanzaBody) }
    @_alwaysEmitIntoClient public static var ahLineTooLong: Msg { .backup(.ahLineTooLong) }
    @_alwaysEmitIntoClient public static var ahMalformedClosingLine: Msg { .backup(.ahMalformedClosingLine) }
    @_alwaysEmitIntoClient public static var ahMalformedStanzaLine: Msg { .backup(.ahMalformedStanzaLine) }
    @_alwaysEmitIntoClient public static var ahStanzaBodyNotBase64: Msg { .backup(.ahStanzaBodyNotBase64) }
    @_alwaysEmitIntoClient public static var ahStanzaBodyTooLong: Msg { .backup(.ahStanzaBodyTooLong) }
    @_alwaysEmitIntoClient public static var ahUnexpectedLine: Msg { .backup(.ahUnexpectedLine) }
    @_alwaysEmitIntoClient public static var ahScryptNotAlone: Msg { .backup(.ahScryptNotAlone) }
    @_alwaysEmitIntoClient public static var ahX25519ArgumentCount: Msg { .backup(.ahX25519ArgumentCount) }
    @_alwaysEmitIntoClient public static var ahX25519ShareNotBase64: Msg { .backup(.ahX25519ShareNotBase64) }
    @_alwaysEmitIntoClient public static var ahX25519WrappedKeySize: Msg { .backup(.ahX25519WrappedKeySize) }
    @_alwaysEmitIntoClient public static var ahX25519LowOrderShare: Msg { .backup(.ahX25519LowOrderShare) }
    @_alwaysEmitIntoClient public static var ahScryptArgumentCount: Msg { .backup(.ahScryptArgumentCount) }
    @_alwaysEmitIntoClient public static var ahScryptSaltNotBase64: Msg { .backup(.ahScryptSaltNotBase64) }
    @_alwaysEmitIntoClient public static var ahScryptWorkFactorNotDecimal: Msg { .backup(.ahScryptWorkFactorNotDecimal) }
    @_alwaysEmitIntoClient public static var ahScryptWrappedKeySize: Msg { .backup(.ahScryptWrappedKeySize) }
    @_alwaysEmitIntoClient public static var aaTooMuchWhitespaceBefore: Msg { .backup(.aaTooMuchWhitespaceBefore) }
    @_alwaysEmitIntoClient public static var aaFirstLineNotBegin: Msg { .backup(.aaFirstLineNotBegin) }
    @_alwaysEmitIntoClient public static var aaLineTooLong: Msg { .backup(.aaLineTooLong) }
    @_alwaysEmitIntoClient public static var aaLineLongerThan64: Msg { .backup(.aaLineLongerThan64) }
    @_alwaysEmitIntoClient public static var aaEmptyLine: Msg { .backup(.aaEmptyLine) }
    @_alwaysEmitIntoClient public static var aaNotCanonicalBase64: Msg { .backup(.aaNotCanonicalBase64) }
    @_alwaysEmitIntoClient public static var aaShortLineNotLast: Msg { .backup(.aaShortLineNotLast) }
    @_alwaysEmitIntoClient public static var aaNoEndLine: Msg { .backup(.aaNoEndLine) }
    @_alwaysEmitIntoClient public static var aaDataAfterEnd: Msg { .backup(.aaDataAfterEnd) }
    @_alwaysEmitIntoClient public static var aaTooMuchWhitespaceAfter: Msg { .backup(.aaTooMuchWhitespaceAfter) }
    @_alwaysEmitIntoClient public static var arNotAge1: Msg { .backup(.arNotAge1) }
    @_alwaysEmitIntoClient public static var arNotBech32: Msg { .backup(.arNotBech32) }
    @_alwaysEmitIntoClient public static var arNotX25519: Msg { .backup(.arNotX25519) }
    @_alwaysEmitIntoClient public static var arFileHoldsNone: Msg { .backup(.arFileHoldsNone) }
    @_alwaysEmitIntoClient public static var arKeyNot32Bytes: Msg { .backup(.arKeyNot32Bytes) }
    @_alwaysEmitIntoClient public static var arLowOrderPoint: Msg { .backup(.arLowOrderPoint) }
    @_alwaysEmitIntoClient public static var arWorkFactorOutOfRange: Msg { .backup(.arWorkFactorOutOfRange) }
    @_alwaysEmitIntoClient public static var b32MixedCase: Msg { .backup(.b32MixedCase) }
    @_alwaysEmitIntoClient public static var b32BadSeparator: Msg { .backup(.b32BadSeparator) }
    @_alwaysEmitIntoClient public static var b32InvalidCharacter: Msg { .backup(.b32InvalidCharacter) }
    @_alwaysEmitIntoClient public static var b32BadChecksum: Msg { .backup(.b32BadChecksum) }
    @_alwaysEmitIntoClient public static var b32BadPadding: Msg { .backup(.b32BadPadding) }
    @_alwaysEmitIntoClient public static var aiFileHoldsNone: Msg { .backup(.aiFileHoldsNone) }
    @_alwaysEmitIntoClient public static var aiFileTooLarge: Msg { .backup(.aiFileTooLarge) }
    @_alwaysEmitIntoClient public static var aiNotX25519ForKeyFile: Msg { .backup(.aiNotX25519ForKeyFile) }
    @_alwaysEmitIntoClient public static var bkAppearedDuringRestore: Msg { .backup(.bkAppearedDuringRestore) }
    @_alwaysEmitIntoClient public static var bmLength: Msg { .backup(.bmLength) }
    @_alwaysEmitIntoClient public static var bmFormat: Msg { .backup(.bmFormat) }
    @_alwaysEmitIntoClient public static var bmVaultIdNotHex: Msg { .backup(.bmVaultIdNotHex) }
    @_alwaysEmitIntoClient public static var bmCreatedNotTime: Msg { .backup(.bmCreatedNotTime) }
    @_alwaysEmitIntoClient public static var bmNamesOtherVault: Msg { .backup(.bmNamesOtherVault) }
    @_alwaysEmitIntoClient public static var bpTooManyChunks: Msg { .backup(.bpTooManyChunks) }
    @_alwaysEmitIntoClient public static var bkHeaderInvalid: Msg { .backup(.bkHeaderInvalid) }
    @_alwaysEmitIntoClient public static var bkHeaderMAC: Msg { .backup(.bkHeaderMAC) }
    @_alwaysEmitIntoClient public static var bkNoMatchingIdentity: Msg { .backup(.bkNoMatchingIdentity) }
    @_alwaysEmitIntoClient public static var bkNoMatchingIdentityHint: Msg { .backup(.bkNoMatchingIdentityHint) }
    @_alwaysEmitIntoClient public static var bkWrongPassphrase: Msg { .backup(.bkWrongPassphrase) }
    @_alwaysEmitIntoClient public static var bkWrongPassphraseHint: Msg { .backup(.bkWrongPassphraseHint) }
    @_alwaysEmitIntoClient public static var bkWorkFactor: Msg { .backup(.bkWorkFactor) }
    @_alwaysEmitIntoClient public static var bkWorkFactorHint: Msg { .backup(.bkWorkFactorHint) }
    @_alwaysEmitIntoClient public static var bkPayloadInvalid: Msg { .backup(.bkPayloadInvalid) }
    @_alwaysEmitIntoClient public static var bkArmorInvalid: Msg { .backup(.bkArmorInvalid) }
    @_alwaysEmitIntoClient public static var bkDamagedHint: Msg { .backup(.bkDamagedHint) }
    @_alwaysEmitIntoClient public static var bkInvalidRecipient: Msg { .backup(.bkInvalidRecipient) }
    @_alwaysEmitIntoClient public static var bkInvalidRecipientHint: Msg { .backup(.bkInvalidRecipientHint) }
    @_alwaysEmitIntoClient public static var bkInvalidIdentity: Msg { .backup(.bkInvalidIdentity) }
    @_alwaysEmitIntoClient public static var bkInvalidIdentityHint: Msg { .backup(.bkInvalidIdentityHint) }
    @_alwaysEmitIntoClient public static var bkNoRecipients: Msg { .backup(.bkNoRecipients) }
    @_alwaysEmitIntoClient public static var bkNoRecipientsHint: Msg { .backup(.bkNoRecipientsHint) }
    @_alwaysEmitIntoClient public static var bkPassphraseNotAlone: Msg { .backup(.bkPassphraseNotAlone) }
    @_alwaysEmitIntoClient public static var bkPassphraseNotAloneHint: Msg { .backup(.bkPassphraseNotAloneHint) }
    @_alwaysEmitIntoClient public static var bkNoIdentities: Msg { .backup(.bkNoIdentities) }
    @_alwaysEmitIntoClient public static var bkNoIdentitiesHint: Msg { .backup(.bkNoIdentitiesHint) }
    @_alwaysEmitIntoClient public static var bkNotABackup: Msg { .backup(.bkNotABackup) }
    @_alwaysEmitIntoClient public static var bkNotABackupHint: Msg { .backup(.bkNotABackupHint) }
    @_alwaysEmitIntoClient public static var bkUnsupportedVersion: Msg { .backup(.bkUnsupportedVersion) }
    @_alwaysEmitIntoClient public static var bkUnsupportedVersionHint: Msg { .backup(.bkUnsupportedVersionHint) }
    @_alwaysEmitIntoClient public static var bkManifestInvalid: Msg { .backup(.bkManifestInvalid) }
    @_alwaysEmitIntoClient public static var bkTruncated: Msg { .backup(.bkTruncated) }
    @_alwaysEmitIntoClient public static var bkSizeMismatch: Msg { .backup(.bkSizeMismatch) }
    @_alwaysEmitIntoClient public static var bkHashMismatch: Msg { .backup(.bkHashMismatch) }
    @_alwaysEmitIntoClient public static var bkIONoSpaceHint: Msg { .backup(.bkIONoSpaceHint) }
    @_alwaysEmitIntoClient public static var bkIOPermissionsHint: Msg { .backup(.bkIOPermissionsHint) }
    @_alwaysEmitIntoClient public static var bkIODeviceGoneHint: Msg { .backup(.bkIODeviceGoneHint) }
    @_alwaysEmitIntoClient public static var bkReadBackMismatch: Msg { .backup(.bkReadBackMismatch) }
    @_alwaysEmitIntoClient public static var bkReadBackMismatchHint: Msg { .backup(.bkReadBackMismatchHint) }
    @_alwaysEmitIntoClient public static var bkTargetExists: Msg { .backup(.bkTargetExists) }
    @_alwaysEmitIntoClient public static var bkTargetExistsForceHint: Msg { .backup(.bkTargetExistsForceHint) }
    @_alwaysEmitIntoClient public static var bkTargetExistsHint: Msg { .backup(.bkTargetExistsHint) }
    @_alwaysEmitIntoClient public static var bkRefuseBinaryToTerminal: Msg { .backup(.bkRefuseBinaryToTerminal) }
    @_alwaysEmitIntoClient public static var bkRefuseBinaryToTerminalHint: Msg { .backup(.bkRefuseBinaryToTerminalHint) }
    @_alwaysEmitIntoClient public static var bkSourceChanged: Msg { .backup(.bkSourceChanged) }
    @_alwaysEmitIntoClient public static var bkSourceChangedHint: Msg { .backup(.bkSourceChangedHint) }
    @_alwaysEmitIntoClient public static var bkDifferentVault: Msg { .backup(.bkDifferentVault) }
    @_alwaysEmitIntoClient public static var bkDifferentVaultHint1: Msg { .backup(.bkDifferentVaultHint1) }
    @_alwaysEmitIntoClient public static var bkDifferentVaultHint2: Msg { .backup(.bkDifferentVaultHint2) }
    @_alwaysEmitIntoClient public static var bkUnidentifiedVault: Msg { .backup(.bkUnidentifiedVault) }
    @_alwaysEmitIntoClient public static var bkUnidentifiedVaultHint: Msg { .backup(.bkUnidentifiedVaultHint) }
    @_alwaysEmitIntoClient public static var bkMarkerMismatch: Msg { .backup(.bkMarkerMismatch) }
    @_alwaysEmitIntoClient public static var bkWritten: Msg { .backup(.bkWritten) }
    @_alwaysEmitIntoClient public static var bkWrittenStdout: Msg { .backup(.bkWrittenStdout) }
    @_alwaysEmitIntoClient public static var bkRemovedOld: Msg { .backup(.bkRemovedOld) }
    @_alwaysEmitIntoClient public static var bkNotRemovedUnmarked: Msg { .backup(.bkNotRemovedUnmarked) }
    @_alwaysEmitIntoClient public static var bkAuditNotRecorded: Msg { .backup(.bkAuditNotRecorded) }
    @_alwaysEmitIntoClient public static var bkNoSuchDirectory: Msg { .backup(.bkNoSuchDirectory) }
    @_alwaysEmitIntoClient public static var bkNoSuchDirectoryHint1: Msg { .backup(.bkNoSuchDirectoryHint1) }
    @_alwaysEmitIntoClient public static var bkNoSuchDirectoryHint2: Msg { .backup(.bkNoSuchDirectoryHint2) }
    @_alwaysEmitIntoClient public static var bkNotADirectory: Msg { .backup(.bkNotADirectory) }
    @_alwaysEmitIntoClient public static var bkNotADirectoryHint: Msg { .backup(.bkNotADirectoryHint) }
    @_alwaysEmitIntoClient public static var bkNotAMountPoint: Msg { .backup(.bkNotAMountPoint) }
    @_alwaysEmitIntoClient public static var bkNotAMountPointHint: Msg { .backup(.bkNotAMountPointHint) }
    @_alwaysEmitIntoClient public static var bkSameDevice: Msg { .backup(.bkSameDevice) }
    @_alwaysEmitIntoClient public static var bkSameDeviceHint: Msg { .backup(.bkSameDeviceHint) }
    @_alwaysEmitIntoClient public static var bkKeepAtLeastOne: Msg { .backup(.bkKeepAtLeastOne) }
    @_alwaysEmitIntoClient public static var bkSayWhere: Msg { .backup(.bkSayWhere) }
    @_alwaysEmitIntoClient public static var bkChooseToOrOutput: Msg { .backup(.bkChooseToOrOutput) }
    @_alwaysEmitIntoClient public static var bkKeepOnlyDirectory: Msg { .backup(.bkKeepOnlyDirectory) }
    @_alwaysEmitIntoClient public static var bkRequireMountOnlyDirectory: Msg { .backup(.bkRequireMountOnlyDirectory) }
    @_alwaysEmitIntoClient public static var bkSayHowToOpen: Msg { .backup(.bkSayHowToOpen) }
    @_alwaysEmitIntoClient public static var bkKeepDeletedNothing: Msg { .backup(.bkKeepDeletedNothing) }
    @_alwaysEmitIntoClient public static var bkSuspicious: Msg { .backup(.bkSuspicious) }
    @_alwaysEmitIntoClient public static var sumVerbOK: Msg { .backup(.sumVerbOK) }
    @_alwaysEmitIntoClient public static var sumVerbRestored: Msg { .backup(.sumVerbRestored) }
    @_alwaysEmitIntoClient public static var sumHeader: Msg { .backup(.sumHeader) }
    @_alwaysEmitIntoClient public static var sumCreated: Msg { .backup(.sumCreated) }
    @_alwaysEmitIntoClient public static var sumVaultId: Msg { .backup(.sumVaultId) }
    @_alwaysEmitIntoClient public static var sumVault: Msg { .backup(.sumVault) }
    @_alwaysEmitIntoClient public static var sumSealedTo: Msg { .backup(.sumSealedTo) }
    @_alwaysEmitIntoClient public static var sumArmored: Msg { .backup(.sumArmored) }
    @_alwaysEmitIntoClient public static var sumMarker: Msg { .backup(.sumMarker) }
    @_alwaysEmitIntoClient public static var sumNoMarker: Msg { .backup(.sumNoMarker) }
    @_alwaysEmitIntoClient public static var sumHolds: Msg { .backup(.sumHolds) }
    @_alwaysEmitIntoClient public static var rsNoRoster: Msg { .backup(.rsNoRoster) }
    @_alwaysEmitIntoClient public static var rsAuditNotRecorded: Msg { .backup(.rsAuditNotRecorded) }
    @_alwaysEmitIntoClient public static var rsReplaced: Msg { .backup(.rsReplaced) }
    @_alwaysEmitIntoClient public static var rsMovedUnidentified: Msg { .backup(.rsMovedUnidentified) }
    @_alwaysEmitIntoClient public static var rsMovedPrevious: Msg { .backup(.rsMovedPrevious) }
    @_alwaysEmitIntoClient public static var progressBackup: Msg { .backup(.progressBackup) }
    @_alwaysEmitIntoClient public static var progressRestore: Msg { .backup(.progressRestore) }
    @_alwaysEmitIntoClient public static var progressVerify: Msg { .backup(.progressVerify) }
    @_alwaysEmitIntoClient public static var progressMB: Msg { .backup(.progressMB) }
    @_alwaysEmitIntoClient public static var progressOfMB: Msg { .backup(.progressOfMB) }
}
