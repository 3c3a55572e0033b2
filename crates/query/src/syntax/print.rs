//! A compact, stable rendering of the AST without spans, for golden tests and debugging.
//!
//! Search queries print as S-expressions joined by their traversals and commands:
//! `(and (is Pod) (= namespace "shop")) (in uses 1..) (is Pod) | (count namespace)`.
//! Resolved kinds print as `Kind` / `group/Kind`, categories as `@workload`, custom kinds as
//! `?Kind` / `?group/Kind`; bare words print unquoted and strings quoted, so the two stay apart.
//! (Gremlin prints in `gremlin/ast.rs`.) [`path_text`] writes a path as the user would, for
//! column headers and messages.

use std::fmt::{self, Display, Formatter, Write};

use crate::syntax::ast::*;

/// Writes `items` separated by `sep`.
pub(crate) fn join<T: Display>(f: &mut Formatter<'_>, items: &[T], sep: &str) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

fn nodes<T>(v: &[Spanned<T>]) -> Vec<&T> {
    v.iter().map(|s| &s.node).collect()
}

impl Display for Query {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                write!(f, " {} ", self.traversals[i - 1])?;
            }
            part.fmt(f)?;
        }
        for c in &self.commands {
            write!(f, " | {}", c.node)?;
        }
        Ok(())
    }
}

impl Display for Part {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.filter {
            Some(filter) => filter.node.fmt(f),
            None => f.write_str("_"),
        }
    }
}

impl Display for Filter {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Filter::And(v) => {
                f.write_str("(and ")?;
                join(f, &nodes(v), " ")?;
                f.write_str(")")
            }
            Filter::Or(v) => {
                f.write_str("(or ")?;
                join(f, &nodes(v), " ")?;
                f.write_str(")")
            }
            Filter::Not(inner) => write!(f, "(not {})", inner.node),
            Filter::Is(kinds) => {
                f.write_str("(is ")?;
                join(f, kinds, " ")?;
                f.write_str(")")
            }
            Filter::Has(p) => write!(f, "(has {p})"),
            Filter::Missing => f.write_str("missing"),
            Filter::All => f.write_str("all"),
            Filter::Text(t) => write!(f, "(text {t:?})"),
            Filter::Cmp(c) => {
                write!(f, "({} ", c.op.node.as_str())?;
                if let Some(m) = &c.modifier {
                    write!(f, "{} ", m.node.as_str())?;
                }
                write!(f, "{} {})", c.path, c.value.node)
            }
            Filter::With(w) => {
                f.write_str("(with ")?;
                match w.quant.node {
                    WithQuant::Any => f.write_str("any")?,
                    WithQuant::Empty => f.write_str("empty")?,
                    WithQuant::Count(op, n) => write!(f, "(count {} {n})", op.as_str())?,
                }
                write!(f, " {}", w.traversal)?;
                match &w.part {
                    Some(p) => write!(f, " {p})"),
                    None => f.write_str(")"),
                }
            }
        }
    }
}

impl Display for KindRef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            KindSel::Builtin(gks) => join(f, gks, "|"),
            KindSel::Abstract(a) => write!(f, "@{a}"),
            KindSel::Custom {
                group: Some(g),
                kind,
            } => write!(f, "?{g}/{kind}"),
            KindSel::Custom { group: None, kind } => write!(f, "?{kind}"),
        }
    }
}

fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

impl Display for Path {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.root {
            PathRoot::Object => {}
            PathRoot::Ancestors(k) => write!(f, "ancestors[{k}].")?,
            PathRoot::Descendants(k) => write!(f, "descendants[{k}].")?,
        }
        for (i, seg) in self.segments.iter().enumerate() {
            match &seg.node {
                Segment::Key(k) => {
                    if i > 0 {
                        f.write_char('.')?;
                    }
                    if is_plain_key(k) {
                        f.write_str(k)?;
                    } else {
                        write!(f, "{k:?}")?;
                    }
                }
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Wildcard => f.write_str("[*]")?,
            }
        }
        Ok(())
    }
}

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Word(w) => f.write_str(w),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Null => f.write_str("null"),
            Value::Duration { text, secs } => write!(f, "(duration {text} {secs}s)"),
            Value::Quantity { text, value } => write!(f, "(quantity {text} {value})"),
            Value::DurationOrQuantity { text, secs, value } => {
                write!(f, "(duration|quantity {text} {secs}s {value})")
            }
            Value::Timestamp(t) => write!(f, "(timestamp {t})"),
            Value::List(items) => {
                f.write_char('[')?;
                let nodes: Vec<_> = items.iter().map(|s| &s.node).collect();
                join(f, &nodes, " ")?;
                f.write_char(']')
            }
        }
    }
}

