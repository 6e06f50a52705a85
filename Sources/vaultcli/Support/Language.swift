import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

/// The language is decided before the command line is parsed (help text depends on it):
/// `--lang` anywhere on the command line (before `--`) is taken off it, then `$VAULTCLI_LANG`,
/// then the locale (Catalog's `Lang`).
enum LanguageSetup {
    /// Sets `Lang.current` and returns the arguments without `--lang`. A forced language is put
    /// in `$VAULTCLI_LANG`, so that a command sent to the session agent speaks it too. A bad
    /// value ends the process with the usage status, in the locale's language.
    static func apply(_ arguments: [String]) -> [String] {
        let (value, rest, missing) = LangSelection.take(from: arguments)
        switch LangSelection.resolve(option: value, missing: missing, environment: env) {
        case .success(let lang):
            Lang.current = lang
            if value != nil { setenv("VAULTCLI_LANG", lang.rawValue, 1) }
            return rest
        case .failure(let problem):
            Lang.current = Lang.fromEnvironment(env)
            switch problem {
            case .missingValue: Diagnostics.error(tr(.langMissingValue))
            case .unknown(let v, false): Diagnostics.error(tr(.langUnknown, v))
            case .unknown(let v, true): Diagnostics.error(tr(.langUnknownEnvironment, v))
            }
            Glibc.exit(ExitStatus.usage.rawValue)
        }
    }

    /// The language from this process's environment alone (the session agent's child, whose
    /// environment is the client's).
    static func fromEnvironment() -> Lang {
        if case .success(let l) = LangSelection.resolve(option: nil, missing: false, environment: env) { return l }
        return Lang.fromEnvironment(env)
    }

    private static func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

/// `--lang`, declared so that it shows in --help; `LanguageSetup` takes it off the command line
/// before parsing, so the parsed value is never read.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr(.langOptionHelp), valueName: "en|zh-Hans"))
    var lang: String?
}

/// A role as the user reads it (收银员, 店长, 管理员 in zh-Hans).
func roleName(_ role: Role) -> String {
    switch role {
    case .cashier: tr(.roleCashier)
    case .manager: tr(.roleManager)
    case .admin: tr(.roleAdmin)
    }
}

func roleName(_ raw: String) -> String { Role(rawValue: raw).map(roleName) ?? raw }

/// Library errors rendered in the catalog's language: the library says what went wrong in its
/// own terms (cases and values); the CLI words it. An error type not rendered here yet keeps the
/// library's own English text.
enum ErrorText {
    static func render(_ error: UserFacingError) -> (message: String, hints: [String]) {
        switch error {
        case let e as VaultError: return render(e)
        case let e as OperatorError: return render(e)
        case let e as BackupError: return render(e)
        case let e as SessionError: return render(e)
        case let e as EntryError: return render(e)
        case let e as RecordError: return render(e)
        case let e as JSONLRowError: return (DetailText.jsonl(e.problem), [])
        case let e as RecoveryError: return render(e)
        case let e as LooseSecretFile: return render(e)
        case let e as PolicyError: return render(e)
        case let e as GeneratorError: return render(e)
        case let e as FleetError: return render(e)
        case let e as LibCrypto.Unavailable: return render(e)
        default: return (error.message, error.hints)
        }
    }

    /// A detail the library words in English (what exactly is damaged, why a header does not
    /// parse): as it is in English; in zh-Hans, where to read it (the same command with --lang en).
    static func detail(_ s: String) -> String {
        Lang.current == .zhHans ? DetailText.zh(s) ?? FleetDetailText.detail(s) ?? tr(.detailOnlyInEnglish) : s
    }

    /// `strerror` in English (as before); in zh-Hans the common causes in words, else the number.
    static func errnoText(_ e: Int32) -> String {
        guard Lang.current == .zhHans else { return String(cString: strerror(e)) }
        switch e {
        case ENOENT: return "文件或目录不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "设备空间已满"
        case EROFS: return "设备是只读的"
        case EIO: return "设备读写出错"
        case ENODEV, ENXIO: return "设备不存在"
        case EEXIST: return "已经存在"
        case ENOTDIR: return "不是目录"
        case EISDIR: return "是一个目录"
        case EBUSY: return "设备忙"
        case ENOTEMPTY: return "目录不是空的"
        case EXDEV: return "不能跨设备移动"
        case ELOOP: return "符号链接太多"
        case ENAMETOOLONG: return "文件名太长"
        case EMFILE, ENFILE: return "打开的文件太多"
        case ENOMEM: return "内存不足"
        case EDQUOT: return "超出磁盘配额"
        case ETIMEDOUT: return "超时"
        default: return "系统错误 \(e)"
        }
    }

