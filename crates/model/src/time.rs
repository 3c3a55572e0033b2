//! Time as Kubernetes writes it: one [`Timestamp`] type for every time in kubegraph, on jiff.
//!
//! Kubernetes writes RFC 3339 in UTC (`2026-03-14T09:37:19Z`, with fractions for `MicroTime`).
//! [`Timestamp::parse`] accepts exactly RFC 3339 (offsets such as `+02:00` included, so a
//! person's `--now` works) and keeps whole seconds, the precision of `metav1.Time` and of every
//! rule that judges an object's age; [`Timestamp::parse_lenient`] keeps fractions and also takes
//! what a person types in a query (`2024-01-01`, a date-time without offset, read as UTC), where
//! both sides of a comparison are read alike.

use std::fmt;

/// An instant, to the nanosecond. Printed as Kubernetes prints `metav1.Time`: RFC 3339, UTC,
/// whole seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(jiff::Timestamp);

/// Why a text is not an RFC 3339 time.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{0}` is not an RFC 3339 time (expected e.g. 2026-11-29T12:00:00Z)")]
pub struct TimeError(pub String);

impl Timestamp {
    /// The Unix epoch.
    pub const EPOCH: Timestamp = Timestamp(jiff::Timestamp::UNIX_EPOCH);

    /// Whole seconds since the Unix epoch; out-of-range values saturate to jiff's limits.
    pub fn from_second(seconds: i64) -> Timestamp {
        Timestamp(
            jiff::Timestamp::from_second(seconds).unwrap_or(if seconds < 0 {
                jiff::Timestamp::MIN
            } else {
                jiff::Timestamp::MAX
            }),
        )
    }

    /// The wall clock, to the second (as the API server stamps objects).
    pub fn now() -> Timestamp {
        Timestamp::from_second(jiff::Timestamp::now().as_second())
    }

    /// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `t` or a space for `T`, `z` for `Z`; to the
    /// whole second. Anything else jiff would take (`+0200`, bracketed time zones) is refused:
    /// this is the format of the API, not of the ISO 8601 family.
    pub fn parse(s: &str) -> Result<Timestamp, TimeError> {
        precise(s)
            .map(|t| Timestamp::from_second(t.as_second()))
            .ok_or_else(|| TimeError(s.to_string()))
    }

    /// RFC 3339 with its fractions kept, and also a date alone (`2024-01-01`, midnight UTC) or
    /// a date-time without offset (UTC): how people write times in a query.
    pub fn parse_lenient(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() == 10 {
            return precise(&format!("{s}T00:00:00Z"));
        }
        precise(s).or_else(|| {
            let ends_in_offset = b.last().is_some_and(|c| matches!(c, b'Z' | b'z'))
                || (b.len() >= 6 && matches!(b[b.len() - 6], b'+' | b'-'));
            (!ends_in_offset)
                .then(|| precise(&format!("{s}Z")))
                .flatten()
        })
    }

    /// Whole seconds since the Unix epoch (fractions dropped).
    pub fn as_second(self) -> i64 {
        self.0.as_second()
    }

    /// Seconds since the Unix epoch, with fractions.
    pub fn as_secs_f64(self) -> f64 {
        self.0.as_second() as f64 + f64::from(self.0.subsec_nanosecond()) / 1e9
    }

    /// Whole seconds from `earlier` to `self` (negative when `earlier` is later).
    pub fn since(self, earlier: Timestamp) -> i64 {
        self.as_second() - earlier.as_second()
    }

    /// `2026-03-14T09:37:19Z`: UTC, whole seconds.
    pub fn rfc3339(self) -> String {
        self.to_string()
    }

    /// The jiff instant, for arithmetic this type does not offer.
    pub fn jiff(self) -> jiff::Timestamp {
        self.0
    }
}

impl From<jiff::Timestamp> for Timestamp {
    fn from(t: jiff::Timestamp) -> Timestamp {
        Timestamp(t)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match jiff::Timestamp::from_second(self.0.as_second()) {
            Ok(t) => write!(f, "{t}"),
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Timestamp, TimeError> {
        Timestamp::parse(s)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// RFC 3339 to the nanosecond.
fn precise(s: &str) -> Option<Timestamp> {
    let t = s.trim();
    rfc3339_shape(t)
        .then(|| t.parse::<jiff::Timestamp>().ok().map(Timestamp))
        .flatten()
}

/// Whether `s` is laid out as RFC 3339 (the values are jiff's to check).
fn rfc3339_shape(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let fixed = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't' | b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !fixed {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// "45s", "7m", "2h13m", "3d4h": a duration in seconds, in its largest two units.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_rfc3339() {
        let t = Timestamp::parse("2026-03-14T09:37:19Z").unwrap();
        assert_eq!(t.rfc3339(), "2026-03-14T09:37:19Z");
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z").unwrap(),
            Timestamp::EPOCH
        );
        assert_eq!(
            Timestamp::parse("2026-03-14T11:37:19.123456+02:00").unwrap(),
            t
        );
        let fractional = Timestamp::parse_lenient("2026-03-14T11:37:19.123456+02:00").unwrap();
        assert!(fractional > t);
        assert_eq!(fractional.as_second(), t.as_second());
        assert_eq!(fractional.rfc3339(), "2026-03-14T09:37:19Z");
        assert_eq!(Timestamp::parse("2026-03-14t09:37:19z").unwrap(), t);
        assert_eq!(Timestamp::parse("2026-03-14 09:37:19Z").unwrap(), t);
        assert_eq!(
            Timestamp::parse("2000-02-29T00:00:00Z").unwrap().rfc3339(),
            "2000-02-29T00:00:00Z"
        );
        for bad in [
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-03-14",
            "2026-03-14T09:37:19",
            "2026-03-14T09:37:19+0200",
            "2026-03-14T09:37:19Z[UTC]",
            "2026-03-14T09:37:19.Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lenient_parsing_takes_dates_and_times_without_offset() {
        let secs = |s| Timestamp::parse_lenient(s).map(Timestamp::as_secs_f64);
        assert_eq!(secs("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(secs("1970-01-02"), Some(86400.0));
        // date -u -d 2024-03-01T10:00:00Z +%s
        assert_eq!(secs("2024-03-01T10:00:00Z"), Some(1709287200.0));
        assert_eq!(secs("2024-03-01T10:00:00"), Some(1709287200.0));
        assert_eq!(secs("2024-03-01T12:00:00+02:00"), Some(1709287200.0));
        assert_eq!(secs("2024-03-01T10:00:00.5Z"), Some(1709287200.5));
        assert_eq!(secs("nope"), None);
        assert_eq!(secs("2024-03-01T10:00:00+0200"), None);
    }

    #[test]
    fn seconds_between_and_serialized_as_text() {
        let a = Timestamp::parse_lenient("2026-03-14T09:37:19.9Z").unwrap();
        let b = Timestamp::parse_lenient("2026-03-14T09:38:19.1Z").unwrap();
        assert_eq!(b.since(a), 60);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "\"2026-03-14T09:37:19Z\""
        );
        assert_eq!(
            Timestamp::from_second(86400).rfc3339(),
            "1970-01-02T00:00:00Z"
        );
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
