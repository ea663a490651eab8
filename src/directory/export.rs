//! One directory export, read: its domains, its accounts and groups, and
//! its fine-grained password policies, each with the place it was read.
//!
//! Values are kept as the directory stores them once decoded (SIDs from
//! `objectSid`, FILETIMEs as seconds since 1970, `logonHours` as its 21
//! bytes). Memberships are kept as written, by DN or by SID, since an
//! export may name a group before it defines it; the index over several
//! exports resolves them.

use serde::Serialize;

use crate::principal::Sid;

/// One export file or collection, read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Export {
    /// How messages name the files read, e.g. `contoso.ldif`, or
    /// `esc1.zip:20240101_users.json` for a member of a zip; an
    /// [`Origin`] indexes this list.
    pub files: Vec<String>,
    /// The domain objects (`objectClass: domain`, BloodHound's domains).
    pub domains: Vec<Domain>,
    /// Users, computers, managed service accounts and groups, in the
    /// order read.
    pub objects: Vec<Object>,
    /// Fine-grained password policies (`msDS-PasswordSettings`).
    pub password_settings: Vec<PasswordSettings>,
}

impl Export {
    /// Where `origin` is, as messages write it: `contoso.ldif:1234`.
    pub fn place(&self, origin: Origin) -> String {
        let file = usize::try_from(origin.file)
            .ok()
            .and_then(|at| self.files.get(at))
            .map_or("directory export", String::as_str);
        format!("{file}:{}", origin.line)
    }
}

/// Where a value was read: a file of [`Export::files`] and a 1-based line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    /// Index into [`Export::files`].
    pub file: u32,
    /// 1-based line of the entry or attribute. For a SharpHound JSON
    /// file, which streams without line numbers, it is the object's
    /// 1-based position in the file's `data` array, and every fact of
    /// the object has that same position.
    pub line: u32,
}

/// A domain: its names, its SID and its own account policy, which domain
/// accounts without a PSO are governed by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Domain {
    /// The DNS name, e.g. `contoso.test`, from the DN (`DC=contoso,DC=test`)
    /// or BloodHound's `domain`.
    pub dns_name: String,
    /// The NetBIOS name, e.g. `CONTOSO`, when the export carries the
    /// domain's crossRef (`nETBIOSName`) or BloodHound's `netbios`.
    pub netbios_name: Option<String>,
    /// The domain SID `S-1-5-21-a-b-c`.
    pub sid: Option<Sid>,
    /// The domain's DN, e.g. `DC=contoso,DC=test`.
    pub dn: Option<String>,
    /// `maxPwdAge` in whole days; 0 when passwords never expire.
    pub max_password_age_days: Option<i64>,
    /// `lockoutThreshold`: bad passwords before lockout; 0: never.
    pub lockout_threshold: Option<i64>,
    /// Where the domain object starts.
    pub origin: Origin,
}

/// What sort of directory object an [`Object`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectKind {
    /// A user account.
    User,
    /// A computer account (`WEB01$`).
    Computer,
    /// A group managed service account (`msDS-GroupManagedServiceAccount`).
    Gmsa,
    /// A standalone managed service account (`msDS-ManagedServiceAccount`).
    Smsa,
    /// A security or distribution group.
    Group,
}

/// A reference to another object as an export writes it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reference {
    /// By distinguished name, as LDIF's `member` and `memberOf` do.
    Dn(String),
    /// By SID, as BloodHound does (its `DOMAIN-S-1-5-32-544` form of
    /// BUILTIN SIDs already reduced to `S-1-5-32-544`).
    Sid(Sid),
}

/// The `userAccountControl` flags the model reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UserAccountControl {
    /// `ACCOUNTDISABLE` (0x2).
    pub disabled: bool,
    /// `DONT_EXPIRE_PASSWORD` (0x10000).
    pub password_never_expires: bool,
    /// `SMARTCARD_REQUIRED` (0x40000): the password is random and never
    /// expires for logon purposes.
    pub smartcard_required: bool,
}

