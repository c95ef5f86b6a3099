// An RFC 4180 reader over bytes: fields separated by a delimiter (comma, semicolon or tab, taken
// from the header line), optionally quoted with `"`, a doubled `""` standing for one quote, quoted
// fields free to hold delimiters and line breaks. Each row remembers the line it starts on, so a
// bad row is reported where an editor shows it. A UTF-8 byte-order mark is dropped; bytes that are
// not UTF-8 are an error naming the line.

public struct CSVRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
}

public struct CSVError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}

public enum CSVReader {
    /// Longest field accepted; a longer one is almost certainly a broken quote swallowing the file.
    public static let maxField = 1 << 20

    public static func rows(_ input: [UInt8], delimiter: UInt8? = nil) throws(CSVError) -> [CSVRow] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let delim = delimiter ?? guessDelimiter(bytes)
        var rows: [CSVRow] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1, column = 1
        var i = bytes.startIndex
        var quoted = false, wasQuoted = false

        func finishField() throws(CSVError) {
            // Spaces around an unquoted field go (at byte level: Foundation's trimming is slow).
            var lo = 0, hi = field.count
            if !wasQuoted {
                while lo < hi, field[lo] == 32 { lo += 1 }
                while hi > lo, field[hi - 1] == 32 { hi -= 1 }
            }
            guard let s = String(validating: field[lo..<hi], as: UTF8.self) else {
                throw CSVError(line: line, column: column, message: "is not UTF-8 text (save the file as UTF-8)")
            }
            fields.append(s)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finishRow() {
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(CSVRow(line: rowLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while i < bytes.endIndex {
            let b = bytes[i]
            i += 1
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") { field.append(b); i += 1; column += 1 } else { quoted = false }
                } else {
                    if b == 10 { line += 1; column = 0 }
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                guard field.allSatisfy({ $0 == 32 }) else {
                    throw CSVError(line: line, column: column, message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\"\"\")")
                }
                field.removeAll()
                quoted = true
                wasQuoted = true
            } else if b == delim {
                try finishField()
            } else if b == 10 || b == 13 {
                if b == 13, i < bytes.endIndex, bytes[i] == 10 { i += 1 }
                try finishField()
                finishRow()
                line += 1
                rowLine = line
                column = 0
            } else {
                if wasQuoted && b != 32 {
                    throw CSVError(line: line, column: column, message: "text after a closing quote (a quote inside a quoted field must be doubled)")
                }
                if !wasQuoted { field.append(b) }
            }
            column += 1
            if field.count > maxField {
                throw CSVError(line: rowLine, column: 1, message: "a field longer than \(maxField) bytes (an unclosed quote?)")
            }
        }
        if quoted { throw CSVError(line: rowLine, column: 1, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            try finishField()
            finishRow()
        }
        return rows
    }

    /// The delimiter the header line uses most: comma, semicolon or tab.
    static func guessDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let header = bytes.prefix { $0 != 10 && $0 != 13 }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        return candidates.max { a, b in header.count(where: { $0 == a }) < header.count(where: { $0 == b }) } ?? UInt8(ascii: ",")
    }

    /// Bytes as text for sniffing, with invalid UTF-8 repaired (never for the data itself).
    static func text(of bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
