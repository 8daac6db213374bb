//! Serde for the crate's text types: each is written as its `Display` string and
//! read back through its `FromStr`, so a deserialised value has passed the same
//! checks as a parsed one.

/// Implements `Serialize` through `Display` and `Deserialize` through `FromStr`.
macro_rules! via_display_and_from_str {
    ($($ty:ty),+ $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )+};
}

pub(crate) use via_display_and_from_str;

/// Serialises `value` with serde's own `fmt::Formatter` serializer, which writes
/// strings bare; enough to see what a text type serialises to.
#[cfg(test)]
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> String {
    struct ViaSerde<'a, T>(&'a T);

    impl<T: serde::Serialize> std::fmt::Display for ViaSerde<'_, T> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.serialize(f)
        }
    }

    ViaSerde(value).to_string()
}
