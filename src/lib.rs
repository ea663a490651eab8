//! gplint reads Windows Group Policy security templates (`GptTmpl.inf`,
//! `secedit /export` INF files) into a typed model with source spans.
//!
//! Data flows one way:
//!
//! ```text
//! bytes ─► source ─► syntax ─► template ─► report
//!          decode    lossless  typed       text, JSON,
//!          + lines   + spans   sections    miette diagnostics
//! ```
//!
//! [`principal`] knows SIDs and names, [`rights`] the user rights;
//! [`yaml`] reads expectations and rule files into trees with spans. The
//! library never prints: [`cli`] writes to the streams it is given.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod check;
pub mod cli;
pub mod clip;
pub mod codes;
pub mod diagnostic;
pub mod discover;
pub mod expect;
pub mod facts;
pub mod finding;
#[doc(hidden)]
pub mod fuzzing;
pub mod init;
pub(crate) mod last_wins;
pub mod logon;
pub mod logon_type;
pub mod model;
pub mod policy;
pub mod principal;
pub mod report;
pub mod restriction;
pub mod rights;
pub mod rules;
pub mod scope;
pub mod source;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod template;
#[doc(hidden)]
pub mod work;
pub mod yaml;
