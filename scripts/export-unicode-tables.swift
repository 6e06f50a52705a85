// Writes the Unicode tables vaultcli's answer normalisation (AnswerNormalizer) uses, so that
// the shipped binary needs no ICU: taken from Foundation (swift-corelibs-foundation, ICU) on
// the machine that runs this, one scalar at a time.
//   swiftc -O scripts/export-unicode-tables.swift -o /tmp/export-unicode-tables
//   /tmp/export-unicode-tables Sources/Vault/Resources/unicode
// Writes, with one line per scalar whose mapping is not the scalar itself, "XXXX;YYYY ZZZZ..."
// (hexadecimal scalars):
//   nfkd-compat.txt   NFKD of the scalar, where it differs from its NFD (the compatibility part;
//                     the canonical part comes from the Swift standard library's NFC)
//   case-folding.txt  Foundation's folding(options: .caseInsensitive, locale: nil) of the scalar
// VaultTests/AnswerNormalizerTests checks the result against Foundation on every scalar.
import Foundation

let dir = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
func hex(_ s: String) -> String { s.unicodeScalars.map { String(format: "%04X", $0.value) }.joined(separator: " ") }
var nfkd = "", fold = ""
for v in UInt32(0)...0x10FFFF {
    guard let u = Unicode.Scalar(v) else { continue }
    let s = String(Character(u))
    let k = s.decomposedStringWithCompatibilityMapping
    if !k.unicodeScalars.elementsEqual(s.decomposedStringWithCanonicalMapping.unicodeScalars) {
        nfkd += hex(s) + ";" + hex(k) + "\n"
    }
    let f = s.folding(options: [.caseInsensitive], locale: nil)
    if !f.unicodeScalars.elementsEqual(s.unicodeScalars) { fold += hex(s) + ";" + hex(f) + "\n" }
}
try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
try! nfkd.write(toFile: dir + "/nfkd-compat.txt", atomically: true, encoding: .utf8)
try! fold.write(toFile: dir + "/case-folding.txt", atomically: true, encoding: .utf8)
print("nfkd-compat.txt: \(nfkd.split(separator: "\n").count) scalars; case-folding.txt: \(fold.split(separator: "\n").count) scalars")
