/// What a command asks of the app loop beyond changing state.
public enum Effect: Sendable, Equatable {
    case none
    case quit
    case suspend
    case redraw
    case cycleTheme
    case undo
    case redo
    /// Write a long note for the targets in $EDITOR.
    case externalNote
    /// Show the case summary (P).
    case summary
}

/// The size of the list area, which paging and scrolling need.
public struct ViewMetrics: Sendable {
    public var listHeight: Int
    public init(listHeight: Int) { self.listHeight = listHeight }
}

/// One command: a long name (for the palette, the keymap file and help), default keys, a help
/// line, a short footer label, an enabled check and what it does. The footer, the `?` overlay and
/// the `:` palette are all generated from the registry of these.
public struct Command: Sendable {
    public let name: String
    public var keys: [Key]
    public let help: String
    /// Shown in the footer when enabled (nil: help and palette only).
    public let footer: String?
    public let isEnabled: @Sendable (AppState) -> Bool
    public let run: @Sendable (inout AppState, ViewMetrics) -> Effect

    public init(_ name: String, keys: [Key], help: String, footer: String? = nil,
                enabled: @escaping @Sendable (AppState) -> Bool = { _ in true },
                run: @escaping @Sendable (inout AppState, ViewMetrics) -> Effect) {
        self.name = name
        self.keys = keys
        self.help = help
        self.footer = footer
        self.isEnabled = enabled
        self.run = run
    }

    /// "j ↓" for help and footer.
    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// The commands in force, in help order, with any user keymap applied.
public struct CommandRegistry: Sendable {
    public private(set) var commands: [Command]

    public init(_ commands: [Command]) { self.commands = commands }

    public func command(named name: String) -> Command? { commands.first { $0.name == name } }

    /// The enabled command bound to `key`, if any.
    public func command(for key: Key, in state: AppState) -> Command? {
        commands.first { $0.keys.contains(key) && $0.isEnabled(state) }
    }

    /// Replaces a command's keys (a keymap entry).
    public mutating func rebind(_ name: String, to keys: [Key]) -> Bool {
        guard let i = commands.firstIndex(where: { $0.name == name }) else { return false }
        commands[i].keys = keys
        return true
    }

    /// Commands matching `query` as a fuzzy subsequence of the name, best first.
    public func search(_ query: String) -> [Command] {
        let q = query.lowercased().filter { $0 != " " }
        guard !q.isEmpty else { return commands }
        return commands.compactMap { c -> (Command, Int)? in
            guard let score = Fuzzy.score(q, in: c.name + " " + c.help.lowercased()) else { return nil }
            return (c, score)
        }.sorted { $0.1 > $1.1 }.map(\.0)
    }
}

/// Subsequence matching with a bonus for contiguous runs and word starts ("sd" finds "sort-descending").
enum Fuzzy {
    static func score(_ query: String, in text: String) -> Int? {
        let t = Array(text.lowercased())
        var score = 0
        var ti = 0
        var previous = -2
        for q in query {
            while ti < t.count && t[ti] != q { ti += 1 }
            guard ti < t.count else { return nil }
            score += 1
            if ti == previous + 1 { score += 3 }
            if ti == 0 || t[ti - 1] == "-" || t[ti - 1] == " " { score += 5 }
            previous = ti
            ti += 1
        }
        // A whole-word or substring hit beats a scattered subsequence ("un" finds "United Nations").
        let joined = String(t)
        if let r = joined.range(of: query) {
            score += 10
            if r.lowerBound == joined.startIndex || " -([".contains(joined[joined.index(before: r.lowerBound)]) { score += 20 }
        }
        return score - t.count / 10
    }
}
