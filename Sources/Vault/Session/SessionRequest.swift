import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A command for the agent to run as the session's operator: a session command's arguments
/// (`tx add --amount 3.00`, `account show LABEL`, ...) and the environment it reads. The
/// client's stdin, stdout, stderr and working directory travel with it as descriptors.
public struct SessionRequest: Sendable {
    public var arguments: [String]
    public var environment: [String: String]

    public init(arguments: [String], environment: [String: String]) {
        self.arguments = arguments; self.environment = environment
    }

    /// The environment variables a session command reads (vault path, state directory, lock
    /// wait, time zone, locale); nothing else is sent.
    public static func environmentToSend(_ env: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        let names: Set<String> = ["HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "TZ", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES",
                                  "LC_TIME", "LC_NUMERIC", "PATH", "TMPDIR", "TERM", "COLUMNS", "NO_COLOR"]
        return env.filter { names.contains($0.key) || $0.key.hasPrefix("VAULTCLI_") }
    }

    /// `u8 op 4 | u8 version | vault id (16) | u16 count, u16-length arguments | u16 count, u16-length "NAME=value"`.
    func encode(vaultId: [UInt8]) throws -> [UInt8] {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let size = 22 + (arguments + env).reduce(0) { $0 + 2 + $1.utf8.count }
        guard size <= AgentWire.maxMessage, arguments.count < 1 << 16, env.count < 1 << 16 else {
            throw VaultError.input(.requestTooLong(bytes: size, max: AgentWire.maxMessage))
        }
        var w = ByteWriter(capacity: size)
        w.u8(AgentWire.run); w.u8(AgentWire.runVersion); w.raw(vaultId)
        w.u16(UInt16(arguments.count)); for a in arguments { w.string16(a) }
        w.u16(UInt16(env.count)); for e in env { w.string16(e) }
        return w.bytes
    }

    enum DecodeFailure: Error { case version(UInt8), malformed }

    /// Parses a RUN request (after the op byte): the vault id it names, and the request.
    static func decode(_ b: ArraySlice<UInt8>) throws(DecodeFailure) -> (vaultId: [UInt8], request: SessionRequest) {
        var r = ByteReader(Array(b))
        do {
            let v = try r.u8()
            guard v == AgentWire.runVersion else { throw DecodeFailure.version(v) }
            let vid = try r.array(16)
            var args: [String] = []
            for _ in 0..<Int(try r.u16()) {
                let a = try r.blob16()
                guard let s = String(validating: a, as: UTF8.self), !s.utf8.contains(0) else { throw DecodeFailure.malformed }
                args.append(s)
            }
            var env: [String: String] = [:]
            for _ in 0..<Int(try r.u16()) {
                let e = try r.blob16()
                guard let s = String(validating: e, as: UTF8.self), !s.utf8.contains(0), let eq = s.firstIndex(of: "="),
                      eq != s.startIndex else { throw DecodeFailure.malformed }
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            guard r.atEnd else { throw DecodeFailure.malformed }
            return (vid, SessionRequest(arguments: args, environment: env))
        } catch let e as DecodeFailure {
            throw e
        } catch {
            throw .malformed
        }
    }
}

/// What the agent hands the command runner for one request, in the process that runs it.
public struct SessionJob {
    /// The session's operator and keys, as `unlock` established them (never from the request).
    public let session: Session
    /// The vault this session belongs to (hex).
    public let vaultId: String
    public let request: SessionRequest
    /// The client's terminal, when it sent one (for prompts).
    public let terminalFD: Int32?
}
