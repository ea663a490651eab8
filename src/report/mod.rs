//! Reporters: turn data into text. One file per output.

pub mod check_human;
pub mod check_json;
pub mod ci;
pub mod diagnostic_codes;
pub mod diff_html;
pub mod diff_human;
pub mod diff_markdown;
pub mod dump_json;
pub mod dump_text;
pub mod dump_view;
mod excerpt;
pub mod explain_html;
pub mod explain_human;
pub mod explain_view;
pub mod github;
pub mod github_summary;
pub mod junit;
mod junit_case;
mod markdown;
pub mod matrix_html;
pub mod one_line;
mod parse_excerpt;
pub mod render;
pub mod rule_docs;
pub mod rule_fields;
pub mod sarif;
pub mod sources;
pub mod visible;
pub mod why;
pub mod xml;

pub use one_line::one_line;
pub use render::{Style, render, render_coded, render_excerpt, render_file, render_indexed};
pub use sources::Sources;
pub use visible::{visible, visible_line};
