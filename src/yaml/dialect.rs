//! The settings that differ between the kinds of file read as YAML.

/// How one kind of file is read: its own depth limit and how strict it is
/// about YAML's extras. Aliases, a second document and syntax errors are
/// refused whatever the dialect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    /// Deepest nesting of collections accepted. The tree is built without
    /// recursion, but callers walk it recursively, so the cap keeps them
    /// far from the stack's end on input such as `- - - - …`.
    pub(crate) max_depth: usize,
    /// Refuse anchors (`&a`) and tags (`!!str`) as well as aliases: a file
    /// that is plain data has no use for them, and saying so early beats
    /// a puzzling error later.
    pub(crate) plain_data: bool,
    /// End a scalar's span at its last non-blank character. A block
    /// scalar's span (`|`, `>`) otherwise takes in its final line break,
    /// and a label reads better without it.
    pub(crate) trim_scalar_spans: bool,
}
