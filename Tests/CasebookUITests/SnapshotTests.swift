import CasebookModel
import CasebookTesting
import CasebookUI
import Testing

/// Golden screens of the demo case in the mono theme, at the sizes people use and one too small.
/// The files are `__Snapshots__/NAME.txt`; a missing one is recorded and the test fails once, so
/// every new baseline is read by a person before it is trusted (RECORD_SNAPSHOTS=1 re-records).

/// Compares the scenario's screen with the stored snapshot and records any difference as an issue.
private func expectSnapshot(_ s: Scenario, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let message = Snapshot.check(s.screen, named: name, folder: Demo.snapshots) {
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// What the screen shows, as a user gets there from the demo case opening on the incidents pane.
enum SnapshotView: String, CaseIterable, CustomTestStringConvertible {
    case incidents, actors, ledger
    /// Enter on the selected incident.
    case detail
    /// Enter on an incident, then Enter on its first linked record.
    case followedLink = "detail-followed-link"

    var testDescription: String { rawValue }

    func drive(_ s: Scenario) {
        switch self {
        case .incidents: break
        case .actors: s.press("2")
        case .ledger: s.press("3")
        case .detail: s.press("/").type("Bithumb hack (2018)").press("Enter", "Enter")
        case .followedLink: s.press("/").type("Bithumb hack (2018)").press("Enter", "Enter", "Enter")
        }
    }
}

private let sizes: [(width: Int, height: Int)] = [(80, 24), (120, 35), (40, 12)]

/// The demo case with one record changed by an edit, as the editor makes it.
private func demoEdited(_ edit: (Editor, Case) throws -> Edit) throws -> Case {
    var c = Demo.content
    try c.apply(edit(Editor(author: "Snapshot", time: "2026-11-22T00:00:00Z"), c))
    return c
}

/// No control character (C0 other than newline, DEL, C1) on the screen.
private func hasControlCharacters(_ screen: String) -> Bool {
    screen.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
}

@Suite("Snapshots") struct SnapshotTests {
    @Test(arguments: SnapshotView.allCases)
    func paneAndDetailAtEachSize(view: SnapshotView) {
        for size in sizes {
            let s = Demo.scenario(width: size.width, height: size.height)
            view.drive(s)
            if size.width < 60 {
                // Every view gives the same notice, so they share one snapshot.
                expectSnapshot(s, "too-small-\(size.width)x\(size.height)")
                #expect(s.screen.hasPrefix("Terminal too small"), "\(view.rawValue) at \(size.width)×\(size.height)")
            } else {
                expectSnapshot(s, "\(view.rawValue)-\(size.width)x\(size.height)")
                #expect(!s.screen.contains("too small"))
            }
        }
    }

    @Test func theDriversReachTheRecordsTheyName() {
        let detail = Demo.scenario()
        SnapshotView.detail.drive(detail)
        #expect(detail.state.focus == .detail && detail.state.detailStack == ["inc-bithumb-2018"])
        let followed = Demo.scenario()
        SnapshotView.followedLink.drive(followed)
        #expect(followed.state.detailStack.count == 2)
        #expect(followed.state.detailStack.first == "inc-bithumb-2018")
    }

    @Test func koreanAliasInTheActorsPane() {
        for size in sizes.prefix(2) {
            let s = Demo.scenario(width: size.width, height: size.height)
            s.press("2", "/").type("박진혁").press("Enter")
            #expect(s.state.current.selectedID == "act-park-jin-hyok")
            #expect(s.row(containing: "Park Jin Hyok")?.contains("박진혁") == true)
            expectSnapshot(s, "actors-korean-alias-\(size.width)x\(size.height)")
        }
    }

    @Test func aTwoHundredCharacterNameIsCutWithAnEllipsis() throws {
        let name = String(("Lazarus" + String(repeating: " and a very long name", count: 12)).prefix(200))
        #expect(name.count == 200)
        let c = try demoEdited { e, c in try e.set(field: "name", value: name, id: "act-lazarus", in: c) }
        #expect(c.actors["act-lazarus"]?.name == name)
        for size in sizes.prefix(2) {
            let s = Scenario(case: c, width: size.width, height: size.height)
            s.press("2", "/").type("Lazarus and").press("Enter")
            #expect(s.state.current.selectedID == "act-lazarus")
            let row = try #require(s.row(containing: "Lazarus and"))
            #expect(row.contains("…"), "the name column ends in an ellipsis: \(row)")
            #expect(s.screen.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= size.width })
            expectSnapshot(s, "actors-long-name-\(size.width)x\(size.height)")
        }
    }

    @Test func escapeSequencesInANoteAreShownEscaped() throws {
        let c = try demoEdited { e, c in
            try e.addNote("clear \u{1B}[2J then \u{9B}31m red", to: ["act-demo-mixer"], in: c)
        }
        for size in sizes.prefix(2) {
            let s = Scenario(case: c, width: size.width, height: size.height)
            s.press("2", "/").type("Mixing service").press("Enter", "Enter")
            #expect(s.state.detailStack == ["act-demo-mixer"])
            #expect(!hasControlCharacters(s.screen))
            #expect(s.screen.contains("clear \\u{1b}[2J then \\u{9b}31m red"))
            expectSnapshot(s, "detail-escaped-note-\(size.width)x\(size.height)")
        }
    }

    @Test func frequencyOfTheLedgerByAsset() {
        let s = Demo.scenario()
        s.press("3", "l", "l", "l", "F")
        #expect(s.screen.contains("Funds ledger by Asset"))
        expectSnapshot(s, "frequency-ledger-asset-120x35")
    }

    @Test func helpOverlay() {
        let s = Demo.scenario()
        s.press("?")
        #expect(s.screen.contains("Keys (Esc closes, j/k scroll)"))
        expectSnapshot(s, "help-120x35")
    }
}
