import FoundationEssentials
import Glibc

/// The merchant's (shop's) name: kept in the admin-signed vault settings (docs/FORMAT.md A.10),
/// shown by `info` and `status`, and given to every password check as personal data, so that
/// "Wangji2024!" is refused at 王记面馆.
extension Vault {
    /// The merchant's name the vault keeps; nil when none was set (and in a format-1 vault).
    /// Read from the signed settings, so a forged or removed name is refused as tampering.
    public func merchantName() throws -> String? {
        guard !file.isLegacy else { return nil }
        return try settings().merchantName
    }
}

extension Names {
    /// A merchant's name: NFKC, spaces trimmed and runs of them made one, 1 to 64 characters
    /// (at most 192 bytes), no control, invisible or direction-changing character. Chinese
    /// characters, letters, digits and punctuation are all fine (王记面馆, Lucky Star Café).
    public static func validateMerchantName(_ raw: String) throws -> String {
        let n = normalize(raw).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        guard !n.isEmpty else { throw VaultError.input(.merchantNameEmpty) }
        guard n.count <= 64, n.utf8.count <= 192 else {
            throw VaultError.input(.merchantNameTooLong(maxCharacters: 64))
        }
        if let bad = n.unicodeScalars.first(where: { $0 != " " && invisibleOrControl(String($0)) != nil }) {
            throw VaultError.input(.merchantNameCharacter(name: DisplayText.sanitize(n), codePoint: codePoint(bad)))
        }
        return n
    }
}

extension Settings {
    /// Sets (or, with nil, clears) the merchant's name (admins). Returns the name as stored.
    @discardableResult
    public func setMerchantName(name: String?, now: Date = Date()) throws -> String? {
        try Permission.changePolicy.require(session)
        let new = try name.map { try Names.validateMerchantName($0) }
        guard !vault.file.isLegacy else { throw VaultError.needsUpgrade(path: vault.path) }
        var s = try vault.settings()
        guard s.merchantName != new else { return new }
        let before = s.merchantName
        s.merchantName = new
        var change = Change()
        try change.put(.vaultSettings, subject: VaultSettings.subject, keyClass: .none, signer: .admin, s)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "vault.merchant-name", target: new ?? "",
                                    detail: new == nil ? "cleared (was \(before ?? ""))" : (before.map { "was \($0)" })))
        try vault.commit(change, keys: session.keys)
        return new
    }
}
