import Catalog
import Vault

/// What is wrong with an account, a transaction or an input (amounts, cards, phone numbers,
/// e-mail addresses, names, import rows) in the catalog's language.
extension ErrorText {
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
}
