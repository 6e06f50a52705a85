import FoundationEssentials

/// What a full scan found.
public struct ScanReport: Sendable {
    public var frames = 0
    public var framesByKind: [String: Int] = [:]
    public var verifiedFrames = 0
    /// Frames whose class the reader holds no key for: structure and chain checked, contents not.
    public var unverifiableFrames = 0
    public var bytes = 0
    public var tornTailBytes = 0
    public var uncommittedFrames = 0
    /// What the scan noticed that is not damage (the CLI words each note in the user's language).
    public var notes: [ScanNote] = []
    /// The notes in the library's English (`verify --json` prints them as they are).
    public var problems: [String] { notes.map(\.english) }
}

/// Something a scan noticed that is not damage.
public enum ScanNote: Equatable, Sendable {
    /// An interrupted write left `bytes` bytes (`frames` incomplete frames) after the last
    /// complete frame: no acknowledged data, ignored, removed by the next write.
    case interruptedWrite(bytes: Int, frames: Int)

    public var english: String {
        switch self {
        case .interruptedWrite(let b, let f):
            "an interrupted write left \(b) bytes (\(f) incomplete frame(s)) after the last complete one; they held no acknowledged data and are ignored (the next write removes them)"
        }
    }
}
