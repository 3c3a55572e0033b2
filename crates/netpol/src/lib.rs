//! NetworkPolicy reachability (work in progress).
