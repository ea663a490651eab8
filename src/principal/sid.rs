//! The [`Sid`] value type: a parsed security identifier.
//!
//! A SID is a reference to its one stored copy in a run-wide set
//! ([`intern`]): eight bytes, `Copy`, compared by pointer for equality and
//! by value for ordering, so it can be copied freely through the rule
//! engine and used as a map key.

mod error;
mod intern;
mod parse;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

pub use error::{SidError, SidPart};

/// The most sub-authorities a SID may carry (`SID_MAX_SUB_AUTHORITIES`).
const MAX_SUBS: usize = 15;

/// Identifier authorities are 48-bit values on the wire.
const AUTHORITY_LIMIT: u64 = 1 << 48;

/// `SECURITY_NT_AUTHORITY`, the authority of every `S-1-5-…` SID.
const NT_AUTHORITY: u64 = 5;

/// `SECURITY_NT_NON_UNIQUE`, the first sub-authority of domain and machine SIDs.
const NON_UNIQUE: u32 = 21;

/// A security identifier, e.g. S-1-5-32-544. Copy, cheap to hash and compare.
///
/// Ordering is by authority, then sub-authorities lexicographically, so
/// sorted lists read naturally (S-1-5-18 before S-1-5-32-544).
#[derive(Clone, Copy)]
pub struct Sid(&'static Value);

/// What a SID is; stored once per distinct SID. The sub-authorities past
/// `count` are always zero, so derived equality and hashing see only the
/// SID.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Value {
    revision: u8,
    count: u8,
    authority: u64,
    subs: [u32; MAX_SUBS],
}

impl Value {
    fn sub_authorities(&self) -> &[u32] {
        self.subs.get(..usize::from(self.count)).unwrap_or(&[])
    }
}

impl Sid {
    /// Parses the string form, e.g. `S-1-5-32-544`.
    ///
    /// Accepts `S` or `s`, revision 1, a decimal authority below 2^48 or a
    /// `0x` hex authority of up to 12 digits, and 0 to 15 decimal
    /// sub-authorities. Surrounding whitespace is rejected; callers trim.
    pub fn parse(text: &str) -> Result<Sid, SidError> {
        parse::parse(text)
    }

    /// [`Sid::parse`] for a caller that only needs to know whether a text
    /// is a SID: a text that does not start with `S-` (most names) is
    /// turned away before an error message is built for it.
    pub fn parse_quietly(text: &str) -> Option<Sid> {
        let prefixed = text
            .get(..2)
            .is_some_and(|head| head.eq_ignore_ascii_case("S-"));
        prefixed.then(|| Sid::parse(text).ok()).flatten()
    }

    /// Builds a revision-1 SID; `None` when there are more than 15
    /// sub-authorities or the authority does not fit in 48 bits.
    pub fn from_parts(authority: u64, subs: &[u32]) -> Option<Sid> {
        if authority >= AUTHORITY_LIMIT || subs.len() > MAX_SUBS {
            return None;
        }
        let mut stored = [0; MAX_SUBS];
        for (slot, sub) in stored.iter_mut().zip(subs) {
            *slot = *sub;
        }
        let count = u8::try_from(subs.len()).ok()?;
        Some(Sid::stored(Value {
            revision: 1,
            count,
            authority,
            subs: stored,
        }))
    }

    /// An `S-1-5-…` SID from a fixed-size array, for SIDs built in code.
    ///
    /// Infallible because the length is checked when compiling.
    pub(crate) fn nt_authority<const N: usize>(subs: [u32; N]) -> Sid {
        const { assert!(N <= MAX_SUBS) };
        let mut stored = [0; MAX_SUBS];
        for (slot, sub) in stored.iter_mut().zip(subs) {
            *slot = sub;
        }
        Sid::stored(Value {
            revision: 1,
            count: N as u8,
            authority: NT_AUTHORITY,
            subs: stored,
        })
    }

    fn stored(value: Value) -> Sid {
        Sid(intern::intern(value))
    }

