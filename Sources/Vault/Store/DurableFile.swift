internal import CLinux
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// The one place files are made durable: write-all loops, fsync, a temporary file next to the
/// final name (0600, O_EXCL|O_NOFOLLOW|O_CLOEXEC, locked while it lives: `StaleTemps`) that is
/// renamed or linked into place, the directory's fsync, and a no-clobber create for files
/// written in place. On any failure the temporary file is removed and the final name is left
/// as it was (see `Temp.place` for the one exception, a directory that cannot be synced).
///
/// Errors name the path, the operation and errno, in the caller's own error type (`Style`).
enum DurableFile {
    /// How a caller's failures are reported and what its files are called.
    struct Style: Sendable {
        /// A failed system call: (path, what was being done, errno).
        let io: @Sendable (String, String, Int32) -> Error
        /// A no-clobber target that exists.
        let exists: @Sendable (String) -> Error
        /// Creating a temporary file failed: (directory, temporary path, errno).
        let tempCreate: @Sendable (String, String, Int32) -> Error
        /// The temporary file's name for a final `base`, given 12 random hex digits.
        let tempName: @Sendable (String, String) -> String
        /// Whether a directory's fsync may fail with EINVAL (file systems that cannot sync a
        /// directory) and still count as done.
        let directorySyncMayBeUnsupported: Bool
        /// Whether a name whose directory fsync failed is taken away again (the file may be
        /// gone or half there after a power cut). Never for a vault's rewrite: the old one is
        /// already replaced, and the new one is the only copy.
        let removeWhenDirectoryUnsynced: Bool
        /// Whether leftovers of killed writers in the directory are removed before a temp is made.
        let removesStaleTemps: Bool

        /// The store's files (the vault, its state files, files a command writes for a person).
        static let store = Style(
            io: { VaultError.io(path: $0, operation: $1, errno: $2) },
            exists: { VaultError.vaultExists(path: $0) },
            tempCreate: { _, temp, e in VaultError.io(path: temp, operation: "create", errno: e) },
            tempName: { base, hex in ".\(base).tmp-\(hex)" },
            directorySyncMayBeUnsupported: true, removeWhenDirectoryUnsynced: false, removesStaleTemps: false)

        /// Backups, restores and key files.
        static let backup = Style(
            io: { BackupError.io(path: $0, operation: $1, errno: $2) },
            exists: { BackupError.targetExists(path: $0, forceAllowed: false) },
            tempCreate: { dir, _, e in BackupError.io(path: dir, operation: "create a temporary file in", errno: e) },
            tempName: { _, hex in ".vaultcli-tmp-\(hex)" },
            directorySyncMayBeUnsupported: false, removeWhenDirectoryUnsynced: true, removesStaleTemps: true)
    }

    /// write(2) and fsync(2) as the caller does them (tests of backups swap in failing ones).
    typealias WriteCall = (Int32, UnsafeRawPointer, Int) -> Int
    typealias SyncCall = (Int32) -> Int32

    // MARK: writing

