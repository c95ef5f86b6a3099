import CasebookModel
@testable import CasebookStore
import Testing

// What the fast reader shares or makes without the usual checks, against the reference path:
// attribution lists found by their text (CaseReaderInterner.attributions) and short Strings made
// from their bytes (CaseReaderSmallString).

@Suite struct CaseReaderSharingTests {
    /// A case whose wallets carry the attribution lists `lists` (as written), one each.
    func text(_ lists: [String]) -> String {
        let wallets = lists.enumerated().map { (k, list) in
            "{\"id\":\"wal-\(k)\",\"chain\":\"ETH\",\"address\":\"0x\(k)\",\"attributions\":\(list),\"created\":\"2026-01-01T00:00:00Z\"}"
        }
        return """
        {"format":"casebook","version":1,
        "case":{"title":"t","created":"2026-01-01T00:00:00Z"},
        "actors":[
        {"id":"act-a","name":"A","kind":"group","created":"2026-01-01T00:00:00Z"}
        ],
        "wallets":[
        \(wallets.joined(separator: ",\n"))
        ]}
        """
    }

    func bothWays(_ text: String) throws -> (fast: Case, reference: Case) {
        let bytes = Array(text.utf8)
        let fast = try bytes.withUnsafeBufferPointer { b in try CaseReader.decode(b, progress: nil, split: 256) }
        let reference = try CaseReader.reference(bytes, path: "s.json", progress: nil)
        return (fast.0.content, reference.0.content)
    }

    @Test("wallets repeating, varying and respelling attribution lists read as the reference reads them")
    func attributionListsFoundByTheirText() throws {
        var lists: [String] = []
        for k in 0..<(CaseReaderInterner.listLimit + 600) {
            lists.append("[{\"actor\":\"act-a\",\"confidence\":\(k % 7)}]")        // seven texts, repeated
            lists.append("[{\"actor\":\"act-a\",\"confidence\":\(k % 101),\"basis\":\"b\(k)\"}]")   // past the limit
        }
        lists.append("[{\"confidence\":3,\"actor\":\"act-a\"}]")                    // another spelling of one seen
        lists.append("[ {\"actor\":\"act-a\",\"confidence\":3} ]")
        lists.append("[{\"actor\":\"act-a\",\"confidence\":3},{\"actor\":\"act-a\",\"confidence\":4,\"basis\":\"조선\"}]")
        lists.append("[]")
        let (fast, reference) = try bothWays(text(lists))
        #expect(fast.wallets.count == lists.count)
        #expect(fast == reference)
        #expect(fast.wallets["wal-2"]?.attributions == [Attribution(actor: "act-a", confidence: 1)])
        #expect(fast.wallets["wal-\(lists.count - 2)"]?.attributions.last?.basis == "조선")
    }

    @Test("a list the fast reader declines (an escape) is read by the reference path, and its text is not kept")
    func aDeclinedListIsNotShared() throws {
        let escaped = "[{\"actor\":\"act-a\",\"confidence\":5,\"basis\":\"a \\\"quoted\\\" claim\"}]"
        let (fast, reference) = try bothWays(text([escaped, escaped, "[{\"actor\":\"act-a\",\"confidence\":5}]"]))
        #expect(fast == reference)
        #expect(fast.wallets["wal-1"]?.attributions.first?.basis == "a \"quoted\" claim")
    }

    @Test("short ASCII Strings made from bytes are the Strings String(decoding:) makes")
    func shortStringsAreOrdinaryStrings() {
        #expect(CaseReaderSmallString.available, "on a 64-bit little-endian platform the fast path must be in use")
        var rng = SystemRandomNumberGenerator()
        for count in 0...15 {
            for _ in 0..<50 {
                let bytes = (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
                let padded = bytes + (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }   // what follows is masked off
                let made = padded.withUnsafeBufferPointer { CaseReaderSmallString.make($0.baseAddress!, count) }
                let ordinary = String(decoding: bytes, as: UTF8.self)
                #expect(made == ordinary)
                #expect(Array(made.utf8) == bytes)
                #expect(made.hashValue == ordinary.hashValue)
                #expect(made < ordinary + "\u{0}" && (made + "x").count == count + 1)
            }
        }
    }
}

@Suite struct CaseReaderDecimalTests {
    /// The fast reader's decimal for `text` written as a JSON string.
    func read(_ text: String) -> ExactDecimal? {
        let bytes = Array("\"\(text)\"".utf8) + Array(repeating: UInt8(ascii: " "), count: 16)
        return bytes.withUnsafeBufferPointer { b in
            var c = CaseReaderCursor(UnsafeBufferPointer(rebasing: b[0..<(text.utf8.count + 2)]))
            return try? CaseReaderFields.decimal(&c)
        }
    }

    @Test("amounts read eight digits at a time are the amounts ExactDecimal parses, to the last digit and scale")
    func decimalsMatchTheParser() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1493.000000000000133276", "2986000.00", "12345678", "123456789.12345678", ".5", "5.", "-",
                     "", "00000000000000000000000000000000000000001.5", String(repeating: "9", count: 38),
                     String(repeating: "9", count: 39), "0." + String(repeating: "0", count: 37) + "1", "1..2", "1.2.3", "12a45678"]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...45, using: &rng)
            let alphabet = Array("0123456789012345678901234567890123456789.-")
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            if Bool.random(using: &rng) { text = text.replacingOccurrences(of: "-", with: "") }
            texts.append(text)
        }
        for text in texts {
            let got = read(text), expected = ExactDecimal(text)
            #expect(got == expected, "\(text)")
            #expect(got?.description == expected?.description, "\(text)")
        }
    }
}

/// `skipValue` passes over strings eight bytes at a time up to a quote, backslash or control
/// character: a value must end where JSON says it does, whatever those bytes are and wherever
/// they fall against the eight-byte words.
@Suite struct CaseReaderSkipTests {
    @Test("a skipped value ends just after its last byte, for escapes, quotes and control bytes at every place")
    func skipEndsAtTheValuesEnd() throws {
        let specials = ["\\\"", "\\\\", "\\n", "\\u0022", "\u{1}", "é", "라", "\\/", "}", "]", ",", "{"]
        for special in specials {
            for at in 0..<19 {
                let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: 19 - at)
                for value in ["\"\(text)\"", "[{\"basis\":\"\(text)\",\"n\":[1,\"\(text)\"]}]", "{\"\(text)\":\"\(text)\"}"] {
                    let json = Array((value + ",\"next\"").utf8)
                    let expected = value.utf8.count
                    try json.withUnsafeBufferPointer { b in
                        var c = CaseReaderCursor(b)
                        try c.skipValue()
                        #expect(c.i == expected, "\(value)")
                    }
                }
            }
        }
    }
}
