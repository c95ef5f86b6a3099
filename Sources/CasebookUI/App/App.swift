import CasebookModel
import CasebookStore
import Foundation

// The application: state, the command registry, the theme, and the open case. `handle(_:)` is
// the reducer (a key in, state changed); `frame` renders; `run` is the loop that ties them to a
// terminal. Keys go first to an open prompt, then to an overlay, then to the registry.

public final class App {
    public internal(set) var state: AppState
    public private(set) var registry: CommandRegistry
    public private(set) var theme: Theme
    /// Names the T key cycles through, and how to load one.
    let themeNames: [String]
    let loadTheme: (String) throws -> Theme
    public private(set) var loaded: LoadedCase?
    /// Who edits are recorded as, and the clock they are stamped with.
    public var author = "unknown"
    public var clock: @Sendable () -> String = { CaseTime.format(Date()) }
    /// Runs $EDITOR on some text and returns the result, or nil if it failed (set by the command line).
    public var externalEditor: ((String) -> String?)?
    /// Gives the terminal to another program for the duration of a call (set by `run`).
    var suspendForEditor: (() -> Void) -> Void = { $0() }
    /// Renders, saves and prints summaries (set by the command line, which owns files and lp).
    public var summaries: SummaryHooks?
    /// The loader of the case on screen while its thread still holds a copy of the case (to
    /// prepare the search text after the screen is up; set by `run`): the first change waits
    /// for it (`releaseCase`).
    var warming: CaseLoader?

    public init(file: String, registry: CommandRegistry = .standard, theme: Theme, themeNames: [String] = [],
                loadTheme: @escaping (String) throws -> Theme = { _ in Theme.mono }) {
        state = AppState(file: file, themeName: theme.name)
        self.registry = registry
        self.theme = theme
        self.themeNames = themeNames
        self.loadTheme = loadTheme
    }

    /// Shows an opened case (the loader's result, or one opened directly in tests).
    public func show(_ loaded: LoadedCase) {
        self.loaded = loaded
        state.readOnlyReason = loaded.readOnlyReason
        state.partial = false
        state.show(loaded.view)
        state.history = loaded.store.history
        if let reason = loaded.readOnlyReason { state.say("Read-only: \(reason)") }
        for w in loaded.store.warnings { state.say(w, error: true) }
    }

    /// Shows the first panes of a case still loading (the loader's preview) until `show(_:)`
    /// brings the whole case.
    public func showPartial(_ view: CaseView, progress: Double) { state.showPartial(view, progress: progress) }

    /// Shows a case held only in memory (tests, previews).
    public func show(_ content: Case) { state.show(CaseView(content)) }

    public func frame(width: Int, height: Int) -> Grid {
        Screen.render(state, registry: registry, theme: theme, width: width, height: height)
    }

    func metrics(height: Int, width: Int) -> ViewMetrics { ViewMetrics(listHeight: Layout(width: width, height: height).listRows) }

    /// Handles one key at a given screen size; returns what the loop must do.
    @discardableResult
    public func handle(_ key: Key, width: Int, height: Int) -> Effect {
        let m = metrics(height: height, width: width)
        var effect = Effect.none
        if key == .resize {
            effect = .redraw
        } else if state.prompt != nil {
            handlePrompt(key)
        } else if let overlay = state.overlay {
            effect = handleOverlay(overlay, key, m)
        } else if state.view == nil {
            if key == .char("Q") || key == .char("q") || key == .ctrl("c") { state.quit = true; effect = .quit }
        } else if let command = registry.command(for: key, in: state) {
            state.message = nil   // a message answers one keystroke
            if state.mayRun(command) { effect = command.run(&state, m) }
        } else if key != .escape {
            state.say("\(key) does nothing here (? lists the keys)", error: true)
        }
        switch effect {
        case .cycleTheme: cycleTheme(); effect = .redraw
        case .undo: step(undo: true); effect = .none
        case .redo: step(undo: false); effect = .none
        case .externalNote: noteInExternalEditor(); effect = .redraw
        case .summary: openSummary()
        default: break
        }
        var p = state.current
        p.scrollToCursor(height: m.listHeight)
        state.current = p
        return effect
    }