    /// The identifier authority, e.g. 5 for `S-1-5-…`.
    pub fn authority(&self) -> u64 {
        self.0.authority
    }

    /// The sub-authorities after the authority, e.g. `[32, 544]`.
    pub fn sub_authorities(&self) -> &'static [u32] {
        self.0.sub_authorities()
    }

    /// The last sub-authority (the relative identifier), if any.
    pub fn rid(&self) -> Option<u32> {
        self.sub_authorities().last().copied()
    }

    /// True for `S-1-5-21-a-b-c-RID`: an account or group of a domain or
    /// of a machine's local SAM.
    pub fn is_domain_relative(&self) -> bool {
        let subs = self.sub_authorities();
        self.authority() == NT_AUTHORITY && subs.len() == 5 && subs.first() == Some(&NON_UNIQUE)
    }

    /// The domain (or machine) SID `S-1-5-21-a-b-c` of a domain-relative SID.
    pub fn domain(&self) -> Option<Sid> {
        if !self.is_domain_relative() {
            return None;
        }
        let (_, head) = self.sub_authorities().split_last()?;
        Sid::from_parts(self.authority(), head)
    }

    /// This SID with `rid` appended; `None` when it already has 15
    /// sub-authorities.
    pub fn with_rid(&self, rid: u32) -> Option<Sid> {
        let mut next = *self.0;
        let slot = next.subs.get_mut(usize::from(next.count))?;
        *slot = rid;
        next.count += 1;
        Some(Sid::stored(next))
    }
}

// Each distinct SID is stored once, so two SIDs are equal exactly when
// they are the same copy. Hashing and ordering look at the value (only the
// used sub-authorities), so they are the same in every run.
impl PartialEq for Sid {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Sid {}

impl Hash for Sid {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.revision.hash(state);
        self.0.authority.hash(state);
        self.sub_authorities().hash(state);
    }
}

