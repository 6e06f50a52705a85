import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
#if canImport(Glibc)
import Glibc
#endif

/// Personal data (account usernames, bound phones and e-mails, notes) from a JSON object in a
/// file or on standard input (`--from-json -`), so scripts need not put it on argv, where `ps`
/// and shell history show it (China's PIPL counts it as personal information).
struct PersonalDataJSONOption: ParsableArguments {
    @Option(name: .customLong("from-json"), help: ArgumentHelp(tr(.hFromJSON), valueName: "file"),
            completion: .file())
    var source: String?

    struct Failure: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .usage }
    }

    /// Whether standard input is taken by the JSON document.
    var usesStdin: Bool { source == "-" }

    /// The fields, each a string; nil without --from-json. `allowed` lists the keys the command
    /// takes; `flags` are the fields also given as flags (a field may come from one place only).
    func read(allowed: [String], flags: [String: String?]) throws -> [String: String]? {
        guard let source else { return nil }
        let data: Data
        if source == "-" {
            var bytes: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buf.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw VaultError.io(path: "standard input", operation: "read the JSON document", errno: errno) }
                if n == 0 { break }
                bytes += buf[0..<n]
                if bytes.count > 1 << 20 { break }
            }
            data = Data(bytes)
        } else {
            guard let d = FileManager.default.contents(atPath: source) else {
                throw VaultError.io(path: source, operation: "read the JSON document", errno: errno)
            }
            data = d
        }
        let what = source == "-" ? tr(.srcStandardInput) : source
        guard let dict = try? JSONDecoder().decode([String: JSONField].self, from: data) else {
            throw Failure(message: tr(.pdNotObject, what), hints: [tr(.pdNotObjectHint, allowed.joined(separator: ", "))])
        }
        var out: [String: String] = [:]
        for (k, v) in dict {
            guard allowed.contains(k) else {
                throw Failure(message: tr(.pdUnknownKey, k), hints: [tr(.pdKeysAre, allowed.joined(separator: ", "))])
            }
            guard case .string(let s) = v else {
                throw Failure(message: tr(.pdNotString, k), hints: [tr(.pdNotStringHint)])
            }
            if let f = flags[k], f != nil {
                throw Failure(message: tr(.pdBoth, k), hints: [tr(.pdBothHint)])
            }
            out[k] = s
        }
        return out
    }

    /// Standard input can carry one thing: refuse a password or secret on stdin alongside `-`.
    func validate(stdinAlsoUsedBy other: [(Bool, String)]) throws {
        guard usesStdin else { return }
        for (used, flag) in other where used {
            throw ValidationError(tr(.pdStdinTaken, flag))
        }
    }
}

/// One value of the personal-data JSON document: a string, or anything else (refused).
private enum JSONField: Decodable {
    case string(String), other
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) } else { self = .other }
    }
}

/// Personal data asked at the terminal, shown as typed (it is not a secret, but a prompt keeps
/// it off argv, where `ps` and shell history would show it). Asked only when standard input
/// is a terminal: a pipe may carry other input (a password, a JSON document), and a script
/// must say what it means with flags or `--from-json -` instead of hanging on a prompt.
enum PersonalDataPrompt {
    /// The trade-off, for the help text (and so the man pages).
    static var tradeOff: String { tr(.dTradeOff) }

    /// Whether a person can be asked.
    static var available: Bool { isatty(STDIN_FILENO) == 1 }

