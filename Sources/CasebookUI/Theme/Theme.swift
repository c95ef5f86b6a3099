/// A colour: a 24-bit value with its 256- and 16-colour fallbacks, or the terminal's own default.
public struct ThemeColor: Sendable, Hashable {
    /// nil means the terminal's default foreground/background.
    public var rgb: UInt32?
    public var xterm256: Int?
    public var ansi16: Int?

    public init(rgb: UInt32?, xterm256: Int?, ansi16: Int?) {
        self.rgb = rgb
        self.xterm256 = xterm256
        self.ansi16 = ansi16
    }

    public static let terminalDefault = ThemeColor(rgb: nil, xterm256: nil, ansi16: nil)
}

/// How one role looks.
public struct RoleStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// The characters a theme draws structure with.
public struct Glyphs: Sendable, Hashable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Shown before a marked row.
    public var mark: String
    /// Shown before the selected row (so selection is visible without colour).
    public var pointer: String
    public var ellipsis: String
    public var sortAscending: String
    public var sortDescending: String

    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", mark: "•", pointer: "▶", ellipsis: "…", sortAscending: "▲",
                                       sortDescending: "▼")
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                     bottomRight: "+", mark: "*", pointer: ">", ellipsis: "~", sortAscending: "^",
                                     sortDescending: "v")
}

/// A named look: a style for every role, and glyphs.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [Role: RoleStyle]
    public var glyphs: Glyphs

    public init(name: String, styles: [Role: RoleStyle], glyphs: Glyphs) {
        self.name = name
        self.styles = styles
        self.glyphs = glyphs
    }

    public func style(_ role: Role) -> RoleStyle { styles[role] ?? RoleStyle() }

    /// No colour at all; selection and highlights by reverse, bold and underline only.
    /// Used for NO_COLOR and --no-color, and when no theme file can be read.
    public static let mono: Theme = {
        var styles: [Role: RoleStyle] = [:]
        for role in Role.allCases { styles[role] = RoleStyle() }
        let bold: [Role] = [.header, .headerMarking, .banner, .tabActive, .paneTitle, .columnHeader, .footerKey,
                            .detailSection, .messageError, .confidenceHigh]
        for r in bold { styles[r]?.attributes = .bold }
        for r: Role in [.rowSelected, .overlaySelected, .banner, .progress] { styles[r]?.attributes.insert(.reverse) }
        styles[.match]?.attributes = [.underline, .bold]
        styles[.columnCurrent]?.attributes = [.underline, .bold]
        styles[.rowMarked]?.attributes = .bold
        styles[.detailLink]?.attributes = .underline
        styles[.escaped]?.attributes = .dim
        styles[.dim]?.attributes = .dim
        return Theme(name: "mono", styles: styles, glyphs: .unicode)
    }()
}
