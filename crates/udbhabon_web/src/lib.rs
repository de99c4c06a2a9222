//! The web interface: routes, pages in Bengali and English, static assets, and the operations
//! endpoints (`/health`, `/metrics`). Pages are small server-rendered HTML that works without JavaScript.

mod account;
mod admin;
mod assets;
mod audit;
mod auth;
mod cache;
mod chart;
mod collection;
mod download;
mod error;
mod extract;
mod form;
mod holiday;
mod home;
mod innovation;
mod lang;
mod layout;
mod limits;
mod meeting;
mod office;
mod ops;
mod pager;
mod plan;
mod portal;
mod register;
mod routes;
mod security;
mod state;
mod team;
mod training;
mod upload;

pub use routes::{Access, Body, ROUTES, router};
pub use state::AppState;
