@testable import CasebookModel
import Foundation
@testable import CasebookStore
import Testing

// The byte writer against the original canonical text (RecordCoding + JSONWriter): every byte.

@Suite struct CaseWriterDifferentialTests {
    func expectSameBytes(_ doc: CaseDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = CaseCoding.referenceEncode(doc)
        let bytes = CaseWriter.encode(doc)
        #expect(bytes == Array(reference.utf8), sourceLocation: sourceLocation)
        if bytes != Array(reference.utf8) {
            let a = reference.split(separator: "\n"), b = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            if let k = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference at line \(k + 1):\n\(a[k])\n\(b[k])", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [(1, 1), (300, 2), (25_000, 3)])
    func generatedCasesWriteTheSameBytes(transfers: Int, seed: UInt64) {
        expectSameBytes(CaseDocument(content: SyntheticCase.make(transfers: transfers, seed: seed)))
    }

    @Test func escapesDecimalsAndEveryOptionalFieldWriteTheSameBytes() throws {
        expectSameBytes(try CaseReaderEdgeFiles.document())
        expectSameBytes(CaseDocument(content: Fixtures.sampleCase()))
        expectSameBytes(CaseDocument(content: Case(info: CaseInfo(title: "empty", created: "t"))))
    }

    @Test func idsThatAreLongNonASCIIOrHoldANULSortAsStrings() {
        var c = Case(info: CaseInfo(title: "ids", created: "t"))
        let ids = ["tx-2", "tx-10", "tx-1", "tx-", "tx-1\u{0}", "tx-1\u{0}a", "a-very-long-transfer-id-of-many-bytes", "a-very-long-transfer-id-of-many-byte",
                   "tx-é", "tx-e\u{301}x", "TX-1", "tx-한", "tx-😀", "0", ""]
        for id in ids {
            c.insert(.transfer(Transfer(meta: RecordMeta(id: id, created: "t"), time: "t", from: "a", to: "b", asset: "BTC",
                                        amount: ExactDecimal(1), kind: .hop, basis: .observed)))
            c.insert(.wallet(Wallet(meta: RecordMeta(id: "w" + id, created: "t"), chain: "BTC", address: id)))
        }
        expectSameBytes(CaseDocument(content: c))
        var ascii = Case(info: CaseInfo(title: "ids", created: "t"))
        for id in ["b", "a\u{0}", "a", "ab", "a\u{0}\u{0}", "abcdefghijklmnop", "abcdefghijklmno", "abcdefghijklmnoq"] {
            ascii.insert(.transfer(Transfer(meta: RecordMeta(id: id, created: "t"), time: "t", from: "a", to: "b", asset: "BTC",
                                            amount: ExactDecimal(1), kind: .hop, basis: .observed)))
        }
        expectSameBytes(CaseDocument(content: ascii))
    }

    /// Transfers are written in ledger order, by time and then id (so a case opens with its
    /// ledger in order): integer keys where both transfers have a canonical time and a packed id,
    /// else `Transfer.precedes`. With many equal times, ids that do not pack (long, Korean) and
    /// times that are not canonical, big enough for the pipeline.
    @Test func transfersAreWrittenByTimeThenID() {
        let odd = ["2019-05-01", "2019-05-01T00:00:00.5Z", "2019-05-02T00:00:00+09:00", "", "오늘 새벽", "2019-05-01 00:00:00Z"]
        for (longIDs, oddTimes) in [(false, false), (true, false), (false, true), (true, true)] {
            var c = Case(info: CaseInfo(title: "ledger order", created: "t"))
            for n in 0..<25_000 {
                let id = longIDs && n % 1000 == 0 ? (n % 2000 == 0 ? "a-transfer-id-too-long-to-pack-\(n)" : "tx-한-\(n)")
                    : "tx-\((n * 7919) % 25_013)"
                let time = oddTimes && n % 97 == 0 ? odd[n % odd.count]
                    : "2019-05-0\(1 + n % 3)T00:00:\(String(format: "%02d", n % 7))Z"
                c.insert(.transfer(Transfer(meta: RecordMeta(id: id, created: "t"), time: time, from: "a", to: "b", asset: "BTC",
                                            amount: ExactDecimal(n), kind: .hop, basis: .observed)))
            }
            let doc = CaseDocument(content: c)
            expectSameBytes(doc)
            let text = String(decoding: CaseWriter.encode(doc), as: UTF8.self)
            let written = text.split(separator: "\n").filter { $0.hasPrefix("{\"id\":") }.map { line in
                String(line.dropFirst(7).prefix { $0 != "\"" })
            }
            let expected = c.transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }.map(\.id)
            #expect(written.count == 25_000)
            #expect(written == expected, "transfers in file order by (time, id); ids that do not pack: \(longIDs), odd times: \(oddTimes)")
        }
    }

    /// The writer checks strings eight bytes at a time: every character that needs an escape
    /// (and some that look like one, as C1 and U+2028 lead bytes do) at every place in a word.
    @Test func escapesAtEveryPlaceInAWordWriteTheSameBytes() {
        var c = Case(info: CaseInfo(title: "escapes", created: "t"))
        let specials = ["\u{0}", "\u{1F}", " ", "\"", "\\", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}",
                        "\u{2030}", "é", "\n", "!", "#", "[", "]", "~", "😀"]
        var n = 0
        for special in specials {
            for length in [1, 7, 8, 9, 15, 16, 17, 23] {
                for at in 0..<length {
                    let text = String(repeating: "a", count: at) + special + String(repeating: "b", count: length - at - 1)
                    n += 1
                    c.insert(.transfer(Transfer(meta: RecordMeta(id: "tx-\(n)", created: "t"), time: text, from: "a", to: text,
                                                asset: "BTC", amount: ExactDecimal(1), rateSource: text, kind: .hop, basis: .observed)))
                }
            }
        }
        expectSameBytes(CaseDocument(content: c))
    }

