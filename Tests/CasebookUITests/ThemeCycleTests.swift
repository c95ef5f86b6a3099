import CasebookModel
import CasebookTesting
import CasebookUI
import Testing

/// The repository's Themes/ folder.
private let themesFolder = Demo.root.appendingPathComponent("Themes").path
private let shippedNames = ThemeLoader.availableThemes(searchPaths: [themesFolder])

private func shipped(_ name: String) throws -> Theme {
    try ThemeLoader.load(name: name, searchPaths: [themesFolder])
}

/// An app on the demo case that cycles through the shipped themes, as `casebook` sets it up.
private func cyclingScenario(startingWith name: String = "default", width: Int = 120, height: Int = 35) throws -> Scenario {
    let app = App(file: "demo.case.json", theme: try shipped(name), themeNames: shippedNames,
                  loadTheme: { try ThemeLoader.load(name: $0, searchPaths: [themesFolder]) })
    app.show(Demo.content)
    return Scenario(app: app, width: width, height: height)
}

private struct NoSuchTheme: Error, CustomStringConvertible {
    var description: String { "no such theme" }
}

/// The screen row the list's pointer is on.
private func selectedRow(_ g: Grid, pointer: String) -> Int? {
    (2..<g.height).first { g[0, $0].char == Character(pointer) }
}

@Suite("Theme cycling") struct ThemeCycleTests {
    @Test func theShippedThemesAreFound() {
        #expect(shippedNames == ["ascii", "colorblind", "default", "high-contrast", "light", "mono"])
    }

    @Test func tCyclesThroughEveryThemeInOrderAndWraps() throws {
        let s = try cyclingScenario()
        #expect(s.app.theme.name == "default")
        let start = try #require(shippedNames.firstIndex(of: "default"))
        var seen: [String] = []
        for step in 1...shippedNames.count {
            s.press("T")
            let expected = shippedNames[(start + step) % shippedNames.count]
            #expect(s.app.theme.name == expected)
            #expect(s.app.theme == (try shipped(expected)))
            #expect(s.state.themeName == expected)
            #expect(s.state.message == "Theme: \(expected)" && !s.state.messageIsError)
            #expect(s.screen.split(separator: "\n").dropLast().last == "Theme: \(expected)"[...])
            seen.append(expected)
        }
        #expect(Set(seen) == Set(shippedNames), "every theme once")
        #expect(s.app.theme.name == "default", "back where it started")
    }

    @Test func cyclingKeepsThePlace() throws {
        let s = try cyclingScenario()
        s.press("3", "j", "j", "l")
        let before = (s.state.pane, s.state.current.cursor, s.state.current.column)
        s.press("T", "T")
        #expect(s.state.pane == before.0 && s.state.current.cursor == before.1 && s.state.current.column == before.2)
    }

    @Test func theNewThemesGlyphsAreDrawn() throws {
        let s = try cyclingScenario(startingWith: "mono")   // the next is ascii
        #expect(s.frame[0, 3].char == "▶")
        s.press("T")
        #expect(s.app.theme.name == "ascii")
        let g = s.frame
        #expect(g[0, 3].char == ">", "ASCII pointer")
        #expect(s.screen.contains(String(repeating: "-", count: 120)), "ASCII divider")
        #expect(!s.screen.contains("─") && !s.screen.contains("▶"))
    }

    @Test func aThemeThatFailsToLoadIsSkipped() throws {
        let app = App(file: "demo.case.json", theme: .mono, themeNames: ["mono", "broken", "light"],
                      loadTheme: { name in
                          if name == "broken" { throw NoSuchTheme() }
                          return try ThemeLoader.load(name: name, searchPaths: [themesFolder])
                      })
        app.show(Demo.content)
        let s = Scenario(app: app)
        s.press("T")
        #expect(s.app.theme.name == "light")
        #expect(s.state.themeName == "light")
        s.press("T")
        #expect(s.app.theme.name == "mono")
    }

