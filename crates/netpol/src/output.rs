//! The connection listing as netpol-analyzer's `list` command writes it (`txt`: `src => dst :
//! conns`, one line each), which its expected outputs are compared with. The other formats
//! (json, csv, md, dot) are kubegraph's formats crate's.

use crate::analysis::Connectivity;
use std::io::{self, Write};

/// Writes the listing line for line as netpol-analyzer's `list` output.
pub fn write_txt(c: &Connectivity, out: &mut dyn Write) -> io::Result<()> {
    // Each distinct connection set is rendered once: listings run to millions of lines.
    let conns: Vec<String> = c.conn_sets.iter().map(|s| s.to_string()).collect();
    for &(s, d, id) in &c.lines {
        writeln!(
            out,
            "{} => {} : {}",
            c.endpoints[s as usize].0, c.endpoints[d as usize].0, conns[id as usize]
        )?;
    }
    Ok(())
}
