//! gplint reads Windows Group Policy security templates (`GptTmpl.inf`,
//! `secedit /export` INF files) into a typed model with source spans,
//! works out which account can log on in which way, and checks that
//! against an expectations file with rules.
//!
//! Data flows one way:
//!
//! ```text
//! GptTmpl.inf ──► source ─► syntax ─► template ──┐
//! services.yaml ─► yaml ──► expect ──────────────┤
//! LDIF, BloodHound ─► directory ─┘ (accounts by name, in expect)
//!                                                ▼
//!                                    policy ─► logon ─► restriction
//! SYSVOL, backups ─► discover ─► scope ─┐         │          │
//! rules/*.yaml ───► yaml ───► rules ────┤         ▼          ▼
//!                   (fields from facts) └──► check: facts × rules ─► finding ─► report ─► cli
//! ```
//!
//! Under every stage are the foundations ([`span`], [`clip`], [`suggest`],
//! [`progress`])
//! and the Windows vocabulary: [`logon_type`], [`principal`] (SIDs and
//! names), [`rights`] (the user rights) and [`model`] (target, account
//! kind, dates, week hours), which [`expect`] reads from YAML and the
//! model uses without depending on the loader. A module imports only from
//! its own stage or an earlier one; `tests/layers.rs` holds the order and
//! fails on an import from a later stage. [`codes`] (the Windows error
//! codes of `gplint why`) sits after [`rules`], [`init`] after [`scope`].
//! The library never prints: [`cli`] writes to the streams it is given,
//! and long stages tell a [`progress::Progress`] they are handed, which
//! does nothing unless the binary draws a bar.
#![forbid(unsafe_code)]
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod check;
pub mod cli;
pub mod clip;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod directory;
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
pub(crate) mod near;
pub mod policy;
pub mod principal;
pub mod progress;
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

/// The project's home, from which every published address is built
/// (SARIF's `informationUri`, the schemas' `$id`). A constant of the crate
/// rather than of a stage, so the earliest stage that names an address
/// can use it. It is Cargo.toml's `repository`, the one place that names
/// the address.
pub const PROJECT_URI: &str = env!("CARGO_PKG_REPOSITORY");
