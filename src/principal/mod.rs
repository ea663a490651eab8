//! Principals: the accounts and groups that templates grant rights to.
//!
//! A template names a principal either by SID (`*S-1-5-32-544`) or by name
//! (`Guest`, `CONTOSO\Domain Users`). gplint works with [`Sid`]s so both
//! spellings of one principal compare equal. [`describe`] names a SID for
//! reports; [`resolve_name`] turns a name back into a SID where that needs
//! no directory lookup. Names whose SID depends on the machine or domain
//! resolve to a RID to be combined later ([`ResolvedSid`]).
//!
//! Names are matched in English only. Windows stores the SID, not the name,
//! and a localized system prints `Invitado` or `Administratoren`; gplint
//! runs offline and cannot ask the target machine, so a localized name is
//! reported as unresolved rather than guessed.

mod describe;
mod key;
mod names;
mod service_sid;
mod sid;
mod well_known;

pub use describe::{Described, describe};
pub use key::PrincipalKey;
pub use names::{Resolved, ResolvedSid, resolve_name};
pub use service_sid::{app_pool_sid, service_sid};
pub use sid::{Sid, SidError, SidPart};
pub use well_known::{DOMAIN_RIDS, DomainRid, PrincipalKind, WELL_KNOWN, WellKnown};
