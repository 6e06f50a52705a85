import Catalog
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Reading secrets: from /dev/tty without echo, from stdin, or from a file of mode 0600.
/// Each returns SecretBytes; intermediate buffers are wiped.
enum SecretInput {
    struct Failure: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .usage }
    }

    static func read(stdin: Bool, file: String?, prompt: String, confirm: Bool) throws -> SecretBytes {
        if stdin { return try readLine(fd: STDIN_FILENO, source: tr(.srcStandardInput)) }
        if let file { return try readFile(file) }
        return try readTTY(prompt: prompt, confirm: confirm)
    }

    /// One line from a file descriptor, without the trailing newline (CR LF or LF).
    static func readLine(fd: Int32, source: String, allowEmpty: Bool = false) throws -> SecretBytes {
        var buf: [UInt8] = []
        defer { wipe(&buf) }
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(fd, &byte, 1)
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: source, operation: "read the password from", errno: errno) }
            if n == 0 || byte == 0x0A { break }
            buf.append(byte)
            if buf.count > 4096 { throw Failure(message: tr(.pwTooLong, source), hints: []) }
        }
        byte = 0
        if buf.last == 0x0D { buf.removeLast() }
        if buf.isEmpty && !allowEmpty { throw Failure(message: tr(.pwNoneGiven, source), hints: [tr(.pwNoneGivenHint)]) }
        return try SecretBytes(copying: buf)
    }

    /// A password file must belong to the user and be unreadable by group and others.
    static func readFile(_ path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { throw VaultError.io(path: path, operation: "open the password file", errno: errno) }
        defer { close(fd) }
        try LooseSecretFile.check(fd: fd, path: path, what: "password file")
        return try readLine(fd: fd, source: path)
    }

    /// In the session agent: the client's terminal (sent with the request), for prompts.
    nonisolated(unsafe) static var terminalFD: Int32?

    /// Whether a password can be asked for on a terminal (this process has one, or the agent
    /// was sent the client's).
    static var terminalAvailable: Bool {
        if terminalFD != nil { return true }
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        if fd < 0 { return false }
        close(fd)
        return true
    }

    /// Prompts on /dev/tty (in the session agent, the client's terminal) with echo off. Asked
    /// twice when `confirm`.
    static func readTTY(prompt: String, confirm: Bool) throws -> SecretBytes {
        let fd = terminalFD.map { dup($0) } ?? open("/dev/tty", O_RDWR | O_CLOEXEC)
        if fd < 0 {
            throw Failure(message: tr(.pwNoTerminal), hints: [tr(.pwNoTerminalHint)])
        }
        defer { close(fd) }
        let first = try promptOnce(fd: fd, prompt: prompt)
        if !confirm { return first }
        let second = try promptOnce(fd: fd, prompt: repeatPrompt(prompt))
        if first != second { throw Failure(message: tr(.pwDiffer), hints: [tr(.pwDifferHint)]) }
        return first
    }

    /// A new password typed at the terminal, twice, checked by `check` (the broken rules, or
    /// none). A refused or mistyped one is asked again, up to `attempts` times in all, with the
    /// reasons shown; nothing else (the current password, a one-time code) is asked again.
    static func readNewTTY(prompt: String, attempts: Int = 3, check: (SecretBytes) -> [PolicyViolation]) throws -> SecretBytes {
        let fd = terminalFD.map { dup($0) } ?? open("/dev/tty", O_RDWR | O_CLOEXEC)
        if fd < 0 {
            // In the session agent a request carries no standard input (and --password-stdin
            // names an operator, which a session refuses): say what works there.
            throw Failure(message: tr(.pwNoTerminal),
                          hints: AgentRunner.job != nil ? [tr(.pwNoTerminalSessionHint)] : [tr(.pwNoTerminalHint)])
        }
        defer { close(fd) }
        func say(_ s: String) { _ = s.withCString { Glibc.write(fd, $0, strlen($0)) } }
        var last: Error = Failure(message: tr(.pwNoneGiven, tr(.srcTheTerminal)), hints: [])
        for attempt in 1...attempts {
            let left = attempts - attempt
            let first = try promptOnce(fd: fd, prompt: prompt)
            let second = try promptOnce(fd: fd, prompt: repeatPrompt(prompt))
            if first != second {
                last = Failure(message: tr(.pwDiffer), hints: [tr(.pwDifferHint)])
                if left > 0 { say(tr(.pwDifferRetry, left) + "\n") }
                continue
            }
            let broken = check(first)
            if broken.isEmpty { return first }
            last = OperatorError.policy(violations: broken)
            if left > 0 {
                say(tr(.pwPolicyRetry) + "\n" + broken.map { "  - \(PolicyText.render($0))\n" }.joined() + tr(.pwPolicyRetryFooter, left) + "\n")
            }
        }
        throw last
    }

    /// Asks the terminal for a line that is not a secret (shown as typed), or nil when there is
    /// no terminal. An empty line is refused unless `allowEmpty`.
    static func askTTY(_ prompt: String, allowEmpty: Bool = false) throws -> String? {
        var fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        // In the session agent a command has no controlling terminal, but its stdin may be the
        // client's terminal (passed to it): ask there.
        if fd < 0 && isatty(STDIN_FILENO) == 1 { fd = dup(STDIN_FILENO) }
        if fd < 0 { return nil }
        defer { close(fd) }
        _ = prompt.withCString { Glibc.write(fd, $0, strlen($0)) }
        let line = try readLine(fd: fd, source: tr(.srcTheTerminal), allowEmpty: allowEmpty)
        return line.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    private static func promptOnce(fd: Int32, prompt: String) throws -> SecretBytes {
        // Echo goes off before the prompt is shown, as getpass(3) does: what is typed once the
        // prompt is visible is never flushed away or echoed.
        var old = termios()
        let haveTermios = tcgetattr(fd, &old) == 0
        if haveTermios {
            var noecho = old
            noecho.c_lflag &= ~tcflag_t(ECHO)
            noecho.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &noecho)
        }
        defer { if haveTermios { tcsetattr(fd, TCSAFLUSH, &old) } }
        _ = prompt.withCString { Glibc.write(fd, $0, strlen($0)) }
        return try readLine(fd: fd, source: tr(.srcTheTerminal))
    }

    /// "Repeat new password for ana: " (the prompt, asked a second time).
    static func repeatPrompt(_ prompt: String) -> String {
        Lang.current == .en ? tr(.promptRepeat, "\(prompt.prefix(1).lowercased())\(prompt.dropFirst())") : tr(.promptRepeat, prompt)
    }
}