    /// What the library was doing when the file system refused, in zh-Hans (the library's
    /// English words for it otherwise).
    static func operation(_ op: String) -> String {
        guard Lang.current == .zhHans else { return op }
        switch op {
        case "close": return "关闭"
        case "create a temporary directory in": return "在此处创建临时目录："
        case "create a temporary file in": return "在此处创建临时文件："
        case "create the directory", "create the session directory", "create the vault's directory": return "创建目录"
        case "create the lock file": return "创建锁文件"
        case "create": return "创建"
        case "delete the old backup": return "删除旧备份"
        case "feed": return "传送数据给"
        case "find this program's path in": return "找到本程序的路径："
        case "inspect", "stat": return "查看"
        case "keep the format-v1 vault as": return "保留格式 v1 的保险库为"
        case "list": return "列出"
        case "lock": return "锁定文件"
        case "move the old vault aside to": return "把旧保险库移到"
        case "open the directory", "open the working directory": return "打开目录"
        case "open the identity file": return "打开身份文件"
        case "open the password file": return "打开密码文件"
        case "open": return "打开"
        case "put the restored vault in place at": return "把恢复的保险库放到"
        case "read the JSON document": return "读取 JSON 文档"
        case "read the password from": return "读取密码："
        case "read": return "读取"
        case "rename into place", "rename the export to", "rename the finished backup to": return "重命名为"
        case "reopen for the read-back check": return "重新打开以读回核对"
        case "start the session agent": return "启动会话代理"
        case "sync the directory", "sync": return "同步写入"
        case "truncate": return "截断"
        case "upload": return "上传"
        case "download": return "下载"
        case "delete": return "删除"
        case "write to", "write": return "写入"
        default: return op.hasPrefix("read ") ? "读取" : "访问"
        }
    }

    static func render(_ e: VaultError) -> (String, [String]) {
        switch e {
        case .noVault(let p): (tr(.vaultNoVault, p), [tr(.vaultNoVaultHint)])
        case .vaultExists(let p): (tr(.vaultExists, p), [tr(.vaultExistsHint)])
        case .authenticationFailed: (tr(.vaultAuthFailed), [tr(.vaultAuthFailedHint, 10, 30)])
        case .corrupt(let p, let part): (tr(.vaultCorrupt, p, detail(part)), [tr(.vaultCorruptHint)])
        case .unsupportedVersion(let f, let s): (tr(.vaultUnsupportedVersion, f, s), [tr(.vaultUnsupportedVersionHint)])
        case .notAVault(let p): (tr(.vaultNotAVault, p), [tr(.vaultNotAVaultHint)])
        case .lockHeld(let p, let ms): (tr(.vaultLockHeld, p, ms), [tr(.vaultLockHeldHint)])
        case .io(let p, let op, let errno): (tr(.ioFailed, operation(op), p, errnoText(errno)), [ioHint(errno)])
        case .symlinkRefused(let p): (tr(.vaultSymlink, p), [tr(.vaultSymlinkHint)])
        case .weakKDF(let k, let f): (tr(.vaultWeakKDF, k.summary, f.memoryKiB, f.iterations), [tr(.vaultWeakKDFHint)])
        case .costlyKDF(let k, let c): (tr(.vaultCostlyKDF, k.summary, c.memoryKiB, c.iterations), [tr(.vaultCostlyKDFHint)])
        case .permissionDenied(let need, let role): (tr(.vaultPermissionDenied, need, roleName(role)), [tr(.vaultPermissionDeniedHint)])
        // Free text (a few are worded by the CLI itself, QRCode): shown as it is.
        case .invalidInput(let s): (s, [])
        case .input(let p): render(p)
        case .notFound(let w): (tr(.vaultNotFound, w), [])
        case .tooLarge(let w): (tr(.vaultTooLarge, detail(w)), [])
        case .needsUpgrade(let p): (tr(.vaultNeedsUpgrade, p), [tr(.vaultNeedsUpgradeHint)])
        case .rolledBack(let p, let d, let s): (tr(.vaultRolledBack, p, detail(d)), [tr(.vaultRolledBackHint1), tr(.vaultRolledBackHint2, s)])
        case .lastSeenUnreadable(let p): (tr(.vaultLastSeenUnreadable, p), [tr(.vaultLastSeenUnreadableHint, p)])
        case .savedButNotErased(let p, let errno): (tr(.vaultSavedButNotErased, p, errnoText(errno)), [tr(.vaultSavedButNotErasedHint)])
        }
    }

    private static func ioHint(_ e: Int32) -> String {
        switch e {
        case ENOSPC: tr(.ioHintNoSpace)
        case EROFS: tr(.ioHintReadOnly)
        case EACCES, EPERM: tr(.ioHintPermissions)
        default: tr(.ioHintDevice)
        }
    }

    static func duration(_ seconds: Int64) -> String {
        seconds < 120 ? tr(.durationSeconds, seconds) : tr(.durationMinutes, seconds / 60)
    }

