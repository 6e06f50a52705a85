import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

// `vaultcli user totp`: one-time codes as a second factor at login, enrolled with an authenticator
// app and turned off again.

extension VaultCLI.User {
    struct Totp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: tr(.hUserTotp),
            discussion: tr(.dUserTotp),
            subcommands: [Enable.self, Confirm.self, Disable.self])

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "enable",
                abstract: tr(.hTotpEnable),
                discussion: tr(.dTotpEnable))
            @Option(help: ArgumentHelp(tr(.hTotpAlgorithm)))
            var algorithm: String = "sha1"
            @Flag(help: ArgumentHelp(tr(.hQRForce))) var qr = false
            @Flag(help: ArgumentHelp(tr(.hQRInvert))) var qrInvert = false
            @Option(name: .customLong("qr-png"), help: ArgumentHelp(tr(.hQRPNG)))
            var qrPNG: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            @OptionGroup var output: JSONFlag

            func validate() throws {
                guard TOTPAlgorithm(rawValue: algorithm.uppercased().replacing("-", with: "")) != nil else {
                    throw ValidationError(tr(.totpUnknownAlgorithm, algorithm))
                }
                if let qrPNG, FileManager.default.fileExists(atPath: qrPNG) {
                    throw ValidationError(tr(.totpPNGExists, qrPNG))
                }
            }

            func run() throws {
                let alg = TOTPAlgorithm(rawValue: algorithm.uppercased().replacing("-", with: ""))!
                try actor.run(vault) { v, me in
                    let (secret, uri) = try me.oneTimeCodes.beginEnrolment(algorithm: alg)
                    // The secret and its URI are printed from locked memory (SecretOut).
                    let code = try QRCode(uri)
                    if let qrPNG { try PrivateFile.create(qrPNG, bytes: code.png()) }
                    if output.json {
                        var j: [String: Any] = ["secret": SecretOut.placeholder(0), "uri": SecretOut.placeholder(1), "algorithm": alg.rawValue,
                                                "digits": TOTP.digits, "period": Int(TOTP.period)]
                        if let qrPNG { j["qr_png"] = qrPNG }
                        SecretOut.json(j, secrets: [secret, uri])
                    } else {
                        Out.line(tr(.totpScan, alg.displayName, me.session.operatorName))
                        if qr || isatty(STDOUT_FILENO) == 1 {
                            for l in code.terminalLines(inverted: qrInvert) { Out.line(l) }
                        }
                        SecretOut.write([.text(tr(.totpTypeKey)), .secret(secret), .text("\n  uri:    "), .secret(uri), .text("\n")])
                        if let qrPNG { Out.line(tr(.totpPNG, qrPNG)) }
                    }
                }
            }
        }

        struct Confirm: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "confirm",
                abstract: tr(.hTotpConfirm),
                discussion: tr(.dTotpConfirm))
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                // The code is read with the password, before the vault's lock is taken.
                var code: SecretBytes?
                try actor.run(vault, beforeLock: {
                    code = actor.password.passwordStdin
                        ? try SecretInput.readLine(fd: STDIN_FILENO, source: tr(.srcStdinAppCode))
                        : try SecretInput.readTTY(prompt: tr(.promptCodeFromApp), confirm: false)
                }) { v, me in
                    try me.oneTimeCodes.confirm(code: code!.withUnsafeBytes { String(decoding: $0, as: UTF8.self) })
                    Out.line(tr(.totpOn, me.profile.name))
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "disable", abstract: tr(.hTotpDisable))
            @Argument(help: ArgumentHelp(tr(.hOperatorDefault))) var name: String?
            @OptionGroup var vault: VaultOptions
            @OptionGroup var actor: ActorOptions
            func run() throws {
                try actor.run(vault) { v, me in
                    let target = name ?? me.profile.name
                    try me.oneTimeCodes.disable(name: target)
                    Out.line(tr(.totpOff, Names.normalize(target)))
                }
            }
        }
    }
}
