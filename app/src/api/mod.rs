//! Server functions: the only way pages reach the server. Each is thin: check who is asking
//! (when it changes state), validate, call a service, map the error.

pub mod accounts;
#[cfg(feature = "ssr")]
pub mod acting;
pub mod admin;
pub mod cases;
pub mod councils;
pub mod inquiries;
pub mod petitions;
pub mod places;
pub mod roles;
pub mod signature_log;

pub use places::{get_body, get_region, list_regions, list_topics, search_everything};