    static func render(_ e: OperatorError) -> (String, [String]) {
        switch e {
        case .locked(let n, let u): (tr(.opLocked, n, LocalTime.string(u)), [tr(.opLockedHint, n)])
        case .disabled(let n): (tr(.opDisabled, n), [tr(.opDisabledHint)])
        case .mustChangePassword(let n, let expired): (tr(expired ? .opMustChangeExpired : .opMustChangeReset, n), [tr(.opMustChangeHint, n)])
        case .policy(let v): (tr(.opPolicy) + "\n" + v.map { "  - \(PolicyText.render($0))" }.joined(separator: "\n"), [tr(.opPolicyHint)])
        case .reused(let c): (tr(.opReused, c), [tr(.opPolicyHint)])
        case .exists(let n): (tr(.opExists, n), [tr(.opExistsHint)])
        case .lookalike(let n, let x): (tr(.opLookalike, n, x), [tr(.opLookalikeHint)])
        case .unknownOperator(let n): (tr(.opUnknown, n), [tr(.opUnknownHint)])
        case .lastAdmin: (tr(.opLastAdmin), [tr(.opLastAdminHint)])
        case .oneTimeCodeNeeded(let n): (tr(.opCodeNeeded, n), [tr(.opCodeNeededHint)])
        case .oneTimeCode(let n, let p):
            switch p {
            case .missing: (tr(.opCodeMissing, n), [tr(.opCodeMissingHint)])
            case .malformed: (tr(.opCodeMalformed), [tr(.opCodeWrongHint)])
            case .alreadyUsed: (tr(.opCodeAlreadyUsed), [tr(.opCodeAlreadyUsedHint)])
            case .wrong: (tr(.opCodeWrong), [tr(.opCodeWrongHint)])
            case .clockSkew(let s): (tr(s < 0 ? .opCodeSkewAgo : .opCodeSkewAhead, duration(abs(s))), [tr(.opCodeSkewHint)])
            }
        // Free text from the library: shown as it is (structured cases are still to come).
        case .invalid(let s): (s, [])
        case .lockoutTampered(let n): (tr(.opLockoutTampered, n), [tr(.opLockoutTamperedHint1, n), tr(.opLockoutTamperedHint2)])
        case .refused(let r):
            switch r {
            case .noPendingEnrolment: (tr(.orNoPending), [])
            case .confirmSkew(let s): (tr(s < 0 ? .orSkewAgo : .orSkewAhead, duration(abs(s))), [])
            case .confirmMalformed: (tr(.orMalformed), [])
            case .confirmMismatch(let a): (tr(.orMismatch, a), [])
            case .sameRole(let n, let role): (tr(.orSameRole, n, roleName(role)), [])
            case .cannotDisableSelf: (tr(.orDisableSelf), [])
            case .enableNeedsPassword(let n): (tr(.orEnableNeedsPassword, n), [])
            case .cannotRemoveSelf: (tr(.orRemoveSelf), [])
            case .legacyFormat: (tr(.orLegacy), [])
            }
        }
    }

    static func render(_ e: BackupError) -> (String, [String]) {
        switch e {
        case .headerInvalid(let why): (tr(.bkHeaderInvalid, BackupDetailText.header(why)), [tr(.bkDamagedHint)])
        case .headerMACMismatch: (tr(.bkHeaderMAC), [tr(.bkDamagedHint)])
        case .noMatchingIdentity: (tr(.bkNoMatchingIdentity), [tr(.bkNoMatchingIdentityHint)])
        case .wrongPassphrase: (tr(.bkWrongPassphrase), [tr(.bkWrongPassphraseHint)])
        case .workFactorTooHigh(let n, let m): (tr(.bkWorkFactor, n, m), [tr(.bkWorkFactorHint)])
        case .payloadInvalid(let why): (tr(.bkPayloadInvalid, BackupDetailText.manifestOrPayload(why)), [tr(.bkDamagedHint)])
        case .armorInvalid(let why): (tr(.bkArmorInvalid, BackupDetailText.armor(why)), [tr(.bkDamagedHint)])
        case .invalidRecipient(let why): (tr(.bkInvalidRecipient, BackupDetailText.recipient(why)), [tr(.bkInvalidRecipientHint)])
        case .invalidIdentity(let why): (tr(.bkInvalidIdentity, BackupDetailText.identity(why)), [tr(.bkInvalidIdentityHint)])
        case .noRecipients: (tr(.bkNoRecipients), [tr(.bkNoRecipientsHint)])
        case .passphraseNotAlone: (tr(.bkPassphraseNotAlone), [tr(.bkPassphraseNotAloneHint)])
        case .noIdentities: (tr(.bkNoIdentities), [tr(.bkNoIdentitiesHint)])
        case .notABackup: (tr(.bkNotABackup), [tr(.bkNotABackupHint)])
        case .unsupportedBackupVersion(let f, let s): (tr(.bkUnsupportedVersion, f, s), [tr(.bkUnsupportedVersionHint)])
        case .manifestInvalid(let why): (tr(.bkManifestInvalid, BackupDetailText.manifestOrPayload(why)), [tr(.bkDamagedHint)])
        case .containerTruncated: (tr(.bkTruncated), [tr(.bkDamagedHint)])
        case .vaultSizeMismatch(let x, let g): (tr(.bkSizeMismatch, g, x), [tr(.bkDamagedHint)])
        case .vaultHashMismatch: (tr(.bkHashMismatch), [tr(.bkDamagedHint)])
        case .io(let p, let op, let errno):
            (tr(.ioFailed, operation(op), p, errnoText(errno)), [{
                switch errno {
                case ENOSPC: tr(.bkIONoSpaceHint)
                case EROFS: tr(.ioHintReadOnly)
                case EACCES, EPERM: tr(.bkIOPermissionsHint)
                case ENOENT, ENODEV, ENXIO, EIO: tr(.bkIODeviceGoneHint)
                default: tr(.ioHintDevice)
                }
            }()])
        case .readBackMismatch(let p): (tr(.bkReadBackMismatch, p), [tr(.bkReadBackMismatchHint)])
        case .targetExists(let p, let force): (tr(.bkTargetExists, p), [tr(force ? .bkTargetExistsForceHint : .bkTargetExistsHint)])
        case .refuseBinaryToTerminal: (tr(.bkRefuseBinaryToTerminal), [tr(.bkRefuseBinaryToTerminalHint)])
        case .sourceChanged(let x, let g): (tr(.bkSourceChanged, x, g), [tr(.bkSourceChangedHint)])
        case .markerMismatch(let v, let t): (tr(.bkMarkerMismatch, v, t), [tr(.bkDamagedHint)])
        case .differentVault(let p, let x, let b):
            (tr(.bkDifferentVault, p, x.vaultId, x.terminalId, b.vaultId, b.terminalId), [tr(.bkDifferentVaultHint1, p), tr(.bkDifferentVaultHint2)])
        case .unidentifiedVault(let p, let why): (tr(.bkUnidentifiedVault, p, BackupDetailText.unidentified(why)), [tr(.bkUnidentifiedVaultHint, p)])
        }
    }

