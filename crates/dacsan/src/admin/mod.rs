//! The admin desk (`/admin`): create producers and accounts, bind sellers to
//! producers and officers to provinces.

pub mod pages;
