//! The time that time-dependent rules compare against ("Pending for more than 5 minutes").
//!
//! A dump is a snapshot: judging it against the wall clock would turn every pending pod of a
//! week-old dump into an error. So the reference time is, in order: `--now` when given, else the
//! newest timestamp in the input (the moment the dump was taken, give or take), else the clock
//! (live sources). Kubernetes writes RFC 3339 in UTC (`2026-03-14T09:37:19Z`, with fractions for
//! `MicroTime`); offsets (`+02:00`) are accepted for `--now`.

use kubegraph_graph::{Graph, Origin};
use kubegraph_model::json::{JsonContainerTrait, JsonValueTrait, Path, Value};

/// Seconds since the Unix epoch, UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Why a `--now` value is not a time.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{0}` is not an RFC 3339 time (expected e.g. 2026-11-29T12:00:00Z)")]
pub struct TimeError(pub String);

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
            Now::Clock => Some(Timestamp::clock()),
        }
    }
}

impl Timestamp {
    /// Now, by the system clock (the epoch if the clock is before it).
    pub fn clock() -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Timestamp(secs)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `t` or a space for `T`, `z` for `Z`.
    pub fn parse(s: &str) -> Result<Timestamp, TimeError> {
        parse(s.trim()).ok_or_else(|| TimeError(s.to_string()))
    }

    /// `2026-03-14T09:37:19Z`.
    pub fn rfc3339(self) -> String {
        rfc3339(self.0)
    }

    /// Seconds from `earlier` to this time (negative when `earlier` is later).
    pub fn since(self, earlier: Timestamp) -> i64 {
        self.0 - earlier.0
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

fn parse(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, sec) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let o = rest.get(1..)?;
            if o.len() != 5 || o.as_bytes()[2] != b':' {
                return None;
            }
            let (oh, om): (i64, i64) = (o[..2].parse().ok()?, o[3..].parse().ok()?);
            sign * (oh * 3600 + om * 60)
        }
    };
    let days = days_from_civil(y, mo, d);
    Some(Timestamp(days * 86_400 + h * 3600 + mi * 60 + sec - offset))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "45s", "7m", "2h13m", "3d4h": a duration in the largest two units.
pub fn human(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m", s / 60),
        3600..=86_399 => match s / 60 % 60 {
            0 => format!("{}h", s / 3600),
            m => format!("{}h{m}m", s / 3600),
        },
        _ => match s / 3600 % 24 {
            0 => format!("{}d", s / 86_400),
            h => format!("{}d{h}h", s / 86_400),
        },
    }
}

/// The newest timestamp in the input: object times, status times, condition transitions,
/// container state times and event times. Fields of the spec (a CronJob's schedule, a
/// certificate's expiry) are left out: they can lie in the future. `None` for plain manifests,
/// which have none.
pub fn newest(graph: &Graph) -> Option<Timestamp> {
    let mut best: Option<Timestamp> = None;
    let mut see = |v: Option<&Value>| {
        if let Some(t) = v.and_then(|v| v.as_str()).and_then(parse) {
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
    v.ptr(pointer).and_then(|t| t.as_str()).and_then(parse)
}

/// Seconds since the epoch as Kubernetes writes timestamps (`2026-03-14T09:37:19Z`).
pub fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix).map_or_else(|_| unix.to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_rfc3339() {
        let t = Timestamp::parse("2026-03-14T09:37:19Z").unwrap();
        assert_eq!(t.rfc3339(), "2026-03-14T09:37:19Z");
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z").unwrap(),
            Timestamp(0)
        );
        assert_eq!(
            Timestamp::parse("2026-03-14T11:37:19.123456+02:00").unwrap(),
            t
        );
        assert_eq!(
            Timestamp::parse("2000-02-29T00:00:00Z").unwrap().rfc3339(),
            "2000-02-29T00:00:00Z"
        );
        for bad in [
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-03-14",
            "2026-03-14T09:37:19",
            "2026-03-14T09:37:19+0200",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn humanises_durations() {
        assert_eq!(human(45), "45s");
        assert_eq!(human(420), "7m");
        assert_eq!(human(7980), "2h13m");
        assert_eq!(human(3600), "1h");
        assert_eq!(human(3 * 86_400 + 4 * 3600 + 59), "3d4h");
    }
}
