//! The entries of the catalogue, exactly as the TOML files write them, each kind with the
//! links it writes ([`crate::catalogue::Entry`]).
//!
//! Every struct denies unknown fields, so a misspelt field name is an error rather than a
//! silently missing fact. Ids and links keep the place they were written ([`Ref`]) so that
//! validation can point at them.

mod caution;
mod clinical;
mod point;
mod source;
mod topology;

pub use caution::{Contraindication, Level, Method, PatientState, Rule};
pub use clinical::{Condition, PrescribedPoint, RedFlag, Role, Technique};
pub use point::{Category, OtherCode, Point, PointCategory};
pub use source::{Citation, Source, SourceKind};
pub use topology::{Channel, ChannelKind, Region};

use std::ops::{Deref, Range};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::Spanned;

/// An id or a link to an id, with the byte range where the file wrote it.
///
/// TOML and JSON see the id alone; the built-in catalogue's archive (a binary format, see
/// `src/builtin.rs`) keeps its place too, so that a problem an overlay causes can still point
/// into the built-in files.
#[derive(Clone, Debug)]
pub struct Ref(Spanned<String>);

impl Serialize for Ref {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.as_str().serialize(serializer)
        } else {
            let span = self.span();
            (self.as_str(), span.start, span.end).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            Spanned::<String>::deserialize(deserializer).map(Ref)
        } else {
            let (id, start, end) = <(String, usize, usize)>::deserialize(deserializer)?;
            Ok(Ref(Spanned::new(start..end, id)))
        }
    }
}

impl Ref {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        self.0.get_ref()
    }

    /// Where the id was written, as a byte range in its file.
    pub(crate) fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// A reference built in code (tests, synthetic catalogues); it points at the file start.
    pub fn new(id: impl Into<String>) -> Self {
        Ref(Spanned::new(0..0, id.into()))
    }
}

impl Deref for Ref {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Ref {
    fn eq(&self, other: &Ref) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Ref {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// A list that must hold at least one item.
fn non_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Vec::<T>::deserialize(deserializer)?;
    if items.is_empty() {
        return Err(serde::de::Error::custom(
            "this list is required and must hold at least one item",
        ));
    }
    Ok(items)
}
