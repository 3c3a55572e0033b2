//! Health in colour on a terminal: red errors, yellow warnings, green ok, dim unknown. None when
//! stdout is not a terminal or `NO_COLOR` is set (`Run::color`).

/// `word` (a health state: `ok`, `warning`, `error`, `unknown`, or an impact's `deleted`), in
/// its colour when `color`; padded to `width` first, so tables stay aligned.
pub fn health(word: &str, width: usize, color: bool) -> String {
    let padded = format!("{word:width$}");
    if !color {
        return padded;
    }
    let code = match word {
        "error" | "deleted" => "31",
        "warning" => "33",
        "ok" => "32",
        _ => "2",
    };
    // Only the word is coloured, not the padding after it.
    let pad = &padded[word.len()..];
    format!("\x1b[{code}m{word}\x1b[0m{pad}")
}

#[cfg(test)]
mod tests {
    use super::health;

    #[test]
    fn colour_only_on_request_and_padding_outside_it() {
        assert_eq!(health("ok", 7, false), "ok     ");
        assert_eq!(health("error", 7, true), "\x1b[31merror\x1b[0m  ");
        assert_eq!(health("unknown", 0, true), "\x1b[2munknown\x1b[0m");
    }
}
