//! Spans on AST nodes point at the text they came from.

use kubegraph_query::gremlin::Step;
use kubegraph_query::*;

fn text(q: &str, span: Span) -> &str {
    &q[span.start..span.end]
}

fn search(q: &str) -> Query {
    match parse(q) {
        Ok(Ast::Search(query)) => query,
        other => panic!("{q}: {other:?}"),
    }
}

#[test]
fn filters_comparisons_and_values() {
    let q = r#"is(pod, apps/Deployment) and labels."app.kubernetes.io/name" all ~ "^web" or not missing"#;
    let query = search(q);
    assert_eq!(text(q, query.span), q);
    let Some(Spanned {
        node: Filter::Or(items),
        span,
    }) = &query.parts[0].filter
    else {
        panic!("{query:?}")
    };
    assert_eq!(text(q, *span), q);
    let Filter::And(and) = &items[0].node else {
        panic!()
    };
    let Filter::Is(kinds) = &and[0].node else {
        panic!()
    };
    assert_eq!(text(q, and[0].span), "is(pod, apps/Deployment)");
    assert_eq!(text(q, kinds[1].span), "apps/Deployment");
    let Filter::Cmp(cmp) = &and[1].node else {
        panic!()
    };
    assert_eq!(
        text(q, and[1].span),
        r#"labels."app.kubernetes.io/name" all ~ "^web""#
    );
    assert_eq!(text(q, cmp.path.span), r#"labels."app.kubernetes.io/name""#);
    assert_eq!(
        text(q, cmp.path.segments[1].span),
        r#""app.kubernetes.io/name""#
    );
    assert_eq!(text(q, cmp.modifier.as_ref().unwrap().span), "all");
    assert_eq!(text(q, cmp.op.span), "~");
    assert_eq!(text(q, cmp.value.span), r#""^web""#);
    assert_eq!(text(q, items[1].span), "not missing");
}

#[test]
fn traversals_parts_and_commands() {
    let q = "is(pod) <-owns,selects[1:2]- is(deploy) | count ancestors.node.name | limit 5, 10";
    let query = search(q);
    assert_eq!(text(q, query.traversals[0].span), "<-owns,selects[1:2]-");
    assert_eq!(text(q, query.traversals[0].edges[1].span), "selects");
    assert_eq!(text(q, query.parts[1].span), "is(deploy)");
    assert_eq!(text(q, query.commands[0].span), "count ancestors.node.name");
    assert_eq!(text(q, query.commands[1].span), "limit 5, 10");
    let Command::Count(Some(path)) = &query.commands[0].node else {
        panic!()
    };
    let PathRoot::Ancestors(kind) = &path.root else {
        panic!()
    };
    assert_eq!(text(q, kind.span), "node");
    assert_eq!(text(q, path.span), "ancestors.node.name");
}

#[test]
fn a_left_out_part_has_an_empty_span_after_the_traversal() {
    let q = "is(pvc) <-[1:]- | count";
    let query = search(q);
    assert!(query.parts[1].filter.is_none());
    assert_eq!(query.parts[1].span, Span::new(15, 15));
}

#[test]
fn parenthesised_filters_span_their_parentheses() {
    let q = "(a = 1 or b = 2) and c = 3";
    let query = search(q);
    let Filter::And(items) = &query.parts[0].filter.as_ref().unwrap().node else {
        panic!()
    };
    assert_eq!(text(q, items[0].span), "(a = 1 or b = 2)");
}

#[test]
fn gremlin_steps() {
    let q = "G.V().Has('Type', 'secret', 'Name', NE('x')).In()";
    let Ok(Ast::Gremlin(g)) = parse(q) else {
        panic!()
    };
    assert_eq!(text(q, g.span), q);
    assert_eq!(text(q, g.source.span), "V()");
    assert_eq!(
        text(q, g.steps[0].span),
        "Has('Type', 'secret', 'Name', NE('x'))"
    );
    let Step::Has(kvs) = &g.steps[0].node else {
        panic!()
    };
    assert_eq!(text(q, kvs[1].key.span), "'Name'");
    assert_eq!(text(q, kvs[1].value.as_ref().unwrap().span), "NE('x')");
    assert_eq!(text(q, g.steps[1].span), "In()");
}
