import FoundationEssentials
import Glibc

// The errors of recovery, with their English message, hints and exit code: what is wrong with a
// setup, a trivial answer, a wrong proof, a lock.

/// Errors of recovery.
public enum RecoveryError: UserFacingError, Equatable {
    /// Too many wrong attempts. `name` is nil where naming the operator would tell an unknown
    /// contact from a known one.
    case locked(until: Date, name: String?)
    /// Wrong answers, code or key. `attemptsLeft` is nil where it could tell contacts apart.
    case wrongProof(method: String, attemptsLeft: Int?)
    case noQuestions(name: String)
    case adminNeedsStrongerProof(name: String)
    case invalidCode
    case trivialAnswer(question: Int, reason: TrivialAnswer)
    case invalidSetup(String)
    /// A set-up of recovery questions that breaks a limit (the same English words, as cases).
    case setup(SetupProblem)

    public enum SetupProblem: Equatable, Sendable {
        case notAnOperator
        case questionCount(min: Int, max: Int, given: Int)
        case answerCount(questions: Int, answers: Int)
        case requiredRange(min: Int, max: Int, given: Int)
        case tooManySlots(required: Int, questions: Int, slots: Int, max: Int)
        case questionEmpty(Int)
        case questionTooLong(Int, maxBytes: Int)
        case questionControl(Int)
        case questionTwice(Int)

        public var words: String {
            switch self {
            case .notAnOperator: "recovery questions belong to an operator: log in as that operator to set them up"
            case .questionCount(let a, let b, let n): "choose between \(a) and \(b) questions (\(n) given)"
            case .answerCount(let q, let a): "\(q) questions but \(a) answers"
            case .requiredRange(let a, let b, let r): "the number of answers required must be between \(a) and \(b) (\(r) given)"
            case .tooManySlots(let r, let n, let s, let m): "\(r) of \(n) needs \(s) keyslots; at most \(m) are allowed (use fewer questions or require more answers)"
            case .questionEmpty(let i): "question \(i) is empty"
            case .questionTooLong(let i, let m): "question \(i) is longer than \(m) bytes"
            case .questionControl(let i): "question \(i) contains a control character"
            case .questionTwice(let i): "question \(i) is asked twice"
            }
        }
    }
    case noRecoveryKey
    /// The contact (phone or e-mail) that no operator or account is bound to.
    case nothingBound(ContactKind)

    /// Why an answer to a recovery question is refused.
    public enum TrivialAnswer: Equatable, Sendable {
        case notText
        case shorterThan(Int)
        case longerThan(bytes: Int)
        case userName
        case password
        case common
        case sameAsAnother

        public var words: String {
            switch self {
            case .notText: "is not valid UTF-8 text"
            case .shorterThan(let n): "is shorter than \(n) characters"
            case .longerThan(let n): "is longer than \(n) bytes"
            case .userName: "is your user name"
            case .password: "is your password"
            case .common: "is in the list of common passwords"
            case .sameAsAnother: "is the same as another answer"
            }
        }
    }

    public enum ContactKind: Equatable, Sendable {
        case phone, email
        var words: String { self == .phone ? "phone number" : "e-mail address" }
    }

    public var message: String {
        switch self {
        case .locked(let until, let name):
            "recovery\(name.map { " for \($0)" } ?? "") is locked after \(RecoveryLimits.maxFailures) wrong attempts, until \(LocalTime.string(until))"
        case .wrongProof(let m, let left):
            "the \(m) did not unlock recovery" + (left.map { $0 > 0 ? " (\($0) attempt\($0 == 1 ? "" : "s") left before recovery is locked for an hour)" : "; recovery is now locked for an hour" } ?? "")
        case .noQuestions(let n): "no recovery questions are set up for \(n)"
        case .adminNeedsStrongerProof(let n): "\(n) is an admin: an admin's password is recovered with a recovery code or the offline recovery key, not with questions alone"
        case .invalidCode: "that is not a recovery code: a code is 20 letters and digits, shown as XXXXX-XXXXX-XXXXX-XXXXX"
        case .trivialAnswer(let q, let r): "the answer to question \(q) \(r.words); choose an answer that only you know"
        case .invalidSetup(let s): s
        case .setup(let p): p.words
        case .noRecoveryKey: "this vault holds no offline recovery key"
        case .nothingBound(let c): "no operator or account is bound to that \(c.words) (a recovery code given for it was not used up)"
        }
    }

    public var hints: [String] {
        switch self {
        case .locked: ["wait, or ask an admin to run `vaultcli recover unlock NAME --user THEIR-NAME`; logging in with a password is not affected"]
        case .wrongProof(let m, _) where m == "answers":
            ["answers ignore case, width and extra spaces; leave an answer empty to skip a question",
             "or ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner keeps the shop's recovery codes)",
             "if you never set up recovery questions, these were not yours to answer: ask an admin or manager for a reset"]
        case .wrongProof: ["check the code or key file; each recovery code works once; ask an admin for a reset (`vaultcli user passwd NAME --user THEIR-NAME`)"]
        case .noQuestions: ["ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner, who keeps the recovery codes, can also use `--code`)"]
        case .adminNeedsStrongerProof: ["use --code with one of the recovery codes printed at `vaultcli init`, or --identity FILE with the offline recovery key", "an admin can allow questions for admins with `vaultcli policy set admin-recovery-by-questions on`"]
        case .invalidCode: ["type the code as printed; dashes and spaces are optional, and upper or lower case both work"]
        case .trivialAnswer: ["answers are compared without case, width or extra spaces, so they must not be guessable; nothing was changed"]
        case .invalidSetup, .setup: ["see `vaultcli recover setup --help`; nothing was changed"]
        case .noRecoveryKey: ["an admin adds one with `vaultcli keygen -o FILE --add-to-vault`; meanwhile use a recovery code (--code)"]
        case .nothingBound: ["check the number or address (with or without +86 is the same); an admin's `vaultcli user list --user ADMIN` shows what is bound, and `vaultcli user edit NAME --phone NUMBER --user ADMIN` binds one"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .locked: .lockedOut
        case .wrongProof: .authenticationFailed
        case .noQuestions, .nothingBound, .noRecoveryKey: .failure
        case .adminNeedsStrongerProof: .permissionDenied
        case .invalidCode, .invalidSetup, .setup: .usage
        case .trivialAnswer: .policyRejected
        }
    }
}
