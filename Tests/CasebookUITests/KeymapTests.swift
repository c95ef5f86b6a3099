import CasebookModel
import CasebookTesting
import CasebookUI
import Foundation
import Testing

/// A keys.json in a fresh folder, removed when the value goes away.
private final class KeysFile {
    let folder: String
    let path: String

    init(_ text: String?) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-keys-\(UUID().uuidString)").path
        path = folder + "/keys.json"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// The standard registry with the keymap `text` applied.
private func registry(applying text: String) throws -> (CommandRegistry, KeysFile) {
    let file = try KeysFile(text)
    var registry = CommandRegistry.standard
    try Keymap.apply(path: file.path, to: &registry)
    return (registry, file)
}

/// The error text applying `text` gives, with the file's path.
private func keymapError(_ text: String) throws -> (message: String?, path: String) {
    let file = try KeysFile(text)
    var registry = CommandRegistry.standard
    do {
        try Keymap.apply(path: file.path, to: &registry)
        return (nil, file.path)
    } catch {
        return (error.description, file.path)
    }
}

/// Each command's keys, to compare registries.
private func bindings(_ r: CommandRegistry) -> [String: [Key]] {
    Dictionary(uniqueKeysWithValues: r.commands.map { ($0.name, $0.keys) })
}

@Suite("Keymap") struct KeymapTests {
    @Test func rebindingMoveDownToShiftJMovesWithJAndNotWithj() throws {
        let (registry, _) = try registry(applying: #"{ "move-down": "J" }"#)
        #expect(registry.command(named: "move-down")?.keys == [.char("J")])
        let s = Scenario(case: Demo.content, registry: registry)
        s.press("J")
        #expect(s.state.current.cursor == 1, "J moves down")
        s.press("j")
        #expect(s.state.current.cursor == 1, "j no longer moves")
        #expect(s.screen.contains("j does nothing here"))
        s.press("Down")
        #expect(s.state.current.cursor == 1, "the command lost its default keys, ↓ included")
        s.press("k")
        #expect(s.state.current.cursor == 0, "other commands keep theirs")
    }

    @Test func aListOfKeysBindsEachOfThem() throws {
        let (registry, _) = try registry(applying: """
        {
          "move-down": ["J", "Down", "Ctrl-N"],
          "quit": "Ctrl-Q",
          "help": ["F2", "Space"]
        }
        """)
        #expect(registry.command(named: "move-down")?.keys == [.char("J"), .down, .ctrl("n")])
        #expect(registry.command(named: "quit")?.keys == [.ctrl("q")])
        #expect(registry.command(named: "help")?.keys == [.function(2), .char(" ")])
        let s = Scenario(case: Demo.content, registry: registry)
        s.press("J", "Down", "Ctrl-N")
        #expect(s.state.current.cursor == 3)
        s.press("Space")
        #expect(s.state.overlay == .help(scroll: 0))
        s.press("Esc", "Q")
        #expect(!s.state.quit, "Q no longer quits")
        s.press("Ctrl-Q")
        #expect(s.state.quit)
    }

    @Test func anUnknownCommandNamesTheFileItsLineAndTheName() throws {
        let (message, path) = try keymapError("""
        {
          "move-down": "J",

          "mvoe-up": "K"
        }
        """)
        #expect(message == "\(path):4: \"mvoe-up\" is not a command (see the : palette or ? help for names)")
    }

    @Test func aBadKeyNameIsNamedWithItsLineAndCommand() throws {
        let (message, path) = try keymapError("""
        {
          "quit": "Ctrl-Q",
          "move-down": ["J",
                        "Ctrl-Shift-X"]
        }
        """)
        #expect(message?.hasPrefix("\(path):3: move-down: \"Ctrl-Shift-X\" is not a key name") == true, "\(message ?? "no error")")
        #expect(message?.contains("examples: j, G, Ctrl-D") == true)
        for bad in ["", "jk", "Ctrl-", "Ctrl-Shift-X", "F0", "F25", "Alt-X"] {
            let (m, p) = try keymapError("{\"help\": \"\(bad)\"}")
            #expect(m?.hasPrefix("\(p):1: help: \"\(bad)\" is not a key name") == true, "\(bad): \(m ?? "accepted")")
        }
    }

    @Test func aValueThatIsNotAKeyNameIsAnError() throws {
        let (number, path) = try keymapError("{\n  \"quit\": 17\n}")
        #expect(number == "\(path):2: quit: expected a key name or a list of them")
        let (object, path2) = try keymapError("{\n\n  \"quit\": {\"key\": \"Q\"}\n}")
        #expect(object == "\(path2):3: quit: expected a key name or a list of them")
        let (inList, path3) = try keymapError("{\n  \"move-up\": [\"k\", true]\n}")
        #expect(inList == "\(path3):2: move-up: keys must be strings")
        let (list, path4) = try keymapError("[\"j\"]")
        #expect(list == "\(path4): expected an object of command names to keys")
    }

    @Test func invalidJSONGivesLineAndColumn() throws {
        let (missingColon, path) = try keymapError("{\n  \"move-down\": \"J\",\n  \"quit\" \"Q\"\n}\n")
        #expect(missingColon?.hasPrefix("\(path):3:10: invalid JSON: ") == true, "\(missingColon ?? "no error")")
        let (trailingComma, path2) = try keymapError("{\n  \"move-down\": \"J\",\n}\n")
        #expect(trailingComma?.hasPrefix("\(path2):3:") == true && trailingComma?.contains("invalid JSON") == true,
                "\(trailingComma ?? "no error")")
        let (empty, path3) = try keymapError("")
        #expect(empty?.hasPrefix("\(path3):1:") == true && empty?.contains("invalid JSON") == true, "\(empty ?? "no error")")
    }

