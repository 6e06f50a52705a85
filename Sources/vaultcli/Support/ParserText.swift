import ArgumentParser
import Catalog
import Glibc

/// argument-parser's own words (help headings, usage errors) in zh-Hans. Its texts are fixed
/// English inside the package; they are put in Chinese here, piece by piece, after it renders
/// them. Names, flags and values in them stay as they are. English passes through unchanged.
enum ParserText {
    static let pieces: [(String, String)] = [
        ("OVERVIEW: ", "概述："), ("\nUSAGE: ", "\n用法："), ("USAGE: ", "用法："), ("\nOPTIONS:\n", "\n选项：\n"),
        ("\nSUBCOMMANDS:\n", "\n子命令：\n"), ("\nARGUMENTS:\n", "\n参数：\n"),
        ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
        ("See 'vaultcli help <subcommand>' for detailed help.", "详细帮助见 'vaultcli help <subcommand>'。"),
        ("(default: ", "（默认："), (" (default) ", "（默认）"), ("(values: ", "（取值："), ("; default: ", "；默认："),
        ("Error: ", "错误："), ("\nHelp: ", "\n帮助："), ("\nUsage: ", "\n用法："),
        ("Missing expected argument '", "缺少必需的参数 '"), ("Missing one of: '", "缺少以下之一：'"),
        ("Missing value for '", "缺少值：'"), ("Unknown option '", "不认识的选项 '"), ("'. Did you mean '", "'。是不是要用 '"),
        ("Unexpected argument '", "多余的参数 '"), ("Missing required subcommand.", "缺少子命令。"),
        ("The option '", "选项 '"), ("' does not take any value, but '", "' 不接受值，但给出了 '"), ("' was specified.", "'。"),
        ("The value '", "值 '"), ("' is invalid for '", "' 无效，用于 '"), ("' is invalid.", "' 无效。"),
        ("Invalid option: ", "无效的选项："),
    ]

    static func localize(_ text: String) -> String {
        guard Lang.current == .zhHans else { return text }
        var t = text
        for (en, zh) in pieces { t = t.replacing(en, with: zh) }
        // "  See 'vaultcli tx add --help' for more information."
        var out: [Substring] = []
        for line in t.split(separator: "\n", omittingEmptySubsequences: false) {
            if let a = line.firstRange(of: "See '"), let b = line.firstRange(of: "' for more information.") {
                out.append(Substring(line[..<a.lowerBound] + "详见 '" + line[a.upperBound..<b.lowerBound] + "'。"))
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }
}

extension VaultCLI {
    /// `exit(withError:)` with argument-parser's words in the user's language (English: as it is).
    static func exitLocalized(_ error: Error) -> Never {
        guard Lang.current == .zhHans else { exit(withError: error) }
        let code = exitCode(for: error)
        let text = ParserText.localize(fullMessage(for: error))
        if code == .success {
            if !text.isEmpty { print(text) }
        } else if !text.isEmpty {
            Diagnostics.write(text.hasSuffix("\n") ? text : text + "\n")
        }
        fflush(nil)
        Glibc.exit(code.rawValue)
    }
}
