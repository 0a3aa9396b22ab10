//! Pieces shared by several pages.

pub mod layout;
pub mod links;
