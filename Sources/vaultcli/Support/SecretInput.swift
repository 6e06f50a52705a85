import FoundationEssentials
import Vault
#if canImport(Glibc)
import Glibc
#endif

/// Reading secrets: from /dev/tty without echo, from stdin, or from a file of mode 0600.
/// Each returns SecretBytes; intermediate buffers are wiped.
enum SecretInput {
    struct Failure: UserFacingError {
        let message: String
        let hints: [String]
        var exitCode: ExitStatus { .usage }
    }

    static func read(stdin: Bool, file: String?, prompt: String, confirm: Bool) throws -> SecretBytes {
        if stdin { return try readLine(fd: STDIN_FILENO, source: "standard input") }
        if let file { return try readFile(file) }
        return try readTTY(prompt: prompt, confirm: confirm)
    }

    /// One line from a file descriptor, without the trailing newline (CR LF or LF).
    static func readLine(fd: Int32, source: String) throws -> SecretBytes {
        var buf: [UInt8] = []
        defer { wipe(&buf) }
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(fd, &byte, 1)
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: source, operation: "read the password from", errno: errno) }
            if n == 0 || byte == 0x0A { break }
            buf.append(byte)
            if buf.count > 4096 { throw Failure(message: "the password from \(source) is longer than 4096 bytes", hints: []) }
        }
        byte = 0
        if buf.last == 0x0D { buf.removeLast() }
        if buf.isEmpty { throw Failure(message: "no password was given on \(source)", hints: ["pipe the password in, one line, e.g. from a file of mode 0600"]) }
        return try SecretBytes(copying: buf)
    }

    /// A password file must belong to the user and be unreadable by group and others.
    static func readFile(_ path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { throw VaultError.io(path: path, operation: "open the password file", errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw VaultError.io(path: path, operation: "stat", errno: errno) }
        if st.st_mode & 0o077 != 0 {
            throw Failure(message: "the password file \(path) can be read by others (mode \(String(st.st_mode & 0o777, radix: 8)))",
                          hints: ["run `chmod 600 \(path)` and try again"])
        }
        return try readLine(fd: fd, source: path)
    }

    /// Prompts on /dev/tty with echo off. Asked twice when `confirm`.
    static func readTTY(prompt: String, confirm: Bool) throws -> SecretBytes {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        if fd < 0 {
            throw Failure(message: "no terminal to ask for the password",
                          hints: ["use --password-stdin or --password-file PATH (mode 0600) when running without a terminal"])
        }
        defer { close(fd) }
        let first = try promptOnce(fd: fd, prompt: prompt)
        if !confirm { return first }
        let second = try promptOnce(fd: fd, prompt: "Repeat \(prompt.prefix(1).lowercased())\(prompt.dropFirst())")
        if first != second { throw Failure(message: "the two passwords differ; nothing was changed", hints: ["try again"]) }
        return first
    }

    private static func promptOnce(fd: Int32, prompt: String) throws -> SecretBytes {
        _ = prompt.withCString { Glibc.write(fd, $0, strlen($0)) }
        var old = termios()
        let haveTermios = tcgetattr(fd, &old) == 0
        if haveTermios {
            var noecho = old
            noecho.c_lflag &= ~tcflag_t(ECHO)
            noecho.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &noecho)
        }
        defer { if haveTermios { tcsetattr(fd, TCSAFLUSH, &old) } }
        return try readLine(fd: fd, source: "the terminal")
    }
}
