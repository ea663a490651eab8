//! Finding GPOs on disk: SYSVOL policy folders, GPMC backups, or one file.
//!
//! ```text
//! Policies/{GUID}/GPT.INI                        SYSVOL GPO folder
//!         /{GUID}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf
//! <name>/{BackupId}/bkupInfo.xml                 GPMC backup
//!                  /gpreport.xml                  name, GUID, links
//!                  /DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf
//! ```
//!
//! [`discover`] is the only function here that touches the file system.
//! It reads only what names a GPO (GUID, display name, links) and where
//! its template is; decoding and parsing templates happens elsewhere.
//! No link below the given path is followed, each file is read as
//! templates are (within `--max-file-size`), and what cannot be read is
//! returned as [`Skipped`] beside the GPOs that could. What is left
//! aside on purpose (files that are not templates, older backups of a
//! GPO) is returned as a [`Note`].
//! Path parts are matched ignoring case, since copies made on Windows
//! keep whatever case each tool wrote.

mod backup;
mod bkup_info;
mod budget;
mod duplicates;
mod error;
mod gpo;
mod gpreport;
mod gpt_ini;
mod guid;
mod listing;
mod lookup;
mod note;
mod read;
mod report_names;
mod skipped;
mod sysvol;
mod walk;
mod xml;

#[cfg(test)]
mod tests;

pub use error::DiscoverError;
pub use gpo::{Gpo, GpoKind, GpoLink};
pub use guid::{DEFAULT_DOMAIN_POLICY, normalize_guid};
pub use note::Note;
pub use skipped::{Effect, SkipReason, Skipped};
pub use walk::{
    DEFAULT_MAX_FILES, Discovery, TreeLimits, discover, discover_all, discover_limited,
};
