// CNcursesw: the only C that Casebook has. ncurses' wide-character API is imported by Swift
// directly; this header adds what Swift cannot see (macros, lvalue macros, C globals that Swift 6
// rejects as shared mutable state) and the async-signal-safe crash path, which must not be
// written in Swift (a Swift signal handler could allocate or take the runtime's locks).
// Only CasebookTerminal imports this module.
#pragma once

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Globals Swift 6 rejects

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }

/// newterm on the process's stdout/stdin. `term` NULL means $TERM. Returns NULL (never exits)
/// when the terminal type is unknown or cannot address the cursor.
SCREEN *shim_newterm(const char *term);

// MARK: - Lvalue macros

static inline int shim_getmaxy(WINDOW *w) { return w ? getmaxy(w) : 0; }
static inline int shim_getmaxx(WINDOW *w) { return w ? getmaxx(w) : 0; }

// MARK: - Attribute macros (NCURSES_BITS)

static inline attr_t shim_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t shim_A_BOLD(void) { return A_BOLD; }
static inline attr_t shim_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t shim_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t shim_A_DIM(void) { return A_DIM; }
static inline attr_t shim_A_ITALIC(void) { return A_ITALIC; }

// MARK: - Keys

/// KEY_F(0); KEY_F(n) is KEY_F0 + n for n in 0...63.
static inline int shim_KEY_F0(void) { return KEY_F0; }

// MARK: - Wide characters

/// wcwidth (Glibc's module hides it from Swift; defined in shim.c, which has _GNU_SOURCE).
/// -1 for non-printable.
int shim_wcwidth(wchar_t c);

/// setcchar with an int colour pair (ncurses ≥ 6.1 extended pairs through `opts`).
/// `wch` is a NUL-terminated spacing character followed by up to CCHARW_MAX-1 combining ones.
static inline int shim_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
    int p = pair;
    return setcchar(cc, wch, attrs, (NCURSES_PAIRS_T)(pair > 0x7FFF ? 0 : pair), &p);
}

/// CCHARW_MAX: how many wchar_t one cell holds (spacing + combining).
static inline int shim_CCHARW_MAX(void) { return CCHARW_MAX; }

// MARK: - Locale

/// True when the current LC_CTYPE encodes UTF-8.
int shim_locale_is_utf8(void);

// MARK: - Signals (shim.c)

/// Installs `handler` for `sig` (no SA_RESTART, so a blocking read returns early) and remembers
/// the previous disposition once. Returns 0 on success.
int shim_signal_install(int sig, void (*handler)(int));
/// Puts back the disposition remembered by shim_signal_install / shim_crash_install. Idempotent.
int shim_signal_restore(int sig);

/// Saves the tty modes of fd 0 (call before newterm) for the crash path. Returns 0 on success.
int shim_crash_save_tty(void);
/// Installs the crash handler for SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE, SIGQUIT on an
/// alternate stack: it restores the saved tty modes, leaves the alternate screen, shows the
/// cursor, resets attributes (tcsetattr + write only), then hands the signal to the previous
/// disposition (SIG_DFL, or e.g. Swift's backtracer) and re-raises it.
void shim_crash_install(void);
/// Restores the dispositions the crash handler replaced. Idempotent.
void shim_crash_remove(void);

/// Clears IXON on fd 0 so Ctrl-S and Ctrl-Q reach the program instead of freezing output.
void shim_disable_flow_control(void);
