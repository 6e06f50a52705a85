import FoundationEssentials
import Glibc

// The errors of operator management and login, with their English message, hints and exit code: a
// refused request (OperatorRefusal) and why a one-time code was not accepted (OneTimeCodeProblem).

/// Errors of operator management and login.
public enum OperatorError: UserFacingError, Equatable {
    case locked(name: String, until: Date)
    case disabled(name: String)
    case mustChangePassword(name: String, expired: Bool)
    case policy(violations: [PolicyViolation])
    case reused(count: Int)
    case exists(name: String)
    /// The name looks like an existing operator's (the same UTS #39 confusable skeleton).
    case lookalike(name: String, existing: String)
    case unknownOperator(name: String)
    case lastAdmin
    case invalid(String)
    case oneTimeCodeNeeded(name: String)
    /// The password was right, but the one-time code was not accepted (counted as a failed login).
    case oneTimeCode(name: String, problem: OneTimeCodeProblem)
    /// Format v2: the operator's failed-login counter was removed, or cleared without their key.
    case lockoutTampered(name: String)
    /// A request that cannot be done as asked (the same English words as before, as cases).
    case refused(OperatorRefusal)

    public var message: String {
        switch self {
        case .locked(let n, let u):
            "operator \(n) is locked after too many failed logins, until \(LocalTime.string(u))"
        case .disabled(let n): "operator \(n) is disabled"
        case .mustChangePassword(let n, let expired):
            expired ? "the password of \(n) has expired and must be changed before anything else" :
                "the password of \(n) was set by an administrator and must be changed before anything else"
        case .policy(let v): "the password does not meet the policy:\n" + v.map { "  - \($0.message)" }.joined(separator: "\n")
        case .reused(let c): PolicyViolation.reusedPassword(historyCount: c).message
        case .exists(let n): "an operator named \(n) already exists"
        case .lookalike(let n, let e):
            "the name \(n) looks like the existing operator \(e) (look-alike letters from other scripts, or digits for letters: Unicode UTS #39 confusables), so it is refused"
        case .unknownOperator(let n): "no operator named \(n)"
        case .lastAdmin: "this would leave the vault without an active admin"
        case .oneTimeCodeNeeded(let n): "\(n) signs in with a one-time code as well, and none could be asked for"
        case .oneTimeCode(let n, let p):
            switch p {
            case .missing: "\(n) signs in with a one-time code as well, and none was given"
            case .malformed: "a one-time code is 6 digits; what was given is not"
            case .alreadyUsed: "that one-time code was already used; a code works once"
            case .wrong: "the one-time code is wrong"
            case .clockSkew(let s):
                "the one-time code is from \(Self.duration(abs(s))) \(s < 0 ? "ago" : "ahead"): the clock of the authenticator app or of this terminal is off by about that much"
            }
        case .invalid(let s): s
        case .refused(let r): r.message
        case .lockoutTampered(let n):
            "the failed-login counter of \(n) was removed, or cleared without that operator's key: the vault file is damaged or was tampered with, so \(n) cannot log in"
        }
    }

    public var hints: [String] {
        switch self {
        case .locked(let n, _): ["wait, or ask an admin or manager to run `vaultcli user unlock \(n) --user THEIR-NAME`"]
        case .disabled: ["ask an admin to run `vaultcli user enable NAME`"]
        case .mustChangePassword(let n, _): ["run `vaultcli user passwd --user \(n)` to choose a new password"]
        case .policy, .reused: ["`vaultcli genpass` makes a password that passes; `vaultcli policy show` lists the rules"]
        case .exists: ["choose another name, or see `vaultcli user list`"]
        case .lookalike: ["choose a name that looks different from every name in `vaultcli user list`"]
        case .unknownOperator: ["see `vaultcli user list`"]
        case .lastAdmin: ["add or promote another admin first"]
        case .oneTimeCodeNeeded: ["run the command on a terminal, or with --password-stdin give the code as the line after the password"]
        case .oneTimeCode(_, let p):
            switch p {
            case .missing: ["give the code from the authenticator app as the line after the password (with --password-stdin), or run the command on a terminal"]
            case .malformed, .wrong: ["type the 6-digit code the authenticator app shows now for this vault; a lost phone: `vaultcli recover password` or an admin's `vaultcli user totp disable NAME`"]
            case .alreadyUsed: ["wait for the app to show the next code (every 30 s) and use that"]
            case .clockSkew: ["set the phone's time to automatic (network time), and check this terminal's time with `date`; then use the code the app shows"]
            }
        case .invalid, .refused: []
        case .lockoutTampered(let n):
            ["an admin (or a manager, for a cashier) can start a fresh count with `vaultcli user unlock \(n) --user THEIR-NAME`; an admin alone can reset her own with `vaultcli recover password --user \(n)` and a recovery code",
             "`vaultcli audit list --as THEIR-NAME --action login` shows the failed logins"]
        }
    }

    static func duration(_ seconds: Int64) -> String {
        seconds < 120 ? "\(seconds) seconds" : "\(seconds / 60) minutes"
    }

    public var exitCode: ExitStatus {
        switch self {
        case .locked, .disabled, .mustChangePassword: .lockedOut
        case .policy, .reused: .policyRejected
        case .exists, .lookalike, .unknownOperator, .lastAdmin: .failure
        case .oneTimeCodeNeeded: .usage
        case .oneTimeCode: .authenticationFailed
        case .invalid, .refused: .usage
        case .lockoutTampered: .corrupt
        }
    }
}

/// A request about an operator that cannot be done as asked.
public enum OperatorRefusal: Equatable, Sendable {
    case noPendingEnrolment
    case confirmSkew(seconds: Int64)
    case confirmMalformed
    case confirmMismatch(algorithm: String)
    case sameRole(name: String, role: Role)
    case cannotDisableSelf
    case enableNeedsPassword(name: String)
    case cannotRemoveSelf
    case legacyFormat

    var message: String {
        switch self {
        case .noPendingEnrolment: "no one-time-code enrolment is pending; start one with `vaultcli user totp enable`"
        case .confirmSkew(let s):
            "that code is from \(OperatorError.duration(abs(s))) \(s < 0 ? "ago" : "ahead"): the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code"
        case .confirmMalformed: "a one-time code is 6 digits; confirm again with the code the app shows now"
        case .confirmMismatch(let a): "that code does not match the new secret; check that the app added this secret (\(a), 6 digits, 30 s) and try again with the current code"
        case .sameRole(let n, let r): "\(n) already has the \(r.rawValue) role"
        case .cannotDisableSelf: "you cannot disable yourself"
        case .enableNeedsPassword(let n): "enabling \(n) needs a temporary password"
        case .cannotRemoveSelf: "you cannot remove yourself"
        case .legacyFormat: "this vault is still in format 1; an admin's command moves it to format 2 first (`vaultcli upgrade --user ADMIN`)"
        }
    }
}

/// Why a one-time code given at login was not accepted.
public enum OneTimeCodeProblem: Equatable, Sendable {
    case missing, malformed, alreadyUsed, wrong
    /// The code matches a step this many seconds away from now.
    case clockSkew(seconds: Int64)
}