    /// Hashes of every length, with and without `0x`, are spelled out in place by the pipeline's
    /// writer (the generator's are all 64 digits).
    @Test func hashesOfEveryLengthWriteTheSameBytes() {
        var c = SyntheticCase.make(transfers: 25_000, seed: 5)
        let digits = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"
        for (k, id) in c.transfers.keys.sorted().prefix(200).enumerated() {
            let n = k % 66
            c.transfers[id]!.txHash = (k % 2 == 0 ? "0x" : "") + String(digits.prefix(n))
        }
        expectSameBytes(CaseDocument(content: c))
    }

    /// Decimals are written two digits at a time, cut in 19-digit parts past UInt64: every
    /// size of magnitude (to the largest Int128s) at every scale writes its description.
    @Test func decimalsOfEverySizeAndScaleWriteTheirDescription() {
        var rng = SyntheticCase.Random(state: 128)   // seeded, so a failure replays
        var values: [Int128] = [0, 1, -1, 9, 10, 99, 100, Int128(UInt64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max) - 1,
                                Int128.max, Int128.min + 1, 10_000_000_000_000_000_000, 99_999_999_999_999_999_999]
        for digits in 1...38 {
            var v: Int128 = 0
            for _ in 0..<digits { v = v * 10 + Int128(Int.random(in: 0...9, using: &rng)) }
            values.append(v)
            values.append(-v)
        }
        var over = CaseWriterBytes(capacity: 64)
        over.decimal("v", .overflow)
        #expect(String(decoding: over.bytes, as: UTF8.self) == ",\"v\":\"overflow\"")
        for units in values {
            for scale in [0, 1, 2, 8, 18, 19, 20, 37, 38] {
                let d = ExactDecimal(units: units, scale: scale)
                var out = CaseWriterBytes(capacity: 64)
                out.decimal("v", d)
                #expect(String(decoding: out.bytes, as: UTF8.self) == ",\"v\":\"\(d.description)\"", "\(units) scale \(scale)")
            }
        }
    }
}
