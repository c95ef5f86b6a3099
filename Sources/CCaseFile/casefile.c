// How it works: up to SLOTS mappings are registered at once, each as (start, end, cut) in C11
// atomics, which a signal handler may read. The SIGBUS handler, put in place before each mapping
// (if something replaced it since) and chained to whatever handler was there before it (the
// terminal's crash handler, the Swift runtime's backtracer, or the default), looks for the
// faulting address among the registered mappings. Inside one, it maps anonymous zero pages from
// the faulting page to the end of that mapping (MAP_FIXED replaces the file's pages), marks the
// slot cut, and returns: the read is retried and sees zeros, which are never valid JSON, so the
// reader gives up and the caller reads the file again the ordinary way. Outside every mapping,
// or for a SIGBUS another process sent, the previous handler is called (or the default action
// taken), as if we were not here.
#define _GNU_SOURCE
#include "CCaseFile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 64

static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
static _Atomic int cut[SLOTS];
static _Atomic int claimed[SLOTS];
static struct sigaction previous;
static uintptr_t page_size;   // set before the handler is first installed (sysconf is not signal-safe)
static pthread_mutex_t installing = PTHREAD_MUTEX_INITIALIZER;

static void on_sigbus(int sig, siginfo_t *info, void *context) {
    int saved = errno;
    // Only a fault (si_code > 0), not a signal someone sent, can be a read past a file's end.
    if (info && info->si_code > 0) {
        uintptr_t at = (uintptr_t)info->si_addr;
        for (int k = 0; k < SLOTS; k++) {
            uintptr_t start = atomic_load(&starts[k]), end = atomic_load(&ends[k]);
            // A slot given up and taken again between the two loads would pair another
            // mapping's start with this end: the start is read again to rule that out.
            if (start == 0 || at < start || at >= end || atomic_load(&starts[k]) != start) continue;
            uintptr_t from = at / page_size * page_size;
            if (mmap((void *)from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) break;
            atomic_store(&cut[k], 1);
            errno = saved;
            return;
        }
    }
    errno = saved;
    // Not ours (or no zero pages could be had): what would have happened without us.
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(sig, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    signal(SIGBUS, SIG_DFL);   // the faulting read runs again and the default action ends us
}

/// Puts the handler in place unless it already is (another handler may have replaced it, and
/// restoring its own predecessor later would drop ours).
static void install(void) {
    pthread_mutex_lock(&installing);
    if (page_size == 0) page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction current;
    if (sigaction(SIGBUS, NULL, &current) == 0 && !((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == on_sigbus)) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = on_sigbus;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, &previous);
    }
    pthread_mutex_unlock(&installing);
}

const void *casefile_map(int fd, size_t length, int *slot) {
    *slot = -1;
    if (length == 0) return NULL;
    install();
    int k = 0;
    for (; k < SLOTS; k++) {
        int free = 0;
        if (atomic_compare_exchange_strong(&claimed[k], &free, 1)) break;
    }
    if (k == SLOTS) return NULL;
    void *p = mmap(NULL, length, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
        atomic_store(&claimed[k], 0);
        return NULL;
    }
    atomic_store(&cut[k], 0);
    atomic_store(&ends[k], (uintptr_t)p + length);
    atomic_store(&starts[k], (uintptr_t)p);
    *slot = k;
    return p;
}

int casefile_cut_short(int slot) {
    return slot >= 0 && slot < SLOTS && atomic_load(&cut[slot]);
}

void casefile_unmap(const void *base, size_t length, int slot) {
    if (slot >= 0 && slot < SLOTS) {
        atomic_store(&starts[slot], 0);
        atomic_store(&ends[slot], 0);
    }
    if (base) munmap((void *)base, length);
    if (slot >= 0 && slot < SLOTS) atomic_store(&claimed[slot], 0);
}
