//! The time that time-dependent rules compare against ("Pending for more than 5 minutes").
//!
//! A dump is a snapshot: judging it against the wall clock would turn every pending pod of a
//! week-old dump into an error. So the reference time is, in order: `--now` when given, else the
//! newest timestamp in the input (the moment the dump was taken, give or take), else the clock
//! (live sources). Kubernetes writes RFC 3339 in UTC (`2026-03-14T09:37:19Z`, with fractions for
//! `MicroTime`); offsets (`+02:00`) are accepted for `--now`.

use kubegraph_graph::{Graph, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path, Value};

pub use kubegraph_model::time::{human, TimeError, Timestamp};

/// Where the reference time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Now {
    /// A given time (`--now`).
    At(Timestamp),
    /// The newest timestamp in the input; nothing time-dependent is judged when it has none.
    NewestInInput,
    /// The wall clock: for live sources, whose objects are as of now.
    Clock,
}

impl Now {
    /// `--now` if given, else the newest timestamp of a file source.
    pub fn from_option(now: Option<&str>) -> Result<Now, TimeError> {
        match now {
            Some(s) => Timestamp::parse(s).map(Now::At),
            None => Ok(Now::NewestInInput),
        }
    }

    /// The reference time for `graph`, if there is one.
    pub fn resolve(self, graph: &Graph) -> Option<Timestamp> {
        match self {
            Now::At(t) => Some(t),
            Now::NewestInInput => newest(graph),
            Now::Clock => Some(Timestamp::now()),
        }
    }
}

/// The newest timestamp in the input: object times, status times, condition transitions,
/// container state times and event times. Fields of the spec (a CronJob's schedule, a
/// certificate's expiry) are left out: they can lie in the future. `None` for plain manifests,
/// which have none.
pub fn newest(graph: &Graph) -> Option<Timestamp> {
    let mut best: Option<Timestamp> = None;
    let mut see = |v: Option<&Value>| {
        if let Some(t) = v
            .and_then(|v| v.as_str())
            .and_then(|t| Timestamp::parse(t).ok())
        {
            best = Some(best.map_or(t, |b| b.max(t)));
        }
    };
    for (_, n) in graph.nodes() {
        if n.origin != Origin::Source {
            continue;
        }
        let raw = &n.object.raw;
        // One lookup per object that holds times: key lookups dominate on large dumps.
        if let Some(meta) = raw.get("metadata") {
            see(meta.get("creationTimestamp"));
            see(meta.get("deletionTimestamp"));
        }
        if n.object.kind == "Event" {
            for f in ["lastTimestamp", "eventTime", "deprecatedLastTimestamp"] {
                see(raw.get(f));
            }
            see(raw.ptr("/series/lastObservedTime"));
        }
        let Some(status) = raw.get("status") else {
            continue;
        };
        for f in ["startTime", "completionTime", "lastScheduleTime"] {
            see(status.get(f));
        }
        if let Some(conds) = status.get("conditions").and_then(|c| c.as_array()) {
            for c in conds.iter() {
                see(c.get("lastTransitionTime"));
                see(c.get("lastHeartbeatTime"));
            }
        }
        for field in ["containerStatuses", "initContainerStatuses"] {
            if let Some(cs) = status.get(field).and_then(|c| c.as_array()) {
                for c in cs.iter() {
                    see(c.ptr("/state/running/startedAt"));
                    see(c.ptr("/state/terminated/finishedAt"));
                    see(c.ptr("/lastState/terminated/finishedAt"));
                }
            }
        }
    }
    best
}

/// A timestamp field of `v`, parsed.
pub fn at(v: &Value, pointer: &str) -> Option<Timestamp> {
    v.ptr(pointer)
        .and_then(|t| t.as_str())
        .and_then(|t| Timestamp::parse(t).ok())
}
