import Testing
@testable import CasebookModel

@Suite("ExactDecimal")
struct ExactDecimalTests {
    // MARK: Parsing

    @Test("parses the documented forms into units and scale", arguments: [
        ("0.1", Int128(1), 1),
        ("-12.50", Int128(-1250), 2),
        ("+3", Int128(3), 0),
        ("123", Int128(123), 0),
        ("1e-05", Int128(1), 5),
        ("2.5E3", Int128(2500), 0),
        ("1.25e+2", Int128(125), 0),
        ("1.5e-2", Int128(15), 3),
        ("-.5", Int128(-5), 1),
        (".25", Int128(25), 2),
        ("0.00000001", Int128(1), 8),
        ("007", Int128(7), 0),
    ])
    func parses(text: String, units: Int128, scale: Int) throws {
        let d = try #require(ExactDecimal(text))
        #expect(d.units == units)
        #expect(d.scale == scale)
    }

    @Test("scientific notation gives the exact plain value")
    func scientific() throws {
        #expect(try #require(ExactDecimal("1e-05")) == ExactDecimal(units: 1, scale: 5))
        #expect(try #require(ExactDecimal("1e-05")).description == "0.00001")
        #expect(try #require(ExactDecimal("2.5E3")) == ExactDecimal(2500))
        #expect(try #require(ExactDecimal("2.5E3")).description == "2500")
    }

