//! Connection sets: for each protocol (TCP, UDP, SCTP), a set of port ranges.
//!
//! Written as netpol-analyzer writes them, so that the two tools' listings compare line by line:
//! `All Connections` when every port of every protocol is in; otherwise one `PROTO ranges` item
//! per protocol that has any port, sorted by that text and joined with `,`
//! (`SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535`); `No Connections` when empty.

use std::fmt;

/// The lowest port a policy can name (0 is not a port).
pub const MIN_PORT: u16 = 1;
/// The highest port.
pub const MAX_PORT: u16 = 65535;

/// The protocols a NetworkPolicy port can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Protocol {
    /// TCP, the default when a port names no protocol.
    Tcp,
    /// UDP.
    Udp,
    /// SCTP.
    Sctp,
}

impl Protocol {
    /// Every protocol.
    pub const ALL: [Protocol; 3] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp];

    /// `TCP`, `UDP`, `SCTP`: as policies and netpol-analyzer write them.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::Sctp => "SCTP",
        }
    }

    /// `TCP`, `udp`, ... (case-insensitive, as users type them on the command line).
    pub fn parse(text: &str) -> Option<Protocol> {
        Protocol::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text))
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Disjoint, sorted, non-adjacent inclusive port ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PortSet {
    ranges: Vec<(u16, u16)>,
}

impl PortSet {
    /// Every port, 1–65535.
    pub fn all() -> Self {
        PortSet {
            ranges: vec![(MIN_PORT, MAX_PORT)],
        }
    }

    /// The ports `from..=to` (see [`PortSet::add`]).
    pub fn range(from: u16, to: u16) -> Self {
        let mut s = PortSet::default();
        s.add(from, to);
        s
    }

    /// Whether it has no port.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether it has every port.
    pub fn is_all(&self) -> bool {
        self.ranges == [(MIN_PORT, MAX_PORT)]
    }

    /// The inclusive ranges, sorted, disjoint and not adjacent.
    pub fn ranges(&self) -> &[(u16, u16)] {
        &self.ranges
    }

    /// Whether `port` is in.
    pub fn contains(&self, port: u16) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= port && port <= b)
    }

    /// Adds `from..=to` (clamped to 1–65535; an inverted range adds nothing).
    pub fn add(&mut self, from: u16, to: u16) {
        let from = from.max(MIN_PORT);
        if to < from {
            return;
        }
        self.ranges.push((from, to));
        self.normalize();
    }

    /// Adds every port of `other`.
    pub fn union(&mut self, other: &PortSet) {
        if other.is_empty() || self.is_all() {
            return;
        }
        if self.is_empty() || other.is_all() {
            self.ranges.clone_from(&other.ranges);
            return;
        }
        self.ranges.extend_from_slice(&other.ranges);
        self.normalize();
    }

    /// The ports in both.
    pub fn intersection(&self, other: &PortSet) -> PortSet {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < self.ranges.len() && j < other.ranges.len() {
            let (a1, b1) = self.ranges[i];
            let (a2, b2) = other.ranges[j];
            let (lo, hi) = (a1.max(a2), b1.min(b2));
            if lo <= hi {
                out.push((lo, hi));
            }
            if b1 < b2 {
                i += 1;
            } else {
                j += 1;
            }
        }
        PortSet { ranges: out }
    }

    fn normalize(&mut self) {
        self.ranges.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::with_capacity(self.ranges.len());
        for &(a, b) in &self.ranges {
            match merged.last_mut() {
                // Overlapping or adjacent ranges merge: 1-79 and 80 are 1-80.
                Some(last) if u32::from(a) <= u32::from(last.1) + 1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        self.ranges = merged;
    }
}

impl fmt::Display for PortSet {
    /// `80`, `1-79,81-65535`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &(a, b)) in self.ranges.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            if a == b {
                write!(f, "{a}")?;
            } else {
                write!(f, "{a}-{b}")?;
            }
        }
        Ok(())
    }
}

/// A set of (protocol, port) pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ConnSet {
    by_protocol: [PortSet; 3],
}

impl ConnSet {
    /// No connection (`No Connections`).
    pub fn none() -> Self {
        ConnSet::default()
    }

