//! The shape of a SharpHound JSON file, as far as gplint reads it.
//!
//! A file is `{"data": [...], "meta": {"type", "count", "version",
//! "methods"}}`, with `meta` before or after `data`. Every record of
//! every type is read into one [`Record`]: the fields gplint uses and
//! nothing else. serde skips every other field (ACEs, sessions, local
//! groups, and the secrets an export can carry: `userpassword`,
//! `unixpassword`, `unicodepassword`, `sfupassword`, LAPS attributes)
//! without building it, so memory is bounded by what is kept and a
//! secret is never in memory as a value of the model.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};

/// One SharpHound file: its `meta` and its `data`, in either order.
#[derive(Debug, Default)]
pub(super) struct Collection {
    /// `meta`, when the file has one.
    pub meta: Option<Meta>,
    /// `data`, when the file has one; elements that are no JSON object
    /// are `None`, so a JSON file that is no SharpHound file is told by
    /// its missing `meta`, not refused for the shape of its `data`.
    pub data: Option<Vec<Item>>,
}

/// The `meta` object: what the file holds, and in which format version.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Meta {
    /// `users`, `groups`, `computers`, `domains`, `gpos`, `ous`, ….
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// 5 for SharpHound 1.1 (BloodHound 4.3), 6 for SharpHound CE.
    pub version: Option<i64>,
}

/// One element of `data`: a user, group, computer or domain.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Record {
    /// The object's properties.
    #[serde(rename = "Properties")]
    pub properties: Option<Properties>,
    /// Its SID, BUILTIN and well-known ones as `DOMAIN-S-1-5-32-544`.
    #[serde(rename = "ObjectIdentifier")]
    pub object_identifier: Option<String>,
    /// A user's or computer's primary group (`primaryGroupID` as a SID).
    #[serde(rename = "PrimaryGroupSID")]
    pub primary_group_sid: Option<String>,
    /// A group's direct members.
    #[serde(rename = "Members")]
    pub members: Option<Vec<Member>>,
}

/// One member of a group: `{"ObjectIdentifier", "ObjectType"}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Member {
    /// The member's SID, maybe with the `DOMAIN-` prefix.
    #[serde(rename = "ObjectIdentifier")]
    pub object_identifier: Option<String>,
}

/// The properties gplint reads, as SharpHound names them (lower case).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Properties {
    /// `NAME@DOMAIN` for users and groups, the DNS host name for
    /// computers, the DNS name for domains.
    pub name: Option<String>,
    /// The DNS name of the object's domain.
    pub domain: Option<String>,
    /// The DN, upper-cased by SharpHound.
    pub distinguishedname: Option<String>,
    /// `sAMAccountName` (v6; v5 files lack it).
    pub samaccountname: Option<String>,
    /// `userPrincipalName`, only with `--collectallproperties`.
    pub userprincipalname: Option<String>,
    /// Not `ACCOUNTDISABLE`.
    pub enabled: Option<bool>,
    /// `DONT_EXPIRE_PASSWORD`.
    pub pwdneverexpires: Option<bool>,
    /// `SMARTCARD_REQUIRED` (recent SharpHound CE).
    pub smartcardrequired: Option<bool>,
    /// The raw `userAccountControl` (recent SharpHound CE).
    pub useraccountcontrol: Option<i64>,
    /// `pwdLastSet` in seconds since 1970; -1 when unknown, 0 when the
    /// password must change at next logon.
    pub pwdlastset: Option<i64>,
    /// Whether the account has an SPN.
    pub hasspn: Option<bool>,
    /// The SPNs, only counted.
    pub serviceprincipalnames: Option<Vec<IgnoredAny>>,
    /// Set on a group managed service account (SharpHound CE).
    pub gmsa: Option<bool>,
    /// Set on a standalone managed service account (SharpHound CE).
    pub msa: Option<bool>,
    /// A domain's NetBIOS name (recent SharpHound CE).
    pub netbios: Option<String>,
    /// A domain's `maxPwdAge` as SharpHound writes it: `"42 days"`,
    /// `"Forever"`.
    pub maxpwdage: Option<Duration>,
    /// A domain's `lockoutThreshold`.
    pub lockoutthreshold: Option<i64>,
}

/// A duration as SharpHound CE writes it (`"42 days, 3 hours"`,
/// `"Forever"`), or as the raw negative 100-ns count AD stores.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum Duration {
    /// SharpHound's words.
    Text(String),
    /// AD's negative count of 100-ns intervals.
    Ticks(i64),
}

/// One element of `data`: a record, or `None` for what is no object.
#[derive(Debug, Default)]
pub(super) struct Item(pub Option<Record>);

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a SharpHound record")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
        Record::deserialize(de::value::MapAccessDeserializer::new(map)).map(|r| Item(Some(r)))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Item(None))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Item, E> {
        Ok(Item(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Item, E> {
        Ok(Item(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Item, E> {
        Ok(Item(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Item, E> {
        Ok(Item(None))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Item, E> {
        Ok(Item(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Item, E> {
        Ok(Item(None))
    }
}

impl<'de> Deserialize<'de> for Collection {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(CollectionVisitor)
    }
}

struct CollectionVisitor;

impl<'de> Visitor<'de> for CollectionVisitor {
    type Value = Collection;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a SharpHound file: an object with `data` and `meta`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Collection, A::Error> {
        let mut collection = Collection::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "meta" => collection.meta = Some(map.next_value()?),
                "data" => collection.data = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(collection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_may_follow_data_and_unknown_fields_are_skipped() {
        let text = r#"{"data": [{"Properties": {"samaccountname": "a",
            "userpassword": "x"}, "Aces": [{"PrincipalSID": "S-1-5-18"}],
            "ObjectIdentifier": "S-1-5-21-1-2-3-1000"}],
            "meta": {"type": "users", "count": 1, "version": 6, "methods": 1},
            "extra": [1, 2]}"#;
        let read: Collection = serde_json::from_str(text).unwrap();
        let meta = read.meta.unwrap();
        assert_eq!(meta.kind.as_deref(), Some("users"));
        assert_eq!(meta.version, Some(6));
        let data = read.data.unwrap();
        assert_eq!(data.len(), 1);
        let record = data[0].0.as_ref().unwrap();
        let props = record.properties.as_ref().unwrap();
        assert_eq!(props.samaccountname.as_deref(), Some("a"));
    }

    #[test]
    fn data_elements_that_are_no_objects_are_none() {
        let text = r#"{"data": [1, "x", [2, [3]], null, true, 1.5, {}]}"#;
        let read: Collection = serde_json::from_str(text).unwrap();
        let data = read.data.unwrap();
        assert_eq!(data.iter().filter(|i| i.0.is_none()).count(), 6);
        assert!(data[6].0.is_some());
        assert!(read.meta.is_none());
    }

    #[test]
    fn nulls_are_absent_values() {
        let text = r#"{"data": [{"Properties": null, "PrimaryGroupSID": null,
            "Members": null}], "meta": {"type": "groups", "version": null}}"#;
        let read: Collection = serde_json::from_str(text).unwrap();
        assert!(
            read.data.unwrap()[0]
                .0
                .as_ref()
                .unwrap()
                .properties
                .is_none()
        );
        assert_eq!(read.meta.unwrap().version, None);
    }
}