    static func render(_ e: EntryError) -> (String, [String]) {
        switch e {
        case .amount(let t, let p):
            let why = switch p {
            case .empty: tr(.enAmountEmpty)
            case .negative: tr(.enAmountNegative)
            case .tooManyDigits: tr(.enAmountTooLarge)
            case .decimalPlaces(let c, let n): tr(n == 1 ? .enAmountPlacesOne : .enAmountPlacesMany, c, n)
            case .pointWithoutDigits: tr(.enAmountPoint)
            case .notPlainDecimal: tr(.enAmountPlain)
            case .aboveMaximum(let m): tr(.enAmountMax, m)
            }
            return (tr(.enAmount, t, why), [])
        case .unknownCurrency(let c): return (tr(.enCurrency, c), [])
        case .unknownKind(let k): return (tr(.enKind, k), [tr(.enKindHint)])
        case .unknownStatus(let s): return (tr(.enStatus, s), [tr(.enStatusHint)])
        case .invalidTime(let t): return (tr(.enTime, t), [])
        case .card(let p):
            switch p {
            case .characters: return (tr(.enCardCharacters), [tr(.enCardCharactersHint)])
            case .notMasked: return (tr(.enCardNotMasked), [tr(.enCardHint)])
            case .showsMoreThanFirst6Last4: return (tr(.enCardFirst6Last4), [tr(.enCardHint)])
            case .showsMoreThanLast4: return (tr(.enCardLast4), [tr(.enCardHint)])
            case .positions(let n): return (tr(.enCardPositions, n), [tr(.enCardHint)])
            }
        case .phone(let s, let p):
            switch p {
            case .characters: return (tr(.enPhoneChars, s), [tr(.enPhoneCharsHint)])
            case .notE164: return (tr(.enPhoneE164, s), [tr(.enPhoneE164Hint)])
            case .neitherForm: return (tr(.enPhoneNeither, s), [tr(.enPhoneNeitherHint)])
            }
        case .operatorName(.empty): return (tr(.enNameEmpty), [])
        case .operatorName(.tooLong): return (tr(.enNameLong), [])
        case .operatorName(.character(let n, let c)): return (tr(.enNameChar, n, c), [])
        case .terminalId(let t): return (tr(.enTerminalId, t), [])
        case .utcOffset(let s, let far): return (tr(far ? .enOffsetFar : .enOffset, s), [])
        case .row(let r):
            switch r {
            case .fieldCount(let f, let h): return (tr(.rwFieldCount, f, h), [])
            case .idMissing: return (tr(.rwIdMissing), [])
            case .amountMissing: return (tr(.rwAmountMissing), [])
            case .timeMissing: return (tr(.rwTimeMissing), [])
            case .amountsDisagree: return (tr(.rwDisagree), [])
            case .amountMinor(let t, let m): return (tr(.rwAmountMinor, t, m), [])
            case .noTimeOfDay(let t): return (tr(.rwNoTimeOfDay, t), [])
            case .notADate(let d): return (tr(.rwNotADate, d), [])
            case .notUTF8: return (tr(.rwNotUTF8), [])
            case .quoteNeverClosed(let l): return (tr(.rwQuote, l), [tr(.rwQuoteHint)])
            case .emptyInput(let s, let c): return (tr(.rwEmpty, s), [tr(.rwEmptyHint, c)])
            }
        case .email(let s, let p):
            let m: Msg = switch p { case .notOneAt: .enEmailAt; case .localPart: .enEmailLocal; case .domain: .enEmailDomain }
            return (tr(m, s), [tr(.enEmailHint)])
        }
    }

