// The parts of the shim that are not one-line wrappers: newterm on stdio, the locale check, and
// signal dispositions, including the async-signal-safe crash path that gives the terminal back.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   // wcwidth, sigaltstack
#endif
#include "CNcursesw.h"

#include <ncursesw/term.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

SCREEN *shim_newterm(const char *term) {
    SCREEN *screen = newterm(term, stdout, stdin);
    if (screen == NULL) return NULL;
    // A type ncurses knows but that cannot move the cursor (dumb, hard-copy) is no use to us.
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) {
        endwin();
        delscreen(screen);
        return NULL;
    }
    return screen;
}

int shim_wcwidth(wchar_t c) {
    return wcwidth(c);
}

int shim_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    if (cs == NULL) return 0;
    return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0;
}

void shim_disable_flow_control(void) {
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) != 0) return;
    t.c_iflag &= ~(tcflag_t)IXON;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

// MARK: - Dispositions

#define SHIM_NSIG 65
static struct sigaction previous[SHIM_NSIG];
static volatile sig_atomic_t saved[SHIM_NSIG];

static int install_action(int sig, const struct sigaction *sa);

static int install(int sig, void (*handler)(int), int flags) {
    if (sig <= 0 || sig >= SHIM_NSIG) return -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    return install_action(sig, &sa);
}

static int install_action(int sig, const struct sigaction *sa) {
    if (sig <= 0 || sig >= SHIM_NSIG) return -1;
    struct sigaction old;
    if (sigaction(sig, sa, &old) != 0) return -1;
    if (!saved[sig]) {
        previous[sig] = old;
        saved[sig] = 1;
    }
    return 0;
}

int shim_signal_install(int sig, void (*handler)(int)) {
    return install(sig, handler, 0);
}

int shim_signal_restore(int sig) {
    if (sig <= 0 || sig >= SHIM_NSIG || !saved[sig]) return 0;
    saved[sig] = 0;
    return sigaction(sig, &previous[sig], NULL);
}

// MARK: - Crash path

static struct termios crash_tty;
static volatile sig_atomic_t crash_tty_saved = 0;
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE, SIGQUIT };
#define CRASH_COUNT (int)(sizeof crash_signals / sizeof crash_signals[0])
static char crash_stack[64 * 1024];

int shim_crash_save_tty(void) {
    if (tcgetattr(STDIN_FILENO, &crash_tty) != 0) return -1;
    crash_tty_saved = 1;
    return 0;
}

static void crash_handler(int sig, siginfo_t *info, void *context) {
    int saved_errno = errno;
    if (crash_tty_saved) tcsetattr(STDIN_FILENO, TCSANOW, &crash_tty);
    static const char seq[] = "\033[?1049l\033[?25h\033[0m\r\n";
    ssize_t n = write(STDOUT_FILENO, seq, sizeof seq - 1);
    (void)n;
    // Let whatever was there before run now, in this frame (Swift's backtracer prints the crashed
    // thread's stack from `context`); it may return, even for a fault or an async SIGQUIT.
    if (sig > 0 && sig < SHIM_NSIG && saved[sig]) {
        struct sigaction prev = previous[sig];
        if (prev.sa_flags & SA_SIGINFO) {
            if (prev.sa_sigaction != NULL) prev.sa_sigaction(sig, info, context);
        } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN && prev.sa_handler != NULL) {
            prev.sa_handler(sig);
        }
    }
    // Then die of the signal: it stays blocked until this handler returns, and is then delivered
    // with the default action (terminate with a core), whether it was a fault or sent by kill.
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved_errno;
}

void shim_crash_install(void) {
    // An alternate stack so a stack overflow (SIGSEGV) can still run the handler.
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ss;
        memset(&ss, 0, sizeof ss);
        ss.ss_sp = crash_stack;
        ss.ss_size = sizeof crash_stack;
        ss.ss_flags = 0;
        sigaltstack(&ss, NULL);
    }
    for (int i = 0; i < CRASH_COUNT; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = crash_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
        install_action(crash_signals[i], &sa);
    }
}

void shim_crash_remove(void) {
    for (int i = 0; i < CRASH_COUNT; i++) shim_signal_restore(crash_signals[i]);
}
