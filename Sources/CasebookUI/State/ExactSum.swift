import CasebookModel

// A running total that can also take a value back out, and still reads exactly as adding up the
// values it holds would: the same number and the same scale (12.50 stays 12.50 while a value of
// scale 2 is in it, and is 12.5 once the last such value is gone, as a fresh sum would print it).
// It counts the values of each scale to know the largest one present.

// A value that would overflow the total (ExactDecimal.overflow) is set aside instead, and the
// sum reads `overflow` while any is; taking such a value out (deleting an absurd amount) gives
// the exact total back, since the total never held it.

struct ExactSum: Sendable, Equatable {
    private var total = ExactDecimal.zero
    private var scales: [Int: Int] = [:]
    /// Values that did not fit in `total`, in the order they came.
    private var apart: [ExactDecimal] = []
    private(set) var count = 0

    mutating func add(_ v: ExactDecimal) {
        let sum = total + v
        scales[v.scale, default: 0] += 1
        count += 1
        if sum.isOverflow { apart.append(v); return }
        total = sum
        // A few set aside are retried as values come (a hostile file of a million huge amounts
        // must not make this quadratic); a removal, one edit, retries them all.
        if apart.count <= 16 { fold() }
    }

    mutating func remove(_ v: ExactDecimal) {
        if let k = apart.lastIndex(where: { $0 == v && $0.scale == v.scale }) {
            apart.remove(at: k)
        } else {
            let rest = total - v
            if rest.isOverflow { apart.append(-v) } else { total = rest }
        }
        scales[v.scale, default: 0] -= 1
        if scales[v.scale] == 0 {
            scales[v.scale] = nil
            // The total keeps the largest scale it met; back at the largest one held (exact: the
            // values held have no more digits), so a huge whole amount can fit again.
            total = total.rescaled(to: scales.keys.max() ?? 0) ?? total
        }
        count -= 1
        fold()
    }

    /// Adds in what was set aside and now fits (after a value of the other sign came or went).
    private mutating func fold() {
        guard !apart.isEmpty else { return }
        apart.removeAll { x in
            let sum = total + x
            if sum.isOverflow { return false }
            total = sum
            return true
        }
    }

    /// The sum at the scale a fresh sum of the values held would have, or `overflow`.
    var value: ExactDecimal {
        if !apart.isEmpty { return .overflow }
        let scale = scales.keys.max() ?? 0
        return total.rescaled(to: max(0, scale)) ?? total
    }
}
