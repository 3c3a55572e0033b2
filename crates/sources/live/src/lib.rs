//! Live cluster source (work in progress).
