import Foundation
import XCTest
@testable import Vault
@testable import VaultCrypto

/// An attacker's client for the session agent, written from the wire format in
/// docs/SESSIONS.md (not with vaultcli's own code): a program of the same OS user that connects
/// to the socket and sends whatever bytes it likes.
enum RawAgent {
    static func connect(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        var a = sockaddr_un()
        a.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &a.sun_path) { p in
            for (i, b) in path.utf8.enumerated() { p[i] = b }
        }
        let rc = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        precondition(rc == 0, "connect \(path): \(String(cString: strerror(errno)))")
        var tv = timeval(tv_sec: 15, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func frame(_ body: [UInt8]) -> [UInt8] { le32(UInt32(body.count)) + body }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    static func str16(_ s: String) -> [UInt8] { let b = Array(s.utf8); return [UInt8(b.count & 0xFF), UInt8(b.count >> 8)] + b }

    /// The RUN request: op 4, version, vault id, arguments, environment.
    static func run(vaultId: [UInt8], _ args: [String], env: [String: String], version: UInt8 = 2) -> [UInt8] {
        var b: [UInt8] = [4, version] + vaultId
        b += [UInt8(args.count), 0]; for a in args { b += str16(a) }
        b += [UInt8(env.count), 0]; for (k, v) in env { b += str16("\(k)=\(v)") }
        return b
    }

    /// Sends `bytes` (raw: the caller frames them or not) with `fds` attached (SCM_RIGHTS).
    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8], fds: [Int32] = []) -> Bool {
        var control = [UInt8](repeating: 0, count: fds.isEmpty ? 0 : 16 + ((fds.count * 4 + 7) & ~7))
        if !fds.isEmpty {
            control.replaceSubrange(0..<8, with: (0..<8).map { UInt8(truncatingIfNeeded: (16 + fds.count * 4) >> (8 * $0)) })
            control.replaceSubrange(8..<12, with: le32(UInt32(SOL_SOCKET)))
            control.replaceSubrange(12..<16, with: le32(UInt32(SCM_RIGHTS)))
            for (i, f) in fds.enumerated() { control.replaceSubrange(16 + 4 * i ..< 20 + 4 * i, with: le32(UInt32(bitPattern: f))) }
        }
        var data = bytes
        let n = data.withUnsafeMutableBytes { dp in
            control.withUnsafeMutableBytes { cp in
                var iov = iovec(iov_base: dp.baseAddress, iov_len: dp.count)
                return withUnsafeMutablePointer(to: &iov) { iovp in
                    var h = msghdr()
                    h.msg_iov = iovp; h.msg_iovlen = 1
                    h.msg_control = fds.isEmpty ? nil : cp.baseAddress; h.msg_controllen = fds.isEmpty ? 0 : cp.count
                    return sendmsg(fd, &h, Int32(MSG_NOSIGNAL))
                }
            }
        }
        return n == bytes.count
    }

    /// Everything the agent sends back until it closes the connection (or 15 s pass).
    static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    /// One u32-length-prefixed answer.
    static func readAnswer(_ fd: Int32) -> [UInt8]? {
        func exactly(_ n: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: n), off = 0
            while off < n {
                let r = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + off, n - off, 0) }
                if r <= 0 { return nil }
                off += r
            }
            return out
        }
        guard let h = exactly(4) else { return nil }
        let n = Int(h[0]) | Int(h[1]) << 8 | Int(h[2]) << 16 | Int(h[3]) << 24
        return n == 0 ? [] : exactly(n)
    }

    /// Connect, send, read everything, close.
    static func ask(_ sock: String, _ bytes: [UInt8], fds: [Int32] = []) -> [UInt8] {
        let fd = connect(sock)
        defer { close(fd) }
        send(fd, bytes, fds: fds)
        return readAll(fd)
    }
}

/// Issue 10, attack 5 / build point 6: the session agent does the work and never hands out
/// keys. Every test forges requests as a program of the same user would, then checks what came
/// back and what the vault holds.
final class SessionAgentAttackTests: EndToEndTestCase {
    var runDir: String { dir + "/run" }
    let cashierPassword = "qW7!eR4@tY1#uI8$"

