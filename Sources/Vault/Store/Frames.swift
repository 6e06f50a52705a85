import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// A frame to append.
struct PendingFrame {
    var kind: FrameKind
    var keyClass: KeyClass
    var subject: [UInt8] = FrameHeader.zeroSubject
    var body: [UInt8]
    /// Format v2: the signing key that vouches for the body (A.10).
    var signer: Signer = .none
    /// For `.sealed`: the body is already a sealed box (compaction copies it as it is).
    var preSealed = false
    /// An unsigned record of an AEAD class (accounts, key copies: they may hold secrets): the
    /// plaintext, built in locked memory and sealed from there; `body` is then empty.
    var lockedBody: SecretBytes? = nil

    var bodyCount: Int { lockedBody?.count ?? body.count }
}

extension PendingFrame {
    /// A record whose plaintext is in locked memory (never signed: FrameRules).
    init(kind: FrameKind, keyClass: KeyClass, subject: [UInt8], lockedBody: SecretBytes) {
        precondition(keyClass.isAEAD, "a locked body is sealed under a data key")
        self.init(kind: kind, keyClass: keyClass, subject: subject, body: [], lockedBody: lockedBody)
    }
}

/// One frame as read back, authenticated.
struct OpenedFrame {
    var offset: Int
    var header: FrameHeader
    /// The plaintext body (without its signature); nil when the reader holds no key for its class.
    var body: [UInt8]?
    /// A record read with `locked` (unsigned, AEAD class): the plaintext, decrypted straight into
    /// locked memory, instead of `body`.
    var lockedBody: SecretBytes? = nil
    /// For signed frames: the signature, already checked unless the read asked otherwise.
    var signature: [UInt8]? = nil
    var headerBytes: [UInt8] = []
}