    static func render(_ e: RecordError) -> (String, [String]) {
        switch e {
        case .fullCardNumber(let f, let m, let n): (tr(.recFullCard, n, m, DetailText.field(f)), [tr(.recFullCardHint1), tr(.recFullCardHint2)])
        // Free text (worded by the CLI itself, or a JSON Lines parse detail): shown as it is.
        case .invalid(let s, let h): (s, h.isEmpty ? [] : [h])
        case .rule(let p): render(p)
        case .noAccount(let l): (tr(.rpNoAccount, l), [tr(.rpNoAccountHint)])
        // English keeps the library's words (its plural forms); zh-Hans has none to choose.
        case .importRefused(let bad, let batches, let ok):
            Lang.current == .en ? (e.message, e.hints) : (tr(.recImportRefused, bad, batches, ok), [tr(.recImportRefusedHint)])
        }
    }

    static func fieldName(_ f: RecordProblem.Field) -> String {
        switch f {
        case .label: tr(.fldLabel)
        case .service: tr(.fldService)
        case .username: tr(.fldUsername)
        case .notes: tr(.fldNotes)
        case .id: tr(.fldId)
        case .reference: tr(.fldReference)
        case .operator: tr(.fldOperator)
        case .terminal: tr(.fldTerminal)
        }
    }

    static func render(_ p: RecordProblem) -> (String, [String]) {
        switch p {
        case .fieldEmpty(.account, let f): (tr(.rpFieldEmptyAccount, fieldName(f)), [tr(.rpGiveFlag, "--" + f.rawValue)])
        case .fieldEmpty(.transaction, let f): (tr(.rpFieldEmptyTx, fieldName(f)), [tr(.rpFieldEmptyTxHint, fieldName(f))])
        case .fieldTooLong(.account, let f, let m): (tr(.rpFieldTooLongAccount, fieldName(f), m), [])
        case .fieldTooLong(.transaction, let f, let m): (tr(.rpFieldTooLongTx, fieldName(f), m), [])
        case .fieldControl(.account, let f): (tr(.rpFieldControlAccount, fieldName(f)), [])
        case .fieldControl(.transaction, let f): (tr(.rpFieldControlTx, fieldName(f)), [tr(.rpPrintableHint)])
        case .labelMissing: (tr(.rpLabelMissing), [tr(.rpGiveFlag, "--label")])
        case .labelInvisible(let c): (tr(.rpLabelInvisible, c), [tr(.rpLabelInvisibleHint)])
        case .labelExists(let l, let edit): (tr(.rpLabelExists, l), [tr(edit ? .rpLabelExistsEditHint : .rpLabelExistsHint)])
        case .labelLookalike(let l, let twin): (tr(.rpLabelLookalike, l, twin), [tr(.rpLabelLookalikeHint)])
        case .secretEmpty: (tr(.rpSecretEmpty), [])
        case .secretTooLong(let m): (tr(.rpSecretTooLong, m), [])
        case .pinDigits: (tr(.rpPinDigits), [tr(.rpPinDigitsHint)])
        case .pinWeak(let w): (tr(.rpPinWeak, tr(w == .keypadPattern ? .rpPinKeypad : .rpPinTriedFirst)), [tr(.rpPinWeakHint)])
        case .nothingToChange: (tr(.rpNothingToChange), [tr(.rpNothingToChangeHint)])
        case .amountOutOfRange(let a, let m): (tr(.rpAmountRange, a), [tr(.rpAmountRangeHint, m)])
        case .timeBefore1970: (tr(.rpTimeBefore1970), [])
        case .importOtherOperator(let op, let role): (tr(.rpImportOtherOperator, op, Lang.current == .en ? role.rawValue : roleName(role)), [])
        case .unknownEncoding(let n): (tr(.rpUnknownEncoding, n), [tr(.rpUnknownEncodingHint)])
        case .iconvCannotRead(let c): (tr(.rpIconv, c), [tr(.rpIconvHint, c)])
        case .endsInsideGB18030(let src): (tr(.rpEndsInsideGB, src), [tr(.rpEndsInsideGBHint)])
        case .lineTooLong(let src, let l?): (tr(.rpLineTooLongAt, l, src), [tr(.rpLineTooLongHint)])
        case .lineTooLong(let src, nil): (tr(.rpLineTooLong, src), [tr(.rpLineTooLongHint)])
        case .notGB18030(let src, let b): (tr(.rpNotGB, src, b), [tr(.rpNotGBHint)])
        case .csvHeader(let l, let p): (tr(.rpCSVLine, l, csv(p)), [tr(.rpCSVHeaderHint, p.columns)])
        case .csvRow(let p): (csv(p), [])
        case .quoteNotClosedAtEnd: (tr(.rpCSVQuoteAtEnd), [])
        }
    }