    /// Every port of every protocol (`All Connections`).
    pub fn all() -> Self {
        ConnSet {
            by_protocol: [PortSet::all(), PortSet::all(), PortSet::all()],
        }
    }

    /// `ports` of one protocol.
    pub fn of(protocol: Protocol, ports: PortSet) -> Self {
        let mut c = ConnSet::none();
        c.by_protocol[protocol.index()] = ports;
        c
    }

    /// The ports of `protocol`.
    pub fn ports(&self, protocol: Protocol) -> &PortSet {
        &self.by_protocol[protocol.index()]
    }

    /// Whether it allows nothing.
    pub fn is_empty(&self) -> bool {
        self.by_protocol.iter().all(PortSet::is_empty)
    }

    /// Whether it allows everything.
    pub fn is_all(&self) -> bool {
        self.by_protocol.iter().all(PortSet::is_all)
    }

    /// Whether `port` of `protocol` is in.
    pub fn contains(&self, protocol: Protocol, port: u16) -> bool {
        self.ports(protocol).contains(port)
    }

    /// Adds `ports` of `protocol`.
    pub fn add(&mut self, protocol: Protocol, ports: &PortSet) {
        self.by_protocol[protocol.index()].union(ports);
    }

    /// Adds everything `other` allows.
    pub fn union(&mut self, other: &ConnSet) {
        for p in Protocol::ALL {
            self.by_protocol[p.index()].union(&other.by_protocol[p.index()]);
        }
    }

    /// What both allow.
    pub fn intersection(&self, other: &ConnSet) -> ConnSet {
        if self.is_all() {
            return other.clone();
        }
        if other.is_all() {
            return self.clone();
        }
        ConnSet {
            by_protocol: std::array::from_fn(|i| {
                self.by_protocol[i].intersection(&other.by_protocol[i])
            }),
        }
    }
}

impl fmt::Display for ConnSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_all() {
            return f.write_str("All Connections");
        }
        if self.is_empty() {
            return f.write_str("No Connections");
        }
        let mut items: Vec<String> = Protocol::ALL
            .into_iter()
            .filter(|p| !self.ports(*p).is_empty())
            .map(|p| format!("{p} {}", self.ports(p)))
            .collect();
        // netpol-analyzer sorts the `PROTO ports` strings themselves.
        items.sort();
        f.write_str(&items.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_and_print_like_netpol_analyzer() {
        let mut s = PortSet::range(81, 65535);
        s.add(1, 79);
        assert_eq!(s.to_string(), "1-79,81-65535");
        s.add(80, 80);
        assert!(s.is_all());
        assert_eq!(PortSet::range(53, 53).to_string(), "53");
        assert!(PortSet::range(10, 1).is_empty());
    }

    #[test]
    fn intersection_of_ranges() {
        let mut a = PortSet::range(1, 100);
        a.add(200, 300);
        let b = PortSet::range(50, 250);
        assert_eq!(a.intersection(&b).to_string(), "50-100,200-250");
        assert!(a.intersection(&PortSet::range(101, 199)).is_empty());
    }

    #[test]
    fn connection_sets_print_sorted_by_text() {
        let mut c = ConnSet::of(Protocol::Udp, PortSet::range(53, 53));
        c.add(Protocol::Tcp, &PortSet::range(80, 80));
        assert_eq!(c.to_string(), "TCP 80,UDP 53");
        let mut c = ConnSet::all();
        c.by_protocol[0] = PortSet::range(1, 79);
        c.by_protocol[0].add(81, 65535);
        assert_eq!(c.to_string(), "SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535");
        assert_eq!(ConnSet::all().to_string(), "All Connections");
        assert_eq!(ConnSet::none().to_string(), "No Connections");
    }

    #[test]
    fn intersection_with_all_is_identity() {
        let c = ConnSet::of(Protocol::Tcp, PortSet::range(8080, 8080));
        assert_eq!(ConnSet::all().intersection(&c), c);
        assert_eq!(c.intersection(&ConnSet::all()), c);
        assert!(c
            .intersection(&ConnSet::of(Protocol::Udp, PortSet::all()))
            .is_empty());
    }
}
