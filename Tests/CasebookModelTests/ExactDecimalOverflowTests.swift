import CasebookModel
import Testing

// A case file can hold any amount of up to 38 digits, so sums of them can need more than 128
// bits. Such a sum is `overflow` (shown as "overflow"), never a trap that ends the program.
@Suite struct ExactDecimalOverflowTests {
    let huge = ExactDecimal("200000000000000000000")!        // 2 × 10^20 ETH, 21 whole digits
    let wei = ExactDecimal("0.000000000000000001")!          // 18 decimals
    let big = ExactDecimal("99999999999999999999999999999999999999")!   // 38 digits

    @Test("a sum that needs more than 128 bits is overflow, whichever way it overflows")
    func sumsOverflow() {
        #expect((huge + wei).isOverflow, "aligning 21 whole digits to 18 decimals")
        #expect((wei + huge).isOverflow)
        #expect((big + big).isOverflow, "same scale, 128-bit carry")
        #expect((-big - big).isOverflow)
        #expect((huge - wei).isOverflow)
        #expect(!(big + (-big)).isOverflow && (big + (-big)).isZero)
    }

    @Test("overflow is sticky, sorts above every number and prints as overflow")
    func overflowBehaves() {
        let o = huge + wei
        #expect((o + .zero).isOverflow && (ExactDecimal(1) + o).isOverflow && (o - o).isOverflow && (-o).isOverflow)
        #expect(!o.isZero && !o.isNegative)
        #expect(big < o && !(o < big) && -big < o && !(o < o))
        #expect(o == .overflow && o != .zero && o != big)
        #expect(o.description == "overflow" && o.formatted(minScale: 2) == "overflow")
        #expect(o.rescaled(to: 2) == nil && o.normalized.isOverflow)
        #expect(Set([o, ExactDecimal.overflow]).count == 1)
    }

    @Test("the most negative 128-bit amount prints its digits")
    func mostNegative() {
        let d = ExactDecimal(units: Int128.min, scale: 2)
        #expect(!d.isOverflow && d.isNegative)
        #expect(d.description == "-1701411834604692317316873037158841057.28")
        #expect(d.formatted() == "-1,701,411,834,604,692,317,316,873,037,158,841,057.28")
        #expect((-d).isOverflow, "its negation does not fit")
    }

    @Test("sums that fit are exact as before, up to the last digit")
    func fittingSumsAreExact() {
        #expect((huge + ExactDecimal("0.5")!).description == "200000000000000000000.5")
        #expect((big - ExactDecimal(1)).description == "99999999999999999999999999999999999998")
        #expect((huge + huge).description == "400000000000000000000")
    }
}
