import Catalog
import Vault

/// Recovery's errors in the catalog's language.
extension ErrorText {
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
}
