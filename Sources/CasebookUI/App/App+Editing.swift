import CasebookModel
import CasebookStore
import Foundation

// Making changes from the screen. Every change goes through `perform`: the model's Editor builds
// the edit (same labels and checks as the command line), the store appends it to the journal and
// fsyncs, and only then does the screen show it and say so. Undo and redo move the cursor to the
// record they changed and say what they did.

extension App {
    /// Makes a change durable and shows it; returns false (with a message) if it could not be made.
    @discardableResult
    public func perform(_ request: EditRequest) -> Bool {
        guard let store = loaded?.store, state.readOnlyReason == nil else {
            state.say("Read-only: " + (state.readOnlyReason ?? "no case file is open"), error: true)
            return false
        }
        let editor = Editor(author: author, time: clock())
        do {
            let edit = try request.edit(editor, store.content)
            releaseCase()
            var applied = false
            defer { if !applied { refreshAfterChange([], changes: []) } }   // the store refused: show it as it is
            let entry = try store.apply(edit)
            applied = true
            refreshAfterChange(entry.edit.targetIDs, changes: entry.edit.changes)
            state.say("Saved: " + VisibleText.line(entry.edit.label))
            return true
        } catch let e as EditError {
            state.say(e.message, error: true)
        } catch let e as StoreError {
            state.say("Not saved: \(e)", error: true)
        } catch {
            state.say("Not saved: \(error)", error: true)
        }
        return false
    }

    /// `u` and Ctrl-R.
    public func step(undo: Bool) {
        guard let store = loaded?.store, state.readOnlyReason == nil else {
            state.say("Read-only: " + (state.readOnlyReason ?? "no case file is open"), error: true)
            return
        }
        releaseCase()
        do {
            let entry = undo ? try store.undo(author: author, time: clock()) : try store.redo(author: author, time: clock())
            guard let entry else {
                refreshAfterChange([], changes: [])
                state.say(undo ? "Nothing to undo" : "Nothing to redo", error: true)
                return
            }
            // The entry names the edit undone; what happened to the case is its inverse.
            let applied = undo ? entry.edit.inverse.changes : entry.edit.changes
            refreshAfterChange(entry.edit.targetIDs, changes: applied, reveal: true)
            state.say((undo ? "Undid: " : "Redid: ") + VisibleText.line(entry.edit.label))
        } catch {
            refreshAfterChange([], changes: [])
            state.say("Not saved: \(error)", error: true)
        }
    }

    /// Drops the screen's references to the case's storage before the store changes it, so the
    /// change is made in place rather than on a copy of the whole case.
    func releaseCase() {
        // The loader's thread holds a copy of the case until the search text is made (a few
        // seconds after a million transfers open): a change made before then would copy every
        // table it touches instead of changing it in place (900 MB at the peak, not 650).
        if let loader = warming {
            while !loader.isFinished { usleep(2_000) }
            warming = nil
        }
        state.view?.releaseContent()
        loaded?.releaseView()
    }

    /// Rebuilds the view from the store and puts the cursor on the first changed record that still exists.
    /// `reveal` (undo, redo): go back to the list and show the changed record even if a filter hides it.
    func refreshAfterChange(_ ids: [String], changes: [Change], reveal: Bool = false) {
        guard let store = loaded?.store, var view = state.view else { return }
        let change = view.update(store.content, after: changes)
        state.view = view
        state.history = store.history
        for kind in PaneKind.allCases {
            var p = state.panes[kind]!
            p.marks = p.marks.filter { store.content.record(id: $0) != nil }
            // Notes and tags move no row unless the filter reads them: then the rows stand as they are.
            if change.caseInfoChanged && p.filter != nil || change.onlyAnnotations && !changes.isEmpty && p.filter?.readsAnnotations == true {
                p.refresh(view)
            } else if let touched = change.touched[kind] {
                p.update(touched, view)
            }
            state.panes[kind] = p
        }
        if state.focus == .detail {
            state.detailStack = state.detailStack.filter { store.content.record(id: $0) != nil }
            if state.detailStack.isEmpty { state.focus = .list }
        }
        if reveal, state.focus == .detail, let shown = state.detailStack.last, ids.contains(shown) {
            return   // the change is on the record the detail view shows: stay there
        }
        if reveal, let id = ids.first(where: { store.content.record(id: $0) != nil }),
           store.content.record(id: id).flatMap({ PaneKind(recordKind: $0.kind) }) != nil {
            state.focus = .list
            state.detailStack = []
            state.reveal(id, in: view)
            return
        }
        if state.focus == .list, let id = ids.first(where: { store.content.record(id: $0) != nil }) {
            if let kind = store.content.record(id: id).flatMap({ PaneKind(recordKind: $0.kind) }) {
                state.pane = kind
                var p = state.current
                _ = p.select(id: id)
                state.current = p
            }
        }
    }

    /// E: writes a note in $EDITOR; an editor that fails or leaves nothing cancels.
    func noteInExternalEditor() {
        let ids = state.targets
        guard !ids.isEmpty else { return }
        guard loaded?.store != nil, state.readOnlyReason == nil else {
            state.say("Read-only: " + (state.readOnlyReason ?? "no case file is open"), error: true)
            return
        }
        guard let externalEditor else {
            state.say("No external editor here; A adds a one-line note", error: true)
            return
        }
        var text: String?
        suspendForEditor { text = externalEditor("") }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            state.say("Note cancelled (the editor failed or the note was empty)")
            return
        }
        perform(.note(ids: ids, text: text))
    }
}
