// CCaseFile: a case file mapped into memory for the fast reader, safe against the file being
// cut short while it is read. Written in C because its core is a signal handler, which must not
// be Swift (a Swift handler could allocate or take the runtime's locks). Only CasebookStore
// imports this module.
#pragma once

#include <stddef.h>

/// Maps `length` bytes of the open file `fd` read-only (its pages come in as they are first
/// read, by whichever thread reads them: making them all present up front kept the other core
/// idle for tens of milliseconds at a million transfers), and registers the mapping so that a
/// SIGBUS inside it, which is what reading past the end of a file that shrank raises, puts zero
/// pages there instead of killing the process. Returns NULL
/// if the file cannot be mapped or every registration slot is in use; then `*slot` is -1.
const void *casefile_map(int fd, size_t length, int *slot);

/// Whether a SIGBUS was met in the mapping of `slot`: the file shrank, and what was read of it
/// after that point was zeros.
int casefile_cut_short(int slot);

/// Unmaps and frees the slot.
void casefile_unmap(const void *base, size_t length, int slot);

/// Asks the processor to bring the cache line at `p` in for writing, ahead of its use (the case
/// reader's id index is filled at random: one cache miss a record otherwise). Never faults.
static inline void casefile_prefetch(const void *p) {
    __builtin_prefetch(p, 1, 3);
}
