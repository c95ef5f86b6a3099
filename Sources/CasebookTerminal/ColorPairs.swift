// Theme colours to ncurses colour numbers and colour pairs. `ColorChoice` picks a colour number
// for what the terminal supports; `ColorPairCache` hands out pair numbers lazily, one per distinct
// (foreground, background), through an injected `initPair` so both are testable without a terminal.

import CasebookUI

/// A colour as ncurses numbers it: -1 is the terminal's default.
public struct ColorChoice: Sendable, Hashable {
    public var number: Int32
    /// An 8-colour terminal shows a bright foreground (ansi16 8-15) as bold.
    public var brightAsBold: Bool

    public init(number: Int32, brightAsBold: Bool = false) {
        self.number = number
        self.brightAsBold = brightAsBold
    }

    public static let terminalDefault = ColorChoice(number: -1)

    /// The colour to use on a terminal with `colors` colours (ncurses' COLORS).
    /// - `colors` ≥ 2^24 (direct colour, e.g. xterm-direct): the 24-bit value; numbers below 8 are
    ///   palette colours there, so near-black is nudged to 0x000008.
    /// - ≥ 256: the xterm-256 index; ≥ 16: the ANSI index; ≥ 8: the ANSI index mod 8, bright
    ///   foregrounds as bold. Missing fallbacks are derived from the others (rgb → 256 → 16).
    /// - fewer, or all nil: the terminal's default.
    public static func pick(_ c: ThemeColor, colors: Int, foreground: Bool) -> ColorChoice {
        if c.rgb == nil && c.xterm256 == nil && c.ansi16 == nil { return .terminalDefault }
        if colors >= 0x100_0000 {
            guard let rgb = c.rgb ?? c.xterm256.map(rgbOfXterm256) ?? c.ansi16.map(rgbOfXterm256) else {
                return .terminalDefault
            }
            return ColorChoice(number: Int32(max(rgb & 0xFF_FFFF, 8)))
        }
        if colors >= 256 {
            guard let n = c.xterm256 ?? c.rgb.map(xterm256OfRGB) ?? c.ansi16 else { return .terminalDefault }
            return ColorChoice(number: Int32(clamping: min(max(n, 0), 255)))
        }
        guard colors >= 8,
              let n = c.ansi16 ?? c.xterm256.map(ansi16OfXterm256) ?? c.rgb.map(ansi16OfRGB)
        else { return .terminalDefault }
        let a = min(max(n, 0), 15)
        if colors >= 16 { return ColorChoice(number: Int32(a)) }
        return ColorChoice(number: Int32(a % 8), brightAsBold: foreground && a >= 8)
    }

    /// The nearest xterm-256 index (the 6×6×6 cube or the grey ramp) to a 24-bit colour.
    public static func xterm256OfRGB(_ rgb: UInt32) -> Int {
        let r = Int((rgb >> 16) & 0xFF), g = Int((rgb >> 8) & 0xFF), b = Int(rgb & 0xFF)
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let ci = (nearestLevel(r), nearestLevel(g), nearestLevel(b))
        let cube = (levels[ci.0], levels[ci.1], levels[ci.2])
        let avg = (r + g + b) / 3
        let greyIndex = min(23, max(0, (avg - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        func dist(_ x: (Int, Int, Int)) -> Int {
            (x.0 - r) * (x.0 - r) + (x.1 - g) * (x.1 - g) + (x.2 - b) * (x.2 - b)
        }
        if dist((grey, grey, grey)) < dist(cube) { return 232 + greyIndex }
        return 16 + 36 * ci.0 + 6 * ci.1 + ci.2
    }

    /// The usual xterm RGB of a 256-colour index.
    public static func rgbOfXterm256(_ n: Int) -> UInt32 {
        let basic: [UInt32] = [0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xC0C0C0,
                               0x808080, 0xFF0000, 0x00FF00, 0xFFFF00, 0x0000FF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
        let i = min(max(n, 0), 255)
        if i < 16 { return basic[i] }
        if i >= 232 {
            let v = UInt32(8 + 10 * (i - 232))
            return v << 16 | v << 8 | v
        }
        let levels: [UInt32] = [0, 95, 135, 175, 215, 255]
        let c = i - 16
        return levels[c / 36] << 16 | levels[(c / 6) % 6] << 8 | levels[c % 6]
    }

    /// The ANSI colour (0-15) closest in hue to a 256-colour index. Plain RGB distance sends
    /// blues to cyan and oranges to grey, so: greys by lightness; otherwise each channel at 60 %
    /// or more of the strongest is on, and a strongest channel of 200 or more makes it bright.
    public static func ansi16OfXterm256(_ n: Int) -> Int {
        if n >= 0 && n < 16 { return n }
        return ansi16OfRGB(rgbOfXterm256(n))
    }

    public static func ansi16OfRGB(_ rgb: UInt32) -> Int {
        let r = Int((rgb >> 16) & 0xFF), g = Int((rgb >> 8) & 0xFF), b = Int(rgb & 0xFF)
        let hi = max(r, g, b), lo = min(r, g, b)
        if hi - lo < 32 {
            switch hi {
            case ..<64: return 0
            case ..<160: return 8
            case ..<224: return 7
            default: return 15
            }
        }
        let cut = hi * 6 / 10
        let bits = (r >= cut ? 1 : 0) | (g >= cut ? 2 : 0) | (b >= cut ? 4 : 0)
        return bits + (hi >= 200 ? 8 : 0)
    }
}

/// Colour pairs allocated on first use. Pair 0 is the terminal's default pair and is never
/// redefined. When pairs run out, further combinations fall back to pair 0 (attributes still
/// carry the meaning, as every theme must allow).
public struct ColorPairCache {
    public struct Colors: Hashable, Sendable {
        public var foreground: Int32
        public var background: Int32
        public init(foreground: Int32, background: Int32) {
            self.foreground = foreground
            self.background = background
        }
    }

    public let maxPairs: Int
    /// When false (use_default_colors failed), -1 is replaced by white on black.
    public let defaultColorsAllowed: Bool
    private let initPair: (Int32, Int32, Int32) -> Bool
    private var pairs: [Colors: Int32] = [:]
    private var next: Int32 = 1

    /// - Parameters:
    ///   - maxPairs: ncurses' COLOR_PAIRS (pairs 1..<maxPairs are usable).
    ///   - initPair: `init_extended_pair(pair, fg, bg) == OK`.
    public init(maxPairs: Int, defaultColorsAllowed: Bool, initPair: @escaping (Int32, Int32, Int32) -> Bool) {
        self.maxPairs = maxPairs
        self.defaultColorsAllowed = defaultColorsAllowed
        self.initPair = initPair
    }

    /// How many pairs have been defined.
    public var count: Int { pairs.count }

    /// The pair for these colours, defining it if new.
    public mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        var fg = foreground, bg = background
        if fg < 0 && bg < 0 { return 0 }
        if !defaultColorsAllowed {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        let key = Colors(foreground: fg, background: bg)
        if let p = pairs[key] { return p }
        guard Int(next) < maxPairs, next < Int32.max else { return 0 }
        guard initPair(next, fg, bg) else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    /// Forgets every pair (a new theme); pair numbers are reused from 1.
    public mutating func reset() {
        pairs.removeAll()
        next = 1
    }
}
