//! How a kind of file names its mappings in messages, so the shared
//! deserializer words each problem as the file's own docs would.

/// One kind of mapping a file holds, found by the name its Rust type
/// gives serde.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    /// The type's serde name (the struct name, or its `rename`).
    pub(crate) name: &'static str,
    /// The mapping in a message, e.g. "an account".
    pub(crate) what: &'static str,
    /// Where an unknown key is not a field, e.g. "of an account".
    pub(crate) of: &'static str,
    /// A short example of the mapping, shown when it is written wrong.
    pub(crate) example: &'static str,
}

/// The mappings of one kind of file.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words {
    /// The file in a message, e.g. "an expectations file".
    pub(crate) file: &'static str,
    /// Its mappings; the first is the top level.
    pub(crate) shapes: &'static [Shape],
}

impl Words {
    /// The shape serde calls `name`; a shape made up from the name when
    /// the file does not list it.
    pub(crate) fn shape(&self, name: &str) -> Shape {
        self.shapes
            .iter()
            .find(|shape| shape.name == name)
            .copied()
            .unwrap_or(Shape {
                name: "",
                what: "this mapping",
                of: "here",
                example: self.example(),
            })
    }

    /// The top level's example.
    pub(crate) fn example(&self) -> &'static str {
        self.shapes.first().map_or("", |shape| shape.example)
    }
}
