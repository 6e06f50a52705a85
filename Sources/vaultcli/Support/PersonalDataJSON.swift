import ArgumentParser
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
    @Option(name: .customLong("from-json"), help: ArgumentHelp("Read the fields from a JSON object in this file, or `-` for standard input, instead of flags that `ps` and shell history would show.", valueName: "file"),
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
        let what = source == "-" ? "standard input" : source
        guard let dict = try? JSONDecoder().decode([String: JSONField].self, from: data) else {
            throw Failure(message: "\(what) does not hold one JSON object", hints: ["give an object such as {\"username\": \"shop17\", \"phone\": \"13812345678\"}; keys: \(allowed.joined(separator: ", "))"])
        }
        var out: [String: String] = [:]
        for (k, v) in dict {
            guard allowed.contains(k) else {
                throw Failure(message: "the JSON document has the key \"\(k)\", which this command does not take", hints: ["the keys are: \(allowed.joined(separator: ", "))"])
            }
            guard case .string(let s) = v else {
                throw Failure(message: "the JSON value of \"\(k)\" is not a string", hints: ["write every value as a JSON string, e.g. \"phone\": \"13812345678\""])
            }
            if let f = flags[k], f != nil {
                throw Failure(message: "\(k) is given both as --\(k) and in the JSON document", hints: ["give it in one place only (the JSON document keeps it off the command line)"])
            }
            out[k] = s
        }
        return out
    }

    /// Standard input can carry one thing: refuse a password or secret on stdin alongside `-`.
    func validate(stdinAlsoUsedBy other: [(Bool, String)]) throws {
        guard usesStdin else { return }
        for (used, flag) in other where used {
            throw ValidationError("--from-json - reads standard input, so \(flag) cannot; use the matching file option (mode 0600) or the prompt")
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