    override func setUp() {
        super.setUp()
        mkdir(runDir, 0o700)
    }

    override func tearDown() {
        _ = vaultcli(["lock", "--vault", vault], env: ["XDG_RUNTIME_DIR": runDir])
        super.tearDown()
    }

    @discardableResult
    func cli(_ args: [String], stdin: String? = nil) -> CLIResult {
        var a = args
        a.insert(contentsOf: ["--vault", vault], at: args.firstIndex(where: { $0.hasPrefix("-") }) ?? args.count)
        return vaultcli(a, stdin: stdin, env: ["XDG_RUNTIME_DIR": runDir])
    }

    func admin(_ args: [String], stdin extra: String = "") -> CLIResult {
        cli(args + ["--user", "admin", "--password-stdin"], stdin: adminPassword + "\n" + extra)
    }

    func addCashier(_ name: String) {
        let temp = "Tmp#" + cashierPassword.reversed() + "9z!"
        XCTAssertEqual(admin(["user", "add", name, "--role", "cashier"], stdin: temp + "\n").status, 0)
        let ch = vaultcli(["user", "passwd", "--vault", vault, "--user", name, "--password-stdin"], stdin: temp + "\n" + cashierPassword + "\n")
        XCTAssertEqual(ch.status, 0, ch.stderr)
    }

