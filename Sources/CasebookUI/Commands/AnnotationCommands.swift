import CasebookModel

// The keys that change the case. Each opens a prompt, picker or form, or asks the app (through an
// Effect) to undo, redo or run $EDITOR; the app performs the edit once the user confirms.

extension CommandRegistry {
    static func annotationCommands() -> [Command] {
        let hasTargets: @Sendable (AppState) -> Bool = { $0.view != nil && !$0.targets.isEmpty }

        let hasCase: @Sendable (AppState) -> Bool = { $0.view != nil }
        let inList: @Sendable (AppState) -> Bool = { $0.view != nil && $0.focus == .list }
        return [
            Command("add-note", keys: [.char("A")], help: "Add a note to the selected or marked records", footer: "note", enabled: hasTargets) { s, _ in
                guard s.writable() else { return .none }
                let ids = s.targets
                s.prompt = Prompt(purpose: .note(ids), label: "Note on \(s.describeTargets(ids)): ")
                return .none
            },
            Command("note-in-editor", keys: [.char("E")], help: "Write a long note in $EDITOR", enabled: hasTargets) { _, _ in .externalNote },
            Command("tag", keys: [.char("t")], help: "Tag the selected or marked records (Tab completes; -tag removes)", footer: "tag",
                    enabled: hasTargets) { s, _ in
                guard s.writable() else { return .none }
                let ids = s.targets
                s.prompt = Prompt(purpose: .tag(ids), label: "Tag \(s.describeTargets(ids)) (Tab completes, -tag removes): ")
                return .none
            },
            Command("cite", keys: [.char("c")], help: "Cite a source (pick one, or + New source) with a locator", enabled: hasTargets) { s, _ in
                guard s.writable() else { return .none }
                guard let view = s.view else { return .none }
                let sources = view.content.sources.values.sorted { $0.title < $1.title }.map {
                    Picker.Item(id: $0.id, label: VisibleText.line($0.title + ($0.publisher.map { ", " + $0 } ?? "")))
                }
                s.overlay = .picker(Picker(purpose: .citeSource(s.targets), title: "Cite a source for \(s.describeTargets(s.targets))",
                                           items: [Picker.Item(id: Picker.newSourceID, label: "+ New source…")] + sources))
                return .none
            },
            Command("attribute", keys: [.char("=")], help: "Attribute the incident or wallet to an actor, with confidence 0-100",
                    enabled: { s in
                        guard let view = s.view, !s.targets.isEmpty else { return false }
                        return s.targets.allSatisfy { [.incident, .wallet].contains(view.content.record(id: $0)?.kind) }
                    }) { s, _ in
                guard s.writable() else { return .none }
                guard let view = s.view else { return .none }
                let actors = view.content.actors.values.sorted { $0.name < $1.name }.map {
                    Picker.Item(id: $0.id, label: VisibleText.line($0.name + " (" + $0.kind.rawValue + ")"))
                }
                s.overlay = .picker(Picker(purpose: .attributeActor(s.targets), title: "Attribute \(s.describeTargets(s.targets)) to", items: actors))
                return .none
            },
            Command("add-record", keys: [.char("a")], help: "Add a record of this pane's kind through a form", enabled: inList) { s, _ in
                guard s.writable() else { return .none }
                s.overlay = .form(FormBuilder.form(for: .add(s.pane.recordKind)))
                return .none
            },
            Command("edit-field", keys: [.char("e")], help: "Edit the field under the cursor (in the detail view: the selected note)",
                    enabled: hasTargets) { s, _ in
                guard s.writable() else { return .none }
                s.beginEditField()
                return .none
            },
            Command("delete", keys: [.char("d")], help: "Delete the selected or marked records (or the selected note), after confirming",
                    enabled: hasTargets) { s, _ in
                guard s.writable() else { return .none }
                s.beginDelete()
                return .none
            },
            Command("mark", keys: [.char(" ")], help: "Mark or unmark the row and move down", enabled: inList) { s, _ in s.toggleMark(); return .none },
            Command("mark-range", keys: [.char("v")], help: "Mark a range: press at one end, then at the other", enabled: inList) { s, _ in
                s.markRange(); return .none },
            Command("clear-marks", keys: [.char("U")], help: "Clear the marks", enabled: inList) { s, _ in s.clearMarks(); return .none },
            Command("undo", keys: [.char("u")], help: "Undo the last edit (even one from an earlier session)", footer: "undo", enabled: hasCase) { _, _ in .undo },
            Command("redo", keys: [.ctrl("r")], help: "Redo the last undone edit", enabled: hasCase) { _, _ in .redo },
            Command("summary", keys: [.char("P")], help: "Preview the case summary; print it, or save it as text, Markdown or HTML",
                    footer: "summary", enabled: hasCase) { _, _ in .summary },
            Command("history", keys: [.char("@")], help: "The history: who changed what, when; Enter goes to the record", enabled: hasCase) { s, _ in
                s.overlay = .history(selection: 0)
                return .none
            },
        ]
    }
}

