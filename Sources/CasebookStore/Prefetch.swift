import CCaseFile

/// Asks the processor to bring the cache line at `p` in for writing, ahead of its use: for a loop
/// that updates a big table at random, one cache miss a row otherwise (the frequency view's groups
/// at a million transfers). Never faults, whatever `p` is. Here because only this module imports
/// the C target; a call costs a few instructions against the miss it hides.
public func prefetchForWriting(_ p: UnsafeRawPointer) {
    casefile_prefetch(p)
}
