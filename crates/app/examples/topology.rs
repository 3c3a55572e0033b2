//! Prints the demo's picture as the graph view draws it (JSON), for looking at.
fn main() -> Result<(), kubegraph_app::Error> {
    use kubegraph_app::topology::{default_selection, topology, Request};
    let l = kubegraph_app::Landscape::load(&kubegraph_app::Source::Demo, None, &mut |_| {})?;
    let s = l.snapshot();
    let problems = std::env::args().any(|a| a == "problems");
    let t = topology(
        s,
        &default_selection(&s.graph),
        &Request {
            problems,
            ..Request::default()
        },
    );
    println!("{}", serde_json::to_string_pretty(&t).unwrap());
    Ok(())
}