extension AppState {
    /// Refuses at once on a read-only case, before anything is typed.
    mutating func writable() -> Bool {
        guard let reason = readOnlyReason else { return true }
        say("Read-only: \(reason)", error: true)
        return false
    }

    /// The case field behind each column, for `e`.
    static let fieldOfColumn: [String: String] = [
        "date": "started", "title": "title", "victim": "victim", "kind": "kind", "status": "status",
        "name": "name", "country": "country", "aliases": "aliases",
        "time": "time", "from": "from", "to": "to", "asset": "asset", "amount": "amount", "usd": "usd", "incident": "incident",
    ]

    mutating func beginEditField() {
        if focus == .detail, let id = detailStack.last, let note = selectedNote {
            prompt = Prompt(purpose: .editNote(id: id, noteID: note.id), editor: LineEditor(note.text), label: "Edit note: ")
            return
        }
        guard let view, let id = current.selectedID, let record = view.content.record(id: id) else { return }
        let column = pane.columns[current.column]
        guard let field = Self.fieldOfColumn[column.id] else {
            say("\(column.title) is not edited here: " + (column.id == "attribution" ? "= attributes" : "use the detail view"), error: true)
            return
        }
        prompt = Prompt(purpose: .setField(id: id, field: field), editor: LineEditor(Self.rawValue(of: field, in: record)),
                        label: "\(column.title) of \(describeTargets([id])): ")
    }

    /// The stored text of a field, to edit in place (not the formatted column text).
    static func rawValue(of field: String, in r: AnyRecord) -> String {
        switch (r, field) {
        case (.incident(let i), "started"): i.started ?? ""
        case (.incident(let i), "title"): i.title
        case (.incident(let i), "victim"): i.victim ?? ""
        case (.incident(let i), "kind"): i.kind.rawValue
        case (.incident(let i), "status"): i.status.rawValue
        case (.actor(let a), "name"): a.name
        case (.actor(let a), "kind"): a.kind.rawValue
        case (.actor(let a), "country"): a.country ?? ""
        case (.actor(let a), "aliases"): a.aliases.map(\.name).joined(separator: ", ")
        case (.transfer(let t), "time"): t.time
        case (.transfer(let t), "from"): t.from
        case (.transfer(let t), "to"): t.to
        case (.transfer(let t), "asset"): t.asset
        case (.transfer(let t), "amount"): t.amount.description
        case (.transfer(let t), "usd"): t.usd?.description ?? ""
        case (.transfer(let t), "incident"): t.incident ?? ""
        case (.transfer(let t), "kind"): t.kind.rawValue
        default: ""
        }
    }

    mutating func beginDelete() {
        guard let view else { return }
        if focus == .detail, let id = detailStack.last, let note = selectedNote {
            prompt = Prompt(purpose: .confirmDeleteNote(id: id, noteID: note.id),
                            label: "Delete the note by \(VisibleText.line(note.author)) of \(note.time)? y deletes, any other key keeps it ")
            return
        }
        let ids = targets
        // Say what refers to them: deleting leaves those references dangling (check lists them).
        // Records whose own fields name one of these (a transfer through an actor's wallet does not).
        let referring = Set(ids.flatMap { id in
            view.content.record(id: id).map { r in view.content.links(of: r, index: view.links).filter { l in
                switch (r.kind, l.0, l.1) {
                case (.incident, "transfer", _), (.actor, "attributed incident", _), (.actor, "victim of", _), (.actor, "wallet", _),
                     (.actor, "member", _), (.wallet, "transfer", _), (.source, "cited by", _): true
                case (.actor, "transfer", .transfer(let t)): t.from == id || t.to == id
                default: false
                }
            }.map(\.1.id) } ?? []
        }).subtracting(ids)
        let warning = referring.isEmpty ? "" : " \(referring.count) other record\(referring.count == 1 ? "" : "s") refer to \(ids.count == 1 ? "it" : "them") and will point at nothing (casebook check lists them; u undoes)."
        prompt = Prompt(purpose: .confirmDelete(ids), label: "Delete \(describeTargets(ids))? y deletes, any other key keeps.\(warning) ")
    }
}