    @Test func aMissingFileChangesNothing() throws {
        let file = try KeysFile(nil)
        var registry = CommandRegistry.standard
        try Keymap.apply(path: file.path, to: &registry)
        #expect(bindings(registry) == bindings(.standard))
        try Keymap.apply(path: file.folder + "/no/such/folder/keys.json", to: &registry)
        #expect(bindings(registry) == bindings(.standard))
    }

    @Test func aKeysFileThatCannotBeReadIsAnError() throws {
        // Only a missing file means "no keymap"; one that is there but unreadable (here a folder
        // named keys.json) should be reported, not silently ignored.
        let file = try KeysFile(nil)
        try FileManager.default.createDirectory(atPath: file.path, withIntermediateDirectories: true)
        var registry = CommandRegistry.standard
        #expect(throws: KeymapError.self) { try Keymap.apply(path: file.path, to: &registry) }
        
        #expect(bindings(registry) == bindings(.standard))
    }

    @Test func anEmptyObjectChangesNothing() throws {
        let (registry, _) = try registry(applying: "{}\n")
        #expect(bindings(registry) == bindings(.standard))
    }

    @Test func theKeymapPathFollowsXDG() {
        #expect(Keymap.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"]) == "/x/cfg/casebook/keys.json")
        #expect(Keymap.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/a"]) == "/home/a/.config/casebook/keys.json")
        #expect(Keymap.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/casebook/keys.json")
    }

    @Test func helpShowsTheReboundKeys() throws {
        let (registry, _) = try registry(applying: #"{ "move-down": "J", "search": ["Ctrl-F", "/"] }"#)
        let s = Scenario(case: Demo.content, registry: registry)
        s.press("?")
        let moveDown = try #require(s.row(containing: "move-down"))
        #expect(moveDown.contains("│ J              move-down"), "\(moveDown)")
        let search = try #require(s.row(containing: "Search the pane"))
        #expect(search.contains("│ Ctrl-F /       search"), "\(search)")
    }

    @Test func theFooterShowsTheReboundKeys() throws {
        let (registry, _) = try registry(applying: #"{ "search": "Ctrl-F", "frequency": "G", "go-bottom": "End" }"#)
        let s = Scenario(case: Demo.content, registry: registry)
        let footer = s.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        #expect(footer.contains("Ctrl-F search"), "\(footer)")
        #expect(footer.contains("G freq"), "\(footer)")
        #expect(!footer.contains("/ search") && !footer.contains("F freq"))
    }

    @Test func theFooterShowsTheReboundMoveKeys() throws {
        // The footer's move item is written "j/k" whatever move-down and move-up are bound to
        let (registry, _) = try registry(applying: #"{ "move-down": "J", "move-up": "K" }"#)
        let s = Scenario(case: Demo.content, registry: registry)
        let footer = s.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        #expect(footer.contains("J/K move"), "\(footer)")
        #expect(!footer.contains("j/k"), "\(footer)")
        
    }
}
