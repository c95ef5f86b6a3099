import CasebookModel

// What a search needle says about the formatted numbers it could be in (ExactDecimal's
// `formatted`: an optional minus, whole digits grouped in threes by commas, then a point and
// the decimals), so a search over a million amounts writes out only those it could be in. Every
// rule is exact: a number it rules out cannot contain the needle.
// - Only digits, commas, points and minus signs; at most one point; no comma after the point;
//   a minus only first (then only a negative number).
// - A run of digits lies within one of the number's: a whole group (three at most, the first
//   fewer) or the decimals.
// - k commas need k commas in the number: at least 3k + 1 whole digits.
// - A point needs decimals, at least as many as the needle has after it.
// And a needle of more than three digits alone can only be among the decimals, so only they are
// written out (`inDecimals`), with one 128-by-64-bit division rather than the whole number's.

struct NumberNeedle: Sendable {
    /// Whether any formatted number could contain the needle.
    let possible: Bool
    private let digitRun: Int
    private let minWholeDigits: Int
    private let minDecimals: Int
    private let negative: Bool
    /// More than three digits and nothing else.
    private let decimalsOnly: Bool

    init(_ needle: [UInt8]) {
        var run = 0, longest = 0, commas = 0, points = 0, decimals = 0, ok = true
        for (i, byte) in needle.enumerated() {
            switch byte {
            case 0x30...0x39:
                run += 1
                longest = max(longest, run)
                if points > 0 { decimals += 1 }
            case 0x2C:   // ,
                run = 0
                commas += 1
                if points > 0 { ok = false }
            case 0x2E:   // .
                run = 0
                points += 1
            case 0x2D:   // -
                run = 0
                if i != 0 { ok = false }
            default:
                ok = false
            }
        }
        possible = ok && points <= 1
        digitRun = longest
        minWholeDigits = commas > 0 ? 3 * commas + 1 : 0
        minDecimals = points > 0 ? max(1, decimals) : 0
        negative = needle.first == 0x2D
        decimalsOnly = needle.count > 3 && longest == needle.count
    }

    /// For a needle of more than three digits alone: whether the decimals of `units` at `scale`,
    /// shown with at least `minScale`, contain it. Nil for any other needle, or when the decimals
    /// cannot be had in 64 bits (then the number is written out whole).
    func inDecimals(units: Int128, scale: Int, minScale: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard decimalsOnly, scale <= 19 else { return nil }
        let m = units.magnitude
        var fraction: UInt64 = 0
        if scale > 0 {
            let d = UInt64(NumberRanks.powersOfTen[scale])
            let high = UInt64(truncatingIfNeeded: m >> 64), low = UInt64(truncatingIfNeeded: m)
            guard high < d else { return nil }
            fraction = d.dividingFullWidth((high, low)).remainder
        }
        // Shown with `minScale` decimals unless that does not fit (then as it is: `formatted`).
        var shown = scale
        if minScale > scale, minScale < NumberRanks.powersOfTen.count,
           !units.multipliedReportingOverflow(by: NumberRanks.powersOfTen[minScale - scale]).overflow { shown = minScale }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(shown, 1)) { buf in
            var f = fraction
            for i in stride(from: scale - 1, through: 0, by: -1) {
                buf[i] = UInt8(f % 10) + 48
                f /= 10
            }
            for i in scale..<shown { buf[i] = 48 }
            return SearchText.Table.find(needle, in: UnsafeBufferPointer(buf), from: 0, length: shown) != nil
        }
    }

    /// Whether `units` at `scale`, written with at least `minScale` decimals, could contain the needle.
    @inline(__always)
    func couldBeIn(units: Int128, scale: Int, minScale: Int) -> Bool {
        let shown = max(scale, minScale)
        guard possible, digitRun <= max(3, shown), minDecimals <= shown, !negative || units < 0 else { return false }
        guard minWholeDigits > 0 else { return true }
        let power = scale + minWholeDigits - 1
        return power < NumberRanks.powersOfTen.count && units.magnitude >= NumberRanks.powersOfTen[power].magnitude
    }
}
