//! Gzip-compressed input (`dump.json.gz`, `kubectl get -A -o yaml | gzip`): dumps are usually
//! kept compressed, and reading them directly saves a decompressed copy on disk.
//!
//! Recognised by the two magic bytes, so a compressed stdin or a file with any name is read too.
//! The whole input is decompressed into memory first (it is parsed in parallel from there), with
//! zlib-rs, which inflates at several hundred MB/s on one core.

use flate2::read::MultiGzDecoder;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether a directory entry is a manifest: `.yaml`, `.yml`, `.json`, or one of them `.gz`.
pub(crate) fn is_manifest_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e))
}

/// Whether the file starts with gzip's magic bytes (its position is put back at the start).
pub(crate) fn is_gzip_file(mut file: &std::fs::File) -> io::Result<bool> {
    let mut head = [0u8; 2];
    let n = file.read(&mut head)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(n == 2 && head == MAGIC)
}

/// The decompressed bytes of a gzip file; every member of a multi-member file (`cat a.gz b.gz`).
pub(crate) fn decompress(file: std::fs::File) -> io::Result<Vec<u8>> {
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(0);
    inflate(io::BufReader::with_capacity(1 << 20, file), len)
}

/// The bytes themselves, or what they decompress to when they are gzip.
pub(crate) fn decompress_if_gzip(bytes: Vec<u8>) -> io::Result<Vec<u8>> {
    if !bytes.starts_with(&MAGIC) {
        return Ok(bytes);
    }
    inflate(&bytes[..], bytes.len())
}

/// Every member of the gzip stream `compressed` of `len` bytes, inflated.
fn inflate(compressed: impl Read, len: usize) -> io::Result<Vec<u8>> {
    // Dumps compress about ten to one; the vector grows past that if it must.
    let mut out = Vec::with_capacity(len.saturating_mul(10));
    MultiGzDecoder::new(compressed)
        .read_to_end(&mut out)
        .map_err(invalid)?;
    Ok(out)
}

fn invalid(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("invalid gzip data: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn members_are_read_one_after_the_other() {
        let mut both = gz(b"{\"a\": 1}\n");
        both.extend(gz(b"{\"b\": 2}\n"));
        assert_eq!(
            decompress_if_gzip(both).unwrap(),
            b"{\"a\": 1}\n{\"b\": 2}\n"
        );
        assert_eq!(decompress_if_gzip(b"plain".to_vec()).unwrap(), b"plain");
    }

    #[test]
    fn truncated_data_is_an_error_that_says_gzip() {
        let mut data = gz(&[b'x'; 10000]);
        data.truncate(data.len() / 2);
        let e = decompress_if_gzip(data).unwrap_err();
        assert!(e.to_string().starts_with("invalid gzip data"), "{e}");
    }

    #[test]
    fn manifest_names() {
        for (name, yes) in [
            ("a/dump.json.gz", true),
            ("x.yml", true),
            ("x.yaml.gz", true),
            ("x.gz", false),
            ("x.txt", false),
            ("x.tar.gz", false),
        ] {
            assert_eq!(is_manifest_name(Path::new(name)), yes, "{name}");
        }
    }
}
