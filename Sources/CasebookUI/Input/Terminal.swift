/// What the app needs from a terminal. `CursesTerminal` is the real one; `HeadlessTerminal`
/// (CasebookTesting) plays scripted keys and records frames for tests.
public protocol Terminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (only changed cells need to reach the screen) and places the cursor.
    func draw(_ grid: Grid, theme: Theme)
    /// The next key, or nil if none arrived within `timeoutMilliseconds`.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Gives the terminal back to the shell (Ctrl-Z, $EDITOR) and takes it again after `body`.
    func suspend(_ body: () -> Void)
    /// Forgets what is on the screen so the next draw repaints everything (Ctrl-L).
    func invalidate()
    /// True once SIGINT, SIGTERM or SIGHUP asked the app to stop.
    var interrupted: Bool { get }
}
