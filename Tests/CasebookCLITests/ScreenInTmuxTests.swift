import Foundation
import Testing

/// The real binary on the demo case in tmux: navigate, search, sort, group, resize, quit, and
/// find the terminal as it was.
@Suite(.serialized) struct ScreenInTmuxTests {
    @Test func demoInARealTerminal() throws {
        let cli = CLI()
        defer { cli.remove() }
        let env = "env LANG=C.UTF-8 TERM=tmux-256color CASEBOOK_AUTHOR=tester"
        let t = try TmuxSession(folder: cli.folder, width: 120, height: 35, command: "\(env) '\(CLI.executable)' demo")
        var screen = try t.waitFor("DPRK exchange hacks and laundering")
        #expect(screen.contains("[ 1 Incidents 10 ]"))
        #expect(screen.contains("j/k move"))

        // Find the three Bithumb hacks by search.
        try t.keys("/")
        try t.type("bithumb hack")
        try t.keys("Enter")
        screen = try t.waitFor("first Bithumb hack") { $0.contains("Incident: Bithumb hack (2017)") }
        try t.keys("n")
        try t.waitFor("Incident: Bithumb hack (2018)")
        try t.keys("n")
        try t.waitFor("Incident: Bithumb hack (2019)")

        // Sort the ledger by amount, descending.
        try t.keys("3", "l", "l", "l", "l", "O")
        screen = try t.waitFor("Amount▼")
        #expect(screen.contains("sort: Amount desc"))

        // Losses by actor.
        try t.keys("1", "l", "l", "l", "l", "l", "F")
        screen = try t.waitFor("Incidents by Attribution")

        // Korean in the search prompt.
        try t.keys("Escape", "2", "/")
        try t.type("박진혁")
        try t.keys("Enter")
        screen = try t.waitFor("Actor: Park Jin Hyok")

        // Resize below the minimum and back.
        try t.resize(50, 14)
        try t.waitFor("Terminal too small")
        try t.resize(120, 35)
        try t.waitFor("[ 2 Actors 16 ]")

        try t.keys("Q")
        screen = try t.waitFor("EXIT=0")
        #expect(screen.contains("The demo case is in demo.case.json"))
        // The terminal is back in cooked mode with echo: stty reports icanon and echo, not -icanon/-echo.
        let stty = screen.components(separatedBy: "EXIT=0").last ?? ""
        #expect(stty.contains(" icanon") && stty.contains(" echo ") && !stty.contains("-icanon") && !stty.contains(" -echo "), "\(stty)")
        #expect(FileManager.default.fileExists(atPath: cli.path("demo.case.json")))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let cli = CLI()
        defer { cli.remove() }
        _ = cli.run("demo", "--write", "case.case.json")
        let env = "env LANG=C.UTF-8 TERM=tmux-256color"
        // The pane's shell runs casebook in the foreground; a second tmux command sends it SIGTERM.
        let t = try TmuxSession(folder: cli.folder, width: 100, height: 30, command: "\(env) '\(CLI.executable)' case.case.json")
        try t.waitFor("DPRK exchange hacks")
        try t.signalCasebook("TERM")
        let screen = try t.waitFor("EXIT=")
        let stty = screen.components(separatedBy: "EXIT=").last ?? ""
        #expect(stty.contains(" icanon") && !stty.contains("-icanon"), "\(screen)")
    }
}

/// Annotating in a real terminal, then `kill -9`: what the screen said was saved is there on reopen,
/// with its undo.
@Suite(.serialized) struct AnnotationInTmuxTests {
    @Test func annotateKillNineReopenAndUndo() throws {
        let cli = CLI()
        defer { cli.remove() }
        _ = cli.run("demo", "--write", "case.case.json")
        let env = "env LANG=C.UTF-8 TERM=tmux-256color CASEBOOK_AUTHOR=김수사관"
        let run = "\(env) '\(CLI.executable)' case.case.json"
        var t = try TmuxSession(folder: cli.folder, width: 120, height: 35, command: run)
        try t.waitFor("DPRK exchange hacks and laundering")
        // A note in Korean on the selected incident, then a tag on three marked transfers.
        try t.keys("A")
        try t.type("박진혁 자금 흐름 확인")
        try t.keys("Enter")
        try t.waitFor("Saved: Add note to Sony Pictures hack (2014)")
        try t.keys("3", "Space", "Space", "Space", "t")
        try t.type("follow-up")
        try t.keys("Enter")
        try t.waitFor("Saved: Tag 3 transfers 'follow-up'")
        // The process dies without warning: no quit, no compaction.
        try t.signalCasebook("KILL")
        try t.waitFor("EXIT=")
        #expect(FileManager.default.fileExists(atPath: cli.path("case.case.json.journal")), "the edits were only in the journal")

        t = try TmuxSession(folder: cli.folder, width: 120, height: 35, command: run)
        var screen = try t.waitFor("DPRK exchange hacks and laundering")
        #expect(cli.run("show", "case.case.json", "inc-sony-pictures-2014").stdout.contains("박진혁 자금 흐름 확인"))
        try t.keys("Enter", "k")   // the detail view, up from the first link onto the note
        screen = try t.waitFor("the note on screen after kill -9") { $0.contains("박진혁 자금 흐름 확인") && $0.contains("김수사관") }
        try t.keys("Escape", "3")
        screen = try t.waitFor("[ 3 Funds ledger 11 ]")
        try t.keys("\\")
        try t.type("tag:follow-up")
        try t.keys("Enter")
        try t.waitFor("3 of 11 funds ledger match")
        // u undoes the last edit of the session that was killed.
        try t.keys("u")
        try t.waitFor("Undid: Tag 3 transfers 'follow-up'")
        try t.keys("@")
        screen = try t.waitFor("History, newest first")
        #expect(screen.contains("김수사관"))
        try t.keys("Escape", "Q")
        try t.waitFor("EXIT=0")
        let history = cli.run("history", "case.case.json").stdout
        #expect(history.contains("Undo: Tag 3 transfers 'follow-up'"))
        #expect(history.contains("Add note to Sony Pictures hack (2014)"))
    }
}
