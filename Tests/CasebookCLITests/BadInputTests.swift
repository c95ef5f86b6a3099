import Foundation
import Testing

/// Broken, foreign, newer, locked and unwritable files: one clear line, non-zero exit, file unchanged.
@Suite struct BadInputTests {
    @Test func checkListsEveryProblemWithRecordAndField() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        var text = cli.read(file)
        text = text.replacingOccurrences(of: "\"victim\":\"act-bithumb\"", with: "\"victim\":\"act-ghost\"")
        text = text.replacingOccurrences(of: "\"amount\":\"1234.56789012\"", with: "\"amount\":\"-1234.567890123\"")
        text = text.replacingOccurrences(of: "\"asset\":\"KRW\"", with: "\"asset\":\"ZZZ\"")
        try text.write(toFile: cli.path(file), atomically: false, encoding: .utf8)
        let r = cli.run("check", file)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("inc-bithumb-2018: victim: refers to act-ghost, which is not in the case"))
        #expect(lines.contains("inc-bithumb-2018: losses[0].amount: is negative (-1234.567890123)"))
        #expect(lines.contains("tx-1: amount: unknown asset ZZZ"))
        #expect(r.stderr.contains("small.case.json: 3 problems"))
    }

    @Test func unreadableFilesGiveOneLineNamingFileAndPlace() throws {
        let cli = CLI()
        defer { cli.remove() }
        let good = cli.read(cli.writeSmallCase())
        let variants: [(String, String, String)] = [
            ("syntax.case.json", good.replacingOccurrences(of: "\"kind\":\"group\",", with: "\"kind\":\"group\",,"), "syntax.case.json:12:59: invalid JSON: expected a quoted key"),
            ("type.case.json", good.replacingOccurrences(of: "\"title\":\"Bithumb hack (2018)\"", with: "\"title\":42"), "type.case.json: line 8: incidents[0] (inc-bithumb-2018).title: expected a string"),
            ("kind.case.json", good.replacingOccurrences(of: "\"history\":[]", with: "\"gadgets\":[],\"history\":[]"), "gadgets: is not a known record kind"),
            ("newer.case.json", good.replacingOccurrences(of: "\"version\":1", with: "\"version\":99"), "version: is 99, written by a newer Casebook"),
            ("foreign.case.json", "[1,2,3]", "foreign.case.json: expected an object"),
            ("empty.case.json", "", "empty.case.json:1:1: invalid JSON"),
        ]
        for (name, content, message) in variants {
            try content.write(toFile: cli.path(name), atomically: false, encoding: .utf8)
            for command in [["check", name], ["note", name, "act-park", "x"], ["list", name, "actors"]] {
                let r = cli.run(command)
                #expect(r.status != 0, "\(command)")
                #expect(r.stderr.contains(message), "\(command): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            }
            #expect(cli.read(name) == content, "\(name) is unchanged")
        }
        let missing = cli.run("check", "nowhere.case.json")
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.case.json: no such file"))
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstHoldsTheCase() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let (holder, line) = cli.start(["tag", file, "act-park", "held"], env: ["CASEBOOK_TEST_HOLD_AFTER_EDIT": "30"])
        defer { holder.terminate() }
        #expect(line.contains("Tag 박진혁 'held'"))
        let second = cli.run("note", file, "act-park", "me too")
        #expect(second.status == 1)
        #expect(second.stderr.contains("small.case.json: open for editing by another Casebook (pid \(holder.processIdentifier))"))
        // Reading is still allowed, and sees the first writer's acknowledged edit.
        #expect(cli.run("show", file, "act-park").stdout.contains("tags:        held"))
    }

    @Test func sigkillRightAfterAnEditIsReportedDoneKeepsTheEdit() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let (p, line) = cli.start(["note", file, "inc-bithumb-2018", "durable 박진혁"], env: ["CASEBOOK_TEST_HOLD_AFTER_EDIT": "30"])
        #expect(line == "Add note to Bithumb hack (2018) (#1)\n")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(!cli.read(file).contains("durable"), "the edit was only in the journal when the process died")
        #expect(cli.run("show", file, "inc-bithumb-2018").stdout.contains("durable 박진혁"))
        // The dead writer's lock is gone; the next writer folds the journal in and can undo the edit.
        let undo = cli.run("undo", file)
        #expect(undo.status == 0 && undo.stdout.contains("Undid: Add note to Bithumb hack (2018)"))
        #expect(!cli.run("show", file, "inc-bithumb-2018").stdout.contains("durable"))
    }

    @Test func aFullDiskDuringCompactionLosesNothing() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let (p, _) = cli.start(["note", file, "act-park", "in the journal"], env: ["CASEBOOK_TEST_HOLD_AFTER_EDIT": "30"])
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let before = cli.read(file)
        // ulimit -f 1: writes past 1 KiB fail with EFBIG, as they would on a full disk.
        let r = cli.run(["compact", file], launcher: ["/bin/bash", "-c", "ulimit -f 1; exec \"$0\" \"$@\""])
        #expect(r.status == 1)
        #expect(r.stderr.contains("small.case.json: cannot write it: File too large"), "\(r.stderr)")
        #expect(cli.read(file) == before, "the case file is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "no temporary file is left behind: \(leftovers)")
        #expect(cli.run("show", file, "act-park").stdout.contains("in the journal"), "the journal still has the edit")
        #expect(cli.run("compact", file).status == 0)
        #expect(cli.read(file).contains("in the journal"))
    }

    @Test func aReadOnlyFolderRefusesEditsAndKeepsTheFile() throws {
        let cli = CLI()
        defer { cli.remove() }
        let file = cli.writeSmallCase()
        let before = cli.read(file)
        chmod(cli.path(file), 0o644)
        chmod(cli.folder, 0o555)
        defer { chmod(cli.folder, 0o755) }
        // Root ignores folder permissions, so run as nobody when we are root.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let r = cli.run(["note", file, "act-park", "x"], launcher: launcher)
        #expect(r.status == 1)
        #expect(r.stderr.contains("small.case.json: cannot create its lock file"), "\(r.stderr)")
        #expect(r.stderr.contains("Permission denied"), "\(r.stderr)")
        #expect(cli.read(file) == before)
        #expect(cli.run(["check", file], launcher: launcher).status == 0, "reading still works")
        let created = cli.run(["new", "x.case.json", "--title", "t"], launcher: launcher)
        #expect(created.status == 1 && created.stderr.contains("x.case.json: cannot create it: Permission denied"), "\(created.stderr)")
    }
}
