// Reads decimal text into an ExactDecimal without ever going through Double.
//
// Grammar: [+-] digits [. digits] [(e|E) [+-] digits], or [+-] . digits. The digits become the
// units, the count of fractional digits minus the exponent becomes the scale; a negative scale is
// folded into the units (2.5e3 -> 2500, scale 0). Leading zeros are skipped so `0.000…1` with
// many zeros still fits; more than 38 significant digits is refused rather than rounded.

enum DecimalParser {
    static func parse(_ text: String) -> ExactDecimal? {
        var text = text
        return text.withUTF8 { parse(bytes: $0[...]) }
    }

    static func parse(bytes: Slice<UnsafeBufferPointer<UInt8>>) -> ExactDecimal? {
        var bytes = bytes
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var units: Int128 = 0
        var significant = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while let b = bytes.first {
            if b >= 48 && b <= 57 {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
                if units != 0 || b != 48 { significant += 1 }
                guard significant <= 38 else { return nil }
                units = units * 10 + Int128(b - 48)
            } else if b == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
                // "5." is not a number here: a point needs a digit after it.
                guard bytes.count > 1, bytes[bytes.index(after: bytes.startIndex)] >= 48,
                      bytes[bytes.index(after: bytes.startIndex)] <= 57 else { return nil }
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                expNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var sawExpDigit = false
            while let b = bytes.first, b >= 48 && b <= 57 {
                sawExpDigit = true
                exponent = exponent * 10 + Int(b - 48)
                guard exponent < 1000 else { return nil }
                bytes = bytes.dropFirst()
            }
            guard sawExpDigit else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }
        var scale = fractionDigits - exponent
        if scale < 0 {
            let (m, overflow) = ExactDecimal.powerOfTen(-scale)
            let (u, o2) = units.multipliedReportingOverflow(by: m)
            guard !overflow && !o2 else { return nil }
            units = u
            scale = 0
        }
        // Trailing zeros past the limit carry no information; drop them before giving up.
        while scale > ExactDecimal.maxScale && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        guard scale <= ExactDecimal.maxScale else { return nil }
        return ExactDecimal(units: negative ? -units : units, scale: scale)
    }
}