    @Test func whenEveryOtherThemeFailsTheErrorIsShown() throws {
        let app = App(file: "demo.case.json", theme: .mono, themeNames: ["mono", "broken"],
                      loadTheme: { name in
                          if name == "broken" { throw NoSuchTheme() }
                          return Theme.mono
                      })
        app.show(Demo.content)
        let s = Scenario(app: app)
        s.press("T")
        #expect(s.app.theme.name == "mono")
        // Mono reloads itself after "broken" fails; the failure is still named in the message.
        #expect(s.screen.contains("Theme: mono (skipped broken: no such theme"))
        
    }

    @Test func withNoColoursTSaysThereIsOnlyOneTheme() {
        // NO_COLOR and --no-color: the built-in mono theme and no names to cycle through.
        let s = Demo.scenario()
        s.press("T")
        #expect(s.app.theme == .mono)
        #expect(s.state.message == "Only one theme is available (colours are off)")
        #expect(s.screen.contains("Only one theme is available (colours are off)"))
        // One theme that is not mono: no mention of colours.
        let app = App(file: "x", theme: try! shipped("light"), themeNames: ["light"])
        app.show(Demo.content)
        app.handle(.char("T"), width: 120, height: 35)
        #expect(app.theme.name == "light")
        #expect(app.state.message == "Only one theme is available")
    }

    @Test(arguments: shippedNames)
    func everyShippedThemeRendersTheDemoWithTheSelectionInItsRole(name: String) throws {
        let theme = try shipped(name)
        for (width, height) in [(80, 24), (120, 35), (160, 50), (60, 15), (40, 12)] {
            let s = Scenario(case: Demo.content, theme: theme, width: width, height: height)
            for keys in [[], ["2", "j", "j"], ["3", "G"]] {
                for k in keys { s.press(k) }
                let g = s.frame
                guard width >= 60 else {
                    #expect(g.text(row: 0).hasPrefix("Terminal too small"))
                    continue
                }
                let y = try #require(selectedRow(g, pointer: theme.glyphs.pointer), "\(name) \(width)×\(height) \(keys)")
                let listWidth = width >= 150 ? width * 3 / 5 : width
                for x in 0..<listWidth {
                    #expect(g[x, y].role == .rowSelected, "\(name) \(width)×\(height) \(keys): cell \(x) is \(g[x, y].role.rawValue)")
                }
                #expect(g.cursor?.y == y, "the hardware cursor sits on the selected row")
                // Every role drawn has a style in the theme.
                for cell in g.cells { #expect(theme.styles[cell.role] != nil) }
            }
            // In the detail view the selected link is the selected row.
            s.press("1", "Enter")
            let g = s.frame
            if width >= 60 {
                #expect(s.state.focus == .detail)
                // The detail area: below the list, or to its right on wide screens.
                let left = width >= 150 ? width * 3 / 5 + 1 : 0
                let y = try #require(g.cursor?.y)
                #expect(g.cursor?.x == left)
                #expect(g[left, y].char == Character(theme.glyphs.pointer))
                #expect((left..<width).allSatisfy { g[$0, y].role == .rowSelected }, "\(name) \(width)×\(height) detail link row")
            }
        }
    }

    @Test(arguments: shippedNames)
    func everyShippedThemeDrawsTheOverlaysAndPrompts(name: String) throws {
        let s = Scenario(case: Demo.content, theme: try shipped(name))
        for keys in [["?"], ["Esc", ":"], ["Esc", "3", "l", "l", "l", "F"], ["Esc", "/", "b", "i", "t"], ["Esc", "\\"]] {
            for k in keys { s.press(k) }
            let g = s.frame
            #expect(g.cells.contains { $0.role == .overlaySelected || $0.role == .overlay || $0.role == .match || $0.role == .message },
                    "\(name) \(keys)")
        }
        // The search highlight is in the match role, inside the selected row.
        s.press("Esc", "1", "/").type("bithumb")
        let g = s.frame
        let y = try #require(selectedRow(g, pointer: s.app.theme.glyphs.pointer))
        #expect((0..<g.width).contains { g[$0, y].role == .match })
    }
}
