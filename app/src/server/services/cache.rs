//! Figures computed once and shared for a few seconds: when a hundred visitors ask for the same
//! page at once, the first computes it and the others wait for that result (single flight);
//! after `fresh` the next asker computes again. A failure is not kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::OnceCell;

/// When a value was first asked for, and the value (computed once, by whoever asked first).
type Entry<V> = (Instant, Arc<OnceCell<V>>);

/// Values by key, each reused for `fresh`.
#[derive(Debug)]
pub struct Shared<V> {
    fresh: Duration,
    entries: Arc<Mutex<HashMap<String, Entry<V>>>>,
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

    /// The value for `key`, computed by `compute` at most once per `fresh` (at most a thousand
    /// keys are kept; beyond, all are forgotten).
    ///
    /// # Errors
    /// What `compute` fails with (not kept: the next caller computes again).
    pub async fn get<E, F, Fut>(&self, key: String, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<V, E>>,
    {
        let cell = {
            let Ok(mut map) = self.entries.lock() else {
                return compute().await;
            };
            let fresh = self.fresh;
            map.retain(|_, (at, _)| at.elapsed() < fresh);
            if map.len() > 1_000 {
                map.clear();
            }
            map.entry(key)
                .or_insert_with(|| (Instant::now(), Arc::default()))
                .1
                .clone()
        };
        cell.get_or_try_init(compute).await.cloned()
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
}
