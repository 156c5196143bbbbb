import Dispatch

/// Work over the indices 0..<count on every core, each result written straight into its place
/// in the array returned: no array of optionals, no copy of 50,000 results afterwards. Who
/// runs the indices is given (`ForEach`): the shared pool by default; the store passes its own
/// (`BackgroundPriority.forEach`) so that a read lowered for the screens stays lowered.
public enum Parallel {
    /// Runs `body` for every index below `iterations` and returns when all are done.
    public typealias ForEach = @Sendable (_ iterations: Int, _ body: @Sendable (Int) -> Void) -> Void

    /// On every core, through Dispatch's shared pool.
    public static let sharedPool: ForEach = { DispatchQueue.concurrentPerform(iterations: $0, execute: $1) }

    /// One index after another, on the calling thread (work too small to share).
    public static let inOrder: ForEach = { iterations, body in for i in 0..<iterations { body(i) } }

    public static func map<A: Sendable>(count: Int, on forEach: ForEach = sharedPool, _ transform: @Sendable (Int) -> A) -> [A] {
        map(count: count, on: forEach) { (transform($0), ()) }.0
    }

    /// `map` for a transform with two results, each written into its own array.
    public static func map<A: Sendable, B: Sendable>(count: Int, on forEach: ForEach = sharedPool,
                                                     _ transform: @Sendable (Int) -> (A, B)) -> ([A], [B]) {
        guard count > 0 else { return ([], []) }
        var second: [B] = []
        let first = [A](unsafeUninitializedCapacity: count) { firstBuffer, firstCount in
            second = [B](unsafeUninitializedCapacity: count) { secondBuffer, secondCount in
                let a = Slots(base: firstBuffer.baseAddress!), b = Slots(base: secondBuffer.baseAddress!)
                // `forEach` returns only when every index is done, so `transform` does not outlive this call.
                withoutActuallyEscaping(transform) { transform in
                    forEach(count) { i in
                        let (x, y) = transform(i)
                        a.base.advanced(by: i).initialize(to: x)
                        b.base.advanced(by: i).initialize(to: y)
                    }
                }
                secondCount = count
            }
            firstCount = count
        }
        return (first, second)
    }
}

/// Where the workers write their results: each index is written by exactly one worker, into
/// memory allocated once, so no worker touches another's slot.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
