#if VAULTCLI_TESTING
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

// The fuzz targets of typed and imported input: CSV and JSON Lines import rows, PHC strings,
// otpauth:// URIs and age recipients.

extension FuzzTargets {
    // MARK: import rows, PHC, otpauth, recipients

    /// The import of CSV or JSON Lines rows: the real `Transactions.importRows` (line reader, row
    /// parser, row builder, card guard, duplicate check), as a dry run against a small vault
    /// made once per process, as its admin.
    static func importRows(_ b: [UInt8], format: TxImportFormat) {
        guard let fx = ImportFixture.shared else { return }
        let path = writeScratch("import.\(format.rawValue)", b)
        defer { unlink(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { fatalError("fuzz: cannot open \(path)") }
        defer { close(fd) }
        var options = TxImportOptions(format: format)
        options.dryRun = true
        options.batchRows = 64
        var bad = 0
        guard let r = try? fx.vault.unlocked(by: fx.session).transactions.importRows(fd: fd, source: "fuzz", options: options, badRow: { _, _ in bad += 1 })
        else { return }
        expect(r.badRows == bad, "import counted \(r.badRows) bad rows but reported \(bad)")
        expect(r.imported + r.duplicates + r.badRows <= r.rows, "import counts do not add up")
    }

    /// PHC strings: the parameter parser, and the verifier (libsodium) when the cost is tiny.
    static func phc(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        let p = try? Argon2id.parameters(ofPHC: s)
        if let p, p.memoryKiB <= 64, p.iterations <= 4, let pw = try? SecretBytes(utf8: "password") {
            _ = try? Argon2id.verify(pw, phc: s)
        }
        if let d = Base64.decodeUnpaddedStrict(Substring(s)) {
            expect(Base64.encodeUnpadded(d) == s, "strict base64 accepted a non-canonical string")
        }
    }

    /// One-time codes: nothing in vaultcli reads an otpauth:// URI (it only writes them), so the
    /// target covers what reads text on that path: the base32 secret, the stored
    /// "algorithm:secret" form, the code checker; and the URI writer, whose output must keep
    /// the account and issuer inside their percent-encoded fields.
    static func otpauth(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        if let d = Base32.decode(s) {
            let e = Base32.encode(d)
            expect(Base32.decode(e) == d, "base32 round trip changed the bytes")
        }
        let (alg, secret) = TOTPAlgorithm.split(s)
        let key = Base32.decode(secret) ?? Array(secret.utf8)
        _ = TOTP.check(code: s, secret: key, at: Date(timeIntervalSince1970: 1_700_000_000), notAfter: nil, algorithm: alg)
        let half = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let account = String(half.first ?? ""), issuer = half.count > 1 ? String(half[1]) : "shop"
        let uri = TOTP.uri(secret: Base32.encode(key), account: account, issuer: issuer, algorithm: alg)
        let query = uri.split(separator: "?", omittingEmptySubsequences: false)
        expect(query.count == 2, "otpauth URI has \(query.count - 1) query separators")
        expect(query[1].split(separator: "&").count == 5, "otpauth URI query has a parameter too many")
        expect(uri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "otpauth URI holds a raw space, control or non-ASCII byte")
    }

    /// age recipient and identity strings, and files of them.
    static func ageRecipient(_ b: [UInt8]) {
        let s = String(decoding: b, as: UTF8.self)
        if let r = try? AgeRecipient.parse(s), let str = r.string {
            expect(str == s.trimmed(.whitespaces).lowercased(), "a recipient does not print back as it was read")
        }
        if let i = try? AgeIdentity.parse(s) { _ = try? i.recipient() }
        _ = try? AgeRecipient.parseFile(contents: s, path: "fuzz")
        _ = try? AgeIdentity.parseFile(contents: s, path: "fuzz")
        _ = try? Bech32.decode(s)
    }
}
#endif
import VaultCrypto
