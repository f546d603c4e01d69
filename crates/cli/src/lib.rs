//! `recap-feed`: turns a Jekyll site's posts into a Recap JSON Feed, and checks feeds.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod build;
pub mod check;
pub mod config;
pub mod init;
pub mod pages;
pub mod paginate;
pub mod people;
pub mod post;
pub mod rebase;
pub mod suggest;
pub mod talks;
