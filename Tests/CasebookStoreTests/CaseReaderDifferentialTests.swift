import CasebookModel
@testable import CasebookStore
import Testing

// The fast case reader against the reference path (JSONParser + CaseCoding.decode): the same
// document, the same duplicates and the same error for every file, canonical or not, broken or
// not. Canonical files must also be taken by the fast reader itself, not handed to the fallback.

@Suite struct CaseReaderDifferentialTests {
    typealias Decoded = (CaseDocument, duplicates: [Problem])

    /// Whether the fast reader alone takes `bytes` (no fallback).
    func fastTakes(_ bytes: [UInt8], split: Int) -> Bool {
        bytes.withUnsafeBufferPointer { b in (try? CaseReader.decode(b, progress: nil, split: split)) != nil }
    }

    /// Reads `text` both ways and expects the same outcome; `fast` says whether the fast reader
    /// should take it by itself. A small split makes even small sections use the worker thread.
    func expectSame(_ text: String, fast: Bool? = nil, split: Int = 256,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        expectSame(Array(text.utf8), fast: fast, split: split, sourceLocation: sourceLocation)
    }

    func expectSame(_ bytes: [UInt8], fast: Bool? = nil, split: Int = 256, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = Result { () throws(StoreError) -> Decoded in try CaseReader.reference(bytes, path: "f.json", progress: nil) }
        for threshold in [split, CaseReaderArrays.splitThreshold] {
            let got = Result { () throws(StoreError) -> Decoded in try CaseReader.load(bytes, path: "f.json", progress: nil, split: threshold) }
            switch (reference, got) {
            case (.success(let a), .success(let b)):
                #expect(a.0 == b.0, sourceLocation: sourceLocation)
                #expect(a.duplicates == b.duplicates, sourceLocation: sourceLocation)
                // Equality of decimals ignores trailing zeros; the canonical text does not.
                #expect(CaseCoding.encode(a.0) == CaseCoding.encode(b.0), sourceLocation: sourceLocation)
            case (.failure(let a), .failure(let b)):
                #expect(a == b, sourceLocation: sourceLocation)
            default:
                Issue.record("reference \(reference) but fast reader \(got)", sourceLocation: sourceLocation)
            }
            if let fast { #expect(fastTakes(bytes, split: threshold) == fast, sourceLocation: sourceLocation) }
        }
    }

    @Test(arguments: [(1, 1), (7, 2), (300, 3), (2_500, 1), (2_500, 4)])
    func generatedCasesReadTheSame(transfers: Int, seed: UInt64) {
        let text = CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: transfers, seed: seed)))
        expectSame(text, fast: true)
        expectSame(text, fast: true, split: 64 << 10)
    }

    @Test func anAttributionWithUnknownConfidenceIsWrittenAndReadTheSame() {
        var c = SyntheticCase.make(transfers: 300, seed: 5)
        let id = c.wallets.keys.sorted()[0]
        c.wallets[id]!.attributions.append(Attribution(actor: "act-dprk", confidence: Attribution.unknownConfidence, basis: "stated none"))
        let incident = c.incidents.keys.sorted()[0]
        c.incidents[incident]!.attributions = [Attribution(actor: "act-dprk", confidence: Attribution.unknownConfidence)]
        let doc = CaseDocument(content: c)
        let text = CaseCoding.encode(doc)
        #expect(CaseWriter.encode(doc) == Array(CaseCoding.referenceEncode(doc).utf8))
        #expect(!text.contains("\"confidence\":-1"), "unknown is written as no confidence")
        expectSame(text, fast: true)
        let back = try? CaseReader.load(Array(text.utf8), path: "f.json", progress: nil, split: 256)
        #expect(back?.0.content.wallets[id]?.attributions.last?.confidence == Attribution.unknownConfidence)
    }

    @Test func everyFieldEscapeAndEdgeAmountReadsTheSame() throws {
        let text = CaseCoding.encode(try CaseReaderEdgeFiles.document())
        expectSame(text)
        // Strings with escapes go through the reference decoder record by record, not the whole file.
        expectSame(text, fast: true)
    }

    @Test func prettyPrintedAndReorderedFilesReadTheSame() throws {
        for doc in [try CaseReaderEdgeFiles.document(), CaseDocument(content: SyntheticCase.make(transfers: 400, seed: 9))] {
            let text = CaseCoding.encode(doc)
            expectSame(try CaseReaderEdgeFiles.prettyPrinted(text), fast: true)
            expectSame(try CaseReaderEdgeFiles.prettyPrinted(text, reversedKeys: true), fast: true)
            expectSame(text.replacingOccurrences(of: "\n", with: "\r\n \t"), fast: true)
            expectSame(text.replacingOccurrences(of: "\n", with: ""), fast: true)
        }
    }

    /// Hand-written variants of the sample case's transfers, wallets and header.
    @Test(arguments: [
        // Spellings the format accepts.
        ("\"amount\":\"1234.56789012\"", "\"amount\":1234.56789012"),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"1.23456789012e3\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":12.3456789012E+2"),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"+1234.56789012\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\".5\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"0001234.5600\""),
        ("\"amount\":\"4500000000\"", "\"amount\":\"4.5e9\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"\\u0064e0\\/de0 \\uD55C \\uD83D\\uDE00 \\u00e9\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":null"),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"de0de0\",\"usd\":null,\"tags\":null,\"notes\":[],\"sources\":[]"),
        // Times and hashes the fast reader packs, and ones it must keep as written.
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"0x00de0de0\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"0xDE0DE0\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"0X" + String(repeating: "a", count: 64) + "\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"0x" + String(repeating: "a", count: 65) + "\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"\\u0030x00ff\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":\"2018-06-19T10:00:00.25Z\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":\"2018-06-19\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":\"2018-06-19T10:00:00+09:00\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":\"\\u0032018-06-19T10:00:00Z\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":\"2018-13-45T10:00:00Z\""),
        ("\"label\":\"Bithumb hot wallet\"", "\"label\":\"빗썸 \\\"hot\\\" wallet\""),
        ("\"confidence\":60", "\"confidence\":-0"),
        ("\"chain\":\"BTC\"", "\"chain\" : \"BTC\" "),
        // Broken in ways the reference path must word.
        ("\"amount\":\"1234.56789012\"", "\"amount\":true"),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"5.\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"1,234\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":\"1234567890123456789012345678901234567890\""),
        ("\"amount\":\"1234.56789012\"", "\"amount\":01"),
        ("\"confidence\":60", "\"confidence\":60.0"),
        ("\"confidence\":60", "\"confidence\":\"high\""),
        ("\"confidence\":60", "\"confidence\":99999999999999999999"),
        ("\"kind\":\"theft\"", "\"kind\":\"teleport\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"de0\\xde0\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"de0\\uD800de0\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"de0\tde0\""),
        ("\"txHash\":\"de0de0\"", "\"txHash\":\"de0de0\",\"txHash\":\"x\""),
        ("\"txHash\":\"de0de0\"", "\"txhash\":\"de0de0\""),
        ("\"time\":\"2018-06-19T10:00:00Z\"", "\"time\":null"),
        ("\"label\":\"Bithumb hot wallet\"", "\"lable\":\"Bithumb hot wallet\""),
        ("\"version\":1", "\"version\":7"),
        ("\"version\":1", "\"version\":0"),
        ("\"format\":\"casebook\",", ""),
        ("\"history\":[]", "\"widgets\":[],\n\"history\":[]"),
        ("\"history\":[]", "\"history\":[]} x"),
        ("\"history\":[]", "\"history\":null"),
        ("\"assets\":[]", "\"assets\":[{\"code\":\"ZZZ\",\"precision\":\"x\"}]"),
    ])
    func handWrittenVariantsReadTheSame(original: String, replacement: String) throws {
        let text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        #expect(text.contains(original))
        expectSame(text.replacingOccurrences(of: original, with: replacement))
    }

    @Test func invalidUTF8AndStrayBytesReadTheSame() {
        let text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        for (needle, bad) in [("Bithumb hot", [0xC3, 0x28]), ("wal-laz", [0xFF]), ("\"tx-2\"", [0x00])] as [(String, [UInt8])] {
            var bytes = Array(text.utf8)
            let at = Array(text.utf8).firstRange(of: Array(needle.utf8))!.upperBound - 1
            bytes.insert(contentsOf: bad, at: at)
            expectSame(bytes)
        }
    }

    @Test func truncatedFilesReadTheSame() {
        let bytes = Array(CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 200, seed: 5))).utf8)
        for fraction in [0.0, 0.001, 0.1, 0.5, 0.7, 0.999] {
            expectSame(Array(bytes.prefix(Int(Double(bytes.count) * fraction))), fast: false)
        }
        expectSame(Array(bytes.dropLast(2)), fast: false)
    }

    @Test func duplicateIDsAreReportedWithTheSameLines() {
        let text = CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 600, seed: 2)))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A transfer repeated far from its first copy (across the worker's split), and a wallet.
        let tx = lines.firstIndex { $0.hasPrefix("{\"id\":\"tx-10\"") }!
        let wal = lines.firstIndex { $0.hasPrefix("{\"id\":\"wal-3\"") }!
        // Inserted bottom up, so the earlier indexes still hold.
        lines.insert(lines[tx].replacingOccurrences(of: "\"amount\":\"", with: "\"amount\":\"9"), at: lines.count - 4)
        lines.insert(lines[tx], at: tx + 2)
        lines.insert(lines[wal], at: wal + 1)
        expectSame(lines.joined(separator: "\n"), fast: true)
    }

    @Test func aSectionReadInManyBlocksReadsTheSame() {
        // Both threads claim blocks; the reading thread moves them into the table in file order.
        let n = 16_000
        let text = CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: n, seed: 6)))
        expectSame(text, fast: true)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = lines.lastIndex { $0.hasPrefix("{\"id\":\"tx-") }!
        // A transfer repeated in the last block, after earlier blocks went into the table.
        var repeated = lines
        let first = repeated.firstIndex { $0.hasPrefix("{\"id\":\"tx-1\"") }!
        repeated.insert(repeated[first], at: last - 2)
        expectSame(repeated.joined(separator: "\n"), fast: true)
        // A record the fast reader declines in a late block: the reference path decides.
        lines[last - 5] = lines[last - 5].replacingOccurrences(of: "\"kind\":\"", with: "\"kind\" : \"\\u0068")
        expectSame(lines.joined(separator: "\n"), fast: false)
    }

    @Test func aBlockThatStartsInsideARecordIsThrownAwayAndTheRestReadAlone() throws {
        // Citations on a line of their own: "\n{" inside a transfer, where a block may begin.
        let text = CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 3_000, seed: 2)))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inner: [Int] = []
        for i in lines.indices where lines[i].hasPrefix("{\"id\":\"tx-") && i % 7 == 0 {
            lines[i] = lines[i].replacingOccurrences(of: "\"basis\":\"illustrative\"",
                                                     with: "\"basis\":\"illustrative\",\"sources\":[\n{\"source\":\"src-synthetic\"}]")
            inner.append(i)
        }
        #expect(inner.count > 300)
        let bytes = Array(lines.joined(separator: "\n").utf8)
        // Some block does begin at such a "{", so the reader meets a false start.
        let falseStarts = bytes.withUnsafeBufferPointer { b -> Int in
            var c = CaseReaderCursor(b)
            let section = Array("\"transfers\":[".utf8)
            c.i = (0..<(b.count - section.count)).first { Array(b[$0..<($0 + section.count)]) == section }! + section.count
            let (starts, _) = try! #require(CaseReaderArrays.blockStarts(c, 256))
            return starts.filter { $0 >= 2 && b[$0 - 2] == UInt8(ascii: "[") }.count
        }
        #expect(falseStarts > 0)
        expectSame(bytes, fast: true)
    }

    /// The close `blockStarts` gives the transfers section of `bytes`, looked for from the end
    /// of the file and forward, and whether the file's last "\n]" was trusted as it.
    func transfersClose(_ bytes: [UInt8]) throws -> (fromEnd: Int, forward: Int, lastTrusted: Bool) {
        try bytes.withUnsafeBufferPointer { b in
            var c = CaseReaderCursor(b)
            let section = Array("\"transfers\":[".utf8)
            c.i = (0..<(b.count - section.count)).first { Array(b[$0..<($0 + section.count)]) == section }! + section.count
            let last = try #require(CaseReaderArrays.findLast(0x0A, UInt8(ascii: "]"), c, from: c.i, to: c.end, within: 1 << 20))
            return (try #require(CaseReaderArrays.blockStarts(c, 256, fromEnd: true)).close,
                    try #require(CaseReaderArrays.blockStarts(c, 256)).close,
                    CaseReaderArrays.historyFollows(c, last + 2))
        }
    }

    @Test("the transfers' close is found from the end of a canonical file, and the case reads the same")
    func transfersCloseFromTheEnd() throws {
        let bytes = Array(CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 300, seed: 6))).utf8)
        let (fromEnd, forward, trusted) = try transfersClose(bytes)
        #expect(trusted, "the last \"\\n]\" is followed by the history key")
        #expect(fromEnd == forward)
        expectSame(bytes, fast: true)
    }

    @Test("a history on lines of its own after the transfers is not taken for their close (the table is not sized for it)")
    func aLongHistoryIsNotTheTransfersClose() throws {
        var doc = CaseDocument(content: SyntheticCase.make(transfers: 300, seed: 6))
        doc.history = try CaseReaderEdgeFiles.document().history
        #expect(doc.history.entries.count >= 2)
        let bytes = Array(CaseCoding.encode(doc).utf8)
        let (fromEnd, forward, trusted) = try transfersClose(bytes)
        #expect(!trusted, "the last \"\\n]\" closes the history")
        #expect(fromEnd == forward, "so the close is looked for forward")
        expectSame(bytes, fast: true)
    }

    @Test func aSectionOnOneLineIsReadByOneThreadAndTheSame() throws {
        // No "\n{" in the section: one block, nothing to share.
        let text = CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 800, seed: 5)))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out = "", inTransfers = false
        for line in lines {
            if line.hasPrefix("\"transfers\":[") { inTransfers = true; out += line; continue }
            if inTransfers && line.hasPrefix("]") { inTransfers = false; out += "\n" }
            out += inTransfers ? line : line + "\n"
        }
        out.removeLast()
        #expect(out.contains("},{\"id\":\"tx-"))
        expectSame(out, fast: true)
    }

    @Test func cancellingStopsBothReaders() throws {
        let bytes = Array(CaseCoding.encode(CaseDocument(content: SyntheticCase.make(transfers: 6_000, seed: 1))).utf8)
        var calls = 0
        #expect(throws: StoreError.cancelled(path: "f.json")) {
            try CaseReader.load(bytes, path: "f.json", progress: { _ in calls += 1; return false }, split: 1 << 10)
        }
        #expect(calls == 1)
        var fractions: [Double] = []
        _ = try CaseReader.load(bytes, path: "f.json", progress: { fractions.append($0); return true }, split: 1 << 10)
        #expect(!fractions.isEmpty && fractions.allSatisfy { (0...1).contains($0) })
    }
}
