pub mod error;
pub mod model;
pub mod naming;
pub mod closure;
pub mod docs;
pub mod ir;
pub mod resolve;
pub mod inlineable;
