//! Content negotiation on the `Accept` header: metadata-only objects and aggregated discovery.
//!
//! The header is a comma-separated list in the client's order of preference; each entry is a
//! media type with `;`-separated parameters (`as`, `g`, `v` name the Kubernetes type wanted).

use serde_json::Value;

use crate::status;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Representation {
    Full,
    Metadata,
}

/// The aggregated discovery version a client accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Aggregated {
    V2,
    V2Beta1,
}

impl Aggregated {
    pub(crate) fn api_version(self) -> &'static str {
        match self {
            Aggregated::V2 => "apidiscovery.k8s.io/v2",
            Aggregated::V2Beta1 => "apidiscovery.k8s.io/v2beta1",
        }
    }

    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Aggregated::V2 => {
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
            }
            Aggregated::V2Beta1 => {
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"
            }
        }
    }
}

/// One entry of the header.
struct MediaType<'a> {
    essence: &'a str,
    as_kind: Option<&'a str>,
    group: Option<&'a str>,
    version: Option<&'a str>,
}

fn media_types(accept: Option<&str>) -> Vec<MediaType<'_>> {
    accept
        .unwrap_or("")
        .split(',')
        .filter(|entry| !entry.trim().is_empty())
        .map(|entry| {
            let mut parts = entry.split(';');
            let essence = parts.next().unwrap_or("").trim();
            let mut media = MediaType {
                essence,
                as_kind: None,
                group: None,
                version: None,
            };
            for param in parts {
                let Some((key, value)) = param.split_once('=') else {
                    continue;
                };
                let value = value.trim();
                match key.trim() {
                    "as" => media.as_kind = Some(value),
                    "g" => media.group = Some(value),
                    "v" => media.version = Some(value),
                    _ => {}
                }
            }
            media
        })
        .collect()
}

fn is_json(essence: &str) -> bool {
    matches!(essence, "application/json" | "application/*" | "*/*")
}

/// The aggregated discovery document the client prefers, if it asked for one at all.
pub(crate) fn aggregated(accept: Option<&str>) -> Option<Aggregated> {
    for media in media_types(accept) {
        if media.group == Some("apidiscovery.k8s.io")
            && media.as_kind == Some("APIGroupDiscoveryList")
        {
            match media.version {
                Some("v2") => return Some(Aggregated::V2),
                Some("v2beta1") => return Some(Aggregated::V2Beta1),
                _ => continue,
            }
        }
        if is_json(media.essence) && media.as_kind.is_none() {
            // The client prefers the legacy document to anything after this entry.
            return None;
        }
    }
    None
}

/// Negotiates the first acceptable entry: plain JSON (`Full`), or `as=<metadata_kind>`
/// (`Metadata`), else 406 as the real server answers.
fn negotiate(
    accept: Option<&str>,
    metadata_kind: &str,
    also: Option<&str>,
) -> Result<Representation, (u16, Value)> {
    let entries = media_types(accept);
    if entries.is_empty() {
        return Ok(Representation::Full);
    }
    let mut asked_other_metadata = None;
    for media in &entries {
        if !is_json(media.essence) {
            continue;
        }
        match media.as_kind {
            None => return Ok(Representation::Full),
            Some(kind)
                if media.group == Some("meta.k8s.io")
                    && matches!(media.version, Some("v1") | Some("v1beta1")) =>
            {
                if kind == metadata_kind || Some(kind) == also {
                    return Ok(Representation::Metadata);
                }
                if kind == "PartialObjectMetadata" || kind == "PartialObjectMetadataList" {
                    asked_other_metadata = Some(kind);
                }
            }
            Some(_) => {}
        }
    }
    let message = match asked_other_metadata {
        Some("PartialObjectMetadata") => {
            "you requested PartialObjectMetadata, but the requested object is a list (*unstructured.UnstructuredList)".to_string()
        }
        Some(_) => "you requested PartialObjectMetadataList, but the requested object is not a list (*unstructured.Unstructured)".to_string(),
        None => "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf".to_string(),
    };
    Err((406, status::not_acceptable(&message)))
}

/// A list: `as=PartialObjectMetadataList` for metadata.
pub(crate) fn list(accept: Option<&str>) -> Result<Representation, (u16, Value)> {
    negotiate(accept, "PartialObjectMetadataList", None)
}

/// A single object: `as=PartialObjectMetadata` for metadata.
pub(crate) fn single(accept: Option<&str>) -> Result<Representation, (u16, Value)> {
    negotiate(accept, "PartialObjectMetadata", None)
}

/// A watch: events hold single objects, so `as=PartialObjectMetadata`; the list form is
/// accepted too, since a watch is requested on a collection.
pub(crate) fn watch(accept: Option<&str>) -> Result<Representation, (u16, Value)> {
    negotiate(
        accept,
        "PartialObjectMetadata",
        Some("PartialObjectMetadataList"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const KUBE_AGGREGATED: &str = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    #[test]
    fn aggregated_discovery_only_when_preferred() {
        assert_eq!(aggregated(Some(KUBE_AGGREGATED)), Some(Aggregated::V2));
        assert_eq!(
            aggregated(Some(
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"
            )),
            Some(Aggregated::V2Beta1)
        );
        assert_eq!(aggregated(Some("application/json")), None);
        assert_eq!(aggregated(None), None);
    }

    #[test]
    fn metadata_negotiation() {
        let list_meta = Some("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1");
        let single_meta = Some("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1");
        assert_eq!(list(list_meta).unwrap(), Representation::Metadata);
        assert_eq!(list(None).unwrap(), Representation::Full);
        assert_eq!(
            list(Some("application/json")).unwrap(),
            Representation::Full
        );
        assert_eq!(list(single_meta).unwrap_err().0, 406);
        assert_eq!(single(single_meta).unwrap(), Representation::Metadata);
        assert_eq!(single(list_meta).unwrap_err().0, 406);
        assert_eq!(watch(single_meta).unwrap(), Representation::Metadata);
        assert_eq!(list(Some("text/html")).unwrap_err().0, 406);
    }
}
