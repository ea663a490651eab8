//! Reporters: turn data into text. One file per output.

pub mod dump_text;
pub mod dump_view;
pub mod one_line;
pub mod render;

pub use one_line::one_line;
pub use render::{Style, render};
