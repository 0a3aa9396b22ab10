//! SeaORM entities, one per table. Hand-written to match the migrations; services use them,
//! pages never do.

pub mod account_token;
pub mod agenda_comment;
pub mod agenda_item;
pub mod body;
pub mod calendar_day;
pub mod case;
pub mod case_document;
pub mod case_mailing;
pub mod case_number;
pub mod case_pause;
pub mod case_rating;
pub mod case_update;
pub mod council_follow;
pub mod council_member;
pub mod deadline_term;
pub mod invalidation;
pub mod meeting;
pub mod meeting_attendance;
pub mod outbox_mail;
pub mod petition;
pub mod petition_count;
pub mod petition_region_count;
pub mod platform_setting;
pub mod population;
pub mod proposal;
pub mod proposal_support;
pub mod recommendation;
pub mod rejection_reason;
pub mod role_grant;
pub mod session;
pub mod signature;
pub mod territory;
pub mod threshold;
pub mod timeline_event;
pub mod user;
