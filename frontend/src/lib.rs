//! The browser entry point. The pages are server-rendered HTML whose forms work without
//! JavaScript; the browser runs only the app's islands (`#[island]` components), which this
//! wakes up on the pages that carry one (`app::page_has_islands`).

// The islands are exported from the app crate; this links it into the bundle.
extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
