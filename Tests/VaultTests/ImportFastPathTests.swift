import XCTest
@testable import Vault

/// The import's byte-level fast path (TxRowBuilder.fastEncode) and the allocation-free PAN
/// scan, each checked against the general code it stands in for.
final class ImportFastPathTests: VaultTestCase {
    /// A small seeded generator (xorshift64*), so a failure is reproducible.
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 {
            s ^= s >> 12; s ^= s << 25; s ^= s >> 27
            return s &* 2_685_821_657_736_338_717
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    }

    /// Values per column: everyday ones and every edge the checks know (nil: no such cell).
    static let pools: [TxColumn: [[UInt8]?]] = {
        func u(_ s: String) -> [UInt8]? { Array(s.utf8) }
        let long = String(repeating: "a", count: 64)
        return [
            .id: [u("T0017-000000001"), u("tx-1"), u(long), u(long + "a"), u("id\u{7}x"), u("id\u{7F}"), u("4111111111111111"),
                  u("4111 1111 1111 1111"), u("T-4111-1111-1111-1111"), u("订单-001"), [0x69, 0xFF, 0x64], u("ＩＤ１"), u("20261122-101501-0001"), nil],
            .time: [u("2026-11-22T10:15:00Z"), u("2026-11-22T18:15:00+08:00"), u("2026-11-22 18:15"), u("2026-11-22"), u("2026-02-30T00:00:00Z"),
                    u("yesterday"), u("2026-11-22T10:15:00.5Z"), nil],
            .amount: [u("12.34"), u("0"), u("0.01"), u("-1"), u("1.005"), u("1e3"), u("99999999999999999"), u("500"), u("12,34"), nil],
            .amountMinor: [nil, nil, nil, nil, nil, nil, u("1234"), u("x")],
            .currency: [nil, u("CNY"), u("cny"), u("CNY"), u("USD"), u("JPY"), u("KWD"), u("XYZ"), u("ＣＮＹ"), u("Cny")],
            .kind: [nil, u("sale"), u("SALE"), u("Refund"), u("void"), u("bogus"), u("sale "), u("ſale"), u("sal"), u("salee"), u("ＳＡＬＥ"), u("消费"), u("退货"), u("撤销"), u("消费 "), u("消")],
            .card: [nil, u("622588******1234"), u("6225 88XX XXXX 1234"), u("6225-88**-****-1234"), u("****1234"), u("xxxx1234"), u("##########1234"),
                    u("4111111111111111"), u("6225881234561234"), u("622588\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}1234"), u("6225881*****1234"),
                    u("622588******12345"), u("**12345"), u("abc"), u("1234"), u("****"), u("622588******123a"), u("*************1234567"),
                    u("622588*********1234"), u("622588**********1234")],
            .reference: [nil, u("REF0000000001"), u(long), u(long + "b"), u("note, with 4111 1111 1111 1111"), u("中文备注"), [0xC3],
                         u("tab\there"), u("'=1+2")],
            .operatorName: [nil, u("admin"), u("alice"), u("ADMIN"), u("cashier-03"), u("ａｄｍｉｎ"), u("ａｌｉｃｅ"), u("王芳"), u(long + "x"),
                            u("4111111111111111"), [0x61, 0xFF], u("alice\u{301}"), u("ali\u{7}ce")],
            .terminal: [nil, u("T-0017"), u(String(repeating: "T", count: 16)), u(String(repeating: "T", count: 17)), u("终端1"), u("T\u{1}")],
            .status: [nil, u("approved"), u("Declined"), u("PENDING"), u("reversed"), u("ok"), u("approved\u{0}"), u("成功"), u("交易失败"), u("冲正"), u("成功\u{0}")],
        ]
    }()

    func row(_ cells: [TxColumn: [UInt8]?]) -> TxRow {
        var r = TxRow()
        for (c, v) in cells {
            guard let v, !v.isEmpty else { continue }
            let s = r.bytes.count
            r.bytes += v
            r.spans[c.rawValue] = s..<r.bytes.count
        }
        return r
    }

    /// What `build` makes of a row: the encoded record, or the error's message.
    enum Outcome { case record([UInt8]), refused(String) }
    func general(_ b: inout TxRowBuilder, _ r: TxRow) -> Outcome {
        do { return .record(TxCodec.encode(try b.build(r))) } catch let e as UserFacingError { return .refused(e.message) } catch {
            return .refused("\(error)")
        }
    }

