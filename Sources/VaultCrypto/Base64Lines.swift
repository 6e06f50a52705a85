internal import CSodium

/// Base64 (RFC 4648, padded) one line at a time, for the age ASCII armor: libsodium's strict
/// codec, which refuses non-canonical text.
extension Base64 {
    /// Decodes `text` into `out`; the byte count, or nil if `text` is not canonical padded base64
    /// or does not fit.
    package static func decodeLine(_ text: UnsafeBufferPointer<CChar>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var binLen = 0
        let rc = sodium_base642bin(out.baseAddress!, out.count, text.baseAddress!, text.count, nil, &binLen, nil,
                                   sodium_base64_VARIANT_ORIGINAL)
        return rc == 0 ? binLen : nil
    }

    /// Encodes `bytes` into `out`, which has room for the text and a NUL (4 * ((n + 2) / 3) + 1).
    package static func encodeLine(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<CChar>, capacity: Int) {
        withBase(bytes) { src in
            _ = sodium_bin2base64(out, capacity, src, bytes.count, sodium_base64_VARIANT_ORIGINAL)
        }
    }
}
