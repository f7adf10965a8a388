//! Checking many inputs in parallel while reporting them in input order.

use std::collections::BTreeMap;
use std::sync::mpsc;

/// Runs `work` over `items` on the rayon thread pool and hands each result
/// to `emit` in the order of `items`, as soon as it and every result before
/// it are done.
///
/// At most `window` items are in flight (taken from `items` but not yet
/// emitted), so memory stays bounded however long `items` is. `items` is
/// pulled on a thread of its own, so a slow source (a pipe) never holds back
/// results that are ready. When `emit` fails, no new item is started and the
/// error is returned once the items already started have finished (and, as
/// the reading thread is joined, once `items` yields its next item or ends).
pub fn run_ordered<T, R, E>(
    items: impl Iterator<Item = T> + Send,
    window: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window.max(1));
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let work = &work;
    std::thread::scope(|threads| {
        threads.spawn(move || {
            rayon::in_place_scope(|pool| {
                for (i, item) in items.enumerate() {
                    // blocks while `window` items are in flight; fails once
                    // the consumer has stopped
                    if permit_tx.send(()).is_err() {
                        break;
                    }
                    let done = done_tx.clone();
                    pool.spawn(move |_| {
                        // the consumer may have stopped: nothing to report to
                        let _ = done.send((i, work(item)));
                    });
                }
                drop(done_tx);
            });
        });
        let mut pending = BTreeMap::new();
        let mut next = 0;
        // ends when the reader and every task are done (all senders dropped)
        for (i, result) in done_rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                if let Err(e) = emit(result) {
                    drop(permit_rx);
                    return Err(e);
                }
                next += 1;
                // frees the slot of the item just emitted
                let _ = permit_rx.try_recv();
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let mut seen = Vec::new();
        let ok: Result<(), ()> = run_ordered(
            0..200u64,
            8,
            |i| {
                // later items finish first now and then
                std::thread::sleep(std::time::Duration::from_micros((200 - i) % 7 * 50));
                i * 2
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(ok, Ok(()));
        assert_eq!(seen, (0..200u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn in_flight_items_stay_within_the_window() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let started = AtomicUsize::new(0);
        let mut emitted = 0;
        let mut worst = 0;
        let ok: Result<(), ()> = run_ordered(
            0..100,
            4,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| {
                emitted += 1;
                worst = worst.max(started.load(Ordering::SeqCst) - emitted);
                Ok(())
            },
        );
        assert_eq!(ok, Ok(()));
        assert_eq!(emitted, 100);
        assert!(worst <= 4, "{worst} items were in flight");
    }

    #[test]
    fn an_emit_error_stops_the_run() {
        let mut emitted = 0;
        let r = run_ordered(
            0..1_000_000u64,
            4,
            |i| i,
            |i| {
                emitted += 1;
                if i == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(emitted, 11);
    }
}
