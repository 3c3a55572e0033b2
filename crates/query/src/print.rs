//! A compact, stable rendering of the AST without spans, for golden tests and debugging.
//!
//! Search queries print as S-expressions joined by their traversals and commands:
//! `(and (is Pod) (= namespace "shop")) (in uses 1..) (is Pod) | (count namespace)`.
//! Resolved kinds print as `Kind` / `group/Kind`, categories as `@workload`, custom kinds as
//! `?Kind` / `?group/Kind`; bare words print unquoted and strings quoted, so the two stay apart.
//! Gremlin prints as canonical Gremlin with pairs made explicit: `G.V().Has(Type="pod").In()`.

use std::fmt::{self, Display, Formatter, Write};

use crate::ast::*;
use crate::gremlin::{Gremlin, KeyValue, Literal, Match, Source, Step};

fn join<T: Display>(f: &mut Formatter<'_>, items: &[T], sep: &str) -> fmt::Result {
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

impl Display for Ast {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Ast::Search(q) => q.fmt(f),
            Ast::Gremlin(g) => g.fmt(f),
        }
    }
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
            Command::Format(fmt) => write!(f, "(format {})", fmt.as_str()),
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

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write!(f, "{s:?}"),
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Float(x) => write!(f, "{x:?}"),
            Literal::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl Display for KeyValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key.node)?;
        match &self.value {
            None => Ok(()),
            Some(v) => match &v.node {
                Match::Eq(l) => write!(f, "={l}"),
                Match::Pred(op, args) => {
                    write!(f, "={}(", op.as_str())?;
                    let nodes: Vec<_> = args.iter().map(|a| &a.node).collect();
                    join(f, &nodes, ", ")?;
                    f.write_str(")")
                }
            },
        }
    }
}

fn keys(f: &mut Formatter<'_>, name: &str, keys: &[Spanned<String>]) -> fmt::Result {
    let quoted: Vec<String> = keys.iter().map(|k| format!("{:?}", k.node)).collect();
    write!(f, "{name}({})", quoted.join(", "))
}

impl Display for Gremlin {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (name, id) = match &self.source.node {
            Source::V(id) => ("V", id),
            Source::E(id) => ("E", id),
        };
        match id {
            Some(id) => write!(f, "G.{name}({})", id.node)?,
            None => write!(f, "G.{name}()")?,
        }
        for s in &self.steps {
            write!(f, ".{}", s.node)?;
        }
        Ok(())
    }
}

impl Display for Step {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let pairs = |f: &mut Formatter<'_>, name: &str, kvs: &[KeyValue]| {
            write!(f, "{name}(")?;
            join(f, kvs, ", ")?;
            f.write_str(")")
        };
        match self {
            Step::Has(kv) => pairs(f, "Has", kv),
            Step::HasEither(kv) => pairs(f, "HasEither", kv),
            Step::HasKey(k) => write!(f, "HasKey({:?})", k.node),
            Step::HasNot(k) => write!(f, "HasNot({:?})", k.node),
            Step::Out(kv) => pairs(f, "Out", kv),
            Step::In(kv) => pairs(f, "In", kv),
            Step::Both(kv) => pairs(f, "Both", kv),
            Step::OutE(kv) => pairs(f, "OutE", kv),
            Step::InE(kv) => pairs(f, "InE", kv),
            Step::BothE(kv) => pairs(f, "BothE", kv),
            Step::OutV(kv) => pairs(f, "OutV", kv),
            Step::InV(kv) => pairs(f, "InV", kv),
            Step::Dedup(k) => keys(f, "Dedup", k),
            Step::Values(k) => keys(f, "Values", k),
            Step::ValueMap(k) => keys(f, "ValueMap", k),
            Step::Count => f.write_str("Count()"),
            Step::Keys => f.write_str("Keys()"),
            Step::SubGraph => f.write_str("SubGraph()"),
            Step::Limit(n) => write!(f, "Limit({n})"),
            Step::Range(a, b) => write!(f, "Range({a}, {b})"),
            Step::Descendants(d) | Step::Ascendants(d) => {
                let name = if matches!(self, Step::Descendants(_)) {
                    "Descendants"
                } else {
                    "Ascendants"
                };
                match d {
                    Some(d) => write!(f, "{name}({d})"),
                    None => write!(f, "{name}()"),
                }
            }
            Step::Sort { order, key } => {
                let mut args = Vec::new();
                match order {
                    Some(Order::Asc) => args.push("ASC".to_string()),
                    Some(Order::Desc) => args.push("DESC".to_string()),
                    None => {}
                }
                if let Some(k) = key {
                    args.push(format!("{:?}", k.node));
                }
                write!(f, "Sort({})", args.join(", "))
            }
            Step::ShortestPathTo { to, via } => {
                f.write_str("ShortestPathTo(")?;
                pairs(f, "Metadata", to)?;
                if let Some(via) = via {
                    f.write_str(", ")?;
                    pairs(f, "Metadata", via)?;
                }
                f.write_str(")")
            }
        }
    }
}
