import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

extension VaultCLI {
    struct Account: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "account",
            abstract: tr(.helpAccount),
            discussion: tr(.dAccount),
            subcommands: [AccountAdd.self, AccountList.self, AccountShow.self, AccountEdit.self, AccountRemove.self, AccountHistory.self, AccountFind.self])
    }
}

/// Where an account's secret comes from. With both --password-stdin and --secret-stdin,
/// standard input holds the operator's password on the first line and the secret on the second.
struct SecretSource: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(tr(.hSecretStdin)))
    var secretStdin = false
    @Option(name: .long, help: ArgumentHelp(tr(.hSecretFile), valueName: "path"), completion: .file())
    var secretFile: String?

    func validate() throws {
        if secretStdin && secretFile != nil { throw ValidationError(tr(.acChooseSecretSource)) }
    }

    func read(label: String) throws -> SecretBytes {
        try SecretInput.read(stdin: secretStdin, file: secretFile, prompt: tr(.promptAccountSecret, label), confirm: true)
    }
}

/// The library's account type (the `account` command group shadows the name inside VaultCLI).
typealias MerchantAccount = Account

enum AccountView {
    static func masked(_ field: String, _ value: String?, reveal: Bool) -> String? {
        guard let value else { return nil }
        return MerchantAccount.secretFields.contains(field) && !reveal ? MerchantAccount.mask : value
    }

    /// A history value: the secret's (masked, or with --reveal the secret itself, printed from
    /// locked memory) or another field's text.
    static func historyValue(_ field: String, _ value: String?, _ secret: SecretBytes?, reveal: Bool) -> SecretOut.Piece? {
        if MerchantAccount.secretFields.contains(field) {
            guard let secret else { return nil }
            return reveal ? .secret(secret) : .text(MerchantAccount.mask)
        }
        return value.map { .text($0) }
    }

    /// The account as JSON; with `reveal`, "secret" is `SecretOut.placeholder(0)` (print with
    /// `SecretOut.json(_, secrets: [a.secret])`).
    static func json(_ a: MerchantAccount, reveal: Bool) -> [String: Any] {
        var o: [String: Any] = ["id": a.id, "label": a.label, "service": a.service, "username": a.username,
                                "phone": a.phone ?? JSONNull(), "email": a.email ?? JSONNull(), "secret_kind": a.secretKind.rawValue,
                                "notes": a.notes, "created": iso(a.createdAt), "created_by": a.createdBy,
                                "updated": iso(a.updatedAt), "updated_by": a.updatedBy]
        o["secret"] = reveal ? SecretOut.placeholder(0) : MerchantAccount.mask
        return o
    }

    static func iso(_ d: Date) -> String { TxTime.iso(Int64(d.timeIntervalSince1970)) }
}
