#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PathfinderModel
@testable import PathfinderStore
import Testing

/// The background read gives way to the screens: on a lowered thread the store's parallel
/// reads run on workers of their own at nice 10, with the same results as on the shared pool.
struct BackgroundPriorityTests {
    /// Runs `body` on a new thread and waits for it.
    func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ThreadResult<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    @Test func aLoweredThreadsWorkersRunLowAndFindWhatTheSharedPoolFinds() throws {
        let items = Array(0..<2_000)
        let shared = PlainFileStore.parallelMap(items) { $0 * 3 }
        let (lowered, priorities, wasLowered) = onThread { () -> ([Int], [Int32], Bool) in
            BackgroundPriority.lowerThisThread()
            let (results, priorities) = PlainFileStore.parallelMap(items) { i -> (Int, Int32) in
                (i * 3, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
            }
            return (results, priorities, BackgroundPriority.isLowered)
        }
        #expect(wasLowered)
        #expect(lowered == shared)
        #expect(Set(priorities) == [10], "every item ran on a lowered worker")
        // The thread that asked is untouched.
        #expect(!BackgroundPriority.isLowered)
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) != 10)
        let here = PlainFileStore.parallelMap(items) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        #expect(!here.contains(10), "the shared pool's workers are not lowered")
    }

    /// Many short reads in a row: each returns only once its helpers are done with its work
    /// (a helper still holding it when one returned stopped the program).
    @Test func manyShortLoweredReadsInARow() {
        let sums = onThread { () -> [Int] in
            BackgroundPriority.lowerThisThread()
            return (0..<400).map { round in PlainFileStore.parallelMap(Array(0..<(2 + round % 7))) { $0 + round }.reduce(0, +) }
        }
        #expect(sums == (0..<400).map { round in (0..<(2 + round % 7)).reduce(0) { $0 + $1 + round } })
    }

    @Test func aLoweredLoadReadsWhatAnyLoadReads() throws {
        let plain = try PlainFileStore(root: TestStores.sample).load()
        let root = TestStores.sample
        let (partnership, problems) = try onThread { () -> Result<(Partnership, [Problem]), Error> in
            BackgroundPriority.lowerThisThread()
            return Result { let r = try PlainFileStore(root: root).load(); return (r.partnership, r.problems) }
        }.get()
        #expect(partnership == plain.partnership)
        #expect(problems == plain.problems)
    }
}

private final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
}
