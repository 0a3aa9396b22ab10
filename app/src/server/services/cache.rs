//! Figures computed once and shared for a few seconds: when a hundred visitors ask for the same
//! page at once, the first computes it and the others wait for that result (single flight).
//! After `fresh` the next asker computes again, and whoever asks while it does is given the
//! value before (stale while revalidating), so a slow computation keeps one reader waiting, not
//! all who arrive meanwhile. A failure is not kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::OnceCell;

/// A key's value: the one being computed or computed since `at`, and the one before it.
struct Entry<V> {
    /// When `cell` was begun, then when its value was there.
    at: Instant,
    /// The value, computed once by whoever asked first since `at`.
    cell: Arc<OnceCell<V>>,
    /// The value before `cell`'s, given while `cell` is being computed.
    stale: Option<V>,
}

/// What one asker does.
enum Plan<V> {
    /// Takes this value.
    Take(V),
    /// Computes the value, or waits for the asker computing it.
    Compute(Arc<OnceCell<V>>),
}

/// Values by key, each reused for `fresh`.
pub struct Shared<V> {
    fresh: Duration,
    entries: Arc<Mutex<HashMap<String, Entry<V>>>>,
}

impl<V> std::fmt::Debug for Shared<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("fresh", &self.fresh)
            .finish()
    }
}

impl<V> Clone for Shared<V> {
    fn clone(&self) -> Self {
        Shared {
            fresh: self.fresh,
            entries: self.entries.clone(),
        }
    }
}

impl<V: Clone> Shared<V> {
    /// A cache whose values are reused for `fresh`.
    pub fn new(fresh: Duration) -> Self {
        Shared {
            fresh,
            entries: Arc::default(),
        }
    }

    /// The value for `key`, computed by `compute` at most once per `fresh`; while it is computed
    /// again, other askers get the value before. A key nobody asked for in four times `fresh` is
    /// forgotten (and at most a thousand keys are kept; beyond, all are forgotten).
    ///
    /// # Errors
    /// What `compute` fails with (not kept: the next caller computes again).
    pub async fn get<E, F, Fut>(&self, key: String, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<V, E>>,
    {
        let plan = {
            let Ok(mut map) = self.entries.lock() else {
                return compute().await;
            };
            let fresh = self.fresh;
            map.retain(|_, e| e.at.elapsed() < fresh * 4);
            if map.len() > 1_000 {
                map.clear();
            }
            let entry = map.entry(key.clone()).or_insert_with(|| Entry {
                at: Instant::now(),
                cell: Arc::default(),
                stale: None,
            });
            let due = entry.at.elapsed() >= fresh;
            // Somebody is computing the value (each asker holds the cell while it computes or
            // waits), however long it takes: a slow computation is never begun twice.
            let busy = Arc::strong_count(&entry.cell) > 1;
            match (entry.cell.get(), &entry.stale) {
                (Some(v), _) if !due => Plan::Take(v.clone()),
                // Stale: this asker computes it again, the others get this value meanwhile.
                (Some(v), _) => {
                    entry.stale = Some(v.clone());
                    entry.cell = Arc::default();
                    entry.at = Instant::now();
                    Plan::Compute(entry.cell.clone())
                }
                // Being computed again, or the last try failed less than `fresh` ago: the value
                // before. A failure older than that: this asker tries again.
                (None, Some(v)) if busy || !due => Plan::Take(v.clone()),
                (None, Some(_)) => {
                    entry.at = Instant::now();
                    Plan::Compute(entry.cell.clone())
                }
                // Never computed yet: everybody waits for the first.
                (None, None) => Plan::Compute(entry.cell.clone()),
            }
        };
        match plan {
            Plan::Take(v) => Ok(v),
            Plan::Compute(cell) => {
                let value = cell.get_or_try_init(compute).await.cloned()?;
                // Fresh from when the value is there, not from when its computation began.
                if let Ok(mut map) = self.entries.lock()
                    && let Some(entry) = map.get_mut(&key)
                    && Arc::ptr_eq(&entry.cell, &cell)
                {
                    entry.at = Instant::now();
                }
                Ok(value)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn many_askers_share_one_computation_until_it_is_stale() {
        let cache: Shared<usize> = Shared::new(Duration::from_millis(200));
        let computed = Arc::new(AtomicUsize::new(0));
        let ask = || {
            let (cache, computed) = (cache.clone(), computed.clone());
            async move {
                cache
                    .get("k".into(), || async move {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok::<_, ()>(computed.fetch_add(1, Ordering::SeqCst) + 1)
                    })
                    .await
            }
        };
        let all = tokio::join!(ask(), ask(), ask(), ask());
        assert_eq!(all, (Ok(1), Ok(1), Ok(1), Ok(1)));
        assert_eq!(computed.load(Ordering::SeqCst), 1);
        tokio::time::sleep(Duration::from_millis(250)).await;
        assert_eq!(ask().await, Ok(2));
        // A failure is not kept.
        let failing: Shared<usize> = Shared::new(Duration::from_secs(60));
        assert_eq!(
            failing
                .get("k".into(), || async { Err::<usize, _>("no") })
                .await,
            Err("no")
        );
        assert_eq!(
            failing.get("k".into(), || async { Ok::<_, &str>(7) }).await,
            Ok(7)
        );
    }

    #[tokio::test]
    async fn while_one_asker_computes_again_the_others_get_the_value_before() {
        let cache: Shared<u32> = Shared::new(Duration::from_millis(100));
        let value = |v: u32, ms: u64| {
            move || async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                Ok::<_, &str>(v)
            }
        };
        assert_eq!(cache.get("k".into(), value(1, 0)).await, Ok(1));
        tokio::time::sleep(Duration::from_millis(120)).await;
        // Stale: the first asker computes 2 (slowly); one arriving meanwhile gets 1 at once,
        // and does not compute.
        let refresher = {
            let cache = cache.clone();
            tokio::spawn(async move { cache.get("k".into(), value(2, 300)).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        assert_eq!(cache.get("k".into(), value(99, 0)).await, Ok(1));
        assert!(
            started.elapsed() < Duration::from_millis(200),
            "not kept waiting"
        );
        assert_eq!(refresher.await.expect("joins"), Ok(2));
        assert_eq!(cache.get("k".into(), value(99, 0)).await, Ok(2));

        // A computation slower than `fresh` is not begun again meanwhile, and its value is
        // kept when it comes.
        tokio::time::sleep(Duration::from_millis(120)).await;
        let slow = {
            let cache = cache.clone();
            tokio::spawn(async move { cache.get("k".into(), value(5, 350)).await })
        };
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            assert_eq!(
                cache.get("k".into(), value(99, 0)).await,
                Ok(2),
                "the value before"
            );
        }
        assert_eq!(slow.await.expect("joins"), Ok(5));
        assert_eq!(cache.get("k".into(), value(99, 0)).await, Ok(5), "kept");

        // A computation that fails is not kept: the value before is given until `fresh` has
        // passed, then the next asker computes again.
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(
            cache
                .get("k".into(), || async { Err::<u32, _>("down") })
                .await,
            Err("down")
        );
        assert_eq!(
            cache.get("k".into(), value(99, 0)).await,
            Ok(5),
            "the value before"
        );
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(cache.get("k".into(), value(3, 0)).await, Ok(3));
    }
}