    /// Starts a session and returns the agent's pid.
    func unlock(_ user: String, _ password: String) throws -> Int {
        let r = cli(["unlock", "--user", user, "--password-stdin", "--json"], stdin: password + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        return try XCTUnwrap(j["agent_pid"] as? Int)
    }

    var vaultId: [UInt8] {
        let h = try! Vault.sessionVaultId(path: vault)
        return [UInt8](hexString: h)!
    }

    var socketPath: String { runDir + "/vaultcli/" + (try! Vault.sessionVaultId(path: vault)) + ".sock" }

    /// Every key `user` holds, as bytes (read here with the password, as the test's own oracle).
    func keysOf(_ user: String, _ password: String) throws -> [[UInt8]] {
        setenv("VAULTCLI_INSECURE_TEST_KDF", "yes-tests-only", 1)
        let v = try Vault.open(path: vault, access: .read)
        let s = try v.unlock(user: user, password: try SecretBytes(utf8: password))
        var out = s.keys.keys.values.map { $0.unsafeCopyBytes() } + s.keys.extra.values.map { $0.unsafeCopyBytes() }
        if let a = s.keys.auditSecretKey { out.append(a.unsafeCopyBytes()) }
        XCTAssertFalse(out.isEmpty)
        return out
    }

    /// Which of the ways a key could come back `bytes` shows: any 8 bytes of one, or its hex or
    /// base64.
    func keyLeak(_ bytes: [UInt8], _ keys: [[UInt8]]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        for k in keys {
            for i in stride(from: 0, through: k.count - 8, by: 4) {
                let w = Array(k[i..<i + 8])
                if bytes.count >= 8 && (0...(bytes.count - 8)).contains(where: { bytes[$0] == w[0] && Array(bytes[$0..<$0 + 8]) == w }) {
                    return "8 bytes of a key"
                }
            }
            if text.lowercased().contains(k.hexString.prefix(16)) { return "a key in hex" }
            if text.contains(Data(k).base64EncodedString().prefix(12)) { return "a key in base64" }
        }
        return nil
    }

    func assertNoKey(_ bytes: [UInt8], _ keys: [[UInt8]], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let leak = keyLeak(bytes, keys)
        XCTAssertNil(leak, "\(what): \(leak ?? "") came back", file: file, line: line)
    }

    /// The check itself finds a key where there is one (so that "none came back" means something).
    func assertKeyCheckWorks(_ keys: [[UInt8]]) {
        for k in keys {
            XCTAssertNotNil(keyLeak([1, 2, 3] + Array(k[4..<12]) + [9], [k]))
            XCTAssertNotNil(keyLeak(Array(("x" + k.hexString).utf8), [k]))
            XCTAssertNotNil(keyLeak(Array(Data(k).base64EncodedString().utf8), [k]))
        }
    }

    struct RawRun { var answer: [UInt8]?; var status: Int32?; var stdout: String; var stderr: String; var raw: [UInt8] }

    /// A RUN request from the raw client, on pipes of its own; `extraFDs` go along.
    func rawRun(_ args: [String], env: [String: String] = [:], stdin: String = "", vaultId vid: [UInt8]? = nil) -> RawRun {
        var env2 = CLIHarness.environment(["XDG_RUNTIME_DIR": runDir])
        env2["VAULTCLI_VAULT"] = vault
        for (k, v) in env { env2[k] = v }
        var inP: [Int32] = [0, 0], outP: [Int32] = [0, 0], errP: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&inP), 0); XCTAssertEqual(pipe(&outP), 0); XCTAssertEqual(pipe(&errP), 0)
        _ = Array(stdin.utf8).withUnsafeBytes { write(inP[1], $0.baseAddress, $0.count) }
        close(inP[1])
        let cwd = open(dir, O_RDONLY | O_DIRECTORY)
        let fd = RawAgent.connect(socketPath)
        RawAgent.send(fd, RawAgent.frame(RawAgent.run(vaultId: vid ?? vaultId, args, env: env2)), fds: [inP[0], outP[1], errP[1], cwd])
        close(inP[0]); close(outP[1]); close(errP[1]); close(cwd)
        let answer = RawAgent.readAnswer(fd)
        close(fd)
        func drain(_ f: Int32) -> [UInt8] {
            var out: [UInt8] = [], buf = [UInt8](repeating: 0, count: 65536)
            while true { let n = buf.withUnsafeMutableBytes { read(f, $0.baseAddress!, $0.count) }; if n <= 0 { break }; out += buf[0..<n] }
            close(f)
            return out
        }
        let o = drain(outP[0]), e = drain(errP[0])
        var status: Int32?
        if let a = answer, a.count == 5, a[0] == 0 {
            status = Int32(bitPattern: UInt32(a[1]) | UInt32(a[2]) << 8 | UInt32(a[3]) << 16 | UInt32(a[4]) << 24)
        }
        return RawRun(answer: answer, status: status, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                      raw: (answer ?? []) + o + e)
    }

    func alive(_ pid: Int) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    func vaultBytes() -> Data { FileManager.default.contents(atPath: vault)! }

    // MARK: no key leaves the agent

    func testNoRequestOfTheOldProtocolOrTheNewOneReturnsKeys() throws {
        initVault()
        XCTAssertEqual(admin(["account", "add", "--label", "unionpay-main", "--secret-stdin"], stdin: "Merchant-Secret-1\n").status, 0)
        XCTAssertEqual(admin(["tx", "add", "--amount", "5.00"]).status, 0)
        let keys = try keysOf("admin", adminPassword)
        assertKeyCheckWorks(keys)
        let pid = try unlock("admin", adminPassword)
        let sock = socketPath, vid = vaultId

        // The old GET (op 1 + vault id), exactly as the first protocol's clients sent it: refused,
        // with a reason an old client prints.
        var a = RawAgent.ask(sock, RawAgent.frame([1] + vid))
        XCTAssertEqual(a.first.map { _ in a[4] }, 2, "refused")
        XCTAssertTrue(String(decoding: a.dropFirst(5), as: UTF8.self).contains("never hands out keys"), String(decoding: a, as: UTF8.self))
        assertNoKey(a, keys, "GET")
        // GET in every other shape: no vault id, another vault id, extra bytes.
        for body in [[1], [1] + [UInt8](repeating: 0, count: 16), [1] + vid + [0, 1, 2, 3], [1] + vid.reversed()] as [[UInt8]] {
            a = RawAgent.ask(sock, RawAgent.frame(body))
            XCTAssertEqual(a.count > 4 ? a[4] : 255, 2, "GET variant \(body.count) bytes is refused")
            assertNoKey(a, keys, "GET variant")
        }
        // STATUS answers who and how long, with an empty key payload.
        a = RawAgent.ask(sock, RawAgent.frame([3]))
        XCTAssertEqual(a[4], 0)
        XCTAssertEqual(Array(a.suffix(2)), [0, 0], "the key payload of a STATUS answer is empty")
        assertNoKey(a, keys, "STATUS")
        // Every other op byte (LOCK last), with and without the vault id.
        for op in (0...255).map(UInt8.init) where op != 2 && op != 4 {
            for body in [[op], [op] + vid] {
                a = RawAgent.ask(sock, RawAgent.frame(body))
                assertNoKey(a, keys, "op \(op)")
                XCTAssertTrue(op == 3 || (a.count > 4 && a[4] == 2), "op \(op) is refused")
            }
        }
        // RUN: every session command, with the outputs that show the most.
        for args in [["tx", "list", "--json"], ["tx", "list", "--csv"], ["tx", "export", "--format", "jsonl"], ["tx", "summary", "--json"],
                     ["account", "list", "--json"], ["account", "show", "unionpay-main", "--reveal", "--json"],
                     ["account", "history", "unionpay-main", "--reveal", "--json"], ["account", "find", "--username", "x"],
                     ["verify", "--json"], ["audit", "list", "--json"], ["user", "show", "admin"], ["user", "list", "--json"], ["status", "--json"]] {
            let r = rawRun(args)
            XCTAssertNotNil(r.answer, "\(args)")
            assertNoKey(r.raw, keys, "\(args)")
        }
        XCTAssertTrue(rawRun(["account", "show", "unionpay-main", "--reveal"]).stdout.contains("Merchant-Secret-1"), "the agent did the work")
        // Commands outside the session's set are not run at all, whatever they would print.
        let before = vaultBytes()
        for args in [["keygen", "--output", dir + "/k"], ["backup", "create", "--to", dir + "/b.age"], ["info", "--json"],
                     ["user", "passwd"], ["user", "totp", "enable"], ["recover", "setup"], ["recover", "codes", "--regenerate"],
                     ["recover", "codes"], ["unlock", "--user", "admin"], ["agent"], ["lock"], ["rekey"], ["upgrade"]] {
            let r = rawRun(args)
            XCTAssertEqual(r.status, 11, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("the session agent refused the request: a session runs only"), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            assertNoKey(r.raw, keys, "\(args)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/k"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/b.age"))
        XCTAssertEqual(vaultBytes(), before, "refused requests wrote nothing")
        XCTAssertTrue(alive(pid))
        // The real client still works, and an old client's GET is refused in the voice it prints.
        XCTAssertEqual(cli(["tx", "add", "--amount", "1.00"]).status, 0)
    }

    // MARK: role and identity come from the session, not from the request

    func testCashierSessionCannotDoAdminOperationsThroughCraftedRequests() throws {
        initVault()
        addCashier("lin")
        XCTAssertEqual(admin(["account", "add", "--label", "unionpay-main", "--secret-stdin"], stdin: "Merchant-Secret-1\n").status, 0)
        XCTAssertEqual(admin(["tx", "add", "--amount", "9.00"]).status, 0)
        let adminKeys = try keysOf("admin", adminPassword)
        let pid = try unlock("lin", cashierPassword)
        let before = vaultBytes()
        // Admin and manager operations, as the agent's own library checks refuse them for a cashier.
        for (args, stdin, needs) in [(["account", "list"], "", "read merchant accounts"),
                                     (["account", "show", "unionpay-main", "--reveal"], "", "read merchant accounts"),
                                     (["account", "history", "unionpay-main", "--reveal"], "", "read merchant accounts"),
                                     (["account", "find", "--username", "x"], "", "read merchant accounts"),
                                     (["account", "add", "--label", "evil", "--secret-stdin"], "s3cret\n", "cashier role"),
                                     (["account", "edit", "unionpay-main", "--secret", "--secret-stdin"], "attacker\n", "cashier role"),
                                     (["account", "remove", "unionpay-main", "--yes"], "", "cashier role"),
                                     (["tx", "export"], "", "read, export and summarise all transactions"),
                                     (["tx", "list", "--operator", "admin"], "", "read, export and summarise all transactions"),
                                     // Operator management and settings run in a session too, as the
                                     // session's cashier: the library's checks refuse them.
                                     (["user", "add", "mallory", "--role", "admin", "--generate"], "", "add operators"),
                                     (["user", "role", "lin", "admin", "--generate"], "", "change an operator's role"),
                                     (["policy", "set", "min-length", "14"], "", "change the password policy"),
                                     (["audit", "list"], "", "read the audit log"),
                                     (["user", "list"], "", "list operators")] as [([String], String, String)] {
            let r = rawRun(args, stdin: stdin)
            XCTAssertEqual(r.status, 11, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(needs), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stdout.contains("Merchant-Secret-1"))
            assertNoKey(r.raw, adminKeys, "\(args)")
        }
        // Recovery material and commands that need no operator are not session commands at all.
        for args in [["recover", "setup"], ["recover", "codes", "--regenerate"], ["user", "passwd"], ["backup", "list", dir!]] {
            let r = rawRun(args)
            XCTAssertEqual(r.status, 11, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("a session runs only"), "\(args): \(r.stderr)")
        }
        XCTAssertEqual(maskingErasedFrames(vaultBytes(), like: before), before, "nothing was written by the refused requests")
        // What a cashier may do, she does as herself: her list shows her records only.
        let own = rawRun(["tx", "list", "--csv"])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertEqual(own.stdout.split(separator: "\n").count, 1, "the admin's record is not hers: \(own.stdout)")
        XCTAssertTrue(alive(pid))
    }

    func testRequestClaimingAnotherOperatorIsRefused() throws {
        initVault()
        addCashier("lin")
        let pid = try unlock("lin", cashierPassword)
        let before = vaultBytes()
        // --user in any spelling, with or without a password: the agent does no logins.
        for (args, stdin) in [(["tx", "add", "--amount", "1", "--user", "admin"], ""),
                              (["tx", "add", "--amount", "1", "--user=admin"], ""),
                              (["account", "list", "--user", "admin", "--password-stdin"], adminPassword + "\n"),
                              (["tx", "export", "--user", "admin", "--password-file", dir + "/pw"], "")] as [([String], String)] {
            let r = rawRun(args, stdin: stdin)
            XCTAssertEqual(r.status, 11, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("the session acts as lin (cashier); a request cannot name an operator"), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(maskingErasedFrames(vaultBytes(), like: before), before)
        // The environment does not name the actor either: the record is lin's.
        let r = rawRun(["tx", "add", "--amount", "2.50", "--json"], env: ["VAULTCLI_USER": "admin"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["operator"] as? String, "lin")
        // A request for another vault: by id, or by a path to another vault file.
        var other = vaultId; other[0] ^= 1
        let w = rawRun(["tx", "add", "--amount", "1"], vaultId: other)
        XCTAssertEqual(w.answer, [1], "wrong vault")
        let second = dir + "/second"
        XCTAssertEqual(vaultcli(["init", "--vault", second, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
        let secondBefore = FileManager.default.contents(atPath: second)!
        let s = rawRun(["tx", "add", "--amount", "1", "--vault", second])
        XCTAssertEqual(s.status, 11, s.stderr)
        XCTAssertTrue(s.stderr.contains("its session is for vault"), s.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: second), secondBefore)
        XCTAssertTrue(alive(pid))
    }

    /// The agent's refusals of a forwarded request, in the client's language: each in Chinese,
    /// with no English sentence and not the "details only in English" fallback.
    func testRefusalsOfForwardedRequestsInChinese() throws {
        initVault()
        addCashier("lin")
        let pid = try unlock("lin", cashierPassword)
        let zh = ["VAULTCLI_LANG": "zh-Hans"]
        func check(_ r: RawRun, _ expected: String, _ what: String) { check(r.status, r.stderr, expected, what) }
        func check(_ status: Int32?, _ stderr: String, _ expected: String, _ what: String) {
            let r = (status: status, stderr: stderr)
            XCTAssertEqual(r.status, 11, "\(what): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(what): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("--lang en"), "\(what) fell back to English: \(r.stderr)")
            XCTAssertEqual(EnglishText.sentences(in: r.stderr), [], "\(what): \(r.stderr)")
        }
        check(rawRun(["tx", "add", "--amount", "1", "--user", "admin"], env: zh), "会话以 lin（收银员）的身份操作；请求不能指定操作员", "--user")
        check(rawRun(["recover", "setup"], env: zh), "会话只运行 `tx add|list|import|export|summary`、", "recover setup")
        // Through the real client: $VAULTCLI_USER names someone other than the session's operator.
        let named = vaultcli(["user", "list", "--vault", vault], env: ["XDG_RUNTIME_DIR": runDir, "VAULTCLI_USER": "admin", "VAULTCLI_LANG": "zh-Hans"])
        check(named.status, named.stderr, "但 $VAULTCLI_USER 指定的是 admin", "VAULTCLI_USER")
        let second = dir + "/second"
        XCTAssertEqual(vaultcli(["init", "--vault", second, "--admin", "admin", "--password-stdin", "--terminal-id", "T-0018"], stdin: adminPassword + "\n").status, 0)
        check(rawRun(["tx", "add", "--amount", "1", "--vault", second], env: zh), "这个会话属于保险库 ", "another vault")
        // English is as it was.
        let en = rawRun(["recover", "setup"], env: ["VAULTCLI_LANG": "en"])
        XCTAssertTrue(en.stderr.contains("a session runs only `tx add|list|import|export|summary`, "), en.stderr)
        XCTAssertTrue(alive(pid))
    }

    // MARK: bad frames

    func testMalformedAndOversizedFramesAreRefusedWithoutKillingTheAgent() throws {
        initVault()
        let pid = try unlock("admin", adminPassword)
        let sock = socketPath, vid = vaultId
        func refusal(_ a: [UInt8]) -> String? { a.count > 4 && a[4] == 2 ? String(decoding: a.dropFirst(5), as: UTF8.self) : nil }
        // Oversized: the length alone is refused, the body is never read.
        XCTAssertEqual(refusal(RawAgent.ask(sock, [0xFF, 0xFF, 0xFF, 0xFF]))?.contains("too large"), true)
        XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame([4, 2] + vid + [UInt8](repeating: 0x41, count: 70_000))))?.contains("too large"), true)
        // Empty, unknown, wrong version, truncated, trailing bytes, bad UTF-8, no descriptors.
        XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame([])))?.contains("empty request"), true)
        XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame([99, 1, 2])))?.contains("unknown request"), true)
        XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame(RawAgent.run(vaultId: vid, ["tx", "list"], env: [:], version: 1))))?.contains("protocol version 1"), true)
        let good = RawAgent.run(vaultId: vid, ["tx", "list"], env: [:])
        for bad in [Array(good.prefix(10)), Array(good.dropLast()), good + [0], [4, 2] + vid + [1, 0, 2, 0, 0xC3, 0x28, 0, 0], [4, 2] + vid + [0xFF, 0xFF]] {
            XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame(bad)))?.contains("malformed"), true, "\(bad.count) bytes")
        }
        XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame(good)))?.contains("must carry stdin"), true)
        // Too many descriptors (some, or more than the agent's buffer holds).
        for count in [7, 40] {
            let fds = (0..<count).map { _ in open("/dev/null", O_RDONLY) }
            XCTAssertEqual(refusal(RawAgent.ask(sock, RawAgent.frame(good), fds: fds))?.contains("too many descriptors"), true, "\(count) fds")
            for f in fds { close(f) }
        }
        // A frame cut short, then closed; a client that connects and says nothing (the agent
        // gives up after 2 s); a client that closes at once.
        var fd = RawAgent.connect(sock); RawAgent.send(fd, [10, 0, 0, 0, 4, 2]); close(fd)
        fd = RawAgent.connect(sock); close(fd)
        fd = RawAgent.connect(sock)
        let silent = RawAgent.readAll(fd)
        XCTAssertEqual(silent, [], "a silent client is dropped without an answer")
        close(fd)
        // Still serving: a real command works and the agent is the same process.
        XCTAssertTrue(alive(pid))
        let r = cli(["tx", "add", "--amount", "1.00"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(cli(["tx", "list", "--csv"]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(vaultcli(["verify", "--vault", vault, "--user", "admin", "--password-stdin"], stdin: adminPassword + "\n").status, 0)
    }

    /// A request cannot keep a session alive past its idle limit by never finishing: a command
    /// waiting on an input that never ends is killed with the session.
    func testAHangingRequestDoesNotOutliveTheIdleLimit() throws {
        initVault()
        let r = cli(["unlock", "--user", "admin", "--password-stdin", "--idle-timeout", "2", "--json"], stdin: adminPassword + "\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        let pid = try XCTUnwrap((r.json as? [String: Any])?["agent_pid"] as? Int)
        var inP: [Int32] = [0, 0], outP: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&inP), 0); XCTAssertEqual(pipe(&outP), 0)
        let cwd = open(dir, O_RDONLY | O_DIRECTORY)
        var env = CLIHarness.environment(["XDG_RUNTIME_DIR": runDir]); env["VAULTCLI_VAULT"] = vault
        let fd = RawAgent.connect(socketPath)
        // `account add --secret-stdin` reads a line from a pipe whose writer never writes or closes.
        RawAgent.send(fd, RawAgent.frame(RawAgent.run(vaultId: vaultId, ["account", "add", "--label", "x", "--secret-stdin"], env: env)),
                      fds: [inP[0], outP[1], outP[1], cwd])
        close(inP[0]); close(outP[1]); close(cwd)
        let answer = RawAgent.readAnswer(fd)  // the agent's 15 s receive limit is far beyond the 2 s idle limit
        XCTAssertNil(answer, "the command was ended, not answered")
        close(fd); close(inP[1]); close(outP[0])
        for _ in 0..<50 where alive(pid) { usleep(100_000) }
        XCTAssertFalse(alive(pid), "the agent ended")
        assertError(cli(["tx", "list"]), status: 5, contains: "the session ended: it was idle for more than")
        XCTAssertEqual((admin(["account", "list", "--json"]).json as? [Any])?.count, 0, "nothing was added")
    }

    // MARK: other users

    /// SO_PEERCRED, not only the file modes: with the directory and socket opened up (as root
    /// can), a process of another uid reaches the socket and is still refused.
    func testAnotherUidIsRefusedByPeerCredentials() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to run a client as another uid") }
        initVault()
        let pid = try unlock("admin", adminPassword)
        let sock = socketPath
        chmod(runDir, 0o711); chmod(runDir + "/vaultcli", 0o711); chmod(sock, 0o666)
        defer { chmod(runDir + "/vaultcli", 0o700); chmod(sock, 0o600) }
        let hex = vaultId.hexString
        let script = """
        import os, socket, struct, sys
        os.setgid(65534); os.setuid(65534)
        out = []
        for body in [bytes([3]), bytes([1]) + bytes.fromhex("\(hex)"), bytes([4, 2]) + bytes.fromhex("\(hex)") + b"\\x02\\x00\\x02\\x00tx\\x04\\x00list\\x00\\x00"]:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            try:
                s.sendall(struct.pack("<I", len(body)) + body)
            except OSError:
                pass  # the agent may refuse before it reads the request
            s.settimeout(10)
            data = b""
            while True:
                d = s.recv(65536)
                if not d: break
                data += d
            out.append(data[4:5].hex() + ":" + data[5:].decode(errors="replace"))
        print("\\n".join(out))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, sock]
        let o = Pipe(), e = Pipe()
        p.standardOutput = o; p.standardError = e
        try p.run(); p.waitUntilExit()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        let lines = out.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, out)
        for l in lines { XCTAssertEqual(String(l), "02:the client runs as another user") }
        XCTAssertTrue(alive(pid))
        chmod(runDir + "/vaultcli", 0o700); chmod(sock, 0o600)
        XCTAssertEqual(cli(["tx", "add", "--amount", "1.00"]).status, 0)
    }

    // MARK: the real client, through the agent

    func testEverySessionCommandRunsInTheAgentWithTheClientsFilesAndDirectory() throws {
        initVault()
        _ = try unlock("admin", adminPassword)
        // Relative paths are the client's (its working directory travels with the request).
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        func c(_ args: [String], stdin: String? = nil) -> CLIResult {
            vaultcli(args, stdin: stdin, env: ["XDG_RUNTIME_DIR": runDir, "VAULTCLI_VAULT": "vault"])
        }
        var r = c(["tx", "add", "--amount", "12.34", "--card", "622588******1234", "--reference", "R1", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((r.json as? [String: Any])?["operator"] as? String, "admin")
        r = c(["tx", "import", "-"], stdin: "id,time,amount,operator\nx1,2026-11-22T10:00:00Z,1.50,admin\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("imported 1"), r.stdout)
        r = c(["tx", "export", "-o", "out.csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8).split(separator: "\n").count, 3)
        r = c(["tx", "export", "-o", "out.csv"])
        XCTAssertEqual(r.status, 64, "an existing file is refused, in the agent as here: \(r.stderr)")
        XCTAssertEqual(c(["tx", "summary", "--json"]).json.map { ($0 as? [String: Any])?["records"] as? Int }, 2)
        XCTAssertEqual(c(["tx", "list", "--since", "2026-11-22", "--until", "2026-11-22", "--csv"]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(c(["account", "add", "--label", "up", "--username", "shop17", "--secret-stdin"], stdin: "Portal-Pw-1\n").status, 0)
        XCTAssertEqual(c(["account", "edit", "up", "--secret", "--secret-stdin"], stdin: "Portal-Pw-2\n").status, 0)
        XCTAssertTrue(c(["account", "show", "up", "--reveal"]).stdout.contains("Portal-Pw-2"))
        let history = try XCTUnwrap(c(["account", "history", "up", "--reveal", "--json"]).json as? [[String: Any]])
        XCTAssertEqual(history.filter { $0["field"] as? String == "secret" }.map { "\($0["new"]!)" }, ["Portal-Pw-1", "Portal-Pw-2"])
        XCTAssertEqual((c(["account", "find", "--username", "shop17", "--json"]).json as? [Any])?.count, 1)
        XCTAssertEqual(c(["account", "find", "--username", "nobody"]).status, 1, "exit statuses come back")
        XCTAssertEqual(c(["account", "remove", "up", "--yes"]).status, 0)
        XCTAssertEqual((c(["account", "list", "--json"]).json as? [Any])?.count, 0)
        // Usage errors come back from the agent in the parser's words and status.
        r = c(["tx", "list", "--json", "--csv"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("choose one of --json and --csv"), r.stderr)
        // The client's time zone applies (the agent's own, and whatever an earlier request had, do not).
        for (tz, utc) in [("Asia/Shanghai", "2026-11-22T02:00:00Z"), ("UTC", "2026-11-22T10:00:00Z"), ("America/New_York", "2026-11-22T15:00:00Z")] {
            let t = vaultcli(["tx", "add", "--amount", "1", "--time", "2026-11-22T10:00:00", "--json"], env: ["XDG_RUNTIME_DIR": runDir, "VAULTCLI_VAULT": "vault", "TZ": tz])
            XCTAssertEqual((t.json as? [String: Any])?["time"] as? String, utc, "TZ=\(tz): \(t.stderr)")
        }
        // The agent's errors keep the documented voice and status.
        assertError(c(["account", "show", "nope"]), status: 1, contains: "no account is labelled")
    }
}
