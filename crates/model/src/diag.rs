use std::fmt;

/// Where in the input a problem was found. Lines and columns are 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    /// The file as the user named it (`<stdin>` for standard input, `<demo>` for the demo).
    pub file: String,
    /// The line, when known (a YAML document's first line, a JSON syntax error's line).
    pub line: Option<usize>,
    /// The column on [`Location::line`], when known.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// A warning about the input: what went wrong, where, and what the user can do about it.
/// Diagnostics never stop the load; the rest of the input is still processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is, when it is in the input rather than about it as a whole.
    pub location: Option<Location>,
    /// What went wrong, in the user's terms (`invalid YAML: ...`).
    pub message: String,
    /// What happens next or what to do about it (`this document is skipped; ...`).
    pub hint: Option<String>,
    /// Part of the input was left out (a document, an item or a file that cannot be read):
    /// what `--strict` fails on.
    pub skipped: bool,
}

impl Diagnostic {
    /// A diagnostic with this message, no location and no hint.
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic {
            location: None,
            message: message.into(),
            hint: None,
            skipped: false,
        }
    }

    /// The same diagnostic, saying that part of the input was left out.
    pub fn skipped(mut self) -> Self {
        self.skipped = true;
        self
    }

    /// The same diagnostic, located.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// The same diagnostic, with a hint (printed after the message as `(hint: ...)`).
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}
