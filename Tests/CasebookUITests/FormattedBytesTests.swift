import CasebookModel
@testable import CasebookUI
import Testing

// The search text writes amounts as bytes instead of through ExactDecimal.formatted; the two
// must agree character for character, or a search for "1,234.5" would find different rows.

@Suite struct FormattedBytesTests {
    static func bytes(_ v: ExactDecimal, _ minScale: Int) -> String {
        var out: [UInt8] = []
        v.appendFormatted(minScale: minScale, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func edgeValuesMatchFormatted() {
        let texts = ["0", "-0.5", "0.05", "1", "12", "123", "1234", "-1234.5", "1000000", "999999.999", "0.00000001",
                     "99999999999999999999999999999999999999", "-9999999999999999999999999999.9999999999",
                     "18446744073709551615", "18446744073709551616", "100000000000000000000", "10000000000000000000000000000000000001", "866.000000000000964680", "-18446744073709551617.25", "3.10", "250"]
        for t in texts {
            let v = ExactDecimal(t)!
            for minScale in [0, 2, 8] { #expect(Self.bytes(v, minScale) == v.formatted(minScale: minScale), "\(t) \(minScale)") }
        }
    }

    @Test func randomValuesMatchFormatted() {
        var rng = IncrementalViewTests.Seeded(state: 7)
        for _ in 0..<5_000 {
            let units = Int128(truncatingIfNeeded: Int64(bitPattern: rng.next())) * Int128(Int.random(in: 1...1_000_000, using: &rng))
            let v = ExactDecimal(units: units, scale: Int.random(in: 0...18, using: &rng))
            for minScale in [0, 2] { #expect(Self.bytes(v, minScale) == v.formatted(minScale: minScale)) }
        }
    }
}
