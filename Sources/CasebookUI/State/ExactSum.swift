import CasebookModel

// A running total that can also take a value back out, and still reads exactly as adding up the
// values it holds would: the same number and the same scale (12.50 stays 12.50 while a value of
// scale 2 is in it, and is 12.5 once the last such value is gone, as a fresh sum would print it).
// It counts the values of each scale to know the largest one present.

struct ExactSum: Sendable, Equatable {
    private var total = ExactDecimal.zero
    private var scales: [Int: Int] = [:]
    private(set) var count = 0

    mutating func add(_ v: ExactDecimal) {
        total += v
        scales[v.scale, default: 0] += 1
        count += 1
    }

    mutating func remove(_ v: ExactDecimal) {
        total -= v
        scales[v.scale, default: 0] -= 1
        if scales[v.scale] == 0 { scales[v.scale] = nil }
        count -= 1
    }

    /// The sum at the scale a fresh sum of the values held would have.
    var value: ExactDecimal {
        let scale = scales.keys.max() ?? 0
        return total.rescaled(to: max(0, scale)) ?? total
    }
}
