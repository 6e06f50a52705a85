import FoundationEssentials
import Glibc

/// The files under Sources/Vault/Resources, compiled into the binary, so that vaultcli runs
/// alone with no resource bundle beside it. The table itself (`files`) is generated at build
/// time by the EmbedResources plugin (Plugins/EmbedResources) from every file found there.
enum EmbeddedResources {
    /// One file's bytes: UTF-8 text as it is, anything else as base64.
    enum Entry: Sendable {
        case utf8(StaticString)
        case base64(StaticString)
    }

    /// The paths of every embedded file, relative to Resources/ ("zxcvbn/female_names.txt").
    static var paths: [String] { files.keys.sorted() }

    /// The bytes of Resources/`path`, or nil when there is no such file.
    static func bytes(_ path: String) -> [UInt8]? {
        switch files[path] {
        case .utf8(let s)?: return s.withUTF8Buffer { Array($0) }
        case .base64(let s)?: return s.withUTF8Buffer { Data(base64Encoded: Data($0)).map { Array($0) } }
        case nil: return nil
        }
    }

    /// Resources/`path` as text, or nil when there is no such file or it is not UTF-8.
    static func text(_ path: String) -> String? {
        guard case .utf8(let s)? = files[path] else { return nil }
        return s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }
}
