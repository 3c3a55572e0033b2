//! The connection listing in netpol-analyzer's formats: `txt` (`src => dst : conns`, one line
//! each), `json`, `csv`, `md` and `dot`.

use crate::analysis::{Connectivity, Endpoint};
use std::io::{self, Write};

/// An output format of the listing, as netpol-analyzer names and writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `src => dst : conns`, one line per connection.
    Txt,
    /// An array of `{"src", "dst", "conn"}` objects.
    Json,
    /// `src,dst,conn` rows under a header.
    Csv,
    /// A Markdown table.
    Md,
    /// A Graphviz graph, peers grouped by namespace.
    Dot,
}

impl Format {
    /// The names [`Format::parse`] accepts (`-o` values).
    pub const NAMES: [&'static str; 5] = ["txt", "json", "csv", "md", "dot"];

    /// The format of this name, if any.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "txt" => Format::Txt,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "md" => Format::Md,
            "dot" => Format::Dot,
            _ => return None,
        })
    }
}

/// Writes every connection of `c` in `format`.
pub fn write(c: &Connectivity, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Txt => {
            // Each distinct connection set is rendered once: listings run to millions of lines.
            let conns: Vec<String> = c.conn_sets.iter().map(|s| s.to_string()).collect();
            for &(s, d, id) in &c.lines {
                writeln!(
                    out,
                    "{} => {} : {}",
                    c.endpoints[s as usize].0, c.endpoints[d as usize].0, conns[id as usize]
                )?;
            }
        }
        Format::Json => {
            // Written by hand to keep netpol-analyzer's key order (src, dst, conn) and layout.
            let q = |s: &str| serde_json::to_string(s).expect("strings serialize");
            let mut first = true;
            write!(out, "[")?;
            for (src, dst, conns) in c.rows() {
                write!(
                    out,
                    "{}\n  {{\n    \"src\": {},\n    \"dst\": {},\n    \"conn\": {}\n  }}",
                    if first { "" } else { "," },
                    q(src),
                    q(dst),
                    q(&conns.to_string())
                )?;
                first = false;
            }
            writeln!(out, "{}]", if first { "" } else { "\n" })?;
        }
        Format::Csv => {
            writeln!(out, "src,dst,conn")?;
            for (src, dst, conns) in c.rows() {
                writeln!(
                    out,
                    "{},{},{}",
                    csv_field(src),
                    csv_field(dst),
                    csv_field(&conns.to_string())
                )?;
            }
        }
        Format::Md => {
            writeln!(out, "| src | dst | conn |")?;
            writeln!(out, "|-----|-----|------|")?;
            for (src, dst, conns) in c.rows() {
                writeln!(out, "| {src} | {dst} | {conns} |")?;
            }
        }
        Format::Dot => dot(c, out)?,
    }
    Ok(())
}

/// A field as Go's `encoding/csv` writes it: quoted when it holds a comma, quote or newline.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn dot_id(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Workloads grouped by namespace in clusters, external ranges and the ingress controller
/// outside them, one edge per connection labelled with its connection set.
fn dot(c: &Connectivity, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "digraph {{")?;
    let mut used = vec![false; c.endpoints.len()];
    for &(s, d, _) in &c.lines {
        used[s as usize] = true;
        used[d as usize] = true;
    }
    let mut by_ns: std::collections::BTreeMap<&str, Vec<(&str, &str)>> = Default::default();
    let mut others = Vec::new();
    for (i, (name, e)) in c.endpoints.iter().enumerate() {
        if !used[i] {
            continue;
        }
        match e {
            Endpoint::Workload(_) => {
                let (ns, short) = name.split_once('/').unwrap_or(("", name));
                by_ns.entry(ns).or_default().push((name, short));
            }
            Endpoint::External(_) => others.push((name.as_str(), "red2")),
            Endpoint::IngressController => others.push((name.as_str(), "blue")),
        }
    }
    for (ns, nodes) in by_ns {
        writeln!(out, "\tsubgraph {} {{", dot_id(&format!("cluster_{ns}")))?;
        for (name, short) in nodes {
            writeln!(
                out,
                "\t\t{} [label={} color=\"blue\" fontcolor=\"blue\"]",
                dot_id(name),
                dot_id(short)
            )?;
        }
        writeln!(out, "\t\tlabel={}", dot_id(ns))?;
        writeln!(out, "\t}}")?;
    }
    for (name, color) in others {
        writeln!(
            out,
            "\t{} [label={} color=\"{color}\" fontcolor=\"{color}\"]",
            dot_id(name),
            dot_id(name)
        )?;
    }
    for (src, dst, conns) in c.rows() {
        writeln!(
            out,
            "\t{} -> {} [label={} color=\"gold2\" fontcolor=\"darkgreen\"]",
            dot_id(src),
            dot_id(dst),
            dot_id(&conns.to_string())
        )?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ip::IpRange;
    use crate::ports::{ConnSet, PortSet, Protocol};

    fn sample() -> Connectivity {
        Connectivity {
            endpoints: vec![
                (
                    "0.0.0.0-255.255.255.255[External]".into(),
                    Endpoint::External(IpRange::ALL),
                ),
                ("a/x[Pod]".into(), Endpoint::Workload(0)),
                ("a/y[Pod]".into(), Endpoint::Workload(1)),
            ],
            conn_sets: vec![ConnSet::none(), ConnSet::all(), {
                let mut c = ConnSet::of(Protocol::Tcp, PortSet::range(80, 80));
                c.add(Protocol::Udp, &PortSet::range(53, 53));
                c
            }],
            lines: vec![(0, 1, 1), (1, 2, 2)],
        }
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(&sample(), format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_format_writes_the_same_rows() {
        assert_eq!(
            render(Format::Txt),
            "0.0.0.0-255.255.255.255[External] => a/x[Pod] : All Connections\na/x[Pod] => a/y[Pod] : TCP 80,UDP 53\n"
        );
        assert_eq!(
            render(Format::Json),
            "[\n  {\n    \"src\": \"0.0.0.0-255.255.255.255[External]\",\n    \"dst\": \"a/x[Pod]\",\n    \"conn\": \"All Connections\"\n  },\n  {\n    \"src\": \"a/x[Pod]\",\n    \"dst\": \"a/y[Pod]\",\n    \"conn\": \"TCP 80,UDP 53\"\n  }\n]\n"
        );
        assert_eq!(
            render(Format::Csv),
            "src,dst,conn\n0.0.0.0-255.255.255.255[External],a/x[Pod],All Connections\na/x[Pod],a/y[Pod],\"TCP 80,UDP 53\"\n"
        );
        assert_eq!(
            render(Format::Md),
            "| src | dst | conn |\n|-----|-----|------|\n| 0.0.0.0-255.255.255.255[External] | a/x[Pod] | All Connections |\n| a/x[Pod] | a/y[Pod] | TCP 80,UDP 53 |\n"
        );
        let empty = Connectivity {
            endpoints: vec![],
            conn_sets: vec![],
            lines: vec![],
        };
        let mut out = Vec::new();
        write(&empty, Format::Json, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }

    #[test]
    fn csv_quotes_like_go() {
        assert_eq!(csv_field("TCP 80,UDP 53"), "\"TCP 80,UDP 53\"");
        assert_eq!(csv_field("All Connections"), "All Connections");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }
}
