import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A bounded, ordered hand-off of filled buffers from one producer thread to one consumer,
/// over a fixed pool: memory stays `count × size` whatever the stream's length, and the
/// producer can run at most `count - 1` buffers ahead of the consumer.
///
/// The producer takes a free buffer (`acquire`), fills it and hands it on (`publish`); at the
/// end it calls `close` once, with its error if it failed. The consumer takes buffers in
/// order (`next`), and gives each back (`release`) once done with it; if it fails it calls
/// `cancel`, and the producer's next `acquire` throws, so it stops.
///
/// Buffers are not wiped: use it only for bytes that are not secret in memory (the restore's
/// plaintext is the vault file, which is written to disk as it is).
final class BufferPipe: @unchecked Sendable {
    struct Cancelled: Error {}

    let size: Int
    private let pool: [UnsafeMutableRawPointer]
    private var free: [UnsafeMutableRawPointer]
    private var filled: [(pointer: UnsafeMutableRawPointer, count: Int)] = []
    private var filledHead = 0
    private var closed = false
    private var failure: Error?
    private var cancelled = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a buffer is freed or the consumer cancels.
    private let freed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when a buffer is published or the producer closes.
    private let published = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(count: Int, size: Int) {
        precondition(count >= 2 && size > 0)
        self.size = size
        pool = (0..<count).map { _ in UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64) }
        free = pool
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(freed, nil)
        pthread_cond_init(published, nil)
    }

    deinit {
        pthread_cond_destroy(published)
        pthread_cond_destroy(freed)
        pthread_mutex_destroy(mutex)
        published.deallocate()
        freed.deallocate()
        mutex.deallocate()
        for p in pool { p.deallocate() }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    // MARK: producer

    /// A free buffer of `size` bytes; waits for one. Throws `Cancelled` once the consumer gave up.
    func acquire() throws -> UnsafeMutableRawPointer {
        try locked {
            while free.isEmpty && !cancelled { pthread_cond_wait(freed, mutex) }
            if cancelled { throw Cancelled() }
            return free.removeLast()
        }
    }

    /// Hands on the first `count` bytes of a buffer from `acquire` (count > 0).
    func publish(_ pointer: UnsafeMutableRawPointer, count: Int) {
        precondition(count > 0 && count <= size)
        locked {
            filled.append((pointer, count))
            pthread_cond_signal(published)
        }
    }

    /// The end of the stream: `error` is what stopped the producer (nil: it finished).
    func close(error: Error?) {
        locked {
            closed = true
            failure = error
            pthread_cond_signal(published)
        }
    }

    // MARK: consumer

    /// The next filled buffer in order, or nil at the end (then `producerError` says why).
    func next() -> (pointer: UnsafeMutableRawPointer, count: Int)? {
        locked {
            while filledHead == filled.count && !closed { pthread_cond_wait(published, mutex) }
            guard filledHead < filled.count else { return nil }
            let b = filled[filledHead]
            filledHead += 1
            if filledHead == filled.count { filled.removeAll(keepingCapacity: true); filledHead = 0 }
            return b
        }
    }

    /// Gives a buffer from `next` back to the pool.
    func release(_ pointer: UnsafeMutableRawPointer) {
        locked {
            free.append(pointer)
            pthread_cond_signal(freed)
        }
    }

    /// The consumer stops: the producer's next `acquire` throws.
    func cancel() {
        locked {
            cancelled = true
            pthread_cond_signal(freed)
        }
    }

    /// What the producer closed with (valid once `next` returned nil).
    var producerError: Error? { locked { failure } }

    /// Runs `produce` on a second thread and hands what it publishes, in order, to `consume`
    /// on this one. Returns once both are done; the first failure in stream order is thrown:
    /// `consume`'s (the producer is then stopped and waited for), else the producer's after
    /// everything it published before failing was consumed.
    static func run(count: Int, size: Int, label: String, produce: @escaping (BufferPipe) throws -> Void,
                    consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let pipe = BufferPipe(count: count, size: size)
        let done = DispatchSemaphore(value: 0)
        let job = UncheckedSendable(produce)
        DispatchQueue(label: label).async {
            do {
                try job.value(pipe)
                pipe.close(error: nil)
            } catch {
                pipe.close(error: error)
            }
            done.signal()
        }
        do {
            while let b = pipe.next() {
                try consume(UnsafeRawBufferPointer(start: b.pointer, count: b.count))
                pipe.release(b.pointer)
            }
        } catch {
            pipe.cancel()
            done.wait()
            throw error
        }
        done.wait()
        if let e = pipe.producerError { throw e }
    }
}

/// Carries a value to another thread that the caller guarantees is not used concurrently.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
