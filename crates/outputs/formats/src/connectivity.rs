//! Connectivity listings (`kubegraph connectivity -o F`) in netpol-analyzer's formats: `txt`
//! (netpol-analyzer's `list` output, line for line, written by `kubegraph-netpol`), `json`,
//! `csv` and `md` (through the [table writer](crate::table)), and `dot`.

use std::io::{self, Write};

use kubegraph_netpol::{Connectivity, Endpoint};

use crate::table::{self, Layout, Rule};
use crate::Format;

/// Writes the listing in `format` (one of [`Format::CONNECTIVITY`]); any other format is an
/// [`io::ErrorKind::InvalidInput`] error.
pub fn write(c: &Connectivity, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let rows = || {
        c.rows()
            .map(|(src, dst, conns)| [src.to_string(), dst.to_string(), conns.to_string()])
    };
    match format {
        Format::Table => kubegraph_netpol::output::write_txt(c, out)?,
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
        Format::Yaml => {
            let list: Vec<serde_json::Value> = c
                .rows()
                .map(|(src, dst, conns)| {
                    serde_json::json!({"src": src, "dst": dst, "conn": conns.to_string()})
                })
                .collect();
            out.write_all(
                serde_yaml_ng::to_string(&list)
                    .map_err(io::Error::other)?
                    .as_bytes(),
            )?;
        }
        Format::Csv => table::write(out, Layout::Csv, &["src", "dst", "conn"], rows())?,
        Format::Markdown => table::write(
            out,
            Layout::Markdown(Rule::Wide),
            &["src", "dst", "conn"],
            rows(),
        )?,
        Format::Dot => dot(c, out)?,
        f => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("a connectivity listing cannot be written as {f}"),
            ))
        }
    }
    Ok(())
}

fn dot_id(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Workloads grouped by namespace in clusters, external ranges and the ingress controller
/// outside them, one edge per connection labelled with its connection set.
fn dot(c: &Connectivity, out: &mut dyn Write) -> io::Result<()> {
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

    use crate::table::csv_field;
    use kubegraph_netpol::ip::IpRange;
    use kubegraph_netpol::ports::{ConnSet, PortSet, Protocol};

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
            render(Format::Table),
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
            render(Format::Markdown),
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
