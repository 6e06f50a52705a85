// embed-resources ROOT OUTPUT FILE...
// Writes OUTPUT, a Swift source declaring `EmbeddedResources.files`: every FILE (under ROOT) by
// its path relative to ROOT, as a string literal of its bytes (UTF-8 files) or of their base64
// (anything else). Run by the EmbedResources build-tool plugin; not part of the product.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-resources: error: \(message)\n".utf8))
    exit(1)
}

/// A Swift string literal holding `text` exactly (escapes for what a literal cannot hold raw).
func literal(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
    for s in text.unicodeScalars {
        switch s {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if s.value < 0x20 || s.value == 0x7F || s.value == 0x2028 || s.value == 0x2029 {
                out += "\\u{" + String(s.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
    }
    return out + "\""
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: embed-resources ROOT OUTPUT FILE...") }
let root = URL(fileURLWithPath: args[1]).standardizedFileURL.path + "/"
var source = """
// Generated at build time by embed-resources (Plugins/EmbedResources) from Sources/Vault/Resources.
// Do not edit: add, change or remove files under Resources/ instead.

extension EmbeddedResources {
    static let files: [String: Entry] = [

"""
for path in args.dropFirst(3) {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    guard full.hasPrefix(root) else { fail("\(path) is not under \(root)") }
    let name = String(full.dropFirst(root.count))
    guard let data = FileManager.default.contents(atPath: full) else { fail("cannot read \(full)") }
    if let text = String(validating: data, as: UTF8.self) {
        source += "        \(literal(name)): .utf8(\(literal(text))),\n"
    } else {
        source += "        \(literal(name)): .base64(\(literal(data.base64EncodedString()))),\n"
    }
}
source += "    ]\n}\n"
// Written only when it changes: debug and release builds share the plugin's output directory,
// and a rewrite with the same text would make the other configuration recompile the target.
if FileManager.default.contents(atPath: args[2]) != Data(source.utf8) {
    guard FileManager.default.createFile(atPath: args[2], contents: Data(source.utf8)) else { fail("cannot write \(args[2])") }
}
