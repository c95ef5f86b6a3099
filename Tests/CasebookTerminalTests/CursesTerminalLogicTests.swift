import CasebookTerminal
import CasebookUI
import Testing

/// The terminal layer's pure parts: what wget_wch's numbers mean, which colour a theme colour
/// becomes on a given terminal, how colour pairs are handed out, and what reaches a cell.
@Suite struct CursesKeyDecodingTests {
    @Test func controlBytesBecomeNamedKeys() {
        #expect(KeyDecoder.scalar(0x0D) == .enter)
        #expect(KeyDecoder.scalar(0x0A) == .enter)
        #expect(KeyDecoder.scalar(0x1B) == .escape)
        #expect(KeyDecoder.scalar(0x09) == .tab)
        #expect(KeyDecoder.scalar(0x7F) == .backspace)
        #expect(KeyDecoder.scalar(0x08) == .backspace)
    }

    @Test func ctrlLettersAreLowercase() {
        #expect(KeyDecoder.scalar(0x01) == .ctrl("a"))
        #expect(KeyDecoder.scalar(0x04) == .ctrl("d"))
        #expect(KeyDecoder.scalar(0x0C) == .ctrl("l"))
        #expect(KeyDecoder.scalar(0x12) == .ctrl("r"))
        #expect(KeyDecoder.scalar(0x15) == .ctrl("u"))
        #expect(KeyDecoder.scalar(0x1A) == .ctrl("z"))
    }

    @Test func otherControlsAreDropped() {
        for v: UInt32 in [0x00, 0x1C, 0x1D, 0x1E, 0x1F, 0x80, 0x9B, 0x9F, 0xD800, 0x110000] {
            #expect(KeyDecoder.scalar(v) == nil, "\(v)")
        }
    }

    @Test func textIsText() {
        #expect(KeyDecoder.scalar(0x6A) == .char("j"))
        #expect(KeyDecoder.scalar(0x20) == .char(" "))
        #expect(KeyDecoder.scalar(0xBC15) == .char("박"))
        #expect(KeyDecoder.scalar(0xA0) == .char("\u{A0}"))
    }

    @Test func functionKeys() {
        #expect(KeyDecoder.functionKey(0o403) == .up)
        #expect(KeyDecoder.functionKey(0o402) == .down)
        #expect(KeyDecoder.functionKey(0o404) == .left)
        #expect(KeyDecoder.functionKey(0o405) == .right)
        #expect(KeyDecoder.functionKey(0o406) == .home)
        #expect(KeyDecoder.functionKey(0o550) == .end)
        #expect(KeyDecoder.functionKey(0o523) == .pageUp)
        #expect(KeyDecoder.functionKey(0o522) == .pageDown)
        #expect(KeyDecoder.functionKey(0o407) == .backspace)
        #expect(KeyDecoder.functionKey(0o512) == .delete)
        #expect(KeyDecoder.functionKey(0o527) == .enter)
        #expect(KeyDecoder.functionKey(0o541) == .backTab)
        #expect(KeyDecoder.functionKey(0o632) == .resize)
        #expect(KeyDecoder.functionKey(0o410 + 1) == .function(1))
        #expect(KeyDecoder.functionKey(0o410 + 12) == .function(12))
        #expect(KeyDecoder.functionKey(0o410) == nil)          // F0 does not exist on keyboards
        #expect(KeyDecoder.functionKey(0o611) == nil)          // shifted left: unused
        #expect(KeyDecoder.functionKey(0o631) == nil)          // KEY_MOUSE: mouse is off
    }
}

@Suite struct CursesColorTests {
    let red = ThemeColor(rgb: 0xD70000, xterm256: 160, ansi16: 9)

    @Test func pickByTerminalColours() {
        #expect(ColorChoice.pick(red, colors: 256, foreground: true) == ColorChoice(number: 160))
        #expect(ColorChoice.pick(red, colors: 16, foreground: true) == ColorChoice(number: 9))
        #expect(ColorChoice.pick(red, colors: 8, foreground: true) == ColorChoice(number: 1, brightAsBold: true))
        #expect(ColorChoice.pick(red, colors: 8, foreground: false) == ColorChoice(number: 1))
        #expect(ColorChoice.pick(red, colors: 0x100_0000, foreground: true) == ColorChoice(number: 0xD70000))
        #expect(ColorChoice.pick(red, colors: 2, foreground: true) == .terminalDefault)
        #expect(ColorChoice.pick(.terminalDefault, colors: 256, foreground: true) == .terminalDefault)
    }