    struct Refused: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .usage }
    }

    /// Asks for one field until `check` accepts the answer (it returns the value to keep, or
    /// throws the reason), up to `attempts` times, with the reason shown between tries. An empty
    /// answer returns nil (none, or: keep as it is); with `clearable`, "-" returns "" (clear it).
    static func ask(_ prompt: String, clearable: Bool = false, attempts: Int = 3, check: (String) throws -> String) throws -> String? {
        var last: Error = Refused(message: tr(.pdNoAnswer), hints: [])
        for attempt in 1...attempts {
            guard let line = try SecretInput.askTTY(prompt, allowEmpty: true) else {
                throw Refused(message: tr(.pdNoTerminal), hints: [tr(.pdNoTerminalHint)])
            }
            let typed = line.trimmed(.whitespaces)
            if typed.isEmpty { return nil }
            if clearable && typed == "-" { return "" }
            do { return try check(typed) } catch {
                last = error
                let left = attempts - attempt
                let why = (error as? UserFacingError).map { ErrorText.render($0).message } ?? "\(error)"
                if left > 0 { try? say(tr(clearable ? .pdRefusedKeep : .pdRefusedEmpty, why, left) + "\n") }
            }
        }
        throw last
    }

    private static func say(_ s: String) throws {
        var fd = open("/dev/tty", O_WRONLY | O_CLOEXEC | O_NOCTTY)
        if fd < 0 && isatty(STDIN_FILENO) == 1 { fd = dup(STDIN_FILENO) }
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = s.withCString { Glibc.write(fd, $0, strlen($0)) }
    }

    /// An operator's phone and e-mail that no flag and no JSON document gave, asked on a
    /// terminal (each checked, and asked again when refused). `editing`: Enter keeps the bound
    /// value and "-" clears it; adding: Enter leaves it unbound.
    static func operatorContact(name: String, phone: String?, email: String?, editing: Bool) throws -> (phone: String?, email: String?) {
        let blank = editing ? tr(.pdBlankEdit) : tr(.pdBlankAdd)
        let p = try phone ?? ask(tr(.promptOperatorPhone, name, blank), clearable: editing) { try ContactValidation.phone($0) }
        let e = try email ?? ask(tr(.promptOperatorEmail, name, blank), clearable: editing) { try ContactValidation.email($0) }
        return (p, e)
    }

    /// The hint for a command run without a terminal: which flags or document to use instead.
    static func noTerminalHints(flags: [String], keys: [String]) -> [String] {
        [tr(.pdNoTerminalHints1, flags.joined(separator: ", "), keys.map { "\"\($0)\"" }.joined(separator: ", ")), tr(.pdNoTerminalHints2)]
    }
}

/// A phone, e-mail (or account user name) to look something up by (`recover username`,
/// `account find`): from its flag, the JSON document, or, on a terminal, a prompt, so that it
/// need not go on argv.
enum LookupFields {
    struct Missing: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .usage }
    }

    /// The fields given, after the JSON document and (on a terminal, when none was given) the
    /// prompts. `prompts` pairs each key with its prompt and check, asked in order until one
    /// is answered when `onlyOne`, else each in turn (Enter skips).
    static func resolve(_ flags: [(key: String, value: String?)], json: PersonalDataJSONOption, onlyOne: Bool,
                        prompts: [(key: String, prompt: String, check: (String) throws -> String)]) throws -> [String: String] {
        let j = try json.read(allowed: flags.map(\.key), flags: Dictionary(uniqueKeysWithValues: flags.map { ($0.key, $0.value) })) ?? [:]
        var out: [String: String] = [:]
        for f in flags { if let v = f.value ?? j[f.key] { out[f.key] = v } }
        let names = flags.map { "--\($0.key)" }.joined(separator: onlyOne ? tr(.listOr) : ", ")
        if out.isEmpty && json.source == nil && PersonalDataPrompt.available {
            for p in prompts {
                if let v = try PersonalDataPrompt.ask(p.prompt, check: p.check), !v.isEmpty {
                    out[p.key] = v
                    if onlyOne { break }
                }
            }
        }
        if out.isEmpty {
            throw Missing(message: tr(onlyOne ? .pdGiveOneOf : .pdGive, names), hints: [tr(.pdGiveHint)])
        }
        if onlyOne && out.count > 1 { throw Missing(message: tr(.pdGiveOnlyOne, names), hints: []) }
        return out
    }
}
