import CasebookModel
@testable import CasebookUI
import Testing

// NumberNeedle rules numbers out of a search without writing them: a number it rules out must
// never contain the needle. Every piece of a written number must be allowed in it, and random
// needles of number characters must be allowed in every number that contains them.

@Suite struct NumberNeedleTests {
    static func values() -> [ExactDecimal] {
        var rng = IncrementalViewTests.Seeded(state: 11)
        var out = ["0", "-0.5", "0.05", "1,234", "1234567.891", "-18446744073709551617.25", "866.000000000000964680", "1000", "999.999"]
            .compactMap { ExactDecimal($0.replacingOccurrences(of: ",", with: "")) }
        for _ in 0..<400 {
            let units = Int128(truncatingIfNeeded: Int64(bitPattern: rng.next())) >> Int.random(in: 0...60, using: &rng)
            out.append(ExactDecimal(units: units, scale: Int.random(in: 0...18, using: &rng)))
        }
        return out
    }

    @Test func everyPieceOfAWrittenNumberIsAllowedInIt() {
        for v in Self.values() {
            for minScale in [0, 2] {
                let text = Array(v.formatted(minScale: minScale).utf8)
                for from in text.indices {
                    for to in (from + 1)...min(text.count, from + 12) {
                        let needle = NumberNeedle(Array(text[from..<to]))
                        #expect(needle.couldBeIn(units: v.units, scale: v.scale, minScale: minScale),
                                "\(String(decoding: text[from..<to], as: UTF8.self)) in \(v.formatted(minScale: minScale))")
                    }
                }
            }
        }
    }

    @Test func aNumberRuledOutNeverContainsTheNeedle() {
        var rng = IncrementalViewTests.Seeded(state: 12)
        let alphabet = Array("0123456789,.-".utf8)
        var ruledOut = 0
        for v in Self.values() {
            let text = v.formatted(minScale: 2)
            for _ in 0..<60 {
                let needle = (0..<Int.random(in: 1...7, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
                if !NumberNeedle(needle).couldBeIn(units: v.units, scale: v.scale, minScale: 2) {
                    ruledOut += 1
                    #expect(!text.contains(String(decoding: needle, as: UTF8.self)), "\(String(decoding: needle, as: UTF8.self)) in \(text)")
                }
            }
        }
        #expect(ruledOut > 1_000)   // the rules do rule numbers out
    }
}

extension NumberNeedleTests {
    /// A needle of digits alone, longer than three, is found among the decimals exactly when the
    /// written number contains it.
    @Test func digitsAreFoundAmongTheDecimalsAsInTheWrittenNumber() {
        var rng = IncrementalViewTests.Seeded(state: 13)
        var checked = 0
        for v in Self.values() {
            for minScale in [0, 2] {
                let text = v.formatted(minScale: minScale)
                let digits = Array(text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 })
                for _ in 0..<20 {
                    // Pieces of the number's own digits (often found), and random digits.
                    let n = Int.random(in: 4...9, using: &rng)
                    let needle: [UInt8] = digits.count > n && Bool.random(using: &rng)
                        ? Array(digits[Int.random(in: 0...(digits.count - n), using: &rng)...].prefix(n))
                        : (0..<n).map { _ in UInt8.random(in: 0x30...0x39, using: &rng) }
                    let found = needle.withUnsafeBufferPointer { NumberNeedle(needle).inDecimals(units: v.units, scale: v.scale, minScale: minScale, $0) }
                    guard let found else { continue }
                    checked += 1
                    #expect(found == text.contains(String(decoding: needle, as: UTF8.self)), "\(String(decoding: needle, as: UTF8.self)) in \(text)")
                }
            }
        }
        #expect(checked > 10_000)
    }
}
