import Foundation
import Testing

/// A new user brings intelligence and chain data into the demo case, undoes and redoes the
/// import, exports it and re-imports the export into a new case.
@Suite struct InteropCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CasebookInteropTests/Fixtures").path

    func bytes(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }

    @Test func importUndoRedoExportAndReimport() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(cli.run("demo", "--write", "demo.case.json").status == 0)
        let demo = cli.path("demo.case.json")
        let pristine = bytes(demo)

        let dry = cli.run("import", "demo.case.json", "--from", Self.fixtures + "/small-bundle.json", "--dry-run")
        #expect(dry.stdout.hasPrefix("dry run: nothing was changed\nadded: 5 sources, 2 incidents, 3 actors\n"))
        #expect(dry.status == 2, "two objects of the fixture fail, and a dry run says so too")
        #expect(bytes(demo) == pristine && !FileManager.default.fileExists(atPath: demo + ".journal"))

        let stix = cli.run("import", "demo.case.json", "--from", Self.fixtures + "/small-bundle.json")
        #expect(stix.status == 2)
        #expect(stix.stdout.hasPrefix("Import small-bundle.json (stix): 5 sources, 2 incidents, 3 actors (#1)\n"))
        #expect(stix.stdout.contains("  line 23: threat-actor--00000000-0000-4000-8000-000000000080: name must be a string, not a number"))
        #expect(stix.stderr.contains("2 row(s) or object(s)"))
        #expect(cli.run("list", "demo.case.json", "actors").stdout.contains("Hidden Lotus"))

        let addresses = cli.run("import", "demo.case.json", "--from", Self.fixtures + "/addresses.csv")
        #expect(addresses.stdout.hasPrefix("Import addresses.csv (addresses): 2 sources, 1 actor, 3 wallets (#2)\n"))
        let wallets = cli.run("list", "demo.case.json", "wallets").stdout
        #expect(wallets.contains("0x098B716B8Aaf21512996dC57EB0615e2383E2f96") && wallets.contains("Lazarus Group (high, 90)"))

        #expect(cli.run("undo", "demo.case.json").stdout.hasPrefix("Undid: Import addresses.csv"))
        #expect(!cli.run("list", "demo.case.json", "wallets").stdout.contains("0x098B716B8Aaf21512996dC57EB0615e2383E2f96"))
        #expect(cli.run("redo", "demo.case.json").status == 0)
        #expect(cli.run("list", "demo.case.json", "wallets").stdout == wallets)

        #expect(cli.run("export", "demo.case.json", "--format", "stix", "--output", "case.stix.json").status == 0)
        #expect(cli.run("export", "demo.case.json", "--format", "csv", "--output", "ledger.csv").status == 0)
        #expect(cli.run("new", "copy.case.json", "--title", "Copy").status == 0)
        let back = cli.run("import", "copy.case.json", "--from", "case.stix.json")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(cli.run("import", "copy.case.json", "--from", "ledger.csv").stdout.hasPrefix("nothing to import"))
        for kind in ["actors", "incidents", "wallets", "transfers", "sources"] {
            #expect(cli.run("list", "copy.case.json", kind).stdout == cli.run("list", "demo.case.json", kind).stdout, "\(kind)")
        }
        #expect(cli.run("check", "copy.case.json").status == 0)
    }

    @Test("STIX export streamed to a file or stdout gives the same bundle; a folder that is not there is named, and nothing is left")
    func stixOutputs() throws {
        let cli = CLI()
        defer { cli.remove() }
        #expect(cli.run("demo").status == 0)
        #expect(cli.run("export", "demo.case.json", "--format", "stix", "--output", "case.stix.json").status == 0)
        let file = try String(contentsOfFile: cli.path("case.stix.json"), encoding: .utf8)
        #expect(cli.run("export", "demo.case.json", "--format", "stix").stdout == file)
        #expect(file.hasSuffix("\n]}\n") && file.contains("\"type\":\"grouping\""))
        let missing = cli.run("export", "demo.case.json", "--format", "stix", "--output", "no-such-folder/case.stix.json")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no-such-folder") && missing.stderr.contains("No such file"), "\(missing.stderr)")
        let refused = cli.run("export", "demo.case.json", "--format", "stix", "--output", "demo.case.json")
        #expect(refused.status != 0 && refused.stderr.contains("refusing to overwrite the case file"))
        #expect(cli.run("check", "demo.case.json").status == 0)
    }

    @Test("a ledger whose every row fails says nothing went in and why, not that the case already holds it")
    func everyRowFailing() throws {
        let cli = CLI()
        defer { cli.remove() }
        try Data("time,from,to,asset,amount,incident\n2018-06-19T10:00:00Z,wal-a,wal-b,BTC,1,inc-missing\n".utf8)
            .write(to: URL(fileURLWithPath: cli.path("orphans.csv")))
        #expect(cli.run("new", "empty.case.json", "--title", "Empty").status == 0)
        let run = cli.run("import", "empty.case.json", "--from", "orphans.csv")
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("nothing imported: no row or object of orphans.csv could go in"), "\(run.stdout)")
        #expect(!run.stdout.contains("already holds everything"))
        #expect(run.stdout.contains("inc-missing") || run.stderr.contains("inc-missing"))
    }

    @Test func aFailedImportLeavesTheCaseUntouched() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let before = bytes(cli.path(file))
        try Data("{\"type\":\"bundle\",\n\"objects\":[{]}".utf8).write(to: URL(fileURLWithPath: cli.path("broken.json")))
        let broken = cli.run("import", file, "--from", "broken.json")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("broken.json:2:13: "))
        let strict = cli.run("import", file, "--from", Self.fixtures + "/addresses.csv", "--strict")
        #expect(strict.status == 1 && strict.stderr.contains("with --strict, so nothing was imported"))
        #expect(strict.stderr.contains("line 6: \\\"not an address\\\"") || strict.stderr.contains("line 6:"))
        let missing = cli.run("import", file, "--from", "nope.csv")
        #expect(missing.status == 1 && missing.stderr.contains("nope.csv: cannot read it"))
        #expect(bytes(cli.path(file)) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path(file) + ".journal"))
        #expect(cli.run("history", file).stdout.split(separator: "\n").count == 1, "no history entry was made")
    }
}
