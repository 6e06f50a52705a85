import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record one transaction (appended as one frame; never rewrites the vault).",
            discussion: "The operator is the one acting; the terminal defaults to the vault's terminal id; the id is generated.")

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: ArgumentHelp("The amount as a decimal, e.g. 12.34 (never negative).", valueName: "amount"))
        var amount: String
        @Option(name: .long, help: "ISO 4217 currency.")
        var currency: String = "CNY"
        @Option(name: .long, help: "sale, refund or void.")
        var kind: String = "sale"
        @Option(name: .long, help: ArgumentHelp("The masked card number, e.g. 622588******1234.", valueName: "masked-pan"))
        var card: String?
        @Option(name: .long, help: "The payment reference (e.g. the acquirer's).")
        var reference: String = ""
        @Option(name: .long, help: "approved, declined, pending or reversed.")
        var status: String = "approved"
        @Option(name: .long, help: ArgumentHelp("When it happened (ISO 8601). Default: now.", valueName: "time"))
        var time: String?
        @Option(name: .long, help: ArgumentHelp("The terminal id. Default: the vault's.", valueName: "id"))
        var terminal: String?
        @OptionGroup var output: JSONFlag

        func run() throws {
            try runReporting {
                // Check the input before asking for anything.
                let cur = try Currency(code: currency)
                var t = Transaction(id: "", time: try time.map { s -> Int64 in switch try LocalTime.parse(s) { case .instant(let t), .date(let t): t } } ?? Int64(Date().timeIntervalSince1970),
                                    amount: try Money.parse(amount, currency: cur), currency: cur, kind: try .init(name: kind),
                                    card: card ?? "", reference: reference, operatorName: "-", terminal: terminal ?? "", status: try .init(name: status))
                try CardGuard.check(reference, field: "reference")
                if let card { _ = try CardGuard.maskedCard(card) }
                let (v, s) = try auth.open(vault, access: .write)
                t = try v.addTransaction(t, session: s)
                if output.json {
                    Out.json(TxJSON.object(t))
                } else {
                    Out.line("Added \(t.id): \(t.kind.name) \(t.amountText) \(t.currency.code) by \(t.operatorName) at \(LocalTime.string(t.time))")
                }
            }
        }
    }
}

enum TxJSON {
    static func object(_ t: Transaction) -> [String: Any] {
        ["id": t.id, "time": TxTime.iso(t.time), "amount": t.amountText, "amount_minor": t.amount, "currency": t.currency.code,
         "kind": t.kind.name, "card": t.card, "reference": t.reference, "operator": t.operatorName, "terminal": t.terminal, "status": t.status.name]
    }
}
