import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The age v1 payload: a 16-byte nonce, then STREAM (ChaCha20-Poly1305 over 64 KiB chunks,
/// nonce = 11-byte big-endian counter || last-chunk flag).
enum AgeStream {
    static let chunkSize = 64 * 1024
    static let tagSize = 16
    static let encryptedChunkSize = chunkSize + tagSize
    static let nonceSize = 16
    /// Chunks handed to the sink at once (4 MiB of plaintext).
    static let chunksPerBatch = 64

    static func headerMACKey(_ fileKey: SecretBytes) throws -> SecretBytes {
        try HKDF.deriveSecret(ikm: fileKey, salt: [UInt8](), info: "header")
    }

    static func payloadKey(_ fileKey: SecretBytes, nonce: [UInt8]) throws -> SecretBytes {
        try HKDF.deriveSecret(ikm: fileKey, salt: nonce, info: "payload")
    }
}

/// The 12-byte nonce as a plain byte buffer.
struct StreamNonce {
    var bytes = [UInt8](repeating: 0, count: 12)
    var counter: UInt64 = 0

    mutating func set(last: Bool) {
        // An 88-bit big-endian counter: the top 3 bytes stay zero (2^64 chunks is far beyond
        // any file), then 8 bytes, then the last-chunk flag.
        var c = counter
        for i in stride(from: 10, through: 3, by: -1) {
            bytes[i] = UInt8(truncatingIfNeeded: c)
            c >>= 8
        }
        bytes[11] = last ? 1 : 0
    }

    mutating func increment() throws {
        guard counter < UInt64.max else { throw BackupError.payloadInvalid("too many chunks") }
        counter += 1
    }
}

/// Encrypts to age v1. Streams: memory stays constant whatever the input size.
public enum AgeEncryptor {
    /// Encrypts everything read from `input` (until end of file) to `output`.
    /// Binary unless `armor`. File descriptors stay open; the caller closes them.
    public static func encrypt(from input: Int32, to output: Int32, recipients: [AgeRecipient], armor: Bool = false) throws {
        let io = SystemIO()
        try encrypt(recipients: recipients, armor: armor,
                    read: { try readSome(io, fd: input, into: $0, path: "the input") },
                    write: { try writeAll(io, fd: output, $0, path: "the output") })
    }

    /// Checks a recipient list: at least one; a passphrase stands alone.
    static func validate(_ recipients: [AgeRecipient]) throws {
        if recipients.isEmpty { throw BackupError.noRecipients }
        let scrypts = recipients.filter { if case .scrypt = $0 { return true } else { return false } }.count
        if scrypts > 0 && recipients.count > 1 { throw BackupError.passphraseNotAlone }
    }

    /// The header and the payload key for a new file.
    /// `trailer`, given the header so far (version line and recipient stanzas), returns one
    /// more stanza to put last (the backup marker), covered by the header MAC like the others.
    static func makeHeader(recipients: [AgeRecipient], trailer: (([UInt8]) throws -> AgeStanza)? = nil) throws -> (header: [UInt8], payloadKey: SecretBytes) {
        try validate(recipients)
        let fileKey = try SecretBytes.random(count: AgeStanzaCrypto.fileKeySize)
        var stanzas = try recipients.map { try AgeStanzaCrypto.wrap(fileKey: fileKey, to: $0) }
        if let trailer { stanzas.append(try trailer(AgeHeader.encodeStanzas(stanzas))) }
        let macKey = try AgeStream.headerMACKey(fileKey)
        var header = try AgeHeader.encode(stanzas: stanzas) { bytes in macKey.withUnsafeBytes { HMACSHA256.mac(key: $0, message: bytes) } }
        let nonce = SecureRandom.bytes(AgeStream.nonceSize)
        header += nonce
        return (header, try AgeStream.payloadKey(fileKey, nonce: nonce))
    }

    /// The general form: plaintext from `read` (0 = end), the age file to `write`.
    /// `plaintextIsSecret`: false when the plaintext is no secret in memory (a backup's is the
    /// vault file, as it stands on disk), so its buffer need not be wiped.
    /// `pipelined`: `read` and the encryption run on a second thread, into a small pool of
    /// ciphertext buffers (`BufferPipe`), while `write` runs on this one (after the header,
    /// which is written here first); the bytes written are the same.
    static func encrypt(recipients: [AgeRecipient], armor: Bool, trailer: (([UInt8]) throws -> AgeStanza)? = nil,
                        plaintextIsSecret: Bool = true, pipelined: Bool = false,
                        read: @escaping ByteSource, write: @escaping ByteSink) throws {
        let (header, key) = try makeHeader(recipients: recipients, trailer: trailer)
        let encoder = armor ? try ArmorEncoder(sink: write) : nil
        let sink: ByteSink = encoder.map { e in { try e.write($0) } } ?? write
        try header.withUnsafeBytes { try sink($0) }

        let input = InputBuffer(capacity: AgeStream.chunksPerBatch * AgeStream.chunkSize + AgeStream.chunkSize + 1,
                                wipe: plaintextIsSecret, source: read)
        if pipelined {
            let payload = UncheckedSendable((input, key))
            try BufferPipe.run(count: AgeDecryptor.pipelineBuffers, size: 16 * AgeStream.encryptedChunkSize, label: "vaultcli.age-encrypt",
                               produce: { pipe in
                let first = try pipe.acquire()
                try encryptPayload(payload.value.0, key: payload.value.1, buffer: first, capacity: pipe.size) { p, n, last in
                    pipe.publish(p, count: n)
                    return last ? p : try pipe.acquire()
                }
            }, consume: sink)
        } else {
            // Ciphertext only: not wiped.
            let capacity = AgeStream.chunksPerBatch * AgeStream.encryptedChunkSize
            let out = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            defer { out.deallocate() }
            try encryptPayload(input, key: key, buffer: out, capacity: capacity) { p, n, _ in
                try sink(UnsafeRawBufferPointer(start: p, count: n))
                return p
            }
        }
        try encoder?.finish()
    }

    /// Encrypts everything `input` yields as STREAM chunks into `buffer`; each time it is full
    /// and at the end, `handOn(buffer, count, last)` takes the ciphertext (count > 0) and
    /// returns the buffer to fill next.
    private static func encryptPayload(_ input: InputBuffer, key: SecretBytes, buffer: UnsafeMutableRawPointer, capacity: Int,
                                       handOn: (UnsafeMutableRawPointer, Int, Bool) throws -> UnsafeMutableRawPointer) throws {
        precondition(capacity >= AgeStream.encryptedChunkSize)
        var out = buffer
        var outCount = 0
        var nonce = StreamNonce()
        try key.withUnsafeBytes { k in
            let kp = k.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while true {
                // Look one byte past the chunk: the last chunk is the one the input ends after.
                let avail = try input.fill(AgeStream.chunkSize + 1)
                let last = avail <= AgeStream.chunkSize
                let n = last ? avail : AgeStream.chunkSize
                nonce.set(last: last)
                if outCount + n + AgeStream.tagSize > capacity {
                    out = try handOn(out, outCount, false)
                    outCount = 0
                }
                let dst = (out + outCount).assumingMemoryBound(to: UInt8.self)
                let src = input.pointer.assumingMemoryBound(to: UInt8.self)
                let clen = nonce.bytes.withUnsafeBufferPointer { np in
                    ChaCha20Poly1305.sealChunk(src, count: n, nonce: np.baseAddress!, key: kp, into: dst)
                }
                outCount += clen
                input.consume(n)
                if last { break }
                try nonce.increment()
            }
        }
        // Never empty here: the last chunk has at least its tag.
        _ = try handOn(out, outCount, true)
    }
}

/// Decrypts age v1, strictly: every malformed header, wrong MAC, failed chunk, truncation or
/// trailing byte is an error. A chunk's plaintext reaches the sink only after its tag checked.
public enum AgeDecryptor {
    /// What was found in the header (no secrets).
    public struct HeaderInfo: Sendable, Equatable {
        /// The recipient stanzas' types (the backup marker is not one).
        public var stanzaTypes: [String]
        public var armored: Bool
        /// The backup marker, when the header has a well-formed one (not checked against a key).
        public var marker: BackupMarker? = nil
    }

    /// Decrypts `input` to `output`; armor is detected from the first bytes.
    @discardableResult
    public static func decrypt(from input: Int32, to output: Int32, identities: [AgeIdentity]) throws -> HeaderInfo {
        let io = SystemIO()
        return try decrypt(identities: identities, armor: nil,
                           read: { try readSome(io, fd: input, into: $0, path: "the input") },
                           write: { try writeAll(io, fd: output, $0, path: "the output") })
    }

    /// Finds the file key: tries each identity on the stanzas in order.
    static func unwrapFileKey(_ header: AgeHeader, identities: [AgeIdentity]) throws -> SecretBytes {
        if identities.isEmpty { throw BackupError.noIdentities }
        if header.stanzas.contains(where: { $0.type == "scrypt" }) && header.stanzas.count != 1 {
            throw BackupError.headerInvalid(.scryptNotAlone)
        }
        var passphraseTried = false
        for id in identities {
            var ourPublicKey: [UInt8]? = nil
            if case .x25519(let sk) = id { ourPublicKey = try X25519.publicKey(for: sk) }
            for s in header.stanzas {
                switch try AgeStanzaCrypto.unwrap(s, with: id, ourPublicKey: ourPublicKey) {
                case .fileKey(let fk): return fk
                case .incorrectIdentity:
                    if case .scrypt = id, s.type == "scrypt" { passphraseTried = true }
                }
            }
        }
        throw passphraseTried ? BackupError.wrongPassphrase : BackupError.noMatchingIdentity
    }

    /// The header read and checked, and the payload key: what decrypting the payload needs.
    struct Opened {
        /// Positioned at the first payload chunk (after the nonce).
        var input: InputBuffer
        var key: SecretBytes
        var info: HeaderInfo
    }

    /// Reads and checks the header (armor detected when `armor` is nil), unwraps the file key,
    /// checks the header MAC and reads the payload nonce.
    static func openHeader(identities: [AgeIdentity], armor: Bool?, read: @escaping ByteSource) throws -> Opened {
        // These buffers hold the header, armor text and ciphertext: nothing to wipe.
        let capacity = AgeStream.chunksPerBatch * AgeStream.encryptedChunkSize + AgeStream.encryptedChunkSize + 1
        let raw = InputBuffer(capacity: capacity, wipe: false, source: read)
        let armored = try armor ?? AgeArmor.looksArmored(raw)
        let input: InputBuffer
        if armored {
            // The detection above buffered some input already: hand it to the armor decoder
            // first, then the rest of the source.
            let outer = raw
            let inner = InputBuffer(capacity: 64 * 1024, wipe: false) { buf in try outer.read(into: buf) }
            let dec = ArmorDecoder(input: inner)
            input = InputBuffer(capacity: capacity, wipe: false) { try dec.read(into: $0) }
        } else {
            input = raw
        }

        let header = try AgeHeader.parse(input)
        let fileKey = try unwrapFileKey(header, identities: identities)
        let macKey = try AgeStream.headerMACKey(fileKey)
        let macOK = macKey.withUnsafeBytes { HMACSHA256.verify(tag: header.mac, key: $0, message: header.macInput) }
        guard macOK else { throw BackupError.headerMACMismatch }
        guard try input.fill(AgeStream.nonceSize) >= AgeStream.nonceSize else {
            throw BackupError.headerInvalid(.payloadNonceShort)
        }
        let nonce = Array(UnsafeRawBufferPointer(start: input.pointer, count: AgeStream.nonceSize))
        input.consume(AgeStream.nonceSize)
        let key = try AgeStream.payloadKey(fileKey, nonce: nonce)
        let info = HeaderInfo(stanzaTypes: header.stanzas.map(\.type).filter { $0 != BackupMarker.stanzaType }, armored: armored,
                              marker: BackupMarker.find(in: header))
        return Opened(input: input, key: key, info: info)
    }

    /// The general form. `armor`: nil = detect. On failure, plaintext already authenticated
    /// has been handed to `write` (chunk by chunk, as age does); nothing unauthenticated has.
    /// The plaintext buffer is wiped before it is released.
    @discardableResult
    static func decrypt(identities: [AgeIdentity], armor: Bool?, read: @escaping ByteSource, write: @escaping ByteSink) throws -> HeaderInfo {
        let opened = try openHeader(identities: identities, armor: armor, read: read)
        let capacity = AgeStream.chunksPerBatch * AgeStream.chunkSize
        let out = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer {
            memset(out, 0, capacity)
            out.deallocate()
        }
        try decryptPayload(opened.input, key: opened.key, buffer: out, capacity: capacity) { p, n, _ in
            try write(UnsafeRawBufferPointer(start: p, count: n))
            return p
        }
        return opened.info
    }

    /// The plaintext pool of `decryptPipelined`: 8 buffers of 1 MiB (16 chunks each).
    static let pipelineBuffers = 8
    static let pipelineBufferSize = 16 * AgeStream.chunkSize

    /// As `decrypt`, with the same checks and the same guarantee (only authenticated plaintext
    /// reaches `write`, in order), but the input is read and decrypted on a second thread,
    /// into a small pool of buffers (`BufferPipe`), while `write` runs on this one: decryption
    /// overlaps whatever `write` does (checking, writing to disk). For plaintext that is not
    /// secret in memory: the pool is not wiped. `read` runs on the second thread after the
    /// header was read on this one (never on both at once).
    @discardableResult
    static func decryptPipelined(identities: [AgeIdentity], armor: Bool?, read: @escaping ByteSource, write: ByteSink) throws -> HeaderInfo {
        let opened = try openHeader(identities: identities, armor: armor, read: read)
        let payload = UncheckedSendable(opened)
        try BufferPipe.run(count: pipelineBuffers, size: pipelineBufferSize, label: "vaultcli.age-decrypt", produce: { pipe in
            let first = try pipe.acquire()
            try decryptPayload(payload.value.input, key: payload.value.key, buffer: first, capacity: pipe.size) { p, n, last in
                pipe.publish(p, count: n)
                return last ? p : try pipe.acquire()
            }
        }, consume: write)
        return opened.info
    }

    /// Decrypts the STREAM payload into `buffer`; each time it is full (and at the end, and
    /// before a failure is reported), `handOn(buffer, count, last)` takes its authenticated
    /// bytes (count > 0) and returns the buffer to fill next.
    private static func decryptPayload(_ input: InputBuffer, key: SecretBytes, buffer: UnsafeMutableRawPointer, capacity: Int,
                                       handOn: (UnsafeMutableRawPointer, Int, Bool) throws -> UnsafeMutableRawPointer) throws {
        precondition(capacity >= AgeStream.chunkSize)
        var out = buffer
        var outCount = 0
        var nonce = StreamNonce()
        // Releases what is authenticated so far, then reports the failure.
        func fail(_ why: String) throws -> Never {
            if outCount > 0 { _ = try handOn(out, outCount, true) }
            outCount = 0
            throw BackupError.payloadInvalid(why)
        }
        try key.withUnsafeBytes { k in
            let kp = k.baseAddress!.assumingMemoryBound(to: UInt8.self)
            func open(_ n: Int, last: Bool) -> Bool {
                nonce.set(last: last)
                let dst = (out + outCount).assumingMemoryBound(to: UInt8.self)
                let src = input.pointer.assumingMemoryBound(to: UInt8.self)
                return nonce.bytes.withUnsafeBufferPointer { np in
                    ChaCha20Poly1305.openChunk(src, count: n, nonce: np.baseAddress!, key: kp, into: dst)
                }
            }
            while true {
                if outCount + AgeStream.chunkSize > capacity {
                    out = try handOn(out, outCount, false)
                    outCount = 0
                }
                let avail = try input.fill(AgeStream.encryptedChunkSize)
                if avail == 0 { try fail("the file is truncated: it ends without a final chunk") }
                var last = false
                let n = min(avail, AgeStream.encryptedChunkSize)
                if n < AgeStream.encryptedChunkSize {
                    // A short chunk must be the last; it can be empty only as the first and only chunk.
                    last = true
                    if nonce.counter != 0 && n == AgeStream.tagSize { try fail("the last chunk is empty") }
                    if n < AgeStream.tagSize { try fail("a chunk is shorter than its tag (truncated)") }
                    guard open(n, last: true) else { try fail("a chunk failed authentication") }
                } else if !open(n, last: false) {
                    // Maybe a full-length final chunk.
                    last = true
                    guard open(n, last: true) else { try fail("a chunk failed authentication") }
                }
                outCount += n - AgeStream.tagSize
                input.consume(n)
                if last {
                    if try input.fill(1) > 0 { try fail("there is data after the final chunk") }
                    break
                }
                try nonce.increment()
            }
        }
        if outCount > 0 { _ = try handOn(out, outCount, true) }
    }
}
