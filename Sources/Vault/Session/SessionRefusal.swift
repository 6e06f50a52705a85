import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why the session agent refused a request or the client refused its answer
/// (`SessionError.refused`). `description` is the English text: it is what the agent sends on
/// the wire (docs/SESSIONS.md, an answer of status 2 carries the reason as UTF-8 text), so a
/// client parses it back with `init(wire:)`; a text it does not know (an agent of another
/// version) is kept as `.text`.
public enum SessionRefusal: Equatable, Sendable, CustomStringConvertible {
    /// The agent's refusals.
    case otherUser
    case tooLarge(bytes: Int, max: Int)
    case tooManyDescriptors
    case emptyRequest
    case neverHandsOutKeys
    case protocolVersion(request: Int, agent: Int)
    case malformedRequest
    case missingDescriptors
    case busy(commands: Int)
    /// fork failed; `reason` is strerror's words.
    case cannotStart(reason: String)
    case unknownRequest(op: Int)
    /// The client's: the agent's answer does not decode, or is for another vault.
    case malformedAnswer
    case otherVault
    /// `unlock`: the agent did not say it was ready; `detail` is what it said instead, if anything.
    case didNotStart(detail: String?)
    /// A refusal text this build does not know.
    case text(String)

    public var description: String {
        switch self {
        case .otherUser: "the client runs as another user"
        case .tooLarge(let n, let m): "the request is too large (\(n) bytes; at most \(m))"
        case .tooManyDescriptors: "the request carries too many descriptors"
        case .emptyRequest: "an empty request"
        case .neverHandsOutKeys: "this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)"
        case .protocolVersion(let v, let a): "the request is of protocol version \(v); this agent speaks \(a)"
        case .malformedRequest: "a malformed request"
        case .missingDescriptors: "the request must carry stdin, stdout, stderr and the working directory"
        case .busy(let n): "it is busy with \(n) commands; try again"
        case .cannotStart(let r): "cannot start the command (fork: \(r))"
        case .unknownRequest(let op): "an unknown request (\(op))"
        case .malformedAnswer: "a malformed answer"
        case .otherVault: "it holds a session for another vault"
        case .didNotStart(nil): "the session agent did not start"
        case .didNotStart(let d?): "the session agent did not start: \(d)"
        case .text(let s): s
        }
    }

    /// The refusal an agent sent as text.
    public init(wire s: String) {
        func between(_ prefix: String, _ suffix: String) -> String? {
            guard s.hasPrefix(prefix), s.hasSuffix(suffix), s.count >= prefix.count + suffix.count else { return nil }
            return String(s.dropFirst(prefix.count).dropLast(suffix.count))
        }
        let fixed: [SessionRefusal] = [.otherUser, .tooManyDescriptors, .emptyRequest, .neverHandsOutKeys, .malformedRequest,
                                       .missingDescriptors, .malformedAnswer, .otherVault]
        if let f = fixed.first(where: { $0.description == s }) { self = f; return }
        if let t = between("the request is too large (", ")"), let semi = t.firstRange(of: " bytes; at most "),
           let n = Int(t[..<semi.lowerBound]), let m = Int(t[semi.upperBound...]) { self = .tooLarge(bytes: n, max: m); return }
        if let t = between("the request is of protocol version ", ""), let semi = t.firstRange(of: "; this agent speaks "),
           let v = Int(t[..<semi.lowerBound]), let a = Int(t[semi.upperBound...]) { self = .protocolVersion(request: v, agent: a); return }
        if let t = between("it is busy with ", " commands; try again"), let n = Int(t) { self = .busy(commands: n); return }
        if let t = between("cannot start the command (fork: ", ")") { self = .cannotStart(reason: t); return }
        if let t = between("an unknown request (", ")"), let op = Int(t) { self = .unknownRequest(op: op); return }
        self = .text(s)
    }
}
