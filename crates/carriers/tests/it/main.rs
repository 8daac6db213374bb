//! Each carrier's client against a local server that answers as carriers.md documents, one
//! file per carrier; the server records every request so the tests can check the documented
//! headers and field names.

mod ghn;
mod ghtk;
mod helpers;
mod viettelpost;
mod vnpost;
