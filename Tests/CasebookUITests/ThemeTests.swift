import Foundation
import Testing
@testable import CasebookUI

/// The repository's Themes/ folder, found from this file.
private let shippedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Themes").path

private let requiredThemes = ["ascii", "colorblind", "default", "high-contrast", "light", "mono"]

private func shipped(_ name: String) throws -> Theme {
    try ThemeLoader.load(name: name, searchPaths: [shippedFolder])
}

/// A fresh folder of theme files, removed when the test ends.
private final class TempFolder {
    let path: String
    init(_ files: [String: String] = [:]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }
    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The "roles" lines of a complete theme: every role `{}` except `text`, less `omit`, with `overrides`.
private func roleLines(omit: Set<Role> = [], overrides: [Role: String] = [:]) -> String {
    Role.allCases.filter { !omit.contains($0) }.map { role in
        let body = overrides[role] ?? (role == .text ? #"{"fg": "fg", "bg": "bg"}"# : "{}")
        return "    \"\(role.rawValue)\": \(body)"
    }.joined(separator: ",\n")
}

private let twoColours = """
      "fg": {"hex": "#ffffff", "256": 231, "16": 15},
      "bg": {"hex": "#000000", "256": 16, "16": 0}
    """

private func completeTheme(palette: String = twoColours, extra: String = "", omit: Set<Role> = [],
                           overrides: [Role: String] = [:]) -> String {
    "{\n\(extra)  \"palette\": {\n\(palette)\n  },\n  \"roles\": {\n\(roleLines(omit: omit, overrides: overrides))\n  }\n}\n"
}

/// The error `load` throws, as text.
private func loadError(_ name: String, _ folders: [String]) -> String? {
    do {
        _ = try ThemeLoader.load(name: name, searchPaths: folders)
        return nil
    } catch {
        return error.description
    }
}

// MARK: colour arithmetic for the checks below

private func rgb(of value: UInt32) -> (Double, Double, Double) {
    (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF))
}

private func xtermRGB(_ index: Int) -> UInt32 {
    let levels: [UInt32] = [0, 95, 135, 175, 215, 255]
    if index >= 232 {
        let v = UInt32(8 + 10 * (index - 232))
        return v << 16 | v << 8 | v
    }
    let i = index - 16
    return levels[i / 36] << 16 | levels[i / 6 % 6] << 8 | levels[i % 6]
}

private func luminance(_ value: UInt32) -> Double {
    let (r, g, b) = rgb(of: value)
    func channel(_ c: Double) -> Double {
        let c = c / 255
        return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

private func contrast(_ a: UInt32, _ b: UInt32) -> Double {
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

/// True for a saturated colour whose hue is red or green, the pair colour-blind readers confuse.
private func isRedOrGreen(_ value: UInt32) -> Bool {
    let (r, g, b) = rgb(of: value)
    let high = max(r, g, b), low = min(r, g, b)
    guard high > 40, (high - low) / high >= 0.3 else { return false }   // grey or nearly black
    var hue: Double
    if high == r { hue = 60 * ((g - b) / (high - low)) } else if high == g {
        hue = 60 * ((b - r) / (high - low) + 2)
    } else { hue = 60 * ((r - g) / (high - low) + 4) }
    if hue < 0 { hue += 360 }
    return hue < 20 || hue >= 340 || (70...170).contains(hue)
}

@Suite("Themes") struct ThemeTests {
    // MARK: shipped themes

    @Test func theRequiredThemesAreShipped() {
        let names = ThemeLoader.availableThemes(searchPaths: [shippedFolder])
        for name in requiredThemes { #expect(names.contains(name), "Themes/\(name).json is missing") }
    }

    @Test(arguments: ThemeLoader.availableThemes(searchPaths: [shippedFolder]))
    func shippedThemeLoadsAndDefinesEveryRole(name: String) throws {
        let theme = try shipped(name)
        #expect(theme.name == name)
        for role in Role.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role.rawValue)") }
        #expect(theme.styles.count == Role.allCases.count)
    }

    @Test(arguments: ThemeLoader.availableThemes(searchPaths: [shippedFolder]))
    func selectionAndMatchAreVisibleWithoutColour(name: String) throws {
        for theme in [try shipped(name), Theme.mono] {
            let text = theme.style(.text).attributes
            let selected = theme.style(.rowSelected).attributes
            let match = theme.style(.match).attributes
            #expect(selected != text, "\(theme.name): row.selected looks like text without colour")
            #expect(match != text, "\(theme.name): search.match looks like text without colour")
            #expect(match != selected, "\(theme.name): search.match looks like row.selected without colour")
            #expect(theme.style(.overlaySelected).attributes != theme.style(.overlay).attributes)
        }
    }

    @Test(arguments: ThemeLoader.availableThemes(searchPaths: [shippedFolder]))
    func foregroundsAreReadableOnTheirBackgrounds(name: String) throws {
        let theme = try shipped(name)
        let minimum = name == "high-contrast" ? 7.0 : 3.0
        for role in Role.allCases {
            let style = theme.style(role)
            let (fg, bg) = (style.foreground, style.background)
            if let f = fg.rgb, let b = bg.rgb {
                let needed = [.text, .detailValue, .message, .rowSelected, .match].contains(role) ? max(minimum, 4.5) : minimum
                #expect(contrast(f, b) >= needed, "\(name) \(role.rawValue): contrast \(contrast(f, b))")
            }
            if let f = fg.xterm256, let b = bg.xterm256 {
                #expect(contrast(xtermRGB(f), xtermRGB(b)) >= minimum, "\(name) \(role.rawValue) in 256 colours")
            }
            if let f = fg.ansi16, let b = bg.ansi16 {
                #expect(f != b, "\(name) \(role.rawValue): same colour for text and background in 16 colours")
            }
        }
    }

    @Test(arguments: ThemeLoader.availableThemes(searchPaths: [shippedFolder]))
    func fallbacksAreCloseToTheHexColour(name: String) throws {
        for style in try shipped(name).styles.values {
            for color in [style.foreground, style.background] {
                guard let hex = color.rgb, let index = color.xterm256 else { continue }
                let (a, b) = (rgb(of: hex), rgb(of: xtermRGB(index)))
                let farthest = max(abs(a.0 - b.0), abs(a.1 - b.1), abs(a.2 - b.2))
                #expect(farthest <= 64, "\(name): 256-colour \(index) is far from #\(String(hex, radix: 16))")
            }
        }
    }

    @Test func asciiThemeUsesOnlyASCIIGlyphsAndDefaultColours() throws {
        let ascii = try shipped("ascii")
        let g = ascii.glyphs
        for glyph in [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.mark, g.pointer,
                      g.ellipsis, g.sortAscending, g.sortDescending] {
            #expect(!glyph.isEmpty && glyph.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x80 },
                    "ascii glyph \(glyph)")
        }
        #expect(ascii.styles == (try shipped("default")).styles)
    }

    @Test func colourBlindThemeAvoidsRedAgainstGreen() throws {
        let theme = try shipped("colorblind")
        for role in Role.allCases {
            for color in [theme.style(role).foreground, theme.style(role).background] {
                if let hex = color.rgb { #expect(!isRedOrGreen(hex), "\(role.rawValue): #\(String(hex, radix: 16))") }
                if let index = color.xterm256 { #expect(!isRedOrGreen(xtermRGB(index)), "\(role.rawValue): 256 \(index)") }
                if let index = color.ansi16 { #expect(![1, 2, 9, 10].contains(index), "\(role.rawValue): 16 \(index)") }
            }
        }
        let confidence: [Role] = [.confidenceNone, .confidenceLow, .confidenceModerate, .confidenceHigh]
        let attributes = confidence.map { theme.style($0).attributes }
        #expect(Set(attributes.map(\.rawValue)).count == confidence.count, "confidence levels differ only by colour")
        for role in confidence { #expect(theme.style(.amountLoss) != theme.style(role)) }
    }

    @Test func theHueCheckCatchesRedAndGreen() {
        #expect(isRedOrGreen(0xFF0000) && isRedOrGreen(0xD70000) && isRedOrGreen(0x00FF00) && isRedOrGreen(0x87D787))
        #expect(!isRedOrGreen(0xE69F00) && !isRedOrGreen(0x56B4E9) && !isRedOrGreen(0xF0E442) && !isRedOrGreen(0xCC79A7))
        #expect(!isRedOrGreen(0x808080) && !isRedOrGreen(0x1C1C1C))
    }

    @Test func monoThemeHasNoColourAndMatchesTheBuiltInMono() throws {
        let mono = try shipped("mono")
        for (role, style) in mono.styles {
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault, "\(role.rawValue)")
        }
        #expect(mono == Theme.mono)
    }

    // MARK: search folders and inheritance

    @Test func aUserThemeOverridesTheShippedOneOfTheSameName() throws {
        let user = try TempFolder(["default.json": completeTheme()])
        let theme = try ThemeLoader.load(name: "default", searchPaths: [user.path, shippedFolder])
        #expect(theme.style(.text).foreground.rgb == 0xFFFFFF)
        #expect(theme.style(.rowSelected).attributes == [])
        #expect(try ThemeLoader.load(name: "light", searchPaths: [user.path, shippedFolder]) == (try shipped("light")))
    }

    @Test func extendsInheritsAndOverrides() throws {
        let folder = try TempFolder([
            "base.json": completeTheme(palette: twoColours + ",\n      \"accent\": {\"hex\": \"#0000ff\", \"256\": 21, \"16\": 4}",
                                       overrides: [.paneTitle: #"{"fg": "accent", "attrs": ["bold"]}"#,
                                                   .match: #"{"bg": "accent", "attrs": ["underline"]}"#]),
            "child.json": """
            {
              "name": "child",
              "extends": "base",
              "palette": {"accent": {"hex": "#ff8700", "256": 208, "16": 3}},
              "roles": {"search.match": {"fg": "bg", "bg": "fg", "attrs": ["reverse"]}},
              "glyphs": {"pointer": ">"}
            }
            """,
        ])
        let child = try ThemeLoader.load(name: "child", searchPaths: [folder.path])
        #expect(child.name == "child")
        #expect(child.style(.paneTitle).foreground.rgb == 0xFF8700, "inherited role takes the child's palette")
        #expect(child.style(.paneTitle).attributes == .bold)
        #expect(child.style(.match) == RoleStyle(foreground: .init(rgb: 0, xterm256: 16, ansi16: 0),
                                                 background: .init(rgb: 0xFFFFFF, xterm256: 231, ansi16: 15),
                                                 attributes: .reverse))
        #expect(child.style(.footer).background.rgb == 0, "omitted colours come from the text role")
        #expect(child.glyphs.pointer == ">" && child.glyphs.horizontal == Glyphs.unicode.horizontal)
    }

    @Test func aUserThemeExtendingItsOwnNameInheritsTheShippedOne() throws {
        let user = try TempFolder(["default.json": #"{"extends": "default", "glyphs": "ascii"}"#])
        let theme = try ThemeLoader.load(name: "default", searchPaths: [user.path, shippedFolder])
        #expect(theme.glyphs == .ascii)
        #expect(theme.styles == (try shipped("default")).styles)

        try user.write("default.json", #"{"extends": "default", "palette": {"bg": "default"}}"#)
        let clear = try ThemeLoader.load(name: "default", searchPaths: [user.path, shippedFolder])
        #expect(clear.style(.text).background == .terminalDefault)
        #expect(clear.style(.message).background == .terminalDefault)
        #expect(clear.style(.rowSelected) == (try shipped("default")).style(.rowSelected))
    }

    @Test func aCycleIsReported() throws {
        let folder = try TempFolder([
            "a.json": "{\n  \"extends\": \"b\"\n}\n",
            "b.json": "{\n  \"extends\": \"c\"\n}\n",
            "c.json": "{\n  \"extends\": \"a\"\n}\n",
        ])
        let message = try #require(loadError("a", [folder.path]))
        #expect(message.hasSuffix("c.json:2: extends: \"a\" makes a cycle: a -> b -> c -> a"), "\(message)")
    }

    @Test func availableThemesAreSortedWithoutRepeats() throws {
        let one = try TempFolder(["zeta.json": "{}", "alpha.json": "{}", "notes.txt": "", ".hidden.json": "{}"])
        let two = try TempFolder(["alpha.json": "{}", "beta.json": "{}"])
        #expect(ThemeLoader.availableThemes(searchPaths: [one.path, two.path, "/no/such/folder"]) == ["alpha", "beta", "zeta"])
    }

    @Test func anUnknownNameListsTheAvailableThemes() throws {
        let message = try #require(loadError("solarised", [shippedFolder]))
        #expect(message.hasPrefix("no theme named \"solarised\""))
        #expect(message.hasSuffix("available: ascii, colorblind, default, high-contrast, light, mono"), "\(message)")
        #expect(loadError("../default", [shippedFolder])?.contains("is not a theme name") == true)
    }

    @Test func folders() throws {
        #expect(ThemeLoader.userThemesFolder(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"]) == "/x/cfg/casebook/themes")
        #expect(ThemeLoader.userThemesFolder(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/a"]) == "/home/a/.config/casebook/themes")
        #expect(ThemeLoader.userThemesFolder(environment: ["HOME": "/home/a"]) == "/home/a/.config/casebook/themes")

        let elsewhere = try TempFolder()
        #expect(ThemeLoader.shippedThemesFolder(environment: ["CASEBOOK_THEMES": elsewhere.path]) == elsewhere.path)

        // Walking up from an executable deep in a build folder finds the Themes folder beside it.
        let tree = try TempFolder()
        try FileManager.default.createDirectory(atPath: tree.path + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tree.path + "/.build/x86_64/debug", withIntermediateDirectories: true)
        try "{}".write(toFile: tree.path + "/Themes/default.json", atomically: true, encoding: .utf8)
        let found = ThemeLoader.shippedThemesFolder(environment: [:], executablePath: tree.path + "/.build/x86_64/debug/casebook")
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: tree.path + "/Themes").resolvingSymlinksInPath().path)

        // And this test binary, built under .build, finds the repository's.
        let mine = try #require(ThemeLoader.shippedThemesFolder(environment: [:]))
        #expect(URL(fileURLWithPath: mine).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: shippedFolder).resolvingSymlinksInPath().path)
        #expect(ThemeLoader.defaultSearchPaths(environment: ["HOME": "/home/a"]).first == "/home/a/.config/casebook/themes")
    }

    // MARK: errors name the file, line and key

    @Test func aMissingRoleIsNamed() throws {
        let folder = try TempFolder(["mytheme.json": completeTheme(omit: [.paneBorder])])
        let message = try #require(loadError("mytheme", [folder.path]))
        #expect(message == "\(folder.path)/mytheme.json: role \"pane.border\" is not defined (and not inherited)")
    }

    @Test func aRoleMissingAlsoInTheParentNamesTheParent() throws {
        let folder = try TempFolder(["base.json": completeTheme(omit: [.progress, .footer]),
                                     "kid.json": #"{"extends": "base"}"#])
        let message = try #require(loadError("kid", [folder.path]))
        #expect(message.hasSuffix("kid.json: roles \"footer\", \"progress\" are not defined (and not inherited from \"base\")"), "\(message)")
    }

    @Test func anUnknownPaletteNameGivesTheLine() throws {
        let folder = try TempFolder(["light.json": """
        {
          "palette": {
            "fg": {"hex": "#ffffff", "256": 231, "16": 15},
            "bg": {"hex": "#000000", "256": 16, "16": 0}
          },
          "roles": {
            "text": {"fg": "fg", "bg": "bg"},
            "row.selected": {"fg": "bg",
                             "bg": "acent"}
          }
        }
        """])
        let message = try #require(loadError("light", [folder.path]))
        #expect(message == "\(folder.path)/light.json:9: roles.row.selected.bg: \"acent\" is not in the palette (bg, fg)")
    }

    @Test func anUnknownRoleKeyIsAnErrorWithASuggestion() throws {
        let folder = try TempFolder(["x.json": completeTheme(overrides: [.progress: "{},\n    \"row.selectd\": {}"])])
        let message = try #require(loadError("x", [folder.path]))
        #expect(message.hasSuffix("x.json:40: roles.row.selectd: not a role; did you mean \"row.selected\"?"), "\(message)")
        let wild = try TempFolder(["x.json": #"{"roles": {"sparkles": {}}}"#])
        #expect(loadError("x", [wild.path])?.contains("roles.sparkles: not a role; roles are: text, text.dim,") == true)
    }

    @Test func badHexIsAnError() throws {
        let folder = try TempFolder(["x.json": completeTheme(palette: """
              "fg": {"hex": "#ffffff", "256": 231, "16": 15},
              "bg": {"hex": "#00000g", "256": 16, "16": 0}
            """)])
        let message = try #require(loadError("x", [folder.path]))
        #expect(message.hasSuffix("x.json:4: palette.bg.hex: \"#00000g\" is not a colour; write \"#rrggbb\""), "\(message)")
    }

    @Test func invalidJSONGivesLineAndColumn() throws {
        let folder = try TempFolder(["x.json": "{\n  \"name\": \"x\",\n  \"roles\": {,}\n}\n"])
        let message = try #require(loadError("x", [folder.path]))
        #expect(message.hasPrefix("\(folder.path)/x.json:3:13: invalid JSON: "), "\(message)")
    }

    @Test func otherMistakesAreCaught() throws {
        let cases: [(String, String)] = [
            (#"{"colours": {}}"#, "colours: unknown key; expected one of name, description, extends, palette, roles, glyphs"),
            (#"{"name": "other"}"#, "name: \"other\" does not match the file name x.json"),
            (##"{"palette": {"fg": {"hex": "#ffffff", "256": 231}}}"##, "palette.fg: missing \"16\""),
            (##"{"palette": {"fg": {"hex": "#ffffff", "256": 231, "16": 16}}}"##, "palette.fg.16: expected a whole number from 0 to 15, found 16"),
            (#"{"palette": {"default": "default"}}"#, "palette.default: \"default\" is reserved"),
            (#"{"roles": {"text": {"attrs": ["blink"]}}}"#, "roles.text.attrs: \"blink\" is not an attribute"),
            (#"{"roles": {"text": {"fg": "default", "fg": "default"}}}"#, "roles.text.fg: is given twice"),
            (#"{"roles": {"text": {"colour": "red"}}}"#, "roles.text.colour: unknown key; expected one of fg, bg, attrs"),
            (#"{"glyphs": "boxes"}"#, "glyphs: expected \"unicode\", \"ascii\" or an object of glyphs"),
            (#"{"glyphs": {"pointer": "=>"}}"#, "glyphs.pointer: \"=>\" must be one character one column wide"),
            (#"{"glyphs": {"pointer": "박"}}"#, "glyphs.pointer: \"박\" must be one character one column wide"),
            (#"{"glyphs": {"corner": "+"}}"#, "glyphs.corner: unknown key"),
            (#"{"extends": "nothing"}"#, "extends: no theme named \"nothing\""),
            ("[]", "a theme file holds one JSON object, not a list"),
        ]
        for (text, expected) in cases {
            let folder = try TempFolder(["x.json": text])
            let message = loadError("x", [folder.path]) ?? "loaded"
            #expect(message.hasPrefix("\(folder.path)/x.json:1: \(expected)"), "\(text) gave: \(message)")
        }
    }
}
