import FoundationEssentials
import Glibc
import VaultCrypto

/// The age v1 header (C2SP age spec, "Header"): the version line, recipient stanzas with
/// base64 bodies wrapped at 64 columns (the last line always short, maybe empty), and the
/// `--- MAC` line. Parsing is strict: any deviation is a header failure.
struct AgeHeader {
    static let versionLine = Array("age-encryption.org/v1\n".utf8)
    static let maxLine = 64 * 1024
    static let maxHeader = 1024 * 1024
    static let bytesPerLine = 48

    var stanzas: [AgeStanza]
    /// The MAC from the `---` line.
    var mac: [UInt8]
    /// The header bytes the MAC covers: everything up to and including `---`.
    var macInput: [UInt8]

    private static func fail(_ why: AgeHeaderProblem) -> BackupError { .headerInvalid(why) }

    private static func isValidArg(_ a: Substring) -> Bool {
        !a.isEmpty && a.utf8.allSatisfy { $0 >= 33 && $0 <= 126 }
    }

    /// Reads one LF-terminated line (the LF is required).
    private static func line(_ input: InputBuffer, _ what: AgeHeaderProblem.Part) throws -> [UInt8] {
        switch try input.readLine(max: maxLine) {
        case .line(let l): return l
        case .end(let l): throw fail(l.isEmpty ? .endsInside(what) : .noNewline(what))
        case .tooLong: throw fail(.lineTooLong)
        }
    }

    private static func splitArgs(_ l: [UInt8]) -> (String, [Substring]) {
        let s = String(decoding: l.dropLast(), as: UTF8.self)
        let parts = s.split(separator: " ", omittingEmptySubsequences: false)
        return (String(parts[0]), Array(parts.dropFirst()))
    }

    /// Parses the header from `input`, leaving the payload in the buffer.
    static func parse(_ input: InputBuffer) throws -> AgeHeader {
        var raw: [UInt8] = []
        switch try input.readLine(max: maxLine) {
        case .line(let l) where l == versionLine: raw += l
        case .end(let l) where l.isEmpty: throw fail(.empty)
        default: throw fail(.notVersionLine)
        }
        var stanzas: [AgeStanza] = []
        while true {
            if raw.count > maxHeader { throw fail(.tooLarge) }
            guard try input.fill(3) >= 3 else { throw fail(.endsInsideHeader) }
            let peek = UnsafeRawBufferPointer(start: input.pointer, count: 3)
            if peek.elementsEqual("---".utf8) {
                let l = try line(input, .macLine)
                let (prefix, args) = splitArgs(l)
                guard prefix == "---", args.count == 1,
                      let mac = Base64.decodeUnpaddedStrict(args[0]), mac.count == 32 else {
                    throw fail(.malformedClosingLine)
                }
                return AgeHeader(stanzas: stanzas, mac: mac, macInput: raw + Array("---".utf8))
            } else if peek.prefix(2).elementsEqual("->".utf8) {
                let l = try line(input, .stanza)
                raw += l
                let (prefix, args) = splitArgs(l)
                guard prefix == "->", !args.isEmpty, args.allSatisfy(isValidArg) else { throw fail(.malformedStanzaLine) }
                var body: [UInt8] = []
                while true {
                    let bl = try line(input, .stanzaBody)
                    raw += bl
                    if raw.count > maxHeader { throw fail(.tooLarge) }
                    guard let b = Base64.decodeUnpaddedStrict(Substring(String(decoding: bl.dropLast(), as: UTF8.self))) else {
                        throw fail(.stanzaBodyNotBase64)
                    }
                    if b.count > bytesPerLine { throw fail(.stanzaBodyTooLong) }
                    body += b
                    if b.count < bytesPerLine { break }
                }
                stanzas.append(AgeStanza(type: String(args[0]), args: args.dropFirst().map(String.init), body: body))
            } else {
                throw fail(.unexpectedLine)
            }
        }
    }

    /// Encodes stanzas and the MAC line. `macKey` computes the MAC over the bytes up to `---`.
    static func encode(stanzas: [AgeStanza], mac: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        var out = encodeStanzas(stanzas)
        out += Array("---".utf8)
        let m = try mac(out)
        out += Array(" \(Base64.encodeUnpadded(m))\n".utf8)
        return out
    }

    /// The version line and the stanzas, as they are written (and, since parsing is strict,
    /// exactly as they were read).
    static func encodeStanzas(_ stanzas: [AgeStanza]) -> [UInt8] {
        var out = versionLine
        for s in stanzas {
            out += Array("-> \(([s.type] + s.args).joined(separator: " "))\n".utf8)
            let b64 = Array(Base64.encodeUnpadded(s.body).utf8)
            var i = 0
            while true {
                let n = min(64, b64.count - i)
                out += b64[i..<(i + n)]
                out.append(0x0A)
                i += n
                if n < 64 { break }
            }
        }
        return out
    }
}
