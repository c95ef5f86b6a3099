import CasebookModel

/// Where keys go.
public enum Focus: Sendable, Equatable { case list, detail }

/// A text prompt on the message line.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case search, filter }
    public var purpose: Purpose
    public var editor: LineEditor
    /// Where the cursor was when a search started, to return to on Esc.
    public var origin: Int

    public var label: String { purpose == .search ? "/" : "Filter: " }
}

/// An overlay drawn over the panes.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case palette(editor: LineEditor, selection: Int)
    case frequency(FrequencyTable, selection: Int, scroll: Int)
}

/// Everything the screen shows, as a value: rendering is a pure function of it.
public struct AppState: Sendable {
    public var file: String
    public var view: CaseView?
    /// Why the case is read-only (another writer holds it), or nil.
    public var readOnlyReason: String?
    /// 0...1 while the case loads.
    public var loading: Double?
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
    public var message: String?
    public var messageIsError = false
    public var themeName: String
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
