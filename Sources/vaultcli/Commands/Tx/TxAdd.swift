import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault

extension VaultCLI.Tx {
    struct TxAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: tr(.helpTxAdd),
            discussion: tr(.dTxAdd))

        @OptionGroup var vault: VaultOptions
        @OptionGroup var auth: SessionOptions
        @Option(name: .long, help: ArgumentHelp(tr(.hAmount), valueName: "amount"))
        var amount: String
        @Option(name: .long, help: ArgumentHelp(tr(.hCurrency)))
        var currency: String = "CNY"
        @Option(name: .long, help: ArgumentHelp(tr(.hKind)))
        var kind: String = "sale"
        @Option(name: .long, help: ArgumentHelp(tr(.hCard), valueName: "masked-pan"))
        var card: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hReference)))
        var reference: String = ""
        @Option(name: .long, help: ArgumentHelp(tr(.hStatus)))
        var status: String = "approved"
        @Option(name: .long, help: ArgumentHelp(tr(.hTime), valueName: "time"))
        var time: String?
        @Option(name: .long, help: ArgumentHelp(tr(.hTerminal), valueName: "id"))
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
                let me = try auth.open(vault, access: .write)
                t = try me.transactions.add(t)
                if output.json {
                    Out.json(TxJSON.object(t))
                } else {
                    Out.line(tr(.txAdded, t.id, t.kind.name, t.amountText, t.currency.code, t.operatorName, LocalTime.string(t.time)))
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
