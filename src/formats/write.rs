//! Writers: a structured file with its reading order repaired.
//!
//! (Filled in below.)
