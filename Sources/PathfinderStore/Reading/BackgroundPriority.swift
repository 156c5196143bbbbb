#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation

/// A read that gives way to the screens: the whole store read in the background while someone
/// browses, and the passes made after it (the RAG history, the summary cache on a first run).
/// On two cores such a read's workers take both, and a key's own read (the area just opened,
/// on the screens' thread) shares the cores with them. Lowered, its thread and the workers it
/// starts run at nice 10, so the screens get the cores first and the read uses what is left.
public enum BackgroundPriority {
    private static let key = "pathfinder.background-read"

    /// Lowers the calling thread (on Linux the nice value is the thread's own), and marks it so
    /// that the store's parallel reads called on it start workers of their own, lowered as it
    /// is, instead of taking the shared pool the screens' reads use.
    public static func lowerThisThread() {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        Thread.current.threadDictionary[key] = true
    }

    /// Whether the calling thread was lowered.
    public static var isLowered: Bool { Thread.current.threadDictionary[key] != nil }

    /// `body` for every index below `iterations`, on all cores, returning when all are done: on
    /// the shared pool (`concurrentPerform`), or on a lowered thread on workers started from it.
    static func forEach(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard isLowered, iterations > 1 else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
            return
        }
        withoutActuallyEscaping(body) { body in
            // The helpers reach `body` through a pointer, not a capture: a thread's closure is
            // released only after the thread signals it is done, and a `body` still held then
            // counts as escaped (the runtime stops the program).
            var work = body
            withUnsafePointer(to: &work) { pointer in
                let shared = SharedWork(pointer)
                let next = NextIndex(below: iterations)
                let helpers = max(0, min(iterations, ProcessInfo.processInfo.activeProcessorCount) - 1)
                let finished = DispatchSemaphore(value: 0)
                for _ in 0..<helpers {
                    // A thread started here inherits this one's nice value.
                    Thread.detachNewThread {
                        while let i = next.take() { shared.run(i) }
                        finished.signal()
                    }
                }
                while let i = next.take() { body(i) }
                for _ in 0..<helpers { finished.wait() }
            }
        }
    }
}

/// A pointer to the work of one `forEach`, valid until it returns (it waits for every helper).
private struct SharedWork: @unchecked Sendable {
    let pointer: UnsafePointer<@Sendable (Int) -> Void>

    init(_ pointer: UnsafePointer<@Sendable (Int) -> Void>) { self.pointer = pointer }

    func run(_ i: Int) { pointer.pointee(i) }
}

/// The next index to work on, handed out once each.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let end: Int

    init(below end: Int) { self.end = end }

    func take() -> Int? {
        lock.withLock {
            guard next < end else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
