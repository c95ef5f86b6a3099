import CasebookModel
import Foundation

// What Enter does in each kind of prompt, and the one-key answers to confirmations.

extension App {
    func handlePrompt(_ key: Key) {
        guard var prompt = state.prompt else { return }
        state.promptHint = nil
        if prompt.purpose.isConfirmation {
            state.prompt = nil
            guard key == .char("y") || key == .char("Y") else { state.say("Cancelled"); return }
            switch prompt.purpose {
            case .confirmDelete(let ids):
                if perform(.delete(ids: ids)) { clearMarks() }
            case .confirmDeleteNote(let id, let noteID): perform(.deleteNote(id: id, noteID: noteID))
            default: break
            }
            return
        }
        switch key {
        case .enter:
            state.prompt = nil
            submit(prompt)
        case .escape, .ctrl("c"), .ctrl("g"):
            state.prompt = nil
            if prompt.purpose == .search {
                var p = state.current
                p.cursor = prompt.origin
                state.current = p
            }
            state.message = nil
        case .tab:
            if case .tag = prompt.purpose { completeTag(&prompt) }
            state.prompt = prompt
        default:
            _ = prompt.editor.handle(key)
            prompt.completionStem = nil
            state.prompt = prompt
            if prompt.purpose == .search { state.updateIncrementalSearch() }
        }
    }

    func submit(_ prompt: Prompt) {
        let text = prompt.editor.text
        switch prompt.purpose {
        case .search:
            state.lastSearch = text.isEmpty ? state.lastSearch : text
            // Enter before the search text was ready: search now, waiting for it.
            if state.searchPending, !text.isEmpty {
                state.searchPending = false
                if let i = state.findRow(text, from: prompt.origin, forward: true) {
                    var p = state.current
                    p.cursor = i
                    state.current = p
                    state.message = nil
                } else {
                    state.say("No match for \(text)", error: true)
                }
            }
        case .filter: state.applyFilter(text)
        case .note(let ids):
            done(perform(.note(ids: ids, text: text)), prompt)
        case .tag(let ids):
            let word = text.trimmingCharacters(in: .whitespaces)
            done(word.hasPrefix("-") ? perform(.untag(ids: ids, tag: String(word.dropFirst()))) : perform(.tag(ids: ids, tag: word)), prompt)
        case .setField(let id, let field): done(perform(.set(id: id, field: field, value: text)), prompt)
        case .locator(let ids, let source):
            done(perform(.cite(ids: ids, source: source, locator: text.isEmpty ? nil : text)), prompt)
        case .confidence(let ids, let actor):
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = words.first, let confidence = Int(first.trimmingCharacters(in: CharacterSet(charactersIn: "%"))),
                  (0...100).contains(confidence) else {
                state.say("Confidence is a number from 0 to 100 (then, optionally, the basis)", error: true)
                state.prompt = prompt
                return
            }
            // Last step: which source supports it (or none).
            guard let view = state.view else { return }
            let basis = words.count > 1 ? words[1] : nil
            let sources = view.content.sources.values.sorted { $0.title < $1.title }.map {
                Picker.Item(id: $0.id, label: VisibleText.line($0.title + ($0.reliability.map { " (\($0.rawValue))" } ?? "")))
            }
            state.overlay = .picker(Picker(purpose: .supportAttribution(ids: ids, actor: actor, confidence: confidence, basis: basis),
                                           title: "Which source supports it", items: [Picker.Item(id: Picker.noSourceID, label: "(no source)")] + sources))
        case .editNote(let id, let noteID): done(perform(.editNote(id: id, noteID: noteID, text: text)), prompt)
        case .saveSummary(let format):
            guard let hooks = summaries, let c = loaded?.store.content else { return }
            do { state.say(try hooks.save(c, format, text)) } catch {
                state.say("\(error)", error: true)
                state.prompt = prompt
            }
        case .confirmDelete, .confirmDeleteNote: break
        }
    }

    /// After an edit: clear the marks it used; if it was refused, ask again with the text as typed
    /// (unless the case is read-only, where asking again cannot help).
    func done(_ saved: Bool, _ prompt: Prompt) {
        if saved { clearMarks() } else if state.readOnlyReason == nil { state.prompt = prompt }
    }

    func clearMarks() {
        var p = state.current
        p.marks = []
        p.rangeAnchor = nil
        state.current = p
    }

    /// Tab in the tag prompt: complete to the next tag in the case that starts with what is typed.
    func completeTag(_ prompt: inout Prompt) {
        guard let c = state.view?.content else { return }
        let typed = prompt.editor.text
        let negate = typed.hasPrefix("-")
        let current = negate ? String(typed.dropFirst()) : typed
        let stem = prompt.completionStem ?? current.lowercased()
        let candidates = c.allTags.filter { $0.lowercased().hasPrefix(stem) }
        guard !candidates.isEmpty else { state.say("No tag starts with \(stem)", error: true); return }
        // The first completion of the stem, then the next one after what is shown, wrapping.
        let next = prompt.completionStem == nil ? candidates[0]
            : (candidates.firstIndex(of: current).map { candidates[($0 + 1) % candidates.count] } ?? candidates[0])
        prompt.editor = LineEditor((negate ? "-" : "") + next)
        prompt.completionStem = stem
        state.promptHint = "Tags: " + VisibleText.line(candidates.prefix(8).joined(separator: ", ")) + (candidates.count > 8 ? " …" : "")
    }
}