    @Test("rejects text that is not a plain or scientific decimal", arguments: [
        "", "1,000", "abc", "1.2.3", "1e", "1e+", "e5", ".", "-", "+", "+-1", " 1", "1 ", "Inf", "NaN",
        "0x10", "1_000", "١٢", "1e-40", "1e999",
    ])
    func rejects(text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test("accepts 38 significant digits and refuses 39 rather than rounding")
    func significantDigitLimit() throws {
        let thirtyEight = String(repeating: "9", count: 38)
        let parsed = try #require(ExactDecimal(thirtyEight))
        #expect(parsed.description == thirtyEight)
        #expect(ExactDecimal(thirtyEight + "9") == nil)
        #expect(ExactDecimal("1" + String(repeating: "2", count: 38)) == nil)
        #expect(ExactDecimal("0." + String(repeating: "1", count: 39)) == nil)
        // Leading zeros are not significant, so they do not count against the limit.
        let padded = try #require(ExactDecimal(String(repeating: "0", count: 50) + "42"))
        #expect(padded == ExactDecimal(42))
    }

    // MARK: Exactness

    @Test("0.1 + 0.2 is exactly 0.3")
    func pointOnePlusPointTwo() throws {
        let sum = try #require(ExactDecimal("0.1")) + #require(ExactDecimal("0.2"))
        #expect(try sum == #require(ExactDecimal("0.3")))
        #expect(sum.description == "0.3")
    }

    @Test("ten times 0.1 sums to exactly 1.0")
    func tenTenths() throws {
        let tenth = try #require(ExactDecimal("0.1"))
        var sum = ExactDecimal.zero
        for _ in 0..<10 { sum += tenth }
        #expect(sum.description == "1.0")
        #expect(sum == ExactDecimal(1))
    }

    @Test("a long ledger of satoshi amounts adds up to the satoshi")
    func ledgerSum() throws {
        var total = ExactDecimal.zero
        var satoshis: Int128 = 0
        for i in 0..<12_345 {
            // Amounts between 0.00000001 and ~99.9 BTC with varying numbers of decimals.
            let sats = Int128((i &* 7_919 &+ 13) % 9_999_999_999 + 1)
            let amount = ExactDecimal(units: sats, scale: 8).normalized
            let reparsed = try #require(ExactDecimal(amount.description))
            total += reparsed
            satoshis += sats
            if i % 3 == 0 {
                total -= ExactDecimal(units: 1, scale: 8)
                satoshis -= 1
            }
        }
        #expect(total == ExactDecimal(units: satoshis, scale: 8))
        #expect(total.rescaled(to: 8)?.units == satoshis)
    }

    @Test("negation and subtraction are exact")
    func subtraction() throws {
        let a = try #require(ExactDecimal("100.00000001"))
        let b = try #require(ExactDecimal("0.00000002"))
        #expect((a - b).description == "99.99999999")
        #expect((b - a).description == "-99.99999999")
        #expect((-a).isNegative && !a.isNegative)
        #expect((a - a).isZero)
    }

    // MARK: Text

    @Test("description keeps the scale it was given")
    func descriptionKeepsScale() throws {
        #expect(try #require(ExactDecimal("1.50")).description == "1.50")
        #expect(try #require(ExactDecimal("-0.05")).description == "-0.05")
        #expect(try #require(ExactDecimal("0.000")).description == "0.000")
        #expect(ExactDecimal(units: 5, scale: 3).description == "0.005")
        #expect(ExactDecimal(units: -1234500, scale: 3).description == "-1234.500")
    }

    @Test("formatted() groups thousands for people")
    func formatting() throws {
        #expect(try #require(ExactDecimal("1234567.89")).formatted() == "1,234,567.89")
        #expect(try #require(ExactDecimal("-1234567.89")).formatted() == "-1,234,567.89")
        #expect(try #require(ExactDecimal("999")).formatted() == "999")
        #expect(try #require(ExactDecimal("1000")).formatted() == "1,000")
        #expect(try #require(ExactDecimal("-100000")).formatted() == "-100,000")
        #expect(try #require(ExactDecimal("0.5")).formatted() == "0.5")
        #expect(try #require(ExactDecimal("1234.5")).formatted(minScale: 2) == "1,234.50")
        #expect(try #require(ExactDecimal("1234.567")).formatted(minScale: 2) == "1,234.567")
    }

    @Test("significantScale ignores trailing zeros")
    func significantScale() throws {
        #expect(try #require(ExactDecimal("1.2300")).significantScale == 2)
        #expect(try #require(ExactDecimal("5.000")).significantScale == 0)
        #expect(try #require(ExactDecimal("0.00000001")).significantScale == 8)
        #expect(try #require(ExactDecimal("0.000000010")).significantScale == 8)
        #expect(try #require(ExactDecimal("2500")).significantScale == 0)
        #expect(try #require(ExactDecimal("1.2300")).normalized.description == "1.23")
    }

    // MARK: Comparison

    @Test("equal values at different scales are equal and hash alike")
    func equalityAcrossScales() throws {
        let a = try #require(ExactDecimal("1.5"))
        let b = try #require(ExactDecimal("1.50"))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, try #require(ExactDecimal("1.500000"))]).count == 1)
        #expect(a != ExactDecimal("1.51"))
        #expect(ExactDecimal("0") == ExactDecimal("-0.00"))
    }

    @Test("ordering compares values, not digits")
    func ordering() throws {
        let values = ["0.11", "-2", "0.1", "10", "-2.5", "9.99"].compactMap(ExactDecimal.init)
        #expect(values.sorted().map(\.description) == ["-2.5", "-2", "0.1", "0.11", "9.99", "10"])
        let tenth = try #require(ExactDecimal("0.1")), eleven = try #require(ExactDecimal("0.11"))
        #expect(tenth < eleven && !(eleven < tenth))
        let oneFifty = try #require(ExactDecimal("1.50")), onePointFive = try #require(ExactDecimal("1.5"))
        #expect(!(oneFifty < onePointFive) && !(onePointFive < oneFifty))
    }

    @Test("rescaled(to:) pads exactly and refuses to lose digits")
    func rescaling() throws {
        let d = try #require(ExactDecimal("1.5"))
        #expect(d.rescaled(to: 3)?.description == "1.500")
        #expect(d.rescaled(to: 1)?.description == "1.5")
        #expect(try #require(ExactDecimal("1.500")).rescaled(to: 1)?.description == "1.5")
        #expect(try #require(ExactDecimal("1.55")).rescaled(to: 1) == nil)
        #expect(d.rescaled(to: 39) == nil)
        #expect(d.rescaled(to: -1) == nil)
        #expect(ExactDecimal(units: Int128.max / 2, scale: 0).rescaled(to: 1) == nil)
    }

    // MARK: Large and precise values

    @Test("ETH amounts with 18 decimals round trip through their text")
    func ethRoundTrip() throws {
        for text in ["0.000000000000000001", "1.000000000000000001", "123456789.123456789012345678",
                     "-0.500000000000000000"] {
            let d = try #require(ExactDecimal(text))
            #expect(d.description == text)
            #expect(ExactDecimal(d.description) == d)
        }
    }

    @Test("amounts near 10^20 ETH in wei are exact and do not trap")
    func hugeValues() throws {
        let nearly = try #require(ExactDecimal("99999999999999999999.999999999999999999"))
        let oneWei = try #require(ExactDecimal("0.000000000000000001"))
        let total = nearly + oneWei
        #expect(total.description == "100000000000000000000.000000000000000000")
        #expect(total == ExactDecimal("1e20"))
        #expect(total - oneWei == nearly)
        #expect(nearly < total)
        #expect(total.formatted() == "100,000,000,000,000,000,000.000000000000000000")
        #expect(try #require(ExactDecimal("1e20")).rescaled(to: 18)?.units == total.units)
    }

    @Test("comparing a huge amount with a tiny one does not crash")
    func hugeVersusTinyComparison() async {
        // 10^21 of a token compared with 1 wei: aligning both to 18 decimals needs 40 digits.
        await #expect(processExitsWith: .success) {
            let huge = ExactDecimal("1e21")!
            let tiny = ExactDecimal("0.000000000000000001")!
            precondition(huge != tiny)
            precondition(tiny < huge)
            precondition([huge, tiny].sorted() == [tiny, huge])
        }
    }
}
