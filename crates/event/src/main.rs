//! The event module as Trunk builds it: the library's exports (`src/lib.rs`), linked.

extern crate recap_event;

fn main() {}
