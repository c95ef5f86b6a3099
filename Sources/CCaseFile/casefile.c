// How it works: up to SLOTS mappings are registered at once, each as (start, end, cut) in C11
// atomics, which a signal handler may read. The SIGBUS handler, installed once and chained to
// whatever handler was there before (the Swift runtime's backtracer, or the default), looks for
// the faulting address among the registered mappings. Inside one, it maps anonymous zero pages
// from the faulting page to the end of that mapping (MAP_FIXED replaces the file's pages), marks
// the slot cut, and returns: the read is retried and sees zeros, which are never valid JSON, so
// the reader gives up and the caller reads the file again the ordinary way. Outside every
// mapping, the previous handler is called (or the default action taken), as if we were not here.
#define _GNU_SOURCE
#include "CCaseFile.h"

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
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void on_sigbus(int sig, siginfo_t *info, void *context) {
    uintptr_t at = (uintptr_t)info->si_addr;
    for (int k = 0; k < SLOTS; k++) {
        uintptr_t start = atomic_load(&starts[k]), end = atomic_load(&ends[k]);
        if (start == 0 || at < start || at >= end) continue;
        uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
        uintptr_t from = at / page * page;
        if (mmap((void *)from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) break;
        atomic_store(&cut[k], 1);
        return;
    }
    // Not ours (or no zero pages could be had): what would have happened without us.
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(sig, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    signal(SIGBUS, SIG_DFL);   // the faulting read runs again and the default action ends us
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

const void *casefile_map(int fd, size_t length, int *slot) {
    *slot = -1;
    if (length == 0) return NULL;
    pthread_once(&installed, install);
    int k = 0;
    for (; k < SLOTS; k++) {
        int free = 0;
        if (atomic_compare_exchange_strong(&claimed[k], &free, 1)) break;
    }
    if (k == SLOTS) return NULL;
    void *p = mmap(NULL, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
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
