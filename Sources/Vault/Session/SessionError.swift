import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

public enum SessionError: UserFacingError, Equatable {
    case noSession(vaultPath: String)
    case ended(reason: String)
    case agentGone
    case refused(SessionRefusal)
    case insecureDirectory(String)
    case operatorChanged(String)
    /// The agent ran nothing: the request asked for something a session does not do.
    case requestRefused(String)

    public var message: String {
        switch self {
        case .noSession(let p): "no session is open for the vault at \(p), and no --user was given"
        case .ended(let r): "the session ended: \(r)"
        case .agentGone: "the session agent is not running any more (it was stopped or crashed); the session is over"
        case .refused(let s): "the session agent refused: \(s)"
        case .insecureDirectory(let s): "refusing the session directory: \(s)"
        case .operatorChanged(let s): "the session is no longer valid: \(s)"
        case .requestRefused(let s): "the session agent refused the request: \(s)"
        }
    }

    public var hints: [String] {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged:
            ["start a session with `vaultcli unlock --user NAME`, or give --user NAME to this command (it asks for the password)"]
        case .refused: ["run `vaultcli lock`, then `vaultcli unlock --user NAME` with this vaultcli"]
        case .insecureDirectory: ["the directory must belong to you and have mode 0700; remove it and try again"]
        case .requestRefused: ["a session runs the commands its operator's role allows, as that operator; changing a password, one-time codes or recovery material, or acting as someone else, takes --user NAME (it asks for the password)"]
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .noSession, .ended, .agentGone, .operatorChanged: .authenticationFailed
        case .refused, .insecureDirectory, .requestRefused: .permissionDenied
        }
    }
}