    func handleOverlay(_ overlay: Overlay, _ key: Key, _ m: ViewMetrics) -> Effect {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .char("j"), .down: state.overlay = .help(scroll: scroll + 1)
            case .char("k"), .up: state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): state.overlay = .help(scroll: scroll + 10)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .escape, .char("q"), .char("?"), .enter: state.overlay = nil
            case .char("Q"): state.quit = true; return .quit
            default: break
            }
        case .palette(var editor, let selection):
            let matches = registry.search(editor.text)
            switch key {
            case .escape: state.overlay = nil
            case .down, .ctrl("n"), .tab: state.overlay = .palette(editor: editor, selection: min(max(0, matches.count - 1), selection + 1))
            case .up, .ctrl("p"), .backTab: state.overlay = .palette(editor: editor, selection: max(0, selection - 1))
            case .enter:
                state.overlay = nil
                guard matches.indices.contains(selection) else { return .none }
                let command = matches[selection]
                guard command.isEnabled(state) else {
                    state.say("\(command.name) does not apply here", error: true)
                    return .none
                }
                guard state.mayRun(command) else { return .none }
                return command.run(&state, m)
            default:
                _ = editor.handle(key)
                state.overlay = .palette(editor: editor, selection: 0)
            }
        case .history, .picker, .form:
            return handleEditingOverlay(overlay, key)
        case .preview:
            handlePreview(key, m)
        case .frequency(let table, let selection, let scroll):
            switch key {
            case .char("j"), .down: state.overlay = .frequency(table, selection: min(max(0, table.rows.count - 1), selection + 1), scroll: scroll)
            case .char("k"), .up: state.overlay = .frequency(table, selection: max(0, selection - 1), scroll: scroll)
            case .pageDown: state.overlay = .frequency(table, selection: min(max(0, table.rows.count - 1), selection + 10), scroll: scroll)
            case .pageUp: state.overlay = .frequency(table, selection: max(0, selection - 10), scroll: scroll)
            case .enter: state.filterToFrequencyRow(table, selection)
            case .escape, .char("q"), .char("F"): state.overlay = nil
            case .char("Q"): state.quit = true; return .quit
            default: break
            }
        }
        return .none
    }

    func cycleTheme() {
        guard themeNames.count > 1 else {
            state.say("Only one theme is available" + (theme.name == "mono" ? " (colours are off)" : ""))
            return
        }
        let i = themeNames.firstIndex(of: theme.name) ?? -1
        var skipped: [String] = []
        for step in 1...themeNames.count {
            let name = themeNames[(i + step + themeNames.count) % themeNames.count]
            do {
                theme = try loadTheme(name)
                state.themeName = name
                if skipped.isEmpty { state.say("Theme: \(name)") }
                else { state.say("Theme: \(name) (skipped \(skipped.joined(separator: "; ")))", error: true) }
                return
            } catch {
                skipped.append("\(name): \(error)")
            }
        }
        state.say("No theme could be loaded: \(skipped.joined(separator: "; "))", error: true)
    }

    /// Runs until quit: draws, reads keys, and while loading shows progress. Returns an error
    /// message if the case could not be opened.
    public func run(terminal: Terminal, loader: CaseLoader?, suspend: @escaping () -> Void) -> String? {
        suspendForEditor = { body in terminal.suspend(body) }
        warming = loader
        while !state.quit {
            if terminal.interrupted {
                Self.cancel(loader)
                break
            }
            let loadingNow = state.view == nil || state.partial
            if loadingNow, let loader {
                switch loader.result {
                case .success(let loaded)?: show(loaded)
                case .failure(let error)?:
                    if case .cancelled = error { return nil }
                    return error.description
                case nil:
                    state.loading = loader.progress
                    // The first panes, as soon as they are read: browse them while the rest loads.
                    if state.view == nil, let first = loader.preview { showPartial(first, progress: loader.progress) }
                }
            }
            if state.searchPending { state.updateIncrementalSearch() }
            let size = terminal.size
            terminal.draw(frame(width: size.width, height: size.height), theme: theme)
            guard let key = terminal.readKey(timeoutMilliseconds: loadingNow || state.searchPending ? 50 : 250) else { continue }
            if loadingNow && (key == .ctrl("c") || key == .char("Q") || (state.view == nil && key == .char("q"))) {
                Self.cancel(loader)
                return nil
            }
            let now = terminal.size
            switch handle(key, width: now.width, height: now.height) {
            case .quit:
                state.quit = true
                if state.partial { Self.cancel(loader) }
            case .suspend: terminal.suspend(suspend)
            case .redraw: if key == .ctrl("l") { terminal.invalidate() }
            default: break
            }
        }
        return nil
    }

    /// Stops a load and waits (briefly: the reader checks about every megabyte) for it to let go
    /// of the case's lock.
    static func cancel(_ loader: CaseLoader?) {
        guard let loader else { return }
        loader.cancel()
        for _ in 0..<100 where loader.result == nil { Thread.sleep(forTimeInterval: 0.02) }
    }

    /// Releases the case (folding in any journal), e.g. when the loop ends.
    public func close() -> String? {
        do { try loaded?.store.close() } catch { return error.description }
        return nil
    }
}
