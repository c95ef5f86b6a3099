import CasebookModel
@testable import CasebookStore
import Foundation
import Testing

@Suite struct CaseFileFormatTests {
    @Test func roundTripGivesTheSameCaseAndHistory() throws {
        var doc = CaseDocument(content: Fixtures.sampleCase())
        let edit = try Fixtures.editor.addNote("Funds moved within hours.\nSecond line \u{1B}[31m", to: ["inc-bithumb-2018"], in: doc.content)
        try doc.content.apply(edit)
        try doc.history.append(HistoryEntry(seq: 1, op: .edit, edit: edit, time: edit.time, author: edit.author))
        let text = CaseCoding.encode(doc)
        let back = try CaseCoding.decode(text: text)
        #expect(back == doc)
        #expect(CaseCoding.encode(back) == text, "encoding is byte-stable")
    }

    @Test func canonicalLayoutIsOneRecordPerLineSortedByID() throws {
        let text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "{\"format\":\"casebook\",\"version\":1,")
        let actorLines = lines.filter { $0.hasPrefix("{\"id\":\"act-") }
        #expect(actorLines.count == 3)
        #expect(actorLines.map { $0.split(separator: "\"")[3] } == ["act-bithumb", "act-lazarus", "act-park"])
        // Every record line is itself valid JSON, and starts with its id.
        for line in lines where line.hasPrefix("{\"id\"") {
            let trimmed = line.hasSuffix(",") ? String(line.dropLast()) : line
            #expect(throws: Never.self) { try JSONParser.parse(trimmed) }
        }
        #expect(text.contains("\"amount\":\"1234.56789012\""), "amounts are decimal strings")
        #expect(text.contains("박진혁"), "non-ASCII is written as itself for jq and diff")
    }

    @Test func orderOfInsertionDoesNotChangeTheFile() throws {
        let c = Fixtures.sampleCase()
        var reversed = Case(info: c.info)
        for r in c.allRecords.reversed() { reversed.insert(r) }
        #expect(CaseCoding.encode(CaseDocument(content: reversed)) == CaseCoding.encode(CaseDocument(content: c)))
    }

    @Test func controlCharactersAreEscapedInTheFile() throws {
        var c = Fixtures.sampleCase()
        try c.apply(Fixtures.editor.addNote("evil \u{1B}]0;pwned\u{07} \u{9B}2J", to: ["act-park"], in: c))
        let text = CaseCoding.encode(CaseDocument(content: c))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(text.contains("\\u001b]0;pwned\\u0007"))
        #expect(try CaseCoding.decode(text: text).content == c)
    }

    @Test func invalidJSONIsReportedWithLineAndColumn() {
        let text = "{\"format\":\"casebook\",\n\"version\":1,\n\"case\": {\"title\": \"x\",, }\n}"
        #expect { try JSONParser.parse(text) } throws: { error in
            guard let e = error as? JSONSyntaxError else { return false }
            return e.line == 3 && e.column == 23 && e.message.contains("expected a quoted key")
        }
    }

    @Test func wrongTypesAndUnknownFieldsNameTheRecordAndField() throws {
        var text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        text = text.replacingOccurrences(of: "\"amount\":\"4500000000\"", with: "\"amount\":true")
        #expect { try CaseCoding.decode(text: text) } throws: { error in
            let d = "\(error)"
            return d.contains("transfers[1] (tx-2).amount") && d.contains("expected a decimal string") && d.contains("line ")
        }
        let typo = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase())).replacingOccurrences(of: "\"label\":\"Bithumb hot", with: "\"lable\":\"Bithumb hot")
        #expect { try CaseCoding.decode(text: typo) } throws: { "\($0)".contains("wallets[0] (wal-hot).lable: is not a known field") }
    }

    @Test func unknownRecordKindAndNewerVersionAreRefused() throws {
        let text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        let unknown = text.replacingOccurrences(of: "\"history\":[]", with: "\"widgets\":[],\n\"history\":[]")
        #expect { try CaseCoding.decode(text: unknown) } throws: { "\($0)".contains("widgets: is not a known record kind") }
        let newer = text.replacingOccurrences(of: "\"version\":1", with: "\"version\":7")
        #expect { try CaseCoding.decode(text: newer) } throws: { "\($0)".contains("is 7, written by a newer Casebook") }
    }

    @Test func numbersAsAmountsAreReadExactly() throws {
        var text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        text = text.replacingOccurrences(of: "\"amount\":\"1234.56789012\"", with: "\"amount\":1234.56789012")
        let c = try CaseCoding.decode(text: text).content
        #expect(c.transfers["tx-1"]?.amount.description == "1234.56789012")
    }

    @Test func duplicateIDsWithinAKindAreReportedNotDropped() throws {
        let text = CaseCoding.encode(CaseDocument(content: Fixtures.sampleCase()))
        let line = text.split(separator: "\n").first { $0.hasPrefix("{\"id\":\"tx-2\"") }!
        let doubled = text.replacingOccurrences(of: String(line), with: String(line) + ",\n" + String(line).replacingOccurrences(of: "4500000000", with: "1"))
        let (_, duplicates) = try CaseCoding.decode(JSONParser.parse(doubled))
        #expect(duplicates.map(\.recordID) == ["tx-2"])
        #expect(duplicates[0].message.contains("appears twice among transfers"))
    }

    @Test func parserHandlesEscapesSurrogatesAndRejectsBadInput() throws {
        #expect(try JSONParser.parse("\"\\ud55c\\uae00 \\ud83d\\ude00 \\n\"") == .string("한글 😀 \n"))
        #expect(try JSONParser.parse("[1e-05, -0.5, 12]") == .array([.number("1e-05"), .number("-0.5"), .number("12")]))
        for bad in ["[01]", "\"\\ud800\"", "[1,]", "{\"a\" 1}", "\"abc", "tru", "[1] x", "\"tab\there\""] {
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bad) }
        }
    }
}
