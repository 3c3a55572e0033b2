/// Normalises a container image reference the way the container runtime resolves it, so that
/// `nginx`, `nginx:latest` and `docker.io/library/nginx:latest` become one image node:
/// the registry defaults to `docker.io`, single-segment Docker Hub names get `library/`, and the
/// tag defaults to `latest` unless a digest pins the image.
pub fn normalize_image(reference: &str) -> String {
    let reference = reference.trim();
    if reference.is_empty() {
        return String::new();
    }
    let (name_and_tag, digest) = match reference.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (reference, None),
    };
    // A tag is the part after the last ':' that comes after the last '/'
    // (a ':' before that is a registry port).
    let last_slash = name_and_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_and_tag[last_slash..].rfind(':') {
        Some(i) => (
            &name_and_tag[..last_slash + i],
            Some(&name_and_tag[last_slash + i + 1..]),
        ),
        None => (name_and_tag, None),
    };
    // The first segment is a registry if it looks like a host: has a '.' or ':' or is localhost.
    let (registry, path) = match name.split_once('/') {
        Some((first, rest))
            if first.contains('.') || first.contains(':') || first == "localhost" =>
        {
            (first.to_string(), rest.to_string())
        }
        _ => ("docker.io".to_string(), name.to_string()),
    };
    let registry = if registry == "index.docker.io" {
        "docker.io".to_string()
    } else {
        registry
    };
    let path = if registry == "docker.io" && !path.contains('/') {
        format!("library/{path}")
    } else {
        path
    };
    let mut out = format!("{registry}/{path}");
    match (tag, digest) {
        (Some(t), _) => {
            out.push(':');
            out.push_str(t);
        }
        (None, None) => out.push_str(":latest"),
        (None, Some(_)) => {}
    }
    if let Some(d) = digest {
        out.push('@');
        out.push_str(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize_image as n;

    #[test]
    fn docker_hub_defaults() {
        assert_eq!(n("nginx"), "docker.io/library/nginx:latest");
        assert_eq!(n("nginx:1.25"), "docker.io/library/nginx:1.25");
        assert_eq!(n("bitnami/redis"), "docker.io/bitnami/redis:latest");
        assert_eq!(
            n("index.docker.io/library/nginx:1"),
            "docker.io/library/nginx:1"
        );
    }

    #[test]
    fn registries_ports_and_digests() {
        assert_eq!(
            n("gcr.io/google-samples/cart:v1"),
            "gcr.io/google-samples/cart:v1"
        );
        assert_eq!(n("localhost:5000/app"), "localhost:5000/app:latest");
        assert_eq!(
            n("registry.internal:5000/team/app:2"),
            "registry.internal:5000/team/app:2"
        );
        assert_eq!(n("quay.io/x/y@sha256:abc"), "quay.io/x/y@sha256:abc");
        assert_eq!(
            n("redis:7@sha256:abc"),
            "docker.io/library/redis:7@sha256:abc"
        );
        assert_eq!(n(""), "");
    }
}
