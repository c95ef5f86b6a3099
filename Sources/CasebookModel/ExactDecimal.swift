// An exact decimal number: an integer count of units and a scale (digits after the point).
//
// How it works: 12.345 is stored as units 12345, scale 3. Adding aligns both to the larger
// scale first (12.3 + 0.045 = 12300e-3 + 45e-3). Units are Int128, which holds 38 digits:
// enough for 10^20 ETH at ETH's 18 decimals. There is no Double anywhere, so a total adds up to
// the satoshi, the wei and the cent.
//
// A sum that does not fit is `overflow`, not a trap: a case file can hold any amount of up to
// 38 digits, and 2 × 10^20 ETH (21 whole digits) added to 1 wei (18 decimals) needs 39. Like a
// float's infinity it is sticky (anything added to it stays `overflow`), sorts above every
// number, and prints as "overflow", so a total shows it instead of a wrong number or a crash.
// It is never parsed and never stored in a record: only arithmetic makes it.

/// An exact decimal such as `1234.56789012`. Parse with `ExactDecimal("0.1")`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Kept as two 64-bit halves and a byte rather than an Int128 and an Int: 17 bytes aligned
    // to 8 instead of 24 aligned to 16, so a transfer (two decimals) is 24 bytes smaller.
    private var low: UInt64
    private var high: Int64
    private var scaleByte: UInt8

    /// The number times 10^scale.
    @inline(__always) public var units: Int128 { Int128(high) << 64 | Int128(low) }
    /// Digits after the decimal point (0...38; 255 for `overflow`).
    @inline(__always) public var scale: Int { Int(scaleByte) }

    public static let zero = ExactDecimal(units: 0, scale: 0)
    static let maxScale = 38
    /// Marks `overflow` in place of a scale.
    private static let overflowScale: UInt8 = 0xFF

    /// A sum or difference too large for 128 bits at its scale (see the top of the file).
    public static let overflow: ExactDecimal = {
        var d = ExactDecimal.zero
        d.scaleByte = overflowScale
        return d
    }()

    /// Whether this is `overflow` rather than a number.
    @inline(__always) public var isOverflow: Bool { scaleByte == Self.overflowScale }

    public init(units: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= Self.maxScale, "scale out of range")
        low = UInt64(truncatingIfNeeded: units)
        high = Int64(truncatingIfNeeded: units >> 64)
        scaleByte = UInt8(scale)
    }

    public init(_ value: Int) { self.init(units: Int128(value), scale: 0) }

    /// Parses `123`, `-0.5`, `+1.25`, `1e-05`, `2.5E3`. Returns nil for anything else
    /// (thousands separators, spaces, `Inf`, more than 38 significant digits).
    public init?(_ text: String) {
        guard let parsed = DecimalParser.parse(text) else { return nil }
        self = parsed
    }

    public var isNegative: Bool { units < 0 }
    public var isZero: Bool { units == 0 && !isOverflow }

    /// Digits after the point once trailing zeros are dropped: 1.2300 has 2.
    public var significantScale: Int {
        if isOverflow { return 0 }
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        return s
    }

    /// The same value with trailing fractional zeros removed (1.2300 -> 1.23).
    public var normalized: ExactDecimal {
        if isOverflow { return self }
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        return ExactDecimal(units: u, scale: s)
    }

    /// The same value at a larger scale (1.5 at scale 3 is 1.500). Nil if digits would be lost or it overflows.
    public func rescaled(to newScale: Int) -> ExactDecimal? {
        guard newScale >= 0 && newScale <= Self.maxScale, !isOverflow else { return nil }
        if newScale == scale { return self }
        if newScale > scale {
            let (m, o1) = Self.powerOfTen(newScale - scale)
            let (u, o2) = units.multipliedReportingOverflow(by: m)
            return o1 || o2 ? nil : ExactDecimal(units: u, scale: newScale)
        }
        let (d, _) = Self.powerOfTen(scale - newScale)
        guard units % d == 0 else { return nil }
        return ExactDecimal(units: units / d, scale: newScale)
    }

    /// 10^n, and whether it overflowed (then the largest power that fits): from a table, as
    /// comparing and aligning amounts of different scales asks for it on every call.
    static func powerOfTen(_ n: Int) -> (Int128, Bool) {
        n < powers.count ? (powers[max(0, n)], false) : (powers[powers.count - 1], true)
    }

    /// 10^0 ... 10^38, every power of ten an Int128 holds.
    private static let powers: [Int128] = {
        var table: [Int128] = [1]
        while true {
            let (x, o) = table[table.count - 1].multipliedReportingOverflow(by: 10)
            if o { return table }
            table.append(x)
        }
    }()

    /// Both units at the larger scale, or nil when either does not fit (or is `overflow`).
    private static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int128, Int128, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return nil }
        return (x.units, y.units, s)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        // Sums mostly add amounts of one asset, of one scale: no aligning.
        if a.scaleByte == b.scaleByte && !a.isOverflow {
            let (u, o) = a.units.addingReportingOverflow(b.units)
            return o ? .overflow : ExactDecimal(units: u, scale: a.scale)
        }
        guard let (x, y, s) = aligned(a, b) else { return .overflow }
        let (u, o) = x.addingReportingOverflow(y)
        return o ? .overflow : ExactDecimal(units: u, scale: s)
    }

    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.scaleByte == b.scaleByte && !a.isOverflow {
            let (u, o) = a.units.subtractingReportingOverflow(b.units)
            return o ? .overflow : ExactDecimal(units: u, scale: a.scale)
        }
        guard let (x, y, s) = aligned(a, b) else { return .overflow }
        let (u, o) = x.subtractingReportingOverflow(y)
        return o ? .overflow : ExactDecimal(units: u, scale: s)
    }

    public static func += (a: inout ExactDecimal, b: ExactDecimal) { a = a + b }
    public static func -= (a: inout ExactDecimal, b: ExactDecimal) { a = a - b }

    public static prefix func - (a: ExactDecimal) -> ExactDecimal {
        if a.isOverflow { return a }
        let (u, o) = Int128(0).subtractingReportingOverflow(a.units)
        return o ? .overflow : ExactDecimal(units: u, scale: a.scale)
    }

    /// Equal values have equal normal forms (1.50 and 1.5 both become 15e-1), and normalizing
    /// only divides, so comparing a huge amount with a tiny one cannot overflow.
    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let x = a.normalized, y = b.normalized
        return x.units == y.units && x.scale == y.scale
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.units)
        hasher.combine(n.scale)
    }

    /// Aligns the scales when that fits in 128 bits; otherwise compares the whole parts, then
    /// the fractions (each below 10^38, so they align without overflow).
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.isOverflow || b.isOverflow { return !a.isOverflow }
        let s = max(a.scale, b.scale)
        if let x = a.rescaled(to: s), let y = b.rescaled(to: s) { return x.units < y.units }
        let (pa, _) = powerOfTen(a.scale), (pb, _) = powerOfTen(b.scale)
        let (wa, fa) = a.units.quotientAndRemainder(dividingBy: pa)
        let (wb, fb) = b.units.quotientAndRemainder(dividingBy: pb)
        if wa != wb { return wa < wb }
        // Same whole part and same sign region: compare fractions at the common scale.
        let (ma, _) = powerOfTen(s - a.scale), (mb, _) = powerOfTen(s - b.scale)
        return fa * ma < fb * mb
    }

    /// Plain decimal text with no exponent and no grouping, as written to case files: `-1234.5`.
    /// Keeps the scale it was given (so `1.50` stays `1.50`).
    public var description: String {
        if isOverflow { return "overflow" }
        return units < 0 ? "-" + magnitudeDescription : magnitudeDescription
    }

    /// Text for people: thousands grouped with commas, at least `minScale` decimals (`1,234.50`).
    public func formatted(minScale: Int = 0) -> String {
        if isOverflow { return description }
        let value = scale < minScale ? (rescaled(to: minScale) ?? self) : self
        let plain = value.magnitudeDescription
        let parts = plain.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        if parts.count == 2 { grouped += "." + parts[1] }
        return (units < 0 ? "-" : "") + grouped
    }

    /// The digits without a sign, from the magnitude (the negation of the most negative units
    /// does not fit, so it is not taken).
    private var magnitudeDescription: String {
        var digits = String(units.magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return digits
    }
}
