//! SeaORM entities, one per table. Hand-written to match the migrations; services use them,
//! pages never do.

pub mod account_token;
pub mod body;
pub mod calendar_day;
pub mod deadline_term;
pub mod outbox_mail;
pub mod platform_setting;
pub mod population;
pub mod role_grant;
pub mod session;
pub mod territory;
pub mod threshold;
pub mod user;
