//! Work shared out among the machine's cores. It exists for catalogues far larger than the
//! built-in one (the 100,000-point benchmark in `benches/`): parsing many files and
//! searching over 20,000 entries. The built-in catalogue rarely needs it.

/// How many cores this process may use.
pub fn count() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` applied to every part, each part on a thread of its own (on this one when there is
/// only one part); the results come back in the parts' order. A panic in a part is raised
/// again here.
pub fn map<T: Send, R: Send>(parts: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    if parts.len() < 2 {
        return parts.into_iter().map(work).collect();
    }
    std::thread::scope(|scope| {
        let work = &work;
        let threads: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}
