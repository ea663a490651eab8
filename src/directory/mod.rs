//! Directory exports: the accounts, groups, SIDs and account facts of an
//! Active Directory domain, read from an LDIF (`ldifde -f`, `ldapsearch
//! -LLL`) or a SharpHound/BloodHound collection (a folder or a `.zip` of
//! `*_users.json`, `*_groups.json`, …).
//!
//! Reading turns one export into an [`Export`]: plain values with the
//! line each came from, and nothing the model does not use. Secrets an
//! export can carry (`unicodePwd`, `userPassword`, `ms-Mcs-AdmPwd`,
//! `msLAPS-Password`, BloodHound's `userpassword`…) are skipped while
//! reading and never kept, so no later stage can print one.
//!
//! The format is told from the content, never from the file's name:
//! see [`read`].

mod bloodhound;
mod error;
mod export;
mod index;
pub(crate) mod ldif;
mod limits;
mod read;

pub use error::DirectoryError;
pub use export::{
    Domain, Export, FactLines, Object, ObjectKind, Origin, PasswordSettings, Reference,
    UserAccountControl,
};
pub use index::{DirectoryIndex, Entry, Governing, Lookup};
pub use limits::DirectoryLimits;
pub use read::{Format, read};