    /// Writes all of `buf` at the file offset, retrying on EINTR and short writes. A write that
    /// takes nothing is an error (EIO), never a loop.
    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer, path: String, style: Style,
                         operation: String = "write", write: WriteCall = { Glibc.write($0, $1, $2) }) throws {
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw style.io(path, operation, errno)
            }
            if n == 0 { throw style.io(path, operation, EIO) }
            off += n
        }
    }

    /// Writes all of `buf` at `offset` (pwrite), retrying on EINTR and short writes.
    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer, at offset: Int, path: String, style: Style) throws {
        var done = 0
        while done < buf.count {
            let n = pwrite(fd, buf.baseAddress! + done, buf.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw style.io(path, "write", errno)
            }
            if n == 0 { throw style.io(path, "write", EIO) }
            done += n
        }
    }

    /// fsync(2) of a file.
    static func sync(_ fd: Int32, path: String, style: Style, sync: SyncCall = { Glibc.fsync($0) }) throws {
        if sync(fd) != 0 { throw style.io(path, "sync", errno) }
    }

    /// fsync(2) of a directory, so that a name created, renamed or removed in it lasts.
    static func syncDirectory(_ dir: String, style: Style, sync: SyncCall = { Glibc.fsync($0) }) throws {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw style.io(dir, "open the directory", errno) }
        defer { close(fd) }
        if sync(fd) != 0 {
            let e = errno
            if e == EINVAL && style.directorySyncMayBeUnsupported { return }
            throw style.io(dir, "sync the directory", e)
        }
        TestProbe.record("sync directory \(dir)")
    }

    // MARK: the temporary file

    /// A temporary file next to a final name, open for writing. Removed when it is dropped
    /// unless `place` put it in place.
    final class Temp {
        let file: PosixFile
        var fd: Int32 { file.fd }
        var path: String { file.path }
        let dir: String
        let style: Style
        /// Whether the file is in place (set by `place`, or by a caller that put it in place
        /// itself, as the restore does): then it is not removed when dropped.
        var placed = false

        /// Creates the temporary file for `final` in its directory: O_EXCL|O_NOFOLLOW|O_CLOEXEC,
        /// exactly 0600, locked (`StaleTemps`).
        init(for final: String, style: Style) throws {
            let dir = FileSystem.directory(of: final)
            let base = FileSystem.baseName(of: final)
            if style.removesStaleTemps { StaleTemps.removeStale(in: dir) }
            var last = ""
            for _ in 0..<16 {
                let path = dir + "/" + style.tempName(base, lowerHex(SecureRandom.bytes(6)))
                last = path
                let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
                if fd < 0 {
                    if errno == EEXIST { continue }
                    throw style.tempCreate(dir, path, errno)
                }
                // The umask may have narrowed the mode further; make sure it is exactly 0600.
                fchmod(fd, 0o600)
                let f = PosixFile(adopting: fd, path: path)
                // Locked while it lives, so the next writer can tell a dead writer's leftover
                // from a file still being written. Unlocked: a cleaner took it meanwhile.
                guard StaleTemps.claim(fd, path: path) else { continue }
                self.file = f
                self.dir = dir
                self.style = style
                return
            }
            throw style.tempCreate(dir, last, EEXIST)
        }

        deinit {
            if !placed { unlink(path) }
        }

        func write(_ buf: UnsafeRawBufferPointer, write: WriteCall = { Glibc.write($0, $1, $2) }) throws {
            try DurableFile.writeAll(fd, buf, path: path, style: style, write: write)
        }

        func sync(_ sync: SyncCall = { Glibc.fsync($0) }) throws {
            try DurableFile.sync(fd, path: path, style: style, sync: sync)
        }

        /// Closes the descriptor, reporting a failed close (some file systems report a failed
        /// write-back only there).
        func close() throws {
            if let e = file.closeNow() { throw style.io(path, "close", e) }
        }

        /// Puts the (synced) file in place at `final` and syncs the directory.
        ///
        /// `replace`: rename(2) over whatever is there (`refuseSymlink`: not over a symbolic
        /// link, `symlinkError`). Otherwise a no-clobber link(2) that fails if `final` exists
        /// (`style.exists`); on a file system without hard links (EPERM, EOPNOTSUPP: vfat
        /// sticks) a rename to a name checked free just before.
        ///
        /// If the directory's fsync fails the error is thrown, and with
        /// `style.removeWhenDirectoryUnsynced` the new name is removed again.
        func place(at final: String, replace: Bool, renameOperation: String = "rename into place",
                   refuseSymlink: ((String) -> Error)? = nil, syncDirectory sync: SyncCall = { Glibc.fsync($0) }) throws {
            if replace {
                if let refuseSymlink {
                    var st = stat()
                    if lstat(final, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK { throw refuseSymlink(final) }
                }
                if rename(path, final) != 0 { throw style.io(final, renameOperation, errno) }
            } else if link(path, final) == 0 {
                unlink(path)
            } else {
                let e = errno
                if e == EEXIST { throw style.exists(final) }
                guard e == EPERM || e == EOPNOTSUPP else { throw style.io(final, "create", e) }
                if FileSystem.exists(final) { throw style.exists(final) }
                if rename(path, final) != 0 { throw style.io(final, renameOperation, errno) }
            }
            placed = true
            do {
                try DurableFile.syncDirectory(dir, style: style, sync: sync)
            } catch {
                if style.removeWhenDirectoryUnsynced { unlink(final) }
                throw error
            }
        }
    }

    /// Writes `final` atomically: a `Temp` that `body` fills, fsync, `place`, directory fsync.
    /// On any error the temp file is gone and `final` is as it was.
    static func replace<T>(_ final: String, replace: Bool, style: Style, renameOperation: String = "rename into place",
                           refuseSymlink: ((String) -> Error)? = nil, _ body: (Temp) throws -> T) throws -> T {
        let t = try Temp(for: final, style: style)
        let r = try body(t)
        try t.sync()
        try t.place(at: final, replace: replace, renameOperation: renameOperation, refuseSymlink: refuseSymlink)
        return r
    }

    // MARK: written in place

    /// Creates `path` itself (no temporary file), never replacing anything: O_CREAT|O_EXCL|
    /// O_NOFOLLOW|O_CLOEXEC, exactly 0600; `body` writes it; fsync; close; directory fsync.
    /// On any error the file is removed again.
    static func createNew(_ path: String, style: Style, _ body: (Int32) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 {
            if errno == EEXIST { throw style.exists(path) }
            throw style.io(path, "create", errno)
        }
        let f = PosixFile(adopting: fd, path: path)
        var ok = false
        defer { if !ok { unlink(path) } }
        fchmod(fd, 0o600)
        try body(fd)
        try sync(fd, path: path, style: style)
        if let e = f.closeNow() { throw style.io(path, "close", e) }
        try syncDirectory(FileSystem.directory(of: path), style: style)
        ok = true
    }
}

/// Linux-only I/O calls (CLinux), for the backup's streaming writes and read-back.
enum LinuxIO {
    /// open(2)'s O_DIRECT, or 0 where it is not known.
    static let oDirect: Int32 = vaultcli_o_direct()

    /// Writes [offset, offset+length) to the device and waits (data only: the final fsync
    /// adds the metadata and the device cache flush). 0, or -1 with errno.
    static func syncRange(_ fd: Int32, offset: Int64, length: Int64) -> Int32 {
        vaultcli_sync_range(fd, offset, length)
    }

    /// Starts the device writing [offset, offset+length), without waiting.
    static func startWriteback(_ fd: Int32, offset: Int64, length: Int64) {
        _ = vaultcli_start_writeback(fd, offset, length)
    }
}
