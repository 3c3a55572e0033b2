//! Selectors matched again against one changed pod or workload.

use super::keys::{label_hash, namespace_hash};
use super::{Incremental, Seen};
use crate::reference::Target;
use kubegraph_graph::{ClusterId, NodeId};

impl Incremental {
    /// Matches the selectors over `namespace` that could select `x`, as it was or as it is
    /// (`seen`), against it alone, adding and withdrawing the edges that changed.
    pub(super) fn select_again(
        &mut self,
        x: NodeId,
        cluster: ClusterId,
        namespace: &str,
        seen: &Seen,
    ) {
        let now = &seen.after;
        let mut referrers = self
            .by_selector
            .get(namespace_hash(cluster, namespace))
            .to_vec();
        for labels in [&seen.before, now].into_iter().flatten() {
            for (k, v) in &labels.labels {
                let key = label_hash(cluster, namespace, k, v);
                referrers.extend_from_slice(self.by_selector.get(key));
            }
        }
        referrers.sort_unstable();
        referrers.dedup();
        for r in referrers {
            let Some(extracted) = self.meta[r.0 as usize]
                .source
                .as_ref()
                .map(|s| s.extracted.clone())
            else {
                continue;
            };
            if self.graph.node(r).cluster != cluster {
                continue;
            }
            for (i, reference) in extracted.references.iter().enumerate() {
                let Target::Selector {
                    namespace: ns,
                    selector,
                    templates,
                } = &reference.target
                else {
                    continue;
                };
                if ns != namespace {
                    continue;
                }
                let want = now
                    .as_ref()
                    .is_some_and(|l| l.selected_by(selector, *templates));
                let key = if reference.reverse {
                    (x, r, reference.edge)
                } else {
                    (r, x, reference.edge)
                };
                let i = i as u32;
                let have = self
                    .contributions
                    .get(&key)
                    .is_some_and(|c| c.contains(&(r, i)));
                if want && !have {
                    self.contribute(r, key, i, None);
                } else if !want && have {
                    let source = self.meta[r.0 as usize].source.as_mut().expect("checked");
                    let at = source
                        .contributed
                        .iter()
                        .position(|c| c.key == key && c.index == i)
                        .expect("a contribution is listed by its source");
                    let c = source.contributed.swap_remove(at);
                    self.withdraw(r, c);
                }
            }
        }
    }
}
