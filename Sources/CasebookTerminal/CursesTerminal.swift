// The real terminal: ncurses in wide-character mode. The only type in Casebook that touches
// ncurses; the UI hands it Grids of cells with roles and gets Keys back.
//
// Lifecycle: `init()` sets the locale, installs the stop and crash handlers, and starts curses;
// `close()` (idempotent, also run by deinit) ends curses and puts every handler back.

import CNcursesw
import CasebookUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be started.
public enum CursesTerminalError: Error, CustomStringConvertible, Equatable {
    /// Standard input or output is not a terminal (piped, redirected, or no tty at all).
    case notATerminal
    /// ncurses does not know the terminal type or it cannot address the cursor.
    case unusableTerminal(term: String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal for the interactive workbench"
        case .unusableTerminal(let term?):
            "terminal type '\(term)' is unknown or cannot position the cursor; "
                + "set TERM (for example TERM=xterm-256color)"
        case .unusableTerminal(nil):
            "TERM is not set; set it (for example TERM=xterm-256color)"
        }
    }
}

public final class CursesTerminal: Terminal {
    private var screen: OpaquePointer?        // SCREEN *
    var window: UnsafeMutablePointer<WINDOW>?   // stdscr

    /// Colours the terminal offers (ncurses COLORS; 0 without colour support).
    public private(set) var colorCount: Int = 0
    /// Colour pairs the terminal offers (ncurses COLOR_PAIRS).
    public private(set) var colorPairCount: Int = 0
    /// False when no UTF-8 locale could be set: wide text will not display correctly.
    public let utf8: Bool

    // Drawing state (CursesTerminal+Draw.swift).
    var previous: Grid?
    var previousSize: (rows: Int, cols: Int) = (-1, -1)
    var needsFullRedraw = true
    var currentTheme: Theme?
    var styleCache: [Role: CellStyle] = [:]
    var pairs = ColorPairCache(maxPairs: 0, defaultColorsAllowed: false) { _, _, _ in false }
    var cursorVisible: Int32 = -1

    /// Starts curses on the process's terminal.
    /// - Parameter termName: the terminal type; nil means `$TERM`.
    /// - Throws: `CursesTerminalError` when stdin/stdout is not a tty or the terminal type is unusable.
    public init(termName: String? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal }

        // Wide characters need a UTF-8 LC_CTYPE before newterm (CI and cron often have no LANG).
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")   // C number parsing/printing stays locale-independent
        if shim_locale_is_utf8() == 0 {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        utf8 = shim_locale_is_utf8() != 0

        // Ours before newterm: ncurses then leaves SIGINT/SIGTERM alone (its handler would _exit).
        TerminalSignals.installStopHandlers()
        TerminalSignals.installCrashHandlers()

        let term = termName ?? getenv("TERM").map { String(cString: $0) }
        let scr: OpaquePointer? = if let term, !term.isEmpty {
            term.withCString { shim_newterm($0) }
        } else {
            nil
        }
        guard let scr, let win = shim_stdscr() else {
            TerminalSignals.removeCrashHandlers()
            TerminalSignals.removeStopHandlers()
            throw CursesTerminalError.unusableTerminal(term: (term?.isEmpty ?? true) ? nil : term)
        }
        screen = scr
        window = win

        cbreak()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        // Keypad Enter in application mode; some terminfo entries (tmux-256color) lack kent.
        if key_defined("\u{1b}OM") == 0 { define_key("\u{1b}OM", KeyDecoder.keyEnter) }
        shim_disable_flow_control()      // Ctrl-S / Ctrl-Q are keys, not XOFF / XON
        def_prog_mode()
        if getenv("ESCDELAY") == nil { set_escdelay(25) }   // a lone Esc in 25 ms, not 1 s

        if has_colors() {
            start_color()
            let defaults = use_default_colors() == OK
            colorCount = Int(shim_COLORS())
            colorPairCount = Int(shim_COLOR_PAIRS())
            pairs = ColorPairCache(maxPairs: colorPairCount, defaultColorsAllowed: defaults) { pair, fg, bg in
                init_extended_pair(pair, fg, bg) == OK
            }
        }
        cursorVisible = curs_set(1) == ERR ? -1 : 1
    }

    deinit { close() }

    /// Ends curses and restores the terminal and the signal handlers. Safe to call more than once.
    public func close() {
        guard let scr = screen else { return }
        endwin()
        delscreen(scr)
        screen = nil
        window = nil
        previous = nil
        TerminalSignals.removeCrashHandlers()
        TerminalSignals.removeStopHandlers()
    }

    /// True while curses is running (between init and close).
    public var isOpen: Bool { screen != nil }

    public var size: (width: Int, height: Int) {
        guard let win = window else { return (0, 0) }
        return (max(0, Int(shim_getmaxx(win))), max(0, Int(shim_getmaxy(win))))
    }

    /// True once SIGINT, SIGTERM or SIGHUP arrived.
    public var interrupted: Bool { TerminalSignals.received != 0 }

    /// The first stop signal received (SIGINT, SIGTERM or SIGHUP), if any: the app may re-raise it
    /// after cleaning up so its parent sees the right exit status.
    public var stopSignal: Int32? {
        let bits = TerminalSignals.received
        return TerminalSignals.stopSignals.first { bits & (UInt64(1) << UInt64($0)) != 0 }
    }

    /// Makes the next `draw` repaint the whole screen (Ctrl-L, or after something else wrote to it).
    public func invalidate() { needsFullRedraw = true }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard let win = window, !interrupted else { return nil }
        let start = Self.monotonicMilliseconds()
        var remaining = timeoutMilliseconds
        while true {
            wtimeout(win, timeoutMilliseconds < 0 ? -1 : Int32(clamping: max(0, remaining)))
            var wch: wint_t = 0
            let r = wget_wch(win, &wch)
            if r == KEY_CODE_YES {
                if let key = KeyDecoder.functionKey(Int32(bitPattern: wch)) {
                    if key == .resize { needsFullRedraw = true }
                    return key
                }
            } else if r == OK {
                if let key = KeyDecoder.scalar(UInt32(wch)) { return key }
            } else {
                return nil   // timed out, or a signal interrupted the wait
            }
            // A key Casebook does not use: read on within the same time budget.
            if interrupted { return nil }
            if timeoutMilliseconds >= 0 {
                remaining = timeoutMilliseconds - (Self.monotonicMilliseconds() - start)
                if remaining <= 0 { return nil }
            }
        }
    }

    /// Gives the terminal to `body` (a shell job stop, `$EDITOR`) and takes it back; the next
    /// draw repaints everything. A Ctrl-C during `body` belonged to the child and is forgotten.
    public func suspend(_ body: () -> Void) {
        guard let win = window else { body(); return }
        let before = TerminalSignals.received
        endwin()
        body()
        TerminalSignals.forgetInterrupt(since: before)
        reset_prog_mode()
        needsFullRedraw = true
        previous = nil
        wrefresh(win)
    }

    static func monotonicMilliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}
