import Foundation
import Testing

@Suite struct CaseCommandTests {
    @Test func newMakesAPrivateEmptyCaseAndRefusesToOverwrite() throws {
        let cli = CLI()
        defer { cli.remove() }
        let r = cli.run("new", "ops.case.json", "--title", "Operation 박진혁", "--marking", "TLP:RED")
        #expect(r.status == 0 && r.stdout == "Created ops.case.json: Operation 박진혁\n")
        let attrs = try FileManager.default.attributesOfItem(atPath: cli.path("ops.case.json"))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        #expect(cli.run("check", "ops.case.json").stdout.contains("OK (0 incidents"))
        let again = cli.run("new", "ops.case.json", "--title", "Other")
        #expect(again.status == 1 && again.stderr.contains("ops.case.json: already exists"))
        #expect(cli.read("ops.case.json").contains("Operation 박진혁"))
    }

    @Test func demoCaseIsWrittenAndPassesCheck() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(cli.run("demo", "--write", "demo.case.json").status == 0)
        let check = cli.run("check", "demo.case.json")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let incidents = cli.run("list", "demo.case.json", "incidents").stdout
        #expect(incidents.contains("Bithumb"))
        #expect(incidents.contains("WannaCry"))
        #expect(incidents.contains("571,000,000.00"), "the UN's five-attack figure, as a claim")
        let actors = cli.run("list", "demo.case.json", "actors").stdout
        #expect(actors.contains("박진혁"))
        let transfers = cli.run("list", "demo.case.json", "transfers", "--format", "json").stdout
        let rows = try JSONSerialization.jsonObject(with: Data(transfers.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count >= 8)
        #expect(rows.allSatisfy { $0["basis"] as? String == "illustrative" }, "the demo ledger is marked illustrative")
        #expect(rows.contains { $0["asset"] as? String == "KRW" })
        // Every record cites where it comes from.
        let sources = cli.run("list", "demo.case.json", "sources").stdout
        #expect(sources.contains("RUSI") && sources.contains("Financial Times") && sources.contains("United Nations"))
        #expect(cli.run("demo", "--write", "demo.case.json").status == 1, "never overwrites")
    }

    @Test func plainDemoWritesBesideYouAndShowsTheCase() throws {
        let cli = CLI()
        defer { cli.remove() }
        let r = cli.run("demo")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Wrote the demo case to demo.case.json"))
        #expect(r.stdout.contains("DPRK"))
        // The UN's $571M covers attacks also listed one by one, so it is shown apart, not added in.
        #expect(r.stdout.contains("stated losses USD 132,000,000.00; aggregate claims, which overlap them, USD 571,000,000.00"))
        let second = cli.run("demo")
        #expect(second.status == 0 && second.stdout.contains("Wrote the demo case to demo-2.case.json"), "a second run never overwrites the first")
        #expect(cli.run("open", "demo.case.json").stderr.contains("the screen needs a terminal"))
    }

    @Test func listTablesAlignKoreanAndEscapeControlCharacters() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        cli.run("set", file, "act-bithumb", "summary", "x")
        cli.run("set", file, "act-lazarus", "name", "Lazarus \u{1B}[2J\u{1B}]0;owned\u{07}")
        let out = cli.run("list", file, "actors")
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "no raw escape reaches the terminal")
        #expect(out.stdout.contains("Lazarus \\u{1b}[2J"))
        let lines = out.stdout.split(separator: "\n").map(String.init)
        // The KIND column starts at the same terminal column on every row, 박진혁 counting 6.
        func column(of word: String, in line: String) -> Int? {
            guard let r = line.range(of: word) else { return nil }
            return line[..<r.lowerBound].unicodeScalars.reduce(0) { $0 + (($1.value >= 0xAC00 && $1.value <= 0xD7A3) ? 2 : 1) }
        }
        let kindColumn = column(of: "KIND", in: lines[0])
        #expect(column(of: "person", in: lines.first { $0.contains("박진혁") }!) == kindColumn)
        #expect(column(of: "exchange", in: lines.first { $0.contains("Bithumb") }!) == kindColumn)
        let show = cli.run("show", file, "act-lazarus").stdout
        #expect(!show.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func showPrintsEveryFieldAndJSON() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let text = cli.run("show", file, "tx-1").stdout
        for expected in ["Transfer:", "time:        2018-06-19T10:00:00Z", "from:        Bithumb hot wallet [wal-hot]",
                         "to:          박진혁 [act-park]", "amount:      4,500,000,000 KRW", "incident:    Bithumb hack (2018) [inc-bithumb-2018]",
                         "kind:        cash-out", "basis:       illustrative"] {
            #expect(text.contains(expected), "\(expected) in \(text)")
        }
        let json = cli.run("show", file, "tx-1", "--format", "json").stdout
        #expect(json.hasPrefix("{\"id\":\"tx-1\"") && json.contains("\"amount\":\"4500000000\""))
        let missing = cli.run("show", file, "tx-9")
        #expect(missing.status == 1 && missing.stderr.contains("small.case.json: no record with id tx-9"))
    }
}
