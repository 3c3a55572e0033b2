//! The parallel split of JSON (list items, arrays, concatenated values) gives exactly the
//! objects and warnings of the whole-document parse, on every real JSON fixture and on all of
//! them together in each shape.

use kubegraph_files::{load_bytes, load_json_split, LoadOptions, Loaded};

fn summary(l: &Loaded) -> Vec<String> {
    let mut out: Vec<String> = l
        .objects
        .iter()
        .map(|o| {
            format!(
                "{} {:?} {} {}",
                o.kind,
                o.namespace,
                o.name,
                sonic_rs::to_string(&o.raw).unwrap()
            )
        })
        .collect();
    out.extend(l.diagnostics.iter().map(|d| d.to_string()));
    out
}

fn json_fixtures() -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(kubegraph_fixtures::root())
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_json_fixture_loads_the_same_split_and_whole() {
    let fixtures = json_fixtures();
    assert!(fixtures.len() > 100, "{} JSON fixtures", fixtures.len());
    let options = LoadOptions::default();
    for (name, bytes) in &fixtures {
        let whole = load_bytes(name, bytes, &options);
        let split = load_json_split(name, bytes, &options);
        assert_eq!(summary(&split), summary(&whole), "{name}");
    }
}

#[test]
fn all_json_fixtures_as_an_array_a_list_and_a_stream() {
    let values: Vec<serde_json::Value> = json_fixtures()
        .iter()
        .filter_map(|(_, b)| serde_json::from_slice(b).ok())
        .collect();
    let options = LoadOptions::default();
    let one_line: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    let pretty: Vec<String> = values
        .iter()
        .map(|v| serde_json::to_string_pretty(v).unwrap())
        .collect();
    let shapes = [
        format!("[{}]", one_line.join(",")),
        format!("[\n{}\n]\n", pretty.join(",\n")),
        format!(
            "{{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{}]}}",
            one_line.join(",")
        ),
        one_line.join("\n"),
        pretty.join("\n"),
    ];
    for shape in &shapes {
        let whole = load_bytes("all.json", shape.as_bytes(), &options);
        let split = load_json_split("all.json", shape.as_bytes(), &options);
        assert!(whole.objects.len() > 100, "{} objects", whole.objects.len());
        assert_eq!(summary(&split), summary(&whole), "{}", &shape[..60]);
    }
}
