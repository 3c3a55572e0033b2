//! Test API server (work in progress).
