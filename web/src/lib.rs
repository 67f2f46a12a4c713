//! The doudi site. The app shows what the rules crate computes; it computes no amount.
//! Every figure on screen comes from `doudi_rules` (assess, what_if, the monthly
//! conversion of a yearly income, the policy tables).

pub mod app;
pub mod browser;
pub mod components;
pub mod draft_store;
pub mod examples;
pub mod first_screen;
pub mod form;
pub mod i18n;
pub mod session_store;
pub mod share_link;
pub mod state;
pub mod takeover;
pub mod tools;

pub use app::App;
