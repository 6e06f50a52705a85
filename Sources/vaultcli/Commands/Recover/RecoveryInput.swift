import Catalog
import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Reading recovery secrets (codes and answers): from stdin lines or from /dev/tty without echo.
/// Unlike passwords, an answer may be left empty (a skipped question).
enum RecoveryInput {
    /// Where the secrets come from.
    enum Source {
        case stdin
        case terminal(fd: Int32)
    }

    /// Opens the terminal, or explains how to run without one.
    static func open(stdin: Bool) throws -> Source {
        if stdin { return .stdin }
        let fd = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
        if fd < 0 {
            throw SecretInput.Failure(message: tr(.riNoTerminal), hints: [tr(.riNoTerminalHint)])
        }
        return .terminal(fd: fd)
    }

    static func close(_ s: Source) { if case .terminal(let fd) = s { _ = Glibc.close(fd) } }

    /// Writes text to the terminal (prompts go there, never to stdout), or to stderr when the
    /// secrets come from stdin and stderr is a terminal.
    static func show(_ text: String, on s: Source) {
        switch s {
        case .terminal(let fd): _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        case .stdin: if Diagnostics.stderrIsTTY { Diagnostics.write(text) }
        }
    }

    /// One secret line; nil when it is empty. `echo` is off on a terminal.
    static func line(_ prompt: String, from s: Source, allowEmpty: Bool, what: String) throws -> SecretBytes? {
        let fd: Int32
        switch s {
        case .stdin: fd = STDIN_FILENO
        case .terminal(let t): fd = t
        }
        var old = termios()
        let isTTY = { if case .terminal = s { return true } else { return false } }()
        let haveTermios = isTTY && tcgetattr(fd, &old) == 0
        // Echo goes off before the prompt is shown, as getpass(3) does (and SecretInput): an
        // answer typed once the prompt is visible is never flushed away by TCSAFLUSH, which
        // left the command waiting for a line that had already been typed.
        if haveTermios {
            var noecho = old
            noecho.c_lflag &= ~tcflag_t(ECHO)
            noecho.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &noecho)
        }
        // The prompt shows once echo is off (as getpass(3) does): what is typed after it is
        // visible is never flushed away by the TCSAFLUSH above.
        if case .terminal = s { show(prompt, on: s) }
        defer { if haveTermios { tcsetattr(fd, TCSAFLUSH, &old) } }
        if case .terminal = s { show(prompt, on: s) }
        var buf: [UInt8] = []
        defer { wipe(&buf) }
        var byte: UInt8 = 0
        var sawAny = false
        while true {
            let n = Glibc.read(fd, &byte, 1)
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: isTTY ? tr(.srcTheTerminal) : tr(.srcStandardInput), operation: "read \(what) from", errno: errno) }
            if n == 0 { break }
            sawAny = true
            if byte == 0x0A { break }
            buf.append(byte)
            if buf.count > 4096 { throw SecretInput.Failure(message: tr(.riTooLong, what), hints: []) }
        }
        byte = 0
        if !sawAny && !isTTY {
            throw SecretInput.Failure(message: tr(.riStdinEnded, what), hints: [tr(.riStdinEndedHint)])
        }
        if buf.last == 0x0D { buf.removeLast() }
        if buf.isEmpty {
            if allowEmpty { return nil }
            throw SecretInput.Failure(message: tr(.riEmpty, what), hints: [tr(.riEmptyHint)])
        }
        return try SecretBytes(copying: buf)
    }

    /// Asks each question; an empty answer skips it.
    static func answers(_ questions: [String], required: Int, from s: Source) throws -> [SecretBytes?] {
        show(tr(.riAnswerAtLeast, required, questions.count) + "\n", on: s)
        var out: [SecretBytes?] = []
        for (i, q) in questions.enumerated() {
            show("\(i + 1). \(q)\n", on: s)
            out.append(try line(tr(.promptAnswer), from: s, allowEmpty: true, what: tr(.whatAnswerTo, i + 1)))
        }
        return out
    }
}
