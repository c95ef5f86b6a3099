import Foundation
import Testing

/// A user annotates a case from the shell, undoes, redoes and reads the history.
@Suite struct AnnotationCommandTests {
    @Test func annotateUndoRedoAndReadTheHistory() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()

        let note = cli.run("note", file, "inc-bithumb-2018", "Funds moved to 박진혁 within hours")
        #expect(note.status == 0)
        #expect(note.stdout == "Add note to Bithumb hack (2018) (#1)\n")
        #expect(cli.run("tag", file, "tx-1", "laundering").stdout == "Tag 4,500,000,000 KRW wal-hot → act-park 'laundering' (#2)\n")
        #expect(cli.run("cite", file, "act-park", "src-un", "--locator", "paragraph 12").status == 0)
        let attr = cli.run("attribute", file, "inc-bithumb-2018", "act-lazarus", "--confidence", "80", "--source", "src-un", "--basis", "UN panel")
        #expect(attr.stdout == "Attribute Bithumb hack (2018) to Lazarus Group (high, 80) (#4)\n")
        #expect(cli.run("set", file, "inc-bithumb-2018", "status", "attributed").status == 0)

        let show = cli.run("show", file, "inc-bithumb-2018").stdout
        #expect(show.contains("status:      attributed"))
        #expect(show.contains("Lazarus Group [act-lazarus]: high (80)"))
        #expect(show.contains("basis: UN panel"))
        #expect(show.contains("Analyst Kim"), "notes show their author")
        #expect(show.contains("Funds moved to 박진혁 within hours"))
        #expect(show.contains("transfer: 4,500,000,000 KRW Bithumb hot wallet → 박진혁 [tx-1]"), "linked records are listed")
        #expect(cli.run("show", file, "act-park").stdout.contains("UN Panel of Experts report (B) [src-un], paragraph 12"))

        let undo = cli.run("undo", file)
        #expect(undo.stdout == "Undid: Set status of Bithumb hack (2018) to 'attributed' (#5, now #6)\n")
        #expect(cli.run("show", file, "inc-bithumb-2018").stdout.contains("status:      suspected"))
        #expect(cli.run("redo", file).status == 0)
        #expect(cli.run("show", file, "inc-bithumb-2018").stdout.contains("status:      attributed"))
        #expect(cli.run("untag", file, "tx-1", "laundering").status == 0)
        #expect(!cli.run("show", file, "tx-1").stdout.contains("laundering"))

        let history = cli.run("history", file).stdout.split(separator: "\n").map(String.init)
        #expect(history.count == 9, "a header and 8 entries: \(history)")
        #expect(history[1].hasPrefix(">") && history[1].contains("Remove tag 'laundering' from"), "newest first, head marked")
        #expect(history[2].contains("Redo: Set status"))
        #expect(history[3].contains("Undo: Set status"))
        #expect(history[8].contains("Analyst Kim") && history[8].contains("Add note to Bithumb hack (2018)"))
        #expect(cli.run("check", file).status == 0)
    }

    @Test func historyJSONIsOneEntryPerLineForJq() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        cli.run("tag", file, "act-park", "wanted")
        let json = cli.run("history", file, "--format", "json").stdout
        let entries = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(entries?.first?["label"] as? String == "Tag 박진혁 'wanted'")
        #expect(entries?.first?["author"] as? String == "Analyst Kim")
    }

    @Test func authorFallsBackToGitThenUser() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        // No CASEBOOK_AUTHOR, and a HOME whose git config names nobody: $USER is used.
        let home = cli.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let env = ["CASEBOOK_AUTHOR": "", "HOME": home, "USER": "field-agent", "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": home]
        cli.run(["tag", file, "act-park", "a"], env: env)
        try "[user]\n\tname = Git Person\n".write(toFile: home + "/.gitconfig", atomically: false, encoding: .utf8)
        cli.run(["tag", file, "act-park", "b"], env: env)
        let history = cli.run("history", file).stdout
        #expect(history.contains("field-agent"))
        #expect(history.contains("Git Person"))
    }

    @Test func editErrorsNameTheProblemAndChangeNothing() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let before = cli.read(file)
        let cases: [([String], String)] = [
            (["note", file, "inc-nope", "x"], "no record with id inc-nope"),
            (["tag", file, "tx-1", "two words"], "a tag is one word"),
            (["cite", file, "tx-1", "src-nope"], "no source with id src-nope"),
            (["attribute", file, "inc-bithumb-2018", "act-lazarus", "--confidence", "101"], "confidence must be 0-100"),
            (["attribute", file, "act-park", "act-lazarus", "--confidence", "50"], "only incidents and wallets are attributed"),
            (["set", file, "tx-1", "amount", "1.5"], "tx-1: amount: has 1 decimals but KRW allows 0"),
            (["set", file, "tx-1", "kind", "teleport"], "\"teleport\" is not one of theft, hop"),
            (["set", file, "tx-1", "colour", "red"], "has no settable field colour"),
            (["set", file, "inc-bithumb-2018", "started", "June 2018"], "is not an ISO 8601 date"),
            (["set", file, "inc-bithumb-2018", "victim", "act-none"], "victim: refers to act-none, which is not in the case"),
            (["undo", file], "nothing to undo"),
            (["redo", file], "nothing to redo"),
        ]
        for (args, message) in cases {
            let r = cli.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.contains(file) || args[0] == "tag", "\(args) names the file: \(r.stderr)")
        }
        #expect(cli.read(file) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path(file + ".journal")))
    }
}
