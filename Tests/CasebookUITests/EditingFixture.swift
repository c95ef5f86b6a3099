import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Foundation
import Testing

/// The time every edit in these scenarios is stamped with (Scenario's fixed clock).
let fixedTime = "2026-11-22T12:00:00Z"

/// The demo case written by the store into a fresh folder, for scenarios that edit it through the
/// journal as the screen does. The folder goes when the value does.
final class DemoCaseFile {
    let folder: String
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-editing-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/demo.case.json"
        _ = try CaseStore.create(at: path, document: CaseDocument(content: Demo.content))
    }

    /// Opens the case on screen as `author` (tall, so the whole detail area is in sight).
    func open(author: String = "Analyst Kim", width: Int = 120, height: Int = 100,
              editor: ((String) -> String?)? = nil) throws -> Scenario {
        try Scenario(file: path, author: author, width: width, height: height, editor: editor)
    }

    /// What a reader sees in the files now (case file plus journal), without taking the lock.
    func onDisk() throws -> Case {
        let reader = try CaseStore(opening: path, mode: .readOnly)
        defer { try? reader.close() }
        return reader.content
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

extension Scenario {
    var store: CaseStore { app.loaded!.store }
    var message: String { state.message ?? "" }
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    /// The message line, as shown.
    var messageLine: String { lines[height - 2] }

    /// A record's row in the focused pane as shown (nil when it is not in sight); a side-by-side
    /// detail is cut off.
    func listRow(_ id: String) -> String? {
        let p = state.current
        let list = Layout(width: width, height: height).list
        guard let i = p.rows.firstIndex(of: id), i >= p.top, i - p.top < list.height - 1 else { return nil }
        return lines[list.y + 1 + i - p.top].split(separator: "│", maxSplits: 1).first.map(String.init)
    }

    /// The lines of a detail section ("Attributions", "Sources", "Notes"), trimmed, up to the blank line after it.
    func section(_ title: String) -> [String] {
        let all = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = all.firstIndex(of: title) else { return [] }
        return Array(all[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// Lets go of the case (and its lock), as quitting does.
    func close(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(app.close() == nil, sourceLocation: sourceLocation)
    }

    /// Types into the open form field after clearing it.
    @discardableResult
    func fill(_ text: String) -> Scenario { press("Ctrl-U").type(text) }
}

/// `u` then Ctrl-R on the last edit, labelled `label`, which changed record `id` from `before`
/// to `after`: the message says what was undone and redone, the store holds the record as it was
/// and as it became, and (in the list) the cursor comes back to the record from wherever it was.
func expectUndoRedo(_ s: Scenario, label: String, id: String, before: AnyRecord?, after: AnyRecord?,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let entries = s.store.history.entries.count
    let inList = s.state.focus == .list
    let recordPane = (before ?? after).flatMap { PaneKind(recordKind: $0.kind) }
    // Look somewhere else first, so coming back is the undo's doing.
    if inList { s.press(recordPane == .ledger ? "1" : "3") }
    s.press("u")
    #expect(s.message == "Undid: " + label, sourceLocation: sourceLocation)
    #expect(s.messageLine == TextWidth.truncate("Undid: " + label, to: s.width), sourceLocation: sourceLocation)
    #expect(s.store.content.record(id: id) == before, "undo restores the record", sourceLocation: sourceLocation)
    if let before, let pane = PaneKind(recordKind: before.kind) {
        if inList {
            #expect(s.state.pane == pane && s.state.current.selectedID == id, "the cursor is on the record", sourceLocation: sourceLocation)
        } else {
            #expect(s.state.detailRecordID == id, "the detail still shows the record", sourceLocation: sourceLocation)
        }
    }
    if inList, after != nil, let pane = recordPane { s.press(pane == .ledger ? "1" : "3") }
    s.press("Ctrl-R")
    #expect(s.message == "Redid: " + label, sourceLocation: sourceLocation)
    #expect(s.store.content.record(id: id) == after, "redo makes the change again", sourceLocation: sourceLocation)
    if inList, let after, let pane = PaneKind(recordKind: after.kind) {
        #expect(s.state.pane == pane && s.state.current.selectedID == id, "the cursor is on the record", sourceLocation: sourceLocation)
    }
    #expect(s.store.history.entries.count == entries + 2, "an undo and a redo are recorded, nothing erased", sourceLocation: sourceLocation)
}