impl Display for Depth {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "{max}"),
            Some(max) => write!(f, "{}..{max}", self.min),
            None => write!(f, "{}..", self.min),
        }
    }
}

impl Display for Traversal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let dir = match self.direction {
            Direction::Out => "out",
            Direction::In => "in",
            Direction::Both => "both",
        };
        write!(f, "({dir} ")?;
        if let Some(r) = &self.reach {
            match &r.port {
                Some((port, proto)) => write!(f, "can_reach({port}/{proto}) ")?,
                None => f.write_str("can_reach ")?,
            }
        }
        if !self.edges.is_empty() {
            let names: Vec<_> = self.edges.iter().map(|e| e.node.as_str()).collect();
            write!(f, "{} ", names.join(","))?;
        }
        write!(f, "{})", self.depth)
    }
}

impl Display for Column {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.alias {
            Some(a) => write!(f, "(as {} {:?})", self.path, a.node),
            None => self.path.fmt(f),
        }
    }
}

impl Display for AggCall {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let call = match &self.path {
            Some(p) => format!("({} {p})", self.func.node.as_str()),
            None => format!("({})", self.func.node.as_str()),
        };
        match &self.alias {
            Some(a) => write!(f, "(as {call} {:?})", a.node),
            None => f.write_str(&call),
        }
    }
}

impl Display for Command {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Command::Count(None) => f.write_str("(count)"),
            Command::Count(Some(p)) => write!(f, "(count {p})"),
            Command::List(cols) if cols.is_empty() => f.write_str("(list)"),
            Command::List(cols) => {
                f.write_str("(list ")?;
                join(f, cols, " ")?;
                f.write_str(")")
            }
            Command::Dump => f.write_str("dump"),
            Command::Format(name) => write!(f, "(format {})", name.node),
            Command::Sort(keys) => {
                f.write_str("(sort")?;
                for k in keys {
                    let order = match k.order {
                        Order::Asc => "asc",
                        Order::Desc => "desc",
                    };
                    write!(f, " {} {order}", k.path)?;
                }
                f.write_str(")")
            }
            Command::Limit {
                offset: None,
                count,
            } => write!(f, "(limit {count})"),
            Command::Limit {
                offset: Some(o),
                count,
            } => write!(f, "(limit {o} {count})"),
            Command::Head(n) => write!(f, "(head {n})"),
            Command::Tail(n) => write!(f, "(tail {n})"),
            Command::Uniq => f.write_str("uniq"),
            Command::Aggregate { groups, funcs } => {
                f.write_str("(aggregate (")?;
                join(f, groups, " ")?;
                f.write_str(") ")?;
                join(f, funcs, " ")?;
                f.write_str(")")
            }
            Command::Explain => f.write_str("explain"),
            Command::TagUpdate { key, value } => {
                write!(f, "(tag update {:?} {:?})", key.node, value.node)
            }
            Command::TagDelete { key } => write!(f, "(tag delete {:?})", key.node),
            Command::Clean => f.write_str("clean"),
        }
    }
}

/// A path as the user would write it, for column headers.
pub fn path_text(p: &Path) -> String {
    let mut s = match &p.root {
        PathRoot::Object => String::new(),
        PathRoot::Ancestors(k) => format!("ancestors.{}.", k.written),
        PathRoot::Descendants(k) => format!("descendants.{}.", k.written),
    };
    for (i, seg) in p.segments.iter().enumerate() {
        match &seg.node {
            Segment::Key(k) => {
                if i > 0 {
                    s.push('.');
                }
                if k.contains(['.', '/', ' ']) {
                    s.push_str(&format!("{k:?}"));
                } else {
                    s.push_str(k);
                }
            }
            Segment::Index(n) => s.push_str(&format!("[{n}]")),
            Segment::Wildcard => s.push_str("[*]"),
        }
    }
    s
}
