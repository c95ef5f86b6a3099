import Foundation

// Sorting and scanning a million rows on both cores: split the work in two halves, run them with
// DispatchQueue.concurrentPerform, then merge (a sort) or join (a scan). Below a few thousand rows
// one thread is faster than waking the second.

enum ParallelSort {
    static let threshold = 20_000

    /// Sorts `items` in place; `less` must be a total order (no two items equal).
    static func sort(_ items: inout [Int32], by less: (Int32, Int32) -> Bool) {
        sortItems(&items, by: less)
    }

    /// Sorts flat items (keys held in the items, so no lookup per comparison) the same way: each
    /// half on its own core, then one merge. Not stable: `less` must order every pair the caller
    /// can tell apart (equal items may come out either way).
    static func sortItems<T>(_ items: inout [T], by less: (T, T) -> Bool) {
        let n = items.count
        guard n >= threshold else { items.sort(by: less); return }
        let mid = n / 2
        items.withUnsafeMutableBufferPointer { all in
            halves(n) { range, _ in
                var part = UnsafeMutableBufferPointer(rebasing: all[range])
                part.sort(by: less)
            }
        }
        var out: [T] = []
        out.reserveCapacity(n)
        var i = 0, j = mid
        items.withUnsafeBufferPointer { b in
            while i < mid && j < n {
                if less(b[j], b[i]) { out.append(b[j]); j += 1 } else { out.append(b[i]); i += 1 }
            }
            out.append(contentsOf: b[i..<mid])
            out.append(contentsOf: b[j..<n])
        }
        items = out
    }

    /// Runs `body` over two halves of 0..<count on both cores (one call below the threshold).
    /// The halves must touch disjoint data or only read shared data; this waits for both.
    static func halves(_ count: Int, threshold: Int = threshold, _ body: (Range<Int>, Int) -> Void) {
        guard count >= threshold else { body(0..<count, 0); return }
        let mid = count / 2
        withoutActuallyEscaping(body) { body in
            let box = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: 2) { part in box.value(part == 0 ? 0..<mid : mid..<count, part) }
        }
    }
}

/// Carries a value across `concurrentPerform`, which returns only when every iteration is done;
/// the halves given to it work on disjoint data, so nothing is shared unsafely.
struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
