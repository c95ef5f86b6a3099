import ArgumentParser
import CasebookModel
import CasebookReport
import CasebookStore
import CasebookTerminal
import CasebookUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Options for commands that open the screen.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Theme name (see Themes/; user themes in $XDG_CONFIG_HOME/casebook/themes).") var theme: String?
    @Flag(help: "No colours (as does a non-empty NO_COLOR).") var noColor = false
    @Flag(help: "Open without taking the lock; no edits.") var readOnly = false
}

/// Runs the screen on a case file until the user quits.
enum ScreenSession {
    static var hasTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }

    static func run(file: String, options: ScreenOptions) throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIError("\(file): no such file") }
        guard hasTerminal else {
            throw CLIError("\(file): the screen needs a terminal; for scripts use `casebook list` or `casebook show`")
        }
        let env = ProcessInfo.processInfo.environment
        let (theme, names, paths) = try themes(options, env)
        var registry = CommandRegistry.standard
        do { try Keymap.apply(path: Keymap.path(environment: env), to: &registry) } catch { throw CLIError(error.description) }

        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw CLIError("cannot start the screen: \(error)") }
        let app = App(file: file, registry: registry, theme: theme, themeNames: names,
                      loadTheme: { try ThemeLoader.load(name: $0, searchPaths: paths) })
        app.author = Session.author
        app.externalEditor = { ExternalEditor.edit($0, environment: env) }
        app.summaries = summaryHooks(file: file)
        let loader = CaseLoader(path: file, readOnly: options.readOnly)
        let failure = app.run(terminal: terminal, loader: loader, suspend: { raise(SIGTSTP) })
        let closeFailure = app.close()
        terminal.close()
        if let failure { throw CLIError(failure) }
        if let closeFailure { throw CLIError(closeFailure) }
    }

    /// P on screen: the same summaries, files and lp as `casebook summary` and `casebook print`.
    static func summaryHooks(file: String) -> SummaryHooks {
        let author = Session.author
        func summary(_ c: Case) -> Summary { Summary(case: c, options: SummaryOptions(generated: Session.now, author: author, maxMarking: nil)) }
        return SummaryHooks(
            text: { c, width in TextRenderer(width: width).render(summary(c)) },
            save: { c, format, path in
                let form = SummaryFormat(rawValue: format) ?? .text
                try SummaryOutput.write(SummaryOutput.render(summary(c), form), to: path, caseFile: file)
                return "Saved the \(format) summary to \(VisibleText.line(path))"
            },
            print: { c in
                let s = summary(c)
                return try SummaryOutput.sendToLP(TextRenderer().render(s), title: s.title, printer: nil, copies: nil, file: file)
            })
    }

    /// The starting theme, the names T cycles through, and where themes are looked for.
    static func themes(_ options: ScreenOptions, _ env: [String: String]) throws -> (Theme, [String], [String]) {
        let paths = ThemeLoader.defaultSearchPaths(environment: env)
        if options.noColor || !(env["NO_COLOR"] ?? "").isEmpty { return (.mono, [], paths) }
        let names = ThemeLoader.availableThemes(searchPaths: paths)
        let wanted = options.theme ?? "default"
        do {
            return (try ThemeLoader.load(name: wanted, searchPaths: paths), names, paths)
        } catch {
            if options.theme == nil && names.isEmpty {
                warn("no theme files found (set CASEBOOK_THEMES to the Themes folder); using no colours")
                return (.mono, [], paths)
            }
            throw CLIError(error.description)
        }
    }
}
