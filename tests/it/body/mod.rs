//! The body map: the model loads, every placed point is where its location text says
//! (tests/body_relations/), channels run without unexplained jumps, bilateral points mirror,
//! and the loader reports broken files with file:line:col.

mod check;
mod draw;
mod model;
mod relations;
