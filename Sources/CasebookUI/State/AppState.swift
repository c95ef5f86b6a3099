import CasebookModel
import CasebookStore
import Foundation

/// Where keys go.
public enum Focus: Sendable, Equatable { case list, detail }

/// A text prompt on the message line.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case search, filter
        case note([String])
        case tag([String])
        case setField(id: String, field: String)
        case confirmDelete([String])
        case locator(ids: [String], source: String)
        case confidence(ids: [String], actor: String)
        case editNote(id: String, noteID: String)
        case confirmDeleteNote(id: String, noteID: String)
        /// Where to save the summary, in a form: text, markdown or html.
        case saveSummary(format: String)

        /// Answered with one key, y or anything else.
        var isConfirmation: Bool {
            switch self {
            case .confirmDelete, .confirmDeleteNote: true
            default: false
            }
        }
    }
    public var purpose: Purpose
    public var editor: LineEditor
    /// Where the cursor was when a search started, to return to on Esc.
    public var origin: Int
    public var label: String
    /// What was typed before Tab started completing, so repeated Tabs cycle through its matches.
    public var completionStem: String?

    public init(purpose: Purpose, editor: LineEditor = LineEditor(), origin: Int = 0, label: String? = nil) {
        self.purpose = purpose
        self.editor = editor
        self.origin = origin
        self.label = label ?? (purpose == .search ? "/" : "Filter: ")
    }
}

/// A list to choose from with fuzzy search: the source to cite, the actor to attribute to.
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case citeSource([String]), attributeActor([String])
        /// The last step of `=`: the source that supports the attribution (or none).
        case supportAttribution(ids: [String], actor: String, confidence: Int, basis: String?)
    }
    public struct Item: Sendable, Equatable {
        public var id: String
        public var label: String
    }
    public var purpose: Purpose
    public var title: String
    public var items: [Item]
    public var editor = LineEditor()
    public var selection = 0

    /// Items whose label or id fuzzily matches what was typed, best first.
    public var matches: [Item] {
        let q = editor.text.lowercased().filter { $0 != " " }
        guard !q.isEmpty else { return items }
        return items.compactMap { item in Fuzzy.score(q, in: item.label + " " + item.id).map { (item, $0) } }
            .sorted { $0.1 > $1.1 }.map(\.0)
    }
}

/// A form for a new record: fields with hints, Tab between them, Enter on the last saves.
public struct Form: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case add(RecordKind), newSource(citeFor: [String]) }
    public struct Field: Sendable, Equatable {
        public var name: String
        public var hint: String
        public var editor: LineEditor
    }
    public var purpose: Purpose
    public var title: String
    public var fields: [Field]
    public var focus = 0
    public var error: String?

    public func value(_ name: String) -> String? {
        let v = fields.first { $0.name == name }?.editor.text.trimmingCharacters(in: .whitespaces)
        return v?.isEmpty == true ? nil : v
    }
}

/// An overlay drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case palette(editor: LineEditor, selection: Int)
    case frequency(FrequencyTable, selection: Int, scroll: Int)
    case history(selection: Int)
    case picker(Picker)
    case form(Form)
    /// The printable summary, one line per row, and how far it is scrolled.
    case preview(lines: [String], scroll: Int)
}

/// Everything the screen shows, as a value: rendering is a pure function of it.
public struct AppState: Sendable {
    public var file: String
    public var view: CaseView?
    /// Why the case is read-only (another writer holds it), or nil.
    public var readOnlyReason: String?
    /// 0...1 while the case loads.
    public var loading: Double?
    /// Whether `view` holds only the case's first panes (incidents and actors, read first) while
    /// the rest of a big case loads: browsing works, edits and summaries wait (AppState+Loading).
    public var partial = false
    public var pane: PaneKind = .incidents
    public var panes: [PaneKind: PaneState] = Dictionary(uniqueKeysWithValues: PaneKind.allCases.map { ($0, PaneState(kind: $0)) })
    public var focus: Focus = .list
    /// Records opened in the detail view, newest last (Enter on a link pushes, Esc pops).
    public var detailStack: [String] = []
    /// The selected linked record in the detail view, and its scroll.
    public var detailSelection = 0
    public var detailScroll = 0
    public var prompt: Prompt?
    public var overlay: Overlay?
    public var lastSearch: String?
    /// A search typed while the search text is still being prepared: the loop tries it again.
    public var searchPending = false
    public var message: String?
    /// Shown beside an open prompt (the tags Tab can complete to); cleared with the prompt.
    public var promptHint: String?
    public var messageIsError = false
    public var themeName: String
    /// The case's history as of the last change, for the @ overlay.
    public var history = History()
    public var quit = false

    public init(file: String, themeName: String) {
        self.file = file
        self.themeName = themeName
    }

    public var current: PaneState {
        get { panes[pane]! }
        set { panes[pane] = newValue }
    }

    /// The record the detail area shows: the top of the detail stack, else the selected row.
    public var detailRecordID: String? {
        if focus == .detail, let top = detailStack.last { return top }
        return current.selectedID
    }

    public mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }

    /// Loads a case into the panes.
    public mutating func show(_ view: CaseView) {
        self.view = view
        loading = nil
        for kind in PaneKind.allCases { panes[kind]!.refresh(view) }
    }
}
