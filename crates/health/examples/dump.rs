//! Prints every node's health: `cargo run -p kubegraph-health --example dump [file]` (the demo
//! without a file).
fn main() {
    let objects = match std::env::args().nth(1) {
        Some(path) => {
            let bytes = std::fs::read(&path).expect("readable file");
            kubegraph_files::load_bytes(&path, &bytes, &Default::default()).objects
        }
        None => kubegraph_demo::load().objects,
    };
    let (g, _) = kubegraph_relations::graph_from_objects("c", objects);
    let h = kubegraph_health::assess(&g);
    for (id, n) in g.nodes() {
        let x = &h[id.0 as usize];
        let o = &n.object;
        let ns = o.namespace.as_deref().unwrap_or("_");
        println!("{:8} {} {ns}/{}: {}", x.state, o.kind, o.name, x.reason);
    }
}
