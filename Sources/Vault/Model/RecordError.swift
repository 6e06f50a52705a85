import FoundationEssentials
import Glibc

// The errors of account and transaction input (a full card number in a field, a bad value, a
// broken rule, refused import rows, an unknown account), with their message, hints and exit code.

/// Errors of account and transaction input. Messages never repeat a full card number or a
/// secret.
public enum RecordError: UserFacingError, Equatable {
    /// A full card number (PAN) in some field: refused, never stored.
    case fullCardNumber(field: String, masked: String, digits: Int)
    /// A field value that is not acceptable, with the fix.
    case invalid(String, hint: String)
    /// An import that refused rows (each was reported as `line N: reason`).
    case importRefused(badRows: Int, refusedBatches: Int, imported: Int)
    /// A field value that breaks a rule of accounts or transactions (worded by the CLI).
    case rule(RecordProblem)
    /// No account has this label (or id).
    case noAccount(label: String)

    public var message: String {
        switch self {
        case .fullCardNumber(let f, let m, let n):
            "a full card number (\(n) digits that pass the Luhn check, \(m)) is in the \(f); it was refused and nothing was written"
        case .invalid(let s, _): s
        case .importRefused(let bad, let batches, let ok):
            "\(bad) bad row\(bad == 1 ? "" : "s"): \(batches) batch\(batches == 1 ? " was" : "es were") refused whole; \(ok) record\(ok == 1 ? "" : "s") from good batches were imported"
        case .rule(let p): p.message
        case .noAccount(let l): "no account is labelled \"\(l)\""
        }
    }

    public var hints: [String] {
        switch self {
        case .fullCardNumber:
            ["vaultcli keeps masked card numbers only: at most the first 6 and last 4 digits, e.g. 622588******1234",
             "if this is not a card number, write it with other separators (e.g. letters or '/') so it does not read as one"]
        case .invalid(_, let h): h.isEmpty ? [] : [h]
        case .rule(let p): p.hint.isEmpty ? [] : [p.hint]
        case .noAccount: ["see the labels with `vaultcli account list`"]
        case .importRefused:
            ["fix the rows listed above and run the same import again: records already imported are recognised by id and skipped"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .fullCardNumber: .policyRejected
        case .invalid, .rule: .usage
        case .importRefused: .failure
        case .noAccount: .failure
        }
    }
}