    static func csv(_ p: RecordProblem.CSVProblem) -> String {
        switch p {
        case .quoteNotClosed: tr(.rpCSVQuote)
        case .textAfterQuote: tr(.rpCSVAfterQuote)
        case .headerNotUTF8: tr(.rpCSVHeaderNotUTF8)
        case .columnTwice(let n): tr(.rpCSVTwice, n)
        case .noIdColumn: tr(.rpCSVNoId, p.columns)
        case .noTimeColumn: tr(.rpCSVNoTime)
        case .noAmountColumn: tr(.rpCSVNoAmount)
        }
    }

    /// English keeps the library's words (one sentence where zh-Hans has a message and a hint).
    static func render(_ p: InputProblem) -> (String, [String]) {
        if Lang.current == .en { return (p.message, []) }
        return switch p {
        case .merchantNameEmpty: (tr(.ipMerchantEmpty), [tr(.ipMerchantEmptyHint)])
        case .merchantNameTooLong(let m): (tr(.ipMerchantLong, m), [tr(.ipMerchantLongHint)])
        case .merchantNameCharacter(let n, let c): (tr(.ipMerchantChar, n, c), [tr(.ipMerchantCharHint)])
        case .notARegularFile(let p): (tr(.ipNotRegularFile, p), [])
        case .notADirectory(let p): (tr(.ipNotDirectory, p), [])
        case .fileExists(let p): (tr(.ipFileExists, p), [tr(.ipFileExistsHint)])
        case .alreadyFormat(let v): (tr(.ipAlreadyFormat, v), [])
        case .socketPathTooLong(let p): (tr(.ipSocketPathLong, p), [])
        case .requestTooLong(let n, let m): (tr(.ipRequestTooLong, n, m), [])
        case .recoveryKeyNotX25519: (tr(.ipRecoveryKeyNotX25519), [])
        }
    }

    /// A recovery method as the library names it ("answers", RecoveryMethod's raw values).
    static func method(_ m: String) -> String {
        switch m {
        case "answers": tr(.methodAnswers)
        case RecoveryMethod.questions.rawValue: tr(.methodQuestions)
        case RecoveryMethod.code.rawValue: tr(.methodCode)
        case RecoveryMethod.recoveryKey.rawValue: tr(.methodKey)
        default: m
        }
    }

    static func render(_ e: RecoveryError) -> (String, [String]) {
        switch e {
        case .locked(let until, let name):
            return (name.map { tr(.reLockedFor, $0, RecoveryLimits.maxFailures, LocalTime.string(until)) } ?? tr(.reLocked, RecoveryLimits.maxFailures, LocalTime.string(until)),
                    [tr(.reLockedHint)])
        case .wrongProof(let m, let left):
            let text: String = switch left {
            case nil: tr(.reWrong, method(m))
            case let n? where n > 0: tr(n == 1 ? .reWrongLeftOne : .reWrongLeftMany, method(m), n)
            default: tr(.reWrongNowLocked, method(m))
            }
            return (text, m == "answers" ? [tr(.reAnswersHint1), tr(.reAnswersHint2), tr(.reAnswersHint3)] : [tr(.reWrongHint)])
        case .noQuestions(let n): return (tr(.reNoQuestions, n), [tr(.reNoQuestionsHint)])
        case .adminNeedsStrongerProof(let n): return (tr(.reAdminStronger, n), [tr(.reAdminStrongerHint1), tr(.reAdminStrongerHint2)])
        case .invalidCode: return (tr(.reInvalidCode), [tr(.reInvalidCodeHint)])
        case .trivialAnswer(let q, let r):
            let why: String = switch r {
            case .notText: tr(.taNotText)
            case .shorterThan(let n): tr(.taShorter, n)
            case .longerThan(let n): tr(.taLonger, n)
            case .userName: tr(.taUserName)
            case .password: tr(.taPassword)
            case .common: tr(.taCommon)
            case .sameAsAnother: tr(.taSame)
            }
            return (tr(.reTrivial, q, why), [tr(.reTrivialHint)])
        // Free text (from the library, or worded by the CLI itself): shown as it is.
        case .invalidSetup(let s): return (s, [tr(.reInvalidSetupHint)])
        case .setup(let p):
            let text = switch p {
            case .notAnOperator: tr(.suNotOperator)
            case .questionCount(let a, let b, let n): tr(.suQuestionCount, a, b, n)
            case .answerCount(let q, let a): tr(.suAnswerCount, q, a)
            case .requiredRange(let a, let b, let r): tr(.suRequiredRange, a, b, r)
            case .tooManySlots(let r, let n, let s, let m): tr(.suTooManySlots, r, n, s, m)
            case .questionEmpty(let i): tr(.suQuestionEmpty, i)
            case .questionTooLong(let i, let m): tr(.suQuestionTooLong, i, m)
            case .questionControl(let i): tr(.suQuestionControl, i)
            case .questionTwice(let i): tr(.suQuestionTwice, i)
            }
            return (text, [tr(.reInvalidSetupHint)])
        case .noRecoveryKey: return (tr(.reNoKey), [tr(.reNoKeyHint)])
        case .nothingBound(let c): return (tr(c == .phone ? .reNothingBoundPhone : .reNothingBoundEmail), [tr(.reNothingBoundHint)])
        }
    }

