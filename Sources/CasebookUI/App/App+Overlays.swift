import CasebookModel
import Foundation

// Keys in the editing overlays: the history (@), the picker (c, =) and the new-record form (a).

extension App {
    func handleEditingOverlay(_ overlay: Overlay, _ key: Key) -> Effect {
        switch overlay {
        case .history(let selection):
            let count = loaded?.store.history.entries.count ?? 0
            switch key {
            case .char("j"), .down: state.overlay = .history(selection: min(max(0, count - 1), selection + 1))
            case .char("k"), .up: state.overlay = .history(selection: max(0, selection - 1))
            case .enter:
                state.overlay = nil
                guard let entries = loaded?.store.history.entries, entries.indices.contains(count - 1 - selection) else { return .none }
                let entry = entries[count - 1 - selection]
                if let view = state.view, let id = entry.edit.targetIDs.first(where: { view.content.record(id: $0) != nil }) {
                    state.focus = .list
                    state.reveal(id, in: view)
                    state.say("#\(entry.seq) " + VisibleText.line(entry.label))
                } else {
                    state.say("The records of #\(entry.seq) are no longer in the case", error: true)
                }
            case .escape, .char("q"), .char("@"): state.overlay = nil
            default: break
            }
        case .picker(var picker):
            let matches = picker.matches
            switch key {
            case .escape: state.overlay = nil
            case .down, .ctrl("n"): picker.selection = min(max(0, matches.count - 1), picker.selection + 1); state.overlay = .picker(picker)
            case .up, .ctrl("p"): picker.selection = max(0, picker.selection - 1); state.overlay = .picker(picker)
            case .enter:
                state.overlay = nil
                guard matches.indices.contains(picker.selection) else { return .none }
                choose(matches[picker.selection], for: picker.purpose)
            default:
                _ = picker.editor.handle(key)
                picker.selection = 0
                state.overlay = .picker(picker)
            }
        case .form(var form):
            switch key {
            case .escape: state.overlay = nil; state.say("Cancelled")
            case .tab, .down: form.focus = (form.focus + 1) % form.fields.count; state.overlay = .form(form)
            case .backTab, .up: form.focus = (form.focus + form.fields.count - 1) % form.fields.count; state.overlay = .form(form)
            case .enter where form.focus < form.fields.count - 1: form.focus += 1; state.overlay = .form(form)
            case .enter, .ctrl("s"): submit(form)
            default:
                _ = form.fields[form.focus].editor.handle(key)
                form.error = nil
                state.overlay = .form(form)
            }
        default: break
        }
        return .none
    }

    func choose(_ item: Picker.Item, for purpose: Picker.Purpose) {
        switch purpose {
        case .citeSource(let ids):
            if item.id == Picker.newSourceID {
                state.overlay = .form(FormBuilder.form(for: .newSource(citeFor: ids)))
                return
            }
            state.prompt = Prompt(purpose: .locator(ids: ids, source: item.id),
                                  label: "Where in it (page, paragraph, quote; Enter for none): ")
        case .supportAttribution(let ids, let actor, let confidence, let basis):
            let sources = item.id == Picker.noSourceID ? [] : [item.id]
            if perform(.attribute(ids: ids, actor: actor, confidence: confidence, basis: basis, sources: sources)) { clearMarks() }
        case .attributeActor(let ids):
            state.prompt = Prompt(purpose: .confidence(ids: ids, actor: item.id),
                                  label: "Confidence 0-100 that \(VisibleText.line(item.label)) did it, then the basis: ")
        }
    }

    func submit(_ form: Form) {
        var form = form
        guard let view = state.view else { return }
        do {
            let record = try FormBuilder.record(from: form, in: view.content, time: clock())
            guard perform(.add(record)) else {
                form.error = state.message
                if let message = state.message { form.focus = Self.field(named: message, in: form) ?? form.focus }
                state.overlay = .form(form)
                return
            }
            state.overlay = nil
            if case .newSource(let ids) = form.purpose, !ids.isEmpty {
                state.prompt = Prompt(purpose: .locator(ids: ids, source: record.id), label: "Where in it (page, paragraph, quote; Enter for none): ")
            }
        } catch {
            form.error = error.message
            if let i = form.fields.firstIndex(where: { error.message.hasPrefix($0.name + ":") }) { form.focus = i }
            state.overlay = .form(form)
        }
    }
}

extension App {
    /// The form field an Editor error is about ("inc-x: losses[0].amount: ..." is the loss field).
    static func field(named message: String, in form: Form) -> Int? {
        let parts = message.components(separatedBy: ": ")
        guard parts.count >= 2 else { return nil }
        let path = parts[1].split(separator: ".").first.map { String($0.prefix { $0 != "[" }) } ?? ""
        let name = ["losses": "loss", "aliases": "aliases", "sources": "", "id": "id"][path] ?? path
        return form.fields.firstIndex { $0.name == name }
    }
}

extension Picker {
    /// The first row of the source picker, which opens a form for a new source.
    public static let newSourceID = "+new"
    /// The first row of the supporting-source picker: attribute without a source.
    public static let noSourceID = "+none"
}