    /// Random rows over every edge value, for an admin and a cashier: whenever the fast path
    /// takes a row, `build` accepts it and encodes the same bytes; when it declines, it leaves
    /// the batch as it was. Everyday rows do take the fast path (else the test says so).
    func testImportFastPathAgreesWithBuild() throws {
        let path = try makeVault()
        try addOperator(path, name: "alice", role: .cashier)
        let v = try Vault.open(path: path, access: .write)
        let sessions = [try v.unlock(user: "admin", password: pw(adminPassword)), try session(v, "alice")]
        var rng = Rng(s: 0x5EED_1234_ABCD_0001)
        var taken = 0, declinedValid = 0, refused = 0
        for s in sessions {
            var fastB = TxRowBuilder(session: s, defaultTerminal: v.header.terminalId, localOffset: 8 * 3600)
            var slowB = TxRowBuilder(session: s, defaultTerminal: v.header.terminalId, localOffset: 8 * 3600)
            for _ in 0..<20_000 {
                var cells: [TxColumn: [UInt8]?] = [:]
                for (c, pool) in ImportFastPathTests.pools { cells[c] = rng.int(3) == 0 ? rng.pick(pool) : pool[rng.int(min(3, pool.count))] }
                let r = row(cells)
                var out: [UInt8] = [9, 9, 9]
                let fast = fastB.fastEncode(r, into: &out)
                let expected = general(&slowB, r)
                if fast {
                    taken += 1
                    guard case .record(let bytes) = expected else {
                        return XCTFail("fast path took a row that build refuses (\(expected)): \(cells.mapValues { $0.map { String(decoding: $0, as: UTF8.self) } })")
                    }
                    XCTAssertEqual(Array(out.dropFirst(3)), bytes, "\(cells)")
                    XCTAssertEqual(Array(out.prefix(3)), [9, 9, 9])
                } else {
                    XCTAssertEqual(out, [9, 9, 9], "a declined row left bytes behind")
                    if case .record = expected { declinedValid += 1 } else { refused += 1 }
                }
            }
        }
        XCTAssertGreaterThan(taken, 1000)
        XCTAssertGreaterThan(refused, 1000)
        // The rows of an ordinary export take the fast path, whoever imports them.
        for s in sessions {
            var b = TxRowBuilder(session: s, defaultTerminal: "T-1", localOffset: 0)
            let own = s.operatorName
            for cells: [TxColumn: [UInt8]?] in [
                [.id: Array("T0017-000000001".utf8), .time: Array("2026-11-22T10:15:00Z".utf8), .amount: Array("12.34".utf8),
                 .currency: Array("CNY".utf8), .kind: Array("refund".utf8), .card: Array("622588******1234".utf8),
                 .reference: Array("REF0000000001".utf8), .operatorName: Array(own.utf8), .terminal: Array("T-0017".utf8), .status: Array("approved".utf8)],
                [.id: Array("a1".utf8), .time: Array("2026-11-22 18:15".utf8), .amount: Array("1".utf8)],
            ] {
                var out: [UInt8] = []
                XCTAssertTrue(b.fastEncode(row(cells), into: &out), "\(own): \(cells)")
                XCTAssertEqual(out, try TxCodec.encode(b.build(row(cells))))
            }
        }
        print("fast path: \(taken) rows taken, \(declinedValid) valid rows left to build, \(refused) refused rows")
    }

    /// A name given in full-width letters is the same operator (NFKC), on both paths; a cashier
    /// who names someone else is refused with build's message.
    func testOperatorNamesAreNormalisedAsBuildDoes() throws {
        let path = try makeVault()
        try addOperator(path, name: "alice", role: .cashier)
        let v = try Vault.open(path: path, access: .write)
        let alice = try session(v, "alice")
        var b = TxRowBuilder(session: alice, defaultTerminal: "T-1", localOffset: 0)
        let base: [TxColumn: [UInt8]?] = [.id: Array("x1".utf8), .time: Array("2026-11-22T10:15:00Z".utf8), .amount: Array("1".utf8)]
        var cells = base
        cells[.operatorName] = Array("ａｌｉｃｅ".utf8)
        for _ in 0..<2 {  // the second time from the cache
            var out: [UInt8] = []
            XCTAssertTrue(b.fastEncode(row(cells), into: &out))
            let t = try TxCodec.decode(out)
            XCTAssertEqual(t.operatorName, "alice")
        }
        cells[.operatorName] = Array("bob".utf8)
        var out: [UInt8] = []
        XCTAssertFalse(b.fastEncode(row(cells), into: &out))
        XCTAssertThrowsError(try b.build(row(cells))) { e in
            XCTAssertTrue((e as? RecordError)?.message.hasPrefix("the operator is bob") == true, "\(e)")
        }
    }

