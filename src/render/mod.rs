//! Render: a [`crate::Repaired`] document in, bytes for people and pipelines
//! out.
//!
//! [`text`] writes articles as plain text, [`json`] as JSON with provenance,
//! [`diff`] shows a reviewer what moved and what characters were removed,
//! [`structured`] writes hOCR, ALTO, PAGE-XML or TSV input back in the
//! repaired order.

pub mod diff;
pub mod json;
pub mod structured;
pub mod text;