    static func render(_ e: LooseSecretFile) -> (String, [String]) {
        var why: [String] = [], hints: [String] = []
        if e.owner != e.me { why.append(tr(.lsOwner, e.owner, e.me)); hints.append(tr(.lsChownHint, e.me, e.path)) }
        if e.mode & 0o077 != 0 { why.append(tr(.lsMode, String(e.mode & 0o777, radix: 8))); hints.append(tr(.lsChmodHint, e.path)) }
        let what = switch e.what {
        case "password file": tr(.whatPasswordFile)
        case "identity file": tr(.whatIdentityFile)
        default: e.what
        }
        return (tr(.lsMessage, what, e.path, why.joined(separator: tr(.lsAnd))), hints)
    }

    static func render(_ e: PolicyError) -> (String, [String]) {
        switch e {
        case .unknownKey(let k, let known): return (tr(.peUnknownKey, k), [tr(.peUnknownKeyHint, known.joined(separator: ", "))])
        case .invalidValue(let k, let v, let x):
            let expected = switch x {
            case "a whole number": tr(.peWholeNumber)
            case "on or off": tr(.peOnOff)
            case "HH:MM-HH:MM in local time (for example 08:00-22:00), or off": tr(.peHours)
            default: x
            }
            return (tr(.peInvalid, v, k, expected), [tr(.peInvalidHint)])
        case .belowFloor(let k, let v, let f, let s): return (tr(.peBelowFloor, k, v, f, s), [tr(.peBelowFloorHint, f)])
        case .aboveCeiling(let k, let v, let c, let s): return (tr(.peAboveCeiling, k, v, c, s), [tr(.peAboveCeilingHint, c)])
        case .cannotDisable(let k, let s): return (tr(.peCannotDisable, k, s), [tr(.peCannotDisableHint)])
        }
    }

    static func render(_ e: GeneratorError) -> (String, [String]) {
        switch e {
        case .outOfRange(let w, let v, let r): (tr(.geOutOfRange, w, r.lowerBound, r.upperBound, v), [tr(.geOutOfRangeHint, w, r.lowerBound, r.upperBound)])
        case .noClasses: (tr(.geNoClasses), [tr(.geNoClassesHint)])
        case .tooShortForClasses(let n, let k): (tr(n == 1 ? .geTooShortOne : .geTooShortMany, n, k), [tr(.geTooShortHint, k)])
        case .classEmptied(let c): (tr(.geClassEmptied, c.rawValue), [tr(.geClassEmptiedHint, c.rawValue)])
        case .nothingLeft: (tr(.geNothingLeft), [tr(.geNothingLeftHint)])
        case .separatorHasLetters: (tr(.geSepLetters), [tr(.geSepLettersHint)])
        case .separatorHasDigits: (tr(.geSepDigits), [tr(.geSepDigitsHint)])
        case .separatorHasControl: (tr(.geSepControl), [tr(.geSepHint)])
        case .separatorTooLong(let n): (tr(.geSepTooLong, n), [tr(.geSepHint)])
        case .filterRejectsEverything: (tr(.geFilter), [tr(.geFilterHint)])
        }
    }

    /// libcrypto missing: dlerror's own words stay as they are (a file name and the system's
    /// reason), inside a Chinese sentence.
    static func render(_ e: LibCrypto.Unavailable) -> (String, [String]) {
        switch e.reason {
        case .notLoaded(let detail): (tr(.totpLibNotLoaded, e.soname, detail), [])
        case .missingFunctions: (tr(.totpLibNoFunctions, e.soname), [])
        }
    }

    static func render(_ e: FleetError) -> (String, [String]) { FleetDetailText.render(e) }

    static func render(_ e: SessionError) -> (String, [String]) {
        switch e {
        case .noSession(let p): (tr(.sesNoSession, p), [tr(.sesStartHint)])
        case .ended(let r): (tr(.sesEnded, detail(r)), [tr(.sesStartHint)])
        case .agentGone: (tr(.sesAgentGone), [tr(.sesStartHint)])
        case .operatorChanged(let s): (tr(.sesOperatorChanged, detail(s)), [tr(.sesStartHint)])
        case .refused(let r): (tr(.sesRefused, FleetDetailText.session(r)), [tr(.sesRefusedHint)])
        case .insecureDirectory(let s): (tr(.sesInsecureDirectory, detail(s)), [tr(.sesInsecureDirectoryHint)])
        case .requestRefused(let s): (tr(.sesRequestRefused, detail(s)), [tr(.sesRequestRefusedHint)])
        }
    }
}

