//! `tag update KEY VALUE`, `tag delete KEY` and `clean`: the actions, as a dry run.
//!
//! kubegraph never changes a cluster unless actions are enabled, and it shows what an action
//! will do first (docs/query.md, "The library": `Actions`). The query language's part is that plan: the objects
//! the action would change, each named as the Kubernetes API names it (resource, namespace,
//! name), so that it can be shown as the `kubectl` commands that do the same. Placeholders
//! (objects that do not exist) and kubegraph's own nodes (cluster, containers, images) are left
//! out, with a count.

use kubegraph_graph::{Graph, NodeId};
use kubegraph_model::kinds::{self, SYNTHETIC_GROUP};

use crate::output::{Action, ActionPlan, Target};
use crate::syntax::ast::Command;

/// The plan of an action command over `nodes`.
pub fn plan(graph: &Graph, nodes: &[NodeId], action: &Command) -> ActionPlan {
    let action = match action {
        Command::TagUpdate { key, value } => Action::TagUpdate {
            key: key.node.clone(),
            value: value.node.clone(),
        },
        Command::TagDelete { key } => Action::TagDelete {
            key: key.node.clone(),
        },
        _ => Action::Clean,
    };
    let mut targets = Vec::new();
    let mut left_out = 0;
    for &id in nodes {
        let n = graph.node(id);
        let o = &n.object;
        if n.missing() || o.group == SYNTHETIC_GROUP {
            left_out += 1;
            continue;
        }
        let resource = match kinds::builtin(&o.group, &o.kind) {
            Some(k) if o.group.is_empty() => k.plural.to_string(),
            Some(k) => format!("{}.{}", k.plural, o.group),
            None if o.group.is_empty() => o.kind.to_lowercase(),
            None => format!("{}.{}", o.kind.to_lowercase(), o.group),
        };
        targets.push(Target {
            node: id,
            namespace: o.namespace.clone(),
            resource,
            name: o.name.clone(),
        });
    }
    ActionPlan {
        action,
        targets,
        left_out,
    }
}
