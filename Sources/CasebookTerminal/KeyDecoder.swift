// What `wget_wch` returns, as a `Key`. Pure functions of numbers so they can be tested without a
// terminal: `functionKey` takes the code that came with KEY_CODE_YES, `scalar` the Unicode scalar
// that came with OK. nil means "not a key Casebook uses"; the caller reads on.

import CasebookUI

public enum KeyDecoder {
    // ncurses key codes (curses.h; stable since SVr4). Kept here as numbers so this file needs no C.
    public static let keyDown: Int32 = 0o402
    public static let keyUp: Int32 = 0o403
    public static let keyLeft: Int32 = 0o404
    public static let keyRight: Int32 = 0o405
    public static let keyHome: Int32 = 0o406
    public static let keyBackspace: Int32 = 0o407
    public static let keyF0: Int32 = 0o410
    public static let keyDC: Int32 = 0o512        // delete character
    public static let keyNPage: Int32 = 0o522     // page down
    public static let keyPPage: Int32 = 0o523     // page up
    public static let keyEnter: Int32 = 0o527     // keypad Enter
    public static let keyA1: Int32 = 0o534        // keypad upper left (Home)
    public static let keyA3: Int32 = 0o535        // keypad upper right (PgUp)
    public static let keyC1: Int32 = 0o537        // keypad lower left (End)
    public static let keyC3: Int32 = 0o540        // keypad lower right (PgDn)
    public static let keyBTab: Int32 = 0o541      // Shift-Tab
    public static let keyEnd: Int32 = 0o550
    public static let keyResize: Int32 = 0o632

    /// A function-key code (KEY_CODE_YES from `wget_wch`).
    public static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case keyUp: .up
        case keyDown: .down
        case keyLeft: .left
        case keyRight: .right
        case keyHome, keyA1: .home
        case keyEnd, keyC1: .end
        case keyPPage, keyA3: .pageUp
        case keyNPage, keyC3: .pageDown
        case keyBackspace: .backspace
        case keyDC: .delete
        case keyEnter: .enter
        case keyBTab: .backTab
        case keyResize: .resize
        case (keyF0 + 1)...(keyF0 + 24): .function(Int(code - keyF0))
        default: nil
        }
    }

    /// A character (OK from `wget_wch`): control bytes become named keys or Ctrl-letters, other
    /// control characters (C0 without a letter, DEL handled as Backspace, C1) are dropped.
    public static func scalar(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x00...0x1F, 0x80...0x9F: return nil
        default:
            guard let s = Unicode.Scalar(value) else { return nil }   // surrogates, > 0x10FFFF
            return .char(Character(s))
        }
    }
}