impl PartialOrd for Sid {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sid {
    fn cmp(&self, other: &Self) -> Ordering {
        if self == other {
            return Ordering::Equal;
        }
        let (a, b) = (self.0, other.0);
        (a.revision, a.authority, a.sub_authorities()).cmp(&(
            b.revision,
            b.authority,
            b.sub_authorities(),
        ))
    }
}

impl fmt::Display for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "S-{}-", self.0.revision)?;
        // Windows switches to hex for authorities that need more than 32 bits.
        let authority = self.authority();
        if authority > u64::from(u32::MAX) {
            write!(f, "0x{authority:012X}")?;
        } else {
            write!(f, "{authority}")?;
        }
        for sub in self.sub_authorities() {
            write!(f, "-{sub}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Sid {
    type Err = SidError;

    fn from_str(text: &str) -> Result<Sid, SidError> {
        Sid::parse(text)
    }
}

impl serde::Serialize for Sid {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    #[test]
    fn accessors_expose_the_parts() {
        let admins = sid("S-1-5-32-544");
        assert_eq!(admins.authority(), 5);
        assert_eq!(admins.sub_authorities(), &[32, 544]);
        assert_eq!(admins.rid(), Some(544));
        assert_eq!(sid("S-1-5").rid(), None);
    }

    #[test]
    fn domain_relative_sids_split_into_domain_and_rid() {
        let user = sid("S-1-5-21-1004336348-1177238915-682003330-1105");
        assert!(user.is_domain_relative());
        let domain = user.domain().unwrap();
        assert_eq!(
            domain.to_string(),
            "S-1-5-21-1004336348-1177238915-682003330"
        );
        assert_eq!(domain.with_rid(1105), Some(user));
    }

    #[test]
    fn non_domain_sids_have_no_domain() {
        for text in [
            "S-1-5-32-544",
            "S-1-5-21-1-2-3",
            "S-1-5-21-1-2-3-4-5",
            "S-1-1-21-1-2-3-4",
        ] {
            assert!(!sid(text).is_domain_relative(), "{text}");
            assert_eq!(sid(text).domain(), None, "{text}");
        }
    }

    #[test]
    fn with_rid_stops_at_fifteen() {
        let full = Sid::from_parts(5, &[1; 15]).unwrap();
        assert_eq!(full.with_rid(7), None);
        let fourteen = Sid::from_parts(5, &[1; 14]).unwrap();
        assert_eq!(fourteen.with_rid(7).unwrap().rid(), Some(7));
    }

    #[test]
    fn from_parts_rejects_out_of_range_input() {
        assert_eq!(Sid::from_parts(5, &[0; 16]), None);
        assert_eq!(Sid::from_parts(1 << 48, &[]), None);
        assert_eq!(Sid::from_parts(5, &[32, 544]), Some(sid("S-1-5-32-544")));
    }

    #[test]
    fn nt_authority_matches_parse() {
        assert_eq!(Sid::nt_authority([80, 0]), sid("S-1-5-80-0"));
    }

    #[test]
    fn large_authorities_print_as_hex() {
        let big = Sid::from_parts(0x1_0000_0000, &[7]).unwrap();
        assert_eq!(big.to_string(), "S-1-0x000100000000-7");
        assert_eq!(format!("{big:?}"), "S-1-0x000100000000-7");
        assert_eq!(sid("S-1-0x10-7").to_string(), "S-1-16-7");
    }

    #[test]
    fn ordering_is_by_sub_authorities_not_length() {
        let mut sids = [
            sid("S-1-5-32-544"),
            sid("S-1-5-18"),
            sid("S-1-1-0"),
            sid("S-1-5-32"),
        ];
        sids.sort();
        let texts: Vec<String> = sids.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["S-1-1-0", "S-1-5-18", "S-1-5-32", "S-1-5-32-544"]);
    }

    #[test]
    fn serializes_as_canonical_string() {
        let json = serde_json::to_string(&sid("s-1-5-018")).unwrap();
        assert_eq!(json, "\"S-1-5-18\"");
    }

    #[test]
    fn a_sid_is_a_pointer_and_each_value_is_stored_once() {
        assert_eq!(std::mem::size_of::<Sid>(), 8);
        assert_eq!(std::mem::size_of::<Option<Sid>>(), 8);
        let text = "S-1-5-21-7-7-7-4242";
        let first = sid(text);
        let before = intern::stored_count();
        let again = sid(text);
        let built = Sid::from_parts(5, &[21, 7, 7, 7]).unwrap().with_rid(4242);
        assert!(std::ptr::eq(first.0, again.0));
        assert_eq!(built, Some(first));
        // Other tests store SIDs in parallel: the count never shrinks, and
        // reading the same SID twice more stores nothing new of its own.
        assert!(intern::stored_count() >= before);
    }

    #[test]
    fn equal_values_from_other_threads_are_the_same_sid() {
        let here = sid("S-1-5-21-8-8-8-1000");
        let there = std::thread::spawn(|| sid("S-1-5-21-8-8-8-1000"))
            .join()
            .unwrap();
        assert_eq!(here, there);
        assert!(std::ptr::eq(here.0, there.0));
    }

    #[test]
    fn hash_is_by_value() {
        use std::hash::BuildHasher;
        let hasher = rustc_hash::FxBuildHasher;
        let a = sid("S-1-5-32-544");
        let b = Sid::nt_authority([32, 544]);
        assert_eq!(hasher.hash_one(a), hasher.hash_one(b));
    }

    #[test]
    fn parse_quietly_agrees_with_parse() {
        for text in [
            "S-1-5-18", "s-1-5-18", "S-1-", "Guest", "", "é", "S", "SS-1-5",
        ] {
            assert_eq!(Sid::parse_quietly(text), Sid::parse(text).ok(), "{text}");
        }
    }

    #[test]
    fn from_str_matches_parse() {
        assert_eq!("S-1-5-19".parse::<Sid>(), Sid::parse("S-1-5-19"));
    }
}