/// A broken rule of the password policy, in the catalog's language (the library's
/// `PolicyViolation.message` is the English one).
enum PolicyText {
    static func render(_ v: PolicyViolation) -> String {
        switch v {
        case .notText: tr(.polNotText)
        case .tooShort(let n, let min): tr(n == 1 ? .polTooShortOne : .polTooShortMany, n, min)
        case .tooLong(let n, let max): tr(.polTooLong, n, max)
        case .missingClasses(let c): tr(.polNeeds, list(c.map(className)))
        case .commonPassword: tr(.polCommon)
        case .personalData(let k): tr(.polPersonal, personal(k))
        case .date: tr(.polDate)
        case .repeatedCharacters: tr(.polRepeats)
        case .sequence: tr(.polSequence)
        case .keyboardWalk: tr(.polKeyboard)
        case .tooGuessable(let s, let min): tr(.polGuessable, s, min)
        case .reusedPassword(let n): tr(.opReused, n)
        case .chineseHabits(let h): tr(.polChinese, list(h.map(habit)))
        }
    }

    static func className(_ c: CharacterClassRequirement) -> String {
        switch c {
        case .letter: tr(.clsLetter)
        case .digit: tr(.clsDigit)
        case .symbol: tr(.clsSymbol)
        case .uppercase: tr(.clsUppercase)
        case .lowercase: tr(.clsLowercase)
        }
    }

    static func personal(_ k: PersonalDataKind) -> String {
        switch k {
        case .username: tr(.pdUsername)
        case .phone: tr(.pdPhone)
        case .phoneDigits: tr(.pdPhoneDigits)
        case .emailName: tr(.pdEmailName)
        case .birthday: tr(.pdBirthday)
        case .name: tr(.pdName)
        case .terminalId: tr(.pdTerminalId)
        case .merchantName: tr(.pdMerchantName)
        }
    }

    static func habit(_ h: ChineseHabit) -> String {
        switch h {
        case .name: tr(.habitName)
        case .word: tr(.habitWord)
        case .number: tr(.habitNumber)
        case .place: tr(.habitPlace)
        case .brand: tr(.habitBrand)
        case .hotline: tr(.habitHotline)
        }
    }

    /// "a, b and c" (English); "a、b和c" (zh-Hans).
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: tr(.listTwo, items.dropLast().joined(separator: tr(.listSeparator)), items.last!)
        }
    }
}

/// argument-parser's own words (help headings, usage errors) in zh-Hans. Its texts are fixed
/// English inside the package; they are put in Chinese here, piece by piece, after it renders
/// them. Names, flags and values in them stay as they are. English passes through unchanged.
enum ParserText {
    static let pieces: [(String, String)] = [
        ("OVERVIEW: ", "概述："), ("\nUSAGE: ", "\n用法："), ("USAGE: ", "用法："), ("\nOPTIONS:\n", "\n选项：\n"),
        ("\nSUBCOMMANDS:\n", "\n子命令：\n"), ("\nARGUMENTS:\n", "\n参数：\n"),
        ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
        ("See 'vaultcli help <subcommand>' for detailed help.", "详细帮助见 'vaultcli help <subcommand>'。"),
        ("(default: ", "（默认："), (" (default) ", "（默认）"), ("(values: ", "（取值："), ("; default: ", "；默认："),
        ("Error: ", "错误："), ("\nHelp: ", "\n帮助："), ("\nUsage: ", "\n用法："),
        ("Missing expected argument '", "缺少必需的参数 '"), ("Missing one of: '", "缺少以下之一：'"),
        ("Missing value for '", "缺少值：'"), ("Unknown option '", "不认识的选项 '"), ("'. Did you mean '", "'。是不是要用 '"),
        ("Unexpected argument '", "多余的参数 '"), ("Missing required subcommand.", "缺少子命令。"),
        ("The option '", "选项 '"), ("' does not take any value, but '", "' 不接受值，但给出了 '"), ("' was specified.", "'。"),
        ("The value '", "值 '"), ("' is invalid for '", "' 无效，用于 '"), ("' is invalid.", "' 无效。"),
        ("Invalid option: ", "无效的选项："),
    ]

    static func localize(_ text: String) -> String {
        guard Lang.current == .zhHans else { return text }
        var t = text
        for (en, zh) in pieces { t = t.replacing(en, with: zh) }
        // "  See 'vaultcli tx add --help' for more information."
        var out: [Substring] = []
        for line in t.split(separator: "\n", omittingEmptySubsequences: false) {
            if let a = line.firstRange(of: "See '"), let b = line.firstRange(of: "' for more information.") {
                out.append(Substring(line[..<a.lowerBound] + "详见 '" + line[a.upperBound..<b.lowerBound] + "'。"))
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }
}

extension VaultCLI {
    /// `exit(withError:)` with argument-parser's words in the user's language (English: as it is).
    static func exitLocalized(_ error: Error) -> Never {
        guard Lang.current == .zhHans else { exit(withError: error) }
        let code = exitCode(for: error)
        let text = ParserText.localize(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            Diagnostics.write(text.hasSuffix("\n") ? text : text + "\n")
        }
        fflush(nil)
        Glibc.exit(code.rawValue)
    }
}
