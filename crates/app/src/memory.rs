//! How the process asks the kernel for memory.

/// Turns transparent huge pages off for this process, once, before the first large load.
///
/// Loading a landscape allocates gigabytes in small pieces and frees large temporary buffers
/// (parse batches, vectors that grow) as it goes; the allocator gives freed memory back to the
/// kernel. With THP set to `always` (Debian's default on many VMs), every fault on such memory
/// takes a 2 MB page that the kernel must zero first: on a 100k-pod dump, 60% of the CPU time
/// went to clearing pages, and a load with relations took 10.4 s instead of 6.6 s (profile and
/// numbers in docs/benchmarks.md). Small pages cost nothing measurable in the graph's lookups.
pub(crate) fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // Best effort: a kernel without the prctl keeps huge pages, which is only slower.
        ONCE.call_once(|| {
            let _ = nix::sys::prctl::set_thp_disable(true);
        });
    }
}
