//! The public signature log as text and the check of a signer's receipt, with nothing else: no
//! database, no I/O, no web framework. The server writes and proves entries with it,
//! `dauys-verify` reads them, and the verify page's small wasm module (`frontend/verify`)
//! repeats the receipt check in the browser, so all three read the log the same way.

pub mod log_check;
pub mod model;
