import FoundationEssentials

/// What is wrong with an account or a transaction given to the vault, as cases (the CLI words
/// them in the user's language); `message` and `hint` are the English words.
public enum RecordProblem: Equatable, Sendable {
    /// A text field of a record, as the user names it (`--label`, `--notes`, a CSV column).
    public enum Field: String, Equatable, Sendable {
        // Accounts
        case label, service, username, notes
        // Transactions
        case id, reference, `operator`, terminal
    }

    /// The owner of a text field: an account's, or a transaction's.
    public enum Owner: Equatable, Sendable { case account, transaction }

    case fieldEmpty(Owner, Field)
    case fieldTooLong(Owner, Field, maxBytes: Int)
    case fieldControl(Owner, Field)
    case labelMissing
    case labelInvisible(codePoint: String)
    /// `editHint`: the account can be changed with `account edit` (add), or not (edit).
    case labelExists(String, editHint: Bool)
    case labelLookalike(String, existing: String)
    case secretEmpty
    case secretTooLong(maxBytes: Int)
    case pinDigits
    case pinWeak(PINWeakness)
    case nothingToChange
    case amountOutOfRange(Int64, max: Int64)
    case timeBefore1970
    /// A cashier's import names another operator.
    case importOtherOperator(String, role: Role)
    case unknownEncoding(String)
    case iconvCannotRead(String)
    case endsInsideGB18030(source: String)
    case lineTooLong(source: String, line: Int?)
    case notGB18030(source: String, byte: UInt8)
    /// The header line of a CSV import.
    case csvHeader(line: Int, CSVProblem)
    /// A data record of a CSV import that does not split into fields.
    case csvRow(CSVProblem)
    case quoteNotClosedAtEnd

    /// What is wrong with a CSV record or header.
    public enum CSVProblem: Equatable, Sendable {
        case quoteNotClosed, textAfterQuote, headerNotUTF8, columnTwice(String), noIdColumn, noTimeColumn, noAmountColumn

        /// The column names a CSV import's header may use (English ones; docs/import.md has the Chinese).
        public var columns: String { TxRender.columns.joined(separator: ",") }

        public var english: String {
            switch self {
            case .quoteNotClosed: "a quoted field is not closed"
            case .textAfterQuote: "unexpected text after a closing quote"
            case .headerNotUTF8: "the header is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk or --encoding auto)"
            case .columnTwice(let n): "the header names the column \(n) twice"
            case .noIdColumn: "the header has no id column (expected: \(columns), or the Chinese names in docs/import.md)"
            case .noTimeColumn: "the header has no time column"
            case .noAmountColumn: "the header has no amount (or amount_minor) column"
            }
        }
    }

    /// Why a PIN is one of those tried first.
    public enum PINWeakness: Equatable, Sendable {
        case keypadPattern, triedFirst

        public var english: String {
            switch self {
            case .keypadPattern: "a keypad pattern (rows, columns or diagonals of the keys)"
            case .triedFirst: "one of the PINs tried first (a repeat, a run, a date or a well-known PIN)"
            }
        }
    }

    public var message: String {
        switch self {
        case .fieldEmpty(.account, let f): "the account's \(f.rawValue) is empty"
        case .fieldEmpty(.transaction, let f): "the \(f.rawValue) is empty"
        case .fieldTooLong(.account, let f, let m): "the account's \(f.rawValue) is longer than \(m) bytes"
        case .fieldTooLong(.transaction, let f, let m): "the \(f.rawValue) is longer than \(m) bytes"
        case .fieldControl(.account, let f): "the account's \(f.rawValue) contains a control character"
        case .fieldControl(.transaction, let f): "the \(f.rawValue) contains a control character"
        case .labelMissing: "an account needs a label"
        case .labelInvisible(let c): "the account's label contains \(c), an invisible or direction-changing character"
        case .labelExists(let l, _): "an account labelled \"\(l)\" already exists"
        case .labelLookalike(let l, let twin):
            "the label \"\(l)\" looks like the existing account \"\(twin)\" (look-alike characters, Unicode UTS #39 confusables), so it is refused"
        case .secretEmpty: "the secret is empty or not UTF-8 text"
        case .secretTooLong(let m): "the secret is longer than \(m) bytes"
        case .pinDigits: "a PIN is 4 to 12 digits"
        case .pinWeak(let w): "that PIN is \(w.english): anyone who picks up the terminal tries those first; nothing was saved"
        case .nothingToChange: "nothing to change: the values given are the ones stored"
        case .amountOutOfRange(let a, _): "the amount \(a) is out of range"
        case .timeBefore1970: "the time is before 1970"
        case .importOtherOperator(let op, let role): "the operator is \(op), but a \(role.rawValue) may import only their own transactions"
        case .unknownEncoding(let n): "unknown encoding \"\(n)\""
        case .iconvCannotRead(let c): "this system's iconv cannot read \(c)"
        case .endsInsideGB18030(let s): "\(s) ends inside a GB18030 character"
        case .lineTooLong(let s, let l?): "line \(l) of \(s) is longer than 1 MiB"
        case .lineTooLong(let s, nil): "a line of \(s) is longer than 1 MiB"
        case .notGB18030(let s, let b): "\(s) is not GB18030 (GBK) text: byte \(b) does not start a character"
        case .csvHeader(let l, let p): "line \(l): \(p.english)"
        case .csvRow(let p): p.english
        case .quoteNotClosedAtEnd: "a quoted field is not closed before the end of the input"
        }
    }

    /// The fix, or "" when the message says it all.
    public var hint: String {
        switch self {
        case .fieldEmpty(.account, let f): "give --\(f.rawValue)"
        case .fieldEmpty(.transaction, let f): "every transaction needs a \(f.rawValue)"
        case .fieldControl(.transaction, _): "use printable text only"
        case .fieldTooLong, .fieldControl(.account, _), .secretEmpty, .secretTooLong, .timeBefore1970, .importOtherOperator, .csvRow, .quoteNotClosedAtEnd: ""
        case .csvHeader: "the first line of a CSV import names the columns: \(TxRender.columns.joined(separator: ","))"
        case .labelMissing: "give --label"
        case .labelInvisible: "type the label again without it"
        case .labelExists(_, true): "choose another label, or change it with `vaultcli account edit`"
        case .labelExists(_, false): "choose another label"
        case .labelLookalike: "choose a label that looks different from every label in `vaultcli account list`"
        case .pinDigits: "leave out --pin to store a password"
        case .pinWeak: "change the PIN at the service to a random one (`vaultcli genpass --pin 6` makes one), then store that"
        case .nothingToChange: "give at least one new value, e.g. --username NAME or --secret"
        case .amountOutOfRange(_, let m): "amounts are 0 to \(m) minor units"
        case .unknownEncoding: "use --encoding utf-8, --encoding gbk (GB18030, what Excel on Chinese Windows saves) or --encoding auto"
        case .iconvCannotRead(let c): "convert the file to UTF-8 first (iconv -f \(c) -t UTF-8)"
        case .endsInsideGB18030: "check that the file is whole and is GBK or GB18030 text"
        case .lineTooLong: "check that the input is CSV or JSON Lines"
        case .notGB18030: "give the file's encoding with --encoding utf-8 or --encoding gbk"
        }
    }
}
