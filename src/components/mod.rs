//! The page's components. They draw `core` state and forward events; no logic of their own.

pub mod app;
pub mod era_switch;
pub mod fact_cell;
pub mod filter_panel;
pub mod platform_table;
pub mod sources_list;
