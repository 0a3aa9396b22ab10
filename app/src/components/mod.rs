//! Pieces shared by several pages.

pub mod account;
pub mod case;
pub mod form;
pub mod layout;
pub mod links;