    /// The PAN scan as it was written before it stopped allocating (kept here as the reference).
    static func referenceFindPAN(_ p: [UInt8]) -> [UInt8]? {
        var digits = 0
        for b in p where (b >= 48 && b <= 57) || b >= 0x80 { digits += 1 }
        guard digits >= 13 else { return nil }
        var groups: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        let n = p.count
        func digit(at i: Int) -> (UInt8, Int)? {
            let b = p[i]
            if b >= 48 && b <= 57 { return (b - 48, 1) }
            if b == 0xEF, i + 2 < n, p[i + 1] == 0xBC, p[i + 2] >= 0x90, p[i + 2] <= 0x99 { return (p[i + 2] - 0x90, 3) }
            return nil
        }
        func scanChain(_ groups: [[UInt8]]) -> [UInt8]? {
            for s in groups.indices {
                if (13...19).contains(groups[s].count), CardGuard.luhn(groups[s]) { return groups[s] }
                guard groups[s].count <= 6 else { continue }
                var acc = groups[s]
                var e = s + 1
                while e < groups.count, groups[e].count <= 6, acc.count + groups[e].count <= 19 {
                    acc += groups[e]
                    if acc.count >= 13, CardGuard.luhn(acc) { return acc }
                    e += 1
                }
            }
            return nil
        }
        func endChain() -> [UInt8]? {
            if !current.isEmpty { groups.append(current); current = [] }
            defer { groups.removeAll(keepingCapacity: true) }
            return scanChain(groups)
        }
        while i < n {
            if let (d, w) = digit(at: i) { current.append(d); i += w; continue }
            let b = p[i]
            let isSep = b == UInt8(ascii: " ") || b == UInt8(ascii: "-")
            if isSep, !current.isEmpty, i + 1 < n, digit(at: i + 1) != nil {
                groups.append(current); current = []
                i += 1
                continue
            }
            if let hit = endChain() { return hit }
            i += 1
        }
        return endChain()
    }

    /// Random text over digits, separators, full-width digits (and cut ones) and letters, plus
    /// real PANs in every grouping: the scan finds exactly what the reference finds.
    func testPANScanMatchesReference() {
        var rng = Rng(s: 0xC0FF_EE00_1357_9BDF)
        var atoms: [[UInt8]] = [[0x20], [0x2D], [0x20, 0x20], [0x2D, 0x2D], [0x61], [0x2A], [0xEF, 0xBC, 0x94], [0xEF, 0xBC, 0x91], [0xEF, 0xBC], [0xE4, 0xB8, 0xAD]]
        for _ in 0..<3 { for d: UInt8 in 48...57 { atoms.append([d]) } }  // digits most of the time
        let pans = ["4111111111111111", "378282246310005", "6222021234567890128", "5555555555554444"]
        var hits = 0
        for k in 0..<60_000 {
            var text: [UInt8] = []
            let len = rng.int(45)
            for _ in 0..<len { text += rng.pick(atoms) }
            if k % 4 == 0 {
                // A real PAN in random groups (some over 6 digits), somewhere in the text.
                var pan = Array(rng.pick(pans).utf8)
                var withSeps: [UInt8] = []
                var run = 0
                while !pan.isEmpty {
                    withSeps.append(pan.removeFirst()); run += 1
                    if !pan.isEmpty, run >= 1 + rng.int(8) { withSeps.append(rng.int(2) == 0 ? 0x20 : 0x2D); run = 0 }
                }
                let at = rng.int(text.count + 1)
                text.insert(contentsOf: withSeps, at: at)
            }
            let want = ImportFastPathTests.referenceFindPAN(text)
            let got = text.withUnsafeBytes { CardGuard.findPAN($0) }
            XCTAssertEqual(got, want, "\(String(decoding: text, as: UTF8.self))")
            if want != nil { hits += 1 }
        }
        XCTAssertGreaterThan(hits, 5000)
    }
}
