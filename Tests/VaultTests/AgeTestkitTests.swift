import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// Runs the C2SP/CCTV age testkit (fixtures/age-testkit) through AgeDecryptor.
final class AgeTestkitTests: XCTestCase {
    struct Vector {
        var name: String
        var expect: String
        var payload: String?
        var identities: [String] = []
        var passphrases: [String] = []
        var armored = false
        var compressed = false
        var unknownKeys: [String] = []
        var body: [UInt8]
    }

    static func load(_ url: URL) throws -> Vector {
        let data = [UInt8](try Data(contentsOf: url))
        var i = 0
        var v = Vector(name: url.lastPathComponent, expect: "", body: [])
        while true {
            guard let nl = data[i...].firstIndex(of: 0x0A) else { throw XCTSkip("\(v.name): no blank line") }
            let line = String(decoding: data[i..<nl], as: UTF8.self)
            i = nl + 1
            if line.isEmpty { break }
            guard let r = line.range(of: ": ") else { v.unknownKeys.append(line); continue }
            let key = String(line[..<r.lowerBound]), value = String(line[r.upperBound...])
            switch key {
            case "expect": v.expect = value
            case "payload": v.payload = value
            case "identity": v.identities.append(value)
            case "passphrase": v.passphrases.append(value)
            case "armored": v.armored = value == "yes"
            case "compressed":
                guard value == "zlib" else { v.unknownKeys.append(key); continue }
                v.compressed = true
            case "file key", "comment": break
            default: v.unknownKeys.append(key)
            }
        }
        v.body = Array(data[i...])
        if v.compressed { v.body = try Inflate.zlib(v.body) }
        return v
    }

    /// Feeds `bytes` in pieces of `step` (exercising the buffering) and collects what is released.
    /// `pipelined`: through `decryptPipelined` (the restore's), which decrypts on a second thread.
    static func decrypt(_ v: Vector, identities: [AgeIdentity], step: Int, pipelined: Bool = false) -> (released: [UInt8], error: Error?) {
        var released: [UInt8] = []
        var offset = 0
        let body = v.body
        let read: ByteSource = { buf in
            let n = min(step, buf.count, body.count - offset)
            if n > 0 { body.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) } }
            offset += n
            return n
        }
        do {
            if pipelined {
                try AgeDecryptor.decryptPipelined(identities: identities, armor: v.armored, read: read, write: { released += $0 })
            } else {
                try AgeDecryptor.decrypt(identities: identities, armor: v.armored, read: read, write: { released += $0 })
            }
            return (released, nil)
        } catch {
            return (released, error)
        }
    }

    func testEveryX25519AndScryptVector() throws {
        let dir = Fixtures.url("age-testkit")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "SOURCE.md" }.sorted()
        XCTAssertEqual(names.count, 143)
        var run = 0, skippedPQ = 0, skippedUnknown = 0
        var outcomes: [String: Int] = [:]
        for name in names {
            let v = try Self.load(dir.appendingPathComponent(name))
            if !v.unknownKeys.isEmpty { skippedUnknown += 1; continue }
            if v.identities.contains(where: { !$0.hasPrefix("AGE-SECRET-KEY-1") }) { skippedPQ += 1; continue }
            run += 1
            outcomes[v.expect, default: 0] += 1
            var ids = try v.identities.map { try AgeIdentity.parse($0) }
            ids += try v.passphrases.map { AgeIdentity.scrypt(passphrase: try SecretBytes(copying: Array($0.utf8))) }
            // Once with large reads, once with small odd-sized reads: the outcome must not depend
            // on buffering; and both ways again through the restore's pipelined decryption.
            for (step, pipelined) in [(1 << 20, false), (7, false), (1 << 20, true), (7, true)] {
                let (released, error) = Self.decrypt(v, identities: ids, step: step, pipelined: pipelined)
                let hash = Hash.sha256(released).hex
                if v.expect == "success" {
                    XCTAssertNil(error, "\(name) [step \(step)\(pipelined ? ", pipelined" : "")]: \(String(describing: error))")
                } else if let e = error as? BackupError {
                    XCTAssertEqual(e.ageFailureClass?.rawValue, v.expect, "\(name) [step \(step)\(pipelined ? ", pipelined" : "")]: got \(e)")
                } else {
                    XCTFail("\(name) [step \(step)\(pipelined ? ", pipelined" : "")]: expected \(v.expect), got \(String(describing: error))")
                }
                if let p = v.payload {
                    XCTAssertEqual(hash, p, "\(name) [step \(step)\(pipelined ? ", pipelined" : "")]: hash of released plaintext (\(released.count) bytes)")
                } else {
                    XCTAssertEqual(released.count, 0, "\(name) [step \(step)\(pipelined ? ", pipelined" : "")]: plaintext released but the vector has no payload")
                }
            }
        }
        XCTAssertEqual(run, 124, "vectors run")
        XCTAssertEqual(skippedPQ, 19, "post-quantum vectors skipped")
        XCTAssertEqual(skippedUnknown, 0, "vectors with unknown keys")
        XCTAssertEqual(outcomes, ["header failure": 53, "armor failure": 22, "success": 21, "payload failure": 19,
                                  "no match": 8, "HMAC failure": 1])
        print("age testkit: ran \(run), skipped \(skippedPQ) post-quantum; outcomes \(outcomes.sorted { $0.key < $1.key })")
    }

    /// Armor detection finds the same outcome as the explicit flag for every armored vector.
    func testArmorAutodetectAgrees() throws {
        let dir = Fixtures.url("age-testkit")
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("armor_") && !name.contains("hybrid") {
            var v = try Self.load(dir.appendingPathComponent(name))
            guard v.expect == "success" else { continue }
            let ids = try v.identities.map { try AgeIdentity.parse($0) } + v.passphrases.map { AgeIdentity.scrypt(passphrase: try SecretBytes(copying: Array($0.utf8))) }
            let explicit = Self.decrypt(v, identities: ids, step: 1 << 20)
            v.armored = false
            var offset = 0
            let body = v.body
            var released: [UInt8] = []
            let info = try AgeDecryptor.decrypt(identities: ids, armor: nil, read: { buf in
                let n = min(buf.count, body.count - offset)
                if n > 0 { body.withUnsafeBytes { buf.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) } }
                offset += n
                return n
            }, write: { released += $0 })
            XCTAssertTrue(info.armored, name)
            XCTAssertEqual(released, explicit.released, name)
        }
    }
}
