//! Letter templates for completion: the shared module `crate::templates` (the same templates the
//! CLI's `new` writes).

pub use crate::templates::{Template, builtin, matching};