/// The lines the facts of an [`Object`] were read from, for `explain` to
/// say where each came from; `None` when the export did not carry it.
/// For SharpHound JSON each is the object's position in `data` (see
/// [`Origin::line`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FactLines {
    /// `userAccountControl` (or BloodHound's `enabled`).
    pub account_control: Option<u32>,
    /// `pwdLastSet`.
    pub password_last_set: Option<u32>,
    /// `logonHours`.
    pub logon_hours: Option<u32>,
    /// `userWorkstations`.
    pub workstations: Option<u32>,
    /// `accountExpires`.
    pub account_expires: Option<u32>,
    /// The first `memberOf`, or the object itself when memberships come
    /// from the groups' member lists.
    pub member_of: Option<u32>,
}

/// A user, computer, managed service account or group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Object {
    /// What sort of object it is.
    pub kind: ObjectKind,
    /// `sAMAccountName`, e.g. `svc_sql` or `WEB01$`.
    pub sam_account_name: String,
    /// The distinguished name, when the export carries it.
    pub dn: Option<String>,
    /// `objectSid`.
    pub sid: Option<Sid>,
    /// `userPrincipalName`.
    pub upn: Option<String>,
    /// Groups the object is a direct member of (`memberOf`), as written.
    pub member_of: Vec<Reference>,
    /// For a group: its direct members (`member`, BloodHound's `Members`).
    pub members: Vec<Reference>,
    /// `primaryGroupID`, the RID of the primary group, which `memberOf`
    /// never lists (513, Domain Users, for most users).
    pub primary_group_rid: Option<u32>,
    /// `userAccountControl`, when the export carries it.
    pub account_control: Option<UserAccountControl>,
    /// `pwdLastSet` as seconds since 1970-01-01 UTC; `Some(0)` when 0 in
    /// the directory (the password must change at next logon).
    pub password_last_set: Option<i64>,
    /// `logonHours`: 21 bytes, one bit per hour of the week in UTC,
    /// starting Sunday 00:00, low bit first, as AD stores it.
    pub logon_hours: Option<[u8; 21]>,
    /// `userWorkstations`, split at commas; empty means any machine.
    pub workstations: Vec<String>,
    /// `accountExpires` as seconds since 1970; `None` when the account
    /// never expires (0 or `0x7FFFFFFFFFFFFFFF`) or the export lacks it.
    pub account_expires: Option<i64>,
    /// Whether the account has a `servicePrincipalName`.
    pub has_spn: bool,
    /// Where the object starts (the `dn:` line).
    pub origin: Origin,
    /// Where each fact was read, within the same file.
    pub lines: FactLines,
}

impl Object {
    /// An object of `kind` called `sam_account_name`, with nothing else
    /// known, read at `origin`.
    pub fn new(kind: ObjectKind, sam_account_name: String, origin: Origin) -> Self {
        Object {
            kind,
            sam_account_name,
            dn: None,
            sid: None,
            upn: None,
            member_of: Vec::new(),
            members: Vec::new(),
            primary_group_rid: None,
            account_control: None,
            password_last_set: None,
            logon_hours: None,
            workstations: Vec::new(),
            account_expires: None,
            has_spn: false,
            origin,
            lines: FactLines::default(),
        }
    }
}

/// A fine-grained password policy (`msDS-PasswordSettings`, a PSO).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PasswordSettings {
    /// Its `cn`, e.g. `SvcPSO`.
    pub name: String,
    /// `msDS-PasswordSettingsPrecedence`: the lowest applicable wins.
    pub precedence: u32,
    /// `msDS-MaximumPasswordAge` in whole days; 0: never expires.
    pub max_password_age_days: i64,
    /// `msDS-LockoutThreshold`; 0: never locks.
    pub lockout_threshold: i64,
    /// `msDS-PSOAppliesTo`: the users and global groups it applies to.
    pub applies_to: Vec<Reference>,
    /// Where the object starts.
    pub origin: Origin,
}