    @Test func missingFallbacksAreDerived() {
        let rgbOnly = ThemeColor(rgb: 0xFF0000, xterm256: nil, ansi16: nil)
        #expect(ColorChoice.pick(rgbOnly, colors: 256, foreground: true).number == 196)
        #expect(ColorChoice.pick(rgbOnly, colors: 16, foreground: true).number == 9)
        let indexOnly = ThemeColor(rgb: nil, xterm256: 25, ansi16: nil)
        #expect(ColorChoice.pick(indexOnly, colors: 16, foreground: true).number == 4)
        #expect(ColorChoice.pick(indexOnly, colors: 0x100_0000, foreground: true).number == 0x005FAF)
        // Direct colour numbers below 8 are palette colours there: black is nudged off them.
        let black = ThemeColor(rgb: 0x000000, xterm256: 16, ansi16: 0)
        #expect(ColorChoice.pick(black, colors: 0x100_0000, foreground: true).number == 8)
    }

    @Test func xtermPaletteRoundTrips() {
        #expect(ColorChoice.xterm256OfRGB(0x000000) == 16)
        #expect(ColorChoice.xterm256OfRGB(0xFFFFFF) == 231)
        #expect(ColorChoice.xterm256OfRGB(0x808080) == 244)
        #expect(ColorChoice.xterm256OfRGB(0x005FAF) == 25)
        for n in 16...255 { #expect(ColorChoice.xterm256OfRGB(ColorChoice.rgbOfXterm256(n)) == n, "\(n)") }
        #expect(ColorChoice.ansi16OfXterm256(196) == 9)     // bright red
        #expect(ColorChoice.ansi16OfXterm256(25) == 4)      // #005FAF: blue, not cyan
        #expect(ColorChoice.ansi16OfXterm256(34) == 2)      // #00AF00: green
        #expect(ColorChoice.ansi16OfXterm256(214) == 11)    // #FFAF00: orange as bright yellow
        #expect(ColorChoice.ansi16OfXterm256(234) == 0)     // near black
        #expect(ColorChoice.ansi16OfXterm256(238) == 8)     // dark grey
        #expect(ColorChoice.ansi16OfXterm256(244) == 8)     // mid grey
        #expect(ColorChoice.ansi16OfXterm256(252) == 7)     // light grey
        #expect(ColorChoice.ansi16OfXterm256(231) == 15)    // white
        #expect(ColorChoice.ansi16OfXterm256(7) == 7)
    }

    @Test func pairsAreAllocatedOncePerCombination() {
        var calls: [(Int32, Int32, Int32)] = []
        var cache = ColorPairCache(maxPairs: 4, defaultColorsAllowed: true) { p, f, b in calls.append((p, f, b)); return true }
        #expect(cache.pair(foreground: -1, background: -1) == 0)
        #expect(cache.pair(foreground: 160, background: -1) == 1)
        #expect(cache.pair(foreground: 160, background: -1) == 1)
        #expect(cache.pair(foreground: 231, background: 25) == 2)
        #expect(cache.pair(foreground: 1, background: 2) == 3)
        #expect(cache.pair(foreground: 3, background: 4) == 0)     // out of pairs: default pair
        #expect(calls.count == 3)
        cache.reset()
        #expect(cache.pair(foreground: 231, background: 25) == 1)
    }

    @Test func withoutDefaultColoursMinusOneBecomesWhiteOnBlack() {
        var defined: [Int32] = []
        var cache = ColorPairCache(maxPairs: 64, defaultColorsAllowed: false) { _, f, b in defined += [f, b]; return true }
        #expect(cache.pair(foreground: 1, background: -1) == 1)
        #expect(defined == [1, 0])
        #expect(cache.pair(foreground: -1, background: 4) == 2)
        #expect(defined == [1, 0, 7, 4])
    }

    @Test func failedInitPairFallsBackToDefault() {
        var cache = ColorPairCache(maxPairs: 64, defaultColorsAllowed: true) { _, _, _ in false }
        #expect(cache.pair(foreground: 1, background: 2) == 0)
    }
}

@Suite struct CursesCellTextTests {
    let zeroWidth: (UInt32) -> Bool = { $0 == 0x301 || $0 == 0x200D }

    @Test func controlsNeverReachTheTerminal() {
        for c: Character in ["\u{1B}", "\u{7}", "\u{0}", "\u{7F}", "\u{9B}", "\u{85}"] {
            #expect(CellText.scalars(of: c, maxMarks: 4, isZeroWidth: zeroWidth) == [0x3F])
        }
        #expect(CellText.scalars(of: "\r\n", maxMarks: 4, isZeroWidth: zeroWidth) == [0x3F])
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(CellText.scalars(of: "e\u{301}", maxMarks: 4, isZeroWidth: zeroWidth) == [0x65, 0x301])
        #expect(CellText.scalars(of: "박", maxMarks: 4, isZeroWidth: zeroWidth) == [0xBC15])
        // At most maxMarks marks; a second spacing scalar (flag, emoji sequence) is dropped.
        let many = Character("e" + String(repeating: "\u{301}", count: 6))
        #expect(CellText.scalars(of: many, maxMarks: 4, isZeroWidth: zeroWidth).count == 5)
        #expect(CellText.scalars(of: "🇰🇷", maxMarks: 4, isZeroWidth: zeroWidth) == [0x1F1F0])
    }
}
