import FoundationEssentials
import Glibc

// Validation of the phone numbers and e-mail addresses bound to operators and accounts: E.164 or a
// mainland China mobile number, and a practical subset of RFC 5322.

/// Validation of bound phone numbers and e-mail addresses (operators and accounts alike).
public enum ContactValidation {
    /// E.164 (`+` then 8 to 15 digits, no leading zero) or an 11-digit mainland China mobile
    /// number (1[3-9]xxxxxxxxx). Spaces and dashes are removed first.
    public static func phone(_ s: String) throws -> String {
        let t = s.filter { $0 != " " && $0 != "-" }
        let digits = t.hasPrefix("+") ? String(t.dropFirst()) : t
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw EntryError.phone(text: s, problem: .characters)
        }
        if t.hasPrefix("+") {
            guard (8...15).contains(digits.count), digits.first != "0" else {
                throw EntryError.phone(text: s, problem: .notE164)
            }
            return t
        }
        let u = Array(digits.utf8)
        guard u.count == 11, u[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(u[1]) else {
            throw EntryError.phone(text: s, problem: .neitherForm)
        }
        return digits
    }


    /// A practical subset of RFC 5322: local@domain, with a dotted domain of letters, digits and dashes.
    public static func email(_ s: String) throws -> String {
        let t = s.trimmed(.whitespaces)
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw EntryError.email(text: s, problem: .notOneAt) }
        let local = parts[0], domain = parts[1].lowercased()
        let localOK = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".unicodeScalars)
        guard !local.isEmpty, local.count <= 64, local.unicodeScalars.allSatisfy(localOK.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw EntryError.email(text: s, problem: .localPart)
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelOK = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
        guard labels.count >= 2, domain.count <= 253,
              labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.unicodeScalars.allSatisfy(labelOK.contains) && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.last!.count >= 2, !labels.last!.allSatisfy(\.isNumber) else {
            throw EntryError.email(text: s, problem: .domain)
        }
        return "\(local)@\(domain)"
    }
}
