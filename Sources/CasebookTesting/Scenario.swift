import CasebookModel
import CasebookUI

/// Drives the real app as a user would, key by key, and shows what the screen says.
///
///     let s = Scenario(case: demo, width: 120, height: 35)
///     s.press("2", "j", "j").press(.enter)
///     #expect(s.screen.contains("Park Jin Hyok"))
public final class Scenario {
    public let app: App
    public var width: Int
    public var height: Int

    public init(app: App, width: Int = 120, height: Int = 35) {
        self.app = app
        self.width = width
        self.height = height
    }

    public convenience init(case content: Case, theme: Theme = .mono, width: Int = 120, height: Int = 35,
                            registry: CommandRegistry = .standard) {
        let app = App(file: "test.case.json", registry: registry, theme: theme)
        app.show(content)
        self.init(app: app, width: width, height: height)
    }

    /// A scenario on a case file, opened as the screen opens it (the lock, or read-only if another
    /// writer holds it), so edits go through the journal.
    public convenience init(file: String, author: String = "Tester", width: Int = 120, height: Int = 35,
                            editor: ((String) -> String?)? = nil) throws {
        let app = App(file: file, theme: .mono)
        app.author = author
        app.clock = { "2026-11-22T12:00:00Z" }
        app.externalEditor = editor
        app.show(try CaseLoader.open(file).get())
        self.init(app: app, width: width, height: height)
    }

    /// Presses keys given as names (`"j"`, `"Enter"`, `"Ctrl-D"`) or single characters.
    @discardableResult
    public func press(_ names: String...) -> Scenario {
        for name in names {
            guard let key = Key(name: name) else { preconditionFailure("not a key name: \(name)") }
            app.handle(key, width: width, height: height)
        }
        return self
    }

    @discardableResult
    public func press(_ keys: Key...) -> Scenario {
        for key in keys { app.handle(key, width: width, height: height) }
        return self
    }

    /// Types text character by character (Korean included), as a terminal delivers it.
    @discardableResult
    public func type(_ text: String) -> Scenario {
        for ch in text { app.handle(.char(ch), width: width, height: height) }
        return self
    }

    @discardableResult
    public func resize(_ width: Int, _ height: Int) -> Scenario {
        self.width = width
        self.height = height
        app.handle(.resize, width: width, height: height)
        return self
    }

    public var frame: Grid { app.frame(width: width, height: height) }
    public var screen: String { frame.text }
    public var state: AppState { app.state }

    /// The screen row that contains `text`, or nil.
    public func row(containing text: String) -> String? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).first { $0.contains(text) }
    }
}
