//! A word from a closed vocabulary (a target, a kind of account, a logon
//! type), read as forgivingly as gplint always has (any case, `-`, `_` or
//! nothing between words, and the aliases), and refused through serde's
//! own "unknown variant" so the YAML layer words it with a did-you-mean
//! and the list of names.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::value::StrDeserializer;
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};

use crate::logon_type::LogonType;
use crate::model::{AccountKind, Target};

/// One word of `T`'s vocabulary. Asked for as text, so a list or a
/// mapping where the word belongs is the wrong shape, never a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<T>(pub(crate) T);

/// A closed vocabulary whose serde names are its canonical spellings.
pub(crate) trait Vocabulary: DeserializeOwned + JsonSchema {
    /// Spellings beside the serde names that the schema offers too.
    const ALIASES: &'static [&'static str];

    /// Any spelling gplint accepts; `None` for none.
    fn parse(text: &str) -> Option<Self>;
}

impl Vocabulary for LogonType {
    const ALIASES: &'static [&'static str] = &["rdp", "remote_interactive"];

    fn parse(text: &str) -> Option<Self> {
        LogonType::parse(text)
    }
}

impl Vocabulary for Target {
    const ALIASES: &'static [&'static str] = &["dc"];

    fn parse(text: &str) -> Option<Self> {
        Target::parse(text)
    }
}

impl Vocabulary for AccountKind {
    const ALIASES: &'static [&'static str] = &["msa", "smsa"];

    fn parse(text: &str) -> Option<Self> {
        AccountKind::parse(text)
    }
}

impl<'de, T: Vocabulary> Deserialize<'de> for Word<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WordVisitor(PhantomData))
    }
}

struct WordVisitor<T>(PhantomData<T>);

impl<T: Vocabulary> Visitor<'_> for WordVisitor<T> {
    type Value = Word<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a single value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Word<T>, E> {
        let text = text.trim();
        match T::parse(text) {
            Some(word) => Ok(Word(word)),
            // Fails with serde's unknown variant and the list of names.
            None => T::deserialize(StrDeserializer::<E>::new(text)).map(Word),
        }
    }
}

impl<T: Vocabulary> JsonSchema for Word<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [T::json_schema(generator), { "enum": T::ALIASES }]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word<T: Vocabulary>(text: &str) -> Result<T, serde::de::value::Error> {
        let deserializer = StrDeserializer::<serde::de::value::Error>::new(text);
        Word::<T>::deserialize(deserializer).map(|word| word.0)
    }

    #[test]
    fn every_spelling_parse_accepts_is_read() {
        assert_eq!(
            word::<LogonType>("Remote_Interactive").unwrap(),
            LogonType::RemoteInteractive
        );
        assert_eq!(
            word::<LogonType>("RDP").unwrap(),
            LogonType::RemoteInteractive
        );
        assert_eq!(word::<Target>("DC").unwrap(), Target::DomainController);
        assert_eq!(word::<AccountKind>("sMSA").unwrap(), AccountKind::Gmsa);
    }

    #[test]
    fn an_unknown_word_is_an_unknown_variant_listing_the_names() {
        let error = word::<AccountKind>("robot").unwrap_err().to_string();
        assert!(error.contains("unknown variant `robot`"), "{error}");
        assert!(error.contains("`gmsa`"), "{error}");
    }

    #[test]
    fn the_serde_names_are_what_parse_reads() {
        for t in LogonType::ALL {
            assert_eq!(word::<LogonType>(t.as_str()).unwrap(), t);
        }
        for t in Target::ALL {
            assert_eq!(word::<Target>(t.as_str()).unwrap(), t);
        }
        for k in AccountKind::ALL {
            assert_eq!(word::<AccountKind>(k.as_str()).unwrap(), k);
        }
        for alias in LogonType::ALIASES {
            assert!(LogonType::parse(alias).is_some());
        }
    }
}
